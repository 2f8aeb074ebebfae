import type { Viewer } from '../auth/viewer';
import type { Context } from '../context';
import type { Services } from '../services';
import { createLoaders } from './loaders';

export type { Context };

/** How a request identifies itself and its caller. */
export interface ContextInput {
  readonly requestId: string;
  /** The client's network address (the socket's remote address). */
  readonly clientAddress?: string;
  /** Whether the request paid its anonymous admission point already. */
  readonly admitted?: boolean;
  /** The Authorization header (HTTP) or connection parameter (WebSocket). */
  readonly authorization?: unknown;
  /** A viewer already resolved (at WebSocket connection_init). */
  readonly viewer?: Viewer;
}

/** A request's context over the registry's services. */
export function createContext(
  services: Pick<Services, 'logger' | 'repositories' | 'auth'>,
  input: ContextInput,
): Context {
  const { repositories } = services;
  let viewer: Promise<Viewer> | undefined = input.viewer
    ? Promise.resolve(input.viewer)
    : undefined;
  const context: Context = {
    requestId: input.requestId,
    clientAddress: input.clientAddress ?? 'unknown',
    admitted: input.admitted ?? false,
    logger: services.logger.child({ requestId: input.requestId }),
    loaders: createLoaders(repositories),
    renewLoaders() {
      context.loaders = createLoaders(repositories);
    },
    viewer() {
      viewer ??= services.auth.viewerFor(input.authorization);
      return viewer;
    },
  };
  return context;
}
