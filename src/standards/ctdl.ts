import { createHash } from 'node:crypto';
import { CredentialStatus, CredentialType, DeliveryMode } from '../credential/credential.type';
import type { CredentialDraft } from './draft';
import type { ExportInput } from './open-badges';

/** CTDL credential classes for the registry's types, and back. */
const CTDL_TYPES: Record<CredentialType, string> = {
  [CredentialType.MICROCREDENTIAL]: 'ceterms:MicroCredential',
  [CredentialType.BADGE]: 'ceterms:DigitalBadge',
  [CredentialType.CERTIFICATE]: 'ceterms:Certificate',
  [CredentialType.PROFESSIONAL_CERTIFICATE]: 'ceterms:Certification',
  [CredentialType.SPECIALIZATION]: 'ceterms:Certificate',
  [CredentialType.MICROMASTERS]: 'ceterms:Certificate',
  [CredentialType.NANODEGREE]: 'ceterms:Certificate',
  [CredentialType.DEGREE]: 'ceterms:MasterDegree',
  [CredentialType.OTHER]: 'ceterms:Credential',
};
const FROM_CTDL: Record<string, CredentialType> = {
  'ceterms:MicroCredential': CredentialType.MICROCREDENTIAL,
  'ceterms:DigitalBadge': CredentialType.BADGE,
  'ceterms:OpenBadge': CredentialType.BADGE,
  'ceterms:Badge': CredentialType.BADGE,
  'ceterms:Certificate': CredentialType.CERTIFICATE,
  'ceterms:CertificateOfCompletion': CredentialType.CERTIFICATE,
  'ceterms:Certification': CredentialType.PROFESSIONAL_CERTIFICATE,
  'ceterms:ProfessionalCertificate': CredentialType.PROFESSIONAL_CERTIFICATE,
  'ceterms:MasterDegree': CredentialType.DEGREE,
  'ceterms:BachelorDegree': CredentialType.DEGREE,
  'ceterms:AssociateDegree': CredentialType.DEGREE,
  'ceterms:DoctoralDegree': CredentialType.DEGREE,
  'ceterms:Degree': CredentialType.DEGREE,
  'ceterms:Credential': CredentialType.OTHER,
};
const DELIVERY: Record<DeliveryMode, string> = {
  [DeliveryMode.ONLINE]: 'deliveryType:OnlineOnly',
  [DeliveryMode.ONSITE]: 'deliveryType:InPerson',
  [DeliveryMode.BLENDED]: 'deliveryType:BlendedDelivery',
};

export const CTDL_CONTEXT = 'https://credreg.net/ctdl/schema/context/json';

/** A stable CTID (`ce-` + a UUID-shaped hash) for a registry credential id. */
export function ctidFor(id: string): string {
  const h = createHash('sha256').update(id).digest('hex');
  return `ce-${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

const lang = (text: string | null | undefined) => (text ? { 'en-US': text } : undefined);
const ref = (baseUrl: string, id: string) => `${baseUrl}/credentials/${encodeURIComponent(id)}`;

/** A credential as a CTDL JSON-LD record (ceterms:*), with requires / isPartOf / hasPart links. */
export function toCtdl(input: ExportInput, baseUrl: string): Record<string, unknown> {
  const c = input.credential;
  const record: Record<string, unknown> = {
    '@context': CTDL_CONTEXT,
    '@id': ref(baseUrl, c.id),
    '@type': CTDL_TYPES[c.credentialType],
    'ceterms:ctid': ctidFor(c.id),
    'ceterms:name': lang(c.title),
    'ceterms:description': lang(c.description ?? c.title),
    'ceterms:codedNotation': c.externalId,
    'ceterms:credentialStatusType': {
      '@type': 'ceterms:CredentialAlignmentObject',
      'ceterms:targetNode':
        c.status === CredentialStatus.RETIRED
          ? 'credentialStat:Deprecated'
          : 'credentialStat:Active',
    },
    'ceterms:ownedBy': [
      {
        '@type': 'ceterms:CredentialOrganization',
        'ceterms:name': lang(input.provider?.name ?? c.providerId),
        ...(input.provider?.website ? { 'ceterms:subjectWebpage': input.provider.website } : {}),
      },
    ],
  };
  if (c.url) record['ceterms:subjectWebpage'] = c.url;
  if (c.language) record['ceterms:inLanguage'] = [c.language];
  if (c.deliveryMode) {
    record['ceterms:learningDeliveryType'] = [
      {
        '@type': 'ceterms:CredentialAlignmentObject',
        'ceterms:targetNode': DELIVERY[c.deliveryMode],
      },
    ];
  }
  if (c.hours != null) {
    record['ceterms:estimatedDuration'] = [
      { '@type': 'ceterms:DurationProfile', 'ceterms:timeRequired': `PT${c.hours}H` },
    ];
  }
  if (c.price != null) {
    record['ceterms:estimatedCost'] = [
      {
        '@type': 'ceterms:CostProfile',
        'ceterms:price': c.price,
        'ceterms:currency': c.currency ?? undefined,
      },
    ];
  }
  if (c.ects != null) {
    record['ceterms:creditValue'] = [
      { '@type': 'schema:QuantitativeValue', 'schema:value': c.ects, 'schema:unitText': 'ECTS' },
    ];
  }
  if (c.eqfLevel != null) {
    record['ceterms:audienceLevelType'] = [
      {
        '@type': 'ceterms:CredentialAlignmentObject',
        'ceterms:targetNode': `eqf:Level${c.eqfLevel}`,
      },
    ];
  }
  if (c.assessmentType) record['ceterms:assessmentMethodDescription'] = lang(c.assessmentType);
  if (c.qualityAssurance) record['ceterms:processStandardsDescription'] = lang(c.qualityAssurance);
  if (c.providerLabel) record['ceterms:credentialType'] = c.providerLabel;
  if (c.validityMonths != null) {
    record['ceterms:renewal'] = [
      {
        '@type': 'ceterms:ConditionProfile',
        'ceterms:description': lang(`Renew every ${c.validityMonths} months`),
        'ceterms:validityMonths': c.validityMonths,
      },
    ];
  }
  if (input.skills.length > 0 || input.prerequisites.length > 0) {
    record['ceterms:requires'] = [
      {
        '@type': 'ceterms:ConditionProfile',
        ...(input.prerequisites.length > 0
          ? { 'ceterms:targetCredential': input.prerequisites.map((p) => ref(baseUrl, p.id)) }
          : {}),
        ...(input.skills.length > 0
          ? {
              'ceterms:targetCompetency': input.skills.map(({ skill, level }) => ({
                '@type': 'ceterms:CredentialAlignmentObject',
                'ceterms:targetNode': skill.id,
                'ceterms:targetNodeName': lang(skill.label),
                'ceterms:framework': skill.framework,
                'ceterms:codedNotation': `level:${level}`,
              })),
            }
          : {}),
      },
    ];
  }
  if (input.wholes.length > 0)
    record['ceterms:isPartOf'] = input.wholes.map((w) => ref(baseUrl, w.id));
  if (input.parts.length > 0)
    record['ceterms:hasPart'] = input.parts.map((p) => ref(baseUrl, p.id));
  if (input.jobRoles.length > 0) {
    record['ceterms:occupationType'] = input.jobRoles.map((r) => ({
      '@type': 'ceterms:CredentialAlignmentObject',
      'ceterms:targetNode': r.id,
      'ceterms:targetNodeName': lang(r.title),
      'ceterms:framework': r.framework,
    }));
  }
  return record;
}

const text = (v: unknown): string | null => {
  if (typeof v === 'string') return v.trim() || null;
  if (v && typeof v === 'object') {
    const first = Object.values(v as Record<string, unknown>).find((x) => typeof x === 'string');
    return typeof first === 'string' ? first : null;
  }
  return null;
};
const list = (v: unknown): Record<string, unknown>[] =>
  Array.isArray(v) ? (v as Record<string, unknown>[]) : v ? [v as Record<string, unknown>] : [];
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const refs = (v: unknown): string[] =>
  (Array.isArray(v) ? v : v ? [v] : [])
    .map((x) => (typeof x === 'string' ? x : (text((x as Record<string, unknown>)['@id']) ?? '')))
    .filter(Boolean);

/** Reads a CTDL credential record into a draft; problems with the shape are returned, not thrown. */
export function fromCtdl(doc: Record<string, unknown>): {
  draft?: CredentialDraft;
  errors: string[];
} {
  const errors: string[] = [];
  const type = text(doc['@type']);
  if (!type || !(type in FROM_CTDL))
    errors.push(`@type must be a ceterms credential class, got ${JSON.stringify(doc['@type'])}`);
  const name = text(doc['ceterms:name']);
  if (!name) errors.push('ceterms:name is required');
  const externalId = text(doc['ceterms:codedNotation']) ?? text(doc['ceterms:ctid']);
  if (!externalId)
    errors.push('ceterms:codedNotation or ceterms:ctid is required: it becomes the externalId');
  if (errors.length > 0) return { errors };
  const conditions = list(doc['ceterms:requires']);
  const hours = /^PT(\d+(?:\.\d+)?)H$/.exec(
    text(list(doc['ceterms:estimatedDuration'])[0]?.['ceterms:timeRequired']) ?? '',
  );
  const cost = list(doc['ceterms:estimatedCost'])[0];
  const eqf = /Level(\d)$/.exec(
    text(list(doc['ceterms:audienceLevelType'])[0]?.['ceterms:targetNode']) ?? '',
  );
  const delivery = text(list(doc['ceterms:learningDeliveryType'])[0]?.['ceterms:targetNode']);
  const deliveryMode =
    (Object.entries(DELIVERY).find(([, v]) => v === delivery)?.[0] as DeliveryMode | undefined) ??
    null;
  const credit = list(doc['ceterms:creditValue'])[0];
  const renewal = list(doc['ceterms:renewal'])[0];
  return {
    errors,
    draft: {
      externalId: externalId!.slice(0, 100),
      title: name!,
      description: text(doc['ceterms:description']),
      credentialType: FROM_CTDL[type!]!,
      providerLabel: text(doc['ceterms:credentialType']),
      hours: hours ? Number(hours[1]) : null,
      ects:
        credit && text(credit['schema:unitText']) === 'ECTS' ? num(credit['schema:value']) : null,
      eqfLevel: eqf ? Number(eqf[1]) : null,
      price: num(cost?.['ceterms:price']),
      currency: text(cost?.['ceterms:currency']),
      language: text(
        Array.isArray(doc['ceterms:inLanguage'])
          ? (doc['ceterms:inLanguage'] as unknown[])[0]
          : doc['ceterms:inLanguage'],
      ),
      deliveryMode,
      assessmentType: text(doc['ceterms:assessmentMethodDescription']),
      qualityAssurance: text(doc['ceterms:processStandardsDescription']),
      url: text(doc['ceterms:subjectWebpage']),
      validityMonths: num(renewal?.['ceterms:validityMonths']),
      // A competency names its skill by targetNode; one with only a name is resolved by that name.
      skills: conditions
        .flatMap((c) => list(c['ceterms:targetCompetency']))
        .flatMap((a): CredentialDraft['skills'] => {
          const level = Number(
            /^level:(\d)$/.exec(text(a['ceterms:codedNotation']) ?? '')?.[1] ?? 2,
          );
          const node = text(a['ceterms:targetNode']);
          const name = text(a['ceterms:targetNodeName']);
          if (node) return [{ skillId: node, level }];
          return name ? [{ label: name.slice(0, 200), level }] : [];
        }),
      preparesFor: list(doc['ceterms:occupationType'])
        .map((a) => text(a['ceterms:targetNode']))
        .filter((x): x is string => x !== null),
      requires: conditions.flatMap((c) => refs(c['ceterms:targetCredential'])),
      isPartOf: refs(doc['ceterms:isPartOf']),
      hasPart: refs(doc['ceterms:hasPart']),
    },
  };
}
