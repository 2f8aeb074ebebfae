import { GraphQLError } from 'graphql';

/**
 * The closed set of `extensions.code` values clients can rely on. Anything else reaching the
 * client is reported as INTERNAL_SERVER_ERROR with no internal detail.
 */
export const ERROR_CODES = [
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'FORBIDDEN',
  'UNAUTHENTICATED',
  'CONFLICT',
  'SERVICE_UNAVAILABLE',
  'QUERY_TOO_COMPLEX',
  'RATE_LIMITED',
  'TIMEOUT',
  'RESULT_TOO_LARGE',
  'BAD_REQUEST',
  'INTERNAL_SERVER_ERROR',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** A domain error with a stable code; its message is meant for the client and says how to fix it. */
export abstract class CodedError extends GraphQLError {
  abstract readonly code: ErrorCode;
  constructor(message: string, code: ErrorCode, details?: Record<string, unknown>) {
    super(message, { extensions: { code, ...details } });
    this.name = new.target.name;
  }
}

/** BAD_USER_INPUT: the request asks for something invalid; the message says what to change. */
export class UserInputError extends CodedError {
  readonly code = 'BAD_USER_INPUT';
  constructor(message: string, details?: Record<string, unknown>) {
    super(message, 'BAD_USER_INPUT', details);
  }
}

/** NOT_FOUND: a mutation names something the registry does not hold. */
export class NotFoundError extends CodedError {
  readonly code = 'NOT_FOUND';
  constructor(message: string, details?: Record<string, unknown>) {
    super(message, 'NOT_FOUND', details);
  }
}

/** FORBIDDEN: the key is valid but does not open this. */
export class ForbiddenError extends CodedError {
  readonly code = 'FORBIDDEN';
  constructor(message: string, details?: Record<string, unknown>) {
    super(message, 'FORBIDDEN', details);
  }
}

/** UNAUTHENTICATED: a key is needed, or the one sent is unknown or revoked. */
export class UnauthenticatedError extends CodedError {
  readonly code = 'UNAUTHENTICATED';
  constructor(message: string, details?: Record<string, unknown>) {
    super(message, 'UNAUTHENTICATED', details);
  }
}

/** CONFLICT: the change would break a rule of the graph (a cycle, a duplicate key). */
export class ConflictError extends CodedError {
  readonly code = 'CONFLICT';
  constructor(message: string, details?: Record<string, unknown>) {
    super(message, 'CONFLICT', details);
  }
}

/** SERVICE_UNAVAILABLE: the database cannot be reached; retrying later may work. */
export class ServiceUnavailableError extends CodedError {
  readonly code = 'SERVICE_UNAVAILABLE';
  constructor(message = 'The registry database cannot be reached right now; retry shortly.') {
    super(message, 'SERVICE_UNAVAILABLE');
  }
}

/** QUERY_TOO_COMPLEX: the document is refused before it runs (depth, aliases, tokens, cost). */
export class QueryTooComplexError extends CodedError {
  readonly code = 'QUERY_TOO_COMPLEX';
  constructor(message: string, details?: Record<string, unknown>) {
    super(message, 'QUERY_TOO_COMPLEX', details);
  }
}

/** RATE_LIMITED: the client spent its budget; `retryAfterSeconds` says when to come back. */
export class RateLimitedError extends CodedError {
  readonly code = 'RATE_LIMITED';
  constructor(message: string, details: { retryAfterSeconds: number } & Record<string, unknown>) {
    super(message, 'RATE_LIMITED', details);
  }
}

/** TIMEOUT: the request ran past its deadline and was cancelled; ask for less. */
export class TimeoutError extends CodedError {
  readonly code = 'TIMEOUT';
  constructor(
    message = 'The request ran past its time budget and was cancelled; ask for less (smaller first, fewer fields).',
  ) {
    super(message, 'TIMEOUT');
  }
}

/** RESULT_TOO_LARGE: the answer would exceed the response size cap; ask for less. */
export class ResultTooLargeError extends CodedError {
  readonly code = 'RESULT_TOO_LARGE';
  constructor(message: string, details?: Record<string, unknown>) {
    super(message, 'RESULT_TOO_LARGE', details);
  }
}

/** BAD_REQUEST: the HTTP request itself is malformed (body, content type, operation kind). */
export class BadRequestError extends CodedError {
  readonly code = 'BAD_REQUEST';
  constructor(message: string, details?: Record<string, unknown>) {
    super(message, 'BAD_REQUEST', details);
  }
}
