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
import { randomBytes, randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import { createPrismaClient, seedQuestionBank, withPlatform, withTenant, type Db } from '@pulsewise/db';
import { createTestDatabase, type TestDatabase } from '@pulsewise/db/testing';
import { JobName, jobId, QueueName, redisConnection } from '@pulsewise/jobs';
import { ALL, auditRelease, unitNodeKey } from '@pulsewise/privacy';
import type { WorkerDb } from '../src/common/infrastructure.js';
import { MonthRollups, periodOf } from '../src/modules/releases/month-rollup.js';
import { loadRelease } from '../src/modules/releases/release-store.js';
import { RoundAggregator } from '../src/modules/releases/round-aggregator.js';
import { exited, startWorker as spawnWorker, stop, waitFor as waitUntil } from './support/worker-process.js';
import { deleteRedisKeys } from './support/redis-keys.js';

const prefix = `pwtest:rollup:${randomBytes(4).toString('hex')}`;
let db: TestDatabase;
let prisma: Db;
let queue: Queue;
let tenantId: string;
let rootUnitId: string;
const unitIds = new Map<string, string>();
let month: string; // last month, two rounds
let earlier: string; // the month before, one round
let roundIds: string[]; // last month's rounds, in order
let singleRoundId: string;
let reference: Snapshot;

// Per round: who was asked and who answered, per (unit, location). Security has 4 people and
// 3 respondents in each round (below k = 5), 6 in the month.
const CELLS: { unit: string; location: string; eligible: number; answered: [number, number] }[] = [
  { unit: 'Engineering/Platform', location: 'Berlin', eligible: 8, answered: [7, 6] },
  { unit: 'Engineering/Platform', location: 'Boston', eligible: 6, answered: [5, 5] },
  { unit: 'Engineering/Data', location: 'Berlin', eligible: 7, answered: [6, 7] },
  { unit: 'Engineering/Data', location: 'Boston', eligible: 4, answered: [3, 2] },
  { unit: 'Engineering/Security', location: 'Berlin', eligible: 4, answered: [3, 3] },
  { unit: 'Sales', location: 'Boston', eligible: 10, answered: [8, 9] },
  { unit: 'Sales', location: 'Berlin', eligible: 6, answered: [5, 4] },
];

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

const utcMonthStart = (year: number, monthIndex: number) => new Date(Date.UTC(year, monthIndex, 1));

beforeAll(async () => {
  const now = new Date();
  const lastMonth = utcMonthStart(now.getUTCFullYear(), now.getUTCMonth() - 1);
  const monthBefore = utcMonthStart(now.getUTCFullYear(), now.getUTCMonth() - 2);
  month = periodOf(lastMonth);
  earlier = periodOf(monthBefore);

  db = await createTestDatabase('month-rollup');
  prisma = createPrismaClient(db.appUrl, { poolSize: 2 });
  queue = new Queue(QueueName.RELEASES, { connection: redisConnection('redis://127.0.0.1:6379'), prefix });
  const actor = { tenantId: '00000000-0000-0000-0000-000000000000', personId: '00000000-0000-0000-0000-000000000000' };
  tenantId = await withPlatform(prisma, actor, async (tx, audit) => {
    const t = await tx.tenant.create({ data: { slug: 'rollup', name: 'Roll-up Co' } });
    await audit.record('test.fixture', t.id);
    return t.id;
  });
  const ids = await withTenant(prisma, tenantId, async (tx) => {
    await tx.tenantPolicy.create({ data: { tenantId, allowedDimensions: ['location'] } });
    await seedQuestionBank(tx, tenantId);
    const root = await tx.orgUnit.create({ data: { tenantId, name: 'Roll-up Co', path: '' } });
    rootUnitId = root.id;
    unitIds.set('', root.id);
    for (const unitPath of ['Engineering', 'Engineering/Platform', 'Engineering/Data', 'Engineering/Security', 'Sales']) {
      const parent = unitIds.get(unitPath.includes('/') ? unitPath.slice(0, unitPath.lastIndexOf('/')) : '')!;
      const unit = await tx.orgUnit.create({ data: { tenantId, name: unitPath.split('/').at(-1)!, path: unitPath, parentId: parent } });
      unitIds.set(unitPath, unit.id);
    }
    const questions = (await tx.question.findMany({ where: { type: 'AGREEMENT_5', current: true }, orderBy: { key: 'asc' }, take: 2 })).map((q) => q.id);
    const programme = await tx.pulseProgramme.create({ data: { tenantId, name: 'Weekly pulse', cadence: 'WEEKLY', openDays: 5, questionsPerRound: 3, questionKeys: ['energy'], startsAt: monthBefore } });
    const day = (base: Date, d: number) => new Date(base.getTime() + (d - 1) * 86_400_000);
    const plan = [
      { sequence: 1, opensAt: day(monthBefore, 10), variant: 0 },
      { sequence: 2, opensAt: day(lastMonth, 3), variant: 0 },
      { sequence: 3, opensAt: day(lastMonth, 17), variant: 1 },
    ];
    const out: string[] = [];
    let i = 0;
    for (const p of plan) {
      const round = await tx.pulseRound.create({
        data: { tenantId, programmeId: programme.id, sequence: p.sequence, opensAt: p.opensAt, closesAt: day(p.opensAt, 6), closedAt: day(p.opensAt, 6), status: 'CLOSED', anonymityThreshold: 5 },
      });
      await tx.roundQuestion.createMany({ data: questions.map((questionId, position) => ({ tenantId, roundId: round.id, questionId, position })) });
      await tx.roundAudience.createMany({ data: CELLS.map((c) => ({ tenantId, roundId: round.id, cellUnitId: unitIds.get(c.unit)!, cellLocation: c.location, cellTenure: 'ALL', eligible: c.eligible })) });
      await tx.response.createMany({
        data: CELLS.flatMap((c) =>
          Array.from({ length: c.answered[p.variant]! }, () => {
            i++;
            return { tenantId, id: randomUUID(), roundId: round.id, cellUnitId: unitIds.get(c.unit)!, cellLocation: c.location, cellTenure: 'ALL', answers: { [questions[0]!]: 1 + (i % 5), [questions[1]!]: 1 + ((i * 3) % 5) } };
          }),
        ),
      });
      out.push(round.id);
    }
    return out;
  });
  singleRoundId = ids[0]!;
  roundIds = ids.slice(1);

  // The reference: the same job code in process — the rounds, then the month.
  const client = { client: prisma } as unknown as WorkerDb;
  const aggregator = new RoundAggregator(client);
  for (const id of ids) expect(await aggregator.aggregate(tenantId, id)).toMatchObject({ status: 'PUBLISHED' });
  expect(await new MonthRollups(client).build(tenantId, month)).toMatchObject({ status: 'PUBLISHED', rounds: roundIds });
  reference = await snapshot();
  await withTenant(prisma, tenantId, (tx) => tx.release.deleteMany({ where: { kind: 'MONTH' } }));
}, 120_000);

afterAll(async () => {
  await queue?.obliterate({ force: true }).catch(() => undefined);
  await queue?.close();
  await prisma?.$disconnect();
  await db?.drop();
  await deleteRedisKeys(prefix);
});

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
  const client = { client: prisma } as unknown as WorkerDb;
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
    const id = jobId.aggregate(roundIds[1]!);
    await queue.remove(id);
    await queue.add(JobName.AGGREGATE_ROUND, { tenantId, roundId: roundIds[1]! }, { jobId: id, attempts: 5, removeOnComplete: true });
    await waitFor(async () => (await snapshot()).length > 0, 'the roll-up after the round');
    expect(content(await snapshot())).toEqual(content(reference));
  } finally {
    await stop(worker);
  }
  // The month with a single round never got one.
  expect((await snapshot()).map((r) => r.period)).toEqual([month]);
}, 120_000);
