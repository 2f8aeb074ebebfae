import fs from 'node:fs';
import path from 'node:path';
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from '../../src/db/embedded-neo4j';
import { createLogger } from '../../src/lib/logger';
import { projectRoot } from '../../src/lib/paths';

declare global {
  var __EMBEDDED_NEO4J__: EmbeddedNeo4j | undefined;
}

/** The store of the test Neo4j: one per run (two runs at once never share one), removed after. */
export const testDataDir = path.join(projectRoot, '.data', `test-neo4j-${process.pid}`);

/**
 * Starts one embedded Neo4j for the whole run, or uses NEO4J_URI when it is set, and hands the
 * Bolt URI to the tests as TEST_NEO4J_URI.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.NEO4J_URI) {
    process.env.TEST_NEO4J_URI = process.env.NEO4J_URI;
    process.env.TEST_NEO4J_PASSWORD = process.env.NEO4J_PASSWORD ?? '';
    return;
  }
  fs.rmSync(testDataDir, { recursive: true, force: true });
  const started = Date.now();
  const neo4j = await startEmbeddedNeo4j({
    dataDir: testDataDir,
    heapMb: 1024,
    pageCacheMb: 256,
    logger: createLogger(process.env.LOG_LEVEL === 'debug' ? 'debug' : 'warn'),
  });
  globalThis.__EMBEDDED_NEO4J__ = neo4j;
  process.env.TEST_NEO4J_URI = neo4j.uri;
  process.env.TEST_NEO4J_PASSWORD = neo4j.password;
  process.stdout.write(
    `\nembedded Neo4j for tests at ${neo4j.uri}: ready in ${Date.now() - started} ms\n`,
  );
}
