import type { Credential } from '../credential/credential.type';
import { scriptTokens } from '../skill/skill-text';
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
  const at = (i: number) => sorted[i] ?? 0;
  return at(lo) + (at(hi) - at(lo)) * (pos - lo);
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
    min: sorted[0] ?? null,
    q1: quantile(sorted, 0.25),
    median: quantile(sorted, 0.5),
    q3: quantile(sorted, 0.75),
    max: sorted[n - 1] ?? null,
    mean,
    cv: mean === 0 ? null : sd / mean,
  };
}

const LOW_OVERLAP = 0.2;

/** How alike two titles must be to be the same topic (see titleSimilarity). */
export const SAME_TOPIC = 0.6;

/** The most title pairs one report compares; past it the pairs found so far are reported. */
export const MAX_PAIR_COMPARISONS = 200_000;

/** The most pairs reported per group. */
const MAX_PAIRS = 20;

/**
 * Words that name a kind of credential, not a topic: "Bachelor of Science in Biology" and
 * "Bachelor of Science in History" share them and nothing else.
 */
const CREDENTIAL_WORDS = new Set(
  scriptTokens(
    'bachelor bachelors master masters doctor doctorate phd msc bsc ba ma mba meng beng degree ' +
      'diploma certificate certification professional program programme nanodegree micromasters ' +
      'microcredential badge specialization track career online',
  ),
);

/**
 * A title's topic words: every script's words (Intl.Segmenter), less course framing, words that
 * name a kind of credential and the words of the provider's own name ("Google", "IBM").
 */
export function topicWords(title: string, providerName: string): string[] {
  const provider = new Set(scriptTokens(providerName));
  return [...new Set(scriptTokens(title))].filter(
    (t) => !provider.has(t) && !CREDENTIAL_WORDS.has(t),
  );
}

/**
 * How alike two titles are, 0 to 1: the weight of the topic words they share over the lighter
 * title's, each word weighing ln(1 + n / df) among the `n` titles compared (a word most titles
 * have, such as "science" among degrees, weighs little). Without weights every word weighs 1.
 */
export function titleSimilarity(
  a: readonly string[],
  b: readonly string[],
  weight: (word: string) => number = () => 1,
): number {
  const x = new Set(a);
  const y = new Set(b);
  if (x.size === 0 || y.size === 0) return 0;
  const total = (set: Set<string>) => [...set].reduce((sum, t) => sum + weight(t), 0);
  let shared = 0;
  for (const t of x) if (y.has(t)) shared += weight(t);
  const lighter = Math.min(total(x), total(y));
  return lighter === 0 ? 0 : shared / lighter;
}

/** Pairs reported for one report, and what could not be compared. */
export interface LowOverlapResult {
  pairs: InconsistentPair[];
  complete: boolean;
  /** Credentials with no skills: no pair is reported for them (nothing to compare). */
  noSkills: number;
}

/**
 * Pairs of the same credential type and the same topic (topic words at least SAME_TOPIC alike,
 * e.g. "Python for Data Analysis" and "Data Analysis with Python") whose skill sets overlap under
 * 0.2 (Jaccard): the same thing sold with different content. Credentials without skills are
 * counted, never paired. Lowest overlap first, then the larger hours ratio, then by ids; at most
 * 20. `complete` is false when the comparison stopped at MAX_PAIR_COMPARISONS title pairs.
 */
export function lowOverlapPairs(rows: ConsistencyRow[]): LowOverlapResult {
  const byType = new Map<string, ConsistencyRow[]>();
  let noSkills = 0;
  for (const r of rows) {
    if (r.skillIds.length === 0) {
      noSkills++;
      continue;
    }
    byType.set(r.node.credentialType, [...(byType.get(r.node.credentialType) ?? []), r]);
  }
  const pairs: InconsistentPair[] = [];
  let compared = 0;
  let complete = true;
  for (const [, members] of [...byType].sort(([x], [y]) => (x < y ? -1 : 1))) {
    const sorted = [...members].sort((x, y) => (x.node.id < y.node.id ? -1 : 1));
    const titles = sorted.map((m) => topicWords(m.node.title, m.providerName));
    // Only titles that share a word can be the same topic.
    const byWord = new Map<string, number[]>();
    titles.forEach((words, i) => {
      for (const w of words) byWord.set(w, [...(byWord.get(w) ?? []), i]);
    });
    const weight = (w: string) => Math.log(1 + sorted.length / (byWord.get(w)?.length ?? 1));
    outer: for (let i = 0; i < sorted.length; i++) {
      const partners = new Set<number>();
      const words = titles[i] ?? [];
      for (const w of words) for (const j of byWord.get(w) ?? []) if (j > i) partners.add(j);
      for (const j of [...partners].sort((x, y) => x - y)) {
        if (++compared > MAX_PAIR_COMPARISONS) {
          complete = false;
          break outer;
        }
        const similarity = titleSimilarity(words, titles[j] ?? [], weight);
        const a = sorted[i];
        const b = sorted[j];
        if (similarity < SAME_TOPIC || !a || !b) continue;
        const pair = lowOverlapPair(a, b, similarity);
        if (pair) pairs.push(pair);
      }
    }
    if (!complete) break;
  }
  pairs.sort(
    (x, y) =>
      x.skillOverlap - y.skillOverlap ||
      (y.hoursRatio ?? 0) - (x.hoursRatio ?? 0) ||
      (x.a.id < y.a.id ? -1 : x.a.id > y.a.id ? 1 : 0) ||
      (x.b.id < y.b.id ? -1 : x.b.id > y.b.id ? 1 : 0),
  );
  return { pairs: pairs.slice(0, MAX_PAIRS), complete, noSkills };
}

/** The pair of two same-topic credentials when their skills overlap little, else null. */
function lowOverlapPair(
  a: ConsistencyRow,
  b: ConsistencyRow,
  similarity: number,
): InconsistentPair | null {
  const x = new Set(a.skillIds);
  const y = new Set(b.skillIds);
  let shared = 0;
  for (const id of x) if (y.has(id)) shared++;
  const overlap = shared / (x.size + y.size - shared);
  if (overlap >= LOW_OVERLAP) return null;
  const ha = a.node.hours;
  const hb = b.node.hours;
  const ownLabel = a.node.providerLabel;
  const sameLabel = ownLabel != null && ownLabel === b.node.providerLabel;
  return {
    a: a.node,
    b: b.node,
    label: sameLabel ? ownLabel : a.node.credentialType,
    titleSimilarity: Math.round(similarity * 1000) / 1000,
    skillOverlap: overlap,
    hoursRatio: ha && hb ? Math.max(ha, hb) / Math.min(ha, hb) : null,
  };
}

/** The consistency figures of one group of credentials. */
export function groupReport(key: string, name: string, rows: ConsistencyRow[]): ConsistencyGroup {
  const levels = new Map<number | null, number>();
  for (const r of rows)
    levels.set(r.node.eqfLevel ?? null, (levels.get(r.node.eqfLevel ?? null) ?? 0) + 1);
  const presence = rows.map(elementsPresent);
  const pairs = lowOverlapPairs(rows);
  return {
    key,
    name,
    count: rows.length,
    hours: distribution(rows.map((r) => r.node.hours).filter((h): h is number => h != null)),
    pricePerHour: distribution(
      rows.flatMap(({ node: { price, hours } }) => (price != null && hours ? [price / hours] : [])),
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
    lowOverlapPairs: pairs.pairs,
    lowOverlapComplete: pairs.complete,
    noSkillsToCompare: pairs.noSkills,
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
