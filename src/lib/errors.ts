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

/**
 * The error class of one code: `new NotFoundError(message, details)`, recognised by `instanceof`,
 * named after the class (for logs). `defaultMessage` serves when the message is left out.
 */
function codedError<
  C extends ErrorCode,
  D extends Record<string, unknown> = Record<string, unknown>,
>(name: string, code: C, defaultMessage?: string) {
  const cls = class extends CodedError {
    readonly code: C = code;
    constructor(message: string = defaultMessage ?? code, details?: D) {
      super(message, code, details);
    }
  };
  Object.defineProperty(cls, 'name', { value: name });
  return cls;
}

/** BAD_USER_INPUT: the request asks for something invalid; the message says what to change. */
export const UserInputError = codedError('UserInputError', 'BAD_USER_INPUT');
export type UserInputError = InstanceType<typeof UserInputError>;

/** NOT_FOUND: a mutation names something the registry does not hold. */
export const NotFoundError = codedError('NotFoundError', 'NOT_FOUND');
export type NotFoundError = InstanceType<typeof NotFoundError>;

/** FORBIDDEN: the key is valid but does not open this. */
export const ForbiddenError = codedError('ForbiddenError', 'FORBIDDEN');
export type ForbiddenError = InstanceType<typeof ForbiddenError>;

/** UNAUTHENTICATED: a key is needed, or the one sent is unknown or revoked. */
export const UnauthenticatedError = codedError('UnauthenticatedError', 'UNAUTHENTICATED');
export type UnauthenticatedError = InstanceType<typeof UnauthenticatedError>;

/** CONFLICT: the change would break a rule of the graph (a cycle, a duplicate key). */
export const ConflictError = codedError('ConflictError', 'CONFLICT');
export type ConflictError = InstanceType<typeof ConflictError>;

/** SERVICE_UNAVAILABLE: the database cannot be reached; retrying later may work. */
export const ServiceUnavailableError = codedError(
  'ServiceUnavailableError',
  'SERVICE_UNAVAILABLE',
  'The registry database cannot be reached right now; retry shortly.',
);
export type ServiceUnavailableError = InstanceType<typeof ServiceUnavailableError>;

/** QUERY_TOO_COMPLEX: the document is refused before it runs (depth, aliases, tokens, cost). */
export const QueryTooComplexError = codedError('QueryTooComplexError', 'QUERY_TOO_COMPLEX');
export type QueryTooComplexError = InstanceType<typeof QueryTooComplexError>;

/** RATE_LIMITED: the client spent its budget; `retryAfterSeconds` says when to come back. */
export const RateLimitedError = codedError<
  'RATE_LIMITED',
  { retryAfterSeconds: number } & Record<string, unknown>
>('RateLimitedError', 'RATE_LIMITED');
export type RateLimitedError = InstanceType<typeof RateLimitedError>;

/** TIMEOUT: the request ran past its deadline and was cancelled; ask for less. */
export const TimeoutError = codedError(
  'TimeoutError',
  'TIMEOUT',
  'The request ran past its time budget and was cancelled; ask for less (smaller first, fewer fields).',
);
export type TimeoutError = InstanceType<typeof TimeoutError>;

/** RESULT_TOO_LARGE: the answer would exceed the response size cap; ask for less. */
export const ResultTooLargeError = codedError('ResultTooLargeError', 'RESULT_TOO_LARGE');
export type ResultTooLargeError = InstanceType<typeof ResultTooLargeError>;

/** BAD_REQUEST: the HTTP request itself is malformed (body, content type, operation kind). */
export const BadRequestError = codedError('BadRequestError', 'BAD_REQUEST');
export type BadRequestError = InstanceType<typeof BadRequestError>;
