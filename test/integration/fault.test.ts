import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureAdminKey } from '../../src/auth/bootstrap';
import { ADMIN_KEY, REGISTER, registerProvider, seedSkills, SKILLS } from '../helpers/fixtures';
import { startTestRegistry, type TestRegistry } from '../helpers/registry';

interface Attempt {
  externalId: string;
  startedAt: number;
  ms: number;
  outcome: string;
}

async function status(registry: TestRegistry, endpoint: '/ready' | '/health'): Promise<number> {
  return (await fetch(registry.server.url.replace('/graphql', endpoint))).status;
}

// Its own supervised embedded Neo4j, so killing it leaves the shared test database alone.
describe('when the embedded Neo4j is killed under write load', () => {
  let dataDir: string;
  let registry: TestRegistry;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cg-fault-'));
    registry = await startTestRegistry(
      {
        neo4j: { mode: 'embedded', dataDir, port: 0, heapMb: 384, pageCacheMb: 32 },
        healthGraceMs: 120_000,
        // In-flight writes stop retrying soon, so the writers go on sending during the outage.
        neo4jRetryMs: 500,
      },
      { onDatabaseReady: (services) => ensureAdminKey(services, ADMIN_KEY) },
    );
  });

  afterAll(async () => {
    await registry?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('loses no acknowledged write, leaves nothing half-made, fails fast and recovers alone', async () => {
    await seedSkills(registry);
    const key = await registerProvider(registry, 'fault');
    const skills = [SKILLS.python, SKILLS.sql, SKILLS.statistics].map((skillId) => ({
      skillId,
      level: 2,
    }));
    const attempts: Attempt[] = [];
    const healthDuringOutage: number[] = [];
    let next = 0;
    let stop = false;
    let killedAt = 0;
    const deadline = Date.now() + 150_000;

    const writer = async () => {
      while (!stop && next < 5000 && Date.now() < deadline) {
        const externalId = `c-${next++}`;
        const startedAt = Date.now();
        let outcome: string;
        try {
          const res = await registry.gql(
            REGISTER,
            { input: { externalId, title: externalId, credentialType: 'BADGE', skills } },
            key,
          );
          outcome = res.errors
            ? String(res.errors[0]?.extensions?.code)
            : res.data.registerCredential.created
              ? 'ACKED'
              : 'UNCHANGED';
        } catch {
          outcome = 'NETWORK';
        }
        attempts.push({ externalId, startedAt, ms: Date.now() - startedAt, outcome });
        if (outcome !== 'ACKED') await new Promise((resolve) => setTimeout(resolve, 100));
      }
    };
    const writers = Array.from({ length: 4 }, () => writer());

    while (attempts.filter((a) => a.outcome === 'ACKED').length < 30) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const killed = registry.embedded!.pid;
    killedAt = Date.now();
    process.kill(killed, 'SIGKILL');

    // Recovery by itself: the supervisor restarts the JVM and /ready turns 200 again.
    let ready = 0;
    while (Date.now() < deadline) {
      healthDuringOutage.push(await status(registry, '/health'));
      ready = await status(registry, '/ready');
      if (ready === 200 && registry.embedded!.restarts === 1) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const recoveredAt = Date.now();
    expect(ready).toBe(200);
    expect(registry.embedded!.pid).not.toBe(killed);

    // Writes go through again after recovery.
    while (
      attempts.filter((a) => a.outcome === 'ACKED' && a.startedAt > recoveredAt).length < 10 &&
      Date.now() < deadline
    ) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    stop = true;
    await Promise.all(writers);

    const acked = attempts.filter((a) => a.outcome === 'ACKED').map((a) => a.externalId);
    const afterRecovery = attempts.filter(
      (a) => a.outcome === 'ACKED' && a.startedAt > recoveredAt,
    );
    expect(afterRecovery.length).toBeGreaterThanOrEqual(10);

    // While down, requests fail fast and coded: no request that started after the JVM was seen
    // dying waited for the database. The outage ends, for the writers, when the first write after
    // the kill is acknowledged (the probe loop above notices recovery up to a poll later, so its
    // clock alone would count writes the database already took as made during the outage).
    const firstAckAfterKill = Math.min(
      ...attempts
        .filter((a) => a.outcome === 'ACKED' && a.startedAt > killedAt)
        .map((a) => a.startedAt),
    );
    const outageEnd = Math.min(recoveredAt - 500, firstAckAfterKill);
    const duringOutage = attempts.filter(
      (a) => a.startedAt > killedAt + 500 && a.startedAt < outageEnd,
    );
    expect(duringOutage.length).toBeGreaterThan(0);
    for (const a of duringOutage) {
      expect(a.outcome).toBe('SERVICE_UNAVAILABLE');
      expect(a.ms).toBeLessThan(1000);
    }
    expect(healthDuringOutage.every((s) => s === 200)).toBe(true);

    // Every acknowledged write is there, whole; nothing stored is half-made.
    const rows = await registry.services.db.runAutoCommit<{ externalId: string; skills: number }>(
      `MATCH (c:Credential {providerId: 'fault'})
       RETURN c.externalId AS externalId, COUNT { (c)-[:TEACHES]->() } AS skills`,
    );
    const stored = new Map(rows.map((r) => [r.externalId, r.skills]));
    for (const id of acked) expect(stored.get(id)).toBe(3);
    for (const [id, count] of stored) {
      expect(attempts.some((a) => a.externalId === id)).toBe(true);
      expect(count).toBe(3);
    }
    process.stdout.write(
      `fault test: ${attempts.length} writes, ${acked.length} acknowledged, ` +
        `${duringOutage.length} refused while down (slowest ${Math.max(...duringOutage.map((a) => a.ms))} ms), ` +
        `recovered in ${recoveredAt - killedAt} ms\n`,
    );
  });
});
