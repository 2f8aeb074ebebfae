// `npm run bench:hostile`: a legitimate client's p95 on the headline queries while the attack
// catalogue runs at 32 connections, divided by its p95 on the quiet registry (target <= 2x);
// peak RSS of Node and the JVM; crashes (target 0); the slowest refusal (target < 1 s).
// Loopback only, bounded in count and time; writes its section of BENCHMARKS.md.
import 'reflect-metadata';
import { fork } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { percentile, writeBenchmarkSection } from '../report';
import type { CrowdReport } from './attacker';
import { attackCatalogue, type Target } from './catalogue';
import { HOSTILE_ADMIN_KEY, runScript, sampleRss, startHostileTarget } from './registry';

const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 60);
const ATTACKERS = 32;

/** The legitimate client's mix: the headline queries a career-advice frontend sends. */
function legitimateQueries(t: Target): { name: string; query: string }[] {
  return [
    {
      name: 'skillGap',
      query: `{ skillGap(roleId: "${t.roleId}", learnerId: null, skills: [{ skillId: "${t.skillId}", level: 2 }]) { coverage missing { skill { id label } } } }`,
    },
    {
      name: 'gapClosingPlan',
      query: `{ gapClosingPlan(roleId: "${t.roleId}", skills: []) { totalHours steps { credential { id } } } }`,
    },
    {
      name: 'equivalents',
      query: `{ equivalents(credentialId: "${t.credentialId}") { score credential { id } } }`,
    },
    {
      name: 'stackingPaths',
      query: `{ stackingPaths(from: "${t.credentialId}", direction: DOWN) { totalHours steps { credential { id } } } }`,
    },
    {
      name: 'catalogue page',
      query: `{ credentials(first: 20) { nodes { id title provider { name } skills { skill { label } } } } }`,
    },
  ];
}

async function legitimatePass(t: Target): Promise<{ p95: number; p50: number; errors: number }> {
  const times: number[] = [];
  let errors = 0;
  const queries = legitimateQueries(t);
  for (let i = 0; i < SAMPLES; i++) {
    for (const q of queries) {
      const started = performance.now();
      const res = await fetch(t.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${HOSTILE_ADMIN_KEY}`,
        },
        body: JSON.stringify({ query: q.query }),
      });
      const body = (await res.json()) as { errors?: unknown[] };
      times.push(performance.now() - started);
      if (body.errors) errors++;
    }
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), errors };
}

async function main(): Promise<number> {
  const { registry, target } = await startHostileTarget('hostile-bench-neo4j');
  const rss = sampleRss(registry);
  try {
    await legitimatePass(target); // warm-up: plans compiled, caches filled
    const quiet = await legitimatePass(target);
    process.stdout.write(`quiet: p50 ${quiet.p50.toFixed(1)} ms, p95 ${quiet.p95.toFixed(1)} ms\n`);

    const crowd = fork(path.join(__dirname, 'attacker.js'), [
      JSON.stringify(target),
      String(ATTACKERS),
    ]);
    const reported = new Promise<CrowdReport>((resolve) =>
      crowd.on('message', (m) => {
        if (typeof m === 'object') resolve(m as unknown as CrowdReport);
      }),
    );
    await new Promise<void>((resolve) => crowd.once('message', () => resolve()));
    const loud = await legitimatePass(target);
    crowd.send('stop');
    const attacked = await reported;
    process.stdout.write(
      `under attack: p50 ${loud.p50.toFixed(1)} ms, p95 ${loud.p95.toFixed(1)} ms\n`,
    );

    const health = await fetch(target.url.replace('/graphql', '/health'));
    const unhandled = Object.values(attacked.unhandled).reduce((s, n) => s + n, 0);
    for (const [kind, n] of Object.entries(attacked.unhandled)) {
      process.stdout.write(`unhandled x${n}: ${kind}\n`);
    }
    const crashes = (registry.embedded?.restarts ?? 0) + (health.status === 200 ? 0 : 1);
    const ratio = loud.p95 / quiet.p95;
    const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
    const report = `## Under attack

Command: \`npm run bench:hostile\` (BENCH_SAMPLES=${SAMPLES}). Date: ${new Date().toISOString().slice(0, 10)}.
Machine: ${os.cpus().length} cores (${cpu}), Node ${process.version}; the registry as it ships (default limits),
embedded Neo4j (heap 1 GiB), demo catalogue. A legitimate client with an API key sends the headline
queries and a catalogue page one after another (${SAMPLES} rounds of 5), first on a quiet registry, then
while ${ATTACKERS} connections from another process replay the attack catalogue (${attackCatalogue().length} attacks: deep fan-out, alias and
directive bombs, duplicate fields, huge and chunked bodies, batches, malformed JSON and content types,
bad keys, control characters, Lucene specials, bursts, subscription amplification).

| figure | value | target |
| --- | ---: | --- |
| legitimate p95, quiet | ${quiet.p95.toFixed(1)} ms | |
| legitimate p95, under attack | ${loud.p95.toFixed(1)} ms | |
| ratio | ${ratio.toFixed(2)}x | <= 2x: ${ratio <= 2 ? 'met' : 'missed'} |
| legitimate errors under attack | ${loud.errors} | 0 |
| attack requests answered | ${attacked.requests} | |
| answers neither refused with a code nor correct | ${unhandled} | 0 |
| slowest refusal | ${attacked.slowestRefusalMs.toFixed(0)} ms (${attacked.slowestRefusal || '-'}) | < 1000 ms: ${attacked.slowestRefusalMs < 1000 ? 'met' : 'missed'} |
| peak RSS, Node | ${rss.peak.node.toFixed(0)} MiB | |
| peak RSS, JVM | ${rss.peak.jvm.toFixed(0)} MiB | |
| crashes (JVM restarts, failed /health) | ${crashes} | 0 |

Answers to the attacks by code: ${Object.entries(attacked.byCode)
      .sort((a, b) => b[1] - a[1])
      .map(([code, n]) => `${code} ${n}`)
      .join(', ')}.
`;
    writeBenchmarkSection('hostile', report);
    process.stdout.write(report);
    return unhandled === 0 && crashes === 0 ? 0 : 1;
  } finally {
    rss.stop();
    await registry.stop();
  }
}

runScript(main);
