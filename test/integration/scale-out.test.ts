import net from 'node:net';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { ensureAdminKey } from '../../src/auth/bootstrap';
import { CredentialEvents } from '../../src/credential/credential.events';
import { ADMIN_KEY, registerCredential, registerProvider } from '../helpers/fixtures';
import { startTestRedis, type TestRedis } from '../helpers/redis';
import { startTestRegistry, testConfig, type TestRegistry } from '../helpers/registry';
import { waitFor } from '../helpers/wait';

/** Two instances on one Neo4j and one Redis, as behind a load balancer. */
describe('two instances sharing Redis', () => {
  let redis: TestRedis;
  let a: TestRegistry;
  let b: TestRegistry;
  let key: string;
  let subscriber: Client;
  const received: string[] = [];

  const base = (r: TestRegistry) => r.server.url.replace('/graphql', '');
  const ready = async (r: TestRegistry) => (await fetch(`${base(r)}/ready`)).json() as Promise<any>;
  /** B's subscription is live once B listens and Redis counts B's subscription to the topic. */
  const subscribedOnB = async () =>
    b.services.events.listening(CredentialEvents.REGISTERED) > 0 &&
    (await redis.subscribers(CredentialEvents.REGISTERED)) > 0;

  beforeAll(async () => {
    redis = await startTestRedis();
    const limits = { ...testConfig().limits, anonymousPointsPerMinute: 20 };
    const shared = { redisUrl: redis.url, limits };
    a = await startTestRegistry(shared, {
      onDatabaseReady: (services) => ensureAdminKey(services, ADMIN_KEY),
    });
    await a.wipe();
    await ensureAdminKey(a.services, ADMIN_KEY);
    b = await startTestRegistry(shared);
    key = await registerProvider(a, 'uni');
    subscriber = createClient({
      url: b.server.url.replace('http://', 'ws://'),
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${key}` },
      retryAttempts: 0,
      lazy: true,
    });
    const iterator = subscriber.iterate({
      query: 'subscription { credentialRegistered(providerId: "uni") { id } }',
    });
    void (async () => {
      for await (const event of iterator) {
        received.push((event.data as any).credentialRegistered.id);
      }
    })();
    await waitFor(subscribedOnB, "B's subscription with Redis");
  });
  afterAll(async () => {
    await subscriber.dispose();
    await a.stop();
    await b.stop();
    await redis.stop();
  });

  it('tells a subscriber on B of a credential registered on A', async () => {
    await registerCredential(a, key, { externalId: 'one', title: 'Registered on A' });
    await waitFor(() => received.includes('uni:one'), 'the event on B');
    expect(await ready(a)).toMatchObject({ status: 'ready', redis: 'reachable' });
  });

  it('drops a message on its channel that it cannot read, and keeps delivering', async () => {
    // Someone else publishes on the registry's channel (inline Redis protocol over a socket).
    const port = Number(new URL(redis.url).port);
    await new Promise<void>((resolve, reject) => {
      const socket = net.connect(port, '127.0.0.1', () =>
        socket.write('PUBLISH CREDENTIAL_REGISTERED not-json\r\n'),
      );
      socket.once('data', () => {
        socket.destroy();
        resolve();
      });
      socket.once('error', reject);
    });
    await registerCredential(a, key, { externalId: 'after-noise', title: 'After noise' });
    await waitFor(() => received.includes('uni:after-noise'), 'the event after the noise');
  });

  it('hands out bookmarks so a read through B sees a write made through A', async () => {
    const post = (r: TestRegistry, query: string, headers: Record<string, string> = {}) =>
      fetch(r.server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${key}`, ...headers },
        body: JSON.stringify({ query }),
      });
    const write = await post(
      a,
      'mutation { registerCredential(input: {externalId: "causal", title: "Causal read", credentialType: BADGE}) { credential { id } } }',
    );
    const written = (await write.json()) as any;
    const [bookmark] = written.extensions.bookmarks as string[];
    expect(bookmark).toEqual(expect.any(String));
    expect(write.headers.get('x-bookmark')).toBe(bookmark);
    const read = await post(b, '{ credential(id: "uni:causal") { title } }', {
      'x-bookmark': bookmark!,
    });
    const answer = (await read.json()) as any;
    expect(answer.data.credential).toEqual({ title: 'Causal read' });
    expect(answer.extensions.bookmarks).toEqual([bookmark]);
    const malformed = await post(b, '{ registry { credentials } }', {
      'x-bookmark': 'not a bookmark!',
    });
    expect(malformed.status).toBe(400);
    const foreign = await post(b, '{ registry { credentials } }', { 'x-bookmark': 'FB:nothing' });
    expect(((await foreign.json()) as any).errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('keeps writing through a Redis outage, says what is degraded, and resumes events after', async () => {
    await redis.stop();
    await waitFor(async () => (await ready(a)).redis === 'unreachable', 'A to see Redis gone');
    const degraded = await ready(a);
    expect(degraded.status).toBe('ready');
    expect(degraded.degraded).toEqual([
      'events stay on this instance',
      'rate limits count per instance',
    ]);
    // The write succeeds; its event cannot cross to B and is counted as lost.
    await registerCredential(a, key, { externalId: 'during', title: 'Registered during outage' });
    expect((await a.gql('{ credential(id: "uni:during") { id } }')).data.credential).toEqual({
      id: 'uni:during',
    });
    await redis.start();
    await waitFor(
      async () => (await ready(a)).redis === 'reachable' && (await ready(b)).redis === 'reachable',
      'both instances to reach Redis again',
    );
    // B subscribes again by itself: the next registration on A reaches it.
    await waitFor(subscribedOnB, "B's subscription with Redis again", 15_000);
    await registerCredential(a, key, { externalId: 'after', title: 'Registered after' });
    await waitFor(() => received.includes('uni:after'), 'the event after the outage on B');
    expect(received).not.toContain('uni:during');
  });

  it('limits a client over its budget on A on B too', async () => {
    const query = '{ registry { credentials } }';
    let refused = 0;
    for (let i = 0; i < 25 && refused === 0; i++) {
      const res = await fetch(a.server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query }),
      });
      if (res.status === 429) refused++;
    }
    expect(refused).toBe(1);
    const onB = await fetch(b.server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query }),
    });
    expect(onB.status).toBe(429);
    expect(((await onB.json()) as any).errors[0].extensions.code).toBe('RATE_LIMITED');
  });

  it('answers /metrics in the Prometheus format with what happened', async () => {
    const res = await fetch(`${base(a)}/metrics`);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await res.text();
    const value = (pattern: RegExp) => Number(pattern.exec(text)?.[1] ?? NaN);
    expect(
      value(/^cg_graphql_requests_total\{operation="anonymous",outcome="ok"\} (\d+)/m),
    ).toBeGreaterThan(0);
    expect(value(/^cg_errors_total\{code="RATE_LIMITED"\} (\d+)/m)).toBeGreaterThan(0);
    expect(value(/^cg_rate_limit_refusals_total\{budget="anonymous"\} (\d+)/m)).toBeGreaterThan(0);
    expect(
      value(/^cg_neo4j_round_trips_total\{query="credential\/upsert"\} (\d+)/m),
    ).toBeGreaterThan(0);
    expect(
      value(/^cg_neo4j_transaction_duration_seconds_count\{mode="WRITE"\} (\d+)/m),
    ).toBeGreaterThan(0);
    expect(
      value(/^cg_events_published_total\{topic="CREDENTIAL_REGISTERED"\} (\d+)/m),
    ).toBeGreaterThan(0);
    expect(value(/^cg_events_lost_total\{topic="CREDENTIAL_REGISTERED"\} (\d+)/m)).toBeGreaterThan(
      0,
    );
    expect(value(/^cg_redis_up (\d+)/m)).toBe(1);
    expect(text).toMatch(/^cg_embedded_neo4j_restarts_total \d+/m);
    const onB = await (await fetch(`${base(b)}/metrics`)).text();
    expect(Number(/^cg_subscriptions_open (\d+)/m.exec(onB)?.[1])).toBe(1);
    expect(
      Number(/^cg_event_delivery_lag_seconds_count\{topic="redis"\} (\d+)/m.exec(onB)?.[1]),
    ).toBeGreaterThan(0);
  });
});
