import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import type { TestRegistry } from '../helpers/registry';
import {
  SKILLS,
  registerCredential,
  registerProvider,
  seedSkills,
  startRegistryWithAdmin,
  REGISTER,
} from '../helpers/fixtures';

function wsClient(registry: TestRegistry, key?: string): Client {
  return createClient({
    url: registry.server.url.replace('http://', 'ws://'),
    webSocketImpl: WebSocket,
    connectionParams: key ? { authorization: `Bearer ${key}` } : {},
    retryAttempts: 0,
    lazy: true,
  });
}

/** The bus topic each subscription field listens to. */
const TOPICS = {
  credentialRegistered: 'CREDENTIAL_REGISTERED',
  credentialChanged: 'CREDENTIAL_CHANGED',
  equivalenceDeclared: 'EQUIVALENCE_DECLARED',
} as const;

/**
 * Collects the events of one subscription until stopped. `started` resolves once the registry
 * counts one more listener on the field's topic: the subscription is live (a signal, not a wait).
 */
function collect(
  client: Client,
  query: string,
  variables: Record<string, unknown> = {},
  on?: { registry: TestRegistry; field: keyof typeof TOPICS },
) {
  const events: any[] = [];
  const errors: unknown[] = [];
  const listening = () =>
    on ? on.registry.services.events.listening(TOPICS[on.field]) : Number.NaN;
  const before = listening();
  const iterator = client.iterate({ query, variables });
  void (async () => {
    try {
      for await (const event of iterator) events.push(event);
    } catch (error) {
      errors.push(error);
    }
  })();
  let live = Number.NaN;
  // Without a registry to ask, there is nothing to wait for (a refused connection never listens).
  const started = on
    ? waitFor(() => listening() > before).then(() => {
        live = listening();
        if (!(live > before)) throw new Error('The subscription never started listening.');
      })
    : Promise.resolve();
  /** Completes the subscription and waits until the registry stops listening for it. */
  const stop = async () => {
    await iterator.return?.();
    if (on) await waitFor(() => listening() < live);
  };
  return { events, errors, started, stop };
}

/** Resolves when `check` holds (looked at every 20 ms), or after `ms` whatever it says. */
async function waitFor(check: () => boolean, ms = 5_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
}

describe('subscriptions over graphql-ws', () => {
  let registry: TestRegistry;
  let uniKey: string;
  let client: Client;

  beforeAll(async () => {
    registry = await startRegistryWithAdmin();
    await seedSkills(registry);
    uniKey = await registerProvider(registry, 'uni');
    await registerProvider(registry, 'other');
    client = wsClient(registry, uniKey);
  });
  afterAll(async () => {
    await client.dispose();
    await registry.stop();
  });

  it('receives credentialRegistered after a registration commits, and nothing for one that failed', async () => {
    const sub = collect(
      client,
      `subscription { credentialRegistered(providerId: "uni") { id title provider { id } skills { skill { id } } } }`,
      {},
      { registry, field: 'credentialRegistered' },
    );
    await sub.started;
    const failed = await registry.gql(
      REGISTER,
      {
        input: {
          externalId: 'bad',
          title: 'Bad',
          credentialType: 'BADGE',
          skills: [{ skillId: 'unknown' }],
        },
      },
      uniKey,
    );
    expect(failed.errors).toBeDefined();
    await registerCredential(registry, uniKey, {
      externalId: 'sub-1',
      title: 'Subscribed',
      skills: [{ skillId: SKILLS.sql }],
    });
    await waitFor(() => sub.events.length >= 1);
    expect(sub.events).toEqual([
      {
        data: {
          credentialRegistered: {
            id: 'uni:sub-1',
            title: 'Subscribed',
            provider: { id: 'uni' },
            skills: [{ skill: { id: SKILLS.sql } }],
          },
        },
      },
    ]);
    // A repeat registration changes nothing, so it is no new event either: the next event is
    // the next registration's (events arrive in the order they were published).
    await registerCredential(registry, uniKey, {
      externalId: 'sub-1',
      title: 'Subscribed',
      skills: [{ skillId: SKILLS.sql }],
    });
    await registerCredential(registry, uniKey, { externalId: 'sub-2', title: 'Next' });
    await waitFor(() => sub.events.length >= 2);
    expect(sub.events.map((e) => e.data.credentialRegistered.id)).toEqual([
      'uni:sub-1',
      'uni:sub-2',
    ]);
    await sub.stop();
  });

  it('filters credentialRegistered by skill', async () => {
    const sub = collect(
      client,
      `subscription($s: ID) { credentialRegistered(skillId: $s) { id } }`,
      { s: SKILLS.python },
      { registry, field: 'credentialRegistered' },
    );
    await sub.started;
    await registerCredential(registry, uniKey, {
      externalId: 'no-python',
      skills: [{ skillId: SKILLS.sql }],
    });
    await registerCredential(registry, uniKey, {
      externalId: 'python',
      skills: [{ skillId: SKILLS.python }],
    });
    await registerCredential(registry, uniKey, {
      externalId: 'python-2',
      skills: [{ skillId: SKILLS.python }],
    });
    await waitFor(() => sub.events.length >= 2);
    // The SQL-only credential, registered first, never came through the filter.
    expect(sub.events.map((e) => e.data.credentialRegistered.id)).toEqual([
      'uni:python',
      'uni:python-2',
    ]);
    await sub.stop();
  });

  it('sends credentialChanged on update and retirement, with fresh data', async () => {
    const sub = collect(
      client,
      `subscription { credentialChanged(credentialId: "uni:python") { status hours } }`,
      {},
      { registry, field: 'credentialChanged' },
    );
    await sub.started;
    await registry.gql(
      `mutation { updateCredential(id: "uni:python", input: {hours: 12}) { changed } }`,
      {},
      uniKey,
    );
    await registry.gql(`mutation { retireCredential(id: "uni:python") { id } }`, {}, uniKey);
    await waitFor(() => sub.events.length >= 2);
    expect(sub.events.map((e) => e.data.credentialChanged)).toEqual([
      { status: 'ACTIVE', hours: 12 },
      { status: 'RETIRED', hours: 12 },
    ]);
    await sub.stop();
  });

  it('sends equivalenceDeclared', async () => {
    const other = await registerProvider(registry, 'third');
    await registerCredential(registry, other, { externalId: 'eq' });
    const sub = collect(
      client,
      `subscription { equivalenceDeclared(credentialId: "third:eq") { mutual credential { id } other { id } assertion { assertedBy note } } }`,
      {},
      { registry, field: 'equivalenceDeclared' },
    );
    await sub.started;
    await registry.gql(
      `mutation { declareEquivalence(credentialId: "uni:sub-1", otherId: "third:eq", note: "same") { mutual } }`,
      {},
      uniKey,
    );
    await waitFor(() => sub.events.length >= 1);
    expect(sub.events[0].data.equivalenceDeclared).toEqual({
      mutual: false,
      credential: { id: 'uni:sub-1' },
      other: { id: 'third:eq' },
      assertion: { assertedBy: 'uni', note: 'same' },
    });
    await sub.stop();
  });

  it('refuses a connection whose key is unknown', async () => {
    const bad = wsClient(registry, 'cg_prov_forged');
    const sub = collect(bad, `subscription { credentialRegistered { id } }`);
    await waitFor(() => sub.errors.length > 0);
    expect(sub.errors).toHaveLength(1);
    expect(String((sub.errors[0] as { code?: number }).code ?? sub.errors[0])).toMatch(
      /4403|Forbidden/,
    );
    await bad.dispose();
  });
});
