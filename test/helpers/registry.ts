import { startRegistry, type Registry, type StartOptions } from '../../src/app';
import { loadConfig, type Config } from '../../src/config';
import { createLogger } from '../../src/lib/logger';

export interface GraphQLResponse<T = any> {
  data?: T | null;
  errors?: {
    message: string;
    path?: string[];
    extensions?: { code?: string; [k: string]: unknown };
  }[];
}

export interface TestRegistry extends Registry {
  /** Posts a GraphQL operation; `key` goes in the Authorization header as a Bearer token. */
  gql<T = any>(
    query: string,
    variables?: Record<string, unknown>,
    key?: string,
  ): Promise<GraphQLResponse<T>>;
  /** Deletes every node and relationship (the schema stays). */
  wipe(): Promise<void>;
}

export function testNeo4jUri(): string {
  const uri = process.env.TEST_NEO4J_URI;
  if (!uri) throw new Error('TEST_NEO4J_URI is unset: integration tests need the jest globalSetup');
  return uri;
}

/** Config for a test registry: the shared test Neo4j, a free HTTP port, quiet logs. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  const base = loadConfig({
    NEO4J_URI: testNeo4jUri(),
    NEO4J_USER: process.env.NEO4J_USER,
    NEO4J_PASSWORD: process.env.TEST_NEO4J_PASSWORD ?? process.env.NEO4J_PASSWORD,
    PORT: '0',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
    SEED_DEMO: 'false',
    // Functional tests send many requests from one address; the hardening tests set real limits.
    RATE_LIMIT_ANONYMOUS_POINTS: '1000000',
    RATE_LIMIT_KEY_POINTS: '1000000',
    RATE_LIMIT_ANONYMOUS_WRITES: '100000',
  });
  return { ...base, ...overrides };
}

export async function postGraphQL<T>(
  url: string,
  query: string,
  variables?: Record<string, unknown>,
  key?: string,
): Promise<GraphQLResponse<T>> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (key) headers.authorization = `Bearer ${key}`;
  const res = await fetch(url, {
    method: 'POST',
    headers,
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as GraphQLResponse<T>;
}

export async function startTestRegistry(
  overrides: Partial<Config> = {},
  options: StartOptions = {},
): Promise<TestRegistry> {
  const config = testConfig(overrides);
  const registry = await startRegistry(config, createLogger(config.logLevel), options);
  await registry.ready;
  return {
    ...registry,
    gql: (query, variables, key) => postGraphQL(registry.server.url, query, variables, key),
    wipe: async () => {
      await registry.services.db.runAutoCommit(
        'MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS',
      );
    },
  };
}
