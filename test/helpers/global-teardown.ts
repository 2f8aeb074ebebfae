import fs from 'node:fs';
import { testDataDir } from './global-setup';

/** Stops the run's embedded Neo4j and removes its store. */
export default async function globalTeardown(): Promise<void> {
  await globalThis.__EMBEDDED_NEO4J__?.stop();
  if (globalThis.__EMBEDDED_NEO4J__) fs.rmSync(testDataDir, { recursive: true, force: true });
}
