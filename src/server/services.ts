import type { Database } from '../db/database';
import type { Logger } from '../lib/logger';
import { RegistryRepository } from '../registry/registry.repository';
import { createEventBus, type EventBus } from './events';

/** The repositories, one per domain; stateless, built once at boot over one Database. */
export function createRepositories(db: Database) {
  return {
    registry: new RegistryRepository(db),
  };
}
export type Repositories = ReturnType<typeof createRepositories>;

/** Everything a request may use that lives as long as the process. */
export interface Services {
  readonly db: Database;
  readonly logger: Logger;
  readonly repositories: Repositories;
  readonly events: EventBus;
}

export function createServices(db: Database, logger: Logger): Services {
  return { db, logger, repositories: createRepositories(db), events: createEventBus() };
}
