import type { SkillRef } from './pathway.repository';

export interface EquivalenceScore {
  exactMatches: number;
  hierarchyMatches: number;
  overlap: number;
  union: number;
  raw: number;
  eqfDamping: number;
  hoursDamping: number;
  score: number;
  shared: string[];
  onlyInStart: string[];
  onlyInOther: string[];
}

/**
 * Weighted overlap of two skill sets: an exact match counts 1, a parent/child pair 0.5, each skill
 * matched at most once (exact first); divided by the union (a matched pair counted once), then
 * halved when EQF levels differ by more than one and halved again when hours differ by over 2x.
 */
export function scoreEquivalence(
  start: { skills: SkillRef[]; eqfLevel?: number | null; hours?: number | null },
  other: { skills: SkillRef[]; eqfLevel?: number | null; hours?: number | null },
): EquivalenceScore {
  const a = new Map(start.skills.map((s) => [s.id, s]));
  const b = new Map(other.skills.map((s) => [s.id, s]));
  const matchedA = new Set<string>();
  const matchedB = new Set<string>();
  const shared: string[] = [];
  let exact = 0;
  for (const id of a.keys()) {
    if (b.has(id)) {
      exact++;
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
        matchedA.add(idA);
        matchedB.add(idB);
        shared.push(idA);
        break;
      }
    }
  }
  const union = a.size + b.size - exact - hierarchy;
  const overlap = exact + 0.5 * hierarchy;
  const raw = union === 0 ? 0 : overlap / union;
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
  return {
    exactMatches: exact,
    hierarchyMatches: hierarchy,
    overlap,
    union,
    raw,
    eqfDamping,
    hoursDamping,
    score: raw * eqfDamping * hoursDamping,
    shared,
    onlyInStart: [...a.keys()].filter((id) => !matchedA.has(id)),
    onlyInOther: [...b.keys()].filter((id) => !matchedB.has(id)),
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
 * one (with its computed score when there is one). Declared first, then by score, then by id;
 * at most `first`.
 */
export function rankEquivalents<C extends { id: string; providerId: string }>(
  start: { providerId: string },
  computed: { node: C; score: EquivalenceScore }[],
  declared: DeclaredLink<C>[],
  minScore: number,
  first: number,
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
    .sort(
      (a, b) =>
        Number(b.declared) - Number(a.declared) ||
        (b.score ?? 0) - (a.score ?? 0) ||
        a.credential.id.localeCompare(b.credential.id),
    )
    .slice(0, first);
}
