import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import {
  GraphQLError,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type ExecutionArgs,
  type GraphQLSchema,
} from 'graphql';
import type { SubscribePayload } from 'graphql-ws';
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
import { present } from '../lib/present';

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

/** What the WebSocket handlers share. */
interface WsOptions {
  readonly services: Services;
  readonly schema: GraphQLSchema;
  readonly wsServer: WebSocketServer;
  readonly limits: Limits;
  readonly rateLimits: RateLimits;
  readonly logger: Logger;
}

/**
 * graphql-ws on the HTTP server's /graphql: the same keys as HTTP (a bad key closes the connection
 * with 4403), and the same limits at subscribe time: token, depth, alias and cost limits, the
 * caller's rate-limit budget, and caps on subscriptions per connection and per client address.
 */
export function startWebSocketServer(options: WsOptions): { dispose(): void | Promise<void> } {
  const { schema, logger } = options;
  const slots = new SubscriptionSlots(options.limits, options.services.metrics);
  return useServer<Record<string, unknown> | undefined, Extra>(
    {
      schema,
      onConnect: (ctx) => connect(options, ctx.extra, ctx.connectionParams),
      onSubscribe: (ctx, id, payload) => admit(options, slots, ctx.extra, id, payload),
      onComplete: (ctx, id) => slots.release(ctx.extra, id),
      onClose: (ctx) => {
        for (const id of [...(ctx.extra.active ?? [])]) slots.release(ctx.extra, id);
      },
      onError: (ctx, _id, _payload, errors) => {
        logger.warn('subscription error', {
          requestId: ctx.extra.requestId,
          errors: errors.map((e) => e.message),
        });
      },
      onNext: (ctx, _id, _payload, args, result) => {
        if (!('errors' in result) || !result.errors) return undefined;
        const log = (e: unknown) =>
          logger.error('internal error in subscription', {
            requestId: ctx.extra.requestId,
            operation: args.operationName,
            ...errorFields(e),
          });
        return {
          ...result,
          errors: result.errors.map((error) =>
            formatError(
              error.toJSON(),
              error instanceof GraphQLError ? error.originalError : error,
              log,
            ),
          ),
        };
      },
    },
    options.wsServer,
  );
}

/** A new connection: its request id, client address and viewer; false refuses the key. */
async function connect(
  { services, limits, logger }: WsOptions,
  extra: Extra,
  params: Record<string, unknown> | undefined,
): Promise<boolean> {
  extra.requestId = randomUUID();
  extra.address = clientAddress(extra.request, limits.trustedProxies);
  extra.active = new Set();
  const authorization = params?.authorization ?? params?.Authorization;
  try {
    extra.viewer = await services.auth.viewerFor(authorization);
    return true;
  } catch (error) {
    logger.info('subscription connection refused', {
      requestId: extra.requestId,
      reason: error instanceof Error ? error.message : String(error),
    });
    return false;
  }
}

/**
 * The operations running per connection and per client address, under their caps: a slot is
 * taken before the first await of a subscribe, so concurrent subscribes cannot all pass.
 */
class SubscriptionSlots {
  private readonly perAddress = new Map<string, number>();

  constructor(
    private readonly limits: Limits,
    private readonly metrics: Services['metrics'],
  ) {}

  /** Takes a slot for operation `id`, or refuses with RATE_LIMITED. */
  reserve(extra: Extra, id: string, address: string): void {
    const active = present(extra.active, "the connection's operations (set at connect)");
    const { subscriptionsPerConnection: perConnection, subscriptionsPerAddress } = this.limits;
    if (active.size >= perConnection) {
      throw new RateLimitedError(
        `A connection may hold ${perConnection} operations at once; complete one first.`,
        { retryAfterSeconds: 1, limit: perConnection },
      );
    }
    if ((this.perAddress.get(address) ?? 0) >= subscriptionsPerAddress) {
      throw new RateLimitedError(
        `This address holds ${subscriptionsPerAddress} subscriptions already; ` +
          'complete some first.',
        { retryAfterSeconds: 1, limit: subscriptionsPerAddress },
      );
    }
    active.add(id);
    this.metrics.subscriptions.inc();
    this.perAddress.set(address, (this.perAddress.get(address) ?? 0) + 1);
  }

  /** Gives back operation `id`'s slot (nothing when it holds none). */
  release(extra: Extra, id: string): void {
    if (!extra.active?.delete(id) || !extra.address) return;
    this.metrics.subscriptions.dec();
    const left = (this.perAddress.get(extra.address) ?? 1) - 1;
    if (left <= 0) this.perAddress.delete(extra.address);
    else this.perAddress.set(extra.address, left);
  }
}

/**
 * One subscribe: a slot, the document parsed and validated under the query limits, its cost
 * spent from the caller's budget; then what graphql-ws executes, or the coded refusals.
 */
async function admit(
  { services, schema, limits, rateLimits, logger }: WsOptions,
  slots: SubscriptionSlots,
  extra: Extra,
  id: string,
  payload: SubscribePayload,
): Promise<ExecutionArgs | readonly GraphQLError[]> {
  const log = (e: unknown) =>
    logger.error('internal error at subscribe', { requestId: extra.requestId, ...errorFields(e) });
  const address = extra.address ?? 'unknown';
  let reserved = false;
  try {
    slots.reserve(extra, id, address);
    reserved = true;
    const document = parseOperation(payload.query, limits);
    const errors = validate(schema, document, [...specifiedRules, ...queryLimitRules(limits)]);
    if (errors.length > 0) {
      slots.release(extra, id);
      return errors.map((e) => refusal(withRequestCode(e, 'GRAPHQL_VALIDATION_FAILED'), log));
    }
    const variables = payload.variables ?? undefined;
    const cost = checkCost(limits, schema, document, variables, payload.operationName);
    await rateLimits.spend(
      { viewer: present(extra.viewer, "the connection's viewer (set at connect)"), address },
      cost,
      false,
    );
    return {
      schema,
      document,
      variableValues: variables,
      operationName: payload.operationName ?? undefined,
      contextValue: createContext(services, {
        requestId: extra.requestId ?? randomUUID(),
        clientAddress: address,
        viewer: extra.viewer,
      }),
    };
  } catch (error) {
    if (reserved) slots.release(extra, id);
    if (error instanceof CodedError || error instanceof GraphQLError) return [refusal(error, log)];
    throw error;
  }
}

/** The operation's document, within the token limit (QUERY_TOO_COMPLEX past it). */
function parseOperation(query: string, limits: Limits): DocumentNode {
  try {
    return parse(query, parseLimits(limits));
  } catch (error) {
    if (error instanceof GraphQLError && /tokens/i.test(error.message)) {
      throw new QueryTooComplexError(
        `The document has more than ${limits.maxTokens} tokens. Split it or ask for less.`,
        { limit: 'tokens', max: limits.maxTokens },
      );
    }
    throw error instanceof GraphQLError ? withRequestCode(error, 'GRAPHQL_PARSE_FAILED') : error;
  }
}
