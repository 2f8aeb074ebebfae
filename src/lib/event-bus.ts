import { createPubSub } from '@graphql-yoga/subscription';

/** Topic name -> the payload tuple it carries, as @graphql-yoga/subscription types it. */
export type TopicMap = Record<string, [unknown]>;

/**
 * The in-process event bus: services publish after their transaction commits, subscriptions
 * listen. A scaled-out deployment gives it a shared event target instead (docs/ARCHITECTURE.md,
 * "Run modes").
 */
export function createEventBus<T extends TopicMap>() {
  return createPubSub<T>();
}

/** A bus over the topics `T`; services depend on this shape, never on a GraphQL type. */
export type EventBus<T extends TopicMap> = ReturnType<typeof createEventBus<T>>;
