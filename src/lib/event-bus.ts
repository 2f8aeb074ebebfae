import { setMaxListeners } from 'node:events';
import { performance } from 'node:perf_hooks';
import { createPubSub } from '@graphql-yoga/subscription';
import type { TypedEventTarget } from '@graphql-yoga/typed-event-target';
import type { Metrics } from './metrics';

/** Topic name -> the payload tuple it carries, as @graphql-yoga/subscription types it. */
export type TopicMap = Record<string, [unknown]>;

/**
 * Every subscription listens on the bus, so one topic has as many listeners as there are
 * subscribers; the caps per connection and per address bound them, not Node's default of 10.
 */
const MAX_LISTENERS = 100_000;

/** The events the bus carries between publishers and subscribers. */
export type BusEventTarget = TypedEventTarget<CustomEvent>;
type Listener = Parameters<BusEventTarget['addEventListener']>[1];

export interface EventBusOptions {
  /** A shared event target (Redis pub/sub); in-process when unset. */
  readonly target?: BusEventTarget;
  /** Where publications and, for the in-process target, delivery lag are counted. */
  readonly metrics?: Pick<Metrics, 'eventsPublished' | 'eventLagSeconds'>;
}

/**
 * Counts what the bus publishes and, in process, how long an event took to reach a listener
 * (a shared target measures its own lag: the time between processes).
 */
function observed(
  target: BusEventTarget,
  metrics: EventBusOptions['metrics'],
  local: boolean,
): BusEventTarget {
  if (!metrics) return target;
  const wrapped = new WeakMap<object, Listener>();
  return {
    dispatchEvent(event) {
      metrics.eventsPublished.inc({ topic: event.type });
      return target.dispatchEvent(event);
    },
    addEventListener(type, listener) {
      if (!local || !listener) return target.addEventListener(type, listener);
      const deliver = listener as
        ((event: CustomEvent) => void) | { handleEvent(e: CustomEvent): void };
      const inner = (event: CustomEvent) => {
        metrics.eventLagSeconds.observe(
          { topic: event.type },
          Math.max(0, performance.now() - event.timeStamp) / 1000,
        );
        if (typeof deliver === 'function') deliver(event);
        else deliver.handleEvent(event);
      };
      wrapped.set(listener, inner as Listener);
      target.addEventListener(type, inner as Listener);
    },
    removeEventListener(type, listener) {
      target.removeEventListener(type, (listener && wrapped.get(listener)) ?? listener);
    },
  };
}

/**
 * The event bus: services publish after their transaction commits, subscriptions listen. In
 * process by default; a scaled-out deployment gives it a shared target (Redis pub/sub), so a
 * subscriber on one instance hears of a write made on another.
 */
export function createEventBus<T extends TopicMap>(options: EventBusOptions = {}) {
  let target = options.target;
  if (!target) {
    const local = new EventTarget();
    setMaxListeners(MAX_LISTENERS, local);
    target = local;
  }
  return createPubSub<T>({ eventTarget: observed(target, options.metrics, !options.target) });
}

/** A bus over the topics `T`; services depend on this shape, never on a GraphQL type. */
export type EventBus<T extends TopicMap> = ReturnType<typeof createEventBus<T>>;
