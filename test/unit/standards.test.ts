import {
  CredentialStatus,
  CredentialType,
  DeliveryMode,
  type Credential,
} from '../../src/credential/credential.type';
import { ctidFor, translationsJson } from '../../src/credential/credential.rules';
import { Framework } from '../../src/skill/skill.type';
import { ProviderKind, type Provider } from '../../src/provider/provider.type';
import { fromCtdl, toCtdl, ctdlCredentialNodes } from '../../src/standards/ctdl';
import { CTDL_CREDENTIAL_CLASSES, ctdlProblems } from '../../src/standards/ctdl-terms';
import {
  extensionContext,
  extensionSchema,
  fromOpenBadge,
  toAchievementCredential,
  toOpenBadge,
} from '../../src/standards/open-badges';
import { OB3_ACHIEVEMENT_TYPES } from '../../src/standards/credential-classes';
import { fromAchievementType, fromCtdlClass } from '../../src/standards/credential-classes';
import { resourceUri, type ExportInput } from '../../src/standards/references';
import { achievementProblems, credentialProblems, schemaProblems } from '../helpers/ob3-schema';
import { credential, skill } from './fixtures';

const BASE = 'https://registry.example.org';

const provider: Provider = Object.assign({} as Provider, {
  id: 'uni',
  name: 'University',
  kind: ProviderKind.UNIVERSITY,
  country: 'DE',
  website: 'https://uni.example.org',
  createdAt: '2026-01-01T00:00:00.000Z',
});

const ONET_SKILL = Object.assign(skill('2.A.1.a', 'Reading Comprehension'), {
  framework: Framework.ONET,
});

function input(type: CredentialType, overrides: Partial<Credential> = {}): ExportInput {
  return {
    credential: credential('uni:ds-101', {
      credentialType: type,
      description: 'Data science basics.',
      providerLabel: 'Course',
      hours: 40,
      ects: 2,
      eqfLevel: 6,
      price: 300,
      currency: 'EUR',
      language: 'en',
      deliveryMode: DeliveryMode.ONLINE,
      assessmentType: 'Project',
      qualityAssurance: 'Accredited',
      url: 'https://uni.example.org/ds-101',
      validityMonths: 24,
      translationsJson: translationsJson([
        { language: 'de', title: 'Datenwissenschaft', description: 'Grundlagen.' },
      ]),
      ...overrides,
    }),
    provider,
    skills: [
      { skill: skill('http://data.europa.eu/esco/skill/python'), level: 3 },
      { skill: ONET_SKILL, level: 4 },
    ],
    jobRoles: [
      {
        id: '15-2051.00',
        title: 'Data Scientists',
        altTitles: [],
        framework: Framework.ONET,
        code: '15-2051.00',
      },
    ],
    prerequisites: [credential('uni:intro')],
    wholes: [credential('uni:cert')],
    parts: [
      { credential: credential('uni:lab'), required: true },
      { credential: credential('uni:elective'), required: false },
    ],
  };
}

const ALL_TYPES = Object.values(CredentialType);
const ALL = ALL_TYPES.flatMap((t) => Object.values(CredentialStatus).map((s) => [t, s] as const));
const uri = (id: string) => resourceUri(ctidFor(id));

describe('Open Badges 3.0 export', () => {
  it.each(ALL)(
    'a %s (%s) passes the OB3 requirements, alone and in a credential',
    (type, status) => {
      const doc = toOpenBadge(input(type, { status }), BASE);
      expect(achievementProblems(doc)).toEqual([]);
      const award = toAchievementCredential(
        { learnerId: 'l1', issuedAt: '2026-01-10', expiresAt: null },
        input(type, { status }),
        BASE,
      );
      expect(credentialProblems(award)).toEqual([]);
      // The registry's own fields live in the extension, and validate against its served schema.
      expect(schemaProblems(extensionSchema(BASE), doc)).toEqual([]);
    },
  );

  it('invents no property: every top-level term is OB3 or the extension the context defines', () => {
    const doc = toOpenBadge(input(CredentialType.NANODEGREE), BASE);
    const ob3 = new Set([
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
    ]);
    const context = extensionContext(BASE)['@context'] as Record<string, unknown>;
    for (const key of Object.keys(doc)) expect(ob3.has(key) || key in context).toBe(true);
    const scoped = (context.credentialGraph as { '@context': Record<string, unknown> })['@context'];
    for (const key of Object.keys(doc.credentialGraph as object)) {
      expect(key === 'type' || key in scoped).toBe(true);
    }
    expect(doc['@context']).toContain(`${BASE}/standards/ob3/context.json`);
  });

  it('keeps proficiency out of targetCode and ECTS out of creditsAvailable', () => {
    const doc = toOpenBadge(input(CredentialType.MICROCREDENTIAL), BASE) as any;
    expect(doc.creditsAvailable).toBeUndefined();
    expect(doc.credentialGraph.ectsCredits).toBe(2);
    const codes = doc.alignment.map((a: any) => a.targetCode).filter(Boolean);
    expect(codes.some((c: string) => /^level:/.test(c))).toBe(false);
    expect(doc.credentialGraph.skillLevels).toEqual([
      { skill: 'http://data.europa.eu/esco/skill/python', level: 3 },
      { skill: `${BASE}/skills/2.A.1.a`, level: 4 },
    ]);
    // Linked credentials are alignments to their CTDL records; the kind is in the extension.
    expect(doc.credentialGraph.prerequisites).toEqual([uri('uni:intro')]);
    expect(doc.credentialGraph.parts).toEqual([
      { achievement: uri('uni:lab'), required: true },
      { achievement: uri('uni:elective'), required: false },
    ]);
    expect(doc.alignment.filter((a: any) => a.targetType === 'ceterms:Credential')).toHaveLength(4);
  });

  it.each(ALL)('a %s (%s) comes back as it went, identity and links included', (type, status) => {
    const doc = toOpenBadge(
      input(type, { status, achievementId: 'https://uni.example.org/a/1' }),
      BASE,
    );
    expect(doc.id).toBe('https://uni.example.org/a/1');
    const { draft, errors } = fromOpenBadge(doc, BASE);
    expect(errors).toEqual([]);
    expect(draft).toMatchObject({
      externalId: 'ds-101',
      credentialType: type,
      status,
      ctid: ctidFor('uni:ds-101'),
      achievementId: 'https://uni.example.org/a/1',
      hours: 40,
      ects: 2,
      eqfLevel: 6,
      validityMonths: 24,
      language: 'en',
      translations: [{ language: 'de', title: 'Datenwissenschaft', description: 'Grundlagen.' }],
      skills: [
        { ref: 'http://data.europa.eu/esco/skill/python', level: 3 },
        { ref: `${BASE}/skills/2.A.1.a`, code: '2.A.1.a', level: 4 },
      ],
      jobRoles: [{ ref: 'https://www.onetonline.org/link/summary/15-2051.00', code: '15-2051.00' }],
      requires: [{ ref: uri('uni:intro') }],
      isPartOf: [{ ref: uri('uni:cert') }],
      hasPart: [
        { ref: uri('uni:lab'), required: true },
        { ref: uri('uni:elective'), required: false },
      ],
      equivalents: [],
    });
    expect(draft!.warnings).toEqual([]);
  });
});

describe('CTDL export', () => {
  it.each(ALL)('a %s (%s) passes the conformance check', (type, status) => {
    const record = toCtdl(input(type, { status }), BASE);
    expect(ctdlProblems(record)).toEqual([]);
    expect(record['ceterms:credentialStatusType']).toMatchObject({
      'ceterms:targetNode':
        status === CredentialStatus.RETIRED ? 'credentialStat:Deprecated' : 'credentialStat:Active',
    });
  });

  it('writes terms as CTDL defines them', () => {
    const r = toCtdl(input(CredentialType.MICROCREDENTIAL), BASE) as any;
    expect(r['@id']).toBe(resourceUri(r['ceterms:ctid']));
    expect(r['ceterms:ownedBy']).toEqual([
      expect.stringMatching(/^https:\/\/credentialengineregistry\.org\/resources\/ce-/),
    ]);
    expect(r['ceterms:name']).toEqual({ en: 'Course ds-101', de: 'Datenwissenschaft' });
    expect(r['ceterms:renewalFrequency']).toBe('P2Y');
    expect(r['ceterms:audienceLevelType'][0]['ceterms:targetNode']).toBe(
      'http://data.europa.eu/snb/eqf/6',
    );
    const credit = r['ceterms:requires'].find((p: any) => p['ceterms:creditValue']);
    expect(credit['ceterms:creditValue'][0]).toMatchObject({
      '@type': 'ceterms:ValueProfile',
      'schema:value': 2,
    });
    for (const a of r['ceterms:requires'][0]['ceterms:targetCompetency']) {
      expect(a['ceterms:framework']).toMatch(/^https?:\/\//);
    }
    expect(r['ceterms:recommends'][0]['ceterms:targetCredential']).toEqual([uri('uni:elective')]);
    for (const gone of [
      'ceterms:codedNotation',
      'ceterms:credentialType',
      'ceterms:assessmentMethodDescription',
      'ceterms:creditValue',
    ]) {
      expect(r[gone]).toBeUndefined();
    }
  });

  it('tags text with the credential language, and exports a bachelor as a bachelor', () => {
    const r = toCtdl(
      input(CredentialType.DEGREE, {
        language: 'ar',
        title: 'بكالوريوس علوم البيانات',
        standardType: 'BachelorOfScienceDegree',
        translationsJson: null,
      }),
      BASE,
    ) as any;
    expect(r['@type']).toBe('ceterms:BachelorOfScienceDegree');
    expect(Object.keys(r['ceterms:name'])).toEqual(['ar']);
    expect(r['ceterms:inLanguage']).toEqual(['ar']);
    expect(
      toOpenBadge(input(CredentialType.DEGREE, { standardType: 'BachelorOfScienceDegree' }), BASE)
        .achievementType,
    ).toBe('BachelorDegree');
    // A degree of no known kind is a Degree; OTHER is a concrete class, not ceterms:Credential.
    expect(toCtdl(input(CredentialType.DEGREE), BASE)['@type']).toBe('ceterms:Degree');
    expect(toCtdl(input(CredentialType.OTHER), BASE)['@type']).not.toBe('ceterms:Credential');
  });

  it('catches what a publisher would refuse', () => {
    const bad = { ...toCtdl(input(CredentialType.BADGE), BASE) } as Record<string, unknown>;
    bad['@type'] = 'ceterms:Credential';
    bad['ceterms:codedNotation'] = 'x';
    bad['ceterms:name'] = { 'not a tag!': 'x' };
    delete bad['ceterms:subjectWebpage'];
    const problems = ctdlProblems(bad).join('\n');
    expect(problems).toMatch(/concrete CTDL credential class/);
    expect(problems).toMatch(/codedNotation is not a CTDL property/);
    expect(problems).toMatch(/language map/);
    expect(problems).toMatch(/subjectWebpage is required/);
  });

  it.each(ALL)('a %s (%s) comes back as it went', (type, status) => {
    const record = toCtdl(input(type, { status }), BASE);
    const { draft, errors } = fromCtdl(record, BASE);
    expect(errors).toEqual([]);
    expect(draft).toMatchObject({
      externalId: 'ds-101',
      ctid: ctidFor('uni:ds-101'),
      status,
      title: 'Course ds-101',
      language: 'en',
      translations: [{ language: 'de', title: 'Datenwissenschaft', description: 'Grundlagen.' }],
      hours: 40,
      ects: 2,
      eqfLevel: 6,
      price: 300,
      currency: 'EUR',
      validityMonths: 24,
      assessmentType: 'Project',
      deliveryMode: DeliveryMode.ONLINE,
      skills: [
        { ref: 'http://data.europa.eu/esco/skill/python', level: 3 },
        { ref: `${BASE}/skills/2.A.1.a`, code: '2.A.1.a', level: 4 },
      ],
      jobRoles: [{ code: '15-2051.00' }],
      requires: [{ ref: uri('uni:intro') }],
      isPartOf: [{ ref: uri('uni:cert') }],
      hasPart: [
        { ref: uri('uni:lab'), required: true },
        { ref: uri('uni:elective'), required: false },
      ],
    });
    expect(draft!.warnings).toEqual([]);
  });
});

describe('types in both standards', () => {
  it.each(CTDL_CREDENTIAL_CLASSES)('takes ceterms:%s and exports it as itself', (cls) => {
    const standard = fromCtdlClass(`ceterms:${cls}`)!;
    expect(standard).toBeDefined();
    const r = toCtdl(input(standard.credentialType, { standardType: standard.standardType }), BASE);
    expect(r['@type']).toBe(`ceterms:${cls}`);
    expect(ctdlProblems(r)).toEqual([]);
    const ob3 = toOpenBadge(input(standard.credentialType, { standardType: cls }), BASE);
    expect(achievementProblems(ob3)).toEqual([]);
  });

  it.each(OB3_ACHIEVEMENT_TYPES)('takes achievementType %s', (type) => {
    const standard = fromAchievementType(type)!;
    expect(standard).toBeDefined();
    if (type === 'Degree' || /Degree|Doctorate/.test(type)) {
      expect(standard.credentialType).toBe(CredentialType.DEGREE);
    }
    const ob3 = toOpenBadge(input(standard.credentialType, { standardType: type }), BASE);
    expect(ob3.achievementType).toBe(type);
    expect(achievementProblems(ob3)).toEqual([]);
  });
});

describe('import of real-shaped records', () => {
  it('reads an OpenBadgeCredential, sorting alignments by what they point at', () => {
    const award = {
      '@context': [
        'https://www.w3.org/ns/credentials/v2',
        'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
      ],
      id: 'http://example.edu/credentials/3732',
      type: ['VerifiableCredential', 'OpenBadgeCredential'],
      issuer: {
        id: 'https://example.edu/issuers/565049',
        type: ['Profile'],
        name: 'Example University',
      },
      validFrom: '2010-01-01T00:00:00Z',
      name: 'Example University Degree',
      credentialSubject: {
        id: 'did:example:ebfeb1f712ebc6f1c276e12ec21',
        type: ['AchievementSubject'],
        achievement: {
          id: 'https://example.com/achievements/21st-century-skills/teamwork',
          type: ['Achievement'],
          criteria: { narrative: 'Team members are nominated for this badge by their peers.' },
          description: 'This badge recognizes the development of the capacity to collaborate.',
          name: 'Teamwork',
          achievementType: 'Degree',
          image: { id: 'https://example.com/teamwork.png', type: 'Image' },
          tag: ['teamwork', 'collaboration'],
          fieldOfStudy: 'Management',
          alignment: [
            {
              type: ['Alignment'],
              targetName: 'Teamwork skills',
              targetUrl: 'https://case.example.org/uri/1a2b3c',
              targetType: 'CFItem',
              targetFramework: 'Employability',
            },
            {
              type: ['Alignment'],
              targetName: 'Data scientists',
              targetUrl: 'https://www.onetonline.org/link/summary/15-2051.00',
              targetType: 'ext:Occupation',
            },
            {
              type: ['Alignment'],
              targetName: 'Project management certificate',
              targetUrl:
                'https://credentialengineregistry.org/resources/ce-8f5a2e25-7a30-4eb0-ab9e-ab441ac928c6',
              targetType: 'ceterms:Credential',
            },
          ],
        },
      },
    };
    const { draft, errors } = fromOpenBadge(award, BASE);
    expect(errors).toEqual([]);
    expect(draft).toMatchObject({
      title: 'Teamwork',
      credentialType: CredentialType.DEGREE,
      standardType: null, // Degree is what DEGREE exports as anyway
      achievementId: 'https://example.com/achievements/21st-century-skills/teamwork',
      assessmentType: 'Team members are nominated for this badge by their peers.',
      skills: [{ ref: 'https://case.example.org/uri/1a2b3c', name: 'Teamwork skills' }],
      jobRoles: [{ ref: 'https://www.onetonline.org/link/summary/15-2051.00' }],
      equivalents: [
        {
          ref: 'https://credentialengineregistry.org/resources/ce-8f5a2e25-7a30-4eb0-ab9e-ab441ac928c6',
        },
      ],
    });
    const warnings = draft!.warnings.join('\n');
    for (const field of ['image', 'tag', 'fieldOfStudy', 'the credential around the achievement']) {
      expect(warnings).toContain(field);
    }
  });

  it('finds the credentials of a CTDL @graph and keeps every language', () => {
    const graph = {
      '@context': 'https://credreg.net/ctdl/schema/context/json',
      '@id': 'https://credentialengineregistry.org/graph/ce-1b1c4b0a-1d5b-4c59-8c62-2d3b6a1c9f10',
      '@graph': [
        {
          '@id':
            'https://credentialengineregistry.org/resources/ce-0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
          '@type': 'ceterms:CredentialOrganization',
          'ceterms:name': { 'en-US': 'Example College' },
        },
        {
          '@id':
            'https://credentialengineregistry.org/resources/ce-1b1c4b0a-1d5b-4c59-8c62-2d3b6a1c9f10',
          '@type': 'ceterms:License',
          'ceterms:ctid': 'ce-1b1c4b0a-1d5b-4c59-8c62-2d3b6a1c9f10',
          'ceterms:name': { 'en-US': 'Electrician License', es: 'Licencia de electricista' },
          'ceterms:description': {
            'en-US': 'Licensed to work.',
            es: 'Con licencia para trabajar.',
          },
          'ceterms:inLanguage': ['en-US'],
          'ceterms:subjectWebpage': 'https://example.edu/electrician',
          'ceterms:ownedBy': [
            'https://credentialengineregistry.org/resources/ce-0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
          ],
          'ceterms:credentialStatusType': {
            '@type': 'ceterms:CredentialAlignmentObject',
            'ceterms:targetNode': 'credentialStat:Deprecated',
          },
          'ceterms:estimatedDuration': [
            { '@type': 'ceterms:DurationProfile', 'ceterms:exactDuration': 'P6M' },
          ],
          'ceterms:requires': [
            {
              '@type': 'ceterms:ConditionProfile',
              'ceterms:description': { 'en-US': 'Pass the state exam.' },
              'ceterms:creditValue': [
                {
                  '@type': 'ceterms:ValueProfile',
                  'ceterms:creditUnitType': [
                    {
                      '@type': 'ceterms:CredentialAlignmentObject',
                      'ceterms:targetNode': 'creditUnit:SemesterHour',
                    },
                  ],
                  'schema:value': 12,
                },
              ],
            },
          ],
          'ceterms:occupationType': [
            {
              '@type': 'ceterms:CredentialAlignmentObject',
              'ceterms:framework': 'https://www.onetcenter.org/taxonomy.html',
              'ceterms:targetNode': 'https://www.onetonline.org/link/summary/47-2111.00',
              'ceterms:codedNotation': '47-2111.00',
              'ceterms:targetNodeName': { 'en-US': 'Electricians' },
            },
          ],
          'ceterms:naics': ['238210'],
        },
      ],
    };
    const nodes = ctdlCredentialNodes(graph);
    expect(nodes).toHaveLength(1);
    const { draft, errors } = fromCtdl(nodes[0]!, BASE);
    expect(errors).toEqual([]);
    expect(draft).toMatchObject({
      externalId: 'ce-1b1c4b0a-1d5b-4c59-8c62-2d3b6a1c9f10',
      ctid: 'ce-1b1c4b0a-1d5b-4c59-8c62-2d3b6a1c9f10',
      credentialType: CredentialType.PROFESSIONAL_CERTIFICATE,
      standardType: 'License',
      status: CredentialStatus.RETIRED,
      language: 'en-US',
      title: 'Electrician License',
      translations: [
        {
          language: 'es',
          title: 'Licencia de electricista',
          description: 'Con licencia para trabajar.',
        },
      ],
      hours: null,
      ects: null,
      jobRoles: [{ code: '47-2111.00' }],
    });
    const warnings = draft!.warnings.join('\n');
    expect(warnings).toMatch(/ceterms:naics not kept/);
    expect(warnings).toMatch(/exactDuration P6M not kept/);
    expect(warnings).toMatch(/credit 12 creditUnit:SemesterHour not kept/);
    expect(warnings).toMatch(/Pass the state exam/);
  });

  it.each([
    ['a document that is not an Achievement', { type: ['Profile'], name: 'x', id: 'x' }, /type/],
    ['an Achievement without a name', { type: ['Achievement'], id: 'x' }, /name/],
    ['an Achievement without an id', { type: ['Achievement'], name: 'x' }, /humanCode or id/],
  ])('reports %s instead of throwing', (_name, doc, problem) => {
    const { draft, errors } = fromOpenBadge(doc, BASE);
    expect(draft).toBeUndefined();
    expect(errors.join(' ')).toMatch(problem);
  });

  it('reports a CTDL record of an unknown class instead of throwing', () => {
    const { draft, errors } = fromCtdl({ '@type': 'ceterms:Nonsense', 'ceterms:name': 'x' }, BASE);
    expect(draft).toBeUndefined();
    expect(errors.join(' ')).toMatch(/@type/);
  });

  it('derives a stable CTID shaped like a version 4 UUID', () => {
    expect(ctidFor('uni:ds-101')).toBe(ctidFor('uni:ds-101'));
    expect(ctidFor('uni:ds-101')).toMatch(
      /^ce-[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(ctidFor('uni:ds-102')).not.toBe(ctidFor('uni:ds-101'));
  });
});
