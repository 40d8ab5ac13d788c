import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
import {
  ApiError,
  type ApiErrorCode,
  type GraphQLErrorPayload,
  parseRetryAfterSeconds,
} from './api-error';

/**
 * A tiny GraphQL client over fetch.
 *
 * - Sends the in-memory access token as `Authorization: Bearer …` (never stored anywhere else).
 * - On UNAUTHENTICATED it refreshes the session once (the API reads the httpOnly `pw_refresh`
 *   cookie) and retries the request once. Concurrent requests share a single refresh, and tabs
 *   take turns (Web Locks), because the API rotates the refresh cookie and ends the session when
 *   an already-used one comes back.
 * - If the refresh is rejected, the session is over: the token is dropped, `onSessionEnded` fires
 *   once, and the request fails with UNAUTHENTICATED ("Your session ended…").
 * - Everything else surfaces as a typed `ApiError` with a message a person understands.
 */

/** What codegen's client preset produces with `documentMode: 'string'`. */
export type GraphQLDocument<TResult, TVariables> = DocumentTypeDecoration<TResult, TVariables> & {
  toString(): string;
};

export interface RequestOptions {
  /** Cancels the request (react-query passes one in). */
  signal?: AbortSignal | undefined;
  /**
   * `true` (default): send the access token and refresh-and-retry once on UNAUTHENTICATED.
   * `false`: send no token and never refresh — for signIn and refreshSession themselves.
   */
  auth?: boolean;
}

type EmptyVariables = Record<string, never>;

/** Variables are optional exactly when the operation has none. */
export type RequestArgs<TVariables> = [TVariables] extends [EmptyVariables]
  ? [variables?: TVariables, options?: RequestOptions]
  : [variables: TVariables, options?: RequestOptions];

export type RequestFn = <TResult, TVariables>(
  document: GraphQLDocument<TResult, TVariables>,
  ...args: RequestArgs<TVariables>
) => Promise<TResult>;

export interface AccessTokenStore {
  get(): string | null;
  set(token: string | null): void;
}

export interface GraphQLClientOptions {
  endpoint?: string;
  fetch?: typeof fetch;
  tokens?: AccessTokenStore;
  /**
   * Performs the refreshSession mutation with the given unauthenticated request function and
   * returns the new access token. Throws (an ApiError) when the API rejects the refresh.
   */
  refreshSession: (request: RequestFn) => Promise<string>;
  /** Called once when a refresh is rejected, i.e. the person must sign in again. */
  onSessionEnded?: () => void;
  timeoutMs?: number;
  /**
   * Serialises refreshes across browser tabs (default: the Web Locks API where available).
   * The API rotates the refresh cookie and treats an old one coming back as theft, ending the
   * session: two tabs refreshing at the same moment would sign the person out everywhere.
   */
  withRefreshLock?: <T>(task: () => Promise<T>) => Promise<T>;
}

const REFRESH_LOCK_NAME = 'pulsewise-session-refresh';

function webLocksOrDirect<T>(task: () => Promise<T>): Promise<T> {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  return locks ? locks.request(REFRESH_LOCK_NAME, task) : task();
}

export interface GraphQLClient {
  request: RequestFn;
  /** Refreshes the session now (single-flight). Resolves with the new token; throws ApiError. */
  refreshSession(): Promise<string>;
  setAccessToken(token: string | null): void;
  getAccessToken(): string | null;
}

/** Codes with which the API rejects a refresh: the session cannot be recovered. */
const SESSION_REJECTED_CODES: ReadonlySet<ApiErrorCode> = new Set([
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'TENANT_SUSPENDED',
]);

export function createMemoryTokenStore(): AccessTokenStore {
  let token: string | null = null;
  return {
    get: () => token,
    set: (next) => {
      token = next;
    },
  };
}

export function createGraphQLClient(options: GraphQLClientOptions): GraphQLClient {
  const endpoint = options.endpoint ?? '/graphql';
  const doFetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const tokens = options.tokens ?? createMemoryTokenStore();
  const timeoutMs = options.timeoutMs ?? 30_000;
  const withRefreshLock = options.withRefreshLock ?? webLocksOrDirect;
  let inFlightRefresh: Promise<string> | null = null;

  async function execute<TResult, TVariables>(
    document: GraphQLDocument<TResult, TVariables>,
    variables: TVariables | undefined,
    token: string | null,
    signal: AbortSignal | undefined,
  ): Promise<TResult> {
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
    };
    if (token) headers.authorization = `Bearer ${token}`;

    const { signal: combined, timedOut, dispose } = withTimeout(signal, timeoutMs);
    let response: Response;
    let text: string;
    try {
      response = await doFetch(endpoint, {
        method: 'POST',
        headers,
        body: JSON.stringify({ query: document.toString(), variables: variables ?? {} }),
        credentials: 'same-origin',
        signal: combined,
      });
      text = await response.text();
    } catch (cause) {
      if (signal?.aborted) throw signal.reason ?? cause; // the caller cancelled: not an error to show
      if (timedOut()) throw new ApiError({ code: 'TIMEOUT', message: 'Request timed out', cause });
      throw new ApiError({ code: 'NETWORK_ERROR', message: describeCause(cause), cause });
    } finally {
      dispose();
    }

    const body = parseJson(text);
    const retryAfterHeader = response.headers.get('retry-after');

    if (isRecord(body) && Array.isArray(body.errors) && body.errors.length > 0) {
      throw fromGraphQLErrors(body.errors as GraphQLErrorPayload[], response.status, retryAfterHeader);
    }
    if (!response.ok) {
      throw fromHttpStatus(response.status, retryAfterHeader);
    }
    if (!isRecord(body) || !isRecord(body.data)) {
      throw new ApiError({ code: 'BAD_RESPONSE', status: response.status, message: 'Response had no data' });
    }
    return body.data as TResult;
  }

  function refreshSession(): Promise<string> {
    if (!inFlightRefresh) {
      const unauthenticated: RequestFn = (document, ...args) =>
        execute(document, args[0], null, args[1]?.signal);
      inFlightRefresh = withRefreshLock(() => options.refreshSession(unauthenticated))
        .then((token) => {
          tokens.set(token);
          return token;
        })
        .finally(() => {
          inFlightRefresh = null;
        });
    }
    return inFlightRefresh;
  }

  function endSession(cause: unknown): never {
    const hadSession = tokens.get() !== null;
    tokens.set(null);
    if (hadSession) options.onSessionEnded?.();
    throw new ApiError({
      code: 'UNAUTHENTICATED',
      message: 'Session ended',
      userMessage: 'Your session ended. Please sign in again.',
      cause,
    });
  }

  const request: RequestFn = async (document, ...args) => {
    const [variables, requestOptions] = args;
    const auth = requestOptions?.auth ?? true;
    const signal = requestOptions?.signal;
    const tokenUsed = auth ? tokens.get() : null;

    try {
      return await execute(document, variables, tokenUsed, signal);
    } catch (error) {
      if (!auth || !(error instanceof ApiError) || error.code !== 'UNAUTHENTICATED') throw error;
    }

    // The access token was missing, expired or revoked. Refresh once — unless another request
    // already did while ours was in flight — then retry once.
    const current = tokens.get();
    if (current === null || current === tokenUsed) {
      try {
        await refreshSession();
      } catch (refreshError) {
        if (refreshError instanceof ApiError && SESSION_REJECTED_CODES.has(refreshError.code)) {
          endSession(refreshError);
        }
        throw refreshError; // network trouble etc.: the session may still be fine, let them retry
      }
    }

    try {
      return await execute(document, variables, tokens.get(), signal);
    } catch (retryError) {
      if (retryError instanceof ApiError && retryError.code === 'UNAUTHENTICATED') endSession(retryError);
      throw retryError;
    }
  };

  return {
    request,
    refreshSession,
    setAccessToken: (token) => tokens.set(token),
    getAccessToken: () => tokens.get(),
  };
}

/** The first UNAUTHENTICATED error wins (so we refresh); otherwise the first error. */
export function fromGraphQLErrors(
  errors: readonly GraphQLErrorPayload[],
  status: number,
  retryAfterHeader: string | null,
): ApiError {
  const codeOf = (e: GraphQLErrorPayload) =>
    typeof e.extensions?.code === 'string' ? e.extensions.code : 'INTERNAL_SERVER_ERROR';
  const primary = errors.find((e) => codeOf(e) === 'UNAUTHENTICATED') ?? errors[0];
  const code = primary ? codeOf(primary) : 'INTERNAL_SERVER_ERROR';
  const extensions = primary?.extensions ?? {};
  return new ApiError({
    code,
    message: primary?.message,
    status,
    extensions,
    graphQLErrors: errors,
    retryAfterSeconds: parseRetryAfterSeconds(extensions, retryAfterHeader),
  });
}

/** A non-GraphQL answer, e.g. from a proxy or load balancer while the API is down. */
export function fromHttpStatus(status: number, retryAfterHeader: string | null): ApiError {
  const code: ApiErrorCode =
    status === 401
      ? 'UNAUTHENTICATED'
      : status === 403
        ? 'FORBIDDEN'
        : status === 429
          ? 'TOO_MANY_REQUESTS'
          : status >= 500
            ? 'SERVICE_UNAVAILABLE'
            : 'BAD_RESPONSE';
  return new ApiError({
    code,
    status,
    message: `HTTP ${status}`,
    retryAfterSeconds: parseRetryAfterSeconds(undefined, retryAfterHeader),
  });
}

function withTimeout(signal: AbortSignal | undefined, ms: number) {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new DOMException('Request timed out', 'TimeoutError'));
  }, ms);
  const onAbort = () => controller.abort(signal?.reason);
  if (signal?.aborted) controller.abort(signal.reason);
  else signal?.addEventListener('abort', onAbort, { once: true });
  return {
    signal: controller.signal,
    timedOut: () => timedOut,
    dispose: () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    },
  };
}

function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describeCause(cause: unknown): string {
  return cause instanceof Error ? cause.message : 'Network request failed';
}
