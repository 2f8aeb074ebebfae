import type { LabelHit } from './skill-vectors';
import { Framework, SkillType } from './skill.type';

/**
 * How lexical and semantic evidence decide together which concept a phrase names, and when the
 * answer is safe to link unattended. Pure; the figures behind each constant are in BENCHMARKS.md
 * and the rule is described in docs/ARCHITECTURE.md ("Skill meaning").
 */

/** One concept's evidence for one phrase: from the label index and from the vector index. */
export interface Evidence {
  skillId: string;
  framework: Framework;
  skillType: SkillType;
  /** 0-1, the lexical matcher's score (0 when only meaning proposed it). */
  lexical: number;
  /** The phrase's words are the label's words (same light forms, order free). */
  exactWords: boolean;
  /** The label the lexical score came from. */
  lexicalLabel: string | null;
  /** Cosine of the phrase and the concept's nearest label, -1..1 (-1 when unknown). */
  similarity: number;
  /** Cosine of the phrase's context and that label (the phrase itself for a lone tag). */
  context: number;
  semanticLabel: string | null;
}

/** A concept ranked for a phrase. */
export interface Resolved extends Evidence {
  score: number;
  confident: boolean;
  matchedLabel: string;
}

/** The weights and thresholds of the rule; MEANING holds the calibrated ones. */
export interface MeaningRule {
  /** Share of the score that meaning carries (the rest is lexical). */
  weight: number;
  /** Least combined score of a confident answer that is not an exact label. */
  score: number;
  /** Least lead over the next concept of the same framework. */
  margin: number;
  /** Least cosine of phrase and label of a confident answer that is not an exact label. */
  similarity: number;
  /**
   * How far below the best concept of any framework a confident answer may score: when another
   * framework names the phrase exactly, a loose fit here ("Project management software" for
   * "Project Management") is not safe.
   */
  crossGap: number;
}

/**
 * Chosen on the train part of test/fixtures/skill-phrases.tsv (`npm run bench:skills` reruns the
 * choice) as the rule that answers the most train phrases with confidence at a confident precision
 * of 0.99 or more there (above the held-out target of 0.95: a rule does a little worse on phrases
 * it was not chosen on); the held-out part checks it.
 */
export const MEANING: MeaningRule = {
  weight: 0.5,
  score: 0.85,
  margin: 0.01,
  similarity: 0.7,
  crossGap: 0.05,
};

/** Skill groups are umbrella headings; a concept of the same meaning is the better answer. */
const GROUP_WEIGHT = 0.95;

/** The combined score of one concept's evidence under a rule. */
export function combinedScore(e: Evidence, rule: MeaningRule): number {
  const meaning = Math.max(0, e.similarity);
  const score = rule.weight * meaning + (1 - rule.weight) * e.lexical;
  return e.skillType === SkillType.GROUP ? score * GROUP_WEIGHT : score;
}

/**
 * Merges lexical candidates and vector hits of one query into one evidence per concept: the best
 * lexical score and the nearest label's similarity. `describe` gives a concept's framework and
 * type, or null for a concept the lexical index does not hold (a provider's own skill, or one
 * deleted since): those are left out.
 */
export function gatherEvidence(
  lexical: readonly { skillId: string; score: number; exact: boolean; label: string }[],
  hits: readonly LabelHit[],
  describe: (skillId: string) => { framework: Framework; skillType: SkillType } | null,
): Evidence[] {
  const byId = new Map<string, Evidence>();
  const entry = (skillId: string): Evidence | null => {
    const known = byId.get(skillId);
    if (known) return known;
    const d = describe(skillId);
    if (!d) return null;
    const e: Evidence = {
      skillId,
      ...d,
      lexical: 0,
      exactWords: false,
      lexicalLabel: null,
      similarity: -1,
      context: -1,
      semanticLabel: null,
    };
    byId.set(skillId, e);
    return e;
  };
  for (const l of lexical) {
    const e = entry(l.skillId);
    if (!e || l.score <= e.lexical) continue;
    e.lexical = l.score;
    e.exactWords = e.exactWords || l.exact;
    e.lexicalLabel = l.label;
  }
  for (const h of hits) {
    const e = entry(h.skillId);
    if (!e || h.similarity <= e.similarity) continue;
    e.similarity = h.similarity;
    e.context = h.context;
    e.semanticLabel = h.text;
  }
  return [...byId.values()];
}

/**
 * Ranks a phrase's concepts by combined score (ties: the shorter label, then the id) and marks the
 * first of each framework confident when it leads the next concept of its framework by the
 * margin and is either an exact label or close in meaning as well as in score. An answer found
 * only through letters (a stem or a fuzzy match the model does not confirm) is never confident:
 * "Audit" is not Adobe Audition.
 */
export function rankEvidence(
  evidence: readonly Evidence[],
  rule: MeaningRule = MEANING,
): Resolved[] {
  const ranked = evidence
    .map((e) => ({ ...e, score: combinedScore(e, rule) }))
    .filter((e) => e.score > 0)
    .sort(
      (a, b) =>
        b.score - a.score ||
        label(a).length - label(b).length ||
        (a.skillId < b.skillId ? -1 : a.skillId > b.skillId ? 1 : 0),
    );
  const leaders = new Map<Framework, { top: (typeof ranked)[number]; next: number }>();
  for (const r of ranked) {
    const entry = leaders.get(r.framework);
    if (!entry) leaders.set(r.framework, { top: r, next: Number.NaN });
    else if (Number.isNaN(entry.next)) entry.next = r.score;
  }
  const confident = new Set<string>();
  const best = ranked[0]?.score ?? 0;
  for (const { top, next } of leaders.values()) {
    const lead = top.score - (Number.isNaN(next) ? 0 : next);
    if (lead < rule.margin) continue;
    const exact = top.exactWords;
    const close =
      top.score >= rule.score &&
      top.similarity >= rule.similarity &&
      top.score >= best - rule.crossGap;
    if (exact || close) confident.add(top.skillId);
  }
  return ranked.map((r) => ({
    ...r,
    score: Math.round(r.score * 1000) / 1000,
    confident: confident.has(r.skillId),
    matchedLabel: matchedLabel(r),
  }));
}

/** The label that named a concept: the exact one, else the nearest in meaning. */
export function matchedLabel(e: Evidence): string {
  return label(e).trim();
}

function label(e: Evidence): string {
  return (e.exactWords ? e.lexicalLabel : (e.semanticLabel ?? e.lexicalLabel)) ?? '';
}

/**
 * The parts of a compound tag ("Leadership and Management", "Probability & Statistics",
 * "Python/SQL"), or [] for a tag of one part. Each part keeps at least one word.
 */
export function compoundParts(text: string): string[] {
  const parts = text
    .split(/\s+(?:and|&|\+)\s+|\s*[,;/&|+]\s*/i)
    .map((p) => p.trim())
    .filter((p) => /[\p{L}\p{N}]/u.test(p));
  return parts.length >= 2 && parts.length <= 6 ? parts : [];
}
