// Monthly roll-ups, end to end with the built worker (apps/worker/dist) as a real child
// process, PostgreSQL and BullMQ. A weekly programme ran two rounds last month and one
// the month before. Expected: one MONTH release for last month over its two rounds —
// the same release the job code stores in process, its shown figures the sums of the
// rounds' figures, its hidden groups (a team below k in each round, k or more in the
// month) hidden as BELOW_THRESHOLD, and accepted by a fresh audit against the rounds'
// stored releases; built by the start-up sweep (also after a crash mid-write) and after
// the last round of the month is released; a re-run stores the same release and never a
// second one; and no roll-up for the month with a single round.
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import type { Queue } from 'bullmq';
import { withTenant, type Db } from '@pulsewise/db';
import type { TestDatabase } from '@pulsewise/db/testing';
import { ALL, auditRelease, unitNodeKey } from '@pulsewise/privacy';
import { MonthRollups, periodOf } from '../src/modules/releases/month-rollup.js';
import { loadRelease } from '../src/modules/releases/release-store.js';
import { exited, startWorker as spawnWorker, stop, waitFor as waitUntil } from './support/worker-process.js';
import { closeReleaseTestEnv, openReleaseTestEnv, queueAggregation, releaseInProcess, workerDb } from './support/release-env.js';
import { day, NESTED_BY_LOCATION, NESTED_UNITS, seedReleaseTenant, twoRoundsIn, utcMonthStart } from './support/release-tenant.js';

const prefix = `pwtest:rollup:${randomBytes(4).toString('hex')}`;
let db: TestDatabase;
let prisma: Db;
let queue: Queue;
let tenantId: string;
let rootUnitId: string;
let unitIds: Map<string, string>;
let month: string; // last month, two rounds
let earlier: string; // the month before, one round
let roundIds: string[]; // last month's rounds, in order
let singleRoundId: string;
let reference: Snapshot;

// Per round: who was asked and who answered, per (unit, location). Security has 4 people and
// 3 respondents in each round (below k = 5), 6 in the month.
const CELLS = NESTED_BY_LOCATION;

const startWorker = (failpoint?: string): ChildProcess => spawnWorker({ databaseUrl: db.appUrl, adminUrl: db.adminUrl, redisPrefix: prefix, failpoint, env: { DATABASE_POOL_SIZE: '3', WORKER_METRICS_PORT: '0' } });



const waitFor = (check: () => Promise<boolean>, what: string, timeoutMs = 60_000) => waitUntil(check, what, timeoutMs);

/** Every MONTH release of the tenant, without ids and times. */
async function snapshot() {
  return withTenant(prisma, tenantId, async (tx) => {
    const releases = await tx.release.findMany({ where: { kind: 'MONTH' }, include: { cells: { orderBy: { cellKey: 'asc' } } }, orderBy: { period: 'asc' } });
    return releases.map((r) => ({ id: r.id, period: r.period, roundId: r.roundId, status: r.status, withheldReason: r.withheldReason, k: r.k, dimensions: r.dimensions, structure: r.structure, commentNodes: r.commentNodes, cells: r.cells.map(({ releaseId: _id, ...c }) => c) }));
  });
}
type Snapshot = Awaited<ReturnType<typeof snapshot>>;
const content = (s: Snapshot) => s.map(({ id: _id, ...r }) => r);

beforeAll(async () => {
  const lastMonth = utcMonthStart(1);
  const monthBefore = utcMonthStart(2);
  month = periodOf(lastMonth);
  earlier = periodOf(monthBefore);

  ({ db, prisma, queue } = await openReleaseTestEnv('month-rollup', prefix));
  const seeded = await seedReleaseTenant(prisma, {
    slug: 'rollup',
    name: 'Roll-up Co',
    dimensions: ['location'],
    units: NESTED_UNITS,
    cells: CELLS,
    programmeStartsAt: monthBefore,
    rounds: [{ opensAt: day(monthBefore, 10), variant: 0 }, ...twoRoundsIn(lastMonth)],
  });
  ({ tenantId, rootUnitId, unitIds } = seeded);
  const ids = seeded.roundIds;
  singleRoundId = ids[0]!;
  roundIds = ids.slice(1);

  // The reference: the same job code in process — the rounds, then the month.
  const made = await releaseInProcess(prisma, tenantId, ids, month);
  for (const r of made.rounds) expect(r).toMatchObject({ status: 'PUBLISHED' });
  expect(made.rollup).toMatchObject({ status: 'PUBLISHED', rounds: roundIds });
  reference = await snapshot();
  await withTenant(prisma, tenantId, (tx) => tx.release.deleteMany({ where: { kind: 'MONTH' } }));
}, 120_000);

afterAll(() => closeReleaseTestEnv({ queue, prisma, db }, prefix));

it('the roll-up covers last month\'s two rounds; the month with one round gets none', () => {
  expect(reference.map((r) => [r.period, r.status, r.roundId])).toEqual([[month, 'PUBLISHED', null]]);
  expect((reference[0]!.structure as { blocks: string[] }).blocks).toEqual(roundIds);
  expect(reference[0]!.commentNodes).toEqual([]); // answers, not people: comments stay with the rounds
  expect(reference.some((r) => r.period === earlier)).toBe(false);
  expect(reference.some((r) => (r.structure as { blocks: string[] }).blocks.includes(singleRoundId))).toBe(false);
});

it('shows each group the rounds both show with the sum of their counts, and hides the team below k in the rounds as BELOW_THRESHOLD', async () => {
  const [r1, r2] = await withTenant(prisma, tenantId, (tx) => Promise.all(roundIds.map((id) => tx.release.findFirstOrThrow({ where: { roundId: id }, include: { cells: true } }))));
  const byKey = (cells: { cellKey: string; status: string; n: number | null; reason: string | null }[]) => new Map(cells.map((c) => [c.cellKey, c]));
  const [a, b] = [byKey(r1!.cells), byKey(r2!.cells)];
  let compared = 0;
  for (const c of reference[0]!.cells) {
    const [x, y] = [a.get(c.cellKey), b.get(c.cellKey)];
    if (c.status !== 'PUBLISHED' || x?.status !== 'PUBLISHED' || y?.status !== 'PUBLISHED') continue;
    expect(c.n).toBe(x.n! + y.n!);
    compared++;
  }
  expect(compared).toBeGreaterThan(0);
  // Nothing a round hid as below k is shown (or hidden as "complementary", i.e. "k or more") in the month.
  for (const round of [a, b]) {
    for (const [key, c] of round) if (c.reason === 'BELOW_THRESHOLD') expect(reference[0]!.cells.find((m) => m.cellKey === key)).toMatchObject({ status: 'HIDDEN', reason: 'BELOW_THRESHOLD' });
  }
  const whole = reference[0]!.cells.find((c) => c.nodeKey === unitNodeKey(rootUnitId) && Object.values(c.dims as Record<string, string>).every((v) => v === ALL))!;
  const answered = CELLS.reduce((s, c) => s + c.answered[0] + c.answered[1], 0);
  expect(whole).toMatchObject({ status: 'PUBLISHED', n: answered });
  const security = reference[0]!.cells.find((c) => c.nodeKey === unitNodeKey(unitIds.get('Engineering/Security')!) && Object.values(c.dims as Record<string, string>).every((v) => v === ALL))!;
  expect(a.get(security.cellKey)).toMatchObject({ status: 'HIDDEN', reason: 'BELOW_THRESHOLD' });
  expect(security).toMatchObject({ status: 'HIDDEN', reason: 'BELOW_THRESHOLD', n: null });
  expect(reference[0]!.cells.filter((c) => c.status === 'HIDDEN').every((c) => c.n === null && c.reason !== null)).toBe(true);
});

it('the start-up sweep builds the roll-up; a worker killed with it written but not committed leaves none, and the next start stores it once, as in process', async () => {
  expect(await snapshot()).toEqual([]);
  const doomed = startWorker('release-written');
  expect(await exited(doomed)).toBe('SIGKILL'); // the start-up sweep reached the roll-up's commit
  expect(await snapshot()).toEqual([]);

  const survivor = startWorker();
  try {
    await waitFor(async () => (await snapshot()).length > 0, 'the roll-up');
    expect(content(await snapshot())).toEqual(content(reference));
  } finally {
    await stop(survivor);
  }
}, 120_000);

it('a fresh audit of the stored roll-up against the rounds\' stored releases finds nothing derivable', async () => {
  // Stored releases only (no true data): what a reader of all three has.
  const { rounds, rollUp } = await withTenant(prisma, tenantId, async (tx) => {
    const rows = await tx.release.findMany({ where: { roundId: { in: roundIds } }, select: { id: true } });
    const monthRow = await tx.release.findFirstOrThrow({ where: { kind: 'MONTH', period: month }, select: { id: true } });
    return { rounds: await Promise.all(rows.map((r) => loadRelease(tx, tenantId, r.id))), rollUp: await loadRelease(tx, tenantId, monthRow.id) };
  });
  expect(rollUp.blocks).toEqual(roundIds);
  const report = await auditRelease(rollUp, { priorReleases: rounds, seesReasons: true });
  expect(report.violations).toEqual([]);
  expect(report.stats.hiddenCells).toBeGreaterThan(0);
});

it('re-running gives the same release, and a unique key keeps it one', async () => {
  const before = await snapshot();
  const client = workerDb(prisma);
  // Not forced: the roll-up is current and left alone (same row).
  expect(await new MonthRollups(client).build(tenantId, month)).toMatchObject({ status: 'UP_TO_DATE' });
  expect(await snapshot()).toEqual(before);
  // Forced: rebuilt from scratch, identical content.
  expect(await new MonthRollups(client).build(tenantId, month, { force: true })).toMatchObject({ status: 'PUBLISHED' });
  expect(content(await snapshot())).toEqual(content(before));
  // A second MONTH release for the same tenant and month cannot exist.
  await expect(
    withTenant(prisma, tenantId, (tx) => tx.release.create({ data: { tenantId, kind: 'MONTH', period: month, status: 'WITHHELD', withheldReason: 'test', k: 5, dimensions: [], structure: {}, audit: {}, commentNodes: [] } })),
  ).rejects.toThrow();
  expect(await new MonthRollups(client).build(tenantId, earlier)).toMatchObject({ status: 'NO_ROLLUP' });
}, 120_000);

it('releasing the last round of the month in the worker builds the month\'s roll-up', async () => {
  await withTenant(prisma, tenantId, (tx) => tx.release.deleteMany({ where: { kind: 'MONTH' } }));
  const worker = startWorker();
  try {
    // Let the start-up sweep run first (it rebuilds the roll-up too); then remove it again and
    // release the month's last round: only the aggregation job can build it now.
    await waitFor(async () => (await snapshot()).length > 0, 'the start-up sweep');
    await withTenant(prisma, tenantId, (tx) => tx.release.deleteMany({ where: { kind: 'MONTH' } }));
    await queueAggregation(queue, tenantId, roundIds[1]!);
    await waitFor(async () => (await snapshot()).length > 0, 'the roll-up after the round');
    expect(content(await snapshot())).toEqual(content(reference));
  } finally {
    await stop(worker);
  }
  // The month with a single round never got one.
  expect((await snapshot()).map((r) => r.period)).toEqual([month]);
}, 120_000);
