import { LRUCache } from 'lru-cache';
import type { Embedder } from './embedder';
import {
  chooseMentions,
  EXTRACTION,
  type ExtractionRule,
  type PhraseEvidence,
} from './mention-ranking';
import { cutText, type Cut, type Phrase } from './skill-extraction';
import type { SkillIndex } from './skill-index';
import type { MatchOptions, SkillMatch, SkillMatcher, SkillMention } from './skill-matcher';
import {
  compoundParts,
  gatherEvidence,
  MEANING,
  matchedLabel,
  rankEvidence,
  type Evidence,
  type Resolved,
} from './skill-resolution';
import type { LabelHit, LabelQuery, SkillVectors } from './skill-vectors';
import type { SkillRepository } from './skill.repository';
import { Framework, SkillType } from './skill.type';
import { lightWords, tokens } from './skill-text';
import { present } from '../lib/present';

/** How many nearest labels one phrase asks the vector index for. */
const NEAREST = 25;
/** How many lexical candidates of a phrase are scored by meaning besides the nearest labels. */
const LEXICAL = 8;
/**
 * Custom labels of two providers at this cosine or more mean the same and are grouped (measured
 * on pairs of real tags, BENCHMARKS.md); below it only the same normalised words group them.
 */
export const SAME_MEANING = 0.9;
/** How many concepts are proposed for a custom skill. */
const PROPOSALS = 3;
/** How many custom skills one placement round handles. */
const PLACE_BATCH = 200;

/**
 * How many phrases' answers are kept, and how long: a taxonomy change starts afresh at once; the
 * time bounds how long an answer ranked while label vectors were still being written is reused.
 */
const RECENT_ANSWERS = { max: 20_000, ttl: 30_000 };

/** For extraction: nearest labels per phrase. */
const NEAREST_IN_TEXT = 6;

/**
 * A lone word names a skill only as a name ("Python", "SQL", "with Tableau") or, standing alone
 * with no modifier (not "logistic" of "logistic regression"), as a concept's own preferred label
 * made of a word this rare across all labels ("epidemiology", not "data").
 */
const SPECIFIC_WORD = 0.5;

/**
 * Resolution by meaning and by letters: the lexical index (SkillIndex) proposes concepts by their
 * labels' words, the vector index by their labels' meaning, and the rules of skill-resolution.ts
 * decide. See docs/ARCHITECTURE.md, "Skill meaning".
 */
export class SkillResolver {
  constructor(
    private readonly index: SkillIndex,
    private readonly vectors: SkillVectors,
    private readonly embedder: Embedder,
    private readonly skills: SkillRepository,
  ) {}

  /** The concepts a short phrase most likely names, best first; compound tags per part too. */
  async suggest(text: string, options: MatchOptions): Promise<SkillMatch[]> {
    const [result] = await this.suggestMany([text], options);
    return result ?? [];
  }

  /**
   * suggest() for many phrases: the whole phrases in one round trip to the vector index, then
   * the parts of the compound ones without a confident whole answer in one more.
   */
  async suggestMany(texts: readonly string[], options: MatchOptions): Promise<SkillMatch[][]> {
    const matcher = await this.index.current();
    const wholes = await this.resolvePhrases(matcher, texts);
    const parts = texts.map((text, owner) =>
      wholes[owner]?.some((r) => r.confident) ? [] : compoundParts(text),
    );
    const resolvedParts = await this.resolvePhrases(matcher, parts.flat());
    let next = 0;
    return texts.map((_, owner) =>
      mergeParts(
        [
          { part: false, ranked: wholes[owner] ?? [] },
          ...(parts[owner] ?? []).map(() => ({ part: true, ranked: resolvedParts[next++] ?? [] })),
        ],
        options,
      ),
    );
  }

  /**
   * Places every custom skill not placed yet: its label gets a vector, its nearest concepts are
   * stored as proposals (MAY_BE), and it joins the group of another provider's custom skill of the
   * same meaning, or the group of its own normalised words. Taxonomy labels are not looked at
   * (SkillVectors.sync() keeps those), so placing after a registration costs no scan of them.
   */
  async placeCustom(): Promise<void> {
    for (;;) {
      const unplaced = await this.vectors.findUnplaced(PLACE_BATCH);
      if (unplaced.length === 0) return;
      await this.vectors.embedCustom(unplaced);
      const proposals = await this.suggestMany(
        unplaced.map((u) => u.label),
        { first: PROPOSALS },
      );
      const neighbours = await this.vectors.nearCustom(
        unplaced.map((u) => u.id),
        10,
        SAME_MEANING,
      );
      const groups = new Map<string, string>();
      for (const n of neighbours) {
        if (!groups.has(n.skillId) && n.neighbourGroup) groups.set(n.skillId, n.neighbourGroup);
      }
      await this.vectors.place(
        unplaced.map((u, i) => ({
          id: u.id,
          groupKey: groups.get(u.id) ?? `words:${u.id.slice(`custom:${u.providerId}:`.length)}`,
          proposals: (proposals[i] ?? []).map((m, rank) => ({
            skillId: m.skillId,
            score: m.score,
            rank,
          })),
        })),
      );
    }
  }

  /**
   * Ranks each phrase's concepts: lexical candidates and nearest labels, in one vector round trip
   * for the phrases not answered recently over the same taxonomy (the same tags come again and
   * again in a catalogue's registrations).
   */
  private async resolvePhrases(
    matcher: SkillMatcher,
    texts: readonly string[],
  ): Promise<Resolved[][]> {
    if (this.answered?.matcher !== matcher) {
      this.answered = { matcher, cache: new LRUCache(RECENT_ANSWERS) };
    }
    const { cache } = this.answered;
    const missing = [...new Set(texts.filter((t) => !cache.has(t)))];
    const evidence = await this.gatherPhrases(matcher, missing);
    missing.forEach((text, i) => cache.set(text, rankEvidence(evidence[i] ?? [], MEANING)));
    return texts.map((t) => cache.get(t) ?? []);
  }

  /** Recent phrases' ranked concepts, for the matcher (taxonomy) they were ranked over. */
  private answered: { matcher: SkillMatcher; cache: LRUCache<string, Resolved[]> } | null = null;

  /** Drops the recent answers (benchmarks measure the work, not the cache). */
  forget(): void {
    this.answered = null;
  }

  /** Each phrase's evidence per concept, before a rule ranks it (calibration uses this). */
  async phraseEvidence(texts: readonly string[]): Promise<Evidence[][]> {
    return this.gatherPhrases(await this.index.current(), texts);
  }

  private async gatherPhrases(
    matcher: SkillMatcher,
    texts: readonly string[],
  ): Promise<Evidence[][]> {
    const lexical = texts.map((t) => matcher.candidates(t, LEXICAL));
    const queries: LabelQuery[] = [];
    for (const [i, text] of texts.entries()) {
      const found = lexical[i] ?? [];
      queries.push({
        vector: await this.embedder.embed(text),
        also: found.map((c) => c.skillId),
        alsoLabels: found.map((c) => c.label),
      });
    }
    const hits = await this.vectors.nearLabels(queries, NEAREST);
    const byQuery = groupHits(hits, texts.length);
    return texts.map((_, i) =>
      gatherEvidence(lexical[i] ?? [], byQuery[i] ?? [], (id) => matcher.describe(id)),
    );
  }

  /**
   * The concepts a description names: phrases cut from its sentences (skill-extraction.ts), each
   * phrase's nearest labels and lexical matches, scored with its sentence as context; then the
   * best concept per phrase, no two phrases overlapping, an ancestor dropped for its descendant.
   */
  async extract(
    text: string,
    options: MatchOptions,
    rule: ExtractionRule = EXTRACTION,
    reading: PhraseReading = 'ALONE',
  ): Promise<SkillMention[]> {
    const chosen = chooseMentions(
      await this.gatherMentions(text, options.framework, reading),
      rule,
    );
    const ancestors = await this.skills.ancestorsAmong(chosen.map((c) => c.evidence.skillId));
    return chosen
      .filter(
        (c) => !chosen.some((d) => ancestors.get(d.evidence.skillId)?.has(c.evidence.skillId)),
      )
      .slice(0, options.first)
      .map((c) => ({
        skillId: c.evidence.skillId,
        framework: c.evidence.framework,
        score: Math.round(Math.min(1, c.score) * 1000) / 1000,
        confident: c.score >= rule.confident,
        matchedLabel: matchedLabel(c.evidence),
        evidence: c.phrase.text,
      }));
  }

  /**
   * The vector of each sentence and of each phrase. ALONE (the default) embeds every phrase by
   * itself, as labels are embedded; IN_CONTEXT runs the model once per sentence and reads each
   * phrase from its tokens there, so a 300-word text costs a run per sentence, not per phrase
   * (about four times faster, and less precise at the same recall: BENCHMARKS.md).
   */
  private async readPhrases(
    cut: Cut,
    phrases: readonly Phrase[],
    reading: PhraseReading,
  ): Promise<{ sentenceVectors: Float32Array[]; phraseVectors: Float32Array[] }> {
    const sentenceVectors: Float32Array[] = [];
    const phraseVectors: Float32Array[] = new Array<Float32Array>(phrases.length);
    if (reading === 'ALONE') {
      for (const sentence of cut.sentences)
        sentenceVectors.push(await this.embedder.embed(sentence));
      for (const [i, phrase] of phrases.entries())
        phraseVectors[i] = await this.embedder.embed(phrase.text);
      return { sentenceVectors, phraseVectors };
    }
    for (const [s, sentence] of cut.sentences.entries()) {
      const offset = cut.sentenceStarts[s] ?? 0;
      const mine = phrases.map((p, i) => ({ p, i })).filter(({ p }) => p.sentence === s);
      const read = await this.embedder.embedSpans(
        sentence,
        mine.map(({ p }) => ({ start: p.start - offset, end: p.end - offset })),
      );
      sentenceVectors.push(read.whole);
      mine.forEach(({ i }, k) => (phraseVectors[i] = present(read.spans[k], `span ${k}`)));
    }
    return { sentenceVectors, phraseVectors };
  }

  /** Every phrase of a text with its concepts' evidence: what extraction's rule decides on. */
  async gatherMentions(
    text: string,
    framework?: Framework | null,
    reading: PhraseReading = 'ALONE',
  ): Promise<PhraseEvidence[]> {
    const matcher = await this.index.current();
    // Each phrase's exact labels, looked up once: the cut, the one-word test and the evidence ask.
    const known = new Map<string, ExactCandidate[]>();
    const exact = (phrase: string) => {
      let found = known.get(phrase);
      if (!found) known.set(phrase, (found = matcher.exactCandidates(phrase)));
      return found;
    };
    // A window across prose words counts when its words are a label's, in the label's order.
    const cut = cutText(text, (phrase) => {
      const words = lightWords(phrase).join(' ');
      return exact(phrase).some((c) => lightWords(c.label).join(' ') === words);
    });
    const phrases = cut.phrases.filter(
      (p) => p.words > 1 || loneWordLabel(matcher, p, exact(p.text)),
    );
    if (phrases.length === 0) return [];
    const { sentenceVectors, phraseVectors } = await this.readPhrases(cut, phrases, reading);
    const lexical = phrases.map((p) => exact(p.text).slice(0, 3));
    const queries: LabelQuery[] = phrases.map((p, i) => ({
      vector: present(phraseVectors[i], `the vector of phrase ${i}`),
      context: sentenceVectors[p.sentence],
      also: (lexical[i] ?? []).map((c) => c.skillId),
      alsoLabels: (lexical[i] ?? []).map((c) => c.label),
    }));
    const hits = await this.vectors.nearLabels(queries, NEAREST_IN_TEXT);
    const byQuery = groupHits(hits, phrases.length);
    const sentenceTokens = cut.sentences.map((sentence) => new Set(tokens(sentence)));
    return phrases.map((phrase, i) => ({
      phrase,
      evidence: gatherEvidence(lexical[i] ?? [], byQuery[i] ?? [], (id) => matcher.describe(id))
        .filter((e) => !framework || e.framework === framework)
        .map((e) => ({
          ...e,
          generic: isGeneric(matcher, e),
          coverage: coverage(
            matcher,
            matchedLabel(e),
            sentenceTokens[phrase.sentence] ?? new Set<string>(),
          ),
        })),
    }));
  }
}

/** One exact label of a phrase, as the lexical index gives it. */
type ExactCandidate = ReturnType<SkillMatcher['exactCandidates']>[number];

/** How extraction reads a phrase: in its sentence's run of the model, or on its own. */
export type PhraseReading = 'IN_CONTEXT' | 'ALONE';

/** Whether a one-word phrase may name a skill alone (see SPECIFIC_WORD). */
function loneWordLabel(
  matcher: SkillMatcher,
  phrase: Phrase,
  labels: readonly ExactCandidate[],
): boolean {
  const exact = labels.slice(0, 5);
  if (phrase.named) return exact.length > 0;
  return (
    phrase.alone &&
    exact.some((c) => c.preferred) &&
    matcher.specificity(phrase.text) >= SPECIFIC_WORD
  );
}

function isGeneric(matcher: SkillMatcher, e: Evidence): boolean {
  return (
    matcher.isTransversal(e.skillId) ||
    e.skillType === SkillType.GROUP ||
    (e.framework === Framework.ONET && e.skillType !== SkillType.TECHNOLOGY)
  );
}

/** The share of a label's tokens, weighted by specificity, that a sentence has. */
function coverage(matcher: SkillMatcher, label: string, sentence: ReadonlySet<string>): number {
  const list = [...new Set(tokens(label))];
  const total = list.reduce((sum, t) => sum + matcher.weight(t), 0);
  if (total === 0) return 0;
  return list.filter((t) => sentence.has(t)).reduce((sum, t) => sum + matcher.weight(t), 0) / total;
}

function groupHits(hits: readonly LabelHit[], n: number): LabelHit[][] {
  const out: LabelHit[][] = Array.from({ length: n }, () => []);
  for (const h of hits) out[h.query]?.push(h);
  return out;
}

/**
 * A tag's answers: the whole tag's when one of them is confident; otherwise each part's confident
 * answer first (one per part and framework), then the rest by score, each concept once.
 */
function mergeParts(
  queries: { part: boolean; ranked: Resolved[] }[],
  options: MatchOptions,
): SkillMatch[] {
  const wanted = (r: Resolved) => !options.framework || r.framework === options.framework;
  const whole = (queries.find((q) => !q.part)?.ranked ?? []).filter(wanted);
  const parts = queries.filter((q) => q.part).map((q) => q.ranked.filter(wanted));
  const ordered: Resolved[] =
    whole.some((r) => r.confident) || parts.length === 0
      ? whole
      : [
          ...parts.flatMap((p) => p.filter((r) => r.confident)),
          ...[...whole, ...parts.flat()].sort((a, b) => b.score - a.score),
        ];
  const seen = new Set<string>();
  const out: SkillMatch[] = [];
  for (const r of ordered) {
    if (seen.has(r.skillId)) continue;
    seen.add(r.skillId);
    out.push({
      skillId: r.skillId,
      framework: r.framework,
      score: r.score,
      confident: r.confident,
      matchedLabel: r.matchedLabel,
    });
    if (out.length >= options.first) break;
  }
  return out;
}
