import { randomUUID } from 'node:crypto';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, HeaderMap } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import cors from 'cors';
import { GraphQLError, type GraphQLSchema } from 'graphql';
import { WebSocketServer } from 'ws';
import type { Limits } from '../config';
import { RateLimitedError } from '../lib/errors';
import { errorFields } from '../lib/logger';
import type { Services } from '../services';
import { createContext, type Context } from './context';
import { formatError } from './format-error';
import { guardPlugin } from './guard-plugin';
import { parseLimits, queryLimitRules } from './query-limits';
import { EXTENSION_PATHS, extensionContext, extensionSchema } from '../standards/open-badges';
import { StandardFormat } from '../standards/standards.type';
import { clientAddress } from './client-address';
import { bookmarkPlugin, metricsPlugin } from './observability-plugins';
import { withBookmarks } from '../db/database';
import { inSpan } from '../lib/tracing';
import { RateLimits } from './rate-limits';
import type { SharedRedis } from '../db/redis';
import { startWebSocketServer } from './websocket';
import { EXPLORER_PATH, explorerHandler } from './explorer';

const GRAPHQL_PATH = '/graphql';
/** The fixed paths the server answers (besides `/credentials/<id>` and the explorer's files). */
const ROUTES = new Set([
  GRAPHQL_PATH,
  '/health',
  '/ready',
  '/metrics',
  EXTENSION_PATHS.context,
  EXTENSION_PATHS.schema,
]);

/** How the server faces its clients; every field comes from the registry's config. */
export interface ServerPolicy {
  readonly limits: Limits;
  /** Browser origins allowed to call the API; empty allows none. */
  readonly corsOrigins: readonly string[];
  /** Introspection and "did you mean" suggestions off. */
  readonly production: boolean;
  /** How long /health stays 200 while the database is unreachable, in ms. */
  readonly healthGraceMs: number;
}

export interface RegistryServerOptions {
  readonly services: Services;
  readonly schema: GraphQLSchema;
  readonly host: string;
  readonly port: number;
  readonly policy: ServerPolicy;
  /** Whether the database schema has been applied; /ready stays 503 until it is. */
  readonly isSchemaApplied: () => boolean;
  /** Whether the embedded Neo4j's supervisor gave up restarting it (then /health is 503). */
  readonly databaseFailed?: () => boolean;
  /** The shared Redis of a scaled-out deployment (events, rate limits); none in one process. */
  readonly redis?: SharedRedis;
}

/** The HTTP + WebSocket server: /graphql (queries, mutations, subscriptions), /health, /ready. */
export interface RegistryServer {
  readonly url: string;
  readonly port: number;
  /** Drains HTTP requests and WebSocket connections, then closes the listener. */
  close(): Promise<void>;
}

/** An HTTP-level refusal, answered before GraphQL runs. */
class HttpRefusal extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/**
 * Reads a request body of at most `max` bytes. A larger one is answered 413 as soon as it is seen
 * (announced by its length, or streamed past the limit) and the connection is closed after the
 * answer, so an oversized upload costs nothing more.
 */
function readBody(req: IncomingMessage, max: number): Promise<string> {
  const announced = Number(req.headers['content-length'] ?? NaN);
  const tooLarge = () =>
    new HttpRefusal(413, 'BAD_REQUEST', `The request body is over ${max} bytes.`, {
      connection: 'close',
    });
  if (Number.isFinite(announced) && announced > max) return Promise.reject(tooLarge());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > max) {
        req.off('data', onData);
        req.pause();
        chunks.length = 0;
        reject(tooLarge());
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** At most this many bookmarks in one x-bookmark header. */
const MAX_BOOKMARKS = 16;
const BOOKMARK = /^[A-Za-z0-9:+/=._-]{1,512}$/;

/**
 * The bookmarks a client sends back (x-bookmark, comma-separated) so its reads see its earlier
 * writes made through any instance.
 */
function bookmarksIn(header: string | string[] | undefined): string[] {
  if (header === undefined) return [];
  const values = (Array.isArray(header) ? header.join(',') : header)
    .split(',')
    .map((b) => b.trim())
    .filter((b) => b !== '');
  if (values.length > MAX_BOOKMARKS || values.some((b) => !BOOKMARK.test(b))) {
    throw new HttpRefusal(
      400,
      'BAD_REQUEST',
      `x-bookmark takes up to ${MAX_BOOKMARKS} bookmarks, comma-separated, as the registry gave them.`,
    );
  }
  return values;
}

/** The documents the registry publishes for its Open Badges extension, by path. */
function standardsDocuments(publicUrl: string): Map<string, unknown> {
  return new Map<string, unknown>([
    [EXTENSION_PATHS.context, extensionContext(publicUrl)],
    [EXTENSION_PATHS.schema, extensionSchema(publicUrl)],
  ]);
}

function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  res.writeHead(status, { ...headers, 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

function sendError(res: ServerResponse, refusal: HttpRefusal, details?: object): void {
  sendJson(
    res,
    refusal.status,
    { errors: [{ message: refusal.message, extensions: { code: refusal.code, ...details } }] },
    refusal.headers,
  );
}

function requestIdOf(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && /^[\w.-]{1,64}$/.test(given) ? given : randomUUID();
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

/** Starts the HTTP + WebSocket server on `host:port` over a built schema. */
export async function startRegistryServer(options: RegistryServerOptions): Promise<RegistryServer> {
  const { services, schema, policy } = options;
  const { limits } = policy;
  const logger = services.logger;
  const db = services.db;
  const metrics = services.metrics;
  const rateLimits = new RateLimits(limits, { redis: options.redis?.commands, metrics });
  const httpServer = http.createServer({ requestTimeout: limits.requestTimeoutMs + 10_000 });
  const wsServer = new WebSocketServer({
    server: httpServer,
    path: GRAPHQL_PATH,
    maxPayload: limits.maxBodyBytes,
  });
  const ws = startWebSocketServer({ services, schema, wsServer, limits, rateLimits, logger });
  const allowCors = corsHandler(policy.corsOrigins);
  const vocabulary = standardsDocuments(services.publicUrl);
  const explorer = explorerHandler();

  // In production, "did you mean" hints (which map the schema for an attacker) are masked.
  const armor = new ApolloArmor({
    blockFieldSuggestion: { enabled: policy.production },
    costLimit: { enabled: false },
    maxAliases: { enabled: false },
    maxDepth: { enabled: false },
    maxDirectives: { enabled: false },
    maxTokens: { enabled: false },
  }).protect();

  const apollo = new ApolloServer<Context>({
    schema,
    includeStacktraceInErrorResponses: false,
    introspection: !policy.production,
    parseOptions: parseLimits(limits),
    validationRules: queryLimitRules(limits),
    // Shutdown is ours (src/index.ts): drain, close the driver, then stop the embedded Neo4j.
    stopOnTerminationSignals: false,
    formatError: (formatted, error) =>
      formatError(
        formatted,
        error instanceof GraphQLError ? (error.originalError ?? error) : error,
        (e) => logger.error('internal error', { path: formatted.path, ...errorFields(e) }),
      ),
    plugins: [
      ...armor.plugins,
      guardPlugin(limits, rateLimits),
      metricsPlugin(metrics),
      bookmarkPlugin(),
      // The registry sets no cache hints; the plugin would otherwise wrap every field resolver.
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginDrainHttpServer({ httpServer }),
      {
        serverWillStart() {
          return Promise.resolve({
            async drainServer() {
              await ws.dispose();
            },
          });
        },
      },
    ],
  });
  await apollo.start();

  httpServer.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const requestId = requestIdOf(req);
    res.setHeader('x-request-id', requestId);
    const url = new URL(req.url ?? '/', 'http://localhost');
    const started = Date.now();
    res.on('finish', () =>
      logger.debug('request', {
        requestId,
        method: req.method,
        path: url.pathname,
        status: res.statusCode,
        ms: Date.now() - started,
      }),
    );

    // Traced under a route name (ids and unknown paths left out), so traces group by route and a
    // client cannot make up span names.
    const inExplorer =
      url.pathname === EXPLORER_PATH || url.pathname.startsWith(`${EXPLORER_PATH}/`);
    const route = url.pathname.startsWith('/credentials/')
      ? '/credentials/{id}'
      : inExplorer
        ? `${EXPLORER_PATH}/{file}`
        : ROUTES.has(url.pathname)
          ? url.pathname
          : '/{unknown}';
    void inSpan(
      `${req.method ?? 'GET'} ${route}`,
      { 'http.request.method': req.method ?? 'GET', 'http.route': route },
      async () => {
        if (url.pathname === '/health') {
          health(res);
          return;
        }
        if (url.pathname === '/ready') {
          await ready(res);
          return;
        }
        if (url.pathname === '/metrics') {
          const text = await metrics.registry.metrics();
          res.writeHead(200, { 'content-type': metrics.registry.contentType }).end(text);
          return;
        }
        const published = vocabulary.get(url.pathname);
        if (published) {
          // Public vocabulary: any origin may read it, and it changes only with a release.
          sendJson(res, 200, published, {
            'access-control-allow-origin': '*',
            'cache-control': 'public, max-age=3600',
          });
          return;
        }
        if (inExplorer && (req.method === 'GET' || req.method === 'HEAD')) {
          // Static files (sirv lists them once, then streams them): not rate-limited, like /health.
          explorer(req, res);
          return;
        }
        const credentialPath = /^\/credentials\/([^/]+)$/.exec(url.pathname);
        if (credentialPath && (req.method === 'GET' || req.method === 'HEAD')) {
          await serveCredential(req, res, credentialPath[1]!, url);
          return;
        }
        if (url.pathname !== GRAPHQL_PATH) {
          sendJson(res, 404, { error: `Not found; GraphQL is served at ${GRAPHQL_PATH}` });
          return;
        }
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
        await handleGraphQL(req, res, url, requestId);
      },
    ).catch((error: unknown) => {
      if (error instanceof HttpRefusal) {
        metrics.errors.inc({ code: error.code });
        sendError(res, error);
        if (error.status === 413) res.once('finish', () => req.socket.destroySoon());
        return;
      }
      logger.error('unhandled request failure', { requestId, ...errorFields(error) });
      sendJson(res, 500, {
        errors: [
          { message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } },
        ],
      });
    });
  });

  /**
   * 200 while the process can serve. 503 when the embedded Neo4j could not be restarted, or the
   * database has been unreachable for longer than the grace period: time for an orchestrator to
   * restart the process.
   */
  function health(res: ServerResponse): void {
    const downMs = db.unavailableForMs;
    if (options.databaseFailed?.() || downMs > policy.healthGraceMs) {
      sendJson(res, 503, { status: 'unhealthy', database: 'unreachable', downMs });
      return;
    }
    sendJson(res, 200, { status: 'ok', database: db.health });
  }

  async function ready(res: ServerResponse): Promise<void> {
    if (!options.isSchemaApplied()) {
      sendJson(res, 503, { status: 'starting', database: 'schema not applied yet' });
      return;
    }
    // Without Redis the instance still serves; it says what is degraded: events reach only its
    // own subscribers, and rate limits count on it alone.
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
      await db.ping();
      sendJson(res, 200, { status: 'ready', database: 'reachable', ...shared });
    } catch {
      sendJson(res, 503, { status: 'unavailable', database: 'unreachable', ...shared });
    }
  }

  /** Anonymous requests spend from their address's budget before anything else runs. */
  async function admitAnonymous(req: IncomingMessage): Promise<void> {
    if (req.headers.authorization) return;
    try {
      await rateLimits.admit(clientAddress(req, limits.trustedProxies));
    } catch (error) {
      if (!(error instanceof RateLimitedError)) throw error;
      const retryAfter = String(error.extensions.retryAfterSeconds);
      throw new HttpRefusal(429, 'RATE_LIMITED', error.message, {
        'retry-after': retryAfter,
        'ratelimit-limit': String(limits.anonymousPointsPerMinute),
        'ratelimit-remaining': '0',
        'ratelimit-reset': retryAfter,
      });
    }
  }

  /**
   * The registry's URI of a credential answers with the credential as an Open Badges 3.0
   * Achievement, or as CTDL with `?format=ctdl`: the ids the exports use resolve.
   */
  async function serveCredential(
    req: IncomingMessage,
    res: ServerResponse,
    encodedId: string,
    url: URL,
  ): Promise<void> {
    await admitAnonymous(req);
    let id: string;
    try {
      id = decodeURIComponent(encodedId);
    } catch {
      throw new HttpRefusal(
        400,
        'BAD_REQUEST',
        'The credential id in the path is not URI-encoded.',
      );
    }
    const format =
      url.searchParams.get('format') === 'ctdl'
        ? StandardFormat.CTDL
        : StandardFormat.OPEN_BADGES_3;
    const doc = await services.standards.document(id, format);
    if (!doc) {
      sendJson(res, 404, {
        errors: [
          { message: `No credential "${id.slice(0, 200)}".`, extensions: { code: 'NOT_FOUND' } },
        ],
      });
      return;
    }
    sendJson(res, 200, doc, { 'access-control-allow-origin': '*' });
  }

  async function handleGraphQL(
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    requestId: string,
  ): Promise<void> {
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    await admitAnonymous(req);
    let body: unknown = undefined;
    if (req.method === 'POST') {
      const text = await readBody(req, limits.maxBodyBytes);
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
            httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body },
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
    if (response.body.kind === 'complete') {
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
      res.statusCode = response.status ?? 200;
      res.end(text);
      return;
    }
    res.statusCode = response.status ?? 200;
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  }

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(options.port, options.host, () => {
      httpServer.off('error', reject);
      resolve();
    });
  });
  const port = (httpServer.address() as AddressInfo).port;
  const url = `http://${options.host}:${port}${GRAPHQL_PATH}`;

  let closing: Promise<void> | undefined;
  return {
    url,
    port,
    close: () => (closing ??= apollo.stop()),
  };
}
