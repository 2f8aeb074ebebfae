import type { Viewer } from './auth/viewer';
import type { Logger } from './lib/logger';

/**
 * What every resolver receives, built fresh per HTTP request and per subscription (by
 * server/context.ts): who is asking and the request's loaders. A leaf type: it imports nothing
 * above the ground floor, so a domain names it without reaching up into the server. Services reach
 * resolvers through their constructors, not through here.
 */
export interface Context {
  readonly requestId: string;
  /** The client's network address: anonymous clients are rate limited by it. */
  readonly clientAddress: string;
  /** Whether the request paid its anonymous admission point already (HTTP without a key). */
  readonly admitted: boolean;
  readonly logger: Logger;
  /** Per-request loaders; a subscription swaps in fresh ones per event with renewLoaders(). */
  loaders: RequestLoaders;
  renewLoaders(): void;
  /** Who is asking; the key is looked up on first use only, so public reads cost no lookup. */
  viewer(): Promise<Viewer>;
}

/**
 * The DataLoaders of one request. Each domain adds its own in its `<noun>.loaders.ts` by
 * declaration merging (`declare module '../context'`), and server/loaders.ts builds them all.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface RequestLoaders {}
