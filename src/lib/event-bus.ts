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
 * A target whose every listener is called through `around` (which may observe the event, or not
 * deliver it at all), and whose dispatches go through `dispatch`.
 */
export function wrappingListeners(
  target: BusEventTarget,
  around: (event: CustomEvent, deliver: (event: CustomEvent) => void) => void,
  dispatch: (event: CustomEvent) => boolean = (event) => target.dispatchEvent(event),
): BusEventTarget {
  const wrapped = new WeakMap<object, Listener>();
  return {
    dispatchEvent: dispatch,
    addEventListener(type, listener) {
      if (!listener) return;
      const callee = listener as
        ((event: CustomEvent) => void) | { handleEvent(e: CustomEvent): void };
      const deliver = (event: CustomEvent) =>
        typeof callee === 'function' ? callee(event) : callee.handleEvent(event);
      const inner = ((event: CustomEvent) => around(event, deliver)) as Listener;
      wrapped.set(listener, inner);
      target.addEventListener(type, inner);
    },
    removeEventListener(type, listener) {
      target.removeEventListener(type, (listener && wrapped.get(listener)) ?? listener);
    },
  };
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
  const dispatch = (event: CustomEvent) => {
    metrics.eventsPublished.inc({ topic: event.type });
    return target.dispatchEvent(event);
  };
  if (!local) return { ...bound(target), dispatchEvent: dispatch };
  return wrappingListeners(
    target,
    (event, deliver) => {
      metrics.eventLagSeconds.observe(
        { topic: event.type },
        Math.max(0, performance.now() - event.timeStamp) / 1000,
      );
      deliver(event);
    },
    dispatch,
  );
}

/** A target's methods, bound to it (so they can be spread into another object). */
function bound(target: BusEventTarget): BusEventTarget {
  return {
    addEventListener: target.addEventListener.bind(target),
    removeEventListener: target.removeEventListener.bind(target),
    dispatchEvent: target.dispatchEvent.bind(target),
  };
}

/** A target that counts its listeners by topic, in this process. */
function counted(target: BusEventTarget, counts: Map<string, number>): BusEventTarget {
  const add = (type: string, by: number) =>
    counts.set(type, Math.max(0, (counts.get(type) ?? 0) + by));
  return {
    dispatchEvent: (event) => target.dispatchEvent(event),
    addEventListener(type, listener) {
      if (listener) add(type, 1);
      target.addEventListener(type, listener);
    },
    removeEventListener(type, listener) {
      if (listener) add(type, -1);
      target.removeEventListener(type, listener);
    },
  };
}

/**
 * The event bus: services publish after their transaction commits, subscriptions listen. In
 * process by default; a scaled-out deployment gives it a shared target (Redis pub/sub), so a
 * subscriber on one instance hears of a write made on another. `listening(topic)` says how many
 * subscriptions of this process listen to a topic: a subscription is live once it is counted
 * (what a client or a test waits for, instead of waiting for time to pass).
 */
export function createEventBus<T extends TopicMap>(options: EventBusOptions = {}) {
  let target = options.target;
  if (!target) {
    const local = new EventTarget();
    setMaxListeners(MAX_LISTENERS, local);
    target = local;
  }
  const counts = new Map<string, number>();
  const bus = createPubSub<T>({
    eventTarget: counted(observed(target, options.metrics, !options.target), counts),
  });
  return Object.assign(bus, {
    listening: (topic: keyof T & string): number => counts.get(topic) ?? 0,
  });
}

/** A bus over the topics `T`; services depend on this shape, never on a GraphQL type. */
export type EventBus<T extends TopicMap> = ReturnType<typeof createEventBus<T>>;
