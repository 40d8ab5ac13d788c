// Hostile input for every operation in the committed schema: each argument value
// in turn is replaced by wrong types, huge strings, odd unicode, SQL and HTML
// payloads, deep nesting and extreme numbers, sent with the most privileged
// tenant token and a platform token. Whatever the outcome, no response may be an
// internal error or carry a stack trace, and every error must have a code.
// Malformed HTTP bodies get the same treatment.
import { createTenant, signIn } from './test-support/fixtures.js';
import { committedSchema, rootOperations, type RootOperation } from './test-support/schema-operations.js';
import { startTestApp, type TestApp } from './test-support/test-app.js';

let api: TestApp;
let tenantToken: string;
let platformToken: string;

const deep = (levels: number): unknown => (levels === 0 ? 'x' : { a: deep(levels - 1) });
const PAYLOADS: [string, unknown][] = [
  ['null', null],
  ['number', 12345],
  ['float', -1e308],
  ['huge int', 2 ** 53 + 1],
  ['boolean', false],
  ['empty string', ''],
  ['huge string', 'A'.repeat(200_000)],
  ['unicode', '𝔘𝔫𝔦\u0000\uFFFF\u202E🙂 Ωmega \uD800'],
  ['sql', "' OR 1=1; DROP TABLE people; --"],
  ['html', '<script>alert(1)</script><img src=x onerror=alert(1)>'],
  ['uuid-ish', '00000000-0000-0000-0000-00000000000g'],
  ['array', ['x', 1, null]],
  ['object', { $ne: null, __proto__: { admin: true } }],
  ['deep', deep(60)],
  ['date-ish', '2026-13-45T25:61:61Z'],
  ['csv bomb', `email,name\n${'"a""b",'.repeat(5000)}`],
];

/** Every path to a leaf value in the operation's variables. */
function leafPaths(value: unknown, at: string[] = []): string[][] {
  if (value !== null && typeof value === 'object') {
    const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
    const nested = entries.flatMap(([k, v]) => leafPaths(v, [...at, k]));
    return at.length ? [at, ...nested] : nested;
  }
  return at.length ? [at] : [];
}

function replaced(variables: Record<string, unknown>, path: string[], value: unknown): Record<string, unknown> {
  const copy = structuredClone(variables);
  let cur = copy as Record<string, unknown>;
  for (const key of path.slice(0, -1)) cur = cur[key] as Record<string, unknown>;
  cur[path.at(-1)!] = value;
  return copy;
}

const STACK = /\bat [\w.<>]+ \(|\.(ts|js):\d+:\d+|node_modules|PrismaClient|prisma\.\w+\(/;

interface Finding {
  op: string;
  case: string;
  problem: string;
}

function check(op: string, label: string, status: number, body: string, findings: Finding[]): void {
  if (status >= 500) findings.push({ op, case: label, problem: `HTTP ${status}: ${body.slice(0, 300)}` });
  if (STACK.test(body)) findings.push({ op, case: label, problem: `stack trace or internals in: ${body.slice(0, 200)}` });
  let parsed: { errors?: { extensions?: { code?: string } }[] };
  try {
    parsed = JSON.parse(body) as typeof parsed;
  } catch {
    findings.push({ op, case: label, problem: `not JSON: ${body.slice(0, 120)}` });
    return;
  }
  for (const e of parsed.errors ?? []) {
    if (!e.extensions?.code) findings.push({ op, case: label, problem: `error without a code: ${JSON.stringify(e).slice(0, 200)}` });
    else if (e.extensions.code === 'INTERNAL_SERVER_ERROR') findings.push({ op, case: label, problem: 'INTERNAL_SERVER_ERROR' });
  }
}

async function send(body: string, token: string): Promise<{ status: number; text: string }> {
  const res = await fetch(api.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body });
  return { status: res.status, text: await res.text() };
}

beforeAll(async () => {
  // Thousands of requests from one IP with two tokens, many with invalid answer links: with the rate
  // limits on, most operations would only ever meet TOO_MANY_REQUESTS (rate-limit.integration-spec.ts
  // covers those). Off here, so that every mangled argument reaches its resolver.
  api = await startTestApp('fuzz', Object.fromEntries(['IP', 'TOKEN', 'PULSE_IP', 'PULSE_LINK', 'PULSE_GUESSES_IP', 'IMPORT_TENANT', 'IMPORT_KEY'].map((l) => [`RATE_LIMIT_${l}`, 'off'])));
  await createTenant(api.prisma, { slug: 'pulsewise-platform', kind: 'PLATFORM', people: [{ email: 'ops@pulsewise.test', roles: ['PLATFORM_ADMIN'] }] });
  await createTenant(api.prisma, { slug: 'acme', units: ['Eng'], people: [{ email: 'boss@acme.test', roles: ['EMPLOYEE', 'MANAGER', 'HR_LEADER', 'TENANT_ADMIN'] }] });
  tenantToken = (await signIn(api, 'boss@acme.test')).token;
  platformToken = (await signIn(api, 'ops@pulsewise.test')).token;
}, 60_000);
afterAll(() => api?.close());

it('answers every mangled argument of every operation with a coded error, never an internal one', async () => {
  // Signing out would end the session the rest of the run uses: it goes last.
  const ops = rootOperations(committedSchema()).sort((a, b) => Number(a.field === 'signOut') - Number(b.field === 'signOut'));
  const findings: Finding[] = [];
  let requests = 0;
  for (const op of ops as RootOperation[]) {
    const token = /tenant/i.test(op.field) && op.kind === 'mutation' ? platformToken : tenantToken;
    const cases: [string, Record<string, unknown>][] = [['as generated', op.variables]];
    for (const path of leafPaths(op.variables)) for (const [label, value] of PAYLOADS) cases.push([`${path.join('.')} = ${label}`, replaced(op.variables, path, value)]);
    for (const [label, variables] of cases) {
      for (const t of op.field === 'signOut' ? [tenantToken] : [token, token === tenantToken ? platformToken : tenantToken]) {
        const res = await send(JSON.stringify({ query: op.document, variables }), t);
        requests++;
        check(op.field, label, res.status, res.text, findings);
      }
    }
  }
  expect(requests).toBeGreaterThan(500);
  expect(findings).toEqual([]);
}, 600_000);

it('answers malformed HTTP bodies with a coded error', async () => {
  const findings: Finding[] = [];
  const bodies: [string, string][] = [
    ['broken json', '{"query": "{ __typename '],
    ['query not a string', JSON.stringify({ query: { a: 1 } })],
    ['variables not an object', JSON.stringify({ query: 'query($a: Int) { __typename }', variables: 'nope' })],
    ['no query', JSON.stringify({ variables: {} })],
    ['unknown operation name', JSON.stringify({ query: 'query A { __typename }', operationName: 'B' })],
    ['syntax error', JSON.stringify({ query: '{ viewer { ' })],
    ['unknown field', JSON.stringify({ query: '{ passwords }' })],
    ['deep fragments', JSON.stringify({ query: `query { ...F } fragment F on Query { ...F }` })],
    ['json array of garbage', '[1, "x", null]'],
  ];
  for (const [label, body] of bodies) {
    const res = await send(body, tenantToken);
    check('HTTP', label, res.status, res.text, findings);
  }
  // Over the body limit: refused by the server before GraphQL (no stack trace either).
  const huge = await send(JSON.stringify({ query: '{ __typename }', variables: { x: 'A'.repeat(13 * 1024 * 1024) } }), tenantToken);
  expect(huge.status).toBe(413);
  expect(huge.text).not.toMatch(STACK);
  expect(findings).toEqual([]);
}, 120_000);
