import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import type { Config, Limits } from '../../src/config';
import { rawRequest } from '../../bench/hostile/catalogue';
import { ADMIN_KEY, registerProvider, seedSkills, SKILLS } from '../helpers/fixtures';
import { startTestRegistry, type TestRegistry } from '../helpers/registry';
import { ensureAdminKey } from '../../src/auth/bootstrap';
import { CredentialEvents } from '../../src/credential/credential.events';
import { waitFor } from '../helpers/wait';

/** A registry with real limits (the other suites run with generous ones). */
function hardened(limits: Partial<Limits> = {}, config: Partial<Config> = {}) {
  return startTestRegistry(
    {
      ...config,
      limits: {
        maxDepth: 12,
        maxAliases: 30,
        maxTokens: 5000,
        maxDirectives: 20,
        maxCost: 250_000,
        maxBodyBytes: 512 * 1024,
        maxResponseBytes: 16 * 1024 * 1024,
        requestTimeoutMs: 20_000,
        subscriptionsPerConnection: 3,
        subscriptionsPerAddress: 5,
        anonymousPointsPerMinute: 1_000_000,
        keyPointsPerMinute: 1_000_000,
        anonymousWritesPerHour: 100_000,
        trustedProxies: 0,
        ...limits,
      },
    },
    { onDatabaseReady: (services) => ensureAdminKey(services, ADMIN_KEY) },
  );
}

type RawResponse = Awaited<ReturnType<typeof rawRequest>>;

/** A raw HTTP request to the registry, for what fetch hides (status codes, chunked bodies). */
function raw(
  registry: TestRegistry,
  options: { method?: string; headers?: Record<string, string>; body?: string | Buffer[] },
): Promise<RawResponse> {
  return rawRequest(
    { url: registry.server.url, credentialId: '', skillId: '', roleId: '' },
    options,
  );
}

function codeOf(body: string): unknown {
  return (JSON.parse(body) as { errors?: { extensions?: { code?: string } }[] }).errors?.[0]
    ?.extensions?.code;
}

function deepSkillQuery(levels: number): string {
  let selection = 'id';
  for (let i = 0; i < levels; i++) selection = `${i % 2 ? 'narrower' : 'broader'} { ${selection} }`;
  return `{ skill(id: "x") { ${selection} } }`;
}

describe('a registry facing hostile traffic', () => {
  let registry: TestRegistry;
  beforeAll(async () => {
    registry = await hardened();
    await registry.wipe();
    await ensureAdminKey(registry.services, ADMIN_KEY);
    await seedSkills(registry);
  });
  afterAll(() => registry.stop());

  it('refuses a query nested past the depth limit before it runs', async () => {
    const res = await registry.gql(deepSkillQuery(14));
    expect(res.errors?.[0]?.extensions).toMatchObject({
      code: 'QUERY_TOO_COMPLEX',
      limit: 'depth',
    });
    expect(res.data).toBeUndefined();
  });

  it('refuses a fan-out within the depth limit by its cost, and says the cost', async () => {
    const res = await registry.gql(deepSkillQuery(8));
    const ext = res.errors?.[0]?.extensions;
    expect(ext).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'cost', maxCost: 250_000 });
    expect(ext?.cost as number).toBeGreaterThan(250_000);
  });

  it('costs a list by its first argument, so a smaller page is accepted', async () => {
    const wide = `{ credentials(first: 100) { nodes { skills { skill { broader { id } related { skill { id } } } } } } }`;
    expect((await registry.gql(wide)).errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    const narrow = wide.replace('first: 100', 'first: 5');
    expect((await registry.gql(narrow)).errors).toBeUndefined();
  });

  it('refuses an alias bomb', async () => {
    const aliases = Array.from({ length: 1000 }, (_, i) => `a${i}: registry { skills }`).join(' ');
    const res = await raw(registry, { body: JSON.stringify({ query: `{ ${aliases} }` }) });
    expect(res.status).toBe(400);
    expect(codeOf(res.body)).toBe('GRAPHQL_PARSE_FAILED');
    const fewer = Array.from({ length: 40 }, (_, i) => `a${i}: registry { skills }`).join(' ');
    const refused = await registry.gql(`{ ${fewer} }`);
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      code: 'QUERY_TOO_COMPLEX',
      limit: 'aliases',
    });
  });

  it('answers a 10,000-level document with a coded 400, not a stack overflow', async () => {
    const query = `{ ${'skill(id: "x") { broader { '.repeat(5000)}id${' } }'.repeat(5000)} }`;
    const res = await raw(registry, { body: JSON.stringify({ query }) });
    expect(res.status).toBe(400);
    expect(codeOf(res.body)).toBe('GRAPHQL_PARSE_FAILED');
    expect(res.body).not.toMatch(/call stack/i);
  });

  it('answers a body over the limit with 413, whether announced or streamed', async () => {
    const big = JSON.stringify({ query: `{ registry { skills } }`, pad: 'x'.repeat(600 * 1024) });
    const announced = await raw(registry, { body: big });
    expect(announced.status).toBe(413);
    expect(codeOf(announced.body)).toBe('BAD_REQUEST');
    const chunks = Array.from({ length: 80 }, () => Buffer.from('x'.repeat(8 * 1024)));
    const streamed = await raw(registry, {
      headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
      body: chunks,
    });
    expect(streamed.status).toBe(413);
  });

  it('refuses malformed JSON, a wrong content type and a subscription over HTTP, coded', async () => {
    const malformed = await raw(registry, { body: '{"query": ' });
    expect([malformed.status, codeOf(malformed.body)]).toEqual([400, 'BAD_REQUEST']);
    const text = await raw(registry, {
      headers: { 'content-type': 'text/plain' },
      body: '{ registry { skills } }',
    });
    expect([text.status, codeOf(text.body)]).toEqual([415, 'BAD_REQUEST']);
    const sub = await raw(registry, {
      body: JSON.stringify({ query: 'subscription { credentialRegistered { id } }' }),
    });
    expect([sub.status, codeOf(sub.body)]).toEqual([400, 'BAD_REQUEST']);
  });

  it('refuses a present but invalid key on a public read', async () => {
    const res = await raw(registry, {
      headers: { 'content-type': 'application/json', authorization: 'Bearer cg_admin_nope' },
      body: JSON.stringify({ query: '{ registry { skills } }' }),
    });
    expect(res.status).toBe(401);
    expect(codeOf(res.body)).toBe('UNAUTHENTICATED');
  });

  it('refuses control and bidi-override characters and malformed ids, naming each field', async () => {
    const key = await registerProvider(registry, 'hygiene');
    const res = await registry.gql(
      `mutation($input: CredentialInput!) { registerCredential(input: $input) { created } }`,
      {
        input: {
          externalId: 'has space',
          title: 'Evil\u202Etxt.exe',
          description: 'nul\u0000byte',
          credentialType: 'BADGE',
          skills: [{ skillId: SKILLS.python, level: 2 }],
        },
      },
      key,
    );
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const paths = (res.errors?.[0]?.extensions?.fields as { path: string }[]).map((f) => f.path);
    expect(paths).toEqual(
      expect.arrayContaining(['input.externalId', 'input.title', 'input.description']),
    );
    const stored = await registry.services.db.runAutoCommit<{ n: number }>(
      'MATCH (c:Credential {providerId: "hygiene"}) RETURN count(c) AS n',
    );
    expect(stored[0]!.n).toBe(0);
  });

  it('names each invalid field without copying the input back', async () => {
    const key = await registerProvider(registry, 'echo');
    const huge = 'y'.repeat(100_000);
    const res = await raw(registry, {
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: JSON.stringify({
        query: `mutation($input: CredentialInput!) { registerCredential(input: $input) { created } }`,
        variables: {
          input: {
            externalId: 'e1',
            title: huge,
            providerLabel: huge,
            credentialType: 'BADGE',
            hours: -5,
          },
        },
      }),
    });
    expect(res.body.length).toBeLessThan(5_000);
    const error = (JSON.parse(res.body) as { errors: { extensions: Record<string, unknown> }[] })
      .errors[0]!;
    expect(error.extensions.code).toBe('BAD_USER_INPUT');
    const paths = (error.extensions.fields as { path: string }[]).map((f) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['title', 'providerLabel', 'hours']));
  });

  it('keeps an over-long string in a variable out of the error message', async () => {
    const res = await raw(registry, {
      body: JSON.stringify({
        query: `query($n: Int!) { search(text: "x", first: $n) { score } }`,
        variables: { n: 'z'.repeat(200_000) },
      }),
    });
    expect(res.body.length).toBeLessThan(2_000);
    expect(codeOf(res.body)).toBe('BAD_USER_INPUT');
    expect(res.status).toBe(400);
  });

  it('refuses a subscription selection past the limits at subscribe time', async () => {
    const client = createClient({
      url: registry.server.url.replace('http://', 'ws://'),
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      lazy: true,
    });
    let selection = 'id';
    for (let i = 0; i < 8; i++) selection = `skills { skill { credentials { ${selection} } } }`;
    const errors: unknown[] = [];
    await new Promise<void>((resolve) => {
      client.subscribe(
        { query: `subscription { credentialRegistered { ${selection} } }` },
        {
          next: () => undefined,
          error: (e) => {
            errors.push(e);
            resolve();
          },
          complete: resolve,
        },
      );
    });
    await client.dispose();
    expect(JSON.stringify(errors)).toMatch(/QUERY_TOO_COMPLEX/);
  });

  it('caps the subscriptions of one connection', async () => {
    const client = createClient({
      url: registry.server.url.replace('http://', 'ws://'),
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      lazy: true,
    });
    const outcomes: string[] = [];
    const disposers: (() => void)[] = [];
    const listening = () => registry.services.events.listening(CredentialEvents.REGISTERED);
    const before = listening();
    for (let i = 0; i < 4; i++) {
      disposers.push(
        client.subscribe(
          { query: 'subscription { credentialRegistered { id } }' },
          {
            next: () => undefined,
            error: (e) => outcomes.push(JSON.stringify(e)),
            complete: () => undefined,
          },
        ),
      );
    }
    // Settled once three are live and one is refused.
    await waitFor(
      () => listening() === before + 3 && outcomes.length === 1,
      'three live subscriptions and one refusal',
    );
    disposers.forEach((d) => d());
    await client.dispose();
    expect(outcomes).toHaveLength(1);
    expect(outcomes[0]).toMatch(/RATE_LIMITED/);
  });
});

describe('rate limits', () => {
  it('answers a burst over the budget with 429, Retry-After, RateLimit headers and a code', async () => {
    const registry = await hardened({ anonymousPointsPerMinute: 20 });
    try {
      const statuses: number[] = [];
      let refused: RawResponse | undefined;
      for (let i = 0; i < 30; i++) {
        const res = await raw(registry, {
          body: JSON.stringify({ query: '{ registry { skills } }' }),
        });
        statuses.push(res.status);
        if (res.status === 429) refused ??= res;
        else expect(res.headers['ratelimit-limit']).toBe('20');
      }
      expect(statuses.filter((s) => s === 200)).toHaveLength(20);
      expect(refused).toBeDefined();
      expect(Number(refused!.headers['retry-after'])).toBeGreaterThan(0);
      expect(refused!.headers['ratelimit-remaining']).toBe('0');
      expect(codeOf(refused!.body)).toBe('RATE_LIMITED');
    } finally {
      await registry.stop();
    }
  });

  it('counts clients behind a trusted proxy by their forwarded address, and ignores it otherwise', async () => {
    const spend = async (registry: TestRegistry, forwardedFor: string) =>
      (
        await fetch(registry.server.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
          body: JSON.stringify({ query: '{ registry { skills } }' }),
        })
      ).status;
    const behindProxy = await hardened({ anonymousPointsPerMinute: 2, trustedProxies: 1 });
    try {
      // Two clients behind one balancer: each has its own budget; what a client writes into
      // the header itself (the left entries) does not buy it a new one.
      expect([await spend(behindProxy, '10.0.0.1'), await spend(behindProxy, '10.0.0.1')]).toEqual([
        200, 200,
      ]);
      expect(await spend(behindProxy, 'forged, 10.0.0.1')).toBe(429);
      expect(await spend(behindProxy, '10.0.0.2')).toBe(200);
    } finally {
      await behindProxy.stop();
    }
    const direct = await hardened({ anonymousPointsPerMinute: 2 });
    try {
      const statuses = [];
      for (const address of ['10.0.0.1', '10.0.0.2', '10.0.0.3'])
        statuses.push(await spend(direct, address));
      expect(statuses).toEqual([200, 200, 429]);
    } finally {
      await direct.stop();
    }
  });

  it('lets only a few anonymous writes through per hour, and keys are not limited by them', async () => {
    const registry = await hardened({ anonymousWritesPerHour: 3 });
    try {
      const outcomes: unknown[] = [];
      for (let i = 0; i < 5; i++) {
        const res = await raw(registry, {
          body: JSON.stringify({ query: 'mutation { createLearner { learner { id } } }' }),
        });
        outcomes.push(res.status === 200 ? 'OK' : `${res.status} ${String(codeOf(res.body))}`);
      }
      expect(outcomes).toEqual(['OK', 'OK', 'OK', '429 RATE_LIMITED', '429 RATE_LIMITED']);
      const keyed = await registry.gql(
        'mutation { createLearner { learner { id } } }',
        undefined,
        ADMIN_KEY,
      );
      expect(keyed.errors).toBeUndefined();
    } finally {
      await registry.stop();
    }
  });
});

describe('CORS, production mode and response caps', () => {
  let registry: TestRegistry;
  beforeAll(async () => {
    registry = await hardened(
      {},
      { corsOrigins: ['https://advisor.example.org'], production: true },
    );
    await registry.wipe();
    await ensureAdminKey(registry.services, ADMIN_KEY);
    await seedSkills(registry);
  });
  afterAll(() => registry.stop());

  it('answers a preflight from a listed origin with 204 and the origin', async () => {
    const res = await raw(registry, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://advisor.example.org',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type, authorization',
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers['access-control-allow-origin']).toBe('https://advisor.example.org');
    expect(res.headers['access-control-allow-credentials']).toBeUndefined();
  });

  it('never reflects an unlisted origin', async () => {
    const res = await raw(registry, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example.com', 'access-control-request-method': 'POST' },
    });
    expect(res.status).toBe(204);
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('turns introspection and field suggestions off', async () => {
    const intro = await registry.gql('{ __schema { types { name } } }');
    expect(intro.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const typo = await registry.gql('{ registry { skils } }');
    expect(typo.errors?.[0]?.message).not.toMatch(/Did you mean/);
  });

  it('refuses an answer over the response cap with RESULT_TOO_LARGE', async () => {
    const capped = await hardened({ maxResponseBytes: 300 });
    try {
      const res = await capped.gql('{ skills(first: 100) { nodes { id label description } } }');
      expect(res.errors?.[0]?.extensions?.code).toBe('RESULT_TOO_LARGE');
      expect(res.data).toBeUndefined();
    } finally {
      await capped.stop();
    }
  });
});

describe('the request deadline', () => {
  it('abandons a request past its deadline with TIMEOUT', async () => {
    const registry = await hardened({ requestTimeoutMs: 1 });
    try {
      const res = await registry.gql('{ search(text: "data") { score } }');
      expect(res.errors?.[0]?.extensions?.code).toBe('TIMEOUT');
    } finally {
      await registry.stop();
    }
  });
});
