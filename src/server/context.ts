import { ANONYMOUS, type Viewer } from '../auth/viewer';
import { bearerKey } from '../auth/api-keys';
import type { Database } from '../db/database';
import type { Logger } from '../lib/logger';
import type { EventBus } from './events';
import { createLoaders, type Loaders } from './loaders';
import type { Repositories, Services } from './services';

/** What every resolver receives: built fresh per HTTP request and per subscription. */
export interface Context {
  readonly requestId: string;
  readonly logger: Logger;
  readonly db: Database;
  readonly repositories: Repositories;
  readonly events: EventBus;
  /** Base URL for the ids of exported records. */
  readonly publicUrl: string;
  /** Per-request loaders; a subscription swaps in fresh ones per event with renewLoaders(). */
  loaders: Loaders;
  renewLoaders(): void;
  /** Who is asking; the key is looked up on first use only, so public reads cost no lookup. */
  viewer(): Promise<Viewer>;
}

export interface ContextInput {
  readonly requestId: string;
  /** The Authorization header (HTTP) or connection parameter (WebSocket). */
  readonly authorization?: string | null;
  /** A viewer already resolved (at WebSocket connection_init). */
  readonly viewer?: Viewer;
}

export function createContext(services: Services, input: ContextInput): Context {
  const { repositories } = services;
  let viewer: Promise<Viewer> | undefined = input.viewer
    ? Promise.resolve(input.viewer)
    : undefined;
  const context: Context = {
    requestId: input.requestId,
    logger: services.logger.child({ requestId: input.requestId }),
    db: services.db,
    repositories,
    events: services.events,
    publicUrl: services.publicUrl,
    loaders: createLoaders(repositories),
    renewLoaders() {
      context.loaders = createLoaders(repositories);
    },
    viewer() {
      viewer ??= (async () => {
        const key = bearerKey(input.authorization);
        return key === null ? ANONYMOUS : repositories.apiKey.viewerFor(key);
      })();
      return viewer;
    },
  };
  return context;
}
