import type { Logger } from '../lib/logger';
import type { Database } from './database';

/**
 * Applies `cypher/schema/*.cypher` (each statement is idempotent) and waits until every index is
 * online, so a started server never answers a search from a half-built index.
 */
export async function applySchema(db: Database, logger?: Logger): Promise<void> {
  const statements = db.cypher.schemaStatements();
  for (const statement of statements) {
    await db.runAutoCommit(statement);
  }
  await db.runAutoCommit('CALL db.awaitIndexes(300)');
  logger?.info('database schema applied', { statements: statements.length });
}
