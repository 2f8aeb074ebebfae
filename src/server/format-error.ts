import type { ValidationError } from 'class-validator';
import type { GraphQLFormattedError } from 'graphql';
import { ArgumentValidationError } from 'type-graphql';
import { CodedError, ERROR_CODES, type ErrorCode } from '../lib/errors';

const KNOWN = new Set<string>(ERROR_CODES);
/** Codes Apollo and graphql-js set themselves for malformed requests; safe to show. */
const REQUEST_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);
/** Longest message a client gets: a message never carries the request back at length. */
const MAX_MESSAGE = 500;
/** Most fields one validation error names. */
const MAX_FIELDS = 20;

/** A field that failed validation, by its path in the arguments, with what is wrong. */
export interface FieldProblem {
  path: string;
  message: string;
}

/** class-validator's errors as (path, message) pairs: the values and objects checked stay out. */
export function fieldProblems(errors: readonly ValidationError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((e) => {
    const path = prefix ? `${prefix}.${e.property}` : e.property;
    return [
      ...Object.values(e.constraints ?? {}).map((message) => ({ path, message })),
      ...fieldProblems(e.children ?? [], path),
    ];
  });
}

/** graphql-js puts the rejected value into coercion messages; keep what is wrong, not the value. */
export function withoutEchoedValue(message: string): string {
  const cleaned = message.replace(
    /got invalid value [\s\S]*?(;|(?= at "))/,
    'got an invalid value;',
  );
  return cleaned.length > MAX_MESSAGE ? `${cleaned.slice(0, MAX_MESSAGE)}…` : cleaned;
}

function stripInternals(extensions: Record<string, unknown> | undefined): Record<string, unknown> {
  const { stacktrace: _stack, http: _http, ...rest } = extensions ?? {};
  return rest;
}

/**
 * Keeps errors with a known code (a coded domain error wrapped by Apollo keeps its own code and
 * details), turns argument validation into BAD_USER_INPUT naming each bad field, and turns
 * anything else into a bare INTERNAL_SERVER_ERROR: no Cypher, driver text, stack or echo of the
 * input reaches a client. `onInternal` logs what was masked.
 */
export function formatError(
  formatted: GraphQLFormattedError,
  original: unknown,
  onInternal: (error: unknown) => void,
): GraphQLFormattedError {
  if (original instanceof ArgumentValidationError) {
    const fields = fieldProblems(original.extensions.validationErrors).slice(0, MAX_FIELDS);
    return {
      message: `Invalid input: ${fields.map((f) => `${f.path}: ${f.message}`).join('; ')}.`,
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: 'BAD_USER_INPUT', fields },
    };
  }
  if (original instanceof CodedError && original.code !== 'INTERNAL_SERVER_ERROR') {
    return {
      message: original.message,
      locations: formatted.locations,
      path: formatted.path,
      extensions: { ...stripInternals(original.extensions), code: original.code },
    };
  }
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && (KNOWN.has(code) || REQUEST_CODES.has(code))) {
    if (code !== 'INTERNAL_SERVER_ERROR') {
      return {
        ...formatted,
        message: withoutEchoedValue(formatted.message),
        extensions: stripInternals(formatted.extensions),
      };
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
