import type { GraphQLFormattedError } from 'graphql';
import { ERROR_CODES, type ErrorCode } from '../lib/errors';

const KNOWN = new Set<string>(ERROR_CODES);
/** Codes Apollo and graphql-js set themselves for malformed requests; safe to show. */
const REQUEST_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

/**
 * Keeps errors with a known code as they are and turns anything else into a bare
 * INTERNAL_SERVER_ERROR: no Cypher, driver text or stack reaches a client. `onInternal` logs it.
 */
export function formatError(
  formatted: GraphQLFormattedError,
  original: unknown,
  onInternal: (error: unknown) => void,
): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && (KNOWN.has(code) || REQUEST_CODES.has(code))) {
    if (code !== 'INTERNAL_SERVER_ERROR') {
      const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
  }
  onInternal(original);
  const internal: ErrorCode = 'INTERNAL_SERVER_ERROR';
  return {
    message: 'Internal server error; the request id in the response headers helps us find it.',
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: internal },
  };
}
