import { describe, expect, it, vi } from 'vitest';
import { ApiError } from './api-error';
import { createGraphQLClient, type GraphQLDocument, type RequestFn } from './graphql-client';

// Minimal stand-ins for codegen's TypedDocumentString.
const doc = <R, V = Record<string, never>>(query: string) => ({ toString: () => query }) as GraphQLDocument<R, V>;
const ViewerDoc = doc<{ viewer: { email: string } }>('query GetViewer { viewer { email } }');
const EchoDoc = doc<{ echo: string }, { text: string }>('query Echo($text: String!) { echo(text: $text) }');
const RefreshDoc = doc<{ refreshSession: { accessToken: string } }>('mutation RefreshSession { refreshSession { accessToken } }');

interface Call {
  query: string;
  variables: unknown;
  authorization: string | null;
  credentials: RequestCredentials | undefined;
}

type Responder = (call: Call) => Response | Promise<Response>;

const json = (body: unknown, init: ResponseInit = {}) =>
  new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' }, ...init });
const gqlError = (code: string, message = code, extra: Record<string, unknown> = {}) =>
  json({ errors: [{ message, extensions: { code, ...extra } }], data: null });

/** A fake API: routes by operation, records every call. */
function fakeApi(routes: Record<string, Responder | Responder[]>) {
  const calls: Call[] = [];
  const queues = new Map(Object.entries(routes).map(([k, v]) => [k, Array.isArray(v) ? [...v] : v]));
  const fetch = vi.fn(async (_input: RequestInfo | URL, init?: RequestInit) => {
    const body = JSON.parse(String(init?.body)) as { query: string; variables: unknown };
    const headers = new Headers(init?.headers);
    const call: Call = {
      query: body.query,
      variables: body.variables,
      authorization: headers.get('authorization'),
      credentials: init?.credentials,
    };
    calls.push(call);
    const name = /(?:query|mutation)\s+(\w+)/.exec(body.query)?.[1] ?? '';
    const route = queues.get(name);
    const responder = Array.isArray(route) ? route.shift() : route;
    if (!responder) throw new Error(`unexpected call to ${name}`);
    return responder(call);
  });
  return { fetch: fetch as unknown as typeof globalThis.fetch, calls };
}

function setup(routes: Record<string, Responder | Responder[]>, initialToken: string | null = 'old-token') {
  const api = fakeApi(routes);
  const onSessionEnded = vi.fn();
  const refreshSession = vi.fn(async (request: RequestFn) => (await request(RefreshDoc)).refreshSession.accessToken);
  const client = createGraphQLClient({ fetch: api.fetch, refreshSession, onSessionEnded });
  client.setAccessToken(initialToken);
  return { client, api, onSessionEnded, refreshSession };
}

const viewerOk: Responder = () => json({ data: { viewer: { email: 'ada@acme.test' } } });
const refreshOk = (token: string): Responder => () => json({ data: { refreshSession: { accessToken: token } } });

describe('graphql client: requests', () => {
  it('sends the access token as a bearer token, same-origin, with the variables', async () => {
    const { client, api } = setup({ Echo: (c) => json({ data: { echo: (c.variables as { text: string }).text } }) });
    await expect(client.request(EchoDoc, { text: 'hi' })).resolves.toEqual({ echo: 'hi' });
    expect(api.calls[0]).toMatchObject({ authorization: 'Bearer old-token', credentials: 'same-origin', variables: { text: 'hi' } });
  });

  it('sends no Authorization header when asked not to (signIn, refresh)', async () => {
    const { client, api } = setup({ GetViewer: viewerOk });
    await client.request(ViewerDoc, {}, { auth: false });
    expect(api.calls[0]?.authorization).toBeNull();
  });
});

describe('graphql client: refresh and retry', () => {
  it('on UNAUTHENTICATED refreshes once and retries with the new token', async () => {
    const { client, api, refreshSession, onSessionEnded } = setup({
      GetViewer: [() => gqlError('UNAUTHENTICATED'), viewerOk],
      RefreshSession: refreshOk('new-token'),
    });
    await expect(client.request(ViewerDoc)).resolves.toEqual({ viewer: { email: 'ada@acme.test' } });
    expect(refreshSession).toHaveBeenCalledTimes(1);
    expect(api.calls.map((c) => [c.query.split(' ')[1], c.authorization])).toEqual([
      ['GetViewer', 'Bearer old-token'],
      ['RefreshSession', null], // the refresh uses the cookie, not the expired token
      ['GetViewer', 'Bearer new-token'],
    ]);
    expect(client.getAccessToken()).toBe('new-token');
    expect(onSessionEnded).not.toHaveBeenCalled();
  });

  it('treats an HTTP 401 without a GraphQL body like UNAUTHENTICATED', async () => {
    const { client, refreshSession } = setup({
      GetViewer: [() => new Response('Unauthorized', { status: 401 }), viewerOk],
      RefreshSession: refreshOk('new-token'),
    });
    await expect(client.request(ViewerDoc)).resolves.toBeDefined();
    expect(refreshSession).toHaveBeenCalledTimes(1);
  });

  it('shares one refresh between concurrent requests (the refresh cookie rotates)', async () => {
    let releaseRefresh!: () => void;
    const refreshGate = new Promise<void>((resolve) => (releaseRefresh = resolve));
    const { client, refreshSession } = setup({
      GetViewer: [() => gqlError('UNAUTHENTICATED'), () => gqlError('UNAUTHENTICATED'), viewerOk, viewerOk],
      RefreshSession: async () => {
        await refreshGate;
        return json({ data: { refreshSession: { accessToken: 'new-token' } } });
      },
    });
    const both = Promise.all([client.request(ViewerDoc), client.request(ViewerDoc)]);
    await vi.waitFor(() => expect(refreshSession).toHaveBeenCalledTimes(1));
    releaseRefresh();
    await expect(both).resolves.toHaveLength(2);
    expect(refreshSession).toHaveBeenCalledTimes(1);
  });

  it('refreshes inside the cross-tab lock', async () => {
    const api = fakeApi({ GetViewer: [() => gqlError('UNAUTHENTICATED'), viewerOk], RefreshSession: refreshOk('new-token') });
    const events: string[] = [];
    const client = createGraphQLClient({
      fetch: api.fetch,
      refreshSession: async (request) => {
        events.push('refresh');
        return (await request(RefreshDoc)).refreshSession.accessToken;
      },
      withRefreshLock: async (task) => {
        events.push('lock');
        try {
          return await task();
        } finally {
          events.push('unlock');
        }
      },
    });
    client.setAccessToken('old-token');
    await client.request(ViewerDoc);
    expect(events).toEqual(['lock', 'refresh', 'unlock']);
  });

  it('does not refresh again if another request already refreshed while this one was in flight', async () => {
    let client!: ReturnType<typeof setup>['client'];
    const ctx = setup({
      GetViewer: [
        () => {
          client.setAccessToken('newer-token'); // someone else refreshed meanwhile
          return gqlError('UNAUTHENTICATED');
        },
        viewerOk,
      ],
    });
    client = ctx.client;
    await client.request(ViewerDoc);
    expect(ctx.refreshSession).not.toHaveBeenCalled();
    expect(ctx.api.calls[1]?.authorization).toBe('Bearer newer-token');
  });

  it('ends the session once when the refresh is rejected, and reports UNAUTHENTICATED', async () => {
    const { client, onSessionEnded, api } = setup({
      GetViewer: [() => gqlError('UNAUTHENTICATED'), () => gqlError('UNAUTHENTICATED')],
      RefreshSession: [() => gqlError('UNAUTHENTICATED', 'Refresh token expired')],
    });
    const results = await Promise.allSettled([client.request(ViewerDoc), client.request(ViewerDoc)]);
    for (const result of results) {
      expect(result.status).toBe('rejected');
      const error = (result as PromiseRejectedResult).reason as ApiError;
      expect(error).toBeInstanceOf(ApiError);
      expect(error.code).toBe('UNAUTHENTICATED');
      expect(error.userMessage).toBe('Your session ended. Please sign in again.');
    }
    expect(onSessionEnded).toHaveBeenCalledTimes(1);
    expect(client.getAccessToken()).toBeNull();
    expect(api.calls.filter((c) => c.query.includes('RefreshSession'))).toHaveLength(1);
  });

  it('retries only once: UNAUTHENTICATED again after a successful refresh ends the session', async () => {
    const { client, onSessionEnded, refreshSession } = setup({
      GetViewer: [() => gqlError('UNAUTHENTICATED'), () => gqlError('UNAUTHENTICATED')],
      RefreshSession: refreshOk('new-token'),
    });
    await expect(client.request(ViewerDoc)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(refreshSession).toHaveBeenCalledTimes(1);
    expect(onSessionEnded).toHaveBeenCalledTimes(1);
  });

  it('keeps the session when the refresh fails because the network is down', async () => {
    const { client, onSessionEnded } = setup({
      GetViewer: [() => gqlError('UNAUTHENTICATED')],
      RefreshSession: [
        () => {
          throw new TypeError('Failed to fetch');
        },
      ],
    });
    await expect(client.request(ViewerDoc)).rejects.toMatchObject({ code: 'NETWORK_ERROR' });
    expect(onSessionEnded).not.toHaveBeenCalled();
    expect(client.getAccessToken()).toBe('old-token');
  });

  it('never refreshes for requests made with auth: false (e.g. a wrong password on signIn)', async () => {
    const { client, refreshSession } = setup({ GetViewer: [() => gqlError('UNAUTHENTICATED', 'Invalid credentials')] });
    await expect(client.request(ViewerDoc, {}, { auth: false })).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(refreshSession).not.toHaveBeenCalled();
  });

  it('does not refresh on other errors', async () => {
    const { client, refreshSession } = setup({ GetViewer: [() => gqlError('FORBIDDEN')] });
    await expect(client.request(ViewerDoc)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(refreshSession).not.toHaveBeenCalled();
  });
});

describe('graphql client: error mapping', () => {
  it('maps extensions.code to a typed error with a readable message and keeps the details', async () => {
    const { client } = setup({ GetViewer: [() => gqlError('NOT_FOUND', 'Person 42 not found', { id: '42' })] });
    const error = (await client.request(ViewerDoc).catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).toBe('Person 42 not found');
    expect(error.userMessage).toMatch(/couldn’t find/);
    expect(error.extensions).toMatchObject({ id: '42' });
  });

  it('reads the wait time of TOO_MANY_REQUESTS from extensions or Retry-After', async () => {
    const { client } = setup({
      GetViewer: [
        () => gqlError('TOO_MANY_REQUESTS', 'Locked', { retryAfterSeconds: 600 }),
        () =>
          new Response(JSON.stringify({ errors: [{ message: 'Slow down', extensions: { code: 'TOO_MANY_REQUESTS' } }] }), {
            status: 429,
            headers: { 'retry-after': '120' },
          }),
      ],
    });
    await expect(client.request(ViewerDoc)).rejects.toMatchObject({
      retryAfterSeconds: 600,
      userMessage: 'Too many attempts. Please try again in 10 minutes.',
    });
    await expect(client.request(ViewerDoc)).rejects.toMatchObject({ retryAfterSeconds: 120 });
  });

  it('reports a network failure as NETWORK_ERROR', async () => {
    const { client } = setup({
      GetViewer: [
        () => {
          throw new TypeError('Failed to fetch');
        },
      ],
    });
    await expect(client.request(ViewerDoc)).rejects.toMatchObject({
      code: 'NETWORK_ERROR',
      userMessage: 'We couldn’t reach Pulsewise. Check your internet connection and try again.',
    });
  });

  it('reports a proxy error page (API down) as SERVICE_UNAVAILABLE', async () => {
    const { client } = setup({
      GetViewer: [() => new Response('', { status: 500 }), () => new Response('<html>Bad gateway</html>', { status: 502 })],
    });
    await expect(client.request(ViewerDoc)).rejects.toMatchObject({ code: 'SERVICE_UNAVAILABLE', status: 500 });
    await expect(client.request(ViewerDoc)).rejects.toMatchObject({ code: 'SERVICE_UNAVAILABLE', status: 502 });
  });

  it('treats missing codes as INTERNAL_SERVER_ERROR and never shows raw server text', async () => {
    const { client } = setup({ GetViewer: [() => json({ errors: [{ message: 'db exploded' }] })] });
    const error = (await client.request(ViewerDoc).catch((e: unknown) => e)) as ApiError;
    expect(error.code).toBe('INTERNAL_SERVER_ERROR');
    expect(error.userMessage).not.toContain('db exploded');
  });

  it('picks UNAUTHENTICATED among several errors so the session can be refreshed', async () => {
    const { client, refreshSession } = setup({
      GetViewer: [
        () =>
          json({
            errors: [
              { message: 'a', extensions: { code: 'FORBIDDEN' } },
              { message: 'b', extensions: { code: 'UNAUTHENTICATED' } },
            ],
          }),
        viewerOk,
      ],
      RefreshSession: refreshOk('new-token'),
    });
    await expect(client.request(ViewerDoc)).resolves.toBeDefined();
    expect(refreshSession).toHaveBeenCalledTimes(1);
  });

  it('reports a 200 without data as BAD_RESPONSE', async () => {
    const { client } = setup({ GetViewer: [() => new Response('not json', { status: 200 })] });
    await expect(client.request(ViewerDoc)).rejects.toMatchObject({ code: 'BAD_RESPONSE' });
  });

  it('times out slow requests with a clear message', async () => {
    const api = fakeApi({
      GetViewer: [() => new Promise<Response>(() => undefined)],
    });
    // The fake never answers; make fetch honour the abort signal like the real one does.
    const fetch: typeof globalThis.fetch = (input, init) =>
      new Promise((resolve, reject) => {
        init?.signal?.addEventListener('abort', () => reject(init.signal?.reason));
        void api.fetch(input, init).then(resolve, reject);
      });
    const client = createGraphQLClient({ fetch, timeoutMs: 20, refreshSession: async () => 'x' });
    await expect(client.request(ViewerDoc)).rejects.toMatchObject({ code: 'TIMEOUT' });
  });

  it('passes a caller cancellation through untouched (not shown as an error)', async () => {
    const controller = new AbortController();
    const fetch: typeof globalThis.fetch = (_input, init) =>
      new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)));
    const client = createGraphQLClient({ fetch, refreshSession: async () => 'x' });
    const pending = client.request(ViewerDoc, {}, { signal: controller.signal });
    controller.abort(new DOMException('cancelled', 'AbortError'));
    const error = await pending.catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(ApiError);
    expect((error as DOMException).name).toBe('AbortError');
  });
});
