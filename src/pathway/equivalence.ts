import { textWords } from '../skill/skill-text';
import type { SkillRef } from './pathway.repository';

export interface EquivalenceScore {
  exactMatches: number;
  hierarchyMatches: number;
  /** Weighted: each exact match its skill's weight, a parent/child pair half their mean weight. */
  overlap: number;
  /** Weighted: every comparable skill on either side, a matched pair counted once. */
  union: number;
  raw: number;
  /** The weight of what the two share (= overlap): how much evidence the score rests on. */
  evidence: number;
  /** evidence / MIN_EVIDENCE, at most 1: a high score needs enough specific shared skills. */
  evidenceDamping: number;
  /** raw x evidenceDamping: what the skills alone say. */
  skillScore: number;
  /** How alike the two texts are, 0 to 1 (see textSimilarity); null without texts. */
  textSimilarity: number | null;
  /** How alike the two titles are, 0 to 1; null without texts. */
  titleSimilarity: number | null;
  /** The same title and (where both have one) much the same description: one course twice. */
  likelyDuplicate: boolean;
  eqfDamping: number;
  hoursDamping: number;
  score: number;
  shared: string[];
  onlyInStart: string[];
  onlyInOther: string[];
  /** Custom skills of either side that nothing on the other side shares: left out of the score. */
  uncomparable: string[];
  /** The weight of every skill seen, by id. */
  weights: Map<string, number>;
}

/** The shared weight (about three fairly specific skills) below which a score is scaled down. */
export const MIN_EVIDENCE = 1.5;

/** The least weight a skill counts, however many credentials teach it. */
const MIN_WEIGHT = 0.05;

/** The share of the score the texts carry when both sides have one; the skills carry the rest. */
export const TEXT_WEIGHT = 0.4;

/** Titles this alike, with descriptions at least DUPLICATE_DESCRIPTION alike, are one course. */
export const DUPLICATE_TITLE = 0.9;
export const DUPLICATE_DESCRIPTION = 0.6;

/** A description with fewer content words than this says too little to compare. */
const MIN_DESCRIPTION_WORDS = 8;

/**
 * How specific a skill is across the catalogue: ln(1 + N/df) / ln(1 + N) for a catalogue of N
 * credentials of which df teach it, so 1 for a skill one credential teaches and near 0 for one all
 * teach ("communication"). Without counts every skill weighs 1.
 */
export function skillWeight(df: number | undefined, catalogue: number | undefined): number {
  if (df === undefined || catalogue === undefined || catalogue < 2) return 1;
  const w = Math.log(1 + catalogue / Math.max(df, 1)) / Math.log(1 + catalogue);
  return Math.min(1, Math.max(MIN_WEIGHT, w));
}

/** A credential's texts as equivalence compares them. */
export interface ComparedText {
  title: string;
  description?: string | null;
  providerName?: string | null;
}

/** Cosine of two bags of words (counts), 0 to 1. */
function cosineOfBags(a: readonly string[], b: readonly string[]): number {
  const count = (list: readonly string[]) => {
    const m = new Map<string, number>();
    for (const t of list) m.set(t, (m.get(t) ?? 0) + 1);
    return m;
  };
  const x = count(a);
  const y = count(b);
  let dot = 0;
  for (const [t, n] of x) dot += n * (y.get(t) ?? 0);
  const norm = (m: Map<string, number>) =>
    Math.sqrt([...m.values()].reduce((s, n) => s + n * n, 0));
  const d = norm(x) * norm(y);
  return d === 0 ? 0 : dot / d;
}

/**
 * How alike two credentials' texts are, a signal independent of their skills: the cosine of their
 * titles' words and of their descriptions' words (textWords: any script, stop words and course
 * framing left out), the providers' own names left out of both.
 * text = 0.4 x title + 0.6 x description when both have a description of some length, else the
 * title's alone.
 */
export function textSimilarity(
  a: ComparedText,
  b: ComparedText,
): { title: number; description: number | null; text: number } {
  const x = wordsOf(a);
  const y = wordsOf(b);
  const names = new Set([...x.name, ...y.name]);
  const kept = (list: string[]) => list.filter((t) => !names.has(t));
  const title = cosineOfBags([...new Set(kept(x.title))], [...new Set(kept(y.title))]);
  const da = kept(x.description);
  const db = kept(y.description);
  const description =
    da.length >= MIN_DESCRIPTION_WORDS && db.length >= MIN_DESCRIPTION_WORDS
      ? cosineOfBags(da, db)
      : null;
  const text = description === null ? title : 0.4 * title + 0.6 * description;
  return { title, description, text };
}

/** The words of a text once per object: the start is compared with every candidate. */
const seen = new WeakMap<
  ComparedText,
  { title: string[]; description: string[]; name: string[] }
>();

function wordsOf(t: ComparedText) {
  let words = seen.get(t);
  if (!words) {
    words = {
      title: textWords(t.title),
      description: textWords(t.description ?? ''),
      name: textWords(t.providerName ?? ''),
    };
    seen.set(t, words);
  }
  return words;
}

/** One side of a comparison: its skills, level, hours and (optionally) its texts. */
export interface ComparedSide {
  skills: SkillRef[];
  eqfLevel?: number | null;
  hours?: number | null;
  text?: ComparedText | null;
}

/**
 * Weighted overlap of two skill sets, blended with the similarity of their texts. Skills are
 * compared by identity: a taxonomy skill by its id, a custom skill by its group, so two providers'
 * tags of one meaning match; a custom skill nothing on the other side shares is left out (listed
 * in `uncomparable`), since another provider's vocabulary can never match it. Each skill weighs
 * how specific it is (skillWeight); an exact match counts its weight, a parent/child pair half
 * their mean weight, each skill matched at most once (exact first); divided by the weight of the
 * union (a matched pair counted once), and scaled down when the shared weight is under
 * MIN_EVIDENCE: that is the skill score. With texts on both sides, score = 0.6 x skill score +
 * 0.4 x text similarity, and a likely duplicate (the same title, much the same description)
 * scores at least its text similarity. The result is halved when EQF levels differ by more than
 * one and halved again when hours differ by over 2x.
 */
export function scoreEquivalence(
  start: ComparedSide,
  other: ComparedSide,
  catalogue?: number,
): EquivalenceScore {
  const m = matchSkills(start, other, catalogue);
  const raw = m.union === 0 ? 0 : m.overlap / m.union;
  const evidenceDamping = Math.min(1, m.overlap / MIN_EVIDENCE);
  const skillScore = raw * evidenceDamping;
  const texts = start.text && other.text ? textSimilarity(start.text, other.text) : null;
  const likelyDuplicate =
    texts !== null &&
    texts.title >= DUPLICATE_TITLE &&
    (texts.description === null || texts.description >= DUPLICATE_DESCRIPTION);
  let combined = texts ? (1 - TEXT_WEIGHT) * skillScore + TEXT_WEIGHT * texts.text : skillScore;
  if (likelyDuplicate) combined = Math.max(combined, texts.text);
  const { eqfDamping, hoursDamping } = dampings(start, other);
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return {
    exactMatches: m.exact,
    hierarchyMatches: m.hierarchy,
    overlap: round(m.overlap),
    union: round(m.union),
    raw: round(raw),
    evidence: round(m.overlap),
    evidenceDamping: round(evidenceDamping),
    skillScore: round(skillScore),
    textSimilarity: texts ? round(texts.text) : null,
    titleSimilarity: texts ? round(texts.title) : null,
    likelyDuplicate,
    eqfDamping,
    hoursDamping,
    score: round(combined * eqfDamping * hoursDamping),
    shared: m.shared,
    onlyInStart: m.onlyInStart,
    onlyInOther: m.onlyInOther,
    uncomparable: m.uncomparable,
    weights: m.weights,
  };
}

/**
 * The two skill sets matched: exact matches first, then parent/child pairs, each skill at most
 * once; the weighted overlap and union, and what is left on each side (a custom skill nothing
 * matched is uncomparable and left out of the union).
 */
function matchSkills(start: ComparedSide, other: ComparedSide, catalogue?: number) {
  const key = (s: SkillRef) => s.group ?? s.id;
  const a = new Map(start.skills.map((s) => [key(s), s]));
  const b = new Map(other.skills.map((s) => [key(s), s]));
  const weights = new Map<string, number>();
  for (const s of [...start.skills, ...other.skills]) {
    if (!weights.has(s.id)) weights.set(s.id, skillWeight(s.df, catalogue));
  }
  const w = (s: SkillRef) => weights.get(s.id) ?? 1;
  const matchedA = new Set<string>();
  const matchedB = new Set<string>();
  const shared: string[] = [];
  const tally = { exact: 0, hierarchy: 0, overlap: 0, union: 0 };
  const match = (kA: string, kB: string, id: string) => {
    matchedA.add(kA);
    matchedB.add(kB);
    shared.push(id);
  };
  for (const [k, sa] of a) {
    if (!b.has(k)) continue;
    tally.exact++;
    tally.overlap += w(sa);
    tally.union += w(sa);
    match(k, k, sa.id);
  }
  for (const [kA, sa] of a) {
    if (matchedA.has(kA)) continue;
    const found = [...b].find(([kB, sb]) => !matchedB.has(kB) && related(sa, sb));
    if (!found) continue;
    const [kB, sb] = found;
    const pair = (w(sa) + w(sb)) / 2;
    tally.hierarchy++;
    tally.overlap += 0.5 * pair;
    tally.union += pair;
    match(kA, kB, sa.id);
  }
  const uncomparable: string[] = [];
  const leftOf = (side: Map<string, SkillRef>, matched: Set<string>) => {
    const only: string[] = [];
    for (const [k, s] of side) {
      if (matched.has(k)) continue;
      if (s.group) uncomparable.push(s.id);
      else {
        tally.union += w(s);
        only.push(s.id);
      }
    }
    return only;
  };
  const onlyInStart = leftOf(a, matchedA);
  const onlyInOther = leftOf(b, matchedB);
  return { ...tally, shared, onlyInStart, onlyInOther, uncomparable, weights };
}

/** Whether one skill is the other's parent or child. */
function related(a: SkillRef, b: SkillRef): boolean {
  return (
    (a.parents ?? []).includes(b.id) ||
    (a.children ?? []).includes(b.id) ||
    (b.parents ?? []).includes(a.id) ||
    (b.children ?? []).includes(a.id)
  );
}

/** Halved when EQF levels differ by more than one; halved when hours differ by over 2x. */
function dampings(start: ComparedSide, other: ComparedSide) {
  const eqfDamping =
    start.eqfLevel != null &&
    other.eqfLevel != null &&
    Math.abs(start.eqfLevel - other.eqfLevel) > 1
      ? 0.5
      : 1;
  const hoursDamping =
    start.hours &&
    other.hours &&
    Math.max(start.hours, other.hours) / Math.min(start.hours, other.hours) > 2
      ? 0.5
      : 1;
  return { eqfDamping, hoursDamping };
}

/** A declared equivalence as stored: the other credential and who asserted it. */
export interface DeclaredLink<C> {
  node: C;
  assertedBy: string[];
  mutual: boolean;
}

/** One equivalent, before its skills are named: ids of the shared and unshared skills. */
export interface RankedEquivalent<C> {
  credential: C;
  declared: boolean;
  assertedBy: string[];
  mutual: boolean;
  sameProvider: boolean;
  score: number | null;
  parts: EquivalenceScore | null;
  ids: { shared: string[]; onlyInStart: string[]; onlyInOther: string[]; uncomparable: string[] };
}

/**
 * Merges computed and declared equivalents: computed ones at or above `minScore`, every declared
 * one (with its computed score when there is one); with `acrossProviders`, none of the start's own
 * provider. Declared first, then by score, then by id; at most `first`.
 */
export function rankEquivalents<C extends { id: string; providerId: string }>(
  start: { providerId: string },
  computed: { node: C; score: EquivalenceScore }[],
  declared: DeclaredLink<C>[],
  minScore: number,
  first: number,
  acrossProviders = false,
): RankedEquivalent<C>[] {
  const noIds = { shared: [], onlyInStart: [], onlyInOther: [], uncomparable: [] };
  const scores = new Map(computed.map((c) => [c.node.id, c.score]));
  const byId = new Map<string, RankedEquivalent<C>>();
  for (const { node, score } of computed) {
    if (score.score < minScore) continue;
    byId.set(node.id, {
      credential: node,
      declared: false,
      assertedBy: [],
      mutual: false,
      sameProvider: node.providerId === start.providerId,
      score: score.score,
      parts: score,
      ids: score,
    });
  }
  for (const d of declared) {
    const score = scores.get(d.node.id);
    byId.set(d.node.id, {
      credential: d.node,
      sameProvider: d.node.providerId === start.providerId,
      score: score?.score ?? null,
      parts: score ?? null,
      ids: score ?? noIds,
      declared: true,
      assertedBy: d.assertedBy,
      mutual: d.mutual,
    });
  }
  return [...byId.values()]
    .filter((e) => !acrossProviders || !e.sameProvider)
    .sort(
      (a, b) =>
        Number(b.declared) - Number(a.declared) ||
        (b.score ?? 0) - (a.score ?? 0) ||
        a.credential.id.localeCompare(b.credential.id),
    )
    .slice(0, first);
}
