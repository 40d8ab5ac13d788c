// Domain errors carry a stable code that clients can switch on. Resolvers and
// services throw these; one formatter turns them into GraphQL errors.
export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  TOO_MANY_REQUESTS: 'TOO_MANY_REQUESTS',
  TENANT_CHOICE_REQUIRED: 'TENANT_CHOICE_REQUIRED',
  TENANT_SUSPENDED: 'TENANT_SUSPENDED',
  /** The organisation signs in through its identity provider (password sign-in is off). */
  SSO_REQUIRED: 'SSO_REQUIRED',
  ANONYMITY_THRESHOLD: 'ANONYMITY_THRESHOLD',
  PULSE_CLOSED: 'PULSE_CLOSED',
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const badInput = (message: string, details?: Record<string, unknown>) => new DomainError(ErrorCode.BAD_USER_INPUT, message, details);
export const notFound = (what: string) => new DomainError(ErrorCode.NOT_FOUND, `${what} not found`);
export const forbidden = (message = 'You do not have access to this') => new DomainError(ErrorCode.FORBIDDEN, message);
export const unauthenticated = (message = 'Please sign in') => new DomainError(ErrorCode.UNAUTHENTICATED, message);
export const conflict = (message: string, details?: Record<string, unknown>) => new DomainError(ErrorCode.CONFLICT, message, details);
