import type { Credential } from '../credential/credential.type';
import { CredentialType, DeliveryMode } from '../credential/credential.type';
import type { Provider } from '../provider/provider.type';
import type { Skill } from '../skill/skill.type';
import type { JobRole } from '../job-role/job-role.type';
import type { CredentialDraft } from './draft';

/** Open Badges 3.0 achievementType values for the registry's credential types, and back. */
const OB3_TYPES: Record<CredentialType, string> = {
  [CredentialType.MICROCREDENTIAL]: 'MicroCredential',
  [CredentialType.BADGE]: 'Badge',
  [CredentialType.CERTIFICATE]: 'Certificate',
  [CredentialType.PROFESSIONAL_CERTIFICATE]: 'Certification',
  [CredentialType.SPECIALIZATION]: 'ext:Specialization',
  [CredentialType.MICROMASTERS]: 'ext:MicroMasters',
  [CredentialType.NANODEGREE]: 'ext:Nanodegree',
  [CredentialType.DEGREE]: 'MasterDegree',
  [CredentialType.OTHER]: 'ext:Other',
};
const FROM_OB3: Record<string, CredentialType> = {
  ...Object.fromEntries(Object.entries(OB3_TYPES).map(([k, v]) => [v, k as CredentialType])),
  AssociateDegree: CredentialType.DEGREE,
  BachelorDegree: CredentialType.DEGREE,
  DoctoralDegree: CredentialType.DEGREE,
  Diploma: CredentialType.CERTIFICATE,
  License: CredentialType.PROFESSIONAL_CERTIFICATE,
  Course: CredentialType.MICROCREDENTIAL,
  Competency: CredentialType.BADGE,
  Achievement: CredentialType.BADGE,
};

export const OB3_CONTEXT = [
  'https://www.w3.org/ns/credentials/v2',
  'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
];

export interface ExportInput {
  credential: Credential;
  provider: Provider | null;
  skills: { skill: Skill; level: number }[];
  jobRoles: JobRole[];
  prerequisites: Credential[];
  wholes: Credential[];
  parts: Credential[];
}

/** A credential as an Open Badges 3.0 `Achievement` (JSON-LD). Levels ride in alignment targetCode. */
export function toOpenBadge(input: ExportInput, baseUrl: string): Record<string, unknown> {
  const c = input.credential;
  return {
    '@context': OB3_CONTEXT,
    id: `${baseUrl}/credentials/${encodeURIComponent(c.id)}`,
    type: ['Achievement'],
    name: c.title,
    description: c.description ?? c.title,
    achievementType: OB3_TYPES[c.credentialType],
    humanCode: c.externalId,
    criteria: {
      narrative: c.assessmentType ?? 'See the provider page.',
      ...(c.url ? { id: c.url } : {}),
    },
    ...(c.ects != null ? { creditsAvailable: c.ects } : {}),
    ...(c.language ? { inLanguage: c.language } : {}),
    creator: {
      id: input.provider?.website ?? `${baseUrl}/providers/${encodeURIComponent(c.providerId)}`,
      type: ['Profile'],
      name: input.provider?.name ?? c.providerId,
      ...(input.provider?.country
        ? { address: { type: ['Address'], addressCountryCode: input.provider.country } }
        : {}),
    },
    alignment: [
      ...input.skills.map(({ skill, level }) => ({
        type: ['Alignment'],
        targetName: skill.label,
        targetUrl: skill.id,
        targetCode: `level:${level}`,
        targetFramework: skill.framework,
        targetType: 'ceasn:Competency',
      })),
      ...input.jobRoles.map((role) => ({
        type: ['Alignment'],
        targetName: role.title,
        targetUrl: role.id,
        targetFramework: role.framework,
        targetType: 'ext:Occupation',
      })),
    ],
    // Fields OB3 has no slot for, kept under an extension namespace so a round trip loses nothing.
    'ext:registry': {
      credentialType: c.credentialType,
      providerLabel: c.providerLabel ?? null,
      hours: c.hours ?? null,
      eqfLevel: c.eqfLevel ?? null,
      price: c.price ?? null,
      currency: c.currency ?? null,
      deliveryMode: c.deliveryMode ?? null,
      qualityAssurance: c.qualityAssurance ?? null,
      validityMonths: c.validityMonths ?? null,
      url: c.url ?? null,
      status: c.status,
    },
  };
}

const asString = (v: unknown): string | null =>
  typeof v === 'string' && v.trim() !== '' ? v : null;
const asNumber = (v: unknown): number | null =>
  typeof v === 'number' && Number.isFinite(v) ? v : null;

/** Reads an OB3 `Achievement` into a draft; problems with the shape are returned, not thrown. */
export function fromOpenBadge(doc: Record<string, unknown>): {
  draft?: CredentialDraft;
  errors: string[];
} {
  const errors: string[] = [];
  const types = Array.isArray(doc.type) ? doc.type : [doc.type];
  if (!types.includes('Achievement')) errors.push('type must include "Achievement"');
  const name = asString(doc.name);
  if (!name) errors.push('name is required');
  const ext = (doc['ext:registry'] ?? {}) as Record<string, unknown>;
  const achievementType = asString(doc.achievementType);
  const credentialType =
    (asString(ext.credentialType) as CredentialType | null) ??
    (achievementType ? FROM_OB3[achievementType] : undefined) ??
    CredentialType.BADGE;
  const externalId = asString(doc.humanCode) ?? asString(doc.id);
  if (!externalId) errors.push('humanCode or id is required: it becomes the externalId');
  const alignments = Array.isArray(doc.alignment)
    ? (doc.alignment as Record<string, unknown>[])
    : [];
  // An alignment names its skill by URL; one with only a name is resolved by that name.
  const skills = alignments
    .filter((a) => a.targetType !== 'ext:Occupation')
    .flatMap((a): CredentialDraft['skills'] => {
      const level = Number(/^level:(\d)$/.exec(asString(a.targetCode) ?? '')?.[1] ?? 2);
      const url = asString(a.targetUrl);
      const name = asString(a.targetName);
      if (url) return [{ skillId: url, level }];
      return name ? [{ label: name.slice(0, 200), level }] : [];
    });
  const preparesFor = alignments
    .filter((a) => a.targetType === 'ext:Occupation')
    .map((a) => asString(a.targetUrl))
    .filter((id): id is string => id !== null);
  if (errors.length > 0) return { errors };
  const criteria = (doc.criteria ?? {}) as Record<string, unknown>;
  return {
    errors,
    draft: {
      externalId: externalId!.slice(0, 100),
      title: name!,
      description: asString(doc.description),
      credentialType,
      providerLabel: asString(ext.providerLabel),
      hours: asNumber(ext.hours),
      ects: asNumber(doc.creditsAvailable),
      eqfLevel: asNumber(ext.eqfLevel),
      price: asNumber(ext.price),
      currency: asString(ext.currency),
      language: asString(doc.inLanguage),
      deliveryMode: (asString(ext.deliveryMode) as DeliveryMode | null) ?? null,
      assessmentType: asString(criteria.narrative),
      qualityAssurance: asString(ext.qualityAssurance),
      url: asString(ext.url) ?? asString(criteria.id),
      validityMonths: asNumber(ext.validityMonths),
      skills,
      preparesFor,
      requires: [],
      isPartOf: [],
      hasPart: [],
    },
  };
}

/** OB3 dates are date-times: a bare date is read as the start of that day, UTC. */
function dateTime(value: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value;
}

/** An award to export: who earned what, when, until when. */
export interface AwardToExport {
  learnerId: string;
  issuedAt: string;
  expiresAt: string | null;
}

/**
 * An award as an Open Badges 3.0 OpenBadgeCredential (unsigned): the awarding provider is the
 * issuer, the registry the recorder (`credentialSubject.source`: who assessed or recorded the
 * achievement on the issuer's behalf), and the credential definition the `achievement`.
 */
export function toAchievementCredential(
  award: AwardToExport,
  input: ExportInput,
  baseUrl: string,
): Record<string, unknown> {
  const achievement = toOpenBadge(input, baseUrl);
  const learner = `${baseUrl}/learners/${encodeURIComponent(award.learnerId)}`;
  return {
    '@context': OB3_CONTEXT,
    id: `${learner}/achievements/${encodeURIComponent(input.credential.id)}`,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: input.credential.title,
    issuer: achievement.creator,
    validFrom: dateTime(award.issuedAt),
    ...(award.expiresAt ? { validUntil: dateTime(award.expiresAt) } : {}),
    credentialSubject: {
      id: learner,
      type: ['AchievementSubject'],
      achievement,
      source: { id: baseUrl, type: ['Profile'], name: 'Credential Graph registry' },
    },
  };
}
