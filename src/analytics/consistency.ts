import type { Credential } from '../credential/credential.type';
import {
  ConsistencyGroupBy,
  type ConsistencyGroup,
  type Distribution,
  type InconsistentPair,
} from './consistency.type';

/** The EU 2022 microcredential elements a credential definition can carry (learner and date excluded). */
export const EU_ELEMENTS = [
  'title',
  'awardingBody',
  'country',
  'learningOutcomes',
  'workload',
  'eqfLevel',
  'assessmentType',
  'deliveryMode',
  'qualityAssurance',
] as const;

/** One credential as the consistency query returns it. */
export interface ConsistencyRow {
  node: Credential;
  country: string | null;
  providerName: string;
  skillIds: string[];
}

/** The EU standard elements a credential definition carries. */
export function elementsPresent(row: ConsistencyRow): Set<string> {
  const c = row.node;
  const present = new Set<string>(['awardingBody']);
  if (c.title) present.add('title');
  if (row.country) present.add('country');
  if (c.description || row.skillIds.length > 0) present.add('learningOutcomes');
  if (c.hours != null || c.ects != null) present.add('workload');
  if (c.eqfLevel != null) present.add('eqfLevel');
  if (c.assessmentType) present.add('assessmentType');
  if (c.deliveryMode) present.add('deliveryMode');
  if (c.qualityAssurance) present.add('qualityAssurance');
  return present;
}

function quantile(sorted: number[], q: number): number {
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

/** Five numbers, the mean and the coefficient of variation (population) of some values. */
export function distribution(values: number[]): Distribution {
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  if (n === 0)
    return { n, min: null, q1: null, median: null, q3: null, max: null, mean: null, cv: null };
  const mean = sorted.reduce((s, v) => s + v, 0) / n;
  const sd = Math.sqrt(sorted.reduce((s, v) => s + (v - mean) ** 2, 0) / n);
  return {
    n,
    min: sorted[0]!,
    q1: quantile(sorted, 0.25),
    median: quantile(sorted, 0.5),
    q3: quantile(sorted, 0.75),
    max: sorted[n - 1]!,
    mean,
    cv: mean === 0 ? null : sd / mean,
  };
}

const PAIR_GROUP_CAP = 300;
const LOW_OVERLAP = 0.2;

/** Pairs sharing a type label whose skill sets overlap under 0.2 (Jaccard), lowest first, at most 20. */
export function lowOverlapPairs(rows: ConsistencyRow[]): InconsistentPair[] {
  const byLabel = new Map<string, ConsistencyRow[]>();
  for (const r of rows) {
    const label = r.node.providerLabel ?? r.node.credentialType;
    byLabel.set(label, [...(byLabel.get(label) ?? []), r]);
  }
  const pairs: InconsistentPair[] = [];
  for (const [label, members] of byLabel) {
    const capped = members.slice(0, PAIR_GROUP_CAP).filter((m) => m.skillIds.length > 0);
    const sets = capped.map((m) => new Set(m.skillIds));
    for (let i = 0; i < capped.length; i++) {
      for (let j = i + 1; j < capped.length; j++) {
        const a = sets[i]!;
        const b = sets[j]!;
        let shared = 0;
        for (const id of a) if (b.has(id)) shared++;
        const overlap = shared / (a.size + b.size - shared);
        if (overlap >= LOW_OVERLAP) continue;
        const ha = capped[i]!.node.hours;
        const hb = capped[j]!.node.hours;
        pairs.push({
          a: capped[i]!.node,
          b: capped[j]!.node,
          label,
          skillOverlap: overlap,
          hoursRatio: ha && hb ? Math.max(ha, hb) / Math.min(ha, hb) : null,
        });
      }
    }
  }
  return pairs
    .sort((x, y) => x.skillOverlap - y.skillOverlap || (y.hoursRatio ?? 0) - (x.hoursRatio ?? 0))
    .slice(0, 20);
}

/** The consistency figures of one group of credentials. */
export function groupReport(key: string, name: string, rows: ConsistencyRow[]): ConsistencyGroup {
  const levels = new Map<number | null, number>();
  for (const r of rows)
    levels.set(r.node.eqfLevel ?? null, (levels.get(r.node.eqfLevel ?? null) ?? 0) + 1);
  const presence = rows.map(elementsPresent);
  return {
    key,
    name,
    count: rows.length,
    hours: distribution(rows.map((r) => r.node.hours).filter((h): h is number => h != null)),
    pricePerHour: distribution(
      rows
        .filter((r) => r.node.price != null && r.node.hours)
        .map((r) => r.node.price! / r.node.hours!),
    ),
    currencies: [
      ...new Set(rows.map((r) => r.node.currency).filter((c): c is string => !!c)),
    ].sort(),
    eqfLevels: [...levels]
      .map(([eqfLevel, count]) => ({ eqfLevel, count }))
      .sort((a, b) => (a.eqfLevel ?? 0) - (b.eqfLevel ?? 0)),
    skillsPerCredential: distribution(rows.map((r) => r.skillIds.length)),
    completeness:
      rows.length === 0
        ? 0
        : presence.reduce((s, p) => s + p.size / EU_ELEMENTS.length, 0) / rows.length,
    elements: EU_ELEMENTS.map((element) => ({
      element,
      share: rows.length === 0 ? 0 : presence.filter((p) => p.has(element)).length / rows.length,
    })),
    lowOverlapPairs: lowOverlapPairs(rows),
  };
}

/**
 * Groups rows by provider or credential type and reports each group, largest first (ties by key).
 */
export function consistencyReport(
  rows: ConsistencyRow[],
  groupBy: ConsistencyGroupBy,
): ConsistencyGroup[] {
  const groups = new Map<string, { name: string; rows: ConsistencyRow[] }>();
  for (const row of rows) {
    const byProvider = groupBy === ConsistencyGroupBy.PROVIDER;
    const key = byProvider ? row.node.providerId : row.node.credentialType;
    const group = groups.get(key) ?? {
      name: byProvider ? row.providerName : row.node.credentialType,
      rows: [],
    };
    group.rows.push(row);
    groups.set(key, group);
  }
  return [...groups]
    .map(([key, g]) => groupReport(key, g.name, g.rows))
    .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}

/** A credential definition against the EU standard elements: present, missing, and the share. */
export function completeness(row: ConsistencyRow): {
  present: string[];
  missing: string[];
  score: number;
} {
  const present = elementsPresent(row);
  return {
    present: EU_ELEMENTS.filter((e) => present.has(e)),
    missing: EU_ELEMENTS.filter((e) => !present.has(e)),
    score: present.size / EU_ELEMENTS.length,
  };
}
