import { randomUUID } from 'node:crypto';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, HeaderMap } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { GraphQLError, type GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { Viewer } from '../auth/viewer';
import { errorFields } from '../lib/logger';
import { createContext, type Context } from './context';
import { formatError } from './format-error';
import type { Services } from '../services';

const GRAPHQL_PATH = '/graphql';
const MAX_BODY_BYTES = 2 * 1024 * 1024;

export interface RegistryServerOptions {
  readonly services: Services;
  readonly schema: GraphQLSchema;
  readonly host: string;
  readonly port: number;
  /** Whether the database schema has been applied; /ready stays 503 until it is. */
  readonly isSchemaApplied: () => boolean;
}

/** The HTTP + WebSocket server: /graphql (queries, mutations, subscriptions), /health, /ready. */
export interface RegistryServer {
  readonly url: string;
  readonly port: number;
  /** Drains HTTP requests and WebSocket connections, then closes the listener. */
  close(): Promise<void>;
}

class BodyError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new BodyError(413, `Request body over ${MAX_BODY_BYTES} bytes`));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

function requestIdOf(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && /^[\w.-]{1,64}$/.test(given) ? given : randomUUID();
}

/** Starts the HTTP + WebSocket server on `host:port` over a built schema. */
export async function startRegistryServer(options: RegistryServerOptions): Promise<RegistryServer> {
  const { services, schema } = options;
  const logger = services.logger;
  const httpServer = http.createServer();
  const wsServer = new WebSocketServer({ server: httpServer, path: GRAPHQL_PATH });

  const wsCleanup = useServer<
    Record<string, unknown> | undefined,
    { requestId?: string; viewer?: Viewer }
  >(
    {
      schema,
      // The same keys as HTTP, checked once at connection_init: a bad key closes with 4403.
      onConnect: async (ctx) => {
        ctx.extra.requestId = randomUUID();
        const authorization =
          ctx.connectionParams?.authorization ?? ctx.connectionParams?.Authorization;
        try {
          ctx.extra.viewer = await services.auth.viewerFor(authorization);
          return true;
        } catch (error) {
          logger.info('subscription connection refused', {
            requestId: ctx.extra.requestId,
            reason: error instanceof Error ? error.message : String(error),
          });
          return false;
        }
      },
      context: (ctx) => {
        ctx.extra.requestId ??= randomUUID();
        return createContext(services, {
          requestId: ctx.extra.requestId,
          viewer: ctx.extra.viewer,
        });
      },
      onError: (ctx, _id, _payload, errors) => {
        logger.warn('subscription error', {
          requestId: ctx.extra.requestId,
          errors: errors.map((e) => e.message),
        });
      },
      onNext: (ctx, _id, _payload, args, result) => {
        if (!('errors' in result) || !result.errors) return undefined;
        return {
          ...result,
          errors: result.errors.map((error) =>
            formatError(
              error.toJSON(),
              error instanceof GraphQLError ? error.originalError : error,
              (e) =>
                logger.error('internal error in subscription', {
                  requestId: ctx.extra.requestId,
                  operation: args.operationName,
                  ...errorFields(e),
                }),
            ),
          ),
        };
      },
    },
    wsServer,
  );

  const apollo = new ApolloServer<Context>({
    schema,
    includeStacktraceInErrorResponses: false,
    // Shutdown is ours (src/index.ts): drain, close the driver, then stop the embedded Neo4j.
    stopOnTerminationSignals: false,
    formatError: (formatted, error) =>
      formatError(
        formatted,
        error instanceof GraphQLError ? (error.originalError ?? error) : error,
        (e) => logger.error('internal error', { path: formatted.path, ...errorFields(e) }),
      ),
    plugins: [
      // The registry sets no cache hints; the plugin would otherwise wrap every field resolver.
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginDrainHttpServer({ httpServer }),
      {
        serverWillStart() {
          return Promise.resolve({
            async drainServer() {
              await wsCleanup.dispose();
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

    void (async () => {
      if (url.pathname === '/health') {
        sendJson(res, 200, { status: 'ok' });
        return;
      }
      if (url.pathname === '/ready') {
        if (!options.isSchemaApplied()) {
          sendJson(res, 503, { status: 'starting', database: 'schema not applied yet' });
          return;
        }
        try {
          await services.db.ping();
          sendJson(res, 200, { status: 'ready', database: 'reachable' });
        } catch {
          sendJson(res, 503, { status: 'unavailable', database: 'unreachable' });
        }
        return;
      }
      if (url.pathname !== GRAPHQL_PATH) {
        sendJson(res, 404, { error: `Not found; GraphQL is served at ${GRAPHQL_PATH}` });
        return;
      }
      await handleGraphQL(req, res, url, requestId);
    })().catch((error: unknown) => {
      if (error instanceof BodyError) {
        sendJson(res, error.status, {
          errors: [{ message: error.message, extensions: { code: 'BAD_REQUEST' } }],
        });
        return;
      }
      logger.error('unhandled request failure', { requestId, ...errorFields(error) });
      if (!res.headersSent) {
        sendJson(res, 500, {
          errors: [
            { message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } },
          ],
        });
      } else {
        res.end();
      }
    });
  });

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
    let body: unknown = undefined;
    if (req.method === 'POST') {
      const text = await readBody(req);
      if (text.length > 0 && (headers.get('content-type') ?? '').includes('application/json')) {
        try {
          body = JSON.parse(text);
        } catch {
          throw new BodyError(400, 'The request body is not valid JSON');
        }
      } else {
        body = text;
      }
    }
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body },
      context: () =>
        Promise.resolve(
          createContext(services, { requestId, authorization: req.headers.authorization }),
        ),
    });
    for (const [key, value] of response.headers) res.setHeader(key, value);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === 'complete') {
      res.end(response.body.string);
      return;
    }
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
