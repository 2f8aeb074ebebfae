import fs from 'node:fs';
import path from 'node:path';
import { seedDemoIfEmpty } from '../../seed/load-demo';
import { startRegistry, type Registry } from '../../src/app';
import { ensureAdminKey } from '../../src/auth/bootstrap';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/lib/logger';
import { projectRoot } from '../../src/lib/paths';
import { rssMiB } from '../report';
import type { Target } from './catalogue';

/** The key the legitimate client of the hostile benchmark uses. */
export const HOSTILE_ADMIN_KEY = 'cg_admin_hostile-benchmark-key-0123456789';

/**
 * A registry as it ships (default limits), on its own embedded Neo4j in .data/<name> (wiped),
 * with the demo catalogue: the target of the hostile run and benchmark.
 */
export async function startHostileTarget(
  name: string,
): Promise<{ registry: Registry; target: Target }> {
  const dataDir = path.join(projectRoot, '.data', name);
  fs.rmSync(dataDir, { recursive: true, force: true });
  const config = loadConfig({
    ...process.env,
    NEO4J_URI: '',
    NEO4J_DATA_DIR: dataDir,
    NEO4J_HEAP_MB: '1024',
    NEO4J_PAGECACHE_MB: '256',
    PORT: '0',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'error',
    SEED_DEMO: 'true',
  });
  const logger = createLogger(config.logLevel);
  const registry = await startRegistry(config, logger, {
    onDatabaseReady: async (services) => {
      await ensureAdminKey(services, HOSTILE_ADMIN_KEY);
      await seedDemoIfEmpty(services);
    },
  });
  await registry.ready;
  return {
    registry,
    target: {
      url: registry.server.url,
      credentialId: 'northbridge-university:ds-micromasters',
      skillId: 'http://data.europa.eu/esco/skill/0005c151-5b5a-4a66-8aac-60e734beb1ab',
      roleId: 'http://data.europa.eu/esco/occupation/d3edb8f8-3a06-47a0-8fb9-9b212c006aa2',
    },
  };
}

/** Samples the peak resident memory of Node and of the embedded JVM every `everyMs`. */
export function sampleRss(registry: Registry, everyMs = 250) {
  const peak = { node: 0, jvm: 0 };
  const timer = setInterval(() => {
    peak.node = Math.max(peak.node, rssMiB(process.pid));
    if (registry.embedded) peak.jvm = Math.max(peak.jvm, rssMiB(registry.embedded.pid));
  }, everyMs);
  return { peak, stop: () => clearInterval(timer) };
}

/** Runs a script's main and exits with its code (1 and the stack on an exception). */
export function runScript(main: () => Promise<number>): void {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(
        `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
      process.exit(1);
    },
  );
}
