import { createPubSub } from '@graphql-yoga/subscription';

/**
 * The events the registry publishes after a transaction commits, by topic. One process keeps them
 * in memory; a scaled-out deployment swaps the event target for Redis (DESIGN.md section 5).
 */
// Payload types are widened per topic as domains add events.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type EventTopics = Record<string, [any]>;

export function createEventBus() {
  return createPubSub<EventTopics>();
}
export type EventBus = ReturnType<typeof createEventBus>;
