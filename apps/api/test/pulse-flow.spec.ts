// The collection half of the privacy promises, end to end through the real API
// and the real worker (in this process, with a moved clock), real PostgreSQL,
// real Redis and a real SMTP server: a programme launches a round; people in Tokyo
// and New York are invited inside their own working hours; links from the emails
// answer the pulse once; reminders go only to people who have not answered; the
// round closes and every answer is stored exactly once, unlinkable to its author.
import 'reflect-metadata';
import { Test, type TestingModule } from '@nestjs/testing';
import { Queue } from 'bullmq';
import pg from 'pg';
import { withTenant } from '@pulsewise/db';
import { jobId, JobName, QueueName, redisConnection } from '@pulsewise/jobs';
import { createTenant, signIn, type FixtureTenant } from '../src/test-support/fixtures.js';
import { SmtpSink, tokenFrom } from '../src/test-support/smtp-sink.js';
import { startTestApp, type TestApp } from '../src/test-support/test-app.js';
import { Clock } from '../../worker/src/common/clock.js';
import { WorkerModule } from '../../worker/src/worker.module.js';

// Monday 23 Nov 2026 01:00 UTC: 10:00 in Tokyo (working hours), Sunday 20:00 in New York (not).
const MONDAY_0100Z = new Date('2026-11-23T01:00:00Z');
const NEW_YORK_MONDAY_0900 = new Date('2026-11-23T14:00:00Z');

class MovableClock extends Clock {
  at = MONDAY_0100Z;
  override now(): Date {
    return this.at;
  }
}

let api: TestApp;
let worker: TestingModule;
let acme: FixtureTenant;
let adminToken: string;
const smtp = new SmtpSink();
const clock = new MovableClock();
const redis = redisConnection('redis://127.0.0.1:6379');

const tokyo = Array.from({ length: 12 }, (_, i) => `tokyo${i}@acme.test`);
const newYork = Array.from({ length: 6 }, (_, i) => `ny${i}@acme.test`);
const osaka = Array.from({ length: 40 }, (_, i) => `osaka${i}@acme.test`);

beforeAll(async () => {
  await smtp.start();
  api = await startTestApp('pulseflow', { SMTP_URL: smtp.url, PUBLIC_WEB_URL: 'http://web.test' });
  acme = await createTenant(api.prisma, {
    slug: 'acme',
    units: ['Tokyo', 'NewYork', 'Osaka'],
    people: [
      { email: 'admin@acme.test', roles: ['EMPLOYEE', 'TENANT_ADMIN'] },
      ...tokyo.map((email) => ({ email, roles: ['EMPLOYEE' as const], unit: 'Tokyo', timeZone: 'Asia/Tokyo', location: 'Tokyo' })),
      ...newYork.map((email) => ({ email, roles: ['EMPLOYEE' as const], unit: 'NewYork', timeZone: 'America/New_York', location: 'New York' })),
      ...osaka.map((email) => ({ email, roles: ['EMPLOYEE' as const], unit: 'Osaka', timeZone: 'Asia/Tokyo', location: 'Osaka' })),
    ],
  });
  adminToken = (await signIn(api, 'admin@acme.test')).token;
  worker = await Test.createTestingModule({ imports: [WorkerModule] }).overrideProvider(Clock).useValue(clock).compile();
  if (!process.env.TEST_LOGS) worker.useLogger(false);
  await worker.init();
}, 60_000);

afterAll(async () => {
  await worker?.close();
  await api?.close();
  await smtp.stop();
});

async function surveysQueue(fn: (q: Queue) => Promise<void>) {
  const q = new Queue(QueueName.SURVEYS, { connection: redis, prefix: api.redisPrefix });
  try {
    await fn(q);
  } finally {
    await q.close();
  }
}

async function waitUntil<T>(fn: () => Promise<T | null | undefined | false>, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await fn();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const SUBMIT = 'mutation($token: String!, $answers: [PulseAnswerInput!]!) { submitPulse(token: $token, answers: $answers) { received message } }';
const FORM = 'query($token: String!) { pulse(token: $token) { state organizationName anonymityThreshold countsIn questions { id type min max } } }';

let roundId: string;
let questions: { id: string; type: string; min: number | null; max: number | null }[];

it('launches a round and invites each person inside their own working hours', async () => {
  const created = await api.gql<{ createPulseProgramme: { id: string } }>(
    'mutation($input: CreateProgrammeInput!) { createPulseProgramme(input: $input) { id } }',
    { input: { name: 'Weekly pulse', cadence: 'WEEKLY', openDays: 5, questionsPerRound: 3, questionKeys: ['energy', 'breaks', 'comment'], audienceUnitIds: [acme.rootUnitId], excludedUnitIds: [acme.units.Osaka], startsAt: '2027-01-04T06:00:00Z' } },
    { token: adminToken },
  );
  expect(created.errors).toBeUndefined();
  const programmeId = created.data!.createPulseProgramme.id;
  await surveysQueue(async (q) => expect((await q.getJobSchedulers()).map((s) => s.key)).toEqual([jobId.programmeScheduler(programmeId)]));

  // The schedule starts in January; launch the first round by hand now.
  expect((await api.gql('mutation($id: ID!) { launchPulseRound(programmeId: $id) }', { id: programmeId }, { token: adminToken })).data).toEqual({ launchPulseRound: true });
  const round = await waitUntil(() => withTenant(api.prisma, acme.id, (tx) => tx.pulseRound.findFirst({ where: { programmeId } })), 'the round');
  const again = await api.gql('mutation($id: ID!) { launchPulseRound(programmeId: $id) }', { id: programmeId }, { token: adminToken });
  expect(again.errors?.[0]?.extensions?.code).toBe('CONFLICT');
  roundId = round.id;
  expect(round).toMatchObject({ status: 'OPEN', eligibleCount: 19, invitedCount: 19, skippedFatigueCount: 0, anonymityThreshold: 5 });

  const invitations = await withTenant(api.prisma, acme.id, (tx) => tx.pulseInvitation.findMany({ include: { person: { select: { email: true } } } }));
  const sendAt = (email: string) => invitations.find((i) => i.person.email === email)?.sendAt?.toISOString();
  expect(sendAt(tokyo[0]!)).toBe(MONDAY_0100Z.toISOString());
  expect(sendAt(newYork[0]!)).toBe(NEW_YORK_MONDAY_0900.toISOString());
  // The admin lives in UTC: Monday 09:00 UTC.
  expect(sendAt('admin@acme.test')).toBe('2026-11-23T09:00:00.000Z');

  // Tokyo's invitations go now; New York's wait for their morning.
  await smtp.waitFor((m) => tokyo.every((email) => m.some((x) => x.to === email)));
  expect(newYork.flatMap((email) => smtp.to(email))).toEqual([]);
  const mail = smtp.to(tokyo[0]!)[0]!;
  expect(mail.subject).toBe('Your 2-minute pulse for ACME');
  expect(mail.text).toMatch(/http:\/\/web\.test\/pulse#token=/);
  expect(mail.text).toMatch(/never shown on their own/);
});

it('opens the pulse from the emailed link, says where the answer counts, and accepts it once', async () => {
  const token = tokenFrom(smtp.to(tokyo[0]!)[0]!);
  const form = await api.gql<{ pulse: { state: string; countsIn: string[]; anonymityThreshold: number; questions: typeof questions } }>(FORM, { token });
  expect(form.data?.pulse).toMatchObject({ state: 'OPEN', organizationName: 'ACME', anonymityThreshold: 5, countsIn: ['ACME (whole organisation)', 'Tokyo', 'Location: Tokyo', 'Tenure: not recorded'] });
  questions = form.data!.pulse.questions;
  expect(questions.map((q) => q.type)).toEqual(['AGREEMENT_5', 'AGREEMENT_5', 'COMMENT']);

  const answers = [{ questionId: questions[0]!.id, value: 4 }, { questionId: questions[1]!.id, value: 2 }, { questionId: questions[2]!.id, text: 'More quiet time, please' }];
  const first = await api.gql<{ submitPulse: { received: boolean } }>(SUBMIT, { token, answers });
  expect(first.data?.submitPulse.received).toBe(true);

  const again = await api.gql(SUBMIT, { token, answers });
  expect(again.errors?.[0]?.extensions?.code).toBe('CONFLICT');
  expect((await api.gql<{ pulse: { state: string } }>(FORM, { token })).data?.pulse.state).toBe('ANSWERED');
});

it('rejects bad answers and unknown links, storing nothing', async () => {
  const token = tokenFrom(smtp.to(tokyo[1]!)[0]!);
  const before = await participation();
  const cases = [
    { answers: [{ questionId: questions[0]!.id, value: 9 }], code: 'BAD_USER_INPUT' },
    { answers: [{ questionId: '00000000-0000-4000-8000-000000000000', value: 3 }], code: 'BAD_USER_INPUT' },
    { answers: [{ questionId: questions[2]!.id, text: 'x'.repeat(2001) }], code: 'BAD_USER_INPUT' },
    { answers: [], code: 'BAD_USER_INPUT' },
  ];
  for (const c of cases) {
    const r = await api.gql(SUBMIT, { token, answers: c.answers });
    expect(r.errors?.[0]?.extensions?.code).toBe(c.code);
  }
  const forged = await api.gql(SUBMIT, { token: `${acme.id}.${'A'.repeat(43)}`, answers: [{ questionId: questions[0]!.id, value: 3 }] });
  expect(forged.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  expect(await participation()).toEqual(before);
});

it('reminds only people who have not answered', async () => {
  const [answered, silent] = await withTenant(api.prisma, acme.id, async (tx) => {
    const invs = await tx.pulseInvitation.findMany({ where: { person: { email: { in: [tokyo[0]!, tokyo[2]!] } } }, include: { person: true } });
    return [invs.find((i) => i.person.email === tokyo[0])!, invs.find((i) => i.person.email === tokyo[2])!];
  });
  // Move the clock to Wednesday 02:00 UTC (11:00 in Tokyo) and run the first reminder of
  // Tokyo's invitations now (one job for everyone one run sent, not one per person).
  clock.at = new Date('2026-11-25T02:00:00Z');
  await surveysQueue(async (q) => {
    const jobs = (await q.getDelayed()).filter((j) => j.name === JobName.SEND_REMINDER_BATCH && j.data.reminder === 1 && j.data.sentAt === silent.sendAt!.toISOString());
    expect(jobs).toHaveLength(1);
    expect(answered.sendAt).toEqual(silent.sendAt);
    await jobs[0]!.promote();
  });
  await smtp.waitFor(() => smtp.to(tokyo[2]!).length === 2);
  await new Promise((r) => setTimeout(r, 500));
  expect(smtp.to(tokyo[0]!).map((m) => m.subject)).toEqual(['Your 2-minute pulse for ACME']);
  expect(smtp.to(tokyo[2]!)[1]!.subject).toMatch(/^Reminder: your pulse for ACME closes soon/);
  // The reminder's fresh link works too.
  const r = await api.gql<{ submitPulse: { received: boolean } }>(SUBMIT, { token: tokenFrom(smtp.to(tokyo[2]!)[1]!), answers: [{ questionId: questions[0]!.id, value: 3 }] });
  expect(r.data?.submitPulse.received).toBe(true);
});

it('closes the round, stores every answer exactly once, and refuses answers afterwards', async () => {
  for (const email of tokyo.slice(3)) {
    const r = await api.gql(SUBMIT, { token: tokenFrom(smtp.to(email)[0]!), answers: [{ questionId: questions[0]!.id, value: 5 }, { questionId: questions[1]!.id, value: 1 }] });
    expect(r.errors).toBeUndefined();
  }
  clock.at = new Date('2026-11-28T01:00:00Z');
  await surveysQueue(async (q) => {
    const job = await q.getJob(jobId.close(roundId));
    await job!.promote();
  });
  const round = await waitUntil(() => withTenant(api.prisma, acme.id, (tx) => tx.pulseRound.findFirst({ where: { id: roundId, status: 'CLOSED' } })), 'the round to close');
  expect(round.respondedCount).toBe(11);
  const stored = await waitUntil(async () => {
    const counts = await withTenant(api.prisma, acme.id, async (tx) => ({ responses: await tx.response.count({ where: { roundId } }), comments: await tx.responseComment.count({ where: { roundId } }) }));
    return counts.responses === 11 ? counts : null;
  }, 'all answers stored');
  expect(stored).toEqual({ responses: 11, comments: 1 });

  const rounds = await api.gql<{ pulseRounds: { respondedCount: number | null; responseRate: number | null }[] }>(
    'query($id: ID!) { pulseRounds(programmeId: $id) { respondedCount responseRate } }',
    { id: round.programmeId },
    { token: adminToken },
  );
  expect(rounds.data?.pulseRounds).toEqual([{ respondedCount: 11, responseRate: 11 / 19 }]);

  const late = await api.gql(SUBMIT, { token: tokenFrom(smtp.to(tokyo[1]!)[0]!), answers: [{ questionId: questions[0]!.id, value: 3 }] });
  expect(late.errors?.[0]?.extensions?.code).toBe('PULSE_CLOSED');
  expect(await withTenant(api.prisma, acme.id, (tx) => tx.response.count({ where: { roundId } }))).toBe(11);
});

it('counts people over their monthly pulse budget instead of inviting them', async () => {
  const updated = await api.gql('mutation { updateTenantPolicy(input: { maxPulsesPerMonth: 1 }) { maxPulsesPerMonth } }', {}, { token: adminToken });
  expect(updated.errors).toBeUndefined();
  const programme = await withTenant(api.prisma, acme.id, (tx) => tx.pulseProgramme.findFirstOrThrow({ where: { name: 'Weekly pulse' } }));
  // Saturday 28 November: everyone's next working moment is still in November, where they already had their one pulse.
  clock.at = new Date('2026-11-28T02:00:00Z');
  expect((await api.gql('mutation($id: ID!) { launchPulseRound(programmeId: $id) }', { id: programme.id }, { token: adminToken })).data).toEqual({ launchPulseRound: true });
  const second = await waitUntil(() => withTenant(api.prisma, acme.id, (tx) => tx.pulseRound.findFirst({ where: { programmeId: programme.id, sequence: 2 } })), 'the second round');
  expect(second).toMatchObject({ eligibleCount: 19, invitedCount: 0, skippedFatigueCount: 19 });
  const statuses = await withTenant(api.prisma, acme.id, (tx) => tx.pulseInvitation.groupBy({ by: ['status'], where: { roundId: second.id }, _count: true }));
  expect(statuses).toEqual([{ status: 'SKIPPED_FATIGUE', _count: 19 }]);
  await api.gql('mutation { updateTenantPolicy(input: { maxPulsesPerMonth: 4 }) { maxPulsesPerMonth } }', {}, { token: adminToken });
});

it('leaves a database administrator no better than chance at matching people to answers', async () => {
  // 40 people answer, one after another, each with a distinct answer pattern, so we know
  // who gave which answers. The attacker holds a full dump as superuser: participation
  // rows (whose xmin orders the submissions) and responses (xmin, ctid). The best
  // order-based guess pairs the i-th participant with the i-th response in (xmin, ctid)
  // order. Without shuffling that guess is always right; with shuffled batches of at
  // least 10 it is right about once per batch.
  clock.at = new Date('2026-11-30T01:00:00Z'); // Monday, 10:00 in Osaka
  const created = await api.gql<{ createPulseProgramme: { id: string } }>(
    'mutation($input: CreateProgrammeInput!) { createPulseProgramme(input: $input) { id } }',
    { input: { name: 'Osaka pulse', cadence: 'WEEKLY', openDays: 5, questionsPerRound: 3, questionKeys: ['energy', 'breaks', 'workload'], audienceUnitIds: [acme.units.Osaka], excludedUnitIds: [], startsAt: '2027-01-04T06:00:00Z' } },
    { token: adminToken },
  );
  const programmeId = created.data!.createPulseProgramme.id;
  await api.gql('mutation($id: ID!) { launchPulseRound(programmeId: $id) }', { id: programmeId }, { token: adminToken });
  await smtp.waitFor((m) => osaka.every((email) => m.some((x) => x.to === email)));
  const osakaRound = await withTenant(api.prisma, acme.id, (tx) => tx.pulseRound.findFirstOrThrow({ where: { programmeId } }));
  const form = await api.gql<{ pulse: { questions: { id: string }[] } }>(FORM, { token: tokenFrom(smtp.to(osaka[0]!)[0]!) });
  const [q1, q2, q3] = form.data!.pulse.questions.map((q) => q.id) as [string, string, string];

  const pattern = (i: number) => [1 + (i % 5), 1 + (Math.floor(i / 5) % 5), 1 + (Math.floor(i / 25) % 5)];
  for (const [i, email] of osaka.entries()) {
    const [a, b, c] = pattern(i);
    const r = await api.gql(SUBMIT, { token: tokenFrom(smtp.to(email)[0]!), answers: [{ questionId: q1, value: a }, { questionId: q2, value: b }, { questionId: q3, value: c }] });
    expect(r.errors).toBeUndefined();
  }
  clock.at = new Date('2026-12-05T01:00:00Z');
  await surveysQueue(async (q) => (await q.getJob(jobId.close(osakaRound.id)))!.promote());
  await waitUntil(async () => (await withTenant(api.prisma, acme.id, (tx) => tx.response.count({ where: { roundId: osakaRound.id } }))) === 40, 'all 40 answers stored');

  const dbaUrl = new URL(api.db.adminUrl);
  dbaUrl.username = 'postgres';
  const dba = new pg.Client({ connectionString: dbaUrl.toString() });
  await dba.connect();
  try {
    const participants = await dba.query<{ email: string }>(
      `SELECT p.email FROM pulse_invitations i JOIN people p ON p.tenant_id = i.tenant_id AND p.id = i.person_id
       WHERE i.round_id = $1 AND i.responded ORDER BY i.xmin::text::bigint`,
      [osakaRound.id],
    );
    const responses = await dba.query<{ answers: Record<string, number>; xmin: string }>(
      `SELECT answers, xmin::text AS xmin FROM responses WHERE round_id = $1 ORDER BY xmin::text::bigint, ctid`,
      [osakaRound.id],
    );
    expect(participants.rows.map((p) => p.email)).toEqual(osaka); // the attacker does know the order of submission…
    const batches = new Map<string, number>();
    for (const r of responses.rows) batches.set(r.xmin, (batches.get(r.xmin) ?? 0) + 1);
    // …but answers arrive in batches of at least 10 (the last one, at close, may be smaller).
    expect([...batches.values()].slice(0, -1).every((n) => n >= 10)).toBe(true);
    expect(batches.size).toBeLessThanOrEqual(4);

    const truth = new Map(osaka.map((email, i) => [email, pattern(i).join(',')]));
    const correct = participants.rows.filter((p, i) => {
      const a = responses.rows[i]!.answers;
      return truth.get(p.email) === [a[q1], a[q2], a[q3]].join(',');
    }).length;
    // Chance is about one correct pair per batch (≤ 4 batches). 15 or more would take
    // odds below 1 in 100,000 — or an order that leaks.
    expect(correct).toBeLessThan(15);
  } finally {
    await dba.end();
  }
});

async function participation() {
  return withTenant(api.prisma, acme.id, (tx) => tx.pulseInvitation.count({ where: { responded: true } }));
}
