import type { SkillRef } from './pathway.repository';

export interface BroadeningScore {
  newSkillIds: string[];
  adjacentIds: string[];
  adjacency: number;
  novelty: number;
  /** How much it broadens: new skills / FULL_BREADTH, at most 1. */
  breadth: number;
  score: number;
}

/** An option adding this many new skills or more broadens fully; fewer are damped. */
export const FULL_BREADTH = 3;

/**
 * score = (0.6 x adjacency + 0.4 x novelty) x breadth, + 0.25 for a sibling part of the same
 * whole, capped at 1. Breadth damps options that add only one or two skills, so a one-skill course
 * cannot top the list on novelty alone.
 */
export function scoreBroadening(
  startSkillIds: ReadonlySet<string>,
  adjacent: ReadonlySet<string>,
  skills: SkillRef[],
  sibling: boolean,
): BroadeningScore {
  const newSkillIds = skills.map((s) => s.id).filter((id) => !startSkillIds.has(id));
  const adjacentIds = newSkillIds.filter((id) => adjacent.has(id));
  const adjacency = newSkillIds.length === 0 ? 0 : adjacentIds.length / newSkillIds.length;
  const novelty = skills.length === 0 ? 0 : newSkillIds.length / skills.length;
  const breadth = Math.min(1, newSkillIds.length / FULL_BREADTH);
  const score = Math.min(1, (0.6 * adjacency + 0.4 * novelty) * breadth + (sibling ? 0.25 : 0));
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return {
    newSkillIds,
    adjacentIds,
    adjacency: round(adjacency),
    novelty: round(novelty),
    breadth: round(breadth),
    score: round(score),
  };
}

/** A broadening candidate as the query returns it. */
export interface BroadeningCandidate<C> {
  node: C & { id: string };
  skills: SkillRef[];
  siblingOf: unknown[];
}

/**
 * Scores every candidate and keeps siblings and candidates whose skills are mostly new (over
 * half) and partly adjacent; best first, ties by id, at most `first`. With `siblingsFirst` (a
 * learner's start), the remaining parts of programmes they have started come before anything else.
 */
export function rankBroadening<C, K extends BroadeningCandidate<C>>(
  startSkillIds: ReadonlySet<string>,
  adjacent: ReadonlySet<string>,
  candidates: K[],
  first: number,
  siblingsFirst = false,
): { c: K; s: BroadeningScore }[] {
  return candidates
    .map((c) => ({
      c,
      s: scoreBroadening(startSkillIds, adjacent, c.skills, c.siblingOf.length > 0),
    }))
    .filter(({ c, s }) => c.siblingOf.length > 0 || (s.novelty > 0.5 && s.adjacentIds.length > 0))
    .sort(
      (a, b) =>
        (siblingsFirst ? Number(b.c.siblingOf.length > 0) - Number(a.c.siblingOf.length > 0) : 0) ||
        b.s.score - a.s.score ||
        a.c.node.id.localeCompare(b.c.node.id),
    )
    .slice(0, first);
}
