import { CredentialStatus, DeliveryMode } from '../credential/credential.type';
import { storedTranslations } from '../credential/credential.rules';
import { ctdlClassOf, fromCtdlClass } from './credential-classes';
import { CONCEPT_SCHEMES, CREDENTIAL_TERMS, CTDL_CONTEXT } from './ctdl-terms';
import {
  ctidIn,
  descriptionOf,
  durationHours,
  durationMonths,
  firstText,
  idsOf,
  monthsDuration,
  numberOf,
  objects,
  unkeptFields,
  type CredentialDraft,
  type CredentialReference,
  type ParsedDocument,
  type SkillReference,
} from './draft';
import {
  credentialCtid,
  jobRoleTarget,
  providerCtid,
  registryIdIn,
  registryUri,
  resourceUri,
  skillTarget,
  type ExportInput,
} from './references';

const DELIVERY: Record<DeliveryMode, string> = {
  [DeliveryMode.ONLINE]: 'deliveryType:OnlineOnly',
  [DeliveryMode.ONSITE]: 'deliveryType:InPerson',
  [DeliveryMode.BLENDED]: 'deliveryType:BlendedDelivery',
};
const EQF = CONCEPT_SCHEMES.eqf.framework;
const EQF_LEVEL = 'http://data.europa.eu/snb/eqf/';
/** Tag for text whose language the registry does not know (BCP 47 "undetermined"). */
const UNDETERMINED = 'und';
/** Names of the condition profiles the export writes, so an import knows them again. */
const PROFILE = {
  competencies: 'Competencies',
  prerequisites: 'Prerequisite credentials',
  assessment: 'Assessment',
  credit: 'Credit',
  electives: 'Elective parts',
} as const;
/** How the export names the provider's own id among the record's identifiers. */
const EXTERNAL_ID = 'Provider identifier';
const ECTS = 'ECTS';

const alignment = (
  framework: string,
  frameworkName: string,
  targetNode: string,
  targetNodeName: string,
  extra: Record<string, unknown> = {},
) => ({
  '@type': 'ceterms:CredentialAlignmentObject',
  'ceterms:framework': framework,
  'ceterms:frameworkName': { en: frameworkName },
  'ceterms:targetNode': targetNode,
  'ceterms:targetNodeName': { en: targetNodeName },
  ...extra,
});
const conceptName = (concept: string) =>
  (concept.split(':')[1] ?? concept).replace(/([a-z])([A-Z])/g, '$1 $2').trim();
const concept = (scheme: keyof typeof CONCEPT_SCHEMES, name: string, target: string) =>
  alignment(CONCEPT_SCHEMES[scheme].framework, name, target, conceptName(target));

/**
 * A credential as a CTDL record Credential Engine would publish: a concrete ceterms credential
 * class, identified by its CTID, with language maps in the credential's languages, references to
 * the provider and to other credentials by their CTID resource URIs, alignments to ESCO and
 * O*NET by URI, credit as a ValueProfile in a condition profile and renewal as a duration.
 */
export function toCtdl(input: ExportInput, baseUrl: string): Record<string, unknown> {
  const c = input.credential;
  const ctid = credentialCtid(c);
  const language = c.language ?? UNDETERMINED;
  const translations = storedTranslations(c);
  const texts = (main: string, other: (t: (typeof translations)[number]) => string | null) => ({
    [language]: main,
    ...Object.fromEntries(
      translations.flatMap((t) => {
        const text = other(t);
        return text ? [[t.language, text]] : [];
      }),
    ),
  });
  const owner = resourceUri(providerCtid(c.providerId));
  // The registry's page for it stands in when the provider gives none (an import knows it again).
  const page = c.url ?? registryUri(baseUrl, 'credentials', c.id);
  const requires = conditionProfiles(input, baseUrl, language);
  return {
    '@context': CTDL_CONTEXT,
    '@id': resourceUri(ctid),
    '@type': `ceterms:${ctdlClassOf(c)}`,
    'ceterms:ctid': ctid,
    'ceterms:name': texts(c.title, (t) => t.title),
    'ceterms:description': texts(c.description ?? c.title, (t) => t.description ?? t.title),
    'ceterms:subjectWebpage': page,
    'ceterms:inLanguage': [language],
    'ceterms:credentialStatusType': concept(
      'credentialStatus',
      'Credential Status',
      c.status === CredentialStatus.RETIRED ? 'credentialStat:Deprecated' : 'credentialStat:Active',
    ),
    'ceterms:ownedBy': [owner],
    'ceterms:offeredBy': [owner],
    'ceterms:identifier': [
      {
        '@type': 'ceterms:IdentifierValue',
        'ceterms:identifierTypeName': { en: EXTERNAL_ID },
        'ceterms:identifierValueCode': c.externalId,
      },
    ],
    ...offerTerms(c, page, language),
    ...(requires.length > 0 ? { 'ceterms:requires': requires } : {}),
    ...linkTerms(input, baseUrl),
  };
}

/** How the credential is offered: delivery, learning time, price, level, quality, renewal. */
function offerTerms(
  c: ExportInput['credential'],
  page: string,
  language: string,
): Record<string, unknown> {
  const terms: Record<string, unknown> = {};
  if (c.deliveryMode) {
    terms['ceterms:learningDeliveryType'] = [
      concept('delivery', 'Delivery Type', DELIVERY[c.deliveryMode]),
    ];
  }
  if (c.hours != null) {
    terms['ceterms:estimatedDuration'] = [
      { '@type': 'ceterms:DurationProfile', 'ceterms:timeRequired': `PT${c.hours}H` },
    ];
  }
  if (c.price != null && c.currency) {
    terms['ceterms:estimatedCost'] = [
      {
        '@type': 'ceterms:CostProfile',
        'ceterms:costDetails': page,
        'ceterms:description': { en: 'Price of the credential' },
        'ceterms:directCostType': concept('costType', 'Cost Type', 'costType:AggregateCost'),
        'ceterms:price': c.price,
        'ceterms:currency': c.currency,
      },
    ];
  }
  if (c.eqfLevel != null) {
    terms['ceterms:audienceLevelType'] = [
      alignment(
        EQF,
        'European Qualifications Framework',
        `${EQF_LEVEL}${c.eqfLevel}`,
        `EQF level ${c.eqfLevel}`,
      ),
    ];
  }
  if (c.qualityAssurance) {
    terms['ceterms:processStandardsDescription'] = { [language]: c.qualityAssurance };
  }
  if (c.validityMonths != null)
    terms['ceterms:renewalFrequency'] = monthsDuration(c.validityMonths);
  return terms;
}

/** A condition profile the export names, so an import knows it again (PROFILE). */
const profile = (name: string, body: Record<string, unknown>) => ({
  '@type': 'ceterms:ConditionProfile',
  'ceterms:name': { en: name },
  ...body,
});

/** What a holder has shown and needed: competencies, prerequisites, assessment, ECTS credit. */
function conditionProfiles(
  input: ExportInput,
  baseUrl: string,
  language: string,
): Record<string, unknown>[] {
  const c = input.credential;
  const requires: Record<string, unknown>[] = [];
  if (input.skills.length > 0) {
    requires.push(
      profile(PROFILE.competencies, {
        'ceterms:description': { en: 'Competencies a holder has shown, with their level (1-5).' },
        'ceterms:targetCompetency': input.skills.map(({ skill, level }) => {
          const t = skillTarget(baseUrl, skill);
          return alignment(t.framework, t.frameworkName, t.uri, skill.label, {
            ...(t.code ? { 'ceterms:codedNotation': t.code } : {}),
            // The level certified, 1 to 5, as the strength of the alignment (level / 5).
            'ceterms:weight': level / 5,
          });
        }),
      }),
    );
  }
  if (input.prerequisites.length > 0) {
    requires.push(
      profile(PROFILE.prerequisites, {
        'ceterms:description': { en: 'Credentials to hold before this one.' },
        'ceterms:targetCredential': input.prerequisites.map((p) => resourceUri(credentialCtid(p))),
      }),
    );
  }
  if (c.assessmentType) {
    requires.push(
      profile(PROFILE.assessment, { 'ceterms:description': { [language]: c.assessmentType } }),
    );
  }
  if (c.ects != null) requires.push(creditProfile(c.ects));
  return requires;
}

function creditProfile(ects: number): Record<string, unknown> {
  return profile(PROFILE.credit, {
    'ceterms:description': { en: 'Credit awarded on completion.' },
    'ceterms:creditUnitTypeDescription': { en: ECTS },
    'ceterms:creditValue': [
      {
        '@type': 'ceterms:ValueProfile',
        'ceterms:creditUnitType': [concept('creditUnit', 'Credit Unit', 'creditUnit:DegreeCredit')],
        'schema:value': ects,
        'schema:description': {
          en: 'ECTS credits (European Credit Transfer and Accumulation System)',
        },
      },
    ],
  });
}

/** Links to other records: elective parts, wholes, parts and occupations. */
function linkTerms(input: ExportInput, baseUrl: string): Record<string, unknown> {
  const terms: Record<string, unknown> = {};
  const electives = input.parts.filter((p) => !p.required);
  if (electives.length > 0) {
    terms['ceterms:recommends'] = [
      profile(PROFILE.electives, {
        'ceterms:description': { en: 'Parts a learner may choose; they are not all required.' },
        'ceterms:targetCredential': electives.map((p) => resourceUri(credentialCtid(p.credential))),
      }),
    ];
  }
  if (input.wholes.length > 0) {
    terms['ceterms:isPartOf'] = input.wholes.map((w) => resourceUri(credentialCtid(w)));
  }
  if (input.parts.length > 0) {
    terms['ceterms:hasPart'] = input.parts.map((p) => resourceUri(credentialCtid(p.credential)));
  }
  if (input.jobRoles.length > 0) {
    terms['ceterms:occupationType'] = input.jobRoles.map((role) => {
      const t = jobRoleTarget(baseUrl, role);
      return alignment(t.framework, t.frameworkName, t.uri, role.title, {
        ...(t.code ? { 'ceterms:codedNotation': t.code } : {}),
      });
    });
  }
  return terms;
}

/** The credential nodes of a CTDL document: the record itself, or those in its `@graph`. */
export function ctdlCredentialNodes(doc: Record<string, unknown>): Record<string, unknown>[] {
  const graph = doc['@graph'];
  if (!Array.isArray(graph)) return [doc];
  return objects(graph).filter((n) => {
    const type = typeOf(n);
    return type !== null && fromCtdlClass(type) !== undefined;
  });
}

const typeOf = (n: Record<string, unknown>): string | null => {
  const t: unknown = n['@type'];
  const types = (Array.isArray(t) ? (t as unknown[]) : [t]).filter(
    (x): x is string => typeof x === 'string',
  );
  return types.find((x) => fromCtdlClass(x)) ?? types[0] ?? null;
};

/** A subject webpage, unless it is the registry's own page for a credential (no provider page). */
const ownPage = (baseUrl: string, page: string | null) =>
  page && registryIdIn(baseUrl, 'credentials', page) === null ? page : null;

/**
 * Fields of a credential record an import reads (the terms the export writes, and older ways of
 * giving an id and credit); any other is reported as not kept.
 */
const READ_FIELDS = new Set([
  '@context',
  '@id',
  '@type',
  'ceterms:codedNotation',
  'ceterms:creditValue',
  ...Object.keys(CREDENTIAL_TERMS),
]);
const READ_CONDITION_FIELDS = new Set([
  '@type',
  '@id',
  'ceterms:name',
  'ceterms:description',
  'ceterms:targetCompetency',
  'ceterms:targetCredential',
  'ceterms:creditValue',
  'ceterms:creditUnitTypeDescription',
]);

/** A language map's entries (a plain string counts as one entry in `fallback`). */
function languageEntries(v: unknown, fallback: string | null): [string, string][] {
  if (typeof v === 'string') return v.trim() ? [[fallback ?? UNDETERMINED, v.trim()]] : [];
  if (Array.isArray(v)) return languageEntries(v[0], fallback);
  if (!v || typeof v !== 'object') return [];
  return Object.entries(v as Record<string, unknown>).flatMap(([tag, text]): [string, string][] => {
    const t = firstText(text);
    return t ? [[tag, t]] : [];
  });
}

/** The registry's language tag for a CTDL one (`en-US` stays; `und` means unknown). */
const tagOf = (tag: string): string | null => {
  const t = tag.trim();
  if (t === UNDETERMINED || t === '@none') return null;
  const [primary, ...rest] = t.split('-');
  return [(primary ?? '').toLowerCase(), ...rest].join('-');
};

const ects = (values: Record<string, unknown>[], unitText: string | null) =>
  values.find((v) =>
    [unitText, firstText(v['schema:description']), firstText(v['schema:unitText'])].some(
      (t) => !!t && /\bECTS\b|European Credit Transfer/i.test(t),
    ),
  );

/** The problems of one record as it is read: errors refuse it, warnings list what is not kept. */
interface Reading {
  errors: string[];
  warnings: string[];
}

/**
 * Reads one CTDL credential node into a draft, part by part. Nothing here rejects a record over
 * a reference: skills, job roles and credentials travel as references to resolve, and every field
 * or value the registry does not keep is listed in `warnings`.
 */
export function fromCtdl(doc: Record<string, unknown>, baseUrl: string): ParsedDocument {
  const reading: Reading = { errors: [], warnings: [] };
  const identity = readIdentity(doc, reading);
  if (!identity) return { errors: reading.errors };
  const { warnings } = reading;
  warnings.push(...unkeptFields(doc, READ_FIELDS));
  const { standard, main, descriptions, ctid, externalId } = identity;
  // Read in this order, so the warnings come in the order of the record's parts.
  const translations = readTranslations(identity, warnings);
  const hours = readHours(doc, warnings);
  const cost = readCost(doc, warnings);
  const eqfLevel = readEqfLevel(doc, warnings);
  const retired = readRetired(doc);
  const hasPart = idsOf(doc['ceterms:hasPart']);
  const conditions = readConditions(doc, hasPart, warnings);
  const ects = conditions.ects ?? readDirectCredit(doc, warnings);
  const electives = readElectives(doc, hasPart, warnings);
  const owners = new Set([...idsOf(doc['ceterms:ownedBy']), ...idsOf(doc['ceterms:offeredBy'])]);
  if (owners.size > 1) {
    warnings.push(
      `ownedBy/offeredBy: ${owners.size} organisations named; the registry records the importing provider only`,
    );
  }
  const renewal = firstText(doc['ceterms:renewalFrequency']);
  const validityMonths = durationMonths(renewal);
  if (renewal && validityMonths == null) {
    warnings.push(`renewalFrequency ${renewal} not kept: the registry keeps whole months or years`);
  }
  const draft: CredentialDraft = {
    externalId: externalId.slice(0, 100).replace(/\s+/g, '-'),
    title: main[1],
    description: descriptionOf(descriptions.get(main[0]), main[1]),
    credentialType: standard.credentialType,
    standardType: standard.standardType ?? null,
    providerLabel: null,
    hours,
    ects,
    eqfLevel,
    price: numberOf(cost?.['ceterms:price']),
    currency: firstText(cost?.['ceterms:currency']),
    language: identity.language,
    deliveryMode: readDeliveryMode(doc),
    assessmentType: conditions.assessmentType,
    qualityAssurance: firstText(doc['ceterms:processStandardsDescription']),
    url: ownPage(baseUrl, firstText(doc['ceterms:subjectWebpage'])),
    validityMonths,
    ctid,
    achievementId: null,
    translations,
    status: retired == null ? null : retired ? CredentialStatus.RETIRED : CredentialStatus.ACTIVE,
    skills: conditions.skills,
    jobRoles: readJobRoles(doc),
    requires: conditions.prerequisites,
    isPartOf: idsOf(doc['ceterms:isPartOf']).map((ref) => ({ ref, required: true })),
    hasPart: hasPart.map((ref) => ({ ref, required: !electives.has(ref) })),
    equivalents: [],
    warnings,
  };
  return { draft, errors: [] };
}

/** Who the record is: its class, names by language, main language, CTID and externalId. */
interface Identity {
  standard: NonNullable<ReturnType<typeof fromCtdlClass>>;
  names: [string, string][];
  descriptions: Map<string, string>;
  /** The main name: [language tag as written, title]. */
  main: [string, string];
  language: string | null;
  inLanguage: string[];
  ctid: string | null;
  externalId: string;
}

/** The record's identity, or null with the errors that refuse it. */
function readIdentity(
  doc: Record<string, unknown>,
  { errors, warnings }: Reading,
): Identity | null {
  const type = typeOf(doc);
  const standard = type ? fromCtdlClass(type) : undefined;
  if (!standard) {
    errors.push(`@type must be a CTDL credential class, got ${JSON.stringify(doc['@type'])}`);
  }
  const inLanguage = idsOf(doc['ceterms:inLanguage'])
    .map(tagOf)
    .filter((t): t is string => !!t);
  const names = languageEntries(doc['ceterms:name'], inLanguage[0] ?? null);
  const descriptions = new Map(
    languageEntries(doc['ceterms:description'], inLanguage[0] ?? null).map(([t, d]) => [t, d]),
  );
  // The main language: the first of inLanguage with a name, else the first name's.
  const main =
    names.find(([tag]) => tagOf(tag) !== null && tagOf(tag) === inLanguage[0]) ?? names[0];
  if (!main) errors.push('ceterms:name is required');
  const ctidValue = firstText(doc['ceterms:ctid']);
  const ctid = ctidValue ? ctidIn(ctidValue) : null;
  if (ctidValue && !ctid) warnings.push(`ceterms:ctid ${ctidValue} not kept: it is not a CTID`);
  const identifiers = objects(doc['ceterms:identifier']);
  const own = identifiers.find((i) =>
    languageEntries(i['ceterms:identifierTypeName'], null).some(([, t]) => t === EXTERNAL_ID),
  );
  const externalId =
    firstText(own?.['ceterms:identifierValueCode']) ??
    firstText(identifiers[0]?.['ceterms:identifierValueCode']) ??
    firstText(doc['ceterms:codedNotation']) ??
    ctid ??
    firstText(doc['@id']);
  if (!externalId) {
    errors.push('a CTID, ceterms:identifier or @id is required: it becomes the externalId');
  }
  for (const i of identifiers.filter((x) => x !== (own ?? identifiers[0]))) {
    warnings.push(
      `ceterms:identifier ${firstText(i['ceterms:identifierValueCode']) ?? '?'} not kept: the registry keeps one provider identifier`,
    );
  }
  if (!standard || !main || !externalId || errors.length > 0) return null;
  const language = tagOf(main[0]);
  return { standard, names, descriptions, main, language, inLanguage, ctid, externalId };
}

/** The names in other languages, as translations; a name without a language is not kept. */
function readTranslations(identity: Identity, warnings: string[]) {
  const { names, descriptions, main, language, inLanguage } = identity;
  const translations = names
    .filter(([tag]) => tag !== main[0])
    .flatMap(([tag, title]) => {
      const t = tagOf(tag);
      if (!t) {
        warnings.push(`ceterms:name without a language not kept: "${title.slice(0, 60)}"`);
        return [];
      }
      return [{ language: t, title, description: descriptionOf(descriptions.get(tag), title) }];
    });
  for (const tag of inLanguage.slice(1)) {
    if (tag !== language)
      warnings.push(
        `ceterms:inLanguage ${tag} not kept: the registry keeps one language of instruction`,
      );
  }
  return translations;
}

/** Learning hours: only the learning time (timeRequired) is the registry's hours. */
function readHours(doc: Record<string, unknown>, warnings: string[]): number | null {
  let hours: number | null = null;
  for (const d of objects(doc['ceterms:estimatedDuration'])) {
    const required = durationHours(firstText(d['ceterms:timeRequired']));
    if (required != null && hours == null) hours = required;
    for (const key of [
      'ceterms:exactDuration',
      'ceterms:minimumDuration',
      'ceterms:maximumDuration',
    ]) {
      const value = firstText(d[key]);
      if (value)
        warnings.push(
          `estimatedDuration ${key} ${value} not kept: the registry keeps learning hours (timeRequired) only`,
        );
    }
  }
  return hours;
}

/** The first cost profile with a price; the registry keeps one price. */
function readCost(doc: Record<string, unknown>, warnings: string[]) {
  const costs = objects(doc['ceterms:estimatedCost']).filter(
    (c) => numberOf(c['ceterms:price']) != null,
  );
  if (costs.length > 1)
    warnings.push(
      `estimatedCost: ${costs.length - 1} more cost profile(s) not kept: the registry keeps one price`,
    );
  return costs[0];
}

/** The EQF level among the audience levels; other levels are not kept. */
function readEqfLevel(doc: Record<string, unknown>, warnings: string[]): number | null {
  let eqfLevel: number | null = null;
  for (const a of objects(doc['ceterms:audienceLevelType'])) {
    const node = firstText(a['ceterms:targetNode']) ?? '';
    const level = /snb\/eqf\/([1-8])$/.exec(node) ?? /^eqf:Level([1-8])$/.exec(node);
    if (level && eqfLevel == null) eqfLevel = Number(level[1]);
    else warnings.push(`audienceLevelType ${node} not kept: the registry keeps an EQF level only`);
  }
  return eqfLevel;
}

function readDeliveryMode(doc: Record<string, unknown>): DeliveryMode | null {
  const delivery = objects(doc['ceterms:learningDeliveryType']).map(
    (a) => firstText(a['ceterms:targetNode']) ?? '',
  );
  return (
    (Object.entries(DELIVERY).find(([, v]) =>
      delivery.some((d) => d.endsWith(v.split(':')[1] ?? v)),
    )?.[0] as DeliveryMode | undefined) ?? null
  );
}

/** Whether the status says the credential is no longer offered (null: no status given). */
function readRetired(doc: Record<string, unknown>): boolean | null {
  const status = firstText(
    (objects(doc['ceterms:credentialStatusType'])[0] ?? {})['ceterms:targetNode'],
  );
  return status ? /Deprecated|Ceased|TeachOut|Suspended/i.test(status) : null;
}

/**
 * The condition profiles: competencies, prerequisites (credentials that are not parts), ECTS
 * credit and the assessment.
 */
function readConditions(
  doc: Record<string, unknown>,
  hasPart: readonly string[],
  warnings: string[],
) {
  const skills: SkillReference[] = [];
  const prerequisites: CredentialReference[] = [];
  let assessmentType: string | null = null;
  let ects: number | null = null;
  objects(doc['ceterms:requires']).forEach((cp, i) => {
    const name = firstText(cp['ceterms:name']);
    const at = `requires[${i}]`;
    warnings.push(...unkeptFields(cp, READ_CONDITION_FIELDS, `${at}.`));
    skills.push(...objects(cp['ceterms:targetCompetency']).map(competencyOf));
    for (const ref of idsOf(cp['ceterms:targetCredential'])) {
      if (!hasPart.includes(ref)) prerequisites.push({ ref, required: true });
    }
    const credit = readProfileCredit(cp, at, warnings);
    if (credit != null && ects == null) ects = credit;
    const description = firstText(cp['ceterms:description']);
    if (name === PROFILE.assessment) assessmentType = description;
    else if (description && !Object.values(PROFILE).includes(name as never)) {
      warnings.push(`${at}.ceterms:description not kept: "${description.slice(0, 80)}"`);
    }
  });
  return { skills, prerequisites, assessmentType, ects };
}

/** A competency alignment as a skill reference; its weight (0..1) becomes a level of 1..5. */
function competencyOf(a: Record<string, unknown>): SkillReference {
  const weight = numberOf(a['ceterms:weight']);
  return {
    ref: firstText(a['ceterms:targetNode']),
    name: firstText(a['ceterms:targetNodeName']),
    code: firstText(a['ceterms:codedNotation']),
    level: weight != null ? Math.min(5, Math.max(1, Math.round(weight * 5))) : 2,
  };
}

/** A condition profile's ECTS credit; credit in other units is not kept. */
function readProfileCredit(
  cp: Record<string, unknown>,
  at: string,
  warnings: string[],
): number | null {
  const values = objects(cp['ceterms:creditValue']);
  if (values.length === 0) return null;
  const found = ects(values, firstText(cp['ceterms:creditUnitTypeDescription']));
  for (const v of values.filter((x) => x !== found)) {
    warnings.push(
      `${at} credit ${numberOf(v['schema:value']) ?? '?'} ${firstText(objects(v['ceterms:creditUnitType'])[0]?.['ceterms:targetNode']) ?? ''} not kept: the registry keeps ECTS credits only`.replace(
        / +not/,
        ' not',
      ),
    );
  }
  return found ? numberOf(found['schema:value']) : null;
}

/** A credit value written directly on the credential (older records), in ECTS only. */
function readDirectCredit(doc: Record<string, unknown>, warnings: string[]): number | null {
  const direct = objects(doc['ceterms:creditValue']);
  if (direct.length === 0) return null;
  const found = ects(direct, null);
  if (found) return numberOf(found['schema:value']);
  warnings.push('ceterms:creditValue not kept: the registry keeps ECTS credits only');
  return null;
}

/** Recommended credentials: kept only as elective parts. */
function readElectives(
  doc: Record<string, unknown>,
  hasPart: readonly string[],
  warnings: string[],
): Set<string> {
  const electives = new Set(
    objects(doc['ceterms:recommends']).flatMap((cp) => idsOf(cp['ceterms:targetCredential'])),
  );
  for (const ref of electives) {
    if (!hasPart.includes(ref))
      warnings.push(
        `recommends ${ref} not kept: the registry keeps recommended credentials only as elective parts`,
      );
  }
  return electives;
}

function readJobRoles(doc: Record<string, unknown>) {
  return objects(doc['ceterms:occupationType']).flatMap((a) => {
    const ref = firstText(a['ceterms:targetNode']) ?? firstText(a['ceterms:codedNotation']);
    return ref
      ? [
          {
            ref,
            code: firstText(a['ceterms:codedNotation']),
            name: firstText(a['ceterms:targetNodeName']),
          },
        ]
      : [];
  });
}
