// A round released again under an existing monthly roll-up, end to end with the built worker
// (apps/worker/dist) as a real child process, PostgreSQL and BullMQ.
//
// What re-makes a round's release after its month's roll-up exists (nothing else in the code
// does: audiences are frozen at close, and there is no "re-aggregate" mutation):
// - the tenant raises k: updateTenantPolicy raises every round's threshold and, after commit,
//   queues a release sweep, which queues an aggregation for every round whose release has a
//   lower k (releases_due());
// - the same aggregation job again: a stalled job (the worker killed after the roll-up's
//   commit, before BullMQ marked the job done) is taken again, and close-round re-queues a
//   finished aggregation (completed jobs are removed, so the deterministic jobId no longer
//   dedupes it).
// Either way the round gets a new release, audited against the roll-up as it stands. The
// roll-up was audited jointly with the old round release, so it must not stay published next
// to the new one: it is withdrawn (no figures) in the transaction that stores the new round
// release, and audited again against the new round releases by the same job (or the sweep).
// Expected here: after the round's job, the stored roll-up is a new audit made after every one
// of its rounds' current releases, that a fresh audit against those releases accepts.
import type { ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import { createPrismaClient, seedQuestionBank, withPlatform, withTenant, type Db } from '@pulsewise/db';
import { createTestDatabase, type TestDatabase } from '@pulsewise/db/testing';
import { JobName, jobId, QueueName, redisConnection } from '@pulsewise/jobs';
import { auditRelease } from '@pulsewise/privacy';
import type { WorkerDb } from '../src/common/infrastructure.js';
import { MonthRollups, periodOf } from '../src/modules/releases/month-rollup.js';
import { loadRelease } from '../src/modules/releases/release-store.js';
import { RoundAggregator } from '../src/modules/releases/round-aggregator.js';
import { startWorker as spawnWorker, stop, waitFor } from './support/worker-process.js';
import { deleteRedisKeys } from './support/redis-keys.js';

const prefix = `pwtest:rollup-again:${randomBytes(4).toString('hex')}`;
let db: TestDatabase;
let prisma: Db;
let queue: Queue;
let tenantId: string;
let month: string;
let roundIds: string[];

// Per round: who was asked and who answered, per (unit, location). Several groups sit just at
// or above k = 5 in a round, so raising k to 7 changes what the rounds (and the month) show.
const CELLS: { unit: string; location: string; eligible: number; answered: [number, number] }[] = [
  { unit: 'Engineering/Platform', location: 'Berlin', eligible: 8, answered: [7, 6] },
  { unit: 'Engineering/Platform', location: 'Boston', eligible: 6, answered: [5, 5] },
  { unit: 'Engineering/Data', location: 'Berlin', eligible: 7, answered: [6, 7] },
  { unit: 'Engineering/Data', location: 'Boston', eligible: 4, answered: [3, 2] },
  { unit: 'Engineering/Security', location: 'Berlin', eligible: 4, answered: [3, 3] },
  { unit: 'Sales', location: 'Boston', eligible: 10, answered: [8, 9] },
  { unit: 'Sales', location: 'Berlin', eligible: 6, answered: [5, 4] },
];

const startWorker = (): ChildProcess => spawnWorker({ databaseUrl: db.appUrl, adminUrl: db.adminUrl, redisPrefix: prefix, env: { DATABASE_POOL_SIZE: '3', WORKER_METRICS_PORT: '0' } });

interface StoredRelease {
  id: string;
  roundId: string | null;
  status: string;
  k: number;
  createdAt: Date;
  cells: number;
}

/** The month's roll-up and its rounds' releases, as stored. */
async function stored(): Promise<{ rollup: StoredRelease | undefined; rounds: StoredRelease[] }> {
  const rows = await withTenant(prisma, tenantId, (tx) =>
    tx.release.findMany({
      where: { OR: [{ kind: 'MONTH', period: month }, { roundId: { in: roundIds } }] },
      select: { id: true, kind: true, roundId: true, status: true, k: true, createdAt: true, _count: { select: { cells: true } } },
    }),
  );
  const out = (r: (typeof rows)[number]): StoredRelease => ({ id: r.id, roundId: r.roundId, status: r.status, k: r.k, createdAt: r.createdAt, cells: r._count.cells });
  return {
    rollup: rows.filter((r) => r.kind === 'MONTH').map(out)[0],
    rounds: roundIds.map((id) => out(rows.find((r) => r.roundId === id)!)),
  };
}

/**
 * The stored roll-up is not stale: made after every current release of its rounds (a roll-up
 * made before one of them was audited against an older release), and a fresh audit of it —
 * stored releases only, no true data: what a reader of all of them has — against them finds
 * nothing. A withheld roll-up has no figures at all.
 */
async function expectCurrentRollup(): Promise<StoredRelease> {
  const { rollup, rounds } = await stored();
  expect(rollup).toBeDefined();
  for (const r of rounds) expect(rollup!.createdAt.getTime()).toBeGreaterThanOrEqual(r.createdAt.getTime());
  if (rollup!.status === 'WITHHELD') {
    expect(rollup!.cells).toBe(0);
    return rollup!;
  }
  const { roundReleases, rollUp } = await withTenant(prisma, tenantId, async (tx) => ({
    roundReleases: await Promise.all(rounds.filter((r) => r.status === 'PUBLISHED').map((r) => loadRelease(tx, tenantId, r.id))),
    rollUp: await loadRelease(tx, tenantId, rollup!.id),
  }));
  expect(rollUp.blocks).toEqual(roundIds);
  const report = await auditRelease(rollUp, { priorReleases: roundReleases, seesReasons: true });
  expect(report.violations).toEqual([]);
  return rollup!;
}

/** Runs one job in the worker and returns what it returned (kept after completion to read it). */
async function runJob(name: JobName, data: Record<string, unknown>, id: string): Promise<Record<string, unknown>> {
  await queue.remove(id);
  const job = await queue.add(name, data, { jobId: id, attempts: 3, removeOnComplete: false });
  await waitFor(async () => ['completed', 'failed'].includes(await job.getState()), `job ${name}`, 240_000);
  const done = (await queue.getJob(id))!;
  await queue.remove(id); // as removeOnComplete would: a kept job id would swallow a later sweep's job
  expect(done.failedReason).toBeUndefined();
  if (process.env.TEST_LOGS) console.log(name, JSON.stringify(done.returnvalue));
  return done.returnvalue as Record<string, unknown>;
}

beforeAll(async () => {
  const now = new Date();
  const lastMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  month = periodOf(lastMonth);

  db = await createTestDatabase('month-rollup-reaggregate');
  prisma = createPrismaClient(db.appUrl, { poolSize: 2 });
  queue = new Queue(QueueName.RELEASES, { connection: redisConnection('redis://127.0.0.1:6379'), prefix });
  const actor = { tenantId: '00000000-0000-0000-0000-000000000000', personId: '00000000-0000-0000-0000-000000000000' };
  tenantId = await withPlatform(prisma, actor, async (tx, audit) => {
    const t = await tx.tenant.create({ data: { slug: 'rollup-again', name: 'Roll-up Again Co' } });
    await audit.record('test.fixture', t.id);
    return t.id;
  });
  roundIds = await withTenant(prisma, tenantId, async (tx) => {
    await tx.tenantPolicy.create({ data: { tenantId, allowedDimensions: ['location'] } });
    await seedQuestionBank(tx, tenantId);
    const unitIds = new Map<string, string>();
    unitIds.set('', (await tx.orgUnit.create({ data: { tenantId, name: 'Roll-up Again Co', path: '' } })).id);
    for (const unitPath of ['Engineering', 'Engineering/Platform', 'Engineering/Data', 'Engineering/Security', 'Sales']) {
      const parent = unitIds.get(unitPath.includes('/') ? unitPath.slice(0, unitPath.lastIndexOf('/')) : '')!;
      unitIds.set(unitPath, (await tx.orgUnit.create({ data: { tenantId, name: unitPath.split('/').at(-1)!, path: unitPath, parentId: parent } })).id);
    }
    const questions = (await tx.question.findMany({ where: { type: 'AGREEMENT_5', current: true }, orderBy: { key: 'asc' }, take: 2 })).map((q) => q.id);
    const programme = await tx.pulseProgramme.create({ data: { tenantId, name: 'Weekly pulse', cadence: 'WEEKLY', openDays: 5, questionsPerRound: 3, questionKeys: ['energy'], startsAt: lastMonth } });
    const day = (d: number) => new Date(lastMonth.getTime() + (d - 1) * 86_400_000);
    const ids: string[] = [];
    let i = 0;
    for (const [variant, opensAt] of [day(3), day(17)].entries()) {
      const round = await tx.pulseRound.create({
        data: { tenantId, programmeId: programme.id, sequence: variant + 1, opensAt, closesAt: new Date(opensAt.getTime() + 5 * 86_400_000), closedAt: new Date(opensAt.getTime() + 5 * 86_400_000), status: 'CLOSED', anonymityThreshold: 5 },
      });
      await tx.roundQuestion.createMany({ data: questions.map((questionId, position) => ({ tenantId, roundId: round.id, questionId, position })) });
      await tx.roundAudience.createMany({ data: CELLS.map((c) => ({ tenantId, roundId: round.id, cellUnitId: unitIds.get(c.unit)!, cellLocation: c.location, cellTenure: 'ALL', eligible: c.eligible })) });
      await tx.response.createMany({
        data: CELLS.flatMap((c) =>
          Array.from({ length: c.answered[variant]! }, () => {
            i++;
            return { tenantId, id: randomUUID(), roundId: round.id, cellUnitId: unitIds.get(c.unit)!, cellLocation: c.location, cellTenure: 'ALL', answers: { [questions[0]!]: 1 + (i % 5), [questions[1]!]: 1 + ((i * 3) % 5) } };
          }),
        ),
      });
      ids.push(round.id);
    }
    return ids;
  });

  // The month as it stands before anything is re-made: both rounds released, then the roll-up.
  const client = { client: prisma } as unknown as WorkerDb;
  const aggregator = new RoundAggregator(client);
  for (const id of roundIds) expect(await aggregator.aggregate(tenantId, id)).toMatchObject({ status: 'PUBLISHED' });
  expect(await new MonthRollups(client).build(tenantId, month)).toMatchObject({ status: 'PUBLISHED', rounds: roundIds });
}, 240_000);

afterAll(async () => {
  await queue?.obliterate({ force: true }).catch(() => undefined);
  await queue?.close();
  await prisma?.$disconnect();
  await db?.drop();
  await deleteRedisKeys(prefix);
});

it('a round aggregated again at the same k (a repeated or stalled job) leaves no roll-up audited against its old release', async () => {
  const before = await stored();
  expect(before.rollup).toMatchObject({ status: 'PUBLISHED', k: 5 });
  const worker = startWorker();
  try {
    // The start-up sweep finds nothing to do: every release is current.
    const sweep = await runJob(JobName.SWEEP_RELEASES, {}, 'test-sweep-1');
    expect(sweep).toEqual({ queued: 0 });
    expect((await stored()).rollup!.id).toBe(before.rollup!.id);

    // The first round of the month aggregated again, as a retried job would be.
    const result = await runJob(JobName.AGGREGATE_ROUND, { tenantId, roundId: roundIds[0]! }, jobId.aggregate(roundIds[0]!));
    const after = await stored();
    expect(after.rounds[0]!.id).not.toBe(before.rounds[0]!.id); // a new round release
    expect(after.rounds[1]!.id).toBe(before.rounds[1]!.id);
    expect(result.rollup).not.toBe('UP_TO_DATE'); // the month was audited again, by the same job
    await expectCurrentRollup();
  } finally {
    await stop(worker);
  }
}, 300_000);

it('between a round\'s new release and the month\'s new audit (a crash there, a failing roll-up) the roll-up shows no figures; the sweep audits it again', async () => {
  const before = await stored();
  expect(before.rollup).toMatchObject({ status: 'PUBLISHED' });
  const client = { client: prisma } as unknown as WorkerDb;
  // The round job's first half only: the round's release, committed; the roll-up not yet re-made.
  expect(await new RoundAggregator(client).aggregate(tenantId, roundIds[1]!)).toMatchObject({ status: 'PUBLISHED' });
  const between = await stored();
  expect(between.rounds[1]!.id).not.toBe(before.rounds[1]!.id);
  const row = await withTenant(prisma, tenantId, (tx) => tx.release.findFirstOrThrow({ where: { kind: 'MONTH', period: month }, select: { status: true, withheldReason: true, structure: true } }));
  expect(between.rollup).toMatchObject({ status: 'WITHHELD', cells: 0 });
  expect(row.withheldReason).toMatch(/audited/);
  expect(row.structure).toEqual({});
  // What the sweep (or the job's retry) does next: the month is not current, and is audited again.
  expect(await new MonthRollups(client).build(tenantId, month)).toMatchObject({ status: 'PUBLISHED', rounds: roundIds });
  await expectCurrentRollup();
}, 240_000);

it('raising k re-makes both rounds and then the roll-up under the new k (the sweep the policy change queues)', async () => {
  // What updateTenantPolicy does (tenants.service.ts), then the sweep it queues after commit.
  await withTenant(prisma, tenantId, async (tx) => {
    await tx.tenantPolicy.update({ where: { tenantId }, data: { anonymityThreshold: 7 } });
    await tx.pulseRound.updateMany({ where: { anonymityThreshold: { lt: 7 } }, data: { anonymityThreshold: 7 } });
  });
  const before = await stored();
  const worker = startWorker();
  try {
    await waitFor(
      async () => {
        const { rounds } = await stored();
        const busy = await queue.getJobCounts('waiting', 'active', 'prioritized');
        return rounds.every((r) => r.k === 7) && Object.values(busy).every((n) => n === 0);
      },
      'both rounds re-made under k = 7 and the queue idle',
      240_000,
    );
    const after = await stored();
    for (const [i, r] of after.rounds.entries()) expect(r.id).not.toBe(before.rounds[i]!.id);
    const rollup = await expectCurrentRollup();
    expect(rollup.k).toBe(7);
    expect(rollup.id).not.toBe(before.rollup!.id);
  } finally {
    await stop(worker);
  }
}, 300_000);
