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

/** Reads an environment's values by name, collecting every problem instead of stopping at one. */
class EnvReader {
  readonly problems: string[] = [];
  constructor(readonly env: NodeJS.ProcessEnv) {}

  int(name: string, fallback: number, min: number, max: number): number {
    const raw = this.env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      this.problems.push(`${name} must be an integer from ${min} to ${max}, got "${raw}"`);
      return fallback;
    }
    return value;
  }

  bool(name: string, fallback: boolean): boolean {
    const raw = this.env[name]?.toLowerCase();
    if (raw === undefined || raw === '') return fallback;
    if (['1', 'true', 'yes'].includes(raw)) return true;
    if (['0', 'false', 'no'].includes(raw)) return false;
    this.problems.push(`${name} must be true or false, got "${this.env[name]}"`);
    return fallback;
  }

  /** A value that is absent when empty. */
  optional(name: string): string | undefined {
    const raw = this.env[name];
    return raw === '' ? undefined : raw;
  }

  /** Notes a problem when a present value does not match `pattern`. */
  check(value: string | undefined, pattern: RegExp, problem: string): void {
    if (value !== undefined && !pattern.test(value)) this.problems.push(problem);
  }
}

/** Reads the environment into one frozen, validated object; every problem is reported at once. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const read = new EnvReader(env);
  const logLevel = (env.LOG_LEVEL ?? 'info').toLowerCase() as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) {
    read.problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${env.LOG_LEVEL}"`);
  }
  const port = read.int('PORT', 4000, 0, 65535);
  const neo4j = readNeo4j(read);
  const adminApiKey = read.optional('ADMIN_API_KEY');
  if (adminApiKey !== undefined && adminApiKey.length < 24) {
    read.problems.push('ADMIN_API_KEY must be at least 24 characters long');
  }
  const config: Config = {
    host: env.HOST ?? '127.0.0.1',
    port,
    logLevel,
    neo4j,
    seedDemo: read.bool('SEED_DEMO', true),
    adminApiKey,
    neo4jRetryMs: read.int('NEO4J_RETRY_MS', 5000, 0, 600000),
    publicUrl: (env.PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/+$/, ''),
    neo4jTxTimeoutMs: read.int('NEO4J_TX_TIMEOUT_MS', 15_000, 0, 3_600_000),
    healthGraceMs: read.int('HEALTH_GRACE_MS', 30_000, 0, 3_600_000),
    corsOrigins: (env.CORS_ORIGINS ?? '')
      .split(',')
      .map((o) => o.trim().replace(/\/+$/, ''))
      .filter((o) => o !== ''),
    production: env.NODE_ENV === 'production',
    redisUrl: read.optional('REDIS_URL'),
    otlpEndpoint: read.optional('OTEL_EXPORTER_OTLP_ENDPOINT'),
    limits: readLimits(read),
  };
  for (const origin of config.corsOrigins) {
    read.check(
      origin,
      /^https?:\/\/[^/\s]+$/,
      `CORS_ORIGINS entries must be origins such as https://app.example.org, got "${origin}"`,
    );
  }
  read.check(
    config.redisUrl,
    /^rediss?:\/\/\S+$/,
    `REDIS_URL must be a redis:// or rediss:// URL, got "${config.redisUrl}"`,
  );
  read.check(
    config.otlpEndpoint,
    /^https?:\/\/\S+$/,
    `OTEL_EXPORTER_OTLP_ENDPOINT must be an http(s) URL, got "${config.otlpEndpoint}"`,
  );
  read.check(
    config.publicUrl,
    /^https?:\/\/\S+$/,
    `PUBLIC_URL must be an http(s) URL, got "${env.PUBLIC_URL}"`,
  );
  if (read.problems.length > 0) throw new ConfigError(read.problems);
  return Object.freeze(config);
}

/** An external Neo4j when NEO4J_URI is set, else the embedded one and its settings. */
function readNeo4j(read: EnvReader): Neo4jConfig {
  const { env } = read;
  const uri = env.NEO4J_URI;
  if (uri !== undefined && uri !== '') {
    read.check(
      uri,
      /^(bolt|neo4j)(\+s|\+ssc)?:\/\/.+/,
      `NEO4J_URI must look like bolt://host:7687 or neo4j+s://host, got "${uri}"`,
    );
    // An empty password means a server with auth disabled.
    return {
      mode: 'external',
      uri,
      user: env.NEO4J_USER ?? 'neo4j',
      password: env.NEO4J_PASSWORD ?? '',
    };
  }
  const password = read.optional('NEO4J_PASSWORD');
  const embedded: Neo4jConfig = {
    mode: 'embedded',
    dataDir: path.resolve(projectRoot, env.NEO4J_DATA_DIR ?? path.join('.data', 'neo4j')),
    port: read.int('NEO4J_BOLT_PORT', 0, 0, 65535),
    heapMb: read.int('NEO4J_HEAP_MB', 768, 256, 65536),
    pageCacheMb: read.int('NEO4J_PAGECACHE_MB', 256, 16, 65536),
    ...(password ? { password } : {}),
  };
  if (password !== undefined && password.length < 8) {
    read.problems.push('NEO4J_PASSWORD must be at least 8 characters long for the embedded Neo4j');
  }
  return embedded;
}

/** The request, subscription and rate limits. */
function readLimits(read: EnvReader): Limits {
  return Object.freeze({
    maxDepth: read.int('MAX_QUERY_DEPTH', 12, 2, 100),
    maxAliases: read.int('MAX_QUERY_ALIASES', 30, 0, 1000),
    maxTokens: read.int('MAX_QUERY_TOKENS', 5_000, 100, 1_000_000),
    maxDirectives: read.int('MAX_QUERY_DIRECTIVES', 20, 0, 1000),
    maxCost: read.int('MAX_QUERY_COST', 250_000, 10, 100_000_000),
    maxBodyBytes: read.int('MAX_BODY_BYTES', 2 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
    maxResponseBytes: read.int('MAX_RESPONSE_BYTES', 16 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
    requestTimeoutMs: read.int('REQUEST_TIMEOUT_MS', 20_000, 100, 3_600_000),
    subscriptionsPerConnection: read.int('MAX_SUBSCRIPTIONS_PER_CONNECTION', 10, 0, 10_000),
    subscriptionsPerAddress: read.int('MAX_SUBSCRIPTIONS_PER_ADDRESS', 50, 0, 100_000),
    anonymousPointsPerMinute: read.int('RATE_LIMIT_ANONYMOUS_POINTS', 600, 1, 100_000_000),
    keyPointsPerMinute: read.int('RATE_LIMIT_KEY_POINTS', 3_000, 1, 100_000_000),
    anonymousWritesPerHour: read.int('RATE_LIMIT_ANONYMOUS_WRITES', 30, 0, 100_000_000),
    trustedProxies: read.int('TRUST_PROXY_HOPS', 0, 0, 10),
  });
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
