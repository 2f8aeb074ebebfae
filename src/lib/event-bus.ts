import { setMaxListeners } from 'node:events';
import { createPubSub } from '@graphql-yoga/subscription';

/** Topic name -> the payload tuple it carries, as @graphql-yoga/subscription types it. */
export type TopicMap = Record<string, [unknown]>;

/**
 * Every subscription listens on the bus, so one topic has as many listeners as there are
 * subscribers; the caps per connection and per address bound them, not Node's default of 10.
 */
const MAX_LISTENERS = 100_000;

/**
 * The in-process event bus: services publish after their transaction commits, subscriptions
 * listen. A scaled-out deployment gives it a shared event target instead (docs/ARCHITECTURE.md,
 * "Run modes").
 */
export function createEventBus<T extends TopicMap>() {
  const eventTarget = new EventTarget();
  setMaxListeners(MAX_LISTENERS, eventTarget);
  return createPubSub<T>({ eventTarget });
}

/** A bus over the topics `T`; services depend on this shape, never on a GraphQL type. */
export type EventBus<T extends TopicMap> = ReturnType<typeof createEventBus<T>>;
