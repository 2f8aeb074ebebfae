import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import {
  GraphQLError,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type GraphQLSchema,
} from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import type { WebSocketServer } from 'ws';
import type { Viewer } from '../auth/viewer';
import type { Limits } from '../config';
import { CodedError, QueryTooComplexError, RateLimitedError } from '../lib/errors';
import { errorFields, type Logger } from '../lib/logger';
import type { Services } from '../services';
import { createContext } from './context';
import { formatError } from './format-error';
import { checkCost, parseLimits, queryLimitRules } from './query-limits';
import { clientAddress } from './client-address';
import type { RateLimits } from './rate-limits';

/** What the registry keeps per WebSocket connection. */
interface Extra extends Record<PropertyKey, unknown> {
  requestId?: string;
  viewer?: Viewer;
  address?: string;
  /** Ids of the operations this connection runs now. */
  active?: Set<string>;
  request: IncomingMessage;
}

/**
 * graphql-js's own parse and validation errors carry no code; give them the ones Apollo gives
 * them over HTTP, so both transports answer alike.
 */
function withRequestCode(error: GraphQLError, code: string): GraphQLError {
  if (error.originalError instanceof CodedError || error.extensions.code) return error;
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    originalError: error.originalError,
    extensions: { ...error.extensions, code },
  });
}

/** The error a client receives for a refused operation: coded, nothing internal. */
function refusal(error: unknown, log: (e: unknown) => void): GraphQLError {
  const formatted = formatError(
    error instanceof GraphQLError ? error.toJSON() : { message: String(error) },
    error instanceof GraphQLError ? (error.originalError ?? error) : error,
    log,
  );
  return new GraphQLError(formatted.message, { extensions: formatted.extensions });
}

/**
 * graphql-ws on the HTTP server's /graphql: the same keys as HTTP (a bad key closes the connection
 * with 4403), and the same limits at subscribe time: token, depth, alias and cost limits, the
 * caller's rate-limit budget, and caps on subscriptions per connection and per client address.
 */
export function startWebSocketServer(options: {
  readonly services: Services;
  readonly schema: GraphQLSchema;
  readonly wsServer: WebSocketServer;
  readonly limits: Limits;
  readonly rateLimits: RateLimits;
  readonly logger: Logger;
}): { dispose(): void | Promise<void> } {
  const { services, schema, limits, rateLimits, logger } = options;
  const rules = [...specifiedRules, ...queryLimitRules(limits)];
  const perAddress = new Map<string, number>();

  const release = (extra: Extra, id: string) => {
    if (!extra.active?.delete(id) || !extra.address) return;
    services.metrics.subscriptions.dec();
    const left = (perAddress.get(extra.address) ?? 1) - 1;
    if (left <= 0) perAddress.delete(extra.address);
    else perAddress.set(extra.address, left);
  };

  return useServer<Record<string, unknown> | undefined, Extra>(
    {
      schema,
      onConnect: async (ctx) => {
        ctx.extra.requestId = randomUUID();
        ctx.extra.address = clientAddress(ctx.extra.request, limits.trustedProxies);
        ctx.extra.active = new Set();
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
      onSubscribe: async (ctx, id, payload) => {
        const extra = ctx.extra;
        const log = (e: unknown) =>
          logger.error('internal error at subscribe', {
            requestId: extra.requestId,
            ...errorFields(e),
          });
        const active = extra.active!;
        const address = extra.address ?? 'unknown';
        let reserved = false;
        try {
          if (active.size >= limits.subscriptionsPerConnection) {
            throw new RateLimitedError(
              `A connection may hold ${limits.subscriptionsPerConnection} operations at once; ` +
                'complete one first.',
              { retryAfterSeconds: 1, limit: limits.subscriptionsPerConnection },
            );
          }
          if ((perAddress.get(address) ?? 0) >= limits.subscriptionsPerAddress) {
            throw new RateLimitedError(
              `This address holds ${limits.subscriptionsPerAddress} subscriptions already; ` +
                'complete some first.',
              { retryAfterSeconds: 1, limit: limits.subscriptionsPerAddress },
            );
          }
          // Reserved before the first await, so concurrent subscribes cannot all pass the caps.
          active.add(id);
          services.metrics.subscriptions.inc();
          perAddress.set(address, (perAddress.get(address) ?? 0) + 1);
          reserved = true;
          let document: DocumentNode;
          try {
            document = parse(payload.query, parseLimits(limits));
          } catch (error) {
            if (error instanceof GraphQLError && /tokens/i.test(error.message)) {
              throw new QueryTooComplexError(
                `The document has more than ${limits.maxTokens} tokens. Split it or ask for less.`,
                { limit: 'tokens', max: limits.maxTokens },
              );
            }
            throw error instanceof GraphQLError
              ? withRequestCode(error, 'GRAPHQL_PARSE_FAILED')
              : error;
          }
          const errors = validate(schema, document, rules);
          if (errors.length > 0) {
            release(extra, id);
            return errors.map((e) => refusal(withRequestCode(e, 'GRAPHQL_VALIDATION_FAILED'), log));
          }
          const cost = checkCost(
            limits,
            schema,
            document,
            payload.variables ?? undefined,
            payload.operationName,
          );
          await rateLimits.spend({ viewer: extra.viewer!, address }, cost, false);
          return {
            schema,
            document,
            variableValues: payload.variables ?? undefined,
            operationName: payload.operationName ?? undefined,
            contextValue: createContext(services, {
              requestId: extra.requestId ?? randomUUID(),
              clientAddress: address,
              viewer: extra.viewer,
            }),
          };
        } catch (error) {
          if (reserved) release(extra, id);
          if (error instanceof CodedError || error instanceof GraphQLError) {
            return [refusal(error, log)];
          }
          throw error;
        }
      },
      onComplete: (ctx, id) => release(ctx.extra, id),
      onClose: (ctx) => {
        for (const id of [...(ctx.extra.active ?? [])]) release(ctx.extra, id);
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
    options.wsServer,
  );
}
