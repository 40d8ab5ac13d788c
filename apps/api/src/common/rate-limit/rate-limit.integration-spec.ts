// Rate limits on two API instances sharing one database and one Redis prefix (two
// replicas behind a load balancer). Requests go out concurrently, split between the
// two, so that neither instance alone sees more than the limit: exactly the limit
// passes, because the count lives in Redis. Each test speaks from its own client IP
// (X-Forwarded-For from loopback is trusted) so the tests do not share buckets.
// Windows are 4 s here; after one, the same requests pass again.
import { randomBytes } from 'node:crypto';
import { withTenant } from '@pulsewise/db';
import { createTenant, signIn, type FixtureTenant } from '../../test-support/fixtures.js';
import { openRoundWithLinks, type OpenRound } from '../../test-support/pulse-links.js';
import { startTestApp, type GraphqlResult, type TestApp } from '../../test-support/test-app.js';

const LIMITS = {
  RATE_LIMIT_IP: '12/4',
  RATE_LIMIT_TOKEN: '6/4',
  RATE_LIMIT_PULSE_IP: '5/4',
  RATE_LIMIT_PULSE_LINK: '3/4',
  RATE_LIMIT_PULSE_GUESSES_IP: '3/4',
  RATE_LIMIT_IMPORT_TENANT: '3/4',
  RATE_LIMIT_IMPORT_KEY: '2/4',
};

let a: TestApp;
let b: TestApp;
let acme: FixtureTenant;
let round: OpenRound;
let importKey: string;

beforeAll(async () => {
  a = await startTestApp('rate-limit', LIMITS);
  b = await startTestApp('rate-limit', LIMITS, undefined, { replicaOf: a });
  acme = await createTenant(a.prisma, {
    slug: 'acme',
    units: ['Team'],
    people: [
      { email: 'admin@acme.test', roles: ['EMPLOYEE', 'TENANT_ADMIN'] },
      { email: 'hr@acme.test', roles: ['EMPLOYEE', 'HR_LEADER'] },
      ...Array.from({ length: 8 }, (_, i) => ({ email: `p${i}@acme.test`, roles: ['EMPLOYEE' as const], unit: 'Team' })),
    ],
  });
  round = await openRoundWithLinks(a.prisma, acme.id, Object.values(acme.people).filter((p) => p.email.startsWith('p')));
  const admin = await signIn(a, 'admin@acme.test');
  const created = await a.gql<{ createSignalImportKey: { secret: string } }>('mutation { createSignalImportKey(name: "HRIS") { secret } }', {}, { token: admin.token });
  importKey = created.data!.createSignalImportKey.secret;
}, 60_000);

afterAll(async () => {
  await b?.close();
  await a?.close();
});

type Result = GraphqlResult & { status: number; retryAfter: string | null };

/** A GraphQL call to instance `i % 2` (a, b, a, b, …) from client `ip`. */
async function call(i: number, ip: string, query: string, variables: Record<string, unknown> = {}, token?: string): Promise<Result> {
  const api = i % 2 === 0 ? a : b;
  const response = await fetch(api.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': ip, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return { ...((await response.json()) as GraphqlResult), status: response.status, retryAfter: response.headers.get('retry-after') };
}

const limited = (r: { errors?: { extensions?: { code?: string } }[] }) => r.errors?.[0]?.extensions?.code === 'TOO_MANY_REQUESTS';
const retryAfterMs = (r: Result) => Number(r.errors?.[0]?.extensions?.retryAfterSeconds) * 1000;
const waitOut = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms + 250));

function expectRefusal(r: Result, status: number) {
  expect(r.status).toBe(status);
  expect(r.errors).toHaveLength(1);
  expect(r.errors![0]!.extensions).toEqual({ code: 'TOO_MANY_REQUESTS', retryAfterSeconds: expect.any(Number) });
  const seconds = r.errors![0]!.extensions!.retryAfterSeconds as number;
  expect(seconds).toBeGreaterThanOrEqual(1);
  expect(seconds).toBeLessThanOrEqual(4);
  expect(r.errors![0]!.message).toMatch(/try again in \d+ seconds?/i);
}

const PULSE = 'query($token: String!) { pulse(token: $token) { state } }';
const SUBMIT = 'mutation($token: String!, $answers: [PulseAnswerInput!]!) { submitPulse(token: $token, answers: $answers) { received } }';
const answers = () => [{ questionId: round.scaleQuestionIds[0], value: 4 }];
const answered = (token: number) =>
  withTenant(a.prisma, acme.id, async (tx) => {
    const personId = acme.people[`p${token}@acme.test`]!.id;
    return (await tx.pulseInvitation.findFirstOrThrow({ where: { roundId: round.roundId, personId } })).responded;
  });

it('limits every request per client IP across both instances (HTTP 429, Retry-After), and lets it through after the window', async () => {
  const results = await Promise.all(Array.from({ length: 14 }, (_, i) => call(i, '203.0.113.10', '{ __typename }')));
  expect(results.filter((r) => r.data?.__typename === 'Query')).toHaveLength(12);
  const refused = results.filter(limited);
  expect(refused).toHaveLength(2);
  for (const r of refused) {
    expectRefusal(r, 429);
    expect(r.retryAfter).toBe(String(r.errors![0]!.extensions!.retryAfterSeconds));
  }
  // Another client is not affected.
  expect((await call(1, '203.0.113.11', '{ __typename }')).data).toEqual({ __typename: 'Query' });

  await waitOut(Math.max(...refused.map(retryAfterMs)));
  expect((await call(1, '203.0.113.10', '{ __typename }')).data).toEqual({ __typename: 'Query' });
});

it('limits every request per access token across both instances, whatever the IP', async () => {
  const { token } = await signIn(a, 'hr@acme.test');
  const results = await Promise.all(Array.from({ length: 9 }, (_, i) => call(i, `203.0.113.${20 + i}`, '{ viewer { email } }', {}, token)));
  expect(results.filter((r) => r.data?.viewer)).toHaveLength(6);
  const refused = results.filter(limited);
  expect(refused).toHaveLength(3);
  for (const r of refused) expectRefusal(r, 429);
});

it('limits SCIM requests per bearer token across both instances, answering in SCIM’s error format', async () => {
  const admin = await signIn(a, 'admin@acme.test');
  const created = await a.gql<{ createScimToken: { secret: string } }>('mutation { createScimToken(name: "IdP") { secret } }', {}, { token: admin.token });
  const secret = created.data!.createScimToken.secret;
  const results = await Promise.all(
    Array.from({ length: 8 }, async (_, i) => {
      const api = i % 2 === 0 ? a : b;
      const response = await fetch(new URL('/scim/v2/Users?count=1', api.url), { headers: { authorization: `Bearer ${secret}`, 'x-forwarded-for': `203.0.113.${60 + i}` } });
      return { status: response.status, type: response.headers.get('content-type'), retryAfter: response.headers.get('retry-after'), body: (await response.json()) as Record<string, unknown> };
    }),
  );
  expect(results.filter((r) => r.status === 200)).toHaveLength(6);
  const refused = results.filter((r) => r.status === 429);
  expect(refused).toHaveLength(2);
  for (const r of refused) {
    expect(r.type).toMatch(/^application\/scim\+json/);
    expect(r.body).toEqual({ schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'], status: '429', detail: expect.stringMatching(/try again in \d+ seconds?/i) });
    expect(Number(r.retryAfter)).toBeGreaterThanOrEqual(1);
  }
});

it('limits an answer link more tightly, on the pulse form and on submitPulse, and nothing is recorded when refused', async () => {
  const token = round.tokens[0]!;
  const results = await Promise.all(Array.from({ length: 5 }, (_, i) => call(i, `198.51.100.${i + 1}`, PULSE, { token })));
  expect(results.filter((r) => (r.data?.pulse as { state?: string } | null)?.state === 'OPEN')).toHaveLength(3);
  const refused = results.filter(limited);
  expect(refused).toHaveLength(2);
  for (const r of refused) expectRefusal(r, 200); // a GraphQL error of the operation, not of the HTTP request

  const submit = await call(1, '198.51.100.9', SUBMIT, { token, answers: answers() });
  expectRefusal(submit, 200);
  expect(await answered(0)).toBe(false);

  await waitOut(Math.max(...refused.map(retryAfterMs), retryAfterMs(submit)));
  expect((await call(0, '198.51.100.9', SUBMIT, { token, answers: answers() })).data).toEqual({ submitPulse: { received: true } });
  expect(await answered(0)).toBe(true);
});

it('limits pulse requests per client IP more tightly than the general limit', async () => {
  // Four different links, none over its own limit (3): only the IP's pulse limit (5) applies.
  const results = await Promise.all(Array.from({ length: 7 }, (_, i) => call(i, '198.51.100.50', PULSE, { token: round.tokens[1 + (i % 4)]! })));
  expect(results.filter((r) => r.data?.pulse)).toHaveLength(5);
  const refused = results.filter(limited);
  expect(refused).toHaveLength(2);
  for (const r of refused) expectRefusal(r, 200);
});

it('shuts out a client IP that guesses answer links, until the window ends', async () => {
  const guesser = '192.0.2.77';
  const guesses = [`pw_${randomBytes(20).toString('base64url')}`, 'not-a-link', round.tokens[6]!.slice(0, -4) + 'AAAA'];
  for (const [i, guess] of guesses.entries()) {
    const r = await call(i, guesser, PULSE, { token: guess });
    expect(r.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  }
  // Now even a real link is refused from there, on both instances; the same link from elsewhere works.
  const blocked = await call(1, guesser, PULSE, { token: round.tokens[5]! });
  expectRefusal(blocked, 200);
  expect(blocked.errors![0]!.message).toMatch(/invalid pulse links/i);
  expectRefusal(await call(0, guesser, SUBMIT, { token: round.tokens[5]!, answers: answers() }), 200);
  expect(await answered(5)).toBe(false);
  expect((await call(0, '192.0.2.78', PULSE, { token: round.tokens[5]! })).data).toEqual({ pulse: { state: 'OPEN' } });

  await waitOut(retryAfterMs(blocked));
  expect((await call(1, guesser, SUBMIT, { token: round.tokens[5]!, answers: answers() })).data).toEqual({ submitPulse: { received: true } });
});

const IMPORT_KPIS = 'mutation($csv: String!) { importKpiObservations(csv: $csv) { ok } }';
const CSV = 'kpi,month,value\nno-such-kpi,2026-01,1\n';

async function postObservations(secret: string, ip = '192.0.2.90'): Promise<{ status: number; retryAfter: string | null; body: { ok?: boolean; error?: { code: string; retryAfterSeconds?: number } } }> {
  const response = await fetch(new URL('/api/signal-observations', a.url), {
    method: 'POST',
    headers: { 'content-type': 'text/csv', authorization: `Bearer ${secret}`, 'x-forwarded-for': ip },
    body: 'signal,orgUnitPath,month,value,n\n',
  });
  return { status: response.status, retryAfter: response.headers.get('retry-after'), body: (await response.json()) as never };
}

it('limits imports per person and per tenant, over GraphQL and the HTTP path alike', async () => {
  const [admin, hr] = [await signIn(a, 'admin@acme.test'), await signIn(b, 'hr@acme.test')];
  const ip = '192.0.2.90';
  // Per person (2): the admin's third concurrent import is refused — without using up the tenant's allowance.
  const byAdmin = await Promise.all(Array.from({ length: 3 }, (_, i) => call(i, ip, IMPORT_KPIS, { csv: CSV }, admin.token)));
  expect(byAdmin.filter((r) => r.data?.importKpiObservations)).toHaveLength(2);
  expect(byAdmin.filter(limited)).toHaveLength(1);
  expectRefusal(byAdmin.find(limited)!, 200);
  // Per tenant (3): HR's first import is the tenant's third; the next one, and the HR system's, are refused.
  expect((await call(1, ip, IMPORT_KPIS, { csv: CSV }, hr.token)).data).toEqual({ importKpiObservations: { ok: false } });
  const overTenant = await call(0, ip, IMPORT_KPIS, { csv: CSV }, hr.token);
  expectRefusal(overTenant, 200);
  expect(overTenant.errors![0]!.message).toMatch(/organisation has run too many imports/);
  const http = await postObservations(importKey);
  expect(http.status).toBe(429);
  expect(http.body).toEqual({ ok: false, error: { code: 'TOO_MANY_REQUESTS', message: expect.stringMatching(/too many imports/i), retryAfterSeconds: expect.any(Number) } });
  expect(http.retryAfter).toBe(String(http.body.error!.retryAfterSeconds));
  // A forged key naming the tenant is refused as unknown and cannot use up the tenant's imports.
  const forged = `pwk_${acme.id.replace(/-/g, '')}_${randomBytes(32).toString('base64url')}`;
  expect((await postObservations(forged)).status).toBe(401);

  await waitOut(Math.max(retryAfterMs(overTenant), http.body.error!.retryAfterSeconds! * 1000));
  // After the window: the import key has its own allowance (2) within the tenant's (3).
  for (let i = 0; i < 2; i++) expect([200, 422]).toContain((await postObservations(importKey)).status);
  const overKey = await postObservations(importKey);
  expect(overKey.status).toBe(429);
  expect(overKey.body.error?.code).toBe('TOO_MANY_REQUESTS');
  expect((await call(1, ip, IMPORT_KPIS, { csv: CSV }, hr.token)).data).toEqual({ importKpiObservations: { ok: false } });
}, 30_000);
