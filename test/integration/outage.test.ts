import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from '../../src/db/embedded-neo4j';
import { startTestRegistry, type TestRegistry } from '../helpers/registry';

async function readyStatus(registry: TestRegistry): Promise<number> {
  return (await fetch(registry.server.url.replace('/graphql', '/ready'))).status;
}

async function eventually<T>(
  probe: () => Promise<T>,
  accept: (value: T) => boolean,
  ms: number,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (accept(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

// Runs its own Neo4j so stopping it leaves the shared test database alone.
describe('when Neo4j goes away and comes back', () => {
  let dataDir: string;
  let neo4j: EmbeddedNeo4j;
  let registry: TestRegistry;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cg-outage-'));
    // Supervision off: this test stops and starts the server itself.
    neo4j = await startEmbeddedNeo4j({ dataDir, heapMb: 384, pageCacheMb: 32, supervise: false });
    registry = await startTestRegistry({
      neo4j: { mode: 'external', uri: neo4j.uri, user: 'neo4j', password: neo4j.password },
      neo4jRetryMs: 500,
    });
  });

  afterAll(async () => {
    await registry?.stop();
    await neo4j?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers SERVICE_UNAVAILABLE and a failing /ready while down, then recovers', async () => {
    expect((await registry.gql('{ registry { skills } }')).data).toEqual({
      registry: { skills: 0 },
    });
    expect(await readyStatus(registry)).toBe(200);

    await neo4j.stop();
    const down = await registry.gql('{ registry { skills } }');
    expect(down.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
    expect(JSON.stringify(down)).not.toMatch(/bolt|neo4j|cypher|MATCH/i);
    expect(await readyStatus(registry)).toBe(503);

    neo4j = await startEmbeddedNeo4j({
      dataDir,
      port: neo4j.port,
      heapMb: 384,
      pageCacheMb: 32,
      supervise: false,
    });
    expect(
      await eventually(
        () => readyStatus(registry),
        (s) => s === 200,
        30_000,
      ),
    ).toBe(200);
    const back = await eventually(
      () => registry.gql('{ registry { skills } }'),
      (r) => r.errors === undefined,
      30_000,
    );
    expect(back.data).toEqual({ registry: { skills: 0 } });
  });
});
