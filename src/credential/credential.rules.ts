import { createHash } from 'node:crypto';
import { UserInputError } from '../lib/errors';
import type { CredentialProps, CredentialQuery, SkillLevel } from './credential.repository';
import type { CredentialFilter } from './credential.inputs';
import { CredentialStatus, type Credential } from './credential.type';

/** The descriptive properties a provider controls, in a fixed order for the content hash. */
export const PROPERTY_NAMES = [
  'title',
  'description',
  'credentialType',
  'providerLabel',
  'hours',
  'ects',
  'eqfLevel',
  'price',
  'currency',
  'language',
  'deliveryMode',
  'assessmentType',
  'qualityAssurance',
  'url',
  'validityMonths',
] as const;

/** An equivalence is mutual when the providers of both sides (two different ones) asserted it. */
export function isMutual(
  asserters: Iterable<string>,
  a: Pick<Credential, 'providerId'>,
  b: Pick<Credential, 'providerId'>,
): boolean {
  const by = new Set(asserters);
  return a.providerId !== b.providerId && by.has(a.providerId) && by.has(b.providerId);
}

/** The registry id of a credential: its provider's id and the provider's own id for it. */
export function credentialId(providerId: string, externalId: string): string {
  return `${providerId}:${externalId}`;
}

/** The provider-controlled properties of a source, each present (null when unset). */
export function propsOf(
  source: Partial<Record<(typeof PROPERTY_NAMES)[number], unknown>>,
): CredentialProps {
  const props: CredentialProps = {};
  for (const name of PROPERTY_NAMES) {
    const value = source[name];
    props[name] = value === undefined ? null : (value as string | number | null);
  }
  return props;
}

/** A hash of everything a registration sets: equal hashes mean a repeat changes nothing. */
export function contentHash(
  props: CredentialProps,
  skills: SkillLevel[],
  jobRoleIds: string[],
): string {
  const canonical = JSON.stringify([
    PROPERTY_NAMES.map((name) => props[name] ?? null),
    [...skills]
      .sort((a, b) => a.skillId.localeCompare(b.skillId))
      .map((s) => (s.label ? [s.skillId, s.level, s.label] : [s.skillId, s.level])),
    [...new Set(jobRoleIds)].sort(),
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

/** Cross-field rules the input types cannot express: a price needs its currency. */
export function checkFields(fields: { price?: unknown; currency?: unknown }): void {
  if (fields.price !== null && fields.price !== undefined && !fields.currency) {
    throw new UserInputError('price needs currency (an ISO 4217 code such as EUR).', {
      field: 'currency',
    });
  }
}

/** One entry per skill, at the highest level given for it, with the first label given for it. */
export function dedupeSkills(skills: SkillLevel[]): SkillLevel[] {
  const byId = new Map<string, SkillLevel>();
  for (const s of skills) {
    const known = byId.get(s.skillId);
    byId.set(s.skillId, {
      skillId: s.skillId,
      level: Math.max(known?.level ?? 0, s.level),
      label: known?.label ?? s.label ?? null,
      via: known?.via ?? s.via ?? null,
    });
  }
  return [...byId.values()].map((s) => ({
    skillId: s.skillId,
    level: s.level,
    ...(s.label ? { label: s.label } : {}),
    ...(s.via ? { via: s.via } : {}),
  }));
}

/**
 * The descriptive fields a re-registration empties: set before, null now. A sparse record clears
 * what it leaves out; the payload says which, so a provider notices.
 */
export function clearedFields(
  before: Partial<Record<(typeof PROPERTY_NAMES)[number], unknown>>,
  after: CredentialProps,
): string[] {
  return PROPERTY_NAMES.filter(
    (name) => before[name] !== null && before[name] !== undefined && after[name] == null,
  );
}

/** The catalogue filter as the Cypher takes it: every key present, ACTIVE only without statuses. */
export function catalogueFilter(filter: CredentialFilter | null | undefined): CredentialQuery {
  const f = filter ?? {};
  if (f.eqfMin != null && f.eqfMax != null && f.eqfMin > f.eqfMax) {
    throw new UserInputError('eqfMin must not exceed eqfMax.');
  }
  return {
    providerIds: f.providerIds ?? null,
    types: f.credentialTypes ?? null,
    skillIds: f.skillIds ?? null,
    eqfMin: f.eqfMin ?? null,
    eqfMax: f.eqfMax ?? null,
    maxHours: f.maxHours ?? null,
    maxPrice: f.maxPrice ?? null,
    language: f.language ?? null,
    deliveryModes: f.deliveryModes ?? null,
    statuses: f.statuses ?? [CredentialStatus.ACTIVE],
  };
}
