import { startTestRegistry, type TestRegistry } from '../helpers/registry';

describe('the platform on a real Neo4j', () => {
  let registry: TestRegistry;

  beforeAll(async () => {
    registry = await startTestRegistry();
    await registry.wipe();
  });
  afterAll(() => registry.stop());

  it('answers { __typename } over HTTP', async () => {
    const res = await registry.gql('{ __typename }');
    expect(res).toEqual({ data: { __typename: 'Query' } });
  });

  it('reports /health and /ready as 200 once the schema is applied', async () => {
    const base = registry.server.url.replace('/graphql', '');
    const health = await fetch(`${base}/health`);
    expect(health.status).toBe(200);
    const ready = await fetch(`${base}/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready' });
  });

  it('creates every constraint and full-text index of cypher/schema', async () => {
    const db = registry.services.db;
    const constraints = await db.runAutoCommit<{ name: string }>('SHOW CONSTRAINTS YIELD name');
    expect(constraints.map((c) => c.name).sort()).toEqual(
      expect.arrayContaining([
        'api_key_hash',
        'credential_id',
        'credential_provider_external_id',
        'job_role_id',
        'learner_id',
        'provider_id',
        'skill_id',
      ]),
    );
    const indexes = await db.runAutoCommit<{ name: string; state: string }>(
      'SHOW FULLTEXT INDEXES YIELD name, state RETURN name, state',
    );
    expect(indexes.map((i) => [i.name, i.state]).sort()).toEqual([
      ['credential_text', 'ONLINE'],
      ['job_role_text_v2', 'ONLINE'],
      ['skill_text_v2', 'ONLINE'],
    ]);
  });

  it('applies the schema again without error (idempotent start)', async () => {
    const second = await startTestRegistry();
    await second.stop();
  });

  it('reads back through the API what was written to the database', async () => {
    await registry.services.db.runAutoCommit(
      "CREATE (:Provider {id: 'p-round-trip', name: 'Round Trip University'})",
    );
    const res = await registry.gql('{ registry { providers credentials } }');
    expect(res.data.registry).toEqual({ providers: 1, credentials: 0 });
  });

  it('maps a broken uniqueness constraint to CONFLICT', async () => {
    await expect(
      registry.services.db.runAutoCommit("CREATE (:Provider {id: 'p-round-trip', name: 'Twin'})"),
    ).rejects.toMatchObject({ extensions: { code: 'CONFLICT' } });
  });

  it('answers an unknown path with 404 and echoes a request id', async () => {
    const res = await fetch(registry.server.url.replace('/graphql', '/nowhere'));
    expect(res.status).toBe(404);
    expect(res.headers.get('x-request-id')).toMatch(/.+/);
  });

  it('refuses a malformed JSON body with 400', async () => {
    const res = await fetch(registry.server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{not json',
    });
    expect(res.status).toBe(400);
  });
});
