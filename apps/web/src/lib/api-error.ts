/**
 * Every GraphQL error from the API carries a stable `extensions.code`. This module turns those
 * codes (plus transport failures the browser sees on its own) into typed errors with a message
 * a person understands. Components show `error.userMessage`, never `error.message`.
 */

/** Codes the API sends (see apps/api exception filter) plus the ones Apollo Server adds itself. */
export type ServerErrorCode =
  | 'BAD_USER_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'TOO_MANY_REQUESTS'
  | 'SERVICE_UNAVAILABLE'
  | 'INTERNAL_SERVER_ERROR'
  | 'TENANT_CHOICE_REQUIRED'
  | 'TENANT_SUSPENDED'
  | 'ANONYMITY_THRESHOLD'
  | 'PULSE_CLOSED'
  | 'GRAPHQL_PARSE_FAILED'
  | 'GRAPHQL_VALIDATION_FAILED';

/** Codes produced in the browser when no GraphQL answer arrived. */
export type ClientErrorCode = 'NETWORK_ERROR' | 'TIMEOUT' | 'BAD_RESPONSE';

/** Unknown server codes are kept as-is (and get a generic message) rather than dropped. */
export type ApiErrorCode = ServerErrorCode | ClientErrorCode | (string & {});

export interface GraphQLErrorPayload {
  message: string;
  path?: ReadonlyArray<string | number>;
  extensions?: Record<string, unknown>;
}

export interface ApiErrorInit {
  code: ApiErrorCode;
  /** Message from the server or transport, for logs and developers. */
  message?: string;
  userMessage?: string;
  status?: number;
  extensions?: Record<string, unknown>;
  graphQLErrors?: readonly GraphQLErrorPayload[];
  retryAfterSeconds?: number;
  cause?: unknown;
}

export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly code: ApiErrorCode;
  /** Safe to show to the person using the app. */
  readonly userMessage: string;
  /** HTTP status of the response, when there was one. */
  readonly status: number | undefined;
  readonly extensions: Readonly<Record<string, unknown>>;
  readonly graphQLErrors: readonly GraphQLErrorPayload[];
  /** For TOO_MANY_REQUESTS: how long to wait, when the API told us. */
  readonly retryAfterSeconds: number | undefined;

  constructor(init: ApiErrorInit) {
    super(init.message ?? init.code, init.cause === undefined ? undefined : { cause: init.cause });
    this.code = init.code;
    this.status = init.status;
    this.extensions = init.extensions ?? {};
    this.graphQLErrors = init.graphQLErrors ?? [];
    this.retryAfterSeconds = init.retryAfterSeconds;
    this.userMessage =
      init.userMessage ??
      userMessageFor(init.code, { serverMessage: init.message, retryAfterSeconds: init.retryAfterSeconds });
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

export function hasErrorCode(error: unknown, code: ApiErrorCode): error is ApiError {
  return isApiError(error) && error.code === code;
}

/** "3 minutes", "1 minute" — always rounds up so we never tell someone to retry too early. */
export function formatWaitMinutes(seconds: number): string {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  return minutes === 1 ? '1 minute' : `${minutes} minutes`;
}

interface MessageContext {
  serverMessage?: string | undefined;
  retryAfterSeconds?: number | undefined;
}

/**
 * Messages written for people. The server's own message is only used for input validation,
 * where the API phrases it for humans, and never when it leaks GraphQL internals.
 */
export function userMessageFor(code: ApiErrorCode, context: MessageContext = {}): string {
  switch (code) {
    case 'BAD_USER_INPUT':
      return isHumanReadable(context.serverMessage)
        ? context.serverMessage
        : 'Some of the information you entered isn’t valid. Please check it and try again.';
    case 'UNAUTHENTICATED':
      return 'Your session ended. Please sign in again.';
    case 'FORBIDDEN':
      return 'You don’t have access to this. If you think you should, ask your organisation’s Pulsewise admin.';
    case 'NOT_FOUND':
      return 'We couldn’t find what you were looking for. It may have been removed, or the link may be wrong.';
    case 'CONFLICT':
      return isHumanReadable(context.serverMessage)
        ? context.serverMessage
        : 'This was changed at the same time by someone else, or it already exists. Reload and try again.';
    case 'TOO_MANY_REQUESTS':
      return context.retryAfterSeconds !== undefined
        ? `Too many attempts. Please try again in ${formatWaitMinutes(context.retryAfterSeconds)}.`
        : 'Too many attempts. Please wait a few minutes and try again.';
    case 'SERVICE_UNAVAILABLE':
      return 'Pulsewise isn’t available right now. Please try again in a few minutes.';
    case 'TENANT_CHOICE_REQUIRED':
      return 'This email is used in more than one organisation. Choose which one to sign in to.';
    case 'TENANT_SUSPENDED':
      return 'Your organisation’s Pulsewise account is suspended. Contact your organisation’s Pulsewise admin.';
    case 'ANONYMITY_THRESHOLD':
      // The API words these for people (e.g. why the threshold cannot be lowered).
      return isHumanReadable(context.serverMessage)
        ? context.serverMessage
        : 'Too few people are in this group to show results without risking their anonymity.';
    case 'PULSE_CLOSED':
      return 'This pulse has closed, so answers are no longer collected.';
    case 'GRAPHQL_PARSE_FAILED':
    case 'GRAPHQL_VALIDATION_FAILED':
      return 'This page is out of date. Please reload the page.';
    case 'NETWORK_ERROR':
      return 'We couldn’t reach Pulsewise. Check your internet connection and try again.';
    case 'TIMEOUT':
      return 'Pulsewise took too long to answer. Please try again.';
    case 'BAD_RESPONSE':
    case 'INTERNAL_SERVER_ERROR':
    default:
      return 'Something went wrong on our side. Please try again; if it keeps happening, contact support.';
  }
}

function isHumanReadable(message: string | undefined): message is string {
  if (!message) return false;
  const trimmed = message.trim();
  if (trimmed.length === 0 || trimmed.length > 300) return false;
  // Apollo / class-validator internals are not for people.
  return !/(\$\w+|Variable "|Exception|Cannot query field|Expected type|\bat \w+ \()/.test(trimmed);
}

/** Parses `extensions.retryAfterSeconds`, `extensions.retryAfter` or an HTTP `Retry-After` header. */
export function parseRetryAfterSeconds(
  extensions: Record<string, unknown> | undefined,
  retryAfterHeader: string | null | undefined,
  now: number = Date.now(),
): number | undefined {
  for (const key of ['retryAfterSeconds', 'retryAfter']) {
    const value = extensions?.[key];
    const seconds = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : NaN;
    if (Number.isFinite(seconds) && seconds >= 0) return seconds;
  }
  if (retryAfterHeader) {
    const seconds = Number(retryAfterHeader);
    if (Number.isFinite(seconds) && seconds >= 0) return seconds;
    const date = Date.parse(retryAfterHeader);
    if (Number.isFinite(date)) return Math.max(0, Math.round((date - now) / 1000));
  }
  return undefined;
}

/** The best message for anything that was thrown (for error boundaries and query error states). */
export function toUserMessage(error: unknown): string {
  if (isApiError(error)) return error.userMessage;
  return userMessageFor('INTERNAL_SERVER_ERROR');
}
