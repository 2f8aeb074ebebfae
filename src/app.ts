import type { Config } from './config';
import { createDriver, Database } from './db/database';
import { CypherRegistry } from './db/cypher-registry';
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from './db/embedded-neo4j';
import { applySchema } from './db/schema';
import { SharedRedis } from './db/redis';
import { createEventBus } from './lib/event-bus';
import { errorFields, type Logger } from './lib/logger';
import { createMetrics, type Metrics } from './lib/metrics';
import { startTracing } from './lib/tracing';

import { startRegistryServer, type RegistryServer } from './server/http-server';
import { buildRegistrySchema, createResolvers } from './server/schema';
import { createServices, type RegistryEventTopics, type Services } from './services';

/** A running registry: its server, its services and, in embedded mode, its own Neo4j. */
export interface Registry {
  readonly server: RegistryServer;
  readonly services: Services;
  readonly embedded: EmbeddedNeo4j | undefined;
  /** Resolves once the database schema is applied (and the demo data loaded, when asked for). */
  readonly ready: Promise<void>;
  /** Graceful shutdown: drain HTTP and WebSockets, close the driver, stop the embedded Neo4j. */
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Runs after the schema is applied and before /ready turns 200 (demo data, first admin key). */
  readonly onDatabaseReady?: (services: Services) => Promise<void>;
}

const SCHEMA_RETRY_MS = 3_000;

/** The database a registry or a tool (importer, benchmark) works on: external, or embedded and started here. */
export async function openDatabase(
  config: Config,
  logger: Logger,
  metrics?: Metrics,
): Promise<{ db: Database; embedded: EmbeddedNeo4j | undefined }> {
  const cypher = CypherRegistry.load();
  let embedded: EmbeddedNeo4j | undefined;
  let uri: string;
  let user: string | undefined;
  let password: string | undefined;
  if (config.neo4j.mode === 'embedded') {
    embedded = await startEmbeddedNeo4j({ ...config.neo4j, logger });
    ({ uri, user, password } = embedded);
  } else {
    ({ uri, user, password } = config.neo4j);
  }
  const driver = createDriver({ uri, user, password, retryMs: config.neo4jRetryMs });
  const db = new Database(driver, cypher, {
    logger,
    txTimeoutMs: config.neo4jTxTimeoutMs,
    retryMs: config.neo4jRetryMs,
    metrics,
  });
  // The supervisor knows before any request does: fail fast until the restarted JVM answers.
  embedded?.on('down', () => db.markUnavailable());
  embedded?.on('up', () => {
    metrics?.neo4jRestarts.inc();
    db.markAvailable();
  });
  return { db, embedded };
}

/**
 * What a start does once the database answers: the schema, the caller's seed, the query plans and
 * the skill index; label vectors and custom-skill placement go on in the background.
 */
async function prepareDatabase(
  db: Database,
  services: Services,
  options: StartOptions,
  logger: Logger,
): Promise<void> {
  await applySchema(db, logger);
  await options.onDatabaseReady?.(services);
  const warm = await db.warmPlans();
  logger.info('query plans warmed', warm);
  // Skill suggestions answer from an in-memory index; build it before saying ready.
  await services.skillIndex.warm();
  // Labels imported without vectors (by a tool that did not sync) get them in the background,
  // custom skills their proposals and groups; a start with none missing costs a few queries.
  // Writes through the API sync before they answer.
  void services.skillVectors
    .sync()
    .then(() => services.skillResolver.placeCustom())
    .catch((error: unknown) => logger.error('skill vectors at start failed', errorFields(error)));
}

/**
 * Boot: config -> database -> services -> schema -> server. The server listens before the database
 * is ready.
 */
export async function startRegistry(
  config: Config,
  logger: Logger,
  options: StartOptions = {},
): Promise<Registry> {
  const metrics = createMetrics();
  const stopTracing = config.otlpEndpoint
    ? await startTracing(config.otlpEndpoint, logger)
    : undefined;
  const { db, embedded } = await openDatabase(config, logger, metrics);
  // With REDIS_URL, events and rate limits are shared with every instance on the same Redis.
  const redis = config.redisUrl ? new SharedRedis(config.redisUrl, logger, metrics) : undefined;
  const events = createEventBus<RegistryEventTopics>({ target: redis?.eventTarget(), metrics });
  const services = createServices(db, logger, { publicUrl: config.publicUrl, metrics, events });
  const schema = await buildRegistrySchema(services.events, createResolvers(services));

  let schemaApplied = false;
  let stopped = false;
  const server = await startRegistryServer({
    services,
    schema,
    host: config.host,
    port: config.port,
    policy: {
      limits: config.limits,
      corsOrigins: config.corsOrigins,
      production: config.production,
      healthGraceMs: config.healthGraceMs,
    },
    redis,
    isSchemaApplied: () => schemaApplied,
    databaseFailed: () => embedded?.state === 'failed',
  });
  logger.info('GraphQL server listening', { url: server.url });

  // An external database may be down at boot: keep trying, /ready says 503 until then.
  const ready = (async () => {
    for (;;) {
      try {
        await prepareDatabase(db, services, options, logger);
        schemaApplied = true;
        logger.info('registry ready', {
          url: server.url,
          explorer: new URL('/explorer/', server.url).toString(),
        });
        return;
      } catch (error) {
        if (stopped) return;
        logger.warn('database not ready; retrying', {
          ...errorFields(error),
          retryMs: SCHEMA_RETRY_MS,
        });
        await new Promise((resolve) => setTimeout(resolve, SCHEMA_RETRY_MS));
        if (stopped) return;
      }
    }
  })();

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      stopped = true;
      const started = Date.now();
      await server.close();
      logger.info('HTTP and WebSockets drained', { ms: Date.now() - started });
      await stopTracing?.();
      await db.close();
      await redis?.close();
      await embedded?.stop();
      logger.info('stopped', { ms: Date.now() - started });
    })());

  return { server, services, embedded, ready, stop };
}
