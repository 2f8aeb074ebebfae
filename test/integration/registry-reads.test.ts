import { loadDemoCatalogue } from '../../seed/load-demo';
import type { TestRegistry } from '../helpers/registry';
import { ADMIN_KEY, startRegistryWithAdmin } from '../helpers/fixtures';

const code = (res: { errors?: { extensions?: { code?: string } }[] }) =>
  res.errors?.[0]?.extensions?.code;

/** Reads against the demo catalogue, which the seed tests check on their own. */
describe('reading the catalogue', () => {
  let registry: TestRegistry;

  beforeAll(async () => {
    registry = await startRegistryWithAdmin();
    await loadDemoCatalogue(registry.services);
  });
  afterAll(() => registry.stop());

  it('pages providers as a Relay connection', async () => {
    const first = await registry.gql(
      `{ providers(first: 4) { totalCount pageInfo { hasNextPage hasPreviousPage endCursor } nodes { id name } } }`,
    );
    const page = first.data.providers;
    expect(page.totalCount).toBe(10);
    expect(page.nodes).toHaveLength(4);
    expect(page.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const names = page.nodes.map((n: any) => n.name);
    expect([...names].sort()).toEqual(names);
    const next = await registry.gql(
      `query($a: String) { providers(first: 10, after: $a) { pageInfo { hasNextPage hasPreviousPage } nodes { id } } }`,
      { a: page.pageInfo.endCursor },
    );
    expect(next.data.providers.nodes).toHaveLength(6);
    expect(next.data.providers.pageInfo).toEqual({ hasNextPage: false, hasPreviousPage: true });
  });

  it('refuses first above 100 and a forged cursor with BAD_USER_INPUT', async () => {
    expect(code(await registry.gql(`{ credentials(first: 101) { totalCount } }`))).toBe(
      'BAD_USER_INPUT',
    );
    expect(code(await registry.gql(`{ providers(after: "bogus") { totalCount } }`))).toBe(
      'BAD_USER_INPUT',
    );
  });

  it('returns null for a missing provider, credential, skill and job role', async () => {
    const res = await registry.gql(
      `{ provider(id: "x") { id } credential(id: "x") { id } skill(id: "x") { id } jobRole(id: "x") { id } }`,
    );
    expect(res.data).toEqual({ provider: null, credential: null, skill: null, jobRole: null });
  });

  it("navigates a provider's credentials and back", async () => {
    const res = await registry.gql(
      `{ provider(id: "northbridge-university") { name credentials(first: 100) { totalCount nodes { provider { id } } } } }`,
    );
    const p = res.data.provider;
    expect(p.credentials.totalCount).toBeGreaterThan(3);
    expect(new Set(p.credentials.nodes.map((n: any) => n.provider.id))).toEqual(
      new Set(['northbridge-university']),
    );
  });

  it('filters credentials by type, EQF range, hours, price, language and delivery mode', async () => {
    const res = await registry.gql(
      `{ credentials(first: 100, filter: {credentialTypes: [MICROCREDENTIAL, CERTIFICATE], eqfMin: 5, eqfMax: 6, maxHours: 100, maxPrice: 500, language: "en", deliveryModes: [ONLINE]}) { totalCount nodes { credentialType eqfLevel hours price language deliveryMode status } } }`,
    );
    const nodes = res.data.credentials.nodes;
    expect(nodes.length).toBeGreaterThan(0);
    for (const n of nodes) {
      expect(['MICROCREDENTIAL', 'CERTIFICATE']).toContain(n.credentialType);
      expect(n.eqfLevel).toBeGreaterThanOrEqual(5);
      expect(n.eqfLevel).toBeLessThanOrEqual(6);
      expect(n.hours).toBeLessThanOrEqual(100);
      expect(n.price).toBeLessThanOrEqual(500);
      expect(n).toMatchObject({ language: 'en', deliveryMode: 'ONLINE', status: 'ACTIVE' });
    }
    expect(
      code(await registry.gql(`{ credentials(filter: {eqfMin: 6, eqfMax: 5}) { totalCount } }`)),
    ).toBe('BAD_USER_INPUT');
    expect(code(await registry.gql(`{ credentials(filter: {eqfMin: 9}) { totalCount } }`))).toBe(
      'BAD_USER_INPUT',
    );
  });

  it('filters by skill, counting credentials that teach a narrower skill', async () => {
    const rows = await registry.services.db.runAutoCommit<{
      child: string;
      parent: string;
      cred: string;
    }>(
      `MATCH (c:Credential)-[:TEACHES]->(child:Skill)-[:BROADER]->(parent:Skill)
       WHERE NOT EXISTS { (c)-[:TEACHES]->(parent) } AND c.status = 'ACTIVE'
       RETURN child.id AS child, parent.id AS parent, c.id AS cred LIMIT 1`,
    );
    const { parent, cred } = rows[0]!;
    const res = await registry.gql(
      `query($s: [ID!]) { credentials(first: 100, filter: {skillIds: $s}) { nodes { id } } }`,
      { s: [parent] },
    );
    expect(res.data.credentials.nodes.map((n: any) => n.id)).toContain(cred);
  });

  it('navigates a skill: broader, narrower, related, credentials and job roles', async () => {
    const [row] = await registry.services.db.runAutoCommit<{ id: string }>(
      `MATCH (s:Skill)<-[:BROADER]-(:Skill) WHERE EXISTS { (s)<-[:REQUIRES_SKILL]-(:JobRole) } RETURN s.id AS id LIMIT 1`,
    );
    const res = await registry.gql(
      `query($id: ID!) { skill(id: $id) { id framework narrower { id broader { id } } jobRoles { essential importance jobRole { id } } credentials { level credential { id } } related { skill { id } } } }`,
      { id: row!.id },
    );
    const s = res.data.skill;
    expect(s.framework).toBe('ESCO');
    expect(s.narrower.length).toBeGreaterThan(0);
    for (const n of s.narrower) expect(n.broader.map((b: any) => b.id)).toContain(row!.id);
    expect(s.jobRoles.length).toBeGreaterThan(0);
  });

  it('lists job roles with their required skills', async () => {
    const res = await registry.gql(
      `{ jobRoles(first: 100, framework: ESCO) { totalCount nodes { id title code requiredSkills { essential importance level skill { id } } } } }`,
    );
    expect(res.data.jobRoles.totalCount).toBe(13);
    for (const role of res.data.jobRoles.nodes) {
      expect(role.requiredSkills.length).toBeGreaterThan(5);
      for (const r of role.requiredSkills) expect(r.importance).toBe(r.essential ? 1 : 0.5);
    }
  });

  it('lists skills of one framework and type', async () => {
    const res = await registry.gql(
      `{ skills(first: 5, framework: ESCO, skillType: KNOWLEDGE) { totalCount nodes { skillType framework } } }`,
    );
    expect(res.data.skills.totalCount).toBeGreaterThan(10);
    for (const n of res.data.skills.nodes)
      expect(n).toEqual({ skillType: 'KNOWLEDGE', framework: 'ESCO' });
  });

  it('searches credentials, skills and job roles with the full-text indexes', async () => {
    const res = await registry.gql(
      `{ search(text: "data analyst", first: 30) { score exact item { __typename ... on Credential { title } ... on Skill { label } ... on JobRole { title } } } }`,
    );
    const hits = res.data.search;
    const kinds = new Set(hits.map((h: any) => h.item.__typename));
    expect(kinds).toEqual(new Set(['Credential', 'Skill', 'JobRole']));
    expect(hits.some((h: any) => h.item.title === 'data analyst')).toBe(true);
    // Exact titles and labels first, then by relevance.
    const order = hits.map((h: any) => [h.exact ? 1 : 0, h.score]);
    const sorted = [...order].sort((a: number[], b: number[]) => b[0]! - a[0]! || b[1]! - a[1]!);
    expect(order).toEqual(sorted);
    expect(hits[0].exact).toBe(true);
  });

  it('searches only the kinds asked for, and hides retired credentials unless asked', async () => {
    const SEARCH = `query($t: String!, $k: [SearchItemKind!], $r: Boolean) {
      search(text: $t, first: 20, kinds: $k, includeRetired: $r) {
        exact item { __typename ... on Credential { id status } } } }`;
    const skills = await registry.gql(SEARCH, { t: 'data', k: ['SKILL'] });
    expect(skills.data.search.length).toBeGreaterThan(0);
    expect(new Set(skills.data.search.map((h: any) => h.item.__typename))).toEqual(
      new Set(['Skill']),
    );
    const hidden = await registry.gql(SEARCH, {
      t: 'Legacy Firewall Administration',
      k: ['CREDENTIAL'],
    });
    expect(hidden.data.search.map((h: any) => h.item.id)).not.toContain(
      'cyberguard-institute:legacy-firewall',
    );
    const shown = await registry.gql(SEARCH, {
      t: 'Legacy Firewall Administration',
      k: ['CREDENTIAL'],
      r: true,
    });
    expect(shown.data.search[0]).toEqual({
      exact: true,
      item: {
        __typename: 'Credential',
        id: 'cyberguard-institute:legacy-firewall',
        status: 'RETIRED',
      },
    });
  });

  it("filters a provider's credentials like the catalogue: active ones unless asked", async () => {
    const res = await registry.gql(
      `{ provider(id: "cyberguard-institute") {
          active: credentials(first: 100) { nodes { id status } }
          retired: credentials(first: 100, filter: {statuses: [RETIRED]}) { totalCount nodes { id } }
          online: credentials(first: 100, filter: {deliveryModes: [ONLINE]}) { nodes { deliveryMode } } } }`,
    );
    expect(res.errors).toBeUndefined();
    const p = res.data.provider;
    expect(p.active.nodes.length).toBeGreaterThan(0);
    expect(p.active.nodes.every((n: any) => n.status === 'ACTIVE')).toBe(true);
    expect(p.retired).toEqual({
      totalCount: 1,
      nodes: [{ id: 'cyberguard-institute:legacy-firewall' }],
    });
    expect(p.online.nodes.every((n: any) => n.deliveryMode === 'ONLINE')).toBe(true);
  });

  it('searches safely whatever the text holds', async () => {
    const res = await registry.gql(`{ search(text: "AND (data* OR \\"\\" ~ [ ]") { score } }`);
    expect(res.errors).toBeUndefined();
    expect((await registry.gql(`{ search(text: "   ") { score } }`)).data.search).toEqual([]);
  });

  it('answers a learner record with achievements and skills for an admin', async () => {
    // Demo learners have unguessable ids: find Ana's in the database.
    const [ana] = await registry.services.db.runAutoCommit<{ id: string }>(
      `MATCH (l:Learner {displayName: 'Ana'}) RETURN l.id AS id`,
    );
    expect(ana!.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/);
    const res = await registry.gql(
      `query($id: ID!) { learner(id: $id) { displayName achievements { expired credential { id } } skills { level source } } }`,
      { id: ana!.id },
      ADMIN_KEY,
    );
    expect(res.data.learner.displayName).toBe('Ana');
    expect(res.data.learner.achievements.some((a: any) => a.expired)).toBe(true);
    expect(res.data.learner.skills).toHaveLength(3);
  });

  it('costs a fixed number of round trips for a page of credentials with nested fields', async () => {
    const query = `query($n: Int!) { credentials(first: $n) { nodes { id provider { name } skills { level skill { label } } prerequisites { id } } } }`;
    const trips = async (n: number) => {
      const before = registry.services.db.roundTrips;
      const res = await registry.gql(query, { n });
      expect(res.errors).toBeUndefined();
      expect(res.data.credentials.nodes).toHaveLength(n);
      return registry.services.db.roundTrips - before;
    };
    const five = await trips(5);
    const fifty = await trips(50);
    process.stdout.write(`round trips: page of 5 -> ${five}, page of 50 -> ${fifty}\n`);
    expect(fifty).toBe(five);
    // The page brings everything below it (lookahead).
    expect(fifty).toBe(1);
  });

  it('reads nested credential levels in one round trip, with the same answers', async () => {
    const cases = [
      `{ credentials(first: 50) { nodes { id provider { name } skills { level providerLabel skill { id label } }
           prerequisites { id title } partOf { required credential { id } } preparesFor { id } } } }`,
      `{ credentials(first: 2) { nodes { id skills { skill { id broader { id } } }
           prerequisites { id provider { id } skills { skill { id } } } parts { required credential { id skills { skill { id } } } } } } }`,
      `{ credential(id: "northbridge-university:ds-micromasters") { id skills { skill { id broader { id label } } }
           prerequisites { id skills { skill { id } } } parts { credential { id provider { id } skills { level skill { id } } } } } }`,
      `{ a: credential(id: "northbridge-university:ds-micromasters") { id } }`,
      `{ provider(id: "northbridge-university") { name credentials(first: 20) { totalCount nodes { id title skills { skill { label description altLabels } } } } } }`,
      `{ provider(id: "northbridge-university") { name credentials(first: 20) { nodes { id title skills { skill { label } } } } } }`,
      `{ providers(first: 5) { nodes { id credentials(first: 3) { nodes { id prerequisites { id } } } } } }`,
      // The same credential read twice with different selections: each gets what it asked for.
      `{ credentials(first: 50, filter: { providerIds: ["northbridge-university"] }) { nodes { id title skills { skill { label } } } }
         twice: credential(id: "northbridge-university:ds-micromasters") { description skills { skill { description altLabels } } } }`,
    ];
    const credentials = registry.services.repositories.credential;
    const providers = registry.services.repositories.provider;
    const findPage = credentials.findPage.bind(credentials);
    const findCredentialPages = providers.findCredentialPages.bind(providers);
    for (const query of cases) {
      const before = registry.services.db.roundTrips;
      const fast = await registry.gql(query);
      const trips = registry.services.db.roundTrips - before;
      expect(fast.errors).toBeUndefined();
      // One round trip, and one more for totalCount (a count query) or a page of providers (their
      // credential pages come in one batch below them).
      expect(trips).toBeLessThanOrEqual(/totalCount|providers\(|twice:/.test(query) ? 2 : 1);
      // The same read field by field through the DataLoaders alone gives the same answer.
      credentials.findRelations = () => Promise.resolve([]);
      credentials.findPage = (q, skip, first) => findPage(q, skip, first, null);
      providers.findCredentialPages = (ids, filter, skip, first) =>
        findCredentialPages(ids, filter, skip, first, null);
      try {
        const slow = await registry.gql(query);
        expect(slow.data).toEqual(fast.data);
      } finally {
        for (const name of ['findRelations', 'findPage'])
          delete (credentials as unknown as Record<string, unknown>)[name];
        delete (providers as unknown as Record<string, unknown>).findCredentialPages;
      }
    }
  });

  it('counts the catalogue only when totalCount is asked for, and pages without reading it all', async () => {
    const trips = async (query: string) => {
      const before = registry.services.db.roundTrips;
      const res = await registry.gql(query);
      expect(res.errors).toBeUndefined();
      return { trips: registry.services.db.roundTrips - before, data: res.data };
    };
    const plain = await trips(
      `{ credentials(first: 10) { nodes { id } pageInfo { hasNextPage } } }`,
    );
    const counted = await trips(`{ credentials(first: 10) { totalCount nodes { id } } }`);
    expect(plain.trips).toBe(1);
    expect(counted.trips).toBe(2);
    expect(plain.data.credentials.pageInfo.hasNextPage).toBe(true);
    // The last page says there is nothing after it, with or without the count.
    const total = counted.data.credentials.totalCount as number;
    const all = await trips(
      `{ credentials(first: 100) { nodes { id } pageInfo { hasNextPage } } }`,
    );
    expect(all.data.credentials.nodes).toHaveLength(total);
    expect(all.data.credentials.pageInfo.hasNextPage).toBe(false);
  });
});
