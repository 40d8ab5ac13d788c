// Abuse limits (GraphQL Armor, Apollo settings, helmet) on the real HTTP app:
// every refusal is a clear error with a code, before any resolver runs.
import { startTestApp, type TestApp } from './test-support/test-app.js';

let api: TestApp;
beforeAll(async () => {
  api = await startTestApp('abuse');
});
afterAll(() => api?.close());

const codeOf = (r: { errors?: { extensions?: { code?: string } }[] }) => r.errors?.[0]?.extensions?.code;

it('refuses too many aliases, directives or tokens with a code', async () => {
  const aliases = `{ ${Array.from({ length: 16 }, (_, i) => `a${i}: viewer { email }`).join(' ')} }`;
  const r1 = await api.gql(aliases);
  expect(r1.status).toBe(400);
  expect(codeOf(r1)).toBe('GRAPHQL_VALIDATION_FAILED');
  expect(r1.errors?.[0]?.message).toMatch(/alias/i);

  const directives = `{ viewer { email ${'@include(if: true) '.repeat(21)}} }`;
  const r2 = await api.gql(directives);
  expect(codeOf(r2)).toMatch(/GRAPHQL_(VALIDATION|PARSE)_FAILED/);

  const tokens = `{ viewer { ${'email '.repeat(6000)}} }`;
  const r3 = await api.gql(tokens);
  expect(codeOf(r3)).toMatch(/GRAPHQL_(VALIDATION|PARSE)_FAILED/);
  for (const r of [r1, r2, r3]) expect(JSON.stringify(r.errors)).not.toMatch(/\bat \S+\.(js|ts):\d+/);

  // Within the limits the same shapes are fine.
  const ok = await api.gql(`{ ${Array.from({ length: 3 }, (_, i) => `a${i}: __typename`).join(' ')} }`);
  expect(ok.data).toEqual({ a0: 'Query', a1: 'Query', a2: 'Query' });
});

it('refuses batched requests and cross-site simple requests', async () => {
  const batch = await fetch(api.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]) });
  expect(batch.status).toBe(400);
  // A "simple" cross-site request (no preflight) must not reach a resolver (Apollo CSRF prevention).
  const csrf = await fetch(`${api.url}?query=${encodeURIComponent('{ __typename }')}`, { method: 'GET' });
  expect(csrf.status).toBe(400);
  expect(await csrf.text()).toMatch(/CSRF|preflight/i);
});

it('sends security headers', async () => {
  const res = await fetch(api.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __typename }' }) });
  expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
  expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
  expect(res.headers.get('x-powered-by')).toBeNull();
  // Nobody's data may sit in a browser or proxy cache (no-store.plugin.ts).
  expect(res.headers.get('cache-control')).toBe('no-store');
});
