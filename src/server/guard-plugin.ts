import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, OperationTypeNode } from 'graphql';
import { ANONYMOUS } from '../auth/viewer';
import type { Limits } from '../config';
import { BadRequestError, CodedError } from '../lib/errors';
import type { Context } from './context';
import { checkCost } from './query-limits';
import type { RateLimits, RateState } from './rate-limits';

/** The HTTP status each refusal answers with. */
const STATUS: Record<string, number> = {
  BAD_REQUEST: 400,
  QUERY_TOO_COMPLEX: 400,
  UNAUTHENTICATED: 401,
  RATE_LIMITED: 429,
};

/** Adds the HTTP status (and headers) of a refusal, which Apollo applies to the response. */
export function withHttp(error: unknown, headers?: HeaderMap): unknown {
  if (!(error instanceof CodedError)) return error;
  const status = STATUS[error.code];
  if (status === undefined) return error;
  return new GraphQLError(error.message, {
    originalError: error,
    extensions: {
      ...error.extensions,
      http: { status, headers: headers ?? new HeaderMap() },
    },
  });
}

/** The IETF RateLimit header fields (and Retry-After) for a budget. */
export function rateHeaders(state: RateState, retryAfterSeconds?: number): HeaderMap {
  const headers = new HeaderMap([
    ['ratelimit-limit', String(state.limit)],
    ['ratelimit-remaining', String(state.remaining)],
    ['ratelimit-reset', String(state.resetSeconds)],
  ]);
  if (retryAfterSeconds !== undefined) headers.set('retry-after', String(retryAfterSeconds));
  return headers;
}

/**
 * Runs before any resolver: refuses subscriptions over HTTP, refuses an operation whose estimated
 * cost is over the limit, resolves the caller's key (a bad key is refused on every operation),
 * and spends the caller's rate-limit budget by the cost; the budget goes out as RateLimit headers.
 */
export function guardPlugin(limits: Limits, rateLimits: RateLimits): ApolloServerPlugin<Context> {
  return {
    requestDidStart() {
      let rate: RateState | undefined;
      return Promise.resolve({
        async didResolveOperation({ operation, document, request, schema, contextValue }) {
          try {
            if (operation?.operation === OperationTypeNode.SUBSCRIPTION) {
              throw new BadRequestError(
                'Subscriptions run over WebSocket (graphql-ws) at /graphql, not over HTTP.',
              );
            }
            const cost = checkCost(
              limits,
              schema,
              document,
              request.variables,
              request.operationName,
            );
            const viewer = await contextValue.viewer().catch(async (refused: unknown) => {
              // Guessing keys spends the address's budget like any anonymous request.
              await rateLimits.spend(
                { viewer: ANONYMOUS, address: contextValue.clientAddress },
                0,
                false,
              );
              throw refused;
            });
            rate = await rateLimits.spend(
              { viewer, address: contextValue.clientAddress },
              cost,
              operation?.operation === OperationTypeNode.MUTATION,
              contextValue.admitted,
            );
          } catch (error) {
            const ext = (error as CodedError).extensions ?? {};
            const retryAfter = ext.retryAfterSeconds;
            throw withHttp(
              error,
              typeof retryAfter === 'number'
                ? rateHeaders(
                    { limit: Number(ext.limit ?? 0), remaining: 0, resetSeconds: retryAfter },
                    retryAfter,
                  )
                : undefined,
            );
          }
        },
        willSendResponse({ response }) {
          if (rate) {
            for (const [name, value] of rateHeaders(rate)) response.http.headers.set(name, value);
          }
          return Promise.resolve();
        },
      });
    },
  };
}
