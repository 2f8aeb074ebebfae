// `npm run test:hostile`: the whole attack catalogue, many rounds at 8 connections, against a
// registry as it ships (its own embedded Neo4j, demo data), on loopback. Exits 1 when any answer
// is neither a coded refusal nor a correct result, or when the registry does not survive.
import 'reflect-metadata';
import { runCatalogue } from './catalogue';
import { runScript, sampleRss, startHostileTarget } from './registry';

async function main(): Promise<number> {
  const rounds = Number(process.env.HOSTILE_ROUNDS ?? 20);
  const { registry, target } = await startHostileTarget('hostile-neo4j');
  const rss = sampleRss(registry);
  try {
    const started = Date.now();
    const summary = await runCatalogue(target, { rounds, concurrency: 8, maxMs: 300_000 });
    const health = await fetch(target.url.replace('/graphql', '/health'));
    process.stdout.write(
      `${summary.requests} attack requests in ${((Date.now() - started) / 1000).toFixed(1)} s\n` +
        `answers: ${JSON.stringify(summary.byCode)}\n` +
        `slowest refusal: ${summary.slowestRefusalMs.toFixed(0)} ms (${summary.slowestRefusal})\n` +
        `peak RSS: Node ${rss.peak.node.toFixed(0)} MiB, JVM ${rss.peak.jvm.toFixed(0)} MiB; ` +
        `JVM restarts ${registry.embedded?.restarts ?? 0}; /health ${health.status}\n`,
    );
    for (const f of summary.failures.slice(0, 20)) {
      process.stdout.write(`FAILED ${f.attack}: ${f.failure}\n`);
    }
    const ok =
      summary.failures.length === 0 &&
      health.status === 200 &&
      (registry.embedded?.restarts ?? 0) === 0;
    process.stdout.write(ok ? 'hostile run: all answers handled\n' : 'hostile run: FAILED\n');
    return ok ? 0 : 1;
  } finally {
    rss.stop();
    await registry.stop();
  }
}

runScript(main);
