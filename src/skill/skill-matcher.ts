import { distance } from 'fastest-levenshtein';
import MiniSearch from 'minisearch';
import { Framework, SkillType } from './skill.type';
import {
  bagKey,
  expandAbbreviations,
  labelVariants,
  lightWordOf,
  lightWords,
  queryTerms,
  tokens,
  wordSpans,
  type WordSpan,
} from './skill-text';
import { present } from '../lib/present';

/**
 * Resolves what providers write ("Python Programming", "Data Visualization", "Microsoft Excel") to
 * taxonomy concepts, offline, from every label the taxonomies give. Pure: built from a list of
 * skills, no I/O. How a score is made and when a match is confident is described in
 * docs/ARCHITECTURE.md ("Skill resolution"); the figures on the labelled phrases are in
 * BENCHMARKS.md.
 */

/** A taxonomy concept with all its labels, as the matcher indexes it. */
export interface MatchableSkill {
  id: string;
  label: string;
  altLabels: readonly string[];
  hiddenLabels?: readonly string[] | null;
  framework: Framework;
  skillType: SkillType;
  /** ESCO's reuse level; 'transversal' marks generic skills such as "show initiative". */
  reuseLevel?: string | null;
}

/** One concept proposed for a phrase. */
export interface SkillMatch {
  skillId: string;
  framework: Framework;
  /** 0-1: 1 for the exact preferred label, less for other labels and partial matches. */
  score: number;
  /** The best answer of its framework, clearly ahead of the next concept; safe to link unattended. */
  confident: boolean;
  /** The label of the concept that matched. */
  matchedLabel: string;
}

/** One concept found in a longer text, with the words that named it. */
export interface SkillMention extends SkillMatch {
  evidence: string;
}

export interface MatchOptions {
  first: number;
  framework?: Framework | null;
}

/** How much a match on each kind of label counts: preferred, alternative, hidden. */
const KIND_WEIGHT = [1, 0.96, 0.9] as const;
type LabelKind = 0 | 1 | 2;

/**
 * Confidence thresholds, set on the training part of the labelled phrases
 * (test/fixtures/skill-phrases.tsv, `npm run bench:skills`) and checked on the held-out part: a
 * partial match is confident at `score` or more when it leads the next concept of its framework by
 * `margin`.
 */
export const CONFIDENCE = { score: 0.825, margin: 0.01 };

export type Confidence = typeof CONFIDENCE;

/** An exact match on stems alone ("managing projects" for "project management") counts a little less. */
const STEM_ONLY = 0.92;

/** Skill groups are umbrella headings; a concept of the same words is the better answer. */
const GROUP_WEIGHT = 0.95;

/** The most candidates the full-text stage hands to scoring. */
const CANDIDATES = 300;

/** The longest phrase (in words) extraction looks up as a whole label. */
const MAX_PHRASE_WORDS = 7;

/** How many list items of a text extraction resolves one by one at most. */
const MAX_LIST_ITEMS = 40;

/** A whole-label mention is confident from this score on (an alternative label in full words). */
const MENTION_CONFIDENT = 0.85;

interface LabelDoc {
  id: number;
  skill: number;
  text: string;
  kind: LabelKind;
  tokens: string[];
  /** The order-free key of its stems (bagKey of tokens), kept so searches need not rebuild it. */
  stemKey: string;
  /** The order-free key of its light word forms: an exact match on it beats a match on stems. */
  wordKey: string;
}

interface Mentioned {
  skill: number;
  score: number;
  label: string;
  confident: boolean;
  evidence: string;
}

interface Scored {
  skill: number;
  score: number;
  exact: boolean;
  label: string;
  /** The label matched is the concept's preferred label. */
  preferred?: boolean;
}

export class SkillMatcher {
  private readonly docs: LabelDoc[] = [];
  private readonly exact = new Map<string, number[]>();
  private readonly weights = new Map<string, number>();
  private readonly search: MiniSearch<{ id: number; t: string }>;
  private readonly defaultWeight: number;
  private readonly index: Map<string, number>;

  private constructor(
    private readonly skills: readonly MatchableSkill[],
    private readonly confidence: Confidence,
  ) {
    skills.forEach((skill, index) => {
      const seen = new Map<string, LabelDoc>();
      const add = (label: string, kind: LabelKind) => {
        for (const variant of labelVariants(label)) {
          const list = tokens(variant);
          if (list.length === 0) continue;
          const wordKey = bagKey(lightWords(variant));
          // One form per stems and words: "scan" stays beside "scanning" (same stems, other words).
          const stemKey = bagKey(list);
          const key = `${stemKey}|${wordKey}`;
          const known = seen.get(key);
          // A variant is a little weaker than the label it comes from.
          const k = (variant === label ? kind : Math.min(kind + 1, 2)) as LabelKind;
          if (known && known.kind <= k) continue;
          if (known) known.kind = k;
          else {
            const doc: LabelDoc = {
              id: this.docs.length,
              skill: index,
              text: label,
              kind: k,
              tokens: list,
              stemKey,
              wordKey,
            };
            seen.set(key, doc);
            this.docs.push(doc);
          }
        }
      };
      add(skill.label, 0);
      for (const alt of skill.altLabels) add(alt, 1);
      for (const hidden of skill.hiddenLabels ?? []) add(hidden, 2);
    });
    this.index = new Map(skills.map((s, i) => [s.id, i]));
    const df = new Map<string, number>();
    for (const doc of this.docs) {
      const same = this.exact.get(doc.stemKey);
      if (same) same.push(doc.id);
      else this.exact.set(doc.stemKey, [doc.id]);
      for (const t of new Set(doc.tokens)) df.set(t, (df.get(t) ?? 0) + 1);
    }
    const n = Math.max(this.docs.length, 1);
    for (const [t, count] of df) this.weights.set(t, Math.log(1 + n / count));
    this.defaultWeight = Math.log(1 + n);
    this.search = new MiniSearch({
      fields: ['t'],
      idField: 'id',
      tokenize: (text) => text.split(' '),
      processTerm: (term) => term,
    });
    this.search.addAll(this.docs.map((d) => ({ id: d.id, t: d.tokens.join(' ') })));
  }

  /** The skill at a position of the index (positions come from the index itself). */
  private skillAt(i: number): MatchableSkill {
    return present(this.skills[i], `skill ${i} of the index`);
  }

  /** The label form at a position of the index. */
  private docAt(id: number): LabelDoc {
    return present(this.docs[id], `label ${id} of the index`);
  }

  static build(skills: readonly MatchableSkill[], confidence = CONFIDENCE): SkillMatcher {
    return new SkillMatcher(skills, confidence);
  }

  /** The same index with other confidence thresholds (for calibration). */
  withConfidence(confidence: Confidence): SkillMatcher {
    const copy = Object.create(SkillMatcher.prototype) as SkillMatcher;
    return Object.assign(copy, this, { confidence });
  }

  /** How many concepts and label forms it holds. */
  get size(): { skills: number; labels: number } {
    return { skills: this.skills.length, labels: this.docs.length };
  }

  /** How specific a token is across all labels (inverse document frequency). */
  weight(token: string): number {
    return this.weights.get(token) ?? this.defaultWeight;
  }

  /** The concepts a short phrase most likely names, best first, by letters alone. */
  suggest(text: string, options: MatchOptions): SkillMatch[] {
    return this.rank(this.scoreLabels(text), options);
  }

  /**
   * The lexical candidates of a phrase, best first, with the label each matched and whether the
   * phrase's words are that label's words: the lexical half of resolution by meaning.
   */
  candidates(
    text: string,
    first: number,
  ): { skillId: string; score: number; exact: boolean; label: string; preferred: boolean }[] {
    return this.scoreLabels(text)
      .sort((a, b) => b.score - a.score || this.order(a.skill, b.skill))
      .slice(0, first)
      .map((s) => ({
        skillId: this.skillAt(s.skill).id,
        score: s.score,
        exact: s.exact,
        label: s.label,
        preferred: s.exact && s.preferred === true,
      }));
  }

  /**
   * The labels a phrase (or its abbreviations spelled out) is exactly, by its words in any
   * order: the exact half of candidates(), without the fuzzy full-text search, for extraction's
   * many phrases. Best first.
   */
  exactCandidates(
    text: string,
  ): { skillId: string; score: number; exact: boolean; label: string; preferred: boolean }[] {
    const expanded = expandAbbreviations(text);
    const docs = [text, ...(expanded === null ? [] : [expanded])].flatMap((t) => {
      const { tokens: query, words } = queryTerms(t);
      if (query.length === 0) return [];
      const wordKey = bagKey(words);
      return (this.exact.get(bagKey(query)) ?? [])
        .map((id) => this.docAt(id))
        .filter((doc) => doc.wordKey === wordKey);
    });
    return [...new Set(docs)]
      .map((doc) => ({
        skillId: this.skillAt(doc.skill).id,
        score: this.adjust(doc, KIND_WEIGHT[doc.kind]),
        exact: true,
        label: doc.text,
        preferred: doc.kind === 0,
      }))
      .sort((a, b) => b.score - a.score);
  }

  /**
   * How specific a phrase's words are across all labels: the least inverse document frequency of
   * its tokens, relative to a word found in one label only (1) .
   */
  specificity(text: string): number {
    const list = tokens(text);
    if (list.length === 0) return 0;
    return Math.min(...list.map((t) => this.weight(t))) / this.defaultWeight;
  }

  /** A concept's framework and type, or null when the index does not hold it. */
  describe(skillId: string): { framework: Framework; skillType: SkillType } | null {
    const i = this.index.get(skillId);
    if (i === undefined) return null;
    const s = this.skillAt(i);
    return { framework: s.framework, skillType: s.skillType };
  }

  /** Whether a concept is one of the generic skills that apply across occupations. */
  isTransversal(skillId: string): boolean {
    const i = this.index.get(skillId);
    return i !== undefined && this.skillAt(i).reuseLevel === 'transversal';
  }

  private scoreLabels(text: string): Scored[] {
    const queries = [queryTerms(text)];
    const expanded = expandAbbreviations(text);
    if (expanded !== null) queries.push(queryTerms(expanded));
    const best = new Map<number, Scored>();
    const keep = (s: Scored) => {
      const known = best.get(s.skill);
      if (!known || s.score > known.score) best.set(s.skill, s);
    };
    for (const { tokens: query, words } of queries.filter((q) => q.tokens.length > 0)) {
      const wordKey = bagKey(words);
      for (const id of this.exact.get(bagKey(query)) ?? []) {
        const doc = this.docAt(id);
        const score = KIND_WEIGHT[doc.kind] * (doc.wordKey === wordKey ? 1 : STEM_ONLY);
        keep({
          skill: doc.skill,
          score: this.adjust(doc, score),
          exact: doc.wordKey === wordKey,
          label: doc.text,
          preferred: doc.kind === 0,
        });
      }
      const hits = this.search.search(query.join(' '), {
        combineWith: 'OR',
        fuzzy: (term) => (term.length >= 9 ? 2 : term.length >= 5 ? 1 : false),
      });
      const stemKey = bagKey(query);
      for (const hit of hits.slice(0, CANDIDATES)) {
        const doc = this.docAt(hit.id as number);
        const form = doc.stemKey === stemKey && doc.wordKey !== wordKey ? STEM_ONLY : 1;
        const score = this.similarity(query, doc.tokens) * KIND_WEIGHT[doc.kind] * form;
        keep({ skill: doc.skill, score: this.adjust(doc, score), exact: false, label: doc.text });
      }
    }
    return [...best.values()];
  }

  /**
   * The concepts a longer text (a description, learning outcomes) names: every phrase that is a
   * whole label, longest first and without overlaps, then short list items that suggest() resolves
   * with confidence. Each comes with the words that named it.
   */
  extract(text: string, options: MatchOptions): SkillMention[] {
    const words = wordSpans(text);
    const taken = new Array<boolean>(words.length).fill(false);
    const found = new Map<number, Mentioned>();
    const note = (m: Mentioned) => {
      const known = found.get(m.skill);
      if (!known || m.score > known.score) found.set(m.skill, m);
    };
    for (const phrase of this.wholeLabels(words)) {
      if (taken.slice(phrase.from, phrase.to + 1).some(Boolean)) continue;
      const span = words.slice(phrase.from, phrase.to + 1);
      const wordKey = bagKey(span.map((w) => lightWordOf(w.word)).filter(Boolean));
      // One word names a skill only as itself ("Python"), not through a stem ("present").
      const docs = phrase.docs
        .map((id) => this.docAt(id))
        .filter((doc) => phrase.size > 1 || doc.wordKey === wordKey)
        .filter((doc) => this.wanted(doc.skill, options.framework));
      if (docs.length === 0) continue;
      for (let i = phrase.from; i <= phrase.to; i += 1) taken[i] = true;
      const evidence = text.slice(span[0]?.start ?? 0, span[span.length - 1]?.end ?? 0);
      const lengthFactor = phrase.size === 1 ? 0.9 : 1;
      // Per framework, the concepts the phrase names best; more than one means it is ambiguous.
      const scored = docs.map((doc) => ({
        skill: doc.skill,
        score: this.adjust(
          doc,
          KIND_WEIGHT[doc.kind] * lengthFactor * (doc.wordKey === wordKey ? 1 : STEM_ONLY),
        ),
        label: doc.text,
      }));
      for (const framework of new Set(scored.map((d) => this.skillAt(d.skill).framework))) {
        const mine = scored.filter((d) => this.skillAt(d.skill).framework === framework);
        const top = Math.max(...mine.map((d) => d.score));
        const winners = mine.filter((d) => d.score === top);
        const alone = new Set(winners.map((d) => d.skill)).size === 1;
        for (const w of winners) {
          note({ ...w, confident: alone && w.score >= MENTION_CONFIDENT, evidence });
        }
      }
    }
    for (const item of listItems(words, taken).slice(0, MAX_LIST_ITEMS)) {
      const evidence = text.slice(item[0]?.start ?? 0, item[item.length - 1]?.end ?? 0);
      for (const m of this.suggest(evidence, { first: 3, framework: options.framework })) {
        if (!m.confident) continue;
        const skill = present(this.index.get(m.skillId), `the index position of ${m.skillId}`);
        note({ skill, score: m.score, label: m.matchedLabel, confident: true, evidence });
      }
    }
    return [...found.values()]
      .sort((a, b) => b.score - a.score || this.order(a.skill, b.skill))
      .slice(0, options.first)
      .map((m) => ({
        skillId: this.skillAt(m.skill).id,
        framework: this.skillAt(m.skill).framework,
        score: Math.round(m.score * 1000) / 1000,
        confident: m.confident,
        matchedLabel: m.label,
        evidence: m.evidence,
      }));
  }

  /** Every run of words within a phrase that is a whole label somewhere, longest first. */
  private wholeLabels(words: WordSpan[]) {
    const phrases: { from: number; to: number; docs: number[]; size: number }[] = [];
    for (let from = 0; from < words.length; from += 1) {
      if (words[from]?.token === '') continue;
      for (let to = from; to < Math.min(words.length, from + MAX_PHRASE_WORDS); to += 1) {
        const w = words[to];
        if (!w) break;
        if (w.token !== '') {
          const list = words
            .slice(from, to + 1)
            .map((x) => x.token)
            .filter(Boolean);
          const docs = this.exact.get(bagKey(list));
          if (docs) phrases.push({ from, to, docs, size: list.length });
        }
        if (w.breakAfter) break;
      }
    }
    return phrases.sort((a, b) => b.size - a.size || a.from - b.from);
  }

  private wanted(skill: number, framework: Framework | null | undefined): boolean {
    return !framework || this.skillAt(skill).framework === framework;
  }

  /** Ties between concepts go to the shorter preferred label, then the smaller id. */
  private order(a: number, b: number): number {
    const x = this.skillAt(a);
    const y = this.skillAt(b);
    return x.label.length - y.label.length || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0);
  }

  /** Weighted overlap of two token lists: the harmonic mean of how much of each the other covers. */
  similarity(query: readonly string[], label: readonly string[]): number {
    const q = [...new Set(query)];
    const l = [...new Set(label)];
    let matchedQ = 0;
    let matchedL = 0;
    const usedL = new Set<string>();
    for (const t of q) {
      let m = 0;
      let partner: string | null = null;
      if (l.includes(t)) {
        m = 1;
        partner = t;
      } else if (t.length >= 5) {
        for (const u of l) {
          if (usedL.has(u) || u.length < 5) continue;
          const d = distance(t, u);
          if (d <= (t.length >= 9 ? 2 : 1)) {
            m = 0.8;
            partner = u;
            break;
          }
        }
      }
      if (partner !== null) {
        usedL.add(partner);
        matchedQ += this.weight(t) * m;
        matchedL += this.weight(partner) * m;
      }
    }
    const totalQ = q.reduce((s, t) => s + this.weight(t), 0);
    const totalL = l.reduce((s, t) => s + this.weight(t), 0);
    if (matchedQ === 0 || totalQ === 0 || totalL === 0) return 0;
    const cq = matchedQ / totalQ;
    const cl = matchedL / totalL;
    return (2 * cq * cl) / (cq + cl);
  }

  /** A weight below which a single word is too common across labels to name a skill alone. */
  private specificWeight(): number {
    return Math.log(1 + this.docs.length / 200);
  }

  private adjust(doc: LabelDoc, score: number): number {
    const skill = this.skillAt(doc.skill);
    return skill.skillType === SkillType.GROUP ? score * GROUP_WEIGHT : score;
  }

  /**
   * Orders candidates (best score, then shorter preferred labels, then id, so ties are
   * deterministic) and marks the first of each framework confident when it is an exact label match
   * ahead of the next concept, or scores high and leads the next concept of its framework clearly.
   */
  private rank(scored: Scored[], options: MatchOptions): SkillMatch[] {
    const wanted = scored
      .filter((s) => s.score > 0 && this.wanted(s.skill, options.framework))
      .sort((a, b) => b.score - a.score || this.order(a.skill, b.skill));
    const leaders = new Map<Framework, { top: Scored; next: Scored | null }>();
    for (const s of wanted) {
      const framework = this.skillAt(s.skill).framework;
      const entry = leaders.get(framework);
      if (!entry) leaders.set(framework, { top: s, next: null });
      else if (entry.next === null) entry.next = s;
    }
    const confident = new Set<Scored>();
    for (const { top, next } of leaders.values()) {
      const lead = top.score - (next?.score ?? 0);
      const exactAhead = top.exact && lead > 0.001;
      if (exactAhead || (top.score >= this.confidence.score && lead >= this.confidence.margin)) {
        confident.add(top);
      }
    }
    return wanted.slice(0, options.first).map((s) => ({
      skillId: this.skillAt(s.skill).id,
      framework: this.skillAt(s.skill).framework,
      score: Math.round(s.score * 1000) / 1000,
      confident: confident.has(s),
      matchedLabel: s.label,
    }));
  }
}

/**
 * The short items of a list in running text that no whole label covered: runs of up to five words
 * between punctuation or "and"/"or", e.g. "Python, SQL and data storytelling".
 */
function listItems(words: WordSpan[], taken: boolean[]): WordSpan[][] {
  const items: WordSpan[][] = [];
  let current: WordSpan[] = [];
  let covered = false;
  const flush = () => {
    const content = current.filter((w) => w.token !== '');
    if (content.length > 0 && content.length <= 5 && !covered) items.push(current);
    current = [];
    covered = false;
  };
  words.forEach((w, i) => {
    if (w.word === 'and' || w.word === 'or') {
      flush();
      return;
    }
    if (taken[i]) covered = true;
    if (current.length > 0 || w.token !== '') current.push(w);
    if (w.breakAfter) flush();
  });
  flush();
  return items;
}
