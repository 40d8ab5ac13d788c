/**
 * What e2e/run.mjs starts for every run, handed to the test processes through the environment.
 * Nothing here has a fallback: a test that needs the backend fails (never skips) when it is missing.
 *
 * - E2E_API_URL             the real API (its own fresh database, seeded with the demo organisation;
 *                           its own Redis key prefix; a free port). `vite preview` at BASE_URL proxies
 *                           /graphql to it, so browsers only ever talk to BASE_URL.
 * - E2E_API_DOWN_BASE_URL   a second `vite preview` of the same build whose proxy points at a port
 *                           nothing listens on: the real proxy with the API down.
 * - E2E_MAIL_URL            the SMTP sink the worker sends to (see ./mail.ts).
 */

export const DEMO_PASSWORD = 'pulsewise-demo';

export function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is not set: run the e2e tests through e2e/run.mjs (npm run e2e -w @pulsewise/web), which starts the backend`);
  }
  return value;
}

/** Base URL of the real API for this run (no trailing slash), e.g. http://127.0.0.1:40123. */
export function apiUrl(): string {
  return requiredEnv('E2E_API_URL').replace(/\/+$/, '');
}

/** Base URL of the web app served with its /graphql proxy pointing at nothing. */
export function apiDownBaseUrl(): string {
  return requiredEnv('E2E_API_DOWN_BASE_URL').replace(/\/+$/, '');
}

/** Fails unless the API answers GET /health/ready with 200 (PostgreSQL and Redis reachable). */
export async function assertApiReady(): Promise<void> {
  const url = `${apiUrl()}/health/ready`;
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
  } catch (error) {
    throw new Error(`the API is not answering at ${url}: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}: ${await response.text()}`);
}
