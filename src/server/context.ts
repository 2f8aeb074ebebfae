import type { Database } from '../db/database';
import type { Logger } from '../lib/logger';
import type { EventBus } from './events';
import type { Repositories, Services } from './services';

/** What every resolver receives: built fresh per HTTP request and per subscription event. */
export interface Context {
  readonly requestId: string;
  readonly logger: Logger;
  readonly db: Database;
  readonly repositories: Repositories;
  readonly events: EventBus;
}

export function createContext(services: Services, requestId: string): Context {
  return {
    requestId,
    logger: services.logger.child({ requestId }),
    db: services.db,
    repositories: services.repositories,
    events: services.events,
  };
}
