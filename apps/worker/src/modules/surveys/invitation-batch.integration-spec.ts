// Invitations sent in batches, through the real worker module (in this process, with a
// fixed clock), real PostgreSQL with row-level security, real Redis and the real SMTP sink
// the API's end-to-end tests use. One batch holds people inside their working hours,
// people whose morning has not come yet, a deactivated person, a person already sent to
// and one over the fatigue budget: exactly the right people get exactly one email each,
// now or at their own morning, and running the batch again — or re-enqueueing the whole
// round — sends nothing twice.
import { randomBytes } from 'node:crypto';
import 'reflect-metadata';
import { Test, type TestingModule } from '@nestjs/testing';
import type { Queue } from 'bullmq';
import { createPrismaClient, seedQuestionBank, withPlatform, withTenant, type Db } from '@pulsewise/db';
import { createTestDatabase, type TestDatabase } from '@pulsewise/db/testing';
import { createQueue, JobName, jobId, parsePulseToken, QueueName, redisConnection } from '@pulsewise/jobs';
import { SmtpSink, tokenFrom } from '../../../../api/src/test-support/smtp-sink.js';
import { Clock } from '../../common/clock.js';
import { reminderTimes } from './delivery-window.js';
import { batchOf, invitationBatchJobId, MAX_SEND_ATTEMPTS, SEND_INVITATION_BATCH } from './invitation-batch.js';
import { reminderBatchJobId, SEND_REMINDER_BATCH } from './reminder-batch-delivery.js';
import { RoundLauncher } from './round-launcher.js';
import { deleteRedisKeys } from '../../../test/support/redis-keys.js';

// Monday 23 Nov 2026, 10:00 UTC: 11:00 in Berlin (working hours), 05:00 in New York (not yet).
const MONDAY_1000Z = new Date('2026-11-23T10:00:00Z');
const NEW_YORK_MONDAY_0900 = new Date('2026-11-23T14:00:00Z');
const HOUR = 3_600_000;

class MovableClock extends Clock {
  at = MONDAY_1000Z;
  override now(): Date {
    return this.at;
  }
}

const prefix = `pwtest:batch:${randomBytes(4).toString('hex')}`;
const connection = redisConnection('redis://127.0.0.1:6379');
const smtp = new SmtpSink();
const clock = new MovableClock();
let db: TestDatabase;
let prisma: Db;
let worker: TestingModule;
let queue: Queue;

beforeAll(async () => {
  await smtp.start();
  db = await createTestDatabase('invitation_batch');
  prisma = createPrismaClient(db.appUrl, { poolSize: 3 });
  Object.assign(process.env, { REDIS_PREFIX: prefix, SMTP_URL: smtp.url, DATABASE_URL: db.appUrl, DATABASE_ADMIN_URL: db.adminUrl, PUBLIC_WEB_URL: 'http://web.test' });
  const { WorkerModule } = await import('../../worker.module.js');
  worker = await Test.createTestingModule({ imports: [WorkerModule] }).overrideProvider(Clock).useValue(clock).compile();
  if (!process.env.TEST_LOGS) worker.useLogger(false);
  await worker.init();
  queue = createQueue(QueueName.SURVEYS, connection, prefix); // the job options every enqueue uses (removed on completion)
}, 60_000);

afterAll(async () => {
  await queue?.close();
  await worker?.close();
  await prisma?.$disconnect();
  await db?.drop();
  await smtp.stop();
  await deleteRedisKeys(prefix);
});

async function waitFor<T>(check: () => Promise<T | null | undefined | false>, what: string, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

interface PersonSpec {
  email: string;
  timeZone: string;
  active?: boolean;
}

async function tenantWith(slug: string, people: PersonSpec[]): Promise<{ tenantId: string; rootUnitId: string; personIds: Record<string, string> }> {
  const actor = { tenantId: '00000000-0000-0000-0000-000000000000', personId: '00000000-0000-0000-0000-000000000000' };
  const tenantId = await withPlatform(prisma, actor, async (tx, audit) => {
    const t = await tx.tenant.create({ data: { slug, name: slug.toUpperCase() } });
    await audit.record('test.fixture', t.id);
    return t.id;
  });
  return withTenant(prisma, tenantId, async (tx) => {
    await tx.tenantPolicy.create({ data: { tenantId } }); // quiet hours 19:00–08:00, four pulses a month
    await seedQuestionBank(tx, tenantId);
    const root = await tx.orgUnit.create({ data: { tenantId, name: slug, path: '' } });
    const personIds: Record<string, string> = {};
    for (const p of people) {
      const person = await tx.person.create({ data: { tenantId, email: p.email, displayName: p.email.split('@')[0]!, orgUnitId: root.id, timeZone: p.timeZone, active: p.active ?? true } });
      personIds[p.email] = person.id;
    }
    return { tenantId, rootUnitId: root.id, personIds };
  });
}

type Status = 'SCHEDULED' | 'SENT' | 'SKIPPED_FATIGUE';

/** An open round (opened an hour ago, closing Thursday) with one invitation per person, in the given states. */
async function openRound(t: { tenantId: string; rootUnitId: string; personIds: Record<string, string> }, states: Record<string, { status: Status; sendAt?: Date }>) {
  const { tenantId } = t;
  return withTenant(prisma, tenantId, async (tx) => {
    const programme = await tx.pulseProgramme.create({ data: { tenantId, name: 'Weekly', cadence: 'WEEKLY', openDays: 3, questionsPerRound: 3, questionKeys: [], startsAt: new Date(MONDAY_1000Z.getTime() + 365 * 24 * HOUR) } });
    const round = await tx.pulseRound.create({
      data: { tenantId, programmeId: programme.id, sequence: 1, status: 'OPEN', opensAt: new Date(MONDAY_1000Z.getTime() - HOUR), closesAt: new Date(MONDAY_1000Z.getTime() + 72 * HOUR), anonymityThreshold: 5, invitedCount: Object.keys(states).length },
    });
    const invitations: Record<string, string> = {};
    for (const [email, { status, sendAt }] of Object.entries(states)) {
      const inv = await tx.pulseInvitation.create({
        data: { tenantId, roundId: round.id, personId: t.personIds[email]!, cellUnitId: t.rootUnitId, cellLocation: 'ALL', cellTenure: 'ALL', status, sendAt: sendAt ?? (status === 'SKIPPED_FATIGUE' ? null : MONDAY_1000Z) },
      });
      invitations[email] = inv.id;
    }
    return { roundId: round.id, invitations };
  });
}

const mailsTo = (email: string) => smtp.to(email);

async function invitationState(tenantId: string, invitationId: string) {
  return withTenant(prisma, tenantId, async (tx) => {
    const inv = await tx.pulseInvitation.findUniqueOrThrow({ where: { tenantId_id: { tenantId, id: invitationId } } });
    const links = await tx.pulseLink.findMany({ where: { invitationId }, select: { tokenHash: true } });
    return { status: inv.status, sendAt: inv.sendAt?.toISOString() ?? null, links: links.map((l) => l.tokenHash) };
  });
}

describe('a batch of one round', () => {
  const berlin = ['b0@batch.test', 'b1@batch.test', 'b2@batch.test', 'b3@batch.test'];
  const newYork = ['ny0@batch.test', 'ny1@batch.test'];
  const gone = 'gone@batch.test'; // deactivated after the launch
  const alreadySent = 'sent@batch.test'; // sent by an earlier run, before a crash
  const tired = 'tired@batch.test'; // over the fatigue budget at launch
  let t: Awaited<ReturnType<typeof tenantWith>>;
  let round: Awaited<ReturnType<typeof openRound>>;
  const id = () => invitationBatchJobId(round.roundId, 0, 1);

  beforeAll(async () => {
    t = await tenantWith('batch', [
      ...berlin.map((email) => ({ email, timeZone: 'Europe/Berlin' })),
      ...newYork.map((email) => ({ email, timeZone: 'America/New_York' })),
      { email: gone, timeZone: 'Europe/Berlin', active: false },
      { email: alreadySent, timeZone: 'Europe/Berlin' },
      { email: tired, timeZone: 'Europe/Berlin' },
    ]);
    round = await openRound(t, {
      ...Object.fromEntries(berlin.map((e) => [e, { status: 'SCHEDULED' as const }])),
      ...Object.fromEntries(newYork.map((e) => [e, { status: 'SCHEDULED' as const, sendAt: NEW_YORK_MONDAY_0900 }])),
      [gone]: { status: 'SCHEDULED' },
      [alreadySent]: { status: 'SENT', sendAt: new Date(MONDAY_1000Z.getTime() - 30 * 60_000) },
      [tired]: { status: 'SKIPPED_FATIGUE' },
    });
  });

  it('sends now only to active people inside their working hours, once each, with a stored single-use link', async () => {
    await queue.add(SEND_INVITATION_BATCH, { tenantId: t.tenantId, roundId: round.roundId, part: 0, parts: 1 }, { jobId: id() });
    await waitFor(async () => (await queue.getJobState(id())) === 'delayed', 'the batch to wait for New York');
    await new Promise((r) => setTimeout(r, 300)); // a duplicate would arrive now

    for (const email of berlin) expect(mailsTo(email)).toHaveLength(1);
    for (const email of [...newYork, gone, alreadySent, tired]) expect(mailsTo(email)).toEqual([]);
    expect(smtp.messages).toHaveLength(berlin.length);

    const mail = mailsTo(berlin[0]!)[0]!;
    expect(mail.subject).toBe('Your 2-minute pulse for BATCH');
    expect(mail.text).toMatch(/^Hello b0,/);
    expect(mail.text).toMatch(/http:\/\/web\.test\/pulse#token=/);
    expect(mail.text).toMatch(/It closes Thu, 26 Nov 2026 10:00 UTC\./);
    expect(mail.text).toMatch(/never shown on their own/);

    for (const email of berlin) {
      const state = await invitationState(t.tenantId, round.invitations[email]!);
      // The link in the email is the one stored (by hash), for this person's invitation.
      expect(state).toEqual({ status: 'SENT', sendAt: MONDAY_1000Z.toISOString(), links: [parsePulseToken(tokenFrom(mailsTo(email)[0]!))!.tokenHash] });
    }
    expect(await invitationState(t.tenantId, round.invitations[gone]!)).toEqual({ status: 'SCHEDULED', sendAt: MONDAY_1000Z.toISOString(), links: [] });
    for (const email of newYork) expect(await invitationState(t.tenantId, round.invitations[email]!)).toMatchObject({ status: 'SCHEDULED', links: [] });
    expect((await invitationState(t.tenantId, round.invitations[alreadySent]!)).links).toEqual([]);
  });

  it("waits until New York's morning, and queues the reminders of everyone sent", async () => {
    const job = (await queue.getJob(id()))!;
    // Moved to 14:00 UTC on the worker's clock, i.e. 4 hours from when it ran.
    expect(job.delay).toBeGreaterThan(4 * HOUR - 60_000);
    expect(job.delay).toBeLessThanOrEqual(4 * HOUR);

    const quiet = { quietHoursStart: '19:00', quietHoursEnd: '08:00' };
    const schedule = { timeZone: 'Europe/Berlin', workingHoursStart: '09:00', workingHoursEnd: '17:00', workingDays: [1, 2, 3, 4, 5] };
    const opensAt = new Date(MONDAY_1000Z.getTime() - HOUR);
    const closesAt = new Date(MONDAY_1000Z.getTime() + 72 * HOUR);
    const expected = reminderTimes(schedule, quiet, opensAt, closesAt).filter((at) => at > MONDAY_1000Z);
    expect(expected).toHaveLength(2);
    // One job per reminder for everyone this run sent — and one per reminder for the person an
    // earlier run sent (whose reminders that run may not have queued) — not one job per person.
    const alreadySentAt = new Date(MONDAY_1000Z.getTime() - 30 * 60_000);
    for (const sentAt of [MONDAY_1000Z, alreadySentAt]) {
      for (const [i, at] of expected.entries()) {
        const n = (i + 1) as 1 | 2;
        const reminder = await queue.getJob(reminderBatchJobId(round.roundId, 0, 1, n, sentAt));
        expect(reminder?.name).toBe(JobName.SEND_REMINDER_BATCH);
        expect(reminder?.data).toEqual({ tenantId: t.tenantId, roundId: round.roundId, part: 0, parts: 1, reminder: n, sentAt: sentAt.toISOString() });
        expect(reminder?.delay).toBe(at.getTime() - MONDAY_1000Z.getTime());
      }
    }
    const delayed = await queue.getDelayed();
    expect(delayed.filter((j) => j.name === JobName.SEND_REMINDER_BATCH)).toHaveLength(4);
    expect(delayed.filter((j) => j.name === JobName.SEND_REMINDER)).toEqual([]);
    for (const email of Object.keys(round.invitations)) expect(await queue.getJob(jobId.reminder(round.invitations[email]!, 1))).toBeUndefined();
  });

  it('sends nothing twice when the same batch runs again before anyone else may be pinged', async () => {
    const job = (await queue.getJob(id()))!;
    const delayedAt = job.processedOn;
    await job.promote();
    await waitFor(async () => (await queue.getJobState(id())) === 'delayed' && (await queue.getJob(id()))!.processedOn !== delayedAt, 'the batch to run again');
    await new Promise((r) => setTimeout(r, 300));
    expect(smtp.messages).toHaveLength(berlin.length);
    for (const email of berlin) expect((await invitationState(t.tenantId, round.invitations[email]!)).links).toHaveLength(1);
  });

  it("sends New York's invitations at their morning, once, and then the batch is done", async () => {
    clock.at = NEW_YORK_MONDAY_0900;
    try {
      await (await queue.getJob(id()))!.promote();
      await waitFor(async () => newYork.every((email) => mailsTo(email).length > 0) && (await queue.getJobState(id())) === 'unknown', 'New York and the end of the batch');
      await new Promise((r) => setTimeout(r, 300));
      for (const email of [...berlin, ...newYork]) expect(mailsTo(email)).toHaveLength(1);
      for (const email of [gone, alreadySent, tired]) expect(mailsTo(email)).toEqual([]);
      for (const email of newYork) expect(await invitationState(t.tenantId, round.invitations[email]!)).toMatchObject({ status: 'SENT', sendAt: NEW_YORK_MONDAY_0900.toISOString() });

      // A repeated launch re-enqueues the round: the same job id, and nothing is sent again.
      await worker.get(RoundLauncher).enqueueFollowUps(t.tenantId, round.roundId, clock.now());
      await waitFor(async () => (await queue.getJobState(id())) === 'unknown', 'the re-enqueued batch to finish');
      await new Promise((r) => setTimeout(r, 300));
      expect(smtp.messages).toHaveLength(berlin.length + newYork.length);
      expect(await invitationState(t.tenantId, round.invitations[gone]!)).toMatchObject({ status: 'SCHEDULED', links: [] });
    } finally {
      clock.at = MONDAY_1000Z;
    }
  });

  it('reminds everyone one run sent, from one job, once each — and not those who answered', async () => {
    const quiet = { quietHoursStart: '19:00', quietHoursEnd: '08:00' };
    const schedule = { timeZone: 'Europe/Berlin', workingHoursStart: '09:00', workingHoursEnd: '17:00', workingDays: [1, 2, 3, 4, 5] };
    const [first] = reminderTimes(schedule, quiet, new Date(MONDAY_1000Z.getTime() - HOUR), new Date(MONDAY_1000Z.getTime() + 72 * HOUR)).filter((at) => at > MONDAY_1000Z);
    const answered = berlin[3]!;
    await withTenant(prisma, t.tenantId, (tx) => tx.pulseInvitation.update({ where: { tenantId_id: { tenantId: t.tenantId, id: round.invitations[answered]! } }, data: { responded: true } }));
    const id1 = reminderBatchJobId(round.roundId, 0, 1, 1, MONDAY_1000Z);
    const remindersOf = (email: string) => mailsTo(email).filter((m) => m.subject.startsWith('Reminder:'));
    clock.at = first!;
    try {
      await (await queue.getJob(id1))!.promote();
      await waitFor(async () => (await queue.getJobState(id1)) === 'unknown', 'the reminder batch to finish');
      await new Promise((r) => setTimeout(r, 300)); // a duplicate would arrive now
      for (const email of berlin.slice(0, 3)) {
        expect(remindersOf(email)).toHaveLength(1);
        expect(remindersOf(email)[0]!.subject).toBe('Reminder: your pulse for BATCH closes soon');
        const inv = await withTenant(prisma, t.tenantId, (tx) => tx.pulseInvitation.findUniqueOrThrow({ where: { tenantId_id: { tenantId: t.tenantId, id: round.invitations[email]! } }, select: { remindersSent: true } }));
        expect(inv.remindersSent).toBe(1);
        // The reminder's link is a fresh one, stored (by hash) for this invitation.
        expect((await invitationState(t.tenantId, round.invitations[email]!)).links).toContain(parsePulseToken(tokenFrom(remindersOf(email)[0]!))!.tokenHash);
      }
      // Not who answered, not who was sent at another time (their own job), not the others.
      for (const email of [answered, ...newYork, gone, alreadySent, tired]) expect(remindersOf(email)).toEqual([]);

      // The same job again (a retry, a re-enqueue): nobody is reminded twice.
      await queue.add(SEND_REMINDER_BATCH, { tenantId: t.tenantId, roundId: round.roundId, part: 0, parts: 1, reminder: 1, sentAt: MONDAY_1000Z.toISOString() }, { jobId: id1 });
      await waitFor(async () => (await queue.getJobState(id1)) === 'unknown', 'the repeated reminder batch to finish');
      await new Promise((r) => setTimeout(r, 300));
      for (const email of berlin.slice(0, 3)) expect(remindersOf(email)).toHaveLength(1);
      expect(remindersOf(answered)).toEqual([]);
    } finally {
      clock.at = MONDAY_1000Z;
    }
  });
});

it('gives up on a person whose address the SMTP server refuses after five attempts, without holding up the rest', async () => {
  const t = await tenantWith('bounce', [
    { email: 'ok0@bounce.test', timeZone: 'Europe/Berlin' },
    { email: 'ok1@bounce.test', timeZone: 'Europe/Berlin' },
    { email: 'x@', timeZone: 'Europe/Berlin' }, // the sink answers 501 to RCPT TO:<x@>
  ]);
  const round = await openRound(t, { 'ok0@bounce.test': { status: 'SCHEDULED' }, 'ok1@bounce.test': { status: 'SCHEDULED' }, 'x@': { status: 'SCHEDULED' } });
  const id = invitationBatchJobId(round.roundId, 0, 1);
  await queue.add(SEND_INVITATION_BATCH, { tenantId: t.tenantId, roundId: round.roundId, part: 0, parts: 1 }, { jobId: id });

  for (let attempt = 1; attempt < MAX_SEND_ATTEMPTS; attempt++) {
    const job = await waitFor(async () => {
      const j = await queue.getJob(id);
      return j && (await j.getState()) === 'delayed' && j.data.failures?.[round.invitations['x@']!] === attempt ? j : null;
    }, `attempt ${attempt}`);
    // Retried with the per-person job's backoff: 2 s, 4 s, 8 s…
    expect(job.delay).toBeGreaterThan(2_000 * 2 ** (attempt - 1) - 1_000);
    expect(job.delay).toBeLessThanOrEqual(2_000 * 2 ** (attempt - 1));
    await job.promote();
  }
  await waitFor(async () => (await queue.getJobState(id)) === 'unknown', 'the batch to give up and finish');
  expect(mailsTo('ok0@bounce.test')).toHaveLength(1);
  expect(mailsTo('ok1@bounce.test')).toHaveLength(1);
  expect(await invitationState(t.tenantId, round.invitations['x@']!)).toMatchObject({ status: 'SCHEDULED' });
});

it('launches a round in parts with fixed job ids, and a repeated launch sends nobody a second email', async () => {
  const emails = Array.from({ length: 520 }, (_, i) => `p${i}@parts.test`);
  const t = await tenantWith('parts', emails.map((email) => ({ email, timeZone: 'Europe/Berlin' })));
  const programmeId = await withTenant(prisma, t.tenantId, async (tx) => {
    const p = await tx.pulseProgramme.create({ data: { tenantId: t.tenantId, name: 'Weekly', cadence: 'WEEKLY', openDays: 3, questionsPerRound: 3, questionKeys: ['energy', 'breaks', 'comment'], startsAt: new Date(MONDAY_1000Z.getTime() + 365 * 24 * HOUR) } });
    await tx.programmeAudience.create({ data: { tenantId: t.tenantId, programmeId: p.id, orgUnitId: t.rootUnitId } });
    return p.id;
  });
  const launcher = worker.get(RoundLauncher);
  const launched = (await launcher.launch(t.tenantId, programmeId, true))!;
  expect(launched).toMatchObject({ created: true, invited: 520 });
  await waitFor(async () => emails.every((email) => mailsTo(email).length > 0), 'every invitation', 30_000);

  // 520 invitations → 3 parts of about 250 (by the ids' first 32 bits).
  // (Each is marked SENT just after its email is accepted.)
  const invitations = await waitFor(async () => {
    const all = await withTenant(prisma, t.tenantId, (tx) => tx.pulseInvitation.findMany({ where: { roundId: launched.roundId }, select: { id: true, status: true } }));
    return all.every((i) => i.status === 'SENT') && all;
  }, 'every invitation marked');
  expect(invitations).toHaveLength(520);
  expect(new Set(invitations.map((i) => batchOf(i.id, 3)))).toEqual(new Set([0, 1, 2]));

  // The scheduled launch finding the open round re-enqueues it: nobody gets a second email.
  expect(await launcher.launch(t.tenantId, programmeId, false)).toMatchObject({ roundId: launched.roundId, created: false });
  for (const part of [0, 1, 2]) await waitFor(async () => (await queue.getJobState(invitationBatchJobId(launched.roundId, part, 3))) === 'unknown', `part ${part} to finish`);
  await new Promise((r) => setTimeout(r, 300));
  for (const email of emails) expect(mailsTo(email)).toHaveLength(1);
}, 60_000);

it('keeps to per-person jobs when re-enqueueing a round launched before invitations were batched', async () => {
  const t = await tenantWith('legacy', [{ email: 'l0@legacy.test', timeZone: 'America/New_York' }, { email: 'l1@legacy.test', timeZone: 'America/New_York' }]);
  const round = await openRound(t, { 'l0@legacy.test': { status: 'SCHEDULED', sendAt: NEW_YORK_MONDAY_0900 }, 'l1@legacy.test': { status: 'SCHEDULED', sendAt: NEW_YORK_MONDAY_0900 } });
  // What the launch of the previous version left behind: one delayed job per person.
  await queue.add(JobName.SEND_INVITATION, { tenantId: t.tenantId, invitationId: round.invitations['l0@legacy.test'] }, { jobId: jobId.invitation(round.invitations['l0@legacy.test']!), delay: 4 * HOUR });

  await worker.get(RoundLauncher).enqueueFollowUps(t.tenantId, round.roundId, clock.now());
  expect(await queue.getJob(invitationBatchJobId(round.roundId, 0, 1))).toBeUndefined();
  for (const email of ['l0@legacy.test', 'l1@legacy.test']) {
    expect(await queue.getJobState(jobId.invitation(round.invitations[email]!))).toBe('delayed');
  }
});
