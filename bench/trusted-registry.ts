import fs from 'node:fs';
import path from 'node:path';
import { startRegistry, type Registry } from '../src/app';
import { ensureAdminKey } from '../src/auth/bootstrap';
import { loadConfig } from '../src/config';
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from '../src/db/embedded-neo4j';
import type { Logger } from '../src/lib/logger';
import { projectRoot } from '../src/lib/paths';

/**
 * A registry on a fresh embedded Neo4j in .data/<name> (wiped), with no demo data and limits that
 * let one trusted client measure (no rate limits, no transaction timeout), and an admin key.
 * Stop the registry, then the database.
 */
export async function startTrustedRegistry(options: {
  name: string;
  adminKey: string;
  logger: Logger;
  heapMb: number;
  pageCacheMb: number;
}): Promise<{ registry: Registry; neo4j: EmbeddedNeo4j }> {
  const { name, adminKey, logger, heapMb, pageCacheMb } = options;
  const dataDir = path.join(projectRoot, '.data', name);
  fs.rmSync(dataDir, { recursive: true, force: true });
  const neo4j = await startEmbeddedNeo4j({ dataDir, heapMb, pageCacheMb, logger });
  const config = loadConfig({
    NEO4J_URI: neo4j.uri,
    NEO4J_PASSWORD: neo4j.password,
    PORT: '0',
    LOG_LEVEL: 'warn',
    SEED_DEMO: 'false',
    // One trusted client measuring latency, not a crowd.
    RATE_LIMIT_KEY_POINTS: '100000000',
    RATE_LIMIT_ANONYMOUS_POINTS: '100000000',
    NEO4J_TX_TIMEOUT_MS: '0',
  });
  const registry = await startRegistry(config, logger, {
    onDatabaseReady: (services) => ensureAdminKey(services, adminKey),
  });
  await registry.ready;
  return { registry, neo4j };
}
