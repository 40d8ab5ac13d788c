// submitPulse under concurrency, through the real API and the real worker (in this process),
// real PostgreSQL and Redis: many submissions of one link → exactly one accepted; submissions
// racing the round-close job → every accepted answer stored once, the close's count exact,
// every other submission refused PULSE_CLOSED and nothing left in (or pushed after the close
// to) the buffer; the worker is asked to insert a batch as soon as B answers wait; a refused
// submission (bad answers, forged link) changes nothing.
import 'reflect-metadata';
import { Test, type TestingModule } from '@nestjs/testing';
import type { Job } from 'bullmq';
import { Redis } from 'ioredis';
import { withTenant } from '@pulsewise/db';
import { JobName, newPulseToken, ResponseBuffer } from '@pulsewise/jobs';
import { createTenant, type FixtureTenant } from '../src/test-support/fixtures.js';
import { openRoundWithLinks, type OpenRound } from '../src/test-support/pulse-links.js';
import { startTestApp, type TestApp } from '../src/test-support/test-app.js';
import { CloseRoundJob } from '../../worker/src/modules/surveys/close-round.job.js';
import { WorkerModule } from '../../worker/src/worker.module.js';

const SUBMIT = 'mutation($token: String!, $answers: [PulseAnswerInput!]!) { submitPulse(token: $token, answers: $answers) { received } }';
const PEOPLE = 60;

let api: TestApp;
let worker: TestingModule;
let acme: FixtureTenant;
let redis: Redis;
let buffer: ResponseBuffer;

beforeAll(async () => {
  // Many requests from one address and, in the first test, with one link: the per-IP and
  // per-link limits would answer TOO_MANY_REQUESTS before the service is reached.
  api = await startTestApp('pulseconc', { RATE_LIMIT_IP: 'off', RATE_LIMIT_PULSE_IP: 'off', RATE_LIMIT_PULSE_LINK: 'off', DATABASE_POOL_SIZE: '8' });
  acme = await createTenant(api.prisma, {
    slug: 'acme',
    units: ['Team'],
    people: Array.from({ length: PEOPLE }, (_, i) => ({ email: `p${i}@acme.test`, roles: ['EMPLOYEE' as const], unit: 'Team' })),
  });
  worker = await Test.createTestingModule({ imports: [WorkerModule] }).compile();
  if (!process.env.TEST_LOGS) worker.useLogger(false);
  await worker.init();
  redis = new Redis('redis://127.0.0.1:6379', { maxRetriesPerRequest: 3 });
  buffer = new ResponseBuffer(redis, api.redisPrefix);
}, 60_000);

afterAll(async () => {
  await worker?.close();
  redis?.disconnect();
  await api?.close();
});

const people = () => Object.values(acme.people);
const answersFor = (round: OpenRound, i: number) => [
  { questionId: round.scaleQuestionIds[0], value: 1 + (i % 5) },
  { questionId: round.scaleQuestionIds[1], value: 1 + ((i * 3) % 5) },
  ...(i % 3 === 0 ? [{ questionId: round.commentQuestionId, text: `Comment ${i}` }] : []),
];
const submit = (round: OpenRound, i: number, token = round.tokens[i]!) => api.gql<{ submitPulse: { received: boolean } }>(SUBMIT, { token, answers: answersFor(round, i) });
const outcome = (r: Awaited<ReturnType<typeof submit>>) => (r.data?.submitPulse.received ? 'received' : (r.errors?.[0]?.extensions?.code ?? `status ${r.status}`));

const counts = (roundId: string) =>
  withTenant(api.prisma, acme.id, async (tx) => ({
    responded: await tx.pulseInvitation.count({ where: { roundId, responded: true } }),
    stored: await tx.response.count({ where: { roundId } }),
  }));

async function waitUntil(check: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

it('accepts exactly one of many concurrent submissions with the same link', async () => {
  const round = await openRoundWithLinks(api.prisma, acme.id, people().slice(0, 5));
  const results = await Promise.all(Array.from({ length: 30 }, () => submit(round, 0)));
  const outcomes = results.map(outcome);
  expect(outcomes.filter((o) => o === 'received')).toHaveLength(1);
  expect(outcomes.filter((o) => o !== 'received')).toEqual(Array(29).fill('CONFLICT'));
  expect((await counts(round.roundId)).responded).toBe(1);
  expect(await buffer.pendingCount(acme.id, round.roundId)).toBe(1);
});

it('refuses bad answers and forged links without spending or buffering anything', async () => {
  const round = await openRoundWithLinks(api.prisma, acme.id, people().slice(0, 5));
  const bad = await api.gql(SUBMIT, { token: round.tokens[0], answers: [{ questionId: round.scaleQuestionIds[0], value: 9 }, { questionId: round.commentQuestionId, value: 2 }] });
  expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  expect((bad.errors?.[0]?.extensions?.problems as { questionId: string }[]).map((p) => p.questionId)).toEqual([round.scaleQuestionIds[0], round.commentQuestionId]);
  const forged = await api.gql(SUBMIT, { token: newPulseToken(acme.id).token, answers: answersFor(round, 0) });
  expect(forged.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  expect(await counts(round.roundId)).toEqual({ responded: 0, stored: 0 });
  expect(await buffer.pendingCount(acme.id, round.roundId)).toBe(0);
  // The link was not spent by the refused attempt.
  expect(outcome(await submit(round, 0))).toBe('received');
});

it('asks the worker to insert a batch once B answers wait, without waiting for the close', async () => {
  const round = await openRoundWithLinks(api.prisma, acme.id, people().slice(0, 12));
  // k = 5 → B = max(k, 10) = 10: nine answers stay buffered, the tenth triggers the flush.
  for (let i = 0; i < 10; i++) expect(outcome(await submit(round, i))).toBe('received');
  await waitUntil(async () => (await counts(round.roundId)).stored === 10, 'the batch of 10 to be stored');
  expect(await buffer.pendingCount(acme.id, round.roundId)).toBe(0);
});

it.each([1, 2, 3])('stores every answer accepted while the round closes, exactly once, and none after (run %i)', async () => {
  const round = await openRoundWithLinks(api.prisma, acme.id, people());
  const close = worker.get(CloseRoundJob);
  const inFlight = round.tokens.map((_, i) => submit(round, i));
  // Close as soon as the first answer was accepted, with the others still arriving.
  await Promise.race(inFlight);
  await close.process({ name: JobName.CLOSE_ROUND, data: { tenantId: acme.id, roundId: round.roundId } } as Job);
  const outcomes = (await Promise.all(inFlight)).map(outcome);

  const accepted = outcomes.filter((o) => o === 'received').length;
  expect(accepted).toBeGreaterThanOrEqual(1);
  expect(outcomes.filter((o) => o !== 'received' && o !== 'PULSE_CLOSED')).toEqual([]);
  const closed = await withTenant(api.prisma, acme.id, (tx) => tx.pulseRound.findUniqueOrThrow({ where: { tenantId_id: { tenantId: acme.id, id: round.roundId } } }));
  expect(closed).toMatchObject({ status: 'CLOSED', respondedCount: accepted });
  // Everything accepted was flushed by the close itself: nothing waits, nothing arrived later.
  expect(await counts(round.roundId)).toEqual({ responded: accepted, stored: accepted });
  expect(await buffer.pendingCount(acme.id, round.roundId)).toBe(0);
  const distinct = await withTenant(api.prisma, acme.id, (tx) => tx.$queryRaw<{ n: bigint }[]>`SELECT count(DISTINCT id) AS n FROM responses WHERE round_id = ${round.roundId}::uuid`);
  expect(Number(distinct[0]!.n)).toBe(accepted);
  // A late submission is refused and buffers nothing.
  expect(outcome(await submit(round, PEOPLE - 1))).toBe('PULSE_CLOSED');
  expect(await buffer.pendingCount(acme.id, round.roundId)).toBe(0);
});
