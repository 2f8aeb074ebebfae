import path from 'node:path';
import type { LogLevel } from './lib/logger';
import { projectRoot } from './lib/paths';

/** Where the registry finds Neo4j: an external server, or one it embeds and starts itself. */
export type Neo4jConfig =
  | {
      readonly mode: 'external';
      readonly uri: string;
      readonly user: string;
      readonly password: string;
    }
  | {
      readonly mode: 'embedded';
      /** Store directory of the embedded server; kept between runs of `npm start`. */
      readonly dataDir: string;
      /** Bolt port of the embedded server; 0 picks a free one. */
      readonly port: number;
      readonly heapMb: number;
      readonly pageCacheMb: number;
      /** NEO4J_PASSWORD when set; else one generated per data directory (owner-only file). */
      readonly password?: string;
    };

/**
 * What one request may ask for and how fast a client may ask. Refusals are coded errors:
 * QUERY_TOO_COMPLEX, RATE_LIMITED, TIMEOUT, RESULT_TOO_LARGE (docs/ARCHITECTURE.md, "Hardening").
 */
export interface Limits {
  /** Deepest selection set (introspection excepted). */
  readonly maxDepth: number;
  /** Most aliases in one document. */
  readonly maxAliases: number;
  /** Most lexical tokens in one document: bounds parsing itself. */
  readonly maxTokens: number;
  /** Most directives in one document. */
  readonly maxDirectives: number;
  /** Highest estimated cost: every list multiplies what is below it by its `first` or bound. */
  readonly maxCost: number;
  /** Largest request body, in bytes (413 above). */
  readonly maxBodyBytes: number;
  /** Largest response body, in bytes (RESULT_TOO_LARGE above). */
  readonly maxResponseBytes: number;
  /** Deadline of one HTTP request, in ms (TIMEOUT after). */
  readonly requestTimeoutMs: number;
  /** Subscriptions one WebSocket connection may hold. */
  readonly subscriptionsPerConnection: number;
  /** Subscriptions one client address may hold over all its connections. */
  readonly subscriptionsPerAddress: number;
  /** Rate-limit points an anonymous client address may spend per minute. */
  readonly anonymousPointsPerMinute: number;
  /** Rate-limit points one API key may spend per minute. */
  readonly keyPointsPerMinute: number;
  /** Anonymous writes (such as createLearner) one address may make per hour. */
  readonly anonymousWritesPerHour: number;
  /** Proxies in front of the registry whose X-Forwarded-For entries are trusted (0: none). */
  readonly trustedProxies: number;
}

export interface Config {
  readonly host: string;
  readonly port: number;
  readonly logLevel: LogLevel;
  readonly neo4j: Neo4jConfig;
  /** Load the demo catalogue of `seed/` into an empty database at start. */
  readonly seedDemo: boolean;
  /** The first admin key; when unset, one is generated at first start and printed once. */
  readonly adminApiKey: string | undefined;
  /** How long a transaction function keeps retrying transient failures, in ms. */
  readonly neo4jRetryMs: number;
  /** The public base URL of this registry, for the ids of exported JSON-LD records. */
  readonly publicUrl: string;
  /** Server-side timeout of each Neo4j transaction, in ms (0: the server's own). */
  readonly neo4jTxTimeoutMs: number;
  /** How long /health stays 200 while the database is unreachable, in ms; 503 after. */
  readonly healthGraceMs: number;
  /** Browser origins allowed by CORS; empty allows none. */
  readonly corsOrigins: readonly string[];
  /** NODE_ENV=production: introspection and "did you mean" suggestions are off. */
  readonly production: boolean;
  readonly limits: Limits;
  /** A shared Redis for events and rate limits across instances (REDIS_URL); none when unset. */
  readonly redisUrl: string | undefined;
  /** Where traces go over OTLP/HTTP (OTEL_EXPORTER_OTLP_ENDPOINT); tracing is off when unset. */
  readonly otlpEndpoint: string | undefined;
}

/** Every problem of the environment at once, so one start reports them all. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

const LOG_LEVELS: readonly LogLevel[] = ['debug', 'info', 'warn', 'error', 'silent'];

/** Reads the environment into one frozen, validated object; every problem is reported at once. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const problems: string[] = [];

  const int = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      problems.push(`${name} must be an integer from ${min} to ${max}, got "${raw}"`);
      return fallback;
    }
    return value;
  };

  const bool = (name: string, fallback: boolean): boolean => {
    const raw = env[name]?.toLowerCase();
    if (raw === undefined || raw === '') return fallback;
    if (['1', 'true', 'yes'].includes(raw)) return true;
    if (['0', 'false', 'no'].includes(raw)) return false;
    problems.push(`${name} must be true or false, got "${env[name]}"`);
    return fallback;
  };

  const logLevel = (env.LOG_LEVEL ?? 'info').toLowerCase() as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) {
    problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${env.LOG_LEVEL}"`);
  }

  const host = env.HOST ?? '127.0.0.1';
  const port = int('PORT', 4000, 0, 65535);

  let neo4j: Neo4jConfig;
  const uri = env.NEO4J_URI;
  if (uri !== undefined && uri !== '') {
    if (!/^(bolt|neo4j)(\+s|\+ssc)?:\/\/.+/.test(uri)) {
      problems.push(`NEO4J_URI must look like bolt://host:7687 or neo4j+s://host, got "${uri}"`);
    }
    const user = env.NEO4J_USER ?? 'neo4j';
    // An empty password means a server with auth disabled.
    const password = env.NEO4J_PASSWORD ?? '';
    neo4j = { mode: 'external', uri, user, password };
  } else {
    neo4j = {
      mode: 'embedded',
      dataDir: path.resolve(projectRoot, env.NEO4J_DATA_DIR ?? path.join('.data', 'neo4j')),
      port: int('NEO4J_BOLT_PORT', 0, 0, 65535),
      heapMb: int('NEO4J_HEAP_MB', 768, 256, 65536),
      pageCacheMb: int('NEO4J_PAGECACHE_MB', 256, 16, 65536),
      ...(env.NEO4J_PASSWORD ? { password: env.NEO4J_PASSWORD } : {}),
    };
    if (
      env.NEO4J_PASSWORD !== undefined &&
      env.NEO4J_PASSWORD !== '' &&
      env.NEO4J_PASSWORD.length < 8
    ) {
      problems.push('NEO4J_PASSWORD must be at least 8 characters long for the embedded Neo4j');
    }
  }

  const adminApiKey = env.ADMIN_API_KEY === '' ? undefined : env.ADMIN_API_KEY;
  if (adminApiKey !== undefined && adminApiKey.length < 24) {
    problems.push('ADMIN_API_KEY must be at least 24 characters long');
  }

  const config: Config = {
    host,
    port,
    logLevel,
    neo4j,
    seedDemo: bool('SEED_DEMO', true),
    adminApiKey,
    neo4jRetryMs: int('NEO4J_RETRY_MS', 5000, 0, 600000),
    publicUrl: (env.PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/+$/, ''),
    neo4jTxTimeoutMs: int('NEO4J_TX_TIMEOUT_MS', 15_000, 0, 3_600_000),
    healthGraceMs: int('HEALTH_GRACE_MS', 30_000, 0, 3_600_000),
    corsOrigins: (env.CORS_ORIGINS ?? '')
      .split(',')
      .map((o) => o.trim().replace(/\/+$/, ''))
      .filter((o) => o !== ''),
    production: env.NODE_ENV === 'production',
    redisUrl: env.REDIS_URL === '' ? undefined : env.REDIS_URL,
    otlpEndpoint:
      env.OTEL_EXPORTER_OTLP_ENDPOINT === '' ? undefined : env.OTEL_EXPORTER_OTLP_ENDPOINT,
    limits: Object.freeze({
      maxDepth: int('MAX_QUERY_DEPTH', 12, 2, 100),
      maxAliases: int('MAX_QUERY_ALIASES', 30, 0, 1000),
      maxTokens: int('MAX_QUERY_TOKENS', 5_000, 100, 1_000_000),
      maxDirectives: int('MAX_QUERY_DIRECTIVES', 20, 0, 1000),
      maxCost: int('MAX_QUERY_COST', 250_000, 10, 100_000_000),
      maxBodyBytes: int('MAX_BODY_BYTES', 2 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
      maxResponseBytes: int('MAX_RESPONSE_BYTES', 16 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
      requestTimeoutMs: int('REQUEST_TIMEOUT_MS', 20_000, 100, 3_600_000),
      subscriptionsPerConnection: int('MAX_SUBSCRIPTIONS_PER_CONNECTION', 10, 0, 10_000),
      subscriptionsPerAddress: int('MAX_SUBSCRIPTIONS_PER_ADDRESS', 50, 0, 100_000),
      anonymousPointsPerMinute: int('RATE_LIMIT_ANONYMOUS_POINTS', 600, 1, 100_000_000),
      keyPointsPerMinute: int('RATE_LIMIT_KEY_POINTS', 3_000, 1, 100_000_000),
      anonymousWritesPerHour: int('RATE_LIMIT_ANONYMOUS_WRITES', 30, 0, 100_000_000),
      trustedProxies: int('TRUST_PROXY_HOPS', 0, 0, 10),
    }),
  };
  for (const origin of config.corsOrigins) {
    if (!/^https?:\/\/[^/\s]+$/.test(origin)) {
      problems.push(
        `CORS_ORIGINS entries must be origins such as https://app.example.org, got "${origin}"`,
      );
    }
  }
  if (config.redisUrl !== undefined && !/^rediss?:\/\/\S+$/.test(config.redisUrl)) {
    problems.push(`REDIS_URL must be a redis:// or rediss:// URL, got "${config.redisUrl}"`);
  }
  if (config.otlpEndpoint !== undefined && !/^https?:\/\/\S+$/.test(config.otlpEndpoint)) {
    problems.push(
      `OTEL_EXPORTER_OTLP_ENDPOINT must be an http(s) URL, got "${config.otlpEndpoint}"`,
    );
  }
  if (!/^https?:\/\/\S+$/.test(config.publicUrl)) {
    problems.push(`PUBLIC_URL must be an http(s) URL, got "${env.PUBLIC_URL}"`);
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return Object.freeze(config);
}

/** loadConfig for a command's entry point: on a bad environment, prints every problem and exits 2. */
export function loadConfigOrExit(env: NodeJS.ProcessEnv = process.env): Config {
  try {
    return loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
}
