import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { CredentialStatus, CredentialType } from '../credential/credential.type';
import { Credential } from '../credential/credential.type';

export enum ConsistencyGroupBy {
  PROVIDER = 'PROVIDER',
  CREDENTIAL_TYPE = 'CREDENTIAL_TYPE',
}
registerEnumType(ConsistencyGroupBy, {
  name: 'ConsistencyGroupBy',
  description: 'How to group credentials.',
});

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

@InputType({ description: 'Which credentials the report covers; unset fields do not narrow.' })
export class ConsistencyFilter {
  @Field(() => [ID], { nullable: true, description: 'Only these providers.' })
  providerIds?: string[] | null;

  @Field(() => [CredentialType], { nullable: true, description: 'Only these types.' })
  credentialTypes?: CredentialType[] | null;

  @Field(() => [CredentialStatus], {
    nullable: true,
    description: 'Only these statuses (default ACTIVE).',
  })
  statuses?: CredentialStatus[] | null;
}

@ObjectType({ description: 'A five-number summary with the coefficient of variation.' })
export class Distribution {
  @Field(() => Int, { description: 'Values counted (credentials where it is known).' })
  n!: number;
  @Field(() => Float, { nullable: true, description: 'Smallest value.' })
  min!: number | null;
  @Field(() => Float, { nullable: true, description: 'First quartile.' })
  q1!: number | null;
  @Field(() => Float, { nullable: true, description: 'Median.' })
  median!: number | null;
  @Field(() => Float, { nullable: true, description: 'Third quartile.' })
  q3!: number | null;
  @Field(() => Float, { nullable: true, description: 'Largest value.' })
  max!: number | null;
  @Field(() => Float, { nullable: true, description: 'Mean.' })
  mean!: number | null;
  @Field(() => Float, {
    nullable: true,
    description:
      'Coefficient of variation: standard deviation / mean (population); null when mean is 0.',
  })
  cv!: number | null;
}

@ObjectType({ description: 'How many credentials sit at one EQF level.' })
export class LevelCount {
  @Field(() => Int, { nullable: true, description: 'EQF level; null for credentials without one.' })
  eqfLevel!: number | null;
  @Field(() => Int, { description: 'Credentials at that level.' })
  count!: number;
}

@ObjectType({ description: 'How often one EU standard element is present.' })
export class ElementPresence {
  @Field(() => String, { description: 'The element.' })
  element!: string;
  @Field(() => Float, { description: 'Share of credentials that carry it, 0 to 1.' })
  share!: number;
}

@ObjectType({ description: 'Two credentials with the same type label but little shared content.' })
export class InconsistentPair {
  @Field(() => Credential, { description: 'One credential.' })
  a!: Credential;
  @Field(() => Credential, { description: 'The other.' })
  b!: Credential;
  @Field(() => String, {
    description: 'The type label they share (providerLabel, else credentialType).',
  })
  label!: string;
  @Field(() => Float, { description: 'Jaccard overlap of their skill sets, 0 to 1.' })
  skillOverlap!: number;
  @Field(() => Float, { nullable: true, description: 'Ratio of the larger to the smaller hours.' })
  hoursRatio!: number | null;
}

@ObjectType({ description: 'Consistency figures of one group.' })
export class ConsistencyGroup {
  @Field(() => String, { description: 'Provider id or credential type.' })
  key!: string;
  @Field(() => String, { description: 'Provider name or type name.' })
  name!: string;
  @Field(() => Int, { description: 'Credentials in the group.' })
  count!: number;
  @Field(() => Distribution, { description: 'Notional hours.' })
  hours!: Distribution;
  @Field(() => Distribution, {
    description: 'Price per hour, per currency mixed as numbers (see currencies).',
  })
  pricePerHour!: Distribution;
  @Field(() => [String], { description: 'Currencies of the prices.' })
  currencies!: string[];
  @Field(() => [LevelCount], { description: 'EQF levels.' })
  eqfLevels!: LevelCount[];
  @Field(() => Distribution, { description: 'Skills per credential.' })
  skillsPerCredential!: Distribution;
  @Field(() => Float, { description: 'Mean share of the EU standard elements present, 0 to 1.' })
  completeness!: number;
  @Field(() => [ElementPresence], { description: 'Presence of each EU standard element.' })
  elements!: ElementPresence[];
  @Field(() => [InconsistentPair], {
    description:
      'Pairs in the group that share a type label but little content (skill overlap under 0.2), ' +
      'lowest overlap first, at most 20; groups are compared over at most 300 credentials per label.',
  })
  lowOverlapPairs!: InconsistentPair[];
}

export interface ConsistencyRow {
  node: Credential;
  country: string | null;
  providerName: string;
  skillIds: string[];
}

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
