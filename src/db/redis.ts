import { Redis } from 'ioredis';
import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import { wrappingListeners, type BusEventTarget } from '../lib/event-bus';
import { errorFields, type Logger } from '../lib/logger';
import type { Metrics } from '../lib/metrics';

/** How often a lost connection is retried: soon at first, then every 2 s. */
const retryStrategy = (attempt: number) => Math.min(attempt * 200, 2_000);
/** One warning per this long while Redis stays down, not one per reconnection attempt. */
const WARN_EVERY_MS = 30_000;

/** What an unreadable message on a channel parses to; never delivered. */
const UNREADABLE = Symbol('unreadable event');

/** Where the shared Redis stands, for /ready and the metrics. */
export type RedisState = 'up' | 'down';

/**
 * The connections to a shared Redis an instance keeps: one for commands (the rate limiter's
 * store), one to publish events, one to subscribe. Commands and publications fail at once while
 * Redis is down (no offline queue): the rate limiter falls back to its in-process insurance, an
 * event is counted as lost, and a write never waits on Redis. The subscriber reconnects and
 * subscribes again by itself, so events resume when Redis is back.
 */
export class SharedRedis {
  readonly commands: Redis;
  private readonly publisher: Redis;
  private readonly subscriber: Redis;
  private lastWarning = 0;

  constructor(
    url: string,
    private readonly logger: Logger,
    private readonly metrics?: Pick<Metrics, 'redisUp' | 'eventsLost' | 'eventLagSeconds'>,
  ) {
    const failFast = {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      retryStrategy,
      connectTimeout: 2_000,
    };
    this.commands = new Redis(url, { ...failFast, connectionName: 'cg-commands' });
    this.publisher = new Redis(url, { ...failFast, connectionName: 'cg-publish' });
    this.subscriber = new Redis(url, {
      retryStrategy,
      connectTimeout: 2_000,
      maxRetriesPerRequest: null,
      connectionName: 'cg-subscribe',
    });
    for (const client of [this.commands, this.publisher, this.subscriber]) {
      client.on('error', (error: unknown) => this.warn(error));
      client.on('ready', () => this.changed());
      client.on('end', () => this.changed());
      client.on('close', () => this.changed());
    }
    this.changed();
  }

  /** Up only while all three connections are ready. */
  get state(): RedisState {
    return [this.commands, this.publisher, this.subscriber].every((c) => c.status === 'ready')
      ? 'up'
      : 'down';
  }

  /**
   * The event bus's shared target over Redis pub/sub. A publication while Redis is down is lost
   * (counted, logged), never thrown into the write that made it. Each message carries when it
   * was sent, so the receiving instance measures the delivery lag.
   */
  eventTarget(): BusEventTarget {
    const publisher = this.publisher;
    const guardedPublisher = {
      publish: (channel: string, message: string) =>
        publisher.publish(channel, message).catch((error: unknown) => {
          this.metrics?.eventsLost.inc({ topic: channel });
          this.warn(error);
          return 0;
        }),
    } as unknown as Redis;
    const metrics = this.metrics;
    const logger = this.logger;
    const target = createRedisEventTarget<CustomEvent>({
      publishClient: guardedPublisher,
      subscribeClient: this.subscriber,
      serializer: {
        stringify: (detail: unknown) => JSON.stringify({ sentAt: Date.now(), detail }),
        parse: (message: string) => {
          try {
            const { sentAt, detail } = JSON.parse(message) as { sentAt: number; detail: unknown };
            metrics?.eventLagSeconds.observe(
              { topic: 'redis' },
              Math.max(0, Date.now() - sentAt) / 1000,
            );
            return detail ?? UNREADABLE;
          } catch {
            // Someone else's message on our channel: dropped, never thrown into ioredis.
            logger.warn('unreadable event on Redis dropped', { bytes: message.length });
            return UNREADABLE;
          }
        },
      },
    });
    // Listeners never see an unreadable message.
    return wrappingListeners(target, (event, deliver) => {
      if (event.detail !== UNREADABLE) deliver(event);
    });
  }

  /** Answers when Redis does: true when PING came back within the timeout. */
  async ping(timeoutMs = 1_000): Promise<boolean> {
    try {
      const answer = await Promise.race([
        this.commands.ping(),
        new Promise<never>((_, reject) =>
          setTimeout(() => reject(new Error('timeout')), timeoutMs),
        ),
      ]);
      return answer === 'PONG';
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    await Promise.all(
      [this.commands, this.publisher, this.subscriber].map((c) =>
        c.quit().catch(() => c.disconnect()),
      ),
    );
  }

  private changed(): void {
    this.metrics?.redisUp.set(this.state === 'up' ? 1 : 0);
  }

  private warn(error: unknown): void {
    const now = Date.now();
    if (now - this.lastWarning < WARN_EVERY_MS) return;
    this.lastWarning = now;
    this.logger.warn('Redis unreachable: events stay on this instance, limits count here', {
      ...errorFields(error),
    });
  }
}
