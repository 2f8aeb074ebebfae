import type { TestRegistry } from '../helpers/registry';
import {
  ADMIN_KEY,
  SKILLS,
  registerCredential,
  registerProvider,
  seedSkills,
  startRegistryWithAdmin,
} from '../helpers/fixtures';

const FIELDS = `id externalId title description credentialType providerLabel hours ects eqfLevel price currency language deliveryMode assessmentType qualityAssurance url validityMonths skills { level skill { id } } preparesFor { id }`;
const IMPORT = `mutation($f: StandardFormat!, $d: [JSONObject!]!, $p: ID) {
  importCredentials(format: $f, documents: $d, providerId: $p) { index externalId status credentialId errors { code message } warnings } }`;

describe('open standards in and out', () => {
  let registry: TestRegistry;
  let uni: string;
  let original: any;

  beforeAll(async () => {
    registry = await startRegistryWithAdmin();
    await seedSkills(registry);
    await registry.gql(
      `mutation { upsertJobRole(input: {id: "role:analyst", title: "Data analyst", requiredSkills: [{skillId: "${SKILLS.sql}"}]}) { id } }`,
      {},
      ADMIN_KEY,
    );
    uni = await registerProvider(registry, 'uni');
    await registerProvider(registry, 'other');
    await registerCredential(registry, uni, { externalId: 'intro', title: 'Intro to Data' });
    await registerCredential(registry, uni, {
      externalId: 'sql-201',
      title: 'SQL for Analysts',
      description: 'Query and model data.',
      credentialType: 'MICROCREDENTIAL',
      providerLabel: 'Micro-credential',
      hours: 50,
      ects: 2,
      eqfLevel: 6,
      price: 300,
      currency: 'EUR',
      language: 'en',
      deliveryMode: 'BLENDED',
      assessmentType: 'Proctored exam',
      qualityAssurance: 'ESG',
      url: 'https://uni.example.org/sql-201',
      validityMonths: 24,
      skills: [
        { skillId: SKILLS.sql, level: 4 },
        { skillId: SKILLS.python, level: 2 },
      ],
      preparesFor: ['role:analyst'],
    });
    await registry.gql(
      `mutation { addPrerequisite(credentialId: "uni:sql-201", prerequisiteId: "uni:intro") { id } }`,
      {},
      uni,
    );
    original = (
      await registry.gql(`{ credential(id: "uni:sql-201") { ${FIELDS} openBadge ctdl } }`)
    ).data.credential;
  });
  afterAll(() => registry.stop());

  const strip = (c: any) => {
    const { id: _id, openBadge: _o, ctdl: _c, ...rest } = c;
    return rest;
  };

  it('exports an Open Badges 3.0 Achievement and a CTDL record', () => {
    expect(original.openBadge).toMatchObject({
      type: ['Achievement'],
      name: 'SQL for Analysts',
      achievementType: 'MicroCredential',
      creditsAvailable: 2,
      creator: { type: ['Profile'], name: 'uni' },
    });
    expect(original.openBadge['@context']).toContain('https://www.w3.org/ns/credentials/v2');
    expect(original.openBadge.alignment).toHaveLength(3);
    expect(original.ctdl).toMatchObject({
      '@type': 'ceterms:MicroCredential',
      'ceterms:name': { 'en-US': 'SQL for Analysts' },
      'ceterms:estimatedDuration': [{ 'ceterms:timeRequired': 'PT50H' }],
    });
    expect(original.ctdl['ceterms:ctid']).toMatch(/^ce-[0-9a-f]{8}-/);
    expect(original.ctdl['ceterms:requires'][0]['ceterms:targetCredential']).toEqual([
      expect.stringMatching(/uni%3Aintro$/),
    ]);
    expect(original.ctdl['ceterms:occupationType'][0]['ceterms:targetNode']).toBe('role:analyst');
  });

  it.each([
    ['OPEN_BADGES_3', 'openBadge'],
    ['CTDL', 'ctdl'],
  ])(
    'round-trips a credential through %s: export, import elsewhere, same content; again changes nothing',
    async (format, field) => {
      const doc = original[field];
      const first = await registry.gql(IMPORT, { f: format, d: [doc], p: 'other' }, ADMIN_KEY);
      expect(first.data.importCredentials).toEqual([
        expect.objectContaining({ status: 'TAKEN', credentialId: 'other:sql-201', errors: [] }),
      ]);
      const copy = (await registry.gql(`{ credential(id: "other:sql-201") { ${FIELDS} } }`)).data
        .credential;
      expect(strip(copy)).toEqual(strip(original));
      const again = await registry.gql(IMPORT, { f: format, d: [doc], p: 'other' }, ADMIN_KEY);
      expect(again.data.importCredentials[0].status).toBe('UNCHANGED');
      await registry.gql(
        `mutation { retireCredential(id: "other:sql-201") { id } }`,
        {},
        ADMIN_KEY,
      );
      await registry.services.db.runAutoCommit(
        `MATCH (c:Credential {id: 'other:sql-201'}) DETACH DELETE c`,
      );
    },
  );

  it('rejects malformed records with coded per-record errors and leaves nothing behind', async () => {
    const good = {
      type: ['Achievement'],
      name: 'Good badge',
      humanCode: 'good',
      achievementType: 'Badge',
    };
    const res = await registry.gql(
      IMPORT,
      {
        f: 'OPEN_BADGES_3',
        d: [
          { type: ['Achievement'], humanCode: 'no-name' },
          {
            type: ['Achievement'],
            name: 'Unknown skill',
            humanCode: 'ghost',
            alignment: [{ targetUrl: 'nope:skill', targetType: 'ceasn:Competency' }],
          },
          {
            type: ['Achievement'],
            name: 'Bad level',
            humanCode: 'bad-eqf',
            'ext:registry': { eqfLevel: 9 },
          },
          { type: ['Credential'], name: 'Wrong type', humanCode: 'wrong' },
          good,
        ],
      },
      uni,
    );
    const results = res.data.importCredentials;
    expect(results.map((r: any) => r.status)).toEqual([
      'REJECTED',
      'REJECTED',
      'REJECTED',
      'REJECTED',
      'TAKEN',
    ]);
    for (const r of results.slice(0, 4)) expect(r.errors[0].code).toBe('BAD_USER_INPUT');
    expect(results[1].errors[0].message).toMatch(/nope:skill/);
    for (const id of ['uni:no-name', 'uni:ghost', 'uni:bad-eqf', 'uni:wrong']) {
      expect((await registry.gql(`{ credential(id: "${id}") { id } }`)).data.credential).toBeNull();
    }
    expect(results[4].credentialId).toBe('uni:good');
  });

  it('imports CTDL part-of and prerequisite links by externalId, and warns about unresolved ones', async () => {
    const res = await registry.gql(
      IMPORT,
      {
        f: 'CTDL',
        d: [
          {
            '@type': 'ceterms:Certificate',
            'ceterms:name': { en: 'Data Certificate' },
            'ceterms:codedNotation': 'data-cert',
          },
          {
            '@type': 'ceterms:MicroCredential',
            'ceterms:name': { en: 'Data Module' },
            'ceterms:codedNotation': 'data-module',
            'ceterms:isPartOf': ['data-cert'],
            'ceterms:requires': [
              {
                '@type': 'ceterms:ConditionProfile',
                'ceterms:targetCredential': ['intro', 'missing-one'],
              },
            ],
          },
        ],
      },
      uni,
    );
    const [, module] = res.data.importCredentials;
    expect(module.status).toBe('TAKEN');
    expect(module.warnings).toEqual([expect.stringMatching(/uni:missing-one/)]);
    const read = await registry.gql(
      `{ credential(id: "uni:data-module") { partOf { credential { id } } prerequisites { id } } }`,
    );
    expect(read.data.credential).toEqual({
      partOf: [{ credential: { id: 'uni:data-cert' } }],
      prerequisites: [{ id: 'uni:intro' }],
    });
  });

  it('checks each credential against the EU standard elements', async () => {
    const full = await registry.gql(
      `{ credential(id: "uni:sql-201") { completeness { present missing score } } }`,
    );
    expect(full.data.credential.completeness).toEqual({
      present: [
        'title',
        'awardingBody',
        'country',
        'learningOutcomes',
        'workload',
        'eqfLevel',
        'assessmentType',
        'deliveryMode',
        'qualityAssurance',
      ],
      missing: [],
      score: 1,
    });
    const bare = await registry.gql(
      `{ credential(id: "uni:good") { completeness { missing score } } }`,
    );
    expect(bare.data.credential.completeness.missing).toEqual([
      'learningOutcomes',
      'workload',
      'eqfLevel',
      'assessmentType',
      'deliveryMode',
      'qualityAssurance',
    ]);
  });

  it('refuses an import without a provider key', async () => {
    const res = await registry.gql(IMPORT, { f: 'CTDL', d: [] });
    expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
