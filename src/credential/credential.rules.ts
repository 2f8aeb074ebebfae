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
  'standardType',
  'ctid',
  'achievementId',
  'translationsJson',
] as const;

/** A translation as stored, in the order the registry keeps them (by language). */
export interface StoredTranslation {
  language: string;
  title: string;
  description: string | null;
}

/** Translations as the node stores them: one per language, sorted, as JSON (null for none). */
export function translationsJson(
  translations: readonly { language: string; title: string; description?: string | null }[],
): string | null {
  const byLanguage = new Map<string, StoredTranslation>();
  for (const t of translations) {
    byLanguage.set(t.language, {
      language: t.language,
      title: t.title,
      description: t.description ?? null,
    });
  }
  if (byLanguage.size === 0) return null;
  return JSON.stringify(
    [...byLanguage.values()].sort((a, b) => a.language.localeCompare(b.language)),
  );
}

/** The stored translations of a credential node (none when unset). */
export function storedTranslations(node: {
  translationsJson?: string | null;
}): StoredTranslation[] {
  return node.translationsJson ? (JSON.parse(node.translationsJson) as StoredTranslation[]) : [];
}

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

/**
 * A stable CTID for a registry id: `ce-` and a version 4 UUID made from a hash of the id, so a
 * credential without a CTID of its own always publishes under the same one.
 */
export function ctidFor(id: string): string {
  const h = createHash('sha256').update(id).digest('hex');
  const variant = ((parseInt(h.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `ce-${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** Props with a CTID: the one given, else the one derived from the registry id. */
export function withCtid(props: CredentialProps, id: string): CredentialProps {
  return { ...props, ctid: props.ctid ?? ctidFor(id) };
}

/**
 * The provider-controlled properties of a source, each present (null when unset). Translations
 * given as a list (an input) are stored as `translationsJson`.
 */
export function propsOf(
  source: Partial<Record<(typeof PROPERTY_NAMES)[number], unknown>> & {
    translations?:
      readonly { language: string; title: string; description?: string | null }[] | null;
  },
): CredentialProps {
  const props: CredentialProps = {};
  for (const name of PROPERTY_NAMES) {
    const value = source[name];
    props[name] = value === undefined ? null : (value as string | number | null);
  }
  if (source.translations !== undefined) {
    props.translationsJson = translationsJson(source.translations ?? []);
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

/** A credential shorter than this (in hours) certifies its skills at an introductory level. */
export const SHORT_HOURS = 5;

/**
 * The level a credential certifies a skill at when the provider does not say: 1 (introductory)
 * for a short item (under SHORT_HOURS hours) or EQF 1-2, 3 for EQF 7-8, else 2. A 1.5-hour guided
 * project does not cover a skill the way a 100-hour certificate does.
 */
export function inferredLevel(c: { hours?: number | null; eqfLevel?: number | null }): number {
  if (c.hours != null && c.hours < SHORT_HOURS) return 1;
  if (c.eqfLevel != null && c.eqfLevel <= 2) return 1;
  if (c.eqfLevel != null && c.eqfLevel >= 7) return 3;
  return 2;
}

/** Skills as given, each with its declared level or the one inferred from the credential. */
export function withLevels<S extends { level?: number | null }>(
  skills: readonly S[],
  credential: { hours?: number | null; eqfLevel?: number | null },
): (S & { level: number })[] {
  return skills.map((s) => ({ ...s, level: s.level ?? inferredLevel(credential) }));
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
