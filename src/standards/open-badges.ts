import { CredentialStatus, CredentialType, DeliveryMode } from '../credential/credential.type';
import { storedTranslations } from '../credential/credential.rules';
import { achievementTypeOf, fromAchievementType } from './credential-classes';
import { CTDL_CREDENTIAL_CLASSES } from './ctdl-terms';
import {
  ctidIn,
  descriptionOf,
  firstText,
  idsOf,
  numberOf,
  objects,
  unkeptFields,
  type CredentialDraft,
  type CredentialReference,
  type ParsedDocument,
} from './draft';
import {
  credentialCtid,
  jobRoleTarget,
  registryUri,
  resourceUri,
  skillTarget,
  type ExportInput,
} from './references';

export const OB3_CONTEXT = [
  'https://www.w3.org/ns/credentials/v2',
  'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
];
/** The official JSON Schema an OpenBadgeCredential declares in `credentialSchema`. */
export const OB3_SCHEMA =
  'https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json';

/** Where the registry serves its Open Badges extension (JSON-LD context, JSON Schema). */
export const EXTENSION_PATHS = {
  context: '/standards/ob3/context.json',
  schema: '/standards/ob3/schema.json',
} as const;
/** The property an Achievement carries the registry's extension under. */
export const EXTENSION = 'credentialGraph';
const EXTENSION_TYPE = 'CredentialGraphExtension';

/** The alignment target types the registry writes. */
const TARGET = {
  skill: 'ceasn:Competency',
  occupation: 'ext:Occupation',
  credential: 'ceterms:Credential',
} as const;
/** The identifierType the registry gives a CTID among `otherIdentifier`. */
const CTID_IDENTIFIER = 'ext:CTID';

/** The registry's extension vocabulary: term, JSON-LD definition, JSON Schema. */
const TERMS: Record<string, { ld: unknown; schema: Record<string, unknown> }> = {
  credentialType: {
    ld: {},
    schema: { enum: Object.values(CredentialType) },
  },
  standardType: { ld: {}, schema: { type: 'string' } },
  status: { ld: {}, schema: { enum: Object.values(CredentialStatus) } },
  providerLabel: { ld: {}, schema: { type: 'string' } },
  learningHours: {
    ld: { '@type': 'xsd:decimal' },
    schema: { type: 'number', exclusiveMinimum: 0 },
  },
  ectsCredits: { ld: { '@type': 'xsd:decimal' }, schema: { type: 'number', minimum: 0 } },
  eqfLevel: { ld: { '@type': 'xsd:integer' }, schema: { type: 'integer', minimum: 1, maximum: 8 } },
  price: { ld: { '@type': 'xsd:decimal' }, schema: { type: 'number', minimum: 0 } },
  currency: { ld: {}, schema: { type: 'string', pattern: '^[A-Z]{3}$' } },
  deliveryMode: { ld: {}, schema: { enum: Object.values(DeliveryMode) } },
  assessmentType: { ld: {}, schema: { type: 'string' } },
  qualityAssurance: { ld: {}, schema: { type: 'string' } },
  validityMonths: { ld: { '@type': 'xsd:integer' }, schema: { type: 'integer', minimum: 1 } },
  providerPage: { ld: { '@type': '@id' }, schema: { type: 'string', format: 'uri' } },
  skillLevels: {
    ld: { '@container': '@set' },
    schema: {
      type: 'array',
      items: {
        type: 'object',
        required: ['skill', 'level'],
        properties: {
          skill: { type: 'string', format: 'uri' },
          level: { type: 'integer', minimum: 1, maximum: 5 },
        },
        additionalProperties: false,
      },
    },
  },
  prerequisites: {
    ld: { '@type': '@id', '@container': '@set' },
    schema: { type: 'array', items: { type: 'string', format: 'uri' } },
  },
  parts: {
    ld: { '@container': '@set' },
    schema: {
      type: 'array',
      items: {
        type: 'object',
        required: ['achievement', 'required'],
        properties: {
          achievement: { type: 'string', format: 'uri' },
          required: { type: 'boolean' },
        },
        additionalProperties: false,
      },
    },
  },
  partOf: {
    ld: { '@type': '@id', '@container': '@set' },
    schema: { type: 'array', items: { type: 'string', format: 'uri' } },
  },
  translations: {
    ld: { '@container': '@set' },
    schema: {
      type: 'array',
      items: {
        type: 'object',
        required: ['languageTag', 'title'],
        properties: {
          languageTag: { type: 'string' },
          title: { type: 'string' },
          summary: { type: ['string', 'null'] },
        },
        additionalProperties: false,
      },
    },
  },
};
/** Terms used inside the extension's nested objects. */
const NESTED_TERMS: Record<string, unknown> = {
  skill: { '@type': '@id' },
  level: { '@type': 'xsd:integer' },
  achievement: { '@type': '@id' },
  required: { '@type': 'xsd:boolean' },
  languageTag: {},
  title: {},
  summary: {},
};

/**
 * The JSON-LD context of the registry's Open Badges extension: every term it adds, under the
 * registry's own vocabulary, scoped to the `credentialGraph` property of an Achievement.
 */
export function extensionContext(baseUrl: string): Record<string, unknown> {
  const vocab = `${baseUrl}/standards/ob3/vocab#`;
  const define = (name: string, ld: unknown) => ({ '@id': `cg:${name}`, ...(ld as object) });
  return {
    '@context': {
      '@version': 1.1,
      '@protected': true,
      cg: vocab,
      xsd: 'http://www.w3.org/2001/XMLSchema#',
      [EXTENSION_TYPE]: `cg:${EXTENSION_TYPE}`,
      [EXTENSION]: {
        '@id': `cg:${EXTENSION}`,
        '@context': {
          '@version': 1.1,
          '@protected': true,
          ...Object.fromEntries(Object.entries(TERMS).map(([n, t]) => [n, define(n, t.ld)])),
          ...Object.fromEntries(Object.entries(NESTED_TERMS).map(([n, ld]) => [n, define(n, ld)])),
        },
      },
    },
  };
}

/** The JSON Schema of the extension: an Achievement's `credentialGraph` object. */
export function extensionSchema(baseUrl: string): Record<string, unknown> {
  return {
    $schema: 'https://json-schema.org/draft/2019-09/schema#',
    $id: `${baseUrl}${EXTENSION_PATHS.schema}`,
    title: 'Credential Graph extension of an Open Badges 3.0 Achievement',
    description:
      'Registry fields Open Badges 3.0 has no property for, and how the achievement links to ' +
      'other achievements (prerequisites, parts, wholes).',
    type: 'object',
    properties: {
      [EXTENSION]: {
        type: 'object',
        required: ['type', 'credentialType', 'status'],
        properties: {
          type: { type: 'array', contains: { const: EXTENSION_TYPE } },
          ...Object.fromEntries(Object.entries(TERMS).map(([n, t]) => [n, t.schema])),
        },
        additionalProperties: false,
      },
    },
  };
}

/** The id an achievement exports with: the provider's own, else the registry's URI for it. */
const achievementUri = (baseUrl: string, c: ExportInput['credential']) =>
  c.achievementId ?? registryUri(baseUrl, 'credentials', c.id);

/**
 * A credential as an Open Badges 3.0 Achievement: standard properties where OB3 has them (skills
 * and job roles as alignments, linked credentials as alignments to their CTDL records, the CTID
 * among otherIdentifier), and everything else in the registry's published extension.
 */
export function toOpenBadge(input: ExportInput, baseUrl: string): Record<string, unknown> {
  const c = input.credential;
  const ob3Language =
    c.language && /^[a-z]{2,4}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?$/.test(c.language);
  return {
    '@context': [...OB3_CONTEXT, `${baseUrl}${EXTENSION_PATHS.context}`],
    id: achievementUri(baseUrl, c),
    type: ['Achievement'],
    name: c.title,
    description: c.description ?? c.title,
    achievementType: achievementTypeOf(c),
    humanCode: c.externalId,
    criteria: c.url
      ? { id: c.url, ...(c.assessmentType ? { narrative: c.assessmentType } : {}) }
      : { narrative: c.assessmentType ?? c.description ?? c.title },
    ...(ob3Language ? { inLanguage: c.language } : {}),
    creator: creatorOf(input, baseUrl),
    otherIdentifier: [
      { type: 'IdentifierEntry', identifier: credentialCtid(c), identifierType: CTID_IDENTIFIER },
    ],
    alignment: alignmentsOf(input, baseUrl),
    [EXTENSION]: registryExtension(input, baseUrl),
  };
}

/** The provider as the achievement's creator Profile. */
function creatorOf(input: ExportInput, baseUrl: string): Record<string, unknown> {
  const { provider, credential: c } = input;
  return {
    id: provider?.website ?? registryUri(baseUrl, 'providers', c.providerId),
    type: ['Profile'],
    name: provider?.name ?? c.providerId,
    ...(provider?.website ? { url: provider.website } : {}),
    ...(provider?.country
      ? { address: { type: ['Address'], addressCountryCode: provider.country } }
      : {}),
  };
}

/** Skills, job roles and linked credentials (each once) as OB3 alignments. */
function alignmentsOf(input: ExportInput, baseUrl: string): Record<string, unknown>[] {
  const target = (
    name: string,
    t: { uri: string; code?: string | null; frameworkName: string },
    type: string,
  ) => ({
    type: ['Alignment'],
    targetName: name,
    targetUrl: t.uri,
    ...(t.code ? { targetCode: t.code } : {}),
    targetFramework: t.frameworkName,
    targetType: type,
  });
  const others = [
    ...input.prerequisites,
    ...input.parts.map((p) => p.credential),
    ...input.wholes,
  ].filter((o, i, all) => all.findIndex((x) => x.id === o.id) === i);
  return [
    ...input.skills.map(({ skill }) =>
      target(skill.label, skillTarget(baseUrl, skill), TARGET.skill),
    ),
    ...input.jobRoles.map((role) =>
      target(role.title, jobRoleTarget(baseUrl, role), TARGET.occupation),
    ),
    ...others.map((other) => ({
      type: ['Alignment'],
      targetName: other.title,
      targetUrl: resourceUri(credentialCtid(other)),
      targetCode: credentialCtid(other),
      targetType: TARGET.credential,
    })),
  ];
}

/** What OB3 has no property for, in the registry's published extension. */
function registryExtension(input: ExportInput, baseUrl: string): Record<string, unknown> {
  const c = input.credential;
  const extension: Record<string, unknown> = {
    type: [EXTENSION_TYPE],
    credentialType: c.credentialType,
    status: c.status,
  };
  const optional: [string, unknown][] = [
    ['standardType', c.standardType],
    ['providerLabel', c.providerLabel],
    ['learningHours', c.hours],
    ['ectsCredits', c.ects],
    ['eqfLevel', c.eqfLevel],
    ['price', c.price],
    ['currency', c.currency],
    ['deliveryMode', c.deliveryMode],
    ['assessmentType', c.assessmentType],
    ['qualityAssurance', c.qualityAssurance],
    ['validityMonths', c.validityMonths],
    ['providerPage', c.url],
  ];
  for (const [name, value] of optional) if (value != null) extension[name] = value;
  if (input.skills.length > 0) {
    extension.skillLevels = input.skills.map(({ skill, level }) => ({
      skill: skillTarget(baseUrl, skill).uri,
      level,
    }));
  }
  const uri = (o: ExportInput['credential']) => resourceUri(credentialCtid(o));
  if (input.prerequisites.length > 0) extension.prerequisites = input.prerequisites.map(uri);
  if (input.parts.length > 0) {
    extension.parts = input.parts.map((p) => ({
      achievement: uri(p.credential),
      required: p.required,
    }));
  }
  if (input.wholes.length > 0) extension.partOf = input.wholes.map(uri);
  const translations = storedTranslations(c);
  if (translations.length > 0) {
    extension.translations = translations.map((t) => ({
      languageTag: t.language,
      title: t.title,
      summary: t.description,
    }));
  }
  return extension;
}

/** Top-level Achievement properties an import reads; any other is reported as not kept. */
const READ_FIELDS = new Set([
  '@context',
  'id',
  'type',
  'name',
  'description',
  'achievementType',
  'humanCode',
  'criteria',
  'inLanguage',
  'creator',
  'otherIdentifier',
  'alignment',
  'related',
  'creditsAvailable',
  EXTENSION,
  'ext:registry',
]);
const KEPT_EXTENSION = new Set(['type', ...Object.keys(TERMS)]);

/**
 * The Achievement a document carries: the document itself, or the achievement of an
 * OpenBadgeCredential / AchievementCredential (its `credentialSubject.achievement`).
 */
function achievementOf(doc: Record<string, unknown>): {
  achievement: Record<string, unknown> | null;
  wrapped: boolean;
} {
  const typeList = Array.isArray(doc.type) ? doc.type : [doc.type];
  if (typeList.includes('Achievement')) return { achievement: doc, wrapped: false };
  if (
    typeList.some(
      (t) =>
        t === 'OpenBadgeCredential' ||
        t === 'AchievementCredential' ||
        t === 'VerifiableCredential',
    )
  ) {
    const subject = objects(doc.credentialSubject)[0];
    const achievement = objects(subject?.achievement)[0];
    return { achievement: achievement ?? null, wrapped: true };
  }
  return { achievement: null, wrapped: false };
}

const isCredentialTarget = (type: string | null) =>
  type === TARGET.credential ||
  type === 'CTDL' ||
  (!!type && CTDL_CREDENTIAL_CLASSES.some((c) => type === `ceterms:${c}`));
const isOccupationTarget = (type: string | null, url: string | null) =>
  type === TARGET.occupation ||
  /occupation/i.test(type ?? '') ||
  /data\.europa\.eu\/esco\/occupation\//.test(url ?? '') ||
  /onetonline\.org\/link\/(summary|details)\//.test(url ?? '') ||
  /onetcenter\.org\/.*\d{2}-\d{4}\.\d{2}/.test(url ?? '');

/**
 * Reads an Open Badges 3.0 Achievement (or the achievement of an OpenBadgeCredential) into a
 * draft. Alignments are sorted by what they point at: skills (ESCO, O*NET, CASE items and other
 * competencies), occupations (job roles), and credentials (prerequisites, parts or equivalents).
 * Nothing here rejects a record over a reference; what the registry does not keep is a warning.
 */
export function fromOpenBadge(doc: Record<string, unknown>, baseUrl: string): ParsedDocument {
  const warnings: string[] = [];
  const { achievement: a, wrapped } = achievementOf(doc);
  if (!a) {
    return {
      errors: [
        'type must include "Achievement", or be an OpenBadgeCredential with credentialSubject.achievement',
      ],
    };
  }
  if (wrapped) {
    warnings.push(
      'the credential around the achievement (issuer, subject, dates, proof) not kept: the registry imports the achievement',
    );
  }
  const identity = readAchievementIdentity(a, warnings);
  if ('errors' in identity) return identity;
  const { name, ext, legacy, id, externalId, fromType } = identity;
  warnings.push(...unkeptFields(a, READ_FIELDS));
  warnings.push(...unkeptFields(ext, KEPT_EXTENSION, `${EXTENSION}.`));
  const creditsAvailable = numberOf(a.creditsAvailable);
  if (creditsAvailable != null) {
    warnings.push(
      `creditsAvailable ${creditsAvailable} not kept: they are credit hours, and the registry keeps ECTS credits`,
    );
  }
  const links = readAlignments(a, ext);
  const criteria = objects(a.criteria)[0] ?? {};
  // The extension, when present, is the whole truth for the fields it carries.
  const hasExtension = Object.keys(ext).length > 0;
  const pick = (key: string, legacyKey = key) => (hasExtension ? ext[key] : legacy[legacyKey]);
  const status = firstText(pick('status'));
  const deliveryMode = firstText(pick('deliveryMode'));
  const ownerLinks = (refs: Iterable<string>) => [...refs].map((ref) => ({ ref, required: true }));
  return {
    errors: [],
    draft: {
      externalId: externalId.slice(0, 100).replace(/\s+/g, '-'),
      title: name,
      description: descriptionOf(firstText(a.description), name),
      credentialType: identity.credentialType,
      standardType: firstText(ext.standardType) ?? fromType?.standardType ?? null,
      providerLabel: firstText(pick('providerLabel')),
      hours: numberOf(pick('learningHours', 'hours')),
      ects: numberOf(ext.ectsCredits),
      eqfLevel: numberOf(pick('eqfLevel')),
      price: numberOf(pick('price')),
      currency: firstText(pick('currency')),
      language: firstText(a.inLanguage),
      deliveryMode: (Object.values(DeliveryMode) as string[]).includes(deliveryMode ?? '')
        ? (deliveryMode as DeliveryMode)
        : null,
      assessmentType: hasExtension ? firstText(ext.assessmentType) : firstText(criteria.narrative),
      qualityAssurance: firstText(pick('qualityAssurance')),
      url: firstText(pick('providerPage', 'url')) ?? firstText(criteria.id),
      validityMonths: numberOf(pick('validityMonths')),
      ctid: identity.ctid,
      // The registry's own URI is no identity of the provider's.
      achievementId: id && !id.startsWith(`${baseUrl}/credentials/`) ? id.slice(0, 500) : null,
      translations: readBadgeTranslations(ext),
      status:
        status === CredentialStatus.RETIRED
          ? CredentialStatus.RETIRED
          : status === CredentialStatus.ACTIVE
            ? CredentialStatus.ACTIVE
            : null,
      skills: links.skills,
      jobRoles: links.jobRoles,
      requires: ownerLinks(links.prerequisites),
      isPartOf: ownerLinks(links.partOf),
      hasPart: [...links.parts].map(([ref, required]) => ({ ref, required })),
      equivalents: links.equivalents,
      warnings,
    },
  };
}

interface AchievementIdentity {
  name: string;
  ext: Record<string, unknown>;
  legacy: Record<string, unknown>;
  fromType: ReturnType<typeof fromAchievementType>;
  credentialType: CredentialType;
  ctid: string | null;
  id: string | null;
  externalId: string;
}

/**
 * Who the achievement is: its name, extension (and the older one), type, CTID and externalId; or
 * the errors that refuse it.
 */
function readAchievementIdentity(
  a: Record<string, unknown>,
  warnings: string[],
): AchievementIdentity | { errors: string[] } {
  const errors: string[] = [];
  const name = firstText(a.name);
  if (!name) errors.push('name is required');
  const ext = objects(a[EXTENSION])[0] ?? {};
  const legacy = objects(a['ext:registry'])[0] ?? {};
  const achievementType = firstText(a.achievementType);
  const fromType = achievementType ? fromAchievementType(achievementType) : undefined;
  if (achievementType && !fromType) {
    warnings.push(
      `achievementType ${achievementType} not kept: not an Open Badges 3.0 type; read as OTHER`,
    );
  }
  const ownType = firstText(ext.credentialType) ?? firstText(legacy.credentialType);
  const credentialType =
    ownType && (Object.values(CredentialType) as string[]).includes(ownType)
      ? (ownType as CredentialType)
      : (fromType?.credentialType ?? CredentialType.OTHER);
  const identifiers = objects(a.otherIdentifier);
  const ctidEntry =
    identifiers.find((i) => firstText(i.identifierType) === CTID_IDENTIFIER) ??
    identifiers.find((i) => ctidIn(firstText(i.identifier) ?? '') !== null);
  const ctid = ctidEntry ? ctidIn(firstText(ctidEntry.identifier) ?? '') : null;
  for (const i of identifiers.filter((x) => x !== ctidEntry)) {
    warnings.push(
      `otherIdentifier ${firstText(i.identifier) ?? '?'} not kept: the registry keeps a CTID and a provider id`,
    );
  }
  const id = firstText(a.id);
  const externalId = firstText(a.humanCode) ?? id;
  if (!externalId) errors.push('humanCode or id is required: it becomes the externalId');
  if (!name || !externalId || errors.length > 0) return { errors };
  return { name, ext, legacy, fromType, credentialType, ctid, id, externalId };
}

/**
 * Alignments sorted by what they point at: skills (with their level from the extension),
 * occupations, and credentials, which the extension says are prerequisites, parts or wholes
 * (any other is an equivalent).
 */
function readAlignments(a: Record<string, unknown>, ext: Record<string, unknown>) {
  const levelOf = new Map(
    objects(ext.skillLevels).map((s) => [firstText(s.skill) ?? '', numberOf(s.level) ?? 2]),
  );
  const prerequisites = new Set(idsOf(ext.prerequisites));
  const partOf = new Set(idsOf(ext.partOf));
  const parts = new Map(
    objects(ext.parts).map((p) => [firstText(p.achievement) ?? '', p.required !== false]),
  );
  const skills: CredentialDraft['skills'] = [];
  const jobRoles: CredentialDraft['jobRoles'] = [];
  const equivalents: CredentialReference[] = [];
  for (const al of objects(a.alignment)) {
    const url = firstText(al.targetUrl);
    const type = firstText(al.targetType);
    const targetName = firstText(al.targetName);
    const code = firstText(al.targetCode);
    if (isCredentialTarget(type)) {
      if (url && !prerequisites.has(url) && !parts.has(url) && !partOf.has(url)) {
        equivalents.push({ ref: url, required: true });
      }
    } else if (isOccupationTarget(type, url)) {
      const ref = url ?? code;
      if (ref) jobRoles.push({ ref, code, name: targetName });
    } else if (url || targetName) {
      // Legacy exports wrote the level as targetCode "level:N"; it is no code of the target.
      const legacyLevel = /^level:([1-5])$/.exec(code ?? '');
      skills.push({
        ref: url,
        name: targetName,
        code: legacyLevel ? null : code,
        level: (url ? levelOf.get(url) : undefined) ?? (legacyLevel ? Number(legacyLevel[1]) : 2),
      });
    }
  }
  return { skills, jobRoles, equivalents, prerequisites, partOf, parts };
}

function readBadgeTranslations(ext: Record<string, unknown>) {
  return objects(ext.translations).flatMap((t) => {
    const language = firstText(t.languageTag);
    const title = firstText(t.title);
    return language && title ? [{ language, title, description: firstText(t.summary) }] : [];
  });
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
 * achievement on the issuer's behalf), and the credential definition the `achievement`. It
 * declares the official schema and the registry's extension schema in `credentialSchema`.
 */
export function toAchievementCredential(
  award: AwardToExport,
  input: ExportInput,
  baseUrl: string,
): Record<string, unknown> {
  const { '@context': context, ...achievement } = toOpenBadge(input, baseUrl);
  const learner = registryUri(baseUrl, 'learners', award.learnerId);
  return {
    '@context': context,
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
    credentialSchema: [
      { id: OB3_SCHEMA, type: '1EdTechJsonSchemaValidator2019' },
      { id: `${baseUrl}${EXTENSION_PATHS.schema}`, type: '1EdTechJsonSchemaValidator2019' },
    ],
  };
}
