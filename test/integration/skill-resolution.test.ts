import { evaluate, readLabelledPhrases, readTaxonomySkills } from '../../bench/skill-phrases';
import { cosine } from '../../src/skill/embedder';
import { SkillMatcher } from '../../src/skill/skill-matcher';
import { startTestRegistry, type TestRegistry } from '../helpers/registry';
import { ADMIN_KEY, registerProvider, startRegistryWithAdmin } from '../helpers/fixtures';

/** The labelled phrases over full ESCO v1.1.1 and O*NET 29.2, read from the published files. */
describe('skill suggestions on the labelled phrases', () => {
  const phrases = readLabelledPhrases();
  const matcher = SkillMatcher.build(readTaxonomySkills());

  test('the set is big enough and has a held-out part of every main kind', () => {
    expect(phrases.length).toBeGreaterThanOrEqual(150);
    const heldKinds = new Set(phrases.filter((p) => p.split === 'heldout').map((p) => p.kind));
    for (const kind of ['exact', 'product', 'abbreviation', 'inflection', 'none']) {
      expect(heldKinds).toContain(kind);
    }
  });

  test('each phrase is labelled once, so no phrase is in both parts', () => {
    const keys = phrases.map((p) => p.phrase.trim().toLowerCase());
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
  });

  // The letters-only matcher is the lexical half of resolution; the phrases that only meaning
  // resolves (or that no letters can: other scripts) are measured with the model by bench:skills.
  const byLetters = phrases.filter((p) => !['letters', 'meaning', 'script'].includes(p.kind));

  test.each(['heldout', 'train'])('%s: confident answers are right, top-3 finds most', (split) => {
    const figures = evaluate(
      matcher,
      byLetters.filter((p) => p.split === split),
    );
    expect(figures.precision).toBeGreaterThanOrEqual(0.9);
    expect(figures.top3Recall).toBeGreaterThanOrEqual(0.75);
    // Confidence is not bought by answering almost nothing.
    expect(figures.confidentRecall).toBeGreaterThanOrEqual(0.5);
  });

  test('phrases no taxonomy names get no confident answer', () => {
    const none = phrases.filter((p) => p.expected.size === 0);
    expect(none.length).toBeGreaterThanOrEqual(8);
    for (const p of none) {
      expect(matcher.suggest(p.phrase, { first: 3 }).filter((m) => m.confident)).toEqual([]);
    }
  });
});

const T = (name: string) => `test:skill/${name}`;

describe('skill resolution through the API', () => {
  let registry: TestRegistry;
  let uni: string;
  let other: string;

  const register = (key: string, input: Record<string, unknown>) =>
    registry.gql(
      `mutation($input: CredentialInput!) { registerCredential(input: $input) {
         created changed clearedFields credential { id description hours }
         skillResolutions { label outcome score matchedLabel skill { id framework providerId } } } }`,
      { input },
      key,
    );

  beforeAll(async () => {
    registry = await startRegistryWithAdmin();
    const res = await registry.gql(
      `mutation($skills: [SkillInput!]!) { upsertSkills(skills: $skills) { id } }`,
      {
        skills: [
          {
            id: T('viz'),
            framework: 'ESCO',
            label: 'deliver visual presentation of data',
            altLabels: ['visualise data'],
          },
          { id: T('sql'), label: 'SQL', skillType: 'KNOWLEDGE', framework: 'ESCO' },
          {
            id: T('python'),
            label: 'Python (computer programming)',
            skillType: 'KNOWLEDGE',
            framework: 'ESCO',
          },
          { id: T('ml'), label: 'machine learning', skillType: 'KNOWLEDGE', framework: 'ESCO' },
          { id: T('massage'), label: 'apply deep tissue massage', framework: 'ESCO' },
          { id: T('story'), label: 'tell stories with data', framework: 'ESCO' },
          {
            id: T('sheets'),
            label: 'Spreadsheet software',
            framework: 'ONET',
            altLabels: ['Microsoft Excel'],
          },
        ],
      },
      ADMIN_KEY,
    );
    expect(res.errors).toBeUndefined();
    uni = await registerProvider(registry, 'uni');
    other = await registerProvider(registry, 'other');
  });
  afterAll(() => registry.stop());

  test('suggestSkills answers with scores, confidence and the label that matched', async () => {
    const res = await registry.gql(
      `{ a: suggestSkills(text: "Data Visualization") { score confident matchedLabel skill { id } }
         b: suggestSkills(text: "Microsoft Excel", framework: ONET) { confident skill { id } }
         c: suggestSkills(text: "Reinforcement Learning") { confident } }`,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.a[0]).toMatchObject({
      confident: true,
      matchedLabel: 'visualise data',
      skill: { id: T('viz') },
    });
    expect({ b: res.data.b }).toMatchObject({
      b: [{ confident: true, skill: { id: T('sheets') } }],
    });
    expect(res.data.c.filter((m: { confident: boolean }) => m.confident)).toEqual([]);
  });

  test('extractSkills finds skills in a description with their evidence', async () => {
    const res = await registry.gql(
      `query($t: String!) { extractSkills(text: $t) { evidence confident skill { id } } }`,
      { t: 'Learners use SQL and Python, then visualise data for managers.' },
    );
    expect(res.errors).toBeUndefined();
    const byId = Object.fromEntries(
      res.data.extractSkills.map((m: { skill: { id: string }; evidence: string }) => [
        m.skill.id,
        m.evidence,
      ]),
    );
    expect(byId).toMatchObject({ [T('sql')]: 'SQL', [T('viz')]: 'visualise data' });
  });

  test.each([
    [`suggestSkills(text: "${'x'.repeat(201)}") { score }`, 'text'],
    ['suggestSkills(text: "sql", first: 21) { score }', 'first'],
    ['suggestSkills(text: "sql", first: -1) { score }', 'first'],
    [`extractSkills(text: "a", first: 51) { score }`, 'first'],
  ])('bad input is a coded error: %s', async (field) => {
    const res = await registry.gql(`{ ${field} }`);
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  test('labels link confident matches and make custom skills of the rest; mapping moves them', async () => {
    const input = {
      externalId: 'viz-101',
      title: 'Data Storytelling',
      credentialType: 'MICROCREDENTIAL',
      description: 'Tell stories with charts.',
      hours: 20,
      skills: [
        { label: 'Data Visualization', level: 3 },
        { label: 'Data Storytelling', level: 2 },
        { skillId: T('sql') },
      ],
    };
    const first = await register(uni, input);
    expect(first.errors).toBeUndefined();
    expect(first.data.registerCredential.skillResolutions).toEqual([
      {
        label: 'Data Visualization',
        outcome: 'MATCHED',
        score: expect.any(Number),
        matchedLabel: 'visualise data',
        skill: { id: T('viz'), framework: 'ESCO', providerId: null },
      },
      {
        label: 'Data Storytelling',
        outcome: 'CUSTOM',
        score: null,
        matchedLabel: null,
        skill: { id: 'custom:uni:data-storytelling', framework: 'CUSTOM', providerId: 'uni' },
      },
    ]);
    // Idempotent: the same record again changes nothing.
    const again = await register(uni, input);
    expect(again.data.registerCredential).toMatchObject({ created: false, changed: false });

    const listed = await registry.gql(
      `{ customSkills(providerId: "uni", unmappedOnly: true) { credentials mappedTo { id } skill { id label } } }`,
    );
    expect(listed.data.customSkills).toEqual([
      {
        credentials: 1,
        mappedTo: null,
        skill: { id: 'custom:uni:data-storytelling', label: 'Data Storytelling' },
      },
    ]);

    const MAP = `mutation($c: ID!, $s: ID!) { mapCustomSkill(customId: $c, skillId: $s) {
      credentials mappedTo { id } skill { id } } }`;
    const denied = await registry.gql(
      MAP,
      { c: 'custom:uni:data-storytelling', s: T('story') },
      other,
    );
    expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const toCustom = await registry.gql(
      MAP,
      { c: 'custom:uni:data-storytelling', s: 'custom:uni:data-storytelling' },
      uni,
    );
    expect(toCustom.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const mapped = await registry.gql(
      MAP,
      { c: 'custom:uni:data-storytelling', s: T('story') },
      uni,
    );
    expect(mapped.errors).toBeUndefined();
    expect(mapped.data.mapCustomSkill).toMatchObject({
      credentials: 1,
      mappedTo: { id: T('story') },
    });

    const taught = await registry.gql(
      `{ credential(id: "uni:viz-101") { skills { level providerLabel skill { id } } } }`,
    );
    expect(taught.data.credential.skills).toEqual(
      expect.arrayContaining([
        { level: 2, providerLabel: 'Data Storytelling', skill: { id: T('story') } },
        { level: 3, providerLabel: 'Data Visualization', skill: { id: T('viz') } },
      ]),
    );
    expect(taught.data.credential.skills).toHaveLength(3);
    // The catalogue filter (and so gaps, plans, equivalences) sees the mapped skill.
    const filtered = await registry.gql(
      `{ credentials(filter: {skillIds: ["${T('story')}"]}) { nodes { id } } }`,
    );
    expect(filtered.data.credentials.nodes).toEqual([{ id: 'uni:viz-101' }]);
    // Still idempotent after the mapping; a new credential with that label links the target.
    const after = await register(uni, input);
    expect(after.data.registerCredential).toMatchObject({ created: false, changed: false });
    const second = await register(uni, {
      externalId: 'story-2',
      title: 'More Storytelling',
      credentialType: 'BADGE',
      skills: [{ label: 'data storytelling' }],
    });
    expect(second.data.registerCredential.skillResolutions[0]).toMatchObject({
      outcome: 'MAPPED',
      skill: { id: T('story') },
    });
  });

  test('a skill needs exactly one of id and label; a bad record writes nothing', async () => {
    for (const skills of [[{ skillId: T('sql'), label: 'SQL' }], [{}]]) {
      const res = await register(uni, {
        externalId: 'bad',
        title: 'Bad',
        credentialType: 'BADGE',
        skills,
      });
      expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
    const stored = await registry.gql(`{ credential(id: "uni:bad") { id } }`);
    expect(stored.data.credential).toBeNull();
  });

  test('a label of symbols only is a warning on the record; any script is a custom skill', async () => {
    const res = await registry.gql(
      `mutation($input: CredentialInput!) { registerCredential(input: $input) {
         warnings skillResolutions { label outcome skill { id framework } } } }`,
      {
        input: {
          externalId: 'scripts',
          title: 'Data analysis in three scripts',
          credentialType: 'BADGE',
          skills: [{ label: '!!! 🚀' }, { label: '数据分析' }, { label: 'Анализ данных' }],
        },
      },
      uni,
    );
    expect(res.errors).toBeUndefined();
    const r = res.data.registerCredential;
    expect(r.warnings).toHaveLength(1);
    expect(r.skillResolutions.map((x: { outcome: string }) => x.outcome)).toEqual([
      'CUSTOM',
      'CUSTOM',
    ]);
    expect(r.skillResolutions[0].skill.id).toBe('custom:uni:数据-分析');
  });

  test('a sparse re-registration says which fields it cleared', async () => {
    const res = await register(uni, {
      externalId: 'viz-101',
      title: 'Data Storytelling',
      credentialType: 'MICROCREDENTIAL',
    });
    expect(res.data.registerCredential).toMatchObject({
      changed: true,
      clearedFields: ['description', 'hours'],
      credential: { description: null, hours: null },
    });
  });

  test('Open Badges alignments with a name but no URL are resolved by name', async () => {
    const res = await registry.gql(
      `mutation($d: [JSONObject!]!) { importCredentials(format: OPEN_BADGES_3, documents: $d) {
         status credentialId errors { message } } }`,
      {
        d: [
          {
            type: ['Achievement'],
            id: 'urn:uuid:badge-1',
            humanCode: 'badge-1',
            name: 'SQL Badge',
            alignment: [
              { type: ['Alignment'], targetName: 'SQL', targetType: 'ceasn:Competency' },
              {
                type: ['Alignment'],
                targetName: 'Dashboard Craft',
                targetType: 'ceasn:Competency',
              },
            ],
          },
        ],
      },
      uni,
    );
    expect(res.errors).toBeUndefined();
    const id = res.data.importCredentials[0].credentialId;
    const taught = await registry.gql(
      `{ credential(id: "${id}") { skills { providerLabel skill { id framework } } } }`,
    );
    expect(taught.data.credential.skills).toEqual(
      expect.arrayContaining([
        { providerLabel: 'SQL', skill: { id: T('sql'), framework: 'ESCO' } },
        {
          providerLabel: 'Dashboard Craft',
          skill: { id: 'custom:uni:dashboard-craft', framework: 'CUSTOM' },
        },
      ]),
    );
  });

  test('one run of the model reads a text and the spans inside it', async () => {
    const embedder = registry.services.embedder;
    const text = 'Analyse sales data with SQL and Python.';
    const start = text.indexOf('SQL');
    const { whole, spans } = await embedder.embedSpans(text, [{ start, end: start + 3 }]);
    expect(cosine(whole, await embedder.embed(text))).toBeGreaterThan(0.999);
    const sql = cosine(spans[0]!, await embedder.embed('SQL'));
    expect(sql).toBeGreaterThan(cosine(spans[0]!, await embedder.embed('deep tissue massage')));
    expect(sql).toBeGreaterThan(0.5);
  });

  test('answers follow a taxonomy change made by another process within five seconds', async () => {
    // Another registry on the same database stands for the import CLI or a second instance.
    const other = await startTestRegistry();
    try {
      const res = await other.gql(
        `mutation($s: [SkillInput!]!) { upsertSkills(skills: $s) { id } }`,
        { s: [{ id: T('weave'), label: 'weave quantum baskets', framework: 'ESCO' }] },
        ADMIN_KEY,
      );
      expect(res.errors).toBeUndefined();
      const started = Date.now();
      let found: { confident: boolean; skill: { id: string } }[] = [];
      while (Date.now() - started < 10_000) {
        const answer = await registry.gql(
          `{ suggestSkills(text: "Weave Quantum Baskets") { confident skill { id } } }`,
        );
        found = answer.data.suggestSkills;
        if (found[0]?.skill.id === T('weave')) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(found[0]).toEqual({ confident: true, skill: { id: T('weave') } });
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      await other.stop();
    }
  });

  test('a phrase answered before a taxonomy write is answered afresh after it', async () => {
    const ask = async () =>
      (
        await registry.gql(
          `{ suggestSkills(text: "Felt Hat Blocking") { confident skill { id } } }`,
        )
      ).data.suggestSkills as { confident: boolean; skill: { id: string } }[];
    expect((await ask()).some((m) => m.skill.id === T('hats'))).toBe(false);
    const res = await registry.gql(
      `mutation($s: [SkillInput!]!) { upsertSkills(skills: $s) { id } }`,
      { s: [{ id: T('hats'), label: 'felt hat blocking', framework: 'ESCO' }] },
      ADMIN_KEY,
    );
    expect(res.errors).toBeUndefined();
    expect((await ask())[0]).toEqual({ confident: true, skill: { id: T('hats') } });
  });
});
