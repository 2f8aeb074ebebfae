import Ajv2019 from 'ajv/dist/2019';

/**
 * Our own JSON Schema (draft 2019-09) of what the official Open Badges 3.0 schema requires of an
 * Achievement and of an OpenBadgeCredential. The official schema's licence does not let us vendor
 * it, so this states its requirements: required properties, the `type` values, the
 * AchievementType, AlignmentTargetType and IdentifierType vocabularies (or an `ext:` term), URIs
 * where it wants URIs, and the language tag pattern. The vocabularies are written out here, not
 * taken from the code under test, so the check does not agree with the code by construction.
 */
const EXT = '^ext:[a-zA-Z0-9.\\-_]+$';
const URI = '^[A-Za-z][A-Za-z0-9+.-]*:[^\\s]+$';
const DATE_TIME = '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})$';
const typeContaining = (name: string) => ({
  oneOf: [
    { const: name },
    { type: 'array', minItems: 1, items: { type: 'string' }, contains: { const: name } },
  ],
});
const vocabulary = (values: string[]) => ({
  anyOf: [{ enum: values }, { type: 'string', pattern: EXT }],
});

const profile = {
  type: 'object',
  required: ['id', 'type'],
  properties: {
    id: { type: 'string', pattern: URI },
    type: typeContaining('Profile'),
    name: { type: 'string' },
    url: { type: 'string', pattern: URI },
  },
};

const achievement = {
  type: 'object',
  required: ['id', 'type', 'criteria', 'description', 'name'],
  properties: {
    id: { type: 'string', pattern: URI },
    type: typeContaining('Achievement'),
    name: { type: 'string' },
    description: { type: 'string' },
    achievementType: vocabulary([
      'Achievement',
      'ApprenticeshipCertificate',
      'Assessment',
      'Assignment',
      'AssociateDegree',
      'Award',
      'Badge',
      'BachelorDegree',
      'Certificate',
      'CertificateOfCompletion',
      'Certification',
      'CommunityService',
      'Competency',
      'Course',
      'CoCurricular',
      'Degree',
      'Diploma',
      'DoctoralDegree',
      'Fieldwork',
      'GeneralEducationDevelopment',
      'JourneymanCertificate',
      'LearningProgram',
      'License',
      'Membership',
      'ProfessionalDoctorate',
      'QualityAssuranceCredential',
      'MasterCertificate',
      'MasterDegree',
      'MicroCredential',
      'ResearchDoctorate',
      'SecondarySchoolDiploma',
    ]),
    criteria: {
      type: 'object',
      anyOf: [{ required: ['id'] }, { required: ['narrative'] }],
      properties: { id: { type: 'string', pattern: URI }, narrative: { type: 'string' } },
    },
    creator: profile,
    creditsAvailable: { type: 'number' },
    humanCode: { type: 'string' },
    inLanguage: { type: 'string', pattern: '^[a-z]{2,4}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?$' },
    alignment: {
      type: 'array',
      items: {
        type: 'object',
        required: ['type', 'targetName', 'targetUrl'],
        properties: {
          type: typeContaining('Alignment'),
          targetName: { type: 'string' },
          targetUrl: { type: 'string', pattern: URI },
          targetCode: { type: 'string' },
          targetFramework: { type: 'string' },
          targetType: vocabulary([
            'ceasn:Competency',
            'ceterms:Credential',
            'CFItem',
            'CFRubric',
            'CFRubricCriterion',
            'CFRubricCriterionLevel',
            'CTDL',
          ]),
        },
      },
    },
    otherIdentifier: {
      type: 'array',
      items: {
        type: 'object',
        required: ['type', 'identifier', 'identifierType'],
        properties: {
          type: { const: 'IdentifierEntry' },
          identifier: { type: 'string' },
          identifierType: vocabulary([
            'name',
            'sourcedId',
            'systemId',
            'productId',
            'userName',
            'accountId',
            'emailAddress',
            'nationalIdentityNumber',
            'isbn',
            'issn',
            'lisSourcedId',
            'oneRosterSourcedId',
            'sisSourcedId',
            'ltiContextId',
            'ltiDeploymentId',
            'ltiToolId',
            'ltiPlatformId',
            'ltiUserId',
            'identifier',
          ]),
        },
      },
    },
    related: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'type'],
        properties: { type: typeContaining('Related') },
      },
    },
  },
};

const credential = {
  type: 'object',
  required: ['@context', 'id', 'type', 'issuer', 'validFrom', 'credentialSubject'],
  properties: {
    '@context': {
      type: 'array',
      prefixItems: [{ const: 'https://www.w3.org/ns/credentials/v2' }],
      contains: {
        type: 'string',
        pattern: '^https://purl\\.imsglobal\\.org/spec/ob/v3p0/context-3\\.0\\.\\d+\\.json$',
      },
    },
    id: { type: 'string', pattern: URI },
    type: {
      allOf: [typeContaining('VerifiableCredential'), typeContaining('OpenBadgeCredential')],
    },
    issuer: profile,
    validFrom: { type: 'string', pattern: DATE_TIME },
    validUntil: { type: 'string', pattern: DATE_TIME },
    credentialSubject: {
      type: 'object',
      required: ['type', 'achievement'],
      properties: { type: typeContaining('AchievementSubject'), achievement },
    },
    credentialSchema: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'type'],
        properties: { id: { type: 'string', pattern: URI } },
      },
    },
  },
};

const ajv = new Ajv2019({ allErrors: true, strict: false, validateFormats: false });
const checkAchievement = ajv.compile(achievement);
const checkCredential = ajv.compile(credential);

const problemsOf = (check: { errors?: { instancePath: string; message?: string }[] | null }) =>
  (check.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`);

/** What keeps an Achievement from passing the OB3 schema's requirements (empty when none). */
export function achievementProblems(doc: unknown): string[] {
  return checkAchievement(doc) ? [] : problemsOf(checkAchievement);
}

/** What keeps an OpenBadgeCredential from passing the OB3 schema's requirements. */
export function credentialProblems(doc: unknown): string[] {
  return checkCredential(doc) ? [] : problemsOf(checkCredential);
}

/** Validates a document against a JSON Schema the registry serves (its extension's). */
export function schemaProblems(schema: { $id?: string }, doc: unknown): string[] {
  const check = (schema.$id && ajv.getSchema(schema.$id)) || ajv.compile(schema);
  return check(doc) ? [] : problemsOf(check);
}
