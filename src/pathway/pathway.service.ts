import { CredentialStatus, type Credential } from '../credential/credential.type';
import type { GapRow, HeldMatch, PlanCandidateRow, SkillRef } from './pathway.repository';
import { PlanObjective } from './pathway.type';

/** A requirement after the split: the best covering match, or the best level held below the need. */
export interface RequirementResult {
  row: GapRow;
  coveredBy: HeldMatch | null;
  heldLevel: number | null;
}

export interface GapResult {
  covered: RequirementResult[];
  missing: RequirementResult[];
  coverage: number;
  essentialCoverage: number;
}

function better(a: HeldMatch, b: HeldMatch): HeldMatch {
  if (a.exact !== b.exact) return a.exact ? a : b;
  if (a.level !== b.level) return a.level > b.level ? a : b;
  // A credential is stronger evidence than a self-declared skill.
  return a.credential !== null ? a : b;
}

/** Splits requirements into covered and missing (levels count) and weighs coverage by importance. */
export function splitGap(rows: GapRow[]): GapResult {
  const covered: RequirementResult[] = [];
  const missing: RequirementResult[] = [];
  for (const row of rows) {
    const sufficient = row.matches.filter((m) => m.level >= row.level);
    if (sufficient.length > 0) {
      covered.push({ row, coveredBy: sufficient.reduce(better), heldLevel: null });
    } else {
      const best = row.matches.reduce<number | null>((max, m) => Math.max(max ?? 0, m.level), null);
      missing.push({ row, coveredBy: null, heldLevel: best });
    }
  }
  return {
    covered,
    missing,
    coverage: coverage(rows, covered),
    essentialCoverage: coverage(
      rows.filter((r) => r.essential),
      covered.filter((c) => c.row.essential),
    ),
  };
}

function coverage(all: GapRow[], covered: RequirementResult[]): number {
  const total = all.reduce((sum, r) => sum + r.importance, 0);
  if (total === 0) return 1;
  return covered.reduce((sum, c) => sum + c.row.importance, 0) / total;
}

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
  }
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
  const cost = costFunction(candidates, objective);
  const importance = new Map(targets.map((t) => [t.skillId, t.importance]));
  const uncovered = new Set(targets.map((t) => t.skillId));
  const coverable = new Set(candidates.flatMap((c) => c.covers));
  const byId = new Map<string, PlanCandidateRow>(candidates.map((c) => [c.node.id, c]));
  const inPlan = new Map<string, PlanPick>();
  let blockedByRetired = new Set<string>();
  let limitHit = false;

  const unmetPrerequisites = (c: PlanCandidateRow) =>
    c.prerequisites.filter((p) => !earned.has(p.id) && !inPlan.has(p.id));

  for (;;) {
    let best: { c: PlanCandidateRow; ratio: number; gain: number; added: number } | null = null;
    for (const c of candidates) {
      if (inPlan.has(c.node.id) || earned.has(c.node.id)) continue;
      const gainIds = c.covers.filter((id) => uncovered.has(id));
      if (gainIds.length === 0) continue;
      const prereqs = unmetPrerequisites(c);
      if (prereqs.some((p) => p.status !== CredentialStatus.ACTIVE)) {
        blockedByRetired = new Set([...blockedByRetired, ...gainIds]);
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
      if (inPlan.size + added > maxCredentials) {
        limitHit = true;
        continue;
      }
      const total = cost(c.node) + prereqs.reduce((s, p) => s + cost(p), 0);
      const ratio = (total + 1e-6) / gain;
      if (
        !best ||
        ratio < best.ratio - 1e-9 ||
        (Math.abs(ratio - best.ratio) <= 1e-9 &&
          (gain > best.gain ||
            (gain === best.gain &&
              (added < best.added || (added === best.added && c.node.id < best.c.node.id)))))
      ) {
        best = { c, ratio, gain, added };
      }
    }
    if (!best) break;
    const prereqs = unmetPrerequisites(best.c);
    for (const p of [...prereqs, best.c.node]) {
      const candidate = byId.get(p.id);
      const covers = (candidate?.covers ?? []).filter((id) => uncovered.has(id));
      covers.forEach((id) => uncovered.delete(id));
      inPlan.set(p.id, {
        credential: p,
        covers,
        prerequisiteOnly: p.id !== best.c.node.id && covers.length === 0,
        requires: [],
      });
    }
    // Record which plan steps each step requires, from the REQUIRES edges of the closure.
    for (const edge of best.c.edges) {
      const step = inPlan.get(edge.from);
      if (step && inPlan.has(edge.to) && !step.requires.includes(edge.to))
        step.requires.push(edge.to);
    }
    if (uncovered.size === 0) break;
  }

  const picks = orderByPrerequisites([...inPlan.values()]);
  return {
    picks,
    uncovered: [...uncovered].map((skillId) => ({
      skillId,
      reason: !coverable.has(skillId)
        ? 'NO_CREDENTIAL'
        : blockedByRetired.has(skillId) && !limitHit
          ? 'PREREQUISITE_RETIRED'
          : 'LIMIT_REACHED',
    })),
  };
}

/** Kahn's topological sort: prerequisites first; among ready steps, the order they were picked. */
export function orderByPrerequisites(steps: PlanPick[]): PlanPick[] {
  const index = new Map(steps.map((s, i) => [s.credential.id, i]));
  const pending = new Map(
    steps.map((s) => [s.credential.id, new Set(s.requires.filter((r) => index.has(r)))]),
  );
  const ordered: PlanPick[] = [];
  while (ordered.length < steps.length) {
    const ready = steps.filter(
      (s) => pending.has(s.credential.id) && pending.get(s.credential.id)!.size === 0,
    );
    // The REQUIRES graph is acyclic, so something is always ready; guard anyway.
    const next =
      ready.length > 0 ? ready : steps.filter((s) => pending.has(s.credential.id)).slice(0, 1);
    next.sort((a, b) => index.get(a.credential.id)! - index.get(b.credential.id)!);
    const step = next[0]!;
    ordered.push(step);
    pending.delete(step.credential.id);
    for (const deps of pending.values()) deps.delete(step.credential.id);
  }
  return ordered;
}

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
