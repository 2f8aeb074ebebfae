import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { GraphQLSchema } from 'graphql';
import { WebSocketServer } from 'ws';
import type { Limits } from '../config';
import type { SharedRedis } from '../db/redis';
import { errorFields } from '../lib/logger';
import { inSpan } from '../lib/tracing';
import type { Services } from '../services';
import { anonymousAdmission } from './http/admission';
import { credentialDocumentRoute, vocabularyRoutes } from './http/documents';
import { explorerRoute } from './http/explorer-route';
import { GRAPHQL_PATH, graphqlRoute } from './http/graphql-route';
import { HttpRefusal, requestIdOf, sendError, sendJson, type Route } from './http/http-io';
import { healthRoute, metricsRoute, readyRoute } from './http/probes';
import { RateLimits } from './rate-limits';
import { startWebSocketServer } from './websocket';

/**
 * The HTTP shell: a route table over small handler modules (src/server/http/), each request
 * traced under its route's name, and refusals answered with their code. GraphQL over WebSocket
 * shares the port (websocket.ts).
 */

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

/** Not found: anything the route table does not answer. */
const notFound: Route['handle'] = (_req, res) =>
  sendJson(res, 404, { error: `Not found; GraphQL is served at ${GRAPHQL_PATH}` });

/** Starts the HTTP + WebSocket server on `host:port` over a built schema. */
export async function startRegistryServer(options: RegistryServerOptions): Promise<RegistryServer> {
  const { services, schema, policy } = options;
  const { limits } = policy;
  const rateLimits = new RateLimits(limits, {
    redis: options.redis?.commands,
    metrics: services.metrics,
  });
  const httpServer = http.createServer({ requestTimeout: limits.requestTimeoutMs + 10_000 });
  const wsServer = new WebSocketServer({
    server: httpServer,
    path: GRAPHQL_PATH,
    maxPayload: limits.maxBodyBytes,
  });
  const ws = startWebSocketServer({
    services,
    schema,
    wsServer,
    limits,
    rateLimits,
    logger: services.logger,
  });
  const admit = anonymousAdmission(limits, rateLimits);
  const graphql = await graphqlRoute({
    services,
    schema,
    limits,
    corsOrigins: policy.corsOrigins,
    production: policy.production,
    rateLimits,
    admit,
    httpServer,
    drainWebSockets: async () => {
      await ws.dispose();
    },
  });
  const probes = { ...options, db: services.db, healthGraceMs: policy.healthGraceMs };
  const routes: Route[] = [
    healthRoute(probes),
    readyRoute(probes),
    metricsRoute(services.metrics),
    ...vocabularyRoutes(services.publicUrl),
    explorerRoute(notFound),
    credentialDocumentRoute(services.standards, admit, notFound),
    graphql.route,
  ];
  httpServer.on('request', (req: IncomingMessage, res: ServerResponse) =>
    dispatch(routes, services, req, res),
  );

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(options.port, options.host, () => {
      httpServer.off('error', reject);
      resolve();
    });
  });
  const port = (httpServer.address() as AddressInfo).port;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${options.host}:${port}${GRAPHQL_PATH}`,
    port,
    close: () => (closing ??= graphql.stop()),
  };
}

/**
 * Answers one request by the first route that matches its path, traced under the route's name
 * (ids and unknown paths left out, so traces group by route and a client cannot make up span
 * names); a refusal is answered with its status and code, anything else is a logged 500.
 */
function dispatch(
  routes: readonly Route[],
  services: Services,
  req: IncomingMessage,
  res: ServerResponse,
): void {
  const { logger, metrics } = services;
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
  const route = routes.find((r) => r.matches(url.pathname));
  const name = route?.name ?? '/{unknown}';
  void inSpan(
    `${req.method ?? 'GET'} ${name}`,
    { 'http.request.method': req.method ?? 'GET', 'http.route': name },
    async () => {
      await (route ?? { handle: notFound }).handle(req, res, { url, requestId });
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
      errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }],
    });
  });
}
