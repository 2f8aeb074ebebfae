import type { SkillRef } from './pathway.repository';

export interface EquivalenceScore {
  exactMatches: number;
  hierarchyMatches: number;
  /** Weighted: each exact match its skill's weight, a parent/child pair half their mean weight. */
  overlap: number;
  /** Weighted: every skill on either side, a matched pair counted once. */
  union: number;
  raw: number;
  /** The weight of what the two share (= overlap): how much evidence the score rests on. */
  evidence: number;
  /** evidence / MIN_EVIDENCE, at most 1: a high score needs enough specific shared skills. */
  evidenceDamping: number;
  eqfDamping: number;
  hoursDamping: number;
  score: number;
  shared: string[];
  onlyInStart: string[];
  onlyInOther: string[];
  /** The weight of every skill seen, by id. */
  weights: Map<string, number>;
}

/** The shared weight (about three fairly specific skills) below which a score is scaled down. */
export const MIN_EVIDENCE = 1.5;

/** The least weight a skill counts, however many credentials teach it. */
const MIN_WEIGHT = 0.05;

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

/**
 * Weighted overlap of two skill sets. Each skill weighs how specific it is (skillWeight); an exact
 * match counts its weight, a parent/child pair half their mean weight, each skill matched at most
 * once (exact first); divided by the weight of the union (a matched pair counted once). The result
 * is scaled down when the shared weight is under MIN_EVIDENCE, halved when EQF levels differ by
 * more than one and halved again when hours differ by over 2x.
 */
export function scoreEquivalence(
  start: { skills: SkillRef[]; eqfLevel?: number | null; hours?: number | null },
  other: { skills: SkillRef[]; eqfLevel?: number | null; hours?: number | null },
  catalogue?: number,
): EquivalenceScore {
  const a = new Map(start.skills.map((s) => [s.id, s]));
  const b = new Map(other.skills.map((s) => [s.id, s]));
  const weights = new Map<string, number>();
  for (const s of [...start.skills, ...other.skills]) {
    if (!weights.has(s.id)) weights.set(s.id, skillWeight(s.df, catalogue));
  }
  const w = (id: string) => weights.get(id) ?? 1;
  const matchedA = new Set<string>();
  const matchedB = new Set<string>();
  const shared: string[] = [];
  let exact = 0;
  let overlap = 0;
  let union = 0;
  for (const id of a.keys()) {
    if (b.has(id)) {
      exact++;
      overlap += w(id);
      union += w(id);
      matchedA.add(id);
      matchedB.add(id);
      shared.push(id);
    }
  }
  let hierarchy = 0;
  for (const [idA, sa] of a) {
    if (matchedA.has(idA)) continue;
    for (const [idB, sb] of b) {
      if (matchedB.has(idB)) continue;
      const related =
        (sa.parents ?? []).includes(idB) ||
        (sa.children ?? []).includes(idB) ||
        (sb.parents ?? []).includes(idA) ||
        (sb.children ?? []).includes(idA);
      if (related) {
        hierarchy++;
        const pair = (w(idA) + w(idB)) / 2;
        overlap += 0.5 * pair;
        union += pair;
        matchedA.add(idA);
        matchedB.add(idB);
        shared.push(idA);
        break;
      }
    }
  }
  for (const id of a.keys()) if (!matchedA.has(id)) union += w(id);
  for (const id of b.keys()) if (!matchedB.has(id)) union += w(id);
  const raw = union === 0 ? 0 : overlap / union;
  const evidenceDamping = Math.min(1, overlap / MIN_EVIDENCE);
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
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return {
    exactMatches: exact,
    hierarchyMatches: hierarchy,
    overlap: round(overlap),
    union: round(union),
    raw: round(raw),
    evidence: round(overlap),
    evidenceDamping: round(evidenceDamping),
    eqfDamping,
    hoursDamping,
    score: round(raw * evidenceDamping * eqfDamping * hoursDamping),
    shared,
    onlyInStart: [...a.keys()].filter((id) => !matchedA.has(id)),
    onlyInOther: [...b.keys()].filter((id) => !matchedB.has(id)),
    weights,
  };
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
  ids: { shared: string[]; onlyInStart: string[]; onlyInOther: string[] };
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
  const noIds = { shared: [], onlyInStart: [], onlyInOther: [] };
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
