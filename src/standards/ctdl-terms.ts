/**
 * The part of CTDL (Credential Transparency Description Language, `ceterms:`) the registry
 * writes and reads, as Credential Engine's published models define it: the credential classes,
 * the properties of a credential and of the profiles it embeds with their value types, and the
 * concept schemes the registry uses. `ctdlProblems` checks a record against it, so every export is
 * checked term by term before anyone tries to publish it.
 */

export const CTDL_CONTEXT = 'https://credreg.net/ctdl/schema/context/json';
/** Where a published resource lives: this prefix and its CTID. */
export const CE_RESOURCES = 'https://credentialengineregistry.org/resources/';

/** The concrete (publishable) credential classes of CTDL, without the `ceterms:` prefix. */
export const CTDL_CREDENTIAL_CLASSES = [
  'AcademicCertificate',
  'ApprenticeshipCertificate',
  'AssociateDegree',
  'AssociateOfAppliedArtsDegree',
  'AssociateOfAppliedScienceDegree',
  'AssociateOfArtsDegree',
  'AssociateOfScienceDegree',
  'BachelorDegree',
  'BachelorOfArtsDegree',
  'BachelorOfScienceDegree',
  'Badge',
  'BasicTechnicalCertificate',
  'Certificate',
  'CertificateOfCompletion',
  'CertificateOfParticipation',
  'Certification',
  'Degree',
  'DigitalBadge',
  'Diploma',
  'DoctoralDegree',
  'GeneralEducationDevelopment',
  'JourneymanCertificate',
  'License',
  'MasterCertificate',
  'MasterDegree',
  'MasterOfArtsDegree',
  'MasterOfScienceDegree',
  'MicroCredential',
  'OpenBadge',
  'PreApprenticeshipCertificate',
  'ProfessionalDoctorate',
  'QualityAssuranceCredential',
  'ResearchDoctorate',
  'SecondarySchoolDiploma',
  'SpecialistDegree',
] as const;
export type CtdlCredentialClass = (typeof CTDL_CREDENTIAL_CLASSES)[number];

/** Concept schemes the registry uses: scheme URI and the concepts it writes or reads. */
export const CONCEPT_SCHEMES = {
  credentialStatus: {
    framework: 'https://credreg.net/ctdl/terms/CredentialStatus',
    concepts: [
      'credentialStat:Active',
      'credentialStat:Deprecated',
      'credentialStat:Probationary',
      'credentialStat:Suspended',
      'credentialStat:TeachOut',
    ],
  },
  delivery: {
    framework: 'https://credreg.net/ctdl/terms/Delivery',
    concepts: ['deliveryType:OnlineOnly', 'deliveryType:InPerson', 'deliveryType:BlendedDelivery'],
  },
  creditUnit: {
    framework: 'https://credreg.net/ctdl/terms/CreditUnit',
    concepts: [
      'creditUnit:AcademicYear',
      'creditUnit:CarnegieUnit',
      'creditUnit:CertificateCredit',
      'creditUnit:ClockHour',
      'creditUnit:CompetencyCredit',
      'creditUnit:ContactHour',
      'creditUnit:ContinuingEducationUnit',
      'creditUnit:DegreeCredit',
      'creditUnit:QuarterHour',
      'creditUnit:SemesterHour',
      'creditUnit:TrimesterHour',
    ],
  },
  costType: {
    framework: 'https://credreg.net/ctdl/terms/CostType',
    concepts: ['costType:AggregateCost', 'costType:Tuition'],
  },
  /** The EU's EQF level vocabulary (EU Vocabularies), referenced as an alignment. */
  eqf: { framework: 'http://data.europa.eu/snb/eqf/25831c2', concepts: [] as string[] },
} as const;

/** How a property's values are written. */
type Range =
  | 'lang' // a language map: BCP 47 tag -> string
  | 'uri' // an absolute URI
  | 'ctid'
  | 'string'
  | 'number'
  | 'duration' // ISO 8601 duration
  | 'language' // a BCP 47 tag
  | 'alignment' // a ceterms:CredentialAlignmentObject
  | 'conceptOrUri' // a prefixed concept (scheme:Name) or a URI
  | { profile: string }; // an embedded object of that class

interface Term {
  range: Range;
  /** Multi-valued terms are written as arrays. */
  list?: boolean;
  /** For alignments and concepts: the concepts allowed, when the scheme is closed. */
  scheme?: keyof typeof CONCEPT_SCHEMES;
}

const lang: Term = { range: 'lang' };
const uris: Term = { range: 'uri', list: true };
const conditions: Term = { range: { profile: 'ceterms:ConditionProfile' }, list: true };
const alignments: Term = { range: 'alignment', list: true };

/** Properties of a credential class the registry uses (a subset of CTDL's). */
export const CREDENTIAL_TERMS: Readonly<Record<string, Term>> = {
  'ceterms:ctid': { range: 'ctid' },
  'ceterms:name': lang,
  'ceterms:description': lang,
  'ceterms:subjectWebpage': { range: 'uri' },
  'ceterms:inLanguage': { range: 'language', list: true },
  'ceterms:credentialStatusType': { range: 'alignment', scheme: 'credentialStatus' },
  'ceterms:ownedBy': uris,
  'ceterms:offeredBy': uris,
  'ceterms:identifier': { range: { profile: 'ceterms:IdentifierValue' }, list: true },
  'ceterms:learningDeliveryType': { ...alignments, scheme: 'delivery' },
  'ceterms:estimatedDuration': { range: { profile: 'ceterms:DurationProfile' }, list: true },
  'ceterms:estimatedCost': { range: { profile: 'ceterms:CostProfile' }, list: true },
  'ceterms:audienceLevelType': alignments,
  'ceterms:processStandardsDescription': lang,
  'ceterms:renewalFrequency': { range: 'duration' },
  'ceterms:requires': conditions,
  'ceterms:recommends': conditions,
  'ceterms:isPartOf': uris,
  'ceterms:hasPart': uris,
  'ceterms:occupationType': alignments,
};

/** Properties of the profiles and structured values embedded in a credential. */
export const PROFILE_TERMS: Readonly<Record<string, Readonly<Record<string, Term>>>> = {
  'ceterms:ConditionProfile': {
    'ceterms:name': lang,
    'ceterms:description': lang,
    'ceterms:targetCompetency': alignments,
    'ceterms:targetCredential': uris,
    'ceterms:targetAssessment': uris,
    'ceterms:targetLearningOpportunity': uris,
    'ceterms:creditValue': { range: { profile: 'ceterms:ValueProfile' }, list: true },
    'ceterms:creditUnitTypeDescription': lang,
    'ceterms:subjectWebpage': { range: 'uri' },
  },
  'ceterms:ValueProfile': {
    'ceterms:creditUnitType': { ...alignments, scheme: 'creditUnit' },
    'schema:value': { range: 'number' },
    'schema:minValue': { range: 'number' },
    'schema:maxValue': { range: 'number' },
    'schema:description': lang,
  },
  'ceterms:CredentialAlignmentObject': {
    'ceterms:framework': { range: 'uri' },
    'ceterms:frameworkName': lang,
    'ceterms:targetNode': { range: 'conceptOrUri' },
    'ceterms:targetNodeName': lang,
    'ceterms:targetNodeDescription': lang,
    'ceterms:codedNotation': { range: 'string' },
    'ceterms:weight': { range: 'number' },
  },
  'ceterms:DurationProfile': {
    'ceterms:description': lang,
    'ceterms:timeRequired': { range: 'duration' },
    'ceterms:exactDuration': { range: 'duration' },
    'ceterms:minimumDuration': { range: 'duration' },
    'ceterms:maximumDuration': { range: 'duration' },
  },
  'ceterms:CostProfile': {
    'ceterms:costDetails': { range: 'uri' },
    'ceterms:description': lang,
    'ceterms:price': { range: 'number' },
    'ceterms:currency': { range: 'string' },
    'ceterms:directCostType': { range: 'alignment', scheme: 'costType' },
  },
  'ceterms:IdentifierValue': {
    'ceterms:identifierTypeName': lang,
    'ceterms:identifierType': { range: 'uri' },
    'ceterms:identifierValueCode': { range: 'string' },
    'ceterms:description': lang,
  },
};

const BCP47 = /^[a-zA-Z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
const ABSOLUTE_URI = /^[a-zA-Z][a-zA-Z0-9+.-]*:[^\s]+$/;
const CONCEPT = /^[a-zA-Z]+:[A-Za-z0-9]+$/;
const DURATION = /^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$/;
/** A CTID as Credential Engine mints them: `ce-` and a lower-case version 4 UUID. */
export const CTID = /^ce-[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** Minimum data a credential must carry to be published. */
const REQUIRED = [
  'ceterms:ctid',
  'ceterms:name',
  'ceterms:description',
  'ceterms:subjectWebpage',
  'ceterms:inLanguage',
  'ceterms:credentialStatusType',
];

/**
 * What keeps a CTDL credential record from being published: unknown classes or properties, values
 * of the wrong type, missing minimum data, concepts outside their scheme. Empty when it is clean.
 */
export function ctdlProblems(record: Record<string, unknown>): string[] {
  const problems: string[] = [];
  if (record['@context'] !== CTDL_CONTEXT) problems.push(`@context must be ${CTDL_CONTEXT}`);
  const type = record['@type'];
  const cls = typeof type === 'string' ? type.replace(/^ceterms:/, '') : '';
  if (!type || !(CTDL_CREDENTIAL_CLASSES as readonly string[]).includes(cls)) {
    problems.push(`@type ${JSON.stringify(type)} is not a concrete CTDL credential class`);
  }
  const ctid = record['ceterms:ctid'];
  if (typeof record['@id'] !== 'string' || record['@id'] !== `${CE_RESOURCES}${String(ctid)}`) {
    problems.push('@id must be the registry resource URI of its CTID');
  }
  for (const name of REQUIRED) {
    if (record[name] == null) problems.push(`${name} is required`);
  }
  if (record['ceterms:ownedBy'] == null && record['ceterms:offeredBy'] == null) {
    problems.push('ceterms:ownedBy or ceterms:offeredBy is required');
  }
  checkObject(record, CREDENTIAL_TERMS, '', problems, new Set(['@context', '@id', '@type']));
  return problems;
}

function checkObject(
  o: Record<string, unknown>,
  terms: Readonly<Record<string, Term>>,
  path: string,
  problems: string[],
  allowed = new Set(['@type']),
): void {
  for (const [key, value] of Object.entries(o)) {
    if (allowed.has(key)) continue;
    const term = terms[key];
    const at = `${path}${key}`;
    if (!term) {
      problems.push(`${at} is not a CTDL property of this class`);
      continue;
    }
    if (term.list && !Array.isArray(value)) {
      problems.push(`${at} must be a list`);
      continue;
    }
    if (!term.list && Array.isArray(value)) {
      problems.push(`${at} takes one value, not a list`);
      continue;
    }
    const values = term.list ? (value as unknown[]) : [value];
    if (values.length === 0) problems.push(`${at} must not be empty`);
    values.forEach((v, i) => checkValue(v, term, term.list ? `${at}[${i}]` : at, problems));
  }
}

function checkValue(v: unknown, term: Term, at: string, problems: string[]): void {
  const range = term.range;
  const fail = (what: string) => problems.push(`${at} must be ${what}, got ${JSON.stringify(v)}`);
  if (typeof range === 'object') {
    const profile = v as Record<string, unknown>;
    if (!profile || typeof profile !== 'object' || profile['@type'] !== range.profile) {
      fail(`a ${range.profile}`);
      return;
    }
    checkObject(profile, PROFILE_TERMS[range.profile] ?? {}, `${at}.`, problems);
    return;
  }
  switch (range) {
    case 'lang': {
      const map = v as Record<string, unknown>;
      const ok =
        !!map &&
        typeof map === 'object' &&
        !Array.isArray(map) &&
        Object.keys(map).length > 0 &&
        Object.entries(map).every(
          ([tag, text]) =>
            BCP47.test(tag) &&
            (typeof text === 'string' ||
              (Array.isArray(text) && text.every((t) => typeof t === 'string'))),
        );
      if (!ok) fail('a language map keyed by BCP 47 tags');
      return;
    }
    case 'uri':
      if (typeof v !== 'string' || !ABSOLUTE_URI.test(v) || CONCEPT.test(v))
        fail('an absolute URI');
      return;
    case 'ctid':
      if (typeof v !== 'string' || !CTID.test(v)) fail('a CTID (ce- and a version 4 UUID)');
      return;
    case 'string':
      if (typeof v !== 'string' || v.trim() === '') fail('a string');
      return;
    case 'number':
      if (typeof v !== 'number' || !Number.isFinite(v)) fail('a number');
      return;
    case 'duration':
      if (typeof v !== 'string' || !DURATION.test(v)) fail('an ISO 8601 duration');
      return;
    case 'language':
      if (typeof v !== 'string' || !BCP47.test(v)) fail('a BCP 47 language tag');
      return;
    case 'conceptOrUri':
      if (typeof v !== 'string' || !ABSOLUTE_URI.test(v)) fail('a concept or a URI');
      return;
    case 'alignment': {
      const a = v as Record<string, unknown>;
      if (!a || typeof a !== 'object' || a['@type'] !== 'ceterms:CredentialAlignmentObject') {
        fail('a ceterms:CredentialAlignmentObject');
        return;
      }
      if (typeof a['ceterms:targetNode'] !== 'string') {
        problems.push(`${at}.ceterms:targetNode is required`);
      }
      if (term.scheme) {
        const scheme = CONCEPT_SCHEMES[term.scheme];
        if (!(scheme.concepts as readonly string[]).includes(String(a['ceterms:targetNode']))) {
          problems.push(`${at}.ceterms:targetNode is not a concept of ${scheme.framework}`);
        }
        if (a['ceterms:framework'] !== undefined && a['ceterms:framework'] !== scheme.framework) {
          problems.push(`${at}.ceterms:framework must be ${scheme.framework}`);
        }
      } else if (CONCEPT.test(String(a['ceterms:targetNode']))) {
        problems.push(`${at}.ceterms:targetNode must be a URI outside CTDL's own schemes`);
      }
      checkObject(a, PROFILE_TERMS['ceterms:CredentialAlignmentObject'] ?? {}, `${at}.`, problems);
      return;
    }
  }
}
