import path from 'node:path';
import { openDatabase } from '../src/app';
import { loadConfig } from '../src/config';
import type { Database } from '../src/db/database';
import type { EmbeddedNeo4j } from '../src/db/embedded-neo4j';
import { applySchema } from '../src/db/schema';
import { importEsco } from '../src/import/esco';
import { importOnet } from '../src/import/onet';
import type { Logger } from '../src/lib/logger';
import { projectRoot } from '../src/lib/paths';
import { createServices, type Services } from '../src/services';
import { sharedData } from './skill-phrases';

/** The full ESCO v1.1.1 and O*NET 29.2 skill counts; a store with fewer is imported (again). */
const FULL_TAXONOMY_SKILLS = 14_000;

/**
 * An embedded Neo4j in .data/<name>, kept between runs, holding the full ESCO and O*NET taxonomies
 * with every label's vector: imported and embedded on the first run (a few minutes), reused after.
 */
export async function openTaxonomyStore(
  name: string,
  logger: Logger,
  progress?: (step: string, done: number, total: number) => void,
): Promise<{ db: Database; services: Services; embedded: EmbeddedNeo4j | undefined }> {
  const config = loadConfig({
    NEO4J_DATA_DIR: path.join(projectRoot, '.data', name),
    NEO4J_HEAP_MB: '1536',
    NEO4J_PAGECACHE_MB: '512',
    LOG_LEVEL: 'warn',
  });
  const { db, embedded } = await openDatabase(config, logger);
  await applySchema(db, logger);
  // As the registry starts (app.ts): its queries planned before the first is timed.
  await db.warmPlans();
  const services = createServices(db, logger);
  const skills = await db.runAutoCommit<{ n: number }>(
    "MATCH (s:Skill) WHERE s.framework IN ['ESCO', 'ONET'] RETURN count(s) AS n",
  );
  if ((skills[0]?.n ?? 0) < FULL_TAXONOMY_SKILLS) {
    await importEsco(db, path.join(sharedData, 'esco-v1.1.1-en'), progress);
    await importOnet(db, path.join(sharedData, 'onet-29.2'), progress);
  }
  await services.skillVectors.sync(progress, logger);
  return { db, services, embedded };
}
