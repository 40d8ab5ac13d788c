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
import { randomBytes } from 'node:crypto';
import type { Queue } from 'bullmq';
import { withTenant, type Db } from '@pulsewise/db';
import type { TestDatabase } from '@pulsewise/db/testing';
import { JobName, jobId } from '@pulsewise/jobs';
import { auditRelease } from '@pulsewise/privacy';
import { MonthRollups, periodOf } from '../src/modules/releases/month-rollup.js';
import { loadRelease } from '../src/modules/releases/release-store.js';
import { RoundAggregator } from '../src/modules/releases/round-aggregator.js';
import { startWorker as spawnWorker, stop, waitFor } from './support/worker-process.js';
import { closeReleaseTestEnv, openReleaseTestEnv, releaseInProcess, runJobInWorker, workerDb } from './support/release-env.js';
import { NESTED_BY_LOCATION, NESTED_UNITS, seedReleaseTenant, twoRoundsIn, utcMonthStart } from './support/release-tenant.js';

const prefix = `pwtest:rollup-again:${randomBytes(4).toString('hex')}`;
let db: TestDatabase;
let prisma: Db;
let queue: Queue;
let tenantId: string;
let month: string;
let roundIds: string[];

// Per round: who was asked and who answered, per (unit, location). Several groups sit just at
// or above k = 5 in a round, so raising k to 7 changes what the rounds (and the month) show.
const CELLS = NESTED_BY_LOCATION;

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

/** Runs one job in the worker and returns what it returned. */
async function runJob(name: JobName, data: Record<string, unknown>, id: string): Promise<Record<string, unknown>> {
  const done = await runJobInWorker(queue, name, data, id);
  expect(done.failedReason).toBeUndefined();
  if (process.env.TEST_LOGS) console.log(name, JSON.stringify(done.returnvalue));
  return done.returnvalue as Record<string, unknown>;
}

beforeAll(async () => {
  const lastMonth = utcMonthStart(1);
  month = periodOf(lastMonth);

  ({ db, prisma, queue } = await openReleaseTestEnv('month-rollup-reaggregate', prefix));
  ({ tenantId, roundIds } = await seedReleaseTenant(prisma, {
    slug: 'rollup-again',
    name: 'Roll-up Again Co',
    dimensions: ['location'],
    units: NESTED_UNITS,
    cells: CELLS,
    programmeStartsAt: lastMonth,
    rounds: twoRoundsIn(lastMonth),
  }));

  // The month as it stands before anything is re-made: both rounds released, then the roll-up.
  const made = await releaseInProcess(prisma, tenantId, roundIds, month);
  for (const r of made.rounds) expect(r).toMatchObject({ status: 'PUBLISHED' });
  expect(made.rollup).toMatchObject({ status: 'PUBLISHED', rounds: roundIds });
}, 240_000);

afterAll(() => closeReleaseTestEnv({ queue, prisma, db }, prefix));

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
  const client = workerDb(prisma);
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
