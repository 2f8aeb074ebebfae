import { CredentialStatus, type Credential } from '../credential/credential.type';
import type { PlanCandidateRow } from './pathway.repository';
import { PlanObjective } from './pathway.type';

export interface PlanPick {
  credential: Credential;
  covers: string[];
  prerequisiteOnly: boolean;
  requires: string[];
}

export interface PlanResult {
  picks: PlanPick[];
  uncovered: {
    skillId: string;
    reason: 'NO_CREDENTIAL' | 'LIMIT_REACHED' | 'PREREQUISITE_RETIRED';
  }[];
}

/**
 * The cost of one credential. An unknown price or hours counts as the highest known among the
 * candidates: a credential that does not say what it costs is never taken for free.
 */
function costFunction(
  candidates: PlanCandidateRow[],
  objective: PlanObjective,
): (c: Credential) => number {
  const all = candidates.flatMap((c) => [c.node, ...c.prerequisites]);
  const worst = (values: (number | null | undefined)[]) =>
    values.reduce<number>((max, v) => (v != null && v > max ? v : max), 0);
  switch (objective) {
    case PlanObjective.HOURS: {
      const fallback = worst(all.map((c) => c.hours));
      return (c) => c.hours ?? fallback;
    }
    case PlanObjective.PRICE: {
      const fallback = worst(all.map((c) => c.price));
      return (c) => c.price ?? fallback;
    }
    case PlanObjective.COUNT:
      return () => 1;
    case PlanObjective.VALUE: {
      const fallback = worst(all.map((c) => c.hours));
      return (c) => Math.max(c.hours ?? fallback, VALUE_MIN_HOURS) / recognition(c);
    }
  }
}

/** Under VALUE, a credential counts at least this many hours (a 1.5-hour project is not free). */
export const VALUE_MIN_HOURS = 15;

/**
 * How recognised a credential is, 1 to 3: 1, + 1 when it carries ECTS credits, + 0.5 for a
 * quality assurance statement, + 0.5 for an EQF level.
 */
export function recognition(c: Pick<Credential, 'ects' | 'qualityAssurance' | 'eqfLevel'>): number {
  return 1 + (c.ects ? 1 : 0) + (c.qualityAssurance ? 0.5 : 0) + (c.eqfLevel != null ? 0.5 : 0);
}

/**
 * Greedy weighted set cover: each round takes the candidate whose cost, its unmet prerequisites
 * included, per newly covered importance is lowest (ties: more importance, then fewer steps, then
 * id), until every target is covered or `maxCredentials` would be exceeded. A small epsilon keeps
 * free credentials comparable by how much they cover.
 */
export function greedyPlan(
  targets: { skillId: string; importance: number }[],
  candidates: PlanCandidateRow[],
  earned: ReadonlySet<string>,
  objective: PlanObjective,
  maxCredentials: number,
): PlanResult {
  const state: PlanState = {
    cost: costFunction(candidates, objective),
    importance: new Map(targets.map((t) => [t.skillId, t.importance])),
    uncovered: new Set(targets.map((t) => t.skillId)),
    byId: new Map<string, PlanCandidateRow>(candidates.map((c) => [c.node.id, c])),
    inPlan: new Map<string, PlanPick>(),
    earned,
    maxCredentials,
    blockedByRetired: new Set<string>(),
    limitHit: false,
  };
  const coverable = new Set(candidates.flatMap((c) => c.covers));
  for (;;) {
    const best = bestCandidate(candidates, state);
    if (!best) break;
    take(best.c, state);
    if (state.uncovered.size === 0) break;
  }
  const picks = orderByPrerequisites([...state.inPlan.values()]);
  return {
    picks,
    uncovered: [...state.uncovered].map((skillId) => ({
      skillId,
      reason: !coverable.has(skillId)
        ? 'NO_CREDENTIAL'
        : state.blockedByRetired.has(skillId) && !state.limitHit
          ? 'PREREQUISITE_RETIRED'
          : 'LIMIT_REACHED',
    })),
  };
}

/** Where a greedy plan stands between rounds. */
interface PlanState {
  cost: (c: PlanCandidateRow['node']) => number;
  importance: Map<string, number>;
  uncovered: Set<string>;
  byId: Map<string, PlanCandidateRow>;
  inPlan: Map<string, PlanPick>;
  earned: ReadonlySet<string>;
  maxCredentials: number;
  /** Target skills only a candidate with a retired prerequisite covers (so far). */
  blockedByRetired: Set<string>;
  /** Whether some candidate was passed over because it would exceed maxCredentials. */
  limitHit: boolean;
}

interface Scored {
  c: PlanCandidateRow;
  ratio: number;
  gain: number;
  added: number;
}

const unmetPrerequisites = (c: PlanCandidateRow, state: PlanState) =>
  c.prerequisites.filter((p) => !state.earned.has(p.id) && !state.inPlan.has(p.id));

/** This round's pick: the lowest cost per newly covered importance, prerequisites included. */
function bestCandidate(candidates: PlanCandidateRow[], state: PlanState): Scored | null {
  const { uncovered, importance, byId, inPlan, cost } = state;
  let best: Scored | null = null;
  for (const c of candidates) {
    if (inPlan.has(c.node.id) || state.earned.has(c.node.id)) continue;
    const gainIds = c.covers.filter((id) => uncovered.has(id));
    if (gainIds.length === 0) continue;
    const prereqs = unmetPrerequisites(c, state);
    if (prereqs.some((p) => p.status !== CredentialStatus.ACTIVE)) {
      state.blockedByRetired = new Set([...state.blockedByRetired, ...gainIds]);
      continue;
    }
    // Prerequisites that are candidates themselves add their own coverage.
    const extra = prereqs
      .flatMap((p) => byId.get(p.id)?.covers ?? [])
      .filter((id) => uncovered.has(id));
    const gain = [...new Set([...gainIds, ...extra])].reduce(
      (s, id) => s + (importance.get(id) ?? 0),
      0,
    );
    const added = 1 + prereqs.length;
    if (inPlan.size + added > state.maxCredentials) {
      state.limitHit = true;
      continue;
    }
    const total = cost(c.node) + prereqs.reduce((s, p) => s + cost(p), 0);
    const scored = { c, ratio: (total + 1e-6) / gain, gain, added };
    if (!best || better(scored, best)) best = scored;
  }
  return best;
}

/** Lower ratio; on a tie, more importance, then fewer steps, then the smaller id. */
function better(a: Scored, b: Scored): boolean {
  if (a.ratio < b.ratio - 1e-9) return true;
  if (Math.abs(a.ratio - b.ratio) > 1e-9) return false;
  if (a.gain !== b.gain) return a.gain > b.gain;
  if (a.added !== b.added) return a.added < b.added;
  return a.c.node.id < b.c.node.id;
}

/** Adds a pick and its unmet prerequisites to the plan, with what each newly covers. */
function take(pick: PlanCandidateRow, state: PlanState): void {
  const { uncovered, byId, inPlan } = state;
  for (const p of [...unmetPrerequisites(pick, state), pick.node]) {
    const covers = (byId.get(p.id)?.covers ?? []).filter((id) => uncovered.has(id));
    covers.forEach((id) => uncovered.delete(id));
    inPlan.set(p.id, {
      credential: p,
      covers,
      prerequisiteOnly: p.id !== pick.node.id && covers.length === 0,
      requires: [],
    });
  }
  // Record which plan steps each step requires, from the REQUIRES edges of the closure.
  for (const edge of pick.edges) {
    const step = inPlan.get(edge.from);
    if (step && inPlan.has(edge.to) && !step.requires.includes(edge.to))
      step.requires.push(edge.to);
  }
}

/** Kahn's topological sort: prerequisites first; among ready steps, the order they were picked. */
export function orderByPrerequisites(steps: PlanPick[]): PlanPick[] {
  const index = new Map(steps.map((s, i) => [s.credential.id, i]));
  const pending = new Map(
    steps.map((s) => [s.credential.id, new Set(s.requires.filter((r) => index.has(r)))]),
  );
  const ordered: PlanPick[] = [];
  while (ordered.length < steps.length) {
    const ready = steps.filter((s) => pending.get(s.credential.id)?.size === 0);
    // The REQUIRES graph is acyclic, so something is always ready; guard anyway.
    const next =
      ready.length > 0 ? ready : steps.filter((s) => pending.has(s.credential.id)).slice(0, 1);
    next.sort((a, b) => (index.get(a.credential.id) ?? 0) - (index.get(b.credential.id) ?? 0));
    const step = next[0];
    if (!step) break;
    ordered.push(step);
    pending.delete(step.credential.id);
    for (const deps of pending.values()) deps.delete(step.credential.id);
  }
  return ordered;
}

/**
 * Totals of a list of credentials: unknown hours count 0; an unknown price makes the total price
 * unknown (null), never 0; currencies are listed.
 */
export function sumCosts(credentials: Credential[]): {
  totalHours: number;
  totalPrice: number | null;
  priceKnown: boolean;
  currencies: string[];
} {
  const priceKnown = credentials.every((c) => c.price != null);
  return {
    totalHours: credentials.reduce((s, c) => s + (c.hours ?? 0), 0),
    totalPrice: priceKnown ? credentials.reduce((s, c) => s + (c.price ?? 0), 0) : null,
    priceKnown,
    currencies: [...new Set(credentials.map((c) => c.currency).filter((c): c is string => !!c))],
  };
}
