import type { Database } from '../../db/database';
import type { SharedRedis } from '../../db/redis';
import type { Metrics } from '../../lib/metrics';
import { sendJson, type Route } from './http-io';

/** What the probes look at. */
export interface ProbeOptions {
  readonly db: Database;
  /** How long /health stays 200 while the database is unreachable, in ms. */
  readonly healthGraceMs: number;
  /** Whether the database schema has been applied; /ready stays 503 until it is. */
  readonly isSchemaApplied: () => boolean;
  /** Whether the embedded Neo4j's supervisor gave up restarting it (then /health is 503). */
  readonly databaseFailed?: () => boolean;
  readonly redis?: SharedRedis;
}

/**
 * /health: 200 while the process can serve. 503 when the embedded Neo4j could not be restarted,
 * or the database has been unreachable for longer than the grace period: time for an
 * orchestrator to restart the process.
 */
export function healthRoute(options: ProbeOptions): Route {
  const { db } = options;
  return {
    name: '/health',
    matches: (pathname) => pathname === '/health',
    handle(_req, res) {
      const downMs = db.unavailableForMs;
      if (options.databaseFailed?.() || downMs > options.healthGraceMs) {
        sendJson(res, 503, { status: 'unhealthy', database: 'unreachable', downMs });
        return;
      }
      sendJson(res, 200, { status: 'ok', database: db.health });
    },
  };
}

/**
 * /ready: 200 when the schema is applied and the database answers. Without Redis the instance
 * still serves; it says what is degraded: events reach only its own subscribers, and rate limits
 * count on it alone.
 */
export function readyRoute(options: ProbeOptions): Route {
  return {
    name: '/ready',
    matches: (pathname) => pathname === '/ready',
    async handle(_req, res) {
      if (!options.isSchemaApplied()) {
        sendJson(res, 503, { status: 'starting', database: 'schema not applied yet' });
        return;
      }
      const redis = options.redis
        ? (await options.redis.ping())
          ? 'reachable'
          : 'unreachable'
        : undefined;
      const shared = redis
        ? {
            redis,
            ...(redis === 'unreachable'
              ? { degraded: ['events stay on this instance', 'rate limits count per instance'] }
              : {}),
          }
        : {};
      try {
        await options.db.ping();
        sendJson(res, 200, { status: 'ready', database: 'reachable', ...shared });
      } catch {
        sendJson(res, 503, { status: 'unavailable', database: 'unreachable', ...shared });
      }
    },
  };
}

/** /metrics in the Prometheus text format. */
export function metricsRoute(metrics: Metrics): Route {
  return {
    name: '/metrics',
    matches: (pathname) => pathname === '/metrics',
    async handle(_req, res) {
      const text = await metrics.registry.metrics();
      res.writeHead(200, { 'content-type': metrics.registry.contentType }).end(text);
    },
  };
}
