import { seedDemoIfEmpty } from '../../seed/load-demo';
import { ctdlProblems } from '../../src/standards/ctdl-terms';
import { extensionSchema } from '../../src/standards/open-badges';
import { achievementProblems, schemaProblems } from '../helpers/ob3-schema';
import type { TestRegistry } from '../helpers/registry';
import {
  ADMIN_KEY,
  SKILLS,
  registerCredential,
  registerProvider,
  seedSkills,
  startRegistryWithAdmin,
} from '../helpers/fixtures';

const FIELDS = `id externalId title description credentialType standardType providerLabel hours ects
  eqfLevel price currency language deliveryMode assessmentType qualityAssurance url validityMonths
  status ctid translations { language title description } skills { level skill { id } }
  preparesFor { id } prerequisites { id } parts { required credential { id } } partOf { credential { id } }`;
const IMPORT = `mutation($f: StandardFormat!, $d: [JSONObject!]!, $p: ID) {
  importCredentials(format: $f, documents: $d, providerId: $p) {
    index externalId status credentialId errors { code message } warnings } }`;
const ALL_STATUSES = '{statuses: [ACTIVE, RETIRED]}';

describe('open standards in and out', () => {
  let registry: TestRegistry;
  let uni: string;
  let original: any;

  beforeAll(async () => {
    registry = await startRegistryWithAdmin();
    await seedSkills(registry);
    for (const role of [
      `{id: "role:analyst", title: "Data analyst", requiredSkills: [{skillId: "${SKILLS.sql}"}]}`,
      `{id: "15-2051.00", title: "Data Scientists", framework: ONET, code: "15-2051.00"}`,
    ]) {
      await registry.gql(`mutation { upsertJobRole(input: ${role}) { id } }`, {}, ADMIN_KEY);
    }
    uni = await registerProvider(registry, 'uni');
    await registerProvider(registry, 'other');
    await registerCredential(registry, uni, { externalId: 'intro', title: 'Intro to Data' });
    await registerCredential(registry, uni, { externalId: 'viz', title: 'Data Visualisation' });
    await registerCredential(registry, uni, {
      externalId: 'cert',
      title: 'Data Certificate',
      credentialType: 'CERTIFICATE',
    });
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
      translations: [{ language: 'fr', title: 'SQL pour analystes', description: 'Requêtes.' }],
      skills: [
        { skillId: SKILLS.sql, level: 4 },
        { skillId: SKILLS.python, level: 2 },
      ],
      preparesFor: ['role:analyst'],
    });
    for (const m of [
      `addPrerequisite(credentialId: "uni:sql-201", prerequisiteId: "uni:intro") { id }`,
      `addPart(partId: "uni:sql-201", wholeId: "uni:cert", required: true) { id }`,
      `addPart(partId: "uni:viz", wholeId: "uni:cert", required: false) { id }`,
    ]) {
      const res = await registry.gql(`mutation { ${m} }`, {}, uni);
      expect(res.errors).toBeUndefined();
    }
    original = (
      await registry.gql(`{ credential(id: "uni:sql-201") { ${FIELDS} openBadge ctdl } }`)
    ).data.credential;
  });
  afterAll(() => registry.stop());

  const read = async (id: string) =>
    (await registry.gql(`{ credential(id: "${id}") { ${FIELDS} openBadge ctdl } }`)).data
      .credential;

  it('exports a CTDL record that passes the conformance check and an OB3 Achievement', () => {
    expect(ctdlProblems(original.ctdl)).toEqual([]);
    expect(achievementProblems(original.openBadge)).toEqual([]);
    expect(original.ctid).toBe(original.ctdl['ceterms:ctid']);
    expect(original.ctdl).toMatchObject({
      '@type': 'ceterms:MicroCredential',
      'ceterms:name': { en: 'SQL for Analysts', fr: 'SQL pour analystes' },
      'ceterms:estimatedDuration': [{ 'ceterms:timeRequired': 'PT50H' }],
      'ceterms:renewalFrequency': 'P2Y',
    });
    expect(original.openBadge).toMatchObject({
      type: ['Achievement'],
      achievementType: 'MicroCredential',
      credentialGraph: { ectsCredits: 2, learningHours: 50, status: 'ACTIVE' },
    });
    expect(original.openBadge.creditsAvailable).toBeUndefined();
    // Two skills, one job role, the prerequisite and the whole.
    expect(original.openBadge.alignment).toHaveLength(5);
  });

  it('serves the extension context and schema the exports point at', async () => {
    const base = registry.server.url.replace('/graphql', '');
    const context: any = await (await fetch(`${base}/standards/ob3/context.json`)).json();
    expect(context['@context'].credentialGraph['@context'].ectsCredits['@id']).toBe(
      'cg:ectsCredits',
    );
    const schema: any = await (await fetch(`${base}/standards/ob3/schema.json`)).json();
    expect(schema).toEqual(extensionSchema(registry.services.publicUrl));
    expect(schemaProblems(schema, original.openBadge)).toEqual([]);
  });

  it("answers at the registry's URI of a credential: the id its Open Badges export carries", async () => {
    // The test registry listens on a port of its own choosing; its public URL names port 0.
    const served = (original.openBadge.id as string).replace(
      registry.services.publicUrl,
      registry.server.url.replace('/graphql', ''),
    );
    const achievement = await fetch(served);
    expect(achievement.status).toBe(200);
    expect(await achievement.json()).toEqual(original.openBadge);
    const ctdl = await fetch(`${served}?format=ctdl`);
    expect(await ctdl.json()).toEqual(original.ctdl);
    const missing = await fetch(served.replace('sql-201', 'nothing-here'));
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as any).errors[0].extensions.code).toBe('NOT_FOUND');
  });

  it.each([
    ['OPEN_BADGES_3', 'openBadge'],
    ['CTDL', 'ctdl'],
  ])(
    'takes its own %s export back as it is: nothing changes, nothing is warned',
    async (format, field) => {
      const cert = await read('uni:cert');
      const docs = [original[field], cert[field]];
      const res = await registry.gql(IMPORT, { f: format, d: docs }, uni);
      expect(res.data.importCredentials).toEqual([
        expect.objectContaining({ status: 'UNCHANGED', credentialId: 'uni:sql-201', warnings: [] }),
        expect.objectContaining({ status: 'UNCHANGED', credentialId: 'uni:cert', warnings: [] }),
      ]);
      expect(await read('uni:sql-201')).toEqual(original);
    },
  );

  it.each([
    ['OPEN_BADGES_3', 'openBadge'],
    ['CTDL', 'ctdl'],
  ])(
    'round-trips through %s into a fresh record: identity, type, status, languages, links kept',
    async (format, field) => {
      const retired = await registry.gql(
        `mutation { retireCredential(id: "uni:sql-201") { id } }`,
        {},
        uni,
      );
      expect(retired.errors).toBeUndefined();
      const before = await read('uni:sql-201');
      const cert = await read('uni:cert');
      await registry.services.db.runAutoCommit(
        `MATCH (c:Credential) WHERE c.id IN ['uni:sql-201', 'uni:cert'] DETACH DELETE c`,
      );
      const res = await registry.gql(IMPORT, { f: format, d: [before[field], cert[field]] }, uni);
      expect(res.data.importCredentials).toEqual([
        expect.objectContaining({ status: 'TAKEN', credentialId: 'uni:sql-201', errors: [] }),
        expect.objectContaining({ status: 'TAKEN', credentialId: 'uni:cert', errors: [] }),
      ]);
      const after = await read('uni:sql-201');
      // CTDL has no property for the provider's own name of the type (the note lists it).
      const strip = (c: any) => {
        const { createdAt: _c, updatedAt: _u, providerLabel, openBadge, ...rest } = c;
        return format === 'CTDL' ? rest : { ...rest, providerLabel, openBadge };
      };
      expect(strip(after)).toEqual(strip(before));
      expect(after.status).toBe('RETIRED');
      expect((await read('uni:cert')).parts).toEqual(cert.parts);
      // Offer it again for the other tests.
      await registry.gql(
        `mutation { updateCredential(id: "uni:sql-201", input: {status: ACTIVE}) { id } }`,
        {},
        uni,
      );
    },
  );

  it.each([
    ['CTDL', 'ctdl'],
    ['OPEN_BADGES_3', 'openBadge'],
  ])(
    'keeps identity, type, status and languages of every type and status through %s',
    async (format, field) => {
      const types = [
        'MICROCREDENTIAL',
        'BADGE',
        'CERTIFICATE',
        'PROFESSIONAL_CERTIFICATE',
        'SPECIALIZATION',
        'MICROMASTERS',
        'NANODEGREE',
        'DEGREE',
        'OTHER',
      ];
      const ids: string[] = [];
      for (const type of types) {
        for (const retired of [false, true]) {
          const externalId = `rt-${field}-${type.toLowerCase()}-${retired ? 'retired' : 'active'}`;
          await registerCredential(registry, uni, {
            externalId,
            credentialType: type,
            language: 'de',
            title: `Kurs ${type}`,
            translations: [{ language: 'en', title: `Course ${type}` }],
            hours: 12,
          });
          if (retired) {
            await registry.gql(
              `mutation { retireCredential(id: "uni:${externalId}") { id } }`,
              {},
              uni,
            );
          }
          ids.push(`uni:${externalId}`);
        }
      }
      const before = await Promise.all(ids.map(read));
      await registry.services.db.runAutoCommit(
        'MATCH (c:Credential) WHERE c.id IN $ids DETACH DELETE c',
        { ids },
      );
      const res = await registry.gql(IMPORT, { f: format, d: before.map((c) => c[field]) }, uni);
      expect(res.data.importCredentials.filter((r: any) => r.status !== 'TAKEN')).toEqual([]);
      const after = await Promise.all(ids.map(read));
      for (const [i, c] of after.entries()) {
        const b = before[i];
        expect(c.ctid).toBe(b.ctid);
        expect(c.status).toBe(b.status);
        expect(c.translations).toEqual(b.translations);
        expect(c.language).toBe('de');
        // The export is the same after the trip; OB3 carries the registry type itself, CTDL
        // its class (SPECIALIZATION, MICROMASTERS and NANODEGREE are Certificates there).
        expect(c[field]).toEqual(b[field]);
        if (format === 'OPEN_BADGES_3') expect(c.credentialType).toBe(b.credentialType);
      }
    },
  );

  it('imports into another provider without taking the identity of the original', async () => {
    const res = await registry.gql(
      IMPORT,
      { f: 'CTDL', d: [original.ctdl], p: 'other' },
      ADMIN_KEY,
    );
    const [result] = res.data.importCredentials;
    expect(result).toMatchObject({ status: 'TAKEN', credentialId: 'other:sql-201' });
    expect(result.warnings).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/ctid .* not kept: it identifies uni:sql-201/),
      ]),
    );
    const copy = await read('other:sql-201');
    expect(copy.ctid).not.toBe(original.ctid);
    expect(copy.title).toBe(original.title);
    expect(copy.skills).toEqual(original.skills);
    // Its prerequisite is uni's: other may name it as a prerequisite of its own credential.
    expect(copy.prerequisites).toEqual([{ id: 'uni:intro' }]);
  });

  it('takes real-shaped records with warnings instead of rejections', async () => {
    const award = {
      '@context': [
        'https://www.w3.org/ns/credentials/v2',
        'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
      ],
      id: 'urn:uuid:a63a60be-f4af-491c-87fc-2c8fd3007a58',
      type: ['VerifiableCredential', 'OpenBadgeCredential'],
      issuer: { id: 'https://uni.example.org', type: ['Profile'], name: 'Uni' },
      validFrom: '2026-01-01T00:00:00Z',
      credentialSubject: {
        type: ['AchievementSubject'],
        achievement: {
          id: 'https://uni.example.org/achievements/data-degree',
          type: ['Achievement'],
          name: 'Data Science Degree',
          description: 'A degree.',
          criteria: { narrative: 'Complete the programme.' },
          achievementType: 'BachelorDegree',
          image: { id: 'https://uni.example.org/badge.png', type: 'Image' },
          alignment: [
            {
              type: ['Alignment'],
              targetName: 'SQL',
              targetUrl: SKILLS.sql,
              targetType: 'ceasn:Competency',
            },
            {
              type: ['Alignment'],
              targetName: 'Collaborate in teams',
              targetUrl: 'https://case.example.org/uri/9f1c',
              targetType: 'CFItem',
            },
            {
              type: ['Alignment'],
              targetName: 'Data Scientists',
              targetUrl: 'https://www.onetonline.org/link/summary/15-2051.00',
              targetType: 'ext:Occupation',
            },
            {
              type: ['Alignment'],
              targetName: 'Nowhere role',
              targetUrl:
                'http://data.europa.eu/esco/occupation/00000000-0000-0000-0000-000000000000',
              targetType: 'ext:Occupation',
            },
            {
              type: ['Alignment'],
              targetName: 'SQL for Analysts',
              targetUrl: original.ctdl['@id'],
              targetType: 'ceterms:Credential',
            },
          ],
        },
      },
    };
    const graph = {
      '@context': 'https://credreg.net/ctdl/schema/context/json',
      '@graph': [
        {
          '@id':
            'https://credentialengineregistry.org/resources/ce-0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
          '@type': 'ceterms:CredentialOrganization',
          'ceterms:name': { 'en-US': 'Uni' },
        },
        {
          '@id':
            'https://credentialengineregistry.org/resources/ce-1b1c4b0a-1d5b-4c59-8c62-2d3b6a1c9f10',
          '@type': 'ceterms:License',
          'ceterms:ctid': 'ce-1b1c4b0a-1d5b-4c59-8c62-2d3b6a1c9f10',
          'ceterms:name': { 'en-US': 'Data Handling Licence', ar: 'رخصة التعامل مع البيانات' },
          'ceterms:description': { 'en-US': 'Licensed to handle data.' },
          'ceterms:inLanguage': ['en-US'],
          'ceterms:subjectWebpage': 'https://uni.example.org/licence',
          'ceterms:credentialStatusType': {
            '@type': 'ceterms:CredentialAlignmentObject',
            'ceterms:targetNode': 'credentialStat:Deprecated',
          },
          'ceterms:requires': [
            {
              '@type': 'ceterms:ConditionProfile',
              'ceterms:targetCompetency': [
                {
                  '@type': 'ceterms:CredentialAlignmentObject',
                  'ceterms:targetNode': 'https://example.org/unknown-skill',
                },
              ],
              'ceterms:targetCredential': [
                'https://credentialengineregistry.org/resources/ce-99999999-9999-4999-8999-999999999999',
              ],
            },
          ],
          'ceterms:naics': ['518210'],
        },
      ],
    };
    const ob3 = await registry.gql(IMPORT, { f: 'OPEN_BADGES_3', d: [award] }, uni);
    const ctdl = await registry.gql(IMPORT, { f: 'CTDL', d: [graph] }, uni);
    const [degree] = ob3.data.importCredentials;
    const [licence] = ctdl.data.importCredentials;
    expect(degree).toMatchObject({ status: 'TAKEN', errors: [] });
    expect(licence).toMatchObject({ status: 'TAKEN', errors: [] });
    const degreeWarnings = degree.warnings.join('\n');
    expect(degreeWarnings).toMatch(/image not kept/);
    expect(degreeWarnings).toMatch(/case\.example\.org.*resolved by its name/);
    expect(degreeWarnings).toMatch(/skill "Collaborate in teams" became custom:\S+ \(CUSTOM\)/);
    expect(degreeWarnings).toMatch(/job role .*00000000.* not kept/);
    const licenceWarnings = licence.warnings.join('\n');
    expect(licenceWarnings).toMatch(/naics not kept/);
    expect(licenceWarnings).toMatch(/unknown-skill not kept/);
    expect(licenceWarnings).toMatch(/prerequisite link to .*ce-99999999.* not kept/);

    const d = (
      await registry.gql(
        `{ credential(id: "${degree.credentialId}") { credentialType standardType achievementId
           skills { skill { id label framework } } preparesFor { id }
           declaredEquivalents { credential { id } } } }`,
      )
    ).data.credential;
    expect(d).toMatchObject({
      credentialType: 'DEGREE',
      standardType: 'BachelorDegree',
      achievementId: 'https://uni.example.org/achievements/data-degree',
      preparesFor: [{ id: '15-2051.00' }],
      declaredEquivalents: [{ credential: { id: 'uni:sql-201' } }],
    });
    expect(d.skills.map((s: any) => s.skill.id)).toContain(SKILLS.sql);
    expect(d.skills.some((s: any) => s.skill.framework === 'CUSTOM')).toBe(true);

    const l = (
      await registry.gql(
        `{ credential(id: "${licence.credentialId}") { credentialType standardType status ctid language translations { language title } ctdl } }`,
      )
    ).data.credential;
    expect(l).toMatchObject({
      credentialType: 'PROFESSIONAL_CERTIFICATE',
      standardType: 'License',
      status: 'RETIRED',
      ctid: 'ce-1b1c4b0a-1d5b-4c59-8c62-2d3b6a1c9f10',
      language: 'en-US',
      translations: [{ language: 'ar', title: 'رخصة التعامل مع البيانات' }],
    });
    expect(l.ctdl['@type']).toBe('ceterms:License');
    expect(l.ctdl['ceterms:name']).toEqual({
      'en-US': 'Data Handling Licence',
      ar: 'رخصة التعامل مع البيانات',
    });
    expect(ctdlProblems(l.ctdl)).toEqual([]);
  });

  it('rejects only what it cannot register at all, with coded errors, leaving nothing behind', async () => {
    const res = await registry.gql(
      IMPORT,
      {
        f: 'OPEN_BADGES_3',
        d: [
          { type: ['Achievement'], humanCode: 'no-name' },
          { type: ['Achievement'], name: 'X', humanCode: 'too short title' },
          { type: ['Credential'], name: 'Wrong type', humanCode: 'wrong' },
          {
            type: ['Achievement'],
            name: 'Lenient badge',
            humanCode: 'lenient',
            achievementType: 'Badge',
            alignment: [{ targetUrl: 'nope:skill', targetType: 'ceasn:Competency' }],
            credentialGraph: {
              type: ['CredentialGraphExtension'],
              eqfLevel: 9,
              currency: 'euro',
              price: 5,
            },
          },
        ],
      },
      uni,
    );
    const results = res.data.importCredentials;
    expect(results.map((r: any) => r.status)).toEqual([
      'REJECTED',
      'REJECTED',
      'REJECTED',
      'TAKEN',
    ]);
    for (const r of results.slice(0, 3)) expect(r.errors[0].code).toBe('BAD_USER_INPUT');
    expect(results[1].errors[0].message).toMatch(/title/);
    for (const id of ['uni:no-name', 'uni:too-short-title', 'uni:wrong']) {
      expect((await registry.gql(`{ credential(id: "${id}") { id } }`)).data.credential).toBeNull();
    }
    const warnings = results[3].warnings.join('\n');
    expect(warnings).toMatch(/nope:skill not kept/);
    expect(warnings).toMatch(/eqfLevel 9 not kept/);
    expect(warnings).toMatch(/currency "euro" not kept/);
  });

  it('imports CTDL part-of and prerequisite links by externalId, and warns about unresolved ones', async () => {
    const res = await registry.gql(
      IMPORT,
      {
        f: 'CTDL',
        d: [
          {
            '@type': 'ceterms:Certificate',
            'ceterms:name': { en: 'Data Path' },
            'ceterms:codedNotation': 'data-path',
          },
          {
            '@type': 'ceterms:MicroCredential',
            'ceterms:name': { en: 'Data Module' },
            'ceterms:codedNotation': 'data-module',
            'ceterms:isPartOf': ['data-path'],
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
    expect(module.warnings).toEqual([expect.stringMatching(/missing-one not kept/)]);
    const links = await registry.gql(
      `{ credential(id: "uni:data-module") { partOf { credential { id } } prerequisites { id } } }`,
    );
    expect(links.data.credential).toEqual({
      partOf: [{ credential: { id: 'uni:data-path' } }],
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
  });

  it('refuses an import without a provider key', async () => {
    const res = await registry.gql(IMPORT, { f: 'CTDL', d: [] });
    expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('the demo catalogue in the open standards', () => {
  let registry: TestRegistry;
  let demo: any[];

  const exportAll = async () =>
    (
      await registry.gql(
        `{ credentials(first: 100, filter: ${ALL_STATUSES}) { nodes { id providerId ctdl openBadge } } }`,
      )
    ).data.credentials.nodes as any[];

  beforeAll(async () => {
    registry = await startRegistryWithAdmin();
    await seedDemoIfEmpty(registry.services);
    demo = await exportAll();
  });
  afterAll(() => registry.stop());

  it('exports every demo record as CTDL that passes the conformance check', () => {
    expect(demo.length).toBeGreaterThanOrEqual(77);
    const failing = demo
      .map((c) => ({ id: c.id, problems: ctdlProblems(c.ctdl) }))
      .filter((c) => c.problems.length > 0);
    expect(failing).toEqual([]);
  });

  it('exports every demo record as an OB3 Achievement that passes the schema and the extension schema', () => {
    const schema = extensionSchema(registry.services.publicUrl);
    const failing = demo
      .map((c) => ({
        id: c.id,
        problems: [...achievementProblems(c.openBadge), ...schemaProblems(schema, c.openBadge)],
      }))
      .filter((c) => c.problems.length > 0);
    expect(failing).toEqual([]);
  });

  it.each([
    ['CTDL', 'ctdl'],
    ['OPEN_BADGES_3', 'openBadge'],
  ])(
    'takes every demo %s export back unchanged, and exports it again the same',
    async (format, field) => {
      const byProvider = new Map<string, any[]>();
      for (const c of demo)
        byProvider.set(c.providerId, [...(byProvider.get(c.providerId) ?? []), c]);
      for (const [providerId, credentials] of byProvider) {
        const res = await registry.gql(
          IMPORT,
          { f: format, d: credentials.map((c) => c[field]), p: providerId },
          ADMIN_KEY,
        );
        expect(res.errors).toBeUndefined();
        const changed = res.data.importCredentials.filter(
          (r: any) => r.status !== 'UNCHANGED' || r.warnings.length > 0,
        );
        expect(changed).toEqual([]);
      }
      expect(await exportAll()).toEqual(demo);
    },
  );
});
