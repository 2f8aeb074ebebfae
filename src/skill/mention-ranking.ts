import type { Phrase } from './skill-extraction';
import type { Evidence } from './skill-resolution';

/**
 * Extraction's ranking (pure): which of the concepts proposed for a text's phrases the text
 * names. A (phrase, concept) pair scores by its similarity to the phrase and to the phrase's
 * sentence; then best first, each concept once, no two phrases overlapping. Described in
 * docs/ARCHITECTURE.md ("Skill meaning").
 */

/** One phrase of a text and the evidence for each concept it may name. */
export interface PhraseEvidence {
  phrase: Phrase;
  evidence: (Evidence & {
    /** A generic concept: ESCO transversal, an O*NET skill or knowledge area, a skill group. */
    generic: boolean;
    /** 0-1: the share of the label's words (weighted by specificity) that its sentence has. */
    coverage: number;
  })[];
}

type PairEvidence = PhraseEvidence['evidence'][number];

/** A phrase's concept in a text, before the hierarchy is settled. */
export interface Mention {
  phrase: Phrase;
  evidence: Evidence;
  score: number;
}

/**
 * Extraction's rule: the weights of a phrase's own similarity and its sentence's, and the least
 * scores of a mention (generic transversal skills need more), chosen on the train part of
 * test/fixtures/skill-descriptions.tsv (`npm run bench:skills`).
 */
export const EXTRACTION = {
  phrase: 1,
  context: 0.45,
  /** Weight of how much of the label's words (by specificity) the sentence has. */
  coverage: 0,
  /** Bonus for a phrase that is a whole label by its words. */
  exact: 0,
  min: 1,
  /** The least score of a generic concept (ESCO transversal, O*NET's broad elements, groups). */
  generic: 1.1,
  confident: 1.1,
};

export type ExtractionRule = typeof EXTRACTION;

/** A pair's score under a rule. */
export function mentionScore(e: PairEvidence, rule: ExtractionRule): number {
  return (
    rule.phrase * Math.max(0, e.similarity) +
    rule.context * Math.max(0, e.context) +
    rule.coverage * e.coverage +
    (e.exactWords ? rule.exact : 0)
  );
}

/**
 * The mentions of a text: every pair that scores at least the rule's least score (more for a
 * generic concept; a single word only when it is a whole label), best first; a concept is named once, by its best
 * phrase, and a phrase that overlaps a better chosen one is passed over, so "logistic
 * regression" is not also "logistics".
 */
export function chooseMentions(
  gathered: readonly PhraseEvidence[],
  rule: ExtractionRule,
): Mention[] {
  const candidates: Mention[] = [];
  for (const { phrase, evidence } of gathered) {
    for (const e of evidence) {
      if (phrase.words === 1 && !e.exactWords) continue;
      const score = mentionScore(e, rule);
      if (score >= (e.generic ? rule.generic : rule.min))
        candidates.push({ phrase, evidence: e, score });
    }
  }
  candidates.sort(
    (a, b) => b.score - a.score || b.phrase.words - a.phrase.words || a.phrase.from - b.phrase.from,
  );
  const chosen: Mention[] = [];
  const named = new Set<string>();
  for (const c of candidates) {
    if (named.has(c.evidence.skillId)) continue;
    const overlaps = chosen.some(
      (d) => c.phrase.from <= d.phrase.to && d.phrase.from <= c.phrase.to,
    );
    if (overlaps) continue;
    chosen.push(c);
    named.add(c.evidence.skillId);
  }
  return chosen;
}
