import type { TestRegistry } from '../helpers/registry';
import {
  ADMIN_KEY,
  registerCredential,
  registerProvider,
  startRegistryWithAdmin,
} from '../helpers/fixtures';

const code = (res: { errors?: { extensions?: { code?: string } }[] }) =>
  res.errors?.[0]?.extensions?.code;

/**
 * A hand-built graph whose answers are worked out by hand:
 *
 *   skills: ict <- prog <- python <- pandas -> stats ;  ict <- sql ;  viz -related- stats ; ml -> stats
 *   role R: prog (essential, L2), sql (essential, L3), stats (essential, L2), viz (optional, L2)
 *   acme:intro (10 h)  <- REQUIRES -  acme:adv (teaches sql L3, stats L2; 30 h)
 *   acme:py (prog L2, 20 h)   beta:py (python L2, 20 h, EUR 50)   acme:sqlcheap (sql L3, 5 h, RETIRED)
 *   acme:a, acme:b PART_OF acme:cert PART_OF acme:programme
 */
describe('headline queries on a hand-built graph', () => {
  let registry: TestRegistry;
  let acme: string;
  let beta: string;
  const gql = (q: string, v: Record<string, unknown> = {}, key?: string) => registry.gql(q, v, key);

  beforeAll(async () => {
    registry = await startRegistryWithAdmin();
    const skill = (id: string, label: string, broader: string[] = [], related: string[] = []) => ({
      id,
      label,
      broader,
      related: related.map((skillId) => ({ skillId, essential: false })),
    });
    const res = await gql(
      `mutation($s: [SkillInput!]!) { upsertSkills(skills: $s) { id } }`,
      {
        s: [
          skill('ict', 'ICT'),
          skill('prog', 'programming', ['ict']),
          skill('python', 'Python', ['prog']),
          skill('stats', 'statistics'),
          skill('pandas', 'pandas', ['python', 'stats']),
          skill('sql', 'SQL', ['ict']),
          skill('viz', 'visualisation', [], ['stats']),
          skill('ml', 'machine learning', ['stats']),
          skill('cloud', 'cloud'),
        ],
      },
      ADMIN_KEY,
    );
    expect(res.errors).toBeUndefined();
    const role = await gql(
      `mutation { upsertJobRole(input: {id: "R", title: "Analyst", requiredSkills: [
        {skillId: "prog", essential: true, level: 2}, {skillId: "sql", essential: true, level: 3},
        {skillId: "stats", essential: true, level: 2}, {skillId: "viz", essential: false, level: 2}]}) { id } }`,
      {},
      ADMIN_KEY,
    );
    expect(role.errors).toBeUndefined();
    await gql(
      `mutation { upsertJobRole(input: {id: "D", title: "Developer", requiredSkills: [{skillId: "prog", level: 2}, {skillId: "cloud", level: 2}]}) { id } }`,
      {},
      ADMIN_KEY,
    );
    acme = await registerProvider(registry, 'acme');
    beta = await registerProvider(registry, 'beta');
    const reg = (
      key: string,
      externalId: string,
      hours: number,
      skills: [string, number][],
      extra: Record<string, unknown> = {},
    ) =>
      registerCredential(registry, key, {
        externalId,
        hours,
        eqfLevel: 5,
        skills: skills.map(([skillId, level]) => ({ skillId, level })),
        ...extra,
      });
    await reg(acme, 'intro', 10, [['ict', 1]]);
    await reg(acme, 'adv', 30, [
      ['sql', 3],
      ['stats', 2],
    ]);
    await reg(acme, 'py', 20, [['prog', 2]], { price: 500, currency: 'EUR' });
    await reg(beta, 'py', 20, [['python', 2]], { price: 50, currency: 'EUR' });
    await reg(acme, 'sqlcheap', 5, [['sql', 3]]);
    await reg(acme, 'a', 10, [
      ['ml', 2],
      ['viz', 2],
    ]);
    await reg(acme, 'b', 12, [['stats', 2]]);
    await reg(acme, 'cert', 40, [
      ['ml', 2],
      ['viz', 2],
      ['stats', 2],
    ]);
    await reg(acme, 'programme', 100, [['ml', 3]], { eqfLevel: 7 });
    await reg(beta, 'twin', 38, [
      ['ml', 2],
      ['viz', 2],
      ['stats', 2],
    ]);
    await reg(
      beta,
      'cousin',
      100,
      [
        ['ml', 2],
        ['viz', 2],
        ['pandas', 2],
      ],
      { eqfLevel: 8 },
    );
    await reg(beta, 'cloud', 15, [
      ['cloud', 2],
      ['viz', 2],
    ]);
    const link = async (q: string) => expect((await gql(q, {}, acme)).errors).toBeUndefined();
    await link(
      `mutation { addPrerequisite(credentialId: "acme:adv", prerequisiteId: "acme:intro") { id } }`,
    );
    await link(`mutation { addPart(partId: "acme:a", wholeId: "acme:cert") { id } }`);
    await link(
      `mutation { addPart(partId: "acme:b", wholeId: "acme:cert", required: false) { id } }`,
    );
    await link(`mutation { addPart(partId: "acme:cert", wholeId: "acme:programme") { id } }`);
    await link(`mutation { retireCredential(id: "acme:sqlcheap") { id } }`);
    await gql(
      `mutation { declareEquivalence(credentialId: "acme:cert", otherId: "beta:twin", note: "same") { mutual } }`,
      {},
      acme,
    );
  });
  afterAll(() => registry.stop());

  const GAP = `query($skills: [HeldSkillInput!], $learnerId: ID, $opt: Boolean) {
    skillGap(roleId: "R", skills: $skills, learnerId: $learnerId, includeOptional: $opt) {
      coverage essentialCoverage
      covered { skill { id } coveredBy { exact level source skill { id } credential { id } } }
      missing { skill { id } importance level heldLevel }
    } }`;
  const ids = (list: { skill: { id: string } }[]) => list.map((x) => x.skill.id).sort();

  describe('skillGap', () => {
    it('lets a narrower held skill cover a broader requirement', async () => {
      const res = await gql(GAP, { skills: [{ skillId: 'python', level: 2 }] });
      expect(res.data.skillGap.covered).toEqual([
        {
          skill: { id: 'prog' },
          coveredBy: {
            exact: false,
            level: 2,
            source: 'GIVEN',
            skill: { id: 'python' },
            credential: null,
          },
        },
      ]);
    });

    it('follows every parent of a poly-hierarchy concept', async () => {
      const res = await gql(GAP, { skills: [{ skillId: 'pandas', level: 2 }] });
      expect(ids(res.data.skillGap.covered)).toEqual(['prog', 'stats']);
      expect(res.data.skillGap.essentialCoverage).toBeCloseTo(2 / 3);
    });

    it('counts levels: a lower level leaves the requirement missing, with the level held', async () => {
      const low = await gql(GAP, { skills: [{ skillId: 'sql', level: 2 }] });
      expect(low.data.skillGap.missing.find((m: any) => m.skill.id === 'sql')).toEqual({
        skill: { id: 'sql' },
        importance: 1,
        level: 3,
        heldLevel: 2,
      });
      const enough = await gql(GAP, { skills: [{ skillId: 'sql', level: 3 }] });
      expect(ids(enough.data.skillGap.covered)).toEqual(['sql']);
    });

    it('weighs coverage by importance and adds optional requirements on request', async () => {
      const res = await gql(GAP, {
        skills: [
          { skillId: 'viz', level: 2 },
          { skillId: 'prog', level: 2 },
        ],
        opt: true,
      });
      // prog (1) + viz (0.5) of prog, sql, stats (1 each) + viz (0.5)
      expect(res.data.skillGap.coverage).toBeCloseTo(1.5 / 3.5);
      expect(res.data.skillGap.essentialCoverage).toBeCloseTo(1 / 3);
      const without = await gql(GAP, { skills: [{ skillId: 'viz', level: 2 }] });
      expect(without.data.skillGap.covered).toEqual([]);
    });

    it("ignores expired achievements and counts a learner's unexpired ones and own skills", async () => {
      const learner = await gql(`mutation { createLearner { apiKey learner { id } } }`);
      const { apiKey, learner: l } = learner.data.createLearner;
      await gql(
        `mutation($l: ID!) { grantProvider(learnerId: $l, providerId: "acme") { grantedAt } }`,
        { l: l.id },
        apiKey,
      );
      await gql(
        `mutation($l: ID!) { recordAchievement(learnerId: $l, credentialId: "acme:adv", issuedAt: "2019-01-01", expiresAt: "2020-01-01") { expired } }`,
        { l: l.id },
        acme,
      );
      await gql(
        `mutation($l: ID!) { setLearnerSkill(learnerId: $l, skillId: "python", level: 3) { id } }`,
        { l: l.id },
        apiKey,
      );
      const expired = await gql(GAP, { learnerId: l.id }, apiKey);
      expect(ids(expired.data.skillGap.covered)).toEqual(['prog']);
      await gql(
        `mutation($l: ID!) { recordAchievement(learnerId: $l, credentialId: "acme:adv", issuedAt: "2025-01-01", expiresAt: "2099-01-01") { expired } }`,
        { l: l.id },
        acme,
      );
      const valid = await gql(GAP, { learnerId: l.id }, apiKey);
      expect(ids(valid.data.skillGap.covered)).toEqual(['prog', 'sql', 'stats']);
      const sql = valid.data.skillGap.covered.find((c: any) => c.skill.id === 'sql');
      expect(sql.coveredBy).toMatchObject({
        source: 'CREDENTIAL',
        credential: { id: 'acme:adv' },
        exact: true,
      });
      expect(code(await gql(GAP, { learnerId: l.id }))).toBe('UNAUTHENTICATED');
      expect(code(await gql(GAP, { learnerId: l.id }, acme))).toBe('FORBIDDEN');
    });

    it('answers NOT_FOUND for an unknown role and BAD_USER_INPUT without any held skills', async () => {
      expect(code(await gql(`{ skillGap(roleId: "nope", skills: []) { coverage } }`))).toBe(
        'NOT_FOUND',
      );
      expect(code(await gql(`{ skillGap(roleId: "R") { coverage } }`))).toBe('BAD_USER_INPUT');
    });

    it('refuses a held skill at a level outside 1 to 5, in the gap and in the plan', async () => {
      for (const field of ['skillGap', 'gapClosingPlan']) {
        const res = await gql(
          `{ ${field}(roleId: "R", skills: [{skillId: "prog", level: 9}]) { __typename } }`,
        );
        expect(code(res)).toBe('BAD_USER_INPUT');
      }
    });

    it('answers NOT_FOUND for an unknown learner, whether the role requires skills or not', async () => {
      const unknown = `{ skillGap(roleId: "R", learnerId: "ghost") { coverage } }`;
      expect(code(await gql(unknown, {}, ADMIN_KEY))).toBe('NOT_FOUND');
      await gql(
        `mutation { upsertJobRole(input: {id: "EMPTY", title: "Needs nothing"}) { id } }`,
        {},
        ADMIN_KEY,
      );
      const empty = `{ skillGap(roleId: "EMPTY", learnerId: "ghost") { coverage } }`;
      expect(code(await gql(empty, {}, ADMIN_KEY))).toBe('NOT_FOUND');
      const plan = `{ gapClosingPlan(roleId: "R", learnerId: "ghost") { totalHours } }`;
      expect(code(await gql(plan, {}, ADMIN_KEY))).toBe('NOT_FOUND');
    });
  });

  describe('gapClosingPlan', () => {
    const PLAN = `query($skills: [HeldSkillInput!], $opt: PlanObjective, $max: Int) {
      gapClosingPlan(roleId: "R", skills: $skills, optimize: $opt, maxCredentials: $max) {
        totalHours essentialCoverageAfter
        steps { order prerequisiteOnly credential { id } covers { id } requires { id } }
        uncovered { reason skill { id } }
      } }`;

    it('adds unmet prerequisites before what they unlock, never suggests retired credentials, and covers everything', async () => {
      const res = await gql(PLAN, { skills: [], opt: 'HOURS', max: 6 });
      const plan = res.data.gapClosingPlan;
      const order = plan.steps.map((s: any) => s.credential.id);
      expect(order).not.toContain('acme:sqlcheap');
      expect(order.indexOf('acme:intro')).toBeLessThan(order.indexOf('acme:adv'));
      expect(plan.steps.find((s: any) => s.credential.id === 'acme:intro')).toMatchObject({
        prerequisiteOnly: true,
        covers: [],
      });
      expect(plan.steps.find((s: any) => s.credential.id === 'acme:adv').requires).toEqual([
        { id: 'acme:intro' },
      ]);
      expect(plan.uncovered).toEqual([]);
      expect(plan.essentialCoverageAfter).toBe(1);
      // Greedy by hours per importance: acme:a covers stats through ml, a narrower skill (10 h);
      // then prog: acme:py and beta:py tie at 20 h and the lower id wins; then sql needs adv + intro
      // (40 h). intro comes before adv.
      expect(order).toEqual(['acme:a', 'acme:py', 'acme:intro', 'acme:adv']);
      expect(plan.totalHours).toBe(70);
    });

    it('optimises price when asked: the cheaper of two equal-hours credentials wins', async () => {
      const res = await gql(PLAN, {
        skills: [
          { skillId: 'sql', level: 3 },
          { skillId: 'stats', level: 2 },
        ],
        opt: 'PRICE',
        max: 6,
      });
      // beta:cousin covers prog too (pandas -> python -> prog) but states no price: it counts as the
      // dearest known (500), so beta:py (50) wins.
      expect(res.data.gapClosingPlan.steps.map((s: any) => s.credential.id)).toEqual(['beta:py']);
    });

    it('plans only within the catalogue filter', async () => {
      const FILTERED = `query($f: CredentialFilter) {
        gapClosingPlan(roleId: "R", skills: [{skillId: "sql", level: 3}, {skillId: "stats", level: 2}],
                       optimize: PRICE, filter: $f) { steps { credential { id } } uncovered { reason skill { id } } } }`;
      const acmeOnly = await gql(FILTERED, { f: { providerIds: ['acme'] } });
      expect(acmeOnly.errors).toBeUndefined();
      expect(acmeOnly.data.gapClosingPlan.steps.map((s: any) => s.credential.id)).toContain(
        'acme:py',
      );
      expect(
        acmeOnly.data.gapClosingPlan.steps.every((s: any) => s.credential.id.startsWith('acme:')),
      ).toBe(true);
      const cheap = await gql(FILTERED, { f: { maxPrice: 10, providerIds: ['beta'] } });
      expect(cheap.data.gapClosingPlan.steps).toEqual([]);
      expect(cheap.data.gapClosingPlan.uncovered.map((u: any) => u.skill.id)).toContain('prog');
    });

    it('skips a credential whose prerequisites exceed maxCredentials and says what stays uncovered', async () => {
      const res = await gql(PLAN, {
        skills: [{ skillId: 'stats', level: 2 }],
        opt: 'HOURS',
        max: 1,
      });
      const plan = res.data.gapClosingPlan;
      expect(plan.steps.map((s: any) => s.credential.id)).toEqual(['acme:py']);
      expect(plan.uncovered.map((u: any) => [u.skill.id, u.reason])).toEqual([
        ['sql', 'LIMIT_REACHED'],
      ]);
    });

    it('reports requirements no credential teaches', async () => {
      const res = await gql(
        `{ gapClosingPlan(roleId: "D", skills: [{skillId: "prog", level: 2}]) { steps { credential { id } } uncovered { reason skill { id } } } }`,
      );
      expect(res.data.gapClosingPlan.steps).toEqual([{ credential: { id: 'beta:cloud' } }]);
      expect(res.data.gapClosingPlan.uncovered).toEqual([]);
    });

    it('refuses maxCredentials beyond its cap', async () => {
      expect(code(await gql(PLAN, { skills: [], max: 21 }))).toBe('BAD_USER_INPUT');
    });
  });

  describe('stackingPaths', () => {
    const PATHS = `query($from: ID!, $to: ID, $dir: StackingDirection, $depth: Int) {
      stackingPaths(from: $from, to: $to, direction: $dir, maxDepth: $depth) {
        length totalHours steps { link credential { id } } providers { id } } }`;

    it('climbs UP through part-of links, ordered by total hours', async () => {
      const res = await gql(PATHS, { from: 'acme:a', dir: 'UP' });
      expect(
        res.data.stackingPaths.map((p: any) => [
          p.steps.map((s: any) => `${s.link}:${s.credential.id}`),
          p.totalHours,
        ]),
      ).toEqual([
        // Each credential counts once: cert (40 h) holds a (10 h), programme (100 h) holds cert.
        [['PART_OF:acme:cert'], 30],
        [['PART_OF:acme:cert', 'PART_OF:acme:programme'], 90],
      ]);
    });

    it('goes DOWN to what leads into a credential, and keeps only paths to `to`', async () => {
      const down = await gql(PATHS, { from: 'acme:programme', dir: 'DOWN', to: 'acme:b' });
      expect(down.data.stackingPaths).toEqual([
        {
          length: 2,
          // b (12 h), then what cert (40 h) adds beyond b.
          totalHours: 40,
          steps: [
            { link: 'HAS_PART', credential: { id: 'acme:cert' } },
            { link: 'HAS_PART', credential: { id: 'acme:b' } },
          ],
          providers: [{ id: 'acme' }],
        },
      ]);
      const pre = await gql(PATHS, { from: 'acme:intro', dir: 'UP' });
      expect(pre.data.stackingPaths[0].steps).toEqual([
        { link: 'UNLOCKS', credential: { id: 'acme:adv' } },
      ]);
      const req = await gql(PATHS, { from: 'acme:adv', dir: 'DOWN' });
      expect(req.data.stackingPaths[0].steps).toEqual([
        { link: 'REQUIRES', credential: { id: 'acme:intro' } },
      ]);
    });

    it('counts prices once too, rounds, and makes an unknown price unknown, never 0', async () => {
      const add = (id: string, hours: number, price: number | null) =>
        registerCredential(registry, acme, {
          externalId: id,
          hours,
          ...(price === null ? {} : { price, currency: 'EUR' }),
        });
      await add('p-part', 10.1, 100);
      await add('p-whole', 30.3, 250);
      await add('p-top', 60, null);
      const part = (p: string, w: string) =>
        gql(`mutation { addPart(partId: "acme:${p}", wholeId: "acme:${w}") { id } }`, {}, acme);
      expect((await part('p-part', 'p-whole')).errors).toBeUndefined();
      expect((await part('p-whole', 'p-top')).errors).toBeUndefined();
      const res = await gql(
        `{ stackingPaths(from: "acme:p-part") { totalHours totalPrice priceKnown currencies steps { credential { id } } } }`,
      );
      expect(res.data.stackingPaths).toEqual([
        {
          totalHours: 20.2,
          totalPrice: 150,
          priceKnown: true,
          currencies: ['EUR'],
          steps: [{ credential: { id: 'acme:p-whole' } }],
        },
        {
          totalHours: 49.9,
          totalPrice: null,
          priceKnown: false,
          currencies: ['EUR'],
          steps: [{ credential: { id: 'acme:p-whole' } }, { credential: { id: 'acme:p-top' } }],
        },
      ]);
    });

    it('stays within maxDepth and refuses one beyond the cap', async () => {
      const res = await gql(PATHS, { from: 'acme:a', dir: 'UP', depth: 1 });
      expect(res.data.stackingPaths).toHaveLength(1);
      expect(code(await gql(PATHS, { from: 'acme:a', depth: 7 }))).toBe('BAD_USER_INPUT');
      expect(code(await gql(PATHS, { from: 'nope' }))).toBe('NOT_FOUND');
    });
  });

  describe('equivalents', () => {
    const EQ = `query($id: ID!, $min: Float, $computed: Boolean) {
      equivalents(credentialId: $id, minScore: $min, includeComputed: $computed) {
        declared mutual assertedBy sameProvider score credential { id }
        parts { exactMatches hierarchyMatches overlap union raw evidence evidenceDamping eqfDamping hoursDamping
                skillScore textSimilarity likelyDuplicate }
        sharedSkillWeights { weight skill { id } }
        sharedSkills { id } onlyInStart { id } onlyInOther { id } } }`;

    // The score blends the skills with the texts (see Equivalent.score).
    const blended = (p: any) => {
      const mixed = 0.6 * p.skillScore + 0.4 * p.textSimilarity;
      return (
        (p.likelyDuplicate ? Math.max(mixed, p.textSimilarity) : mixed) *
        p.eqfDamping *
        p.hoursDamping
      );
    };

    const weightOf = (e: any) =>
      new Map<string, number>(e.sharedSkillWeights.map((w: any) => [w.skill.id, w.weight]));

    it('explains a declared equivalence and its computed score', async () => {
      const res = await gql(EQ, { id: 'acme:cert', min: 0 });
      const twin = res.data.equivalents[0];
      expect(twin).toMatchObject({
        declared: true,
        mutual: false,
        assertedBy: ['acme'],
        sameProvider: false,
        credential: { id: 'beta:twin' },
        parts: { exactMatches: 3, hierarchyMatches: 0, raw: 1, eqfDamping: 1, hoursDamping: 1 },
      });
      // Each shared skill weighs how few credentials teach it; the weights explain the overlap.
      const weights = [...weightOf(twin).values()];
      expect(weights).toHaveLength(3);
      for (const w of weights) expect(w).toBeGreaterThan(0);
      const overlap = weights.reduce((a, b) => a + b, 0);
      expect(twin.parts.overlap).toBeCloseTo(overlap, 2);
      expect(twin.parts.union).toBeCloseTo(overlap, 2);
      expect(twin.parts.evidence).toBeCloseTo(overlap, 2);
      expect(twin.parts.evidenceDamping).toBeCloseTo(Math.min(1, overlap / 1.5), 2);
      expect(twin.parts.skillScore).toBeCloseTo(twin.parts.evidenceDamping, 2);
      expect(twin.score).toBeCloseTo(blended(twin.parts), 2);
    });

    it('counts a parent/child pair 0.5 and damps EQF and hours differences', async () => {
      const res = await gql(EQ, { id: 'acme:cert', min: 0 });
      const cousin = res.data.equivalents.find((e: any) => e.credential.id === 'beta:cousin');
      // ml, viz exact; stats (start) is a parent of pandas (other): half their mean weight.
      // Nothing is left over, so raw is the pair's half over its full weight, plus the exact ones.
      // EQF 5 vs 8 (> 1 apart) halves; 40 h vs 100 h (> 2x) halves.
      expect(cousin.parts).toMatchObject({
        exactMatches: 2,
        hierarchyMatches: 1,
        eqfDamping: 0.5,
        hoursDamping: 0.5,
      });
      expect(cousin.parts.raw).toBeLessThan(1);
      expect(cousin.parts.raw).toBeCloseTo(cousin.parts.overlap / cousin.parts.union, 2);
      expect(cousin.parts.skillScore).toBeCloseTo(
        cousin.parts.raw * cousin.parts.evidenceDamping,
        2,
      );
      expect(cousin.score).toBeCloseTo(blended(cousin.parts), 2);
      expect(cousin.parts.eqfDamping * cousin.parts.hoursDamping).toBe(0.25);
      expect(cousin.onlyInStart).toEqual([]);
      expect(cousin.onlyInOther).toEqual([]);
      const own = res.data.equivalents.find((e: any) => e.credential.id === 'acme:a');
      expect(own.sameProvider).toBe(true);
      const across = await gql(
        `{ equivalents(credentialId: "acme:cert", minScore: 0, acrossProviders: true) { credential { providerId } } }`,
      );
      expect(across.data.equivalents.length).toBeGreaterThan(0);
      expect(across.data.equivalents.every((e: any) => e.credential.providerId !== 'acme')).toBe(
        true,
      );
    });

    it('lists declared ones only when computed ones are off', async () => {
      const res = await gql(EQ, { id: 'beta:twin', min: 0, computed: false });
      expect(res.data.equivalents.map((e: any) => [e.credential.id, e.declared, e.score])).toEqual([
        ['acme:cert', true, null],
      ]);
    });
  });

  describe('broadeningOptions', () => {
    it('suggests mostly-new adjacent credentials and sibling parts within one EQF level', async () => {
      const res = await gql(
        `{ broadeningOptions(credentialId: "acme:b", first: 10) { score adjacency novelty breadth credential { id } newSkills { adjacent how skill { id } via { id } } siblingOf { id } } }`,
      );
      const options = res.data.broadeningOptions;
      const byId = new Map(options.map((o: any) => [o.credential.id, o]));
      // From stats: viz is RELATED and ml shares... ml is narrower of stats, pandas shares no parent.
      const sibling: any = byId.get('acme:a');
      expect(sibling.siblingOf).toEqual([{ id: 'acme:cert' }]);
      const cloud: any = byId.get('beta:cloud');
      expect(cloud.newSkills).toEqual(
        expect.arrayContaining([
          { adjacent: true, how: 'RELATED', skill: { id: 'viz' }, via: { id: 'stats' } },
        ]),
      );
      expect(cloud.novelty).toBe(1);
      // One of its two new skills is adjacent, through a start skill more credentials teach.
      expect(cloud.adjacency).toBeGreaterThanOrEqual(0.25);
      expect(cloud.adjacency).toBeLessThan(0.5);
      // Two new skills weigh under 3: breadth damps it.
      expect(cloud.breadth).toBeLessThan(0.667);
      expect(cloud.score).toBeCloseTo(
        (0.6 * cloud.adjacency + 0.4 * cloud.novelty) * cloud.breadth,
        2,
      );
      expect(byId.has('acme:programme')).toBe(false);
      // Siblings first, then the rest by score.
      expect(options[0].siblingOf.length).toBeGreaterThan(0);
      const scores = options.filter((o: any) => o.siblingOf.length === 0).map((o: any) => o.score);
      expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    });

    it('needs exactly one start', async () => {
      expect(code(await gql(`{ broadeningOptions { score } }`))).toBe('BAD_USER_INPUT');
    });
  });

  describe('roleTransition and consistencyReport', () => {
    it("measures a career move against the first role's requirements", async () => {
      const res = await gql(
        `{ roleTransition(fromRoleId: "D", toRoleId: "R") { from { id } gap { covered { skill { id } coveredBy { source } } missing { skill { id } } } } }`,
      );
      expect(res.data.roleTransition.gap.covered).toEqual([
        { skill: { id: 'prog' }, coveredBy: { source: 'ROLE' } },
      ]);
      expect(ids(res.data.roleTransition.gap.missing)).toEqual(['sql', 'stats']);
    });

    it('reports hours, completeness and low-overlap pairs per provider', async () => {
      const res = await gql(
        `{ consistencyReport(groupBy: PROVIDER, filter: {providerIds: ["beta"]}) { key count hours { n min median max mean cv } completeness elements { element share } lowOverlapPairs { a { id } b { id } skillOverlap } lowOverlapComplete } }`,
      );
      const [beta] = res.data.consistencyReport;
      expect(beta).toMatchObject({ key: 'beta', count: 4 });
      expect(beta.hours).toMatchObject({ n: 4, min: 15, median: 29, max: 100, mean: 43.25 });
      expect(beta.elements.find((e: any) => e.element === 'eqfLevel').share).toBe(1);
      expect(beta.elements.find((e: any) => e.element === 'qualityAssurance').share).toBe(0);
      // "Course py" and "Course twin" share a label and no skills, but not a topic: no pair.
      expect(beta.lowOverlapPairs).toEqual([]);
      expect(beta.lowOverlapComplete).toBe(true);
    });
  });
});
