import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { ApolloServer, HeaderMap } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import cors from 'cors';
import { GraphQLError, type GraphQLSchema } from 'graphql';
import type { Limits } from '../../config';
import { withBookmarks } from '../../db/database';
import { errorFields } from '../../lib/logger';
import { inSpan } from '../../lib/tracing';
import type { Services } from '../../services';
import { clientAddress } from '../client-address';
import { createContext, type Context } from '../context';
import { formatError } from '../format-error';
import { guardPlugin } from '../guard-plugin';
import { bookmarkPlugin, metricsPlugin } from '../observability-plugins';
import { parseLimits, queryLimitRules } from '../query-limits';
import type { RateLimits } from '../rate-limits';
import type { Admission } from './admission';
import { bookmarksIn, HttpRefusal, readBody, sendError, type Route } from './http-io';

export const GRAPHQL_PATH = '/graphql';

export interface GraphQLRouteOptions {
  readonly services: Services;
  readonly schema: GraphQLSchema;
  readonly limits: Limits;
  /** Browser origins allowed to call the API; empty allows none. */
  readonly corsOrigins: readonly string[];
  /** Introspection and "did you mean" suggestions off. */
  readonly production: boolean;
  readonly rateLimits: RateLimits;
  readonly admit: Admission;
  /** Drained on stop, with the WebSocket server's `drain`. */
  readonly httpServer: Server;
  readonly drainWebSockets: () => Promise<void>;
}

/**
 * /graphql over HTTP: Apollo Server with the query limits, guards and observability plugins, CORS
 * for listed origins, bodies read within the limit, a deadline per request, bookmarks in and out,
 * and answers over the size limit refused. `stop` drains HTTP and WebSocket clients.
 */
export async function graphqlRoute(
  options: GraphQLRouteOptions,
): Promise<{ route: Route; stop: () => Promise<void> }> {
  const apollo = createApollo(options);
  await apollo.start();
  const allowCors = corsHandler(options.corsOrigins);
  return {
    route: {
      name: GRAPHQL_PATH,
      matches: (pathname) => pathname === GRAPHQL_PATH,
      async handle(req, res, info) {
        const preflightDone = await new Promise<boolean>((resolve) => {
          allowCors(req, res, () => resolve(false));
          // cors answers a listed origin's preflight itself (204) and never calls next for it.
          if (req.method === 'OPTIONS') res.once('finish', () => resolve(true));
        });
        if (preflightDone) return;
        if (req.method === 'OPTIONS') {
          // An unlisted origin's preflight: 204 with no CORS headers, so the browser stops there.
          res.writeHead(204).end();
          return;
        }
        await execute(apollo, options, req, res, info);
      },
    },
    stop: () => apollo.stop(),
  };
}

function createApollo(options: GraphQLRouteOptions): ApolloServer<Context> {
  const { limits, services } = options;
  // In production, "did you mean" hints (which map the schema for an attacker) are masked.
  const armor = new ApolloArmor({
    blockFieldSuggestion: { enabled: options.production },
    costLimit: { enabled: false },
    maxAliases: { enabled: false },
    maxDepth: { enabled: false },
    maxDirectives: { enabled: false },
    maxTokens: { enabled: false },
  }).protect();
  return new ApolloServer<Context>({
    schema: options.schema,
    includeStacktraceInErrorResponses: false,
    introspection: !options.production,
    parseOptions: parseLimits(limits),
    validationRules: queryLimitRules(limits),
    // Shutdown is ours (src/index.ts): drain, close the driver, then stop the embedded Neo4j.
    stopOnTerminationSignals: false,
    formatError: (formatted, error) =>
      formatError(
        formatted,
        error instanceof GraphQLError ? (error.originalError ?? error) : error,
        (e) => services.logger.error('internal error', { path: formatted.path, ...errorFields(e) }),
      ),
    plugins: [
      ...armor.plugins,
      guardPlugin(limits, options.rateLimits),
      metricsPlugin(services.metrics),
      bookmarkPlugin(),
      // The registry sets no cache hints; the plugin would otherwise wrap every field resolver.
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginDrainHttpServer({ httpServer: options.httpServer }),
      {
        serverWillStart() {
          return Promise.resolve({ drainServer: options.drainWebSockets });
        },
      },
    ],
  });
}

/** The request as Apollo's HTTP request: headers, and the JSON body of a POST. */
async function readGraphQLRequest(req: IncomingMessage, url: URL, maxBodyBytes: number) {
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  let body: unknown = undefined;
  if (req.method === 'POST') {
    const text = await readBody(req, maxBodyBytes);
    const type = headers.get('content-type') ?? '';
    if (!type.includes('application/json')) {
      throw new HttpRefusal(
        415,
        'BAD_REQUEST',
        'Send GraphQL requests as JSON: content-type: application/json.',
      );
    }
    try {
      body = text.length > 0 ? JSON.parse(text) : undefined;
    } catch {
      throw new HttpRefusal(400, 'BAD_REQUEST', 'The request body is not valid JSON.');
    }
  }
  return { method: req.method ?? 'GET', headers, search: url.search, body };
}

/** Runs one GraphQL request within the deadline, with the client's bookmarks, and answers it. */
async function execute(
  apollo: ApolloServer<Context>,
  options: GraphQLRouteOptions,
  req: IncomingMessage,
  res: ServerResponse,
  { url, requestId }: { url: URL; requestId: string },
): Promise<void> {
  const { limits, services } = options;
  await options.admit(req);
  const httpGraphQLRequest = await readGraphQLRequest(req, url, limits.maxBodyBytes);
  // Read before the deadline starts: a refusal here must not leave its timer behind.
  const given = bookmarksIn(req.headers['x-bookmark']);
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new HttpRefusal(
            503,
            'TIMEOUT',
            `The request ran past ${limits.requestTimeoutMs} ms and was abandoned; ask for less.`,
          ),
        ),
      limits.requestTimeoutMs,
    );
  });
  const response = await Promise.race([
    withBookmarks(given, () =>
      // Named after the operation once it is known (observability-plugins.ts).
      inSpan('graphql', {}, () =>
        apollo.executeHTTPGraphQLRequest({
          httpGraphQLRequest,
          context: () =>
            Promise.resolve(
              createContext(services, {
                requestId,
                clientAddress: clientAddress(req, limits.trustedProxies),
                authorization: req.headers.authorization,
                admitted: !req.headers.authorization,
              }),
            ),
        }),
      ),
    ).then(({ result, bookmarks }) => {
      if (bookmarks.length > 0) result.headers.set('x-bookmark', bookmarks.join(','));
      return result;
    }),
    deadline,
  ]).finally(() => clearTimeout(timer));
  for (const [key, value] of response.headers) res.setHeader(key, value);
  res.statusCode = response.status ?? 200;
  if (response.body.kind === 'chunked') {
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
    return;
  }
  const text = response.body.string;
  if (Buffer.byteLength(text) > limits.maxResponseBytes) {
    res.removeHeader('content-length');
    sendError(
      res,
      new HttpRefusal(
        200,
        'RESULT_TOO_LARGE',
        `The answer is over ${limits.maxResponseBytes} bytes; ask for less (smaller first, fewer fields).`,
      ),
      { maxBytes: limits.maxResponseBytes },
    );
    return;
  }
  res.end(text);
}

/** CORS for browser frontends: listed origins only; credentials are never allowed. */
function corsHandler(origins: readonly string[]) {
  const allowed = new Set(origins);
  return cors({
    origin: (origin, callback) => callback(null, origin !== undefined && allowed.has(origin)),
    methods: ['GET', 'POST', 'OPTIONS'],
    allowedHeaders: ['content-type', 'authorization', 'x-request-id', 'apollo-require-preflight'],
    exposedHeaders: [
      'x-request-id',
      'retry-after',
      'ratelimit-limit',
      'ratelimit-remaining',
      'ratelimit-reset',
    ],
    credentials: false,
    maxAge: 600,
    optionsSuccessStatus: 204,
  });
}
