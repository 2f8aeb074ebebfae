import {
  CREDENTIALS,
  DATA_ANALYST,
  PROVIDERS,
  TAXONOMY,
  type FixtureCredential,
} from '../fixtures/adviser-catalogue';
import { ADMIN_KEY, registerProvider, startRegistryWithAdmin } from '../helpers/fixtures';
import type { TestRegistry } from '../helpers/registry';

/**
 * The answers a career adviser reads, on a catalogue shaped like a real one
 * (test/fixtures/adviser-catalogue.ts), registered through the API with free-text tags: each
 * failure found on a real MOOC catalogue is a case here.
 */
describe('answers an adviser can trust on a real-shaped catalogue', () => {
  let registry: TestRegistry;
  const keys = new Map<string, string>();
  const gql = async (query: string, variables: Record<string, unknown> = {}, key?: string) => {
    const res = await registry.gql(query, variables, key);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data;
  };
  const idOf = (provider: string, externalId: string) => `${provider}:${externalId}`;

  const register = (c: FixtureCredential) => ({
    externalId: c.externalId,
    title: c.title,
    description: c.description ?? null,
    credentialType: c.credentialType,
    hours: c.hours ?? null,
    price: c.price ?? null,
    currency: c.price != null ? 'USD' : null,
    eqfLevel: c.eqfLevel ?? null,
    skills: c.tags.map((tag) => (tag.startsWith('cg:') ? { skillId: tag } : { label: tag })),
  });

  beforeAll(async () => {
    registry = await startRegistryWithAdmin();
    await gql(
      `mutation($s: [SkillInput!]!) { upsertSkills(skills: $s) { id } }`,
      { s: TAXONOMY.map((s) => ({ ...s, framework: 'ESCO', broader: s.broader ?? [] })) },
      ADMIN_KEY,
    );
    await gql(
      `mutation($r: JobRoleInput!) { upsertJobRole(input: $r) { id } }`,
      { r: { ...DATA_ANALYST, framework: 'ESCO' } },
      ADMIN_KEY,
    );
    for (const p of PROVIDERS) keys.set(p.id, await registerProvider(registry, p.id, p.name));
    for (const p of PROVIDERS) {
      const mine = CREDENTIALS.filter((c) => c.provider === p.id);
      if (mine.length === 0) continue;
      const data = await gql(
        `mutation($inputs: [CredentialInput!]!) {
           registerCredentials(inputs: $inputs) { status error { code message } } }`,
        { inputs: mine.map(register) },
        keys.get(p.id),
      );
      expect(data.registerCredentials.map((r: { status: string }) => r.status)).toEqual(
        mine.map(() => 'TAKEN'),
      );
    }
    for (const c of CREDENTIALS) {
      const key = keys.get(c.provider);
      for (const [whole, required] of c.partOf ?? []) {
        await gql(
          `mutation($p: ID!, $w: ID!, $r: Boolean!) { addPart(partId: $p, wholeId: $w, required: $r) { id } }`,
          { p: idOf(c.provider, c.externalId), w: idOf(c.provider, whole), r: required },
          key,
        );
      }
      for (const pre of c.requires ?? []) {
        await gql(
          `mutation($c: ID!, $p: ID!) { addPrerequisite(credentialId: $c, prerequisiteId: $p) { id } }`,
          { c: idOf(c.provider, c.externalId), p: idOf(c.provider, pre) },
          key,
        );
      }
    }
  }, 120_000);

  afterAll(async () => {
    await registry?.stop();
  });

  describe('equivalents', () => {
    const EQUIVALENTS = `query($id: ID!) { equivalents(credentialId: $id, acrossProviders: true) {
      score credential { id }
      parts { skillScore textSimilarity titleSimilarity likelyDuplicate }
      uncomparableSkills { id framework }
    } }`;

    it('finds the same course published on two platforms with a high score, as a likely duplicate', async () => {
      const { equivalents } = await gql(EQUIVALENTS, { id: 'learnhub:nf-data-sql' });
      const twin = equivalents.find(
        (e: { credential: { id: string } }) => e.credential.id === 'opencampus:NORTHFIELD-DA101',
      );
      expect(twin).toBeDefined();
      expect(twin.score).toBeGreaterThanOrEqual(0.6);
      expect(twin.parts.likelyDuplicate).toBe(true);
      expect(twin.parts.titleSimilarity).toBe(1);
      expect(equivalents[0].credential.id).toBe('opencampus:NORTHFIELD-DA101');
    });

    it('reports custom skills the other side cannot match, without letting them dilute the score', async () => {
      const { equivalents } = await gql(EQUIVALENTS, { id: 'learnhub:nf-data-sql' });
      const twin = equivalents[0];
      for (const s of twin.uncomparableSkills) expect(s.framework).toBe('CUSTOM');
      expect(twin.uncomparableSkills.length).toBeGreaterThan(0);
    });

    it('ranks a real security peer above a data-warehousing course that also uses Python and SQL', async () => {
      const { equivalents } = await gql(EQUIVALENTS, { id: 'cyberacad:analyst' });
      const ids = equivalents.map((e: { credential: { id: string } }) => e.credential.id);
      expect(ids[0]).toBe('northfield:secops');
      const score = (id: string) =>
        equivalents.find((e: { credential: { id: string } }) => e.credential.id === id)?.score ?? 0;
      expect(score('northfield:secops')).toBeGreaterThan(score('dataworks:dwh'));
    });
  });

  describe('custom skills as shared vocabulary', () => {
    it("places a provider's tag: proposals to accept, and other providers' tags of its meaning", async () => {
      await registry.services.credential.settled();
      const { customSkills } = await gql(`{ customSkills(providerId: "learnhub") {
        skill { id } suggestedMappings { skill { id framework } score } sameMeaning { id }
      } }`);
      const storytelling = customSkills.find(
        (c: { skill: { id: string } }) => c.skill.id === 'custom:learnhub:data-storytelling',
      );
      expect(storytelling.sameMeaning).toEqual([{ id: 'custom:dataworks:data-storytelling' }]);
      for (const c of customSkills) {
        expect(c.suggestedMappings.length).toBeGreaterThan(0);
        for (const m of c.suggestedMappings) expect(m.skill.framework).not.toBe('CUSTOM');
      }
    });
  });

  describe('broadening', () => {
    const BROADENING = `query($id: ID!) { broadeningOptions(credentialId: $id, first: 5) {
      credential { id } score adjacency novelty breadth sibling
    } }`;

    it('does not propose strangers adjacent only through generic skills', async () => {
      const { broadeningOptions } = await gql(BROADENING, { id: 'google:data-analytics' });
      const ids = broadeningOptions.map((o: { credential: { id: string } }) => o.credential.id);
      for (const stranger of ['relief:humanitarian', 'energy:solar', 'aero:structures']) {
        expect(ids).not.toContain(stranger);
      }
      expect(ids).toContain('dataworks:bi-tableau');
      for (const o of broadeningOptions) expect(o.adjacency).toBeGreaterThanOrEqual(0.25);
    });

    it('puts the sibling parts of the same programme before anything else', async () => {
      const { broadeningOptions } = await gql(BROADENING, { id: 'learnhub:spreadsheets' });
      const ids = broadeningOptions.map((o: { credential: { id: string } }) => o.credential.id);
      expect(ids.slice(0, 2).sort()).toEqual(['learnhub:charts', 'learnhub:stats-for-analysts']);
      expect(broadeningOptions[0].sibling).toBe(true);
      for (const stranger of ['energy:solar', 'aero:structures'])
        expect(ids).not.toContain(stranger);
    });
  });

  describe('stacking totals', () => {
    const PATHS = `query($from: ID!, $to: ID) { stackingPaths(from: $from, to: $to, direction: UP) {
      totalHours totalPrice priceKnown partsExceedWhole steps { credential { id } }
    } }`;

    it('counts every part once: each route from the first part into its whole totals 108.3 hours', async () => {
      const { stackingPaths } = await gql(PATHS, {
        from: 'dataworks:de-1',
        to: 'dataworks:de-programme',
      });
      const routes = stackingPaths.map((p: { steps: { credential: { id: string } }[] }) =>
        p.steps.map((s) => s.credential.id.split(':')[1]).join(' > '),
      );
      expect(routes.sort()).toEqual([
        'de-2 > de-3 > de-programme',
        'de-2 > de-programme',
        'de-programme',
      ]);
      for (const p of stackingPaths) {
        expect(p.totalHours).toBe(108.3);
        expect(p.totalPrice).toBe(500);
        expect(p.partsExceedWhole).toBe(false);
      }
    });

    it('says when the parts add up to more than their whole', async () => {
      const { stackingPaths } = await gql(PATHS, {
        from: 'finance:statements',
        to: 'finance:cfo-track',
      });
      expect(stackingPaths.length).toBeGreaterThan(0);
      for (const p of stackingPaths) {
        expect(p.partsExceedWhole).toBe(true);
        expect(p.priceKnown).toBe(false);
        expect(p.totalPrice).toBeNull();
      }
    });
  });

  describe('plans', () => {
    const PLAN = `query($objective: PlanObjective!) {
      gapClosingPlan(roleId: "cg:data-analyst", skills: [], optimize: $objective) {
        totalHours totalPrice priceKnown essentialCoverageAfter
        steps { credential { id hours price skills { level skill { id } } } }
      } }`;

    it('does not close a gap with guided projects that teach at an introductory level', async () => {
      for (const objective of ['HOURS', 'PRICE', 'COUNT']) {
        const { gapClosingPlan: plan } = await gql(PLAN, { objective });
        expect(plan.steps.length).toBeGreaterThan(0);
        for (const step of plan.steps) expect(step.credential.hours).toBeGreaterThanOrEqual(5);
        expect(plan.essentialCoverageAfter).toBe(1);
      }
    });

    it('infers the level a credential teaches from its hours when the provider does not say', async () => {
      const { credential } = await gql(
        `{ credential(id: "learnhub:gp-sql") { skills { level } } }`,
      );
      expect(credential.skills).toEqual([{ level: 1 }]);
    });

    it('makes the total price unknown when a step has no price', async () => {
      const { gapClosingPlan: plan } = await gql(PLAN, { objective: 'HOURS' });
      const known = plan.steps.every((s: { credential: { price: number | null } }) => {
        return s.credential.price != null;
      });
      expect(plan.priceKnown).toBe(known);
      if (!known) expect(plan.totalPrice).toBeNull();
    });
  });

  describe('consistency', () => {
    it('reads every script, never pairs credentials without skills and counts them', async () => {
      const { consistencyReport } = await gql(`{ consistencyReport(groupBy: CREDENTIAL_TYPE) {
        key noSkillsToCompare lowOverlapPairs { a { id } b { id } }
      } }`);
      const pairs = consistencyReport.flatMap(
        (g: { lowOverlapPairs: { a: { id: string }; b: { id: string } }[] }) =>
          g.lowOverlapPairs.map((p) => [p.a.id, p.b.id].sort().join(' ~ ')),
      );
      expect(pairs).not.toContain('google:data-analytics ~ google:data-analytics-ar');
      expect(pairs).not.toContain('northfield:bsc-biology ~ northfield:bsc-history');
      const degrees = consistencyReport.find((g: { key: string }) => g.key === 'DEGREE');
      expect(degrees.noSkillsToCompare).toBe(2);
    });
  });
});
