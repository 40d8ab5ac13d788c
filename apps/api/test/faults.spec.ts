// PostgreSQL and Redis going away while requests arrive, through proxies this test
// controls (the machine's shared servers are never touched): the API answers
// SERVICE_UNAVAILABLE with a clear message — not a hang, not an internal error — and
// recovers by itself once the service is back.
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { createPrismaClient, withTenant, type Db } from '@pulsewise/db';
import { createTestDatabase, type TestDatabase } from '@pulsewise/db/testing';
import { createTenant, PASSWORD, SIGN_IN, type FixtureTenant } from '../src/test-support/fixtures.js';
import { openRoundWithLinks, type OpenRound } from '../src/test-support/pulse-links.js';
import { TcpProxy } from '../src/test-support/tcp-proxy.js';
import { deleteRedisKeys } from '../src/test-support/test-app.js';

const postgres = new TcpProxy({ host: '127.0.0.1', port: 5432 });
const redis = new TcpProxy({ host: '127.0.0.1', port: 6379 });
const prefix = `pwtest:faults:${randomBytes(4).toString('hex')}`;
let app: NestExpressApplication;
let db: TestDatabase;
let prisma: Db;
let base: string;
let acme: FixtureTenant;
let round: OpenRound;

beforeAll(async () => {
  await postgres.start();
  await redis.start();
  db = await createTestDatabase('faults');
  Object.assign(process.env, { NODE_ENV: 'test', DATABASE_URL: postgres.url(db.appUrl), DATABASE_ADMIN_URL: db.adminUrl, REDIS_URL: redis.url('redis://127.0.0.1:6379'), REDIS_PREFIX: prefix, DATABASE_POOL_SIZE: '4' });
  const { createApp } = await import('../src/bootstrap-app.js');
  app = await createApp(process.env.TEST_LOGS ? {} : { logger: false });
  await app.listen(0, '127.0.0.1');
  base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  prisma = createPrismaClient(db.appUrl, { poolSize: 2 }); // fixtures go around the proxy
  acme = await createTenant(prisma, {
    slug: 'acme',
    units: ['Team'],
    people: [{ email: 'hr@acme.test', roles: ['EMPLOYEE', 'HR_LEADER'] }, ...Array.from({ length: 5 }, (_, i) => ({ email: `p${i}@acme.test`, roles: ['EMPLOYEE' as const], unit: 'Team' }))],
  });
  round = await openRoundWithLinks(prisma, acme.id, Object.values(acme.people).filter((p) => p.email.startsWith('p')));
}, 60_000);

afterAll(async () => {
  await app?.close();
  await postgres.stop();
  await redis.stop();
  process.env.REDIS_URL = 'redis://127.0.0.1:6379';
  await prisma?.$disconnect();
  await db?.drop();
  await deleteRedisKeys(prefix);
});

interface Answer { status: number; data?: Record<string, unknown> | null; errors?: { message: string; extensions?: { code?: string } }[] }

/** A GraphQL call that must come back (a hang fails the test after 20 s). */
async function gql(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<Answer> {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(20_000),
  });
  return { status: response.status, ...((await response.json()) as Omit<Answer, 'status'>) };
}

const signIn = () => gql(SIGN_IN, { input: { email: 'hr@acme.test', password: PASSWORD } });
const viewer = (token: string) => gql('{ viewer { email } }', {}, token);
const submit = (token: string) =>
  gql('mutation($token: String!, $answers: [PulseAnswerInput!]!) { submitPulse(token: $token, answers: $answers) { received } }', {
    token,
    answers: [{ questionId: round.scaleQuestionIds[0], value: 4 }, { questionId: round.scaleQuestionIds[1], value: 3 }],
  });
const ready = () => fetch(`${base}/health/ready`, { signal: AbortSignal.timeout(20_000) }).then((r) => r.status);

function expectUnavailable(answer: Answer) {
  expect(answer.errors?.map((e) => e.extensions?.code)).toEqual(['SERVICE_UNAVAILABLE']);
  expect(answer.errors?.[0]?.message).toMatch(/(unavailable|not answering|could not).*(try again)/i);
}

async function eventually(check: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (!(await check().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`not recovered: ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

const responded = (i: number) =>
  withTenant(prisma, acme.id, (tx) => tx.pulseInvitation.count({ where: { roundId: round.roundId, responded: true } })).then((n) => n >= i);

it('answers SERVICE_UNAVAILABLE while PostgreSQL is down and recovers by itself', async () => {
  const token = (await signIn()).data!.signIn as { accessToken: string };
  expect((await viewer(token.accessToken)).data).toEqual({ viewer: { email: 'hr@acme.test' } });

  await postgres.cut();
  try {
    const [v, s, p] = await Promise.all([viewer(token.accessToken), signIn(), submit(round.tokens[0]!)]);
    if (process.env.TEST_LOGS) console.log(JSON.stringify([v, s, p]));
    for (const answer of [v, s, p]) expectUnavailable(answer);
    expect(await ready()).toBe(503);
    expect(await responded(1)).toBe(false);
  } finally {
    await postgres.restore();
  }
  await eventually(async () => (await viewer(token.accessToken)).data?.viewer !== undefined, 'viewer');
  expect((await signIn()).data?.signIn).toBeTruthy();
  expect((await submit(round.tokens[0]!)).data).toEqual({ submitPulse: { received: true } });
  expect(await ready()).toBe(200);
}, 90_000);

it('answers SERVICE_UNAVAILABLE while Redis is down and recovers by itself', async () => {
  const token = ((await signIn()).data!.signIn as { accessToken: string }).accessToken;

  await redis.cut();
  try {
    const [s, p] = [await signIn(), await submit(round.tokens[1]!)];
    if (process.env.TEST_LOGS) console.log(JSON.stringify([s, p]));
    expectUnavailable(s);
    expectUnavailable(p);
    expect(await responded(2)).toBe(false); // nothing recorded: the link still works afterwards
    expect(await ready()).toBe(503);
    // Reads that need no Redis keep working.
    expect((await viewer(token)).data).toEqual({ viewer: { email: 'hr@acme.test' } });
  } finally {
    await redis.restore();
  }
  await eventually(async () => Boolean((await signIn()).data?.signIn), 'sign-in');
  expect((await submit(round.tokens[1]!)).data).toEqual({ submitPulse: { received: true } });
  expect(await ready()).toBe(200);
}, 90_000);
