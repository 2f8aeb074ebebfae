import { runCatalogue } from '../../bench/hostile/catalogue';
import { seedDemoIfEmpty } from '../../seed/load-demo';
import { loadConfig } from '../../src/config';
import { startTestRegistry, testConfig, type TestRegistry } from '../helpers/registry';

// The short form of `npm run test:hostile`: the whole attack catalogue once, against a registry
// with the limits it ships with (not the generous ones of the functional tests).
describe('the attack catalogue', () => {
  let registry: TestRegistry;
  beforeAll(async () => {
    const shipped = loadConfig({});
    registry = await startTestRegistry({
      limits: shipped.limits,
      production: false,
      neo4j: testConfig().neo4j,
    });
    await registry.wipe();
    await seedDemoIfEmpty(registry.services);
  });
  afterAll(() => registry.stop());

  it('is answered with a coded refusal or a correct result, and the registry survives', async () => {
    const rssBefore = process.memoryUsage().rss;
    const summary = await runCatalogue(
      {
        url: registry.server.url,
        credentialId: 'northbridge-university:ds-micromasters',
        skillId: 'http://data.europa.eu/esco/skill/0005c151-5b5a-4a66-8aac-60e734beb1ab',
        roleId: 'http://data.europa.eu/esco/occupation/d3edb8f8-3a06-47a0-8fb9-9b212c006aa2',
      },
      { rounds: 2, concurrency: 4, maxMs: 120_000 },
    );
    process.stdout.write(`hostile (short): ${JSON.stringify(summary.byCode)}\n`);
    expect(summary.failures).toEqual([]);
    expect(summary.requests).toBeGreaterThanOrEqual(40);
    expect(summary.slowestRefusalMs).toBeLessThan(5_000);
    const health = await fetch(registry.server.url.replace('/graphql', '/health'));
    expect(health.status).toBe(200);
    // Refusals hold nothing big: the process stays within a bounded amount of extra memory.
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(400 * 1024 * 1024);
  });
});
