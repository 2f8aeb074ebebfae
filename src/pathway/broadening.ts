import { skillWeight } from './equivalence';
import type { SkillRef } from './pathway.repository';

export interface BroadeningScore {
  newSkillIds: string[];
  adjacentIds: string[];
  /** Weighted share of its new skills that sit next to a start skill (see scoreBroadening). */
  adjacency: number;
  /** Weighted share of its skills that are new to the start. */
  novelty: number;
  /** How much it broadens: specific new skills / FULL_BREADTH, at most 1. */
  breadth: number;
  score: number;
}

/** An option adding this much specific new weight or more broadens fully; less is damped. */
export const FULL_BREADTH = 3;

/**
 * The least adjacency of an option that is not a sibling part: under it, its new skills are
 * strangers to the start, however new they are.
 */
export const MIN_ADJACENCY = 0.25;

/**
 * How much a generic skill (an ESCO transversal skill such as "show initiative", an O*NET
 * skill or knowledge area, a skill group) counts beside a specific one: adjacency through it says
 * little about the topic.
 */
export const GENERIC_WEIGHT = 0.25;

/**
 * Where a new skill sits next to the start: the start skills it shares a BROADER parent or a
 * RELATED_TO link with.
 */
export type Adjacency = ReadonlyMap<string, readonly string[]>;

/** How much one skill counts in broadening: specific (few credentials teach it) and not generic. */
export function broadeningWeight(s: SkillRef | undefined, catalogue?: number): number {
  if (!s) return 1;
  return skillWeight(s.df, catalogue) * (s.generic ? GENERIC_WEIGHT : 1);
}

/**
 * Scores an option against the start. A skill is new unless the start has it (a custom skill: one
 * of its group). Each skill weighs how specific it is (broadeningWeight). A new skill is as adjacent as the lighter of itself and the start skill it sits next to (the
 * strongest such link), so "make decisions ~ show initiative" counts little.
 *   adjacency = adjacent weight of the new skills / weight of the new skills
 *   novelty   = weight of the new skills / weight of all its skills
 *   breadth   = min(1, weight of the new skills / FULL_BREADTH)
 *   score     = (0.6 x adjacency + 0.4 x novelty) x breadth
 */
export function scoreBroadening(
  startSkills: ReadonlyMap<string, SkillRef>,
  adjacent: Adjacency,
  skills: SkillRef[],
  catalogue?: number,
  memo: BroadeningMemo = broadeningMemo(startSkills, catalogue),
): BroadeningScore {
  const { w, startGroups } = memo;
  const fresh = skills.filter(
    (s) => !startSkills.has(s.id) && !(s.group && startGroups.has(s.group)),
  );
  const newWeight = fresh.reduce((sum, s) => sum + w(s), 0);
  const allWeight = skills.reduce((sum, s) => sum + w(s), 0);
  let adjacentWeight = 0;
  const adjacentIds: string[] = [];
  for (const s of fresh) {
    const vias = adjacent.get(s.id) ?? [];
    if (vias.length === 0) continue;
    adjacentIds.push(s.id);
    adjacentWeight += Math.max(...vias.map((v) => Math.min(w(s), w(startSkills.get(v)))));
  }
  const adjacency = newWeight === 0 ? 0 : adjacentWeight / newWeight;
  const novelty = allWeight === 0 ? 0 : newWeight / allWeight;
  const breadth = Math.min(1, newWeight / FULL_BREADTH);
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return {
    newSkillIds: fresh.map((s) => s.id),
    adjacentIds,
    adjacency: round(adjacency),
    novelty: round(novelty),
    breadth: round(breadth),
    score: round((0.6 * adjacency + 0.4 * novelty) * breadth),
  };
}

/** What scoring one start against many candidates computes once. */
export interface BroadeningMemo {
  w: (s: SkillRef | undefined) => number;
  /** A provider's custom skill is the start's when the start has one of its group. */
  startGroups: ReadonlySet<string | undefined>;
}

/** Skill weights by id (computed once each) and the start's custom skill groups. */
export function broadeningMemo(
  startSkills: ReadonlyMap<string, SkillRef>,
  catalogue?: number,
): BroadeningMemo {
  const weights = new Map<string, number>();
  return {
    w: (s) => {
      if (!s) return 1;
      let weight = weights.get(s.id);
      if (weight === undefined) {
        weight = broadeningWeight(s, catalogue);
        weights.set(s.id, weight);
      }
      return weight;
    },
    startGroups: new Set([...startSkills.values()].map((s) => s.group).filter(Boolean)),
  };
}

/** A broadening candidate as the query returns it. */
export interface BroadeningCandidate<C> {
  node: C & { id: string };
  skills: SkillRef[];
  siblingOf: unknown[];
}

/**
 * Scores every candidate and keeps the sibling parts of a whole the start belongs to, and
 * candidates whose skills are mostly new (novelty over half) and adjacent for real (adjacency at
 * least MIN_ADJACENCY). Siblings come first, then the rest; each by score, ties by id; at most
 * `first`.
 */
export function rankBroadening<C, K extends BroadeningCandidate<C>>(
  startSkills: ReadonlyMap<string, SkillRef>,
  adjacent: Adjacency,
  candidates: K[],
  first: number,
  catalogue?: number,
): { c: K; s: BroadeningScore }[] {
  const sibling = (c: K) => c.siblingOf.length > 0;
  const memo = broadeningMemo(startSkills, catalogue);
  return candidates
    .map((c) => ({ c, s: scoreBroadening(startSkills, adjacent, c.skills, catalogue, memo) }))
    .filter(({ c, s }) => sibling(c) || (s.novelty > 0.5 && s.adjacency >= MIN_ADJACENCY))
    .sort(
      (a, b) =>
        Number(sibling(b.c)) - Number(sibling(a.c)) ||
        b.s.score - a.s.score ||
        a.c.node.id.localeCompare(b.c.node.id),
    )
    .slice(0, first);
}
