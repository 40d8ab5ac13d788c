import type { Page, Route } from 'playwright-core';

/**
 * Answers /graphql in the browser by operation name, for tests that must not depend on a
 * running API (network failures, error codes, the shell before the API lands). Tests against
 * the real API (seeded demo tenant) do not use this.
 */
export interface StubReply {
  data?: unknown;
  errors?: { message: string; extensions: { code: string; [key: string]: unknown } }[];
  status?: number;
  headers?: Record<string, string>;
}
export type StubHandler = (variables: Record<string, unknown>) => StubReply | 'abort';

export async function stubGraphQL(page: Page, handlers: Record<string, StubHandler>): Promise<string[]> {
  const seen: string[] = [];
  await page.route('**/graphql', async (route: Route) => {
    const body = route.request().postDataJSON() as { query?: string; variables?: Record<string, unknown> } | null;
    const operation = /(?:query|mutation)\s+(\w+)/.exec(body?.query ?? '')?.[1] ?? '(unknown)';
    seen.push(operation);
    const handler = handlers[operation];
    if (!handler) {
      await route.fulfill({
        status: 200,
        contentType: 'application/json',
        body: JSON.stringify({ errors: [{ message: `No stub for ${operation}`, extensions: { code: 'INTERNAL_SERVER_ERROR' } }] }),
      });
      return;
    }
    const reply = handler(body?.variables ?? {});
    if (reply === 'abort') {
      await route.abort('connectionrefused');
      return;
    }
    await route.fulfill({
      status: reply.status ?? 200,
      contentType: 'application/json',
      headers: reply.headers ?? {},
      body: JSON.stringify({ data: reply.data ?? null, ...(reply.errors ? { errors: reply.errors } : {}) }),
    });
  });
  return seen;
}

export const gqlError = (code: string, message = code, extensions: Record<string, unknown> = {}): StubReply => ({
  errors: [{ message, extensions: { code, ...extensions } }],
});
