import {
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  type IRateLimiterOptions,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';
import type { Redis } from 'ioredis';
import type { Metrics } from '../lib/metrics';
import type { Viewer } from '../auth/viewer';
import type { Limits } from '../config';
import { RateLimitedError } from '../lib/errors';

/** Rate-limit points a request spends: 1, plus 1 per 1,000 of estimated cost. */
export function pointsFor(cost: number): number {
  return 1 + Math.floor(Math.max(cost, 0) / 1000);
}

/** Where a client stands after a request: what RateLimit-* response headers say. */
export interface RateState {
  readonly limit: number;
  readonly remaining: number;
  /** Seconds until the budget is whole again. */
  readonly resetSeconds: number;
}

/** Who is asking, for rate limiting: the key when there is one, else the client address. */
export interface Client {
  readonly viewer: Viewer;
  readonly address: string;
}

export interface RateLimitOptions {
  /** A shared Redis: budgets are counted there, for every instance at once. */
  readonly redis?: Redis;
  readonly metrics?: Pick<Metrics, 'rateLimitRefusals'>;
}

/**
 * A limiter: in memory, or in a shared Redis with an in-memory insurance that counts while
 * Redis is down (each instance then limits on its own, rather than not at all).
 */
function limiter(options: IRateLimiterOptions, redis: Redis | undefined): RateLimiterAbstract {
  const memory = new RateLimiterMemory(options);
  if (!redis) return memory;
  return new RateLimiterRedis({
    ...options,
    keyPrefix: `cg-rl:${options.keyPrefix}`,
    storeClient: redis,
    rejectIfRedisNotReady: true,
    insuranceLimiter: memory,
  });
}

/**
 * Per-key and per-address budgets (rate-limiter-flexible): a request spends points by its
 * estimated cost; an API key has its own budget, anonymous clients share their address's;
 * anonymous writes (createLearner) have a small hourly budget of their own. With a shared Redis
 * the budgets hold across instances.
 */
export class RateLimits {
  private readonly anonymous: RateLimiterAbstract;
  private readonly keyed: RateLimiterAbstract;
  private readonly anonymousWrites: RateLimiterAbstract;

  constructor(
    private readonly limits: Limits,
    private readonly options: RateLimitOptions = {},
  ) {
    const redis = options.redis;
    this.anonymous = limiter(
      { keyPrefix: 'anon', points: limits.anonymousPointsPerMinute, duration: 60 },
      redis,
    );
    this.keyed = limiter(
      { keyPrefix: 'key', points: limits.keyPointsPerMinute, duration: 60 },
      redis,
    );
    this.anonymousWrites = limiter(
      {
        keyPrefix: 'anon-write',
        points: Math.max(limits.anonymousWritesPerHour, 1),
        duration: 3600,
      },
      redis,
    );
  }

  /**
   * The admission point of an anonymous request, spent before its body is read: a request refused
   * later (too complex, malformed) has still cost its address one point, and an address whose
   * budget is spent is turned away before its request is parsed.
   */
  async admit(address: string): Promise<void> {
    try {
      await this.anonymous.consume(address, 1);
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error;
      this.options.metrics?.rateLimitRefusals.inc({ budget: 'anonymous' });
      const retryAfterSeconds = seconds(error.msBeforeNext);
      throw new RateLimitedError(
        `Rate limit reached (${this.limits.anonymousPointsPerMinute} points a minute); ` +
          `retry in ${retryAfterSeconds} s.`,
        { retryAfterSeconds, limit: this.limits.anonymousPointsPerMinute },
      );
    }
  }

  /**
   * Spends the points of one request; RATE_LIMITED (with Retry-After) when the budget is spent.
   * `write` marks a mutation, which anonymous clients may make only a few times an hour.
   */
  async spend(client: Client, cost: number, write: boolean, admitted = false): Promise<RateState> {
    const anonymous = client.viewer.role === 'ANONYMOUS';
    const [limiter, key, limit] = anonymous
      ? [this.anonymous, client.address, this.limits.anonymousPointsPerMinute]
      : [
          this.keyed,
          `${client.viewer.role}:${client.viewer.subjectId}`,
          this.limits.keyPointsPerMinute,
        ];
    try {
      if (anonymous && write) {
        // With no anonymous writes allowed, the budget is spent before the first one.
        const points = this.limits.anonymousWritesPerHour === 0 ? 2 : 1;
        await this.anonymousWrites.consume(client.address, points);
      }
      // An admitted anonymous request paid one point already.
      const points = pointsFor(cost) - (anonymous && admitted ? 1 : 0);
      const res =
        points > 0
          ? await limiter.consume(key, points)
          : ((await limiter.get(key)) ?? new RateLimiterRes(limit, 60_000, 0, false));
      return { limit, remaining: res.remainingPoints, resetSeconds: seconds(res.msBeforeNext) };
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error;
      this.options.metrics?.rateLimitRefusals.inc({
        budget: anonymous ? (write ? 'anonymous-write' : 'anonymous') : 'key',
      });
      const retryAfterSeconds = seconds(error.msBeforeNext);
      throw new RateLimitedError(
        anonymous && write
          ? `Too many anonymous writes from this address; retry in ${retryAfterSeconds} s or use an API key.`
          : `Rate limit reached (${limit} points a minute; this request costs ${pointsFor(cost)}); ` +
              `retry in ${retryAfterSeconds} s.`,
        { retryAfterSeconds, limit, points: pointsFor(cost) },
      );
    }
  }
}

function seconds(ms: number): number {
  return Math.max(1, Math.ceil(ms / 1000));
}
