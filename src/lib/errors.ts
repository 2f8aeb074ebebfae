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

export class UserInputError extends CodedError {
  readonly code = 'BAD_USER_INPUT';
  constructor(message: string, details?: Record<string, unknown>) {
    super(message, 'BAD_USER_INPUT', details);
  }
}

export class NotFoundError extends CodedError {
  readonly code = 'NOT_FOUND';
  constructor(message: string, details?: Record<string, unknown>) {
    super(message, 'NOT_FOUND', details);
  }
}

export class ForbiddenError extends CodedError {
  readonly code = 'FORBIDDEN';
  constructor(message: string, details?: Record<string, unknown>) {
    super(message, 'FORBIDDEN', details);
  }
}

export class UnauthenticatedError extends CodedError {
  readonly code = 'UNAUTHENTICATED';
  constructor(message: string, details?: Record<string, unknown>) {
    super(message, 'UNAUTHENTICATED', details);
  }
}

export class ConflictError extends CodedError {
  readonly code = 'CONFLICT';
  constructor(message: string, details?: Record<string, unknown>) {
    super(message, 'CONFLICT', details);
  }
}

export class ServiceUnavailableError extends CodedError {
  readonly code = 'SERVICE_UNAVAILABLE';
  constructor(message = 'The registry database cannot be reached right now; retry shortly.') {
    super(message, 'SERVICE_UNAVAILABLE');
  }
}
