import type { SkillRef } from './pathway.repository';

export interface BroadeningScore {
  newSkillIds: string[];
  adjacentIds: string[];
  adjacency: number;
  novelty: number;
  score: number;
}

/** score = 0.6 x adjacency + 0.4 x novelty, + 0.25 for a sibling part of the same whole, capped at 1. */
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
  const score = Math.min(1, 0.6 * adjacency + 0.4 * novelty + (sibling ? 0.25 : 0));
  return { newSkillIds, adjacentIds, adjacency, novelty, score };
}

/** A broadening candidate as the query returns it. */
export interface BroadeningCandidate<C> {
  node: C & { id: string };
  skills: SkillRef[];
  siblingOf: unknown[];
}

/**
 * Scores every candidate and keeps siblings and candidates whose skills are mostly new (over
 * half) and partly adjacent; best first, ties by id, at most `first`.
 */
export function rankBroadening<C, K extends BroadeningCandidate<C>>(
  startSkillIds: ReadonlySet<string>,
  adjacent: ReadonlySet<string>,
  candidates: K[],
  first: number,
): { c: K; s: BroadeningScore }[] {
  return candidates
    .map((c) => ({
      c,
      s: scoreBroadening(startSkillIds, adjacent, c.skills, c.siblingOf.length > 0),
    }))
    .filter(({ c, s }) => c.siblingOf.length > 0 || (s.novelty > 0.5 && s.adjacentIds.length > 0))
    .sort((a, b) => b.s.score - a.s.score || a.c.node.id.localeCompare(b.c.node.id))
    .slice(0, first);
}
