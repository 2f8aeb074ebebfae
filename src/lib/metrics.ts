import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Latency buckets in seconds, from a cached read to a slow plan. */
const BUCKETS = [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
/** The most distinct operation names a process labels; any further one counts as `other`. */
const MAX_OPERATION_NAMES = 200;
const OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

/**
 * The process's metrics, in Prometheus's text format at /metrics (prom-client): requests and
 * latency by GraphQL operation name, errors by code, Neo4j round trips by query file and
 * transaction time, rate-limit refusals, open subscriptions, event delivery lag, embedded Neo4j
 * restarts, Redis reachability, and Node's own process metrics. Longer than the house's 80 lines
 * on purpose: one declaration per metric, kept together so the names and helps read as one list.
 */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'cg_' });
  const registers = [registry];
  const seen = new Set<string>();
  const metrics = {
    registry,
    requests: new Counter({
      name: 'cg_graphql_requests_total',
      help: 'GraphQL operations answered, by operation name and outcome (ok, error).',
      labelNames: ['operation', 'outcome'] as const,
      registers,
    }),
    requestSeconds: new Histogram({
      name: 'cg_graphql_request_duration_seconds',
      help: 'Time to answer a GraphQL operation, by operation name.',
      labelNames: ['operation'] as const,
      buckets: BUCKETS,
      registers,
    }),
    errors: new Counter({
      name: 'cg_errors_total',
      help: 'Errors answered, by code (GraphQL errors and HTTP refusals).',
      labelNames: ['code'] as const,
      registers,
    }),
    dbRoundTrips: new Counter({
      name: 'cg_neo4j_round_trips_total',
      help: 'Statements sent to Neo4j, by query file.',
      labelNames: ['query'] as const,
      registers,
    }),
    dbTransactionSeconds: new Histogram({
      name: 'cg_neo4j_transaction_duration_seconds',
      help: 'Time of Neo4j transactions and auto-commit reads, by access mode.',
      labelNames: ['mode'] as const,
      buckets: BUCKETS,
      registers,
    }),
    rateLimitRefusals: new Counter({
      name: 'cg_rate_limit_refusals_total',
      help: 'Requests refused for a spent rate-limit budget, by budget.',
      labelNames: ['budget'] as const,
      registers,
    }),
    subscriptions: new Gauge({
      name: 'cg_subscriptions_open',
      help: 'GraphQL subscriptions open on this process.',
      registers,
    }),
    eventsPublished: new Counter({
      name: 'cg_events_published_total',
      help: 'Registry events published, by topic.',
      labelNames: ['topic'] as const,
      registers,
    }),
    eventsLost: new Counter({
      name: 'cg_events_lost_total',
      help: 'Registry events that could not be published to the shared bus (Redis down), by topic.',
      labelNames: ['topic'] as const,
      registers,
    }),
    eventLagSeconds: new Histogram({
      name: 'cg_event_delivery_lag_seconds',
      help: 'Time from publishing an event to a process receiving it, by topic.',
      labelNames: ['topic'] as const,
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
      registers,
    }),
    neo4jRestarts: new Counter({
      name: 'cg_embedded_neo4j_restarts_total',
      help: 'Times the embedded Neo4j was restarted after it went down.',
      registers,
    }),
    redisUp: new Gauge({
      name: 'cg_redis_up',
      help: '1 while the shared Redis answers, 0 while it does not (absent without REDIS_URL).',
      registers,
    }),
    /** The label for an operation name: itself when well-formed and among the first seen. */
    operation(name: string | null | undefined): string {
      if (!name) return 'anonymous';
      if (!OPERATION_NAME.test(name)) return 'other';
      if (seen.has(name)) return name;
      if (seen.size >= MAX_OPERATION_NAMES) return 'other';
      seen.add(name);
      return name;
    },
  };
  return metrics;
}

export type Metrics = ReturnType<typeof createMetrics>;
