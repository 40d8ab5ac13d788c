// A monthly roll-up whose joint audit fails, end to end with the built worker (apps/worker/dist)
// as a real child process, PostgreSQL and BullMQ, and the API's read path for releases.
//
// The month: two rounds of a weekly programme, no demographic cut. Team X has 2 people and both
// answer each round; Y and Z are larger, and Z has a single respondent in the second round. Each
// round is published on its own (X and Z hidden where small), but in the month the hidden
// groups' counts are pinned to intervals narrower than k = 5 whatever is hidden (the auditor's
// COUNT_INTERVAL), so nothing safe is left to publish: the roll-up is withheld.
// Expected: one MONTH release stored as WITHHELD with the reason and no figures; the sweep that
// made it finishes (it neither fails nor blocks the month's other work) and a later sweep leaves
// the withheld roll-up as it is — not retried, never published without a new audit; a new audit
// happens only when one of its rounds gets a new release, and gives the same verdict; and the
// API serves the release as withheld, with no rows, figures or comments.
import type { ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import type { Queue } from 'bullmq';
import { withTenant, type Db } from '@pulsewise/db';
import type { TestDatabase } from '@pulsewise/db/testing';
import { JobName, jobId } from '@pulsewise/jobs';
import { MonthRollups, periodOf } from '../src/modules/releases/month-rollup.js';
// The API's read path for releases (what the releases/releaseResults/releaseComments queries call).
import { ReleasesService } from '../../api/src/modules/releases/releases.service.js';
import { DirectoryService } from '../../api/src/modules/directory/directory.service.js';
import { DirectoryRepository } from '../../api/src/modules/directory/directory.repository.js';
import { startWorker as spawnWorker, stop, waitFor } from './support/worker-process.js';
import { closeReleaseTestEnv, openReleaseTestEnv, releaseInProcess, runJobInWorker, workerDb } from './support/release-env.js';
import { seedReleaseTenant, twoRoundsIn, utcMonthStart } from './support/release-tenant.js';

const prefix = `pwtest:rollup-withheld:${randomBytes(4).toString('hex')}`;
let db: TestDatabase;
let prisma: Db;
let queue: Queue;
let tenantId: string;
let rootUnitId: string;
let month: string;
let roundIds: string[];
let reference: Snapshot;

// Per round: eligible and respondents per team (no demographic cut).
const TEAMS: { unit: string; eligible: number; answered: [number, number] }[] = [
  { unit: 'X', eligible: 2, answered: [2, 2] },
  { unit: 'Y', eligible: 8, answered: [8, 6] },
  { unit: 'Z', eligible: 7, answered: [7, 1] },
];

const startWorker = (): ChildProcess => spawnWorker({ databaseUrl: db.appUrl, adminUrl: db.adminUrl, redisPrefix: prefix, env: { DATABASE_POOL_SIZE: '3', WORKER_METRICS_PORT: '0' } });

/** The tenant's MONTH releases as stored, with their cells. */
async function snapshot() {
  return withTenant(prisma, tenantId, async (tx) => {
    const rows = await tx.release.findMany({ where: { kind: 'MONTH' }, include: { cells: true }, orderBy: { period: 'asc' } });
    return rows.map((r) => ({ id: r.id, createdAt: r.createdAt, period: r.period, status: r.status, withheldReason: r.withheldReason, k: r.k, dimensions: r.dimensions, structure: r.structure, commentNodes: r.commentNodes, rounds: (r.audit as { rounds?: string[] }).rounds, cells: r.cells.length }));
  });
}
type Snapshot = Awaited<ReturnType<typeof snapshot>>;
const content = (s: Snapshot) => s.map(({ id: _id, createdAt: _at, ...r }) => r);

/** Runs one job in the worker and returns what it returned. */
async function runJob(name: JobName, data: Record<string, unknown>, id: string): Promise<Record<string, unknown>> {
  const done = await runJobInWorker(queue, name, data, id);
  expect(done.failedReason).toBeUndefined();
  expect(done.attemptsMade).toBeLessThanOrEqual(1); // done first time, not retried
  return done.returnvalue as Record<string, unknown>;
}

beforeAll(async () => {
  const lastMonth = utcMonthStart(1);
  month = periodOf(lastMonth);

  ({ db, prisma, queue } = await openReleaseTestEnv('month-rollup-withheld', prefix));
  ({ tenantId, rootUnitId, roundIds } = await seedReleaseTenant(prisma, {
    slug: 'rollup-withheld',
    name: 'Withheld Co',
    dimensions: [],
    units: TEAMS.map((t) => t.unit),
    cells: TEAMS,
    programmeStartsAt: lastMonth,
    rounds: twoRoundsIn(lastMonth),
  }));

  // The reference: the same job code in process — the rounds (published), then the month (withheld).
  const made = await releaseInProcess(prisma, tenantId, roundIds, month);
  for (const r of made.rounds) expect(r).toMatchObject({ status: 'PUBLISHED' });
  expect(made.rollup).toMatchObject({ status: 'WITHHELD', rounds: roundIds });
  reference = await snapshot();
  await withTenant(prisma, tenantId, (tx) => tx.release.deleteMany({ where: { kind: 'MONTH' } }));
}, 240_000);

afterAll(() => closeReleaseTestEnv({ queue, prisma, db }, prefix));

it('the month\'s joint audit fails: the roll-up is stored withheld, with the reason and no figures', () => {
  expect(reference).toHaveLength(1);
  expect(reference[0]).toMatchObject({ period: month, status: 'WITHHELD', k: 5, structure: {}, commentNodes: [], rounds: roundIds, cells: 0 });
  expect(reference[0]!.withheldReason).toMatch(/failed the privacy audit \(.*INTERVAL.*\); nothing is published/);
});

it('the start-up sweep stores it once; later sweeps leave it as it is (no retry, no publication without a new audit)', async () => {
  const worker = startWorker();
  try {
    await waitFor(async () => (await snapshot()).length > 0, 'the roll-up from the start-up sweep', 240_000);
    const first = await snapshot();
    expect(content(first)).toEqual(content(reference));
    // The sweep finished: nothing failed, nothing left waiting or retrying on the queue.
    await waitFor(async () => {
      const c = await queue.getJobCounts('waiting', 'active', 'prioritized');
      return Object.values(c).every((n) => n === 0);
    }, 'the start-up sweep to finish');
    expect(await queue.getJobCounts('failed')).toEqual({ failed: 0 });

    // Later sweeps (the monthly one, every start-up): nothing queued, no roll-up built, the same row.
    for (const n of [1, 2]) {
      expect(await runJob(JobName.SWEEP_RELEASES, {}, `test-sweep-${n}`)).toEqual({ queued: 0 });
      expect(await snapshot()).toEqual(first);
    }
    const client = workerDb(prisma);
    expect(await new MonthRollups(client).build(tenantId, month)).toMatchObject({ status: 'UP_TO_DATE' });
    expect(await snapshot()).toEqual(first);

    // A round released again: the month gets a new audit (a new row), with the same verdict.
    const result = await runJob(JobName.AGGREGATE_ROUND, { tenantId, roundId: roundIds[1]! }, jobId.aggregate(roundIds[1]!));
    expect(result).toMatchObject({ status: 'PUBLISHED', rollup: 'WITHHELD' });
    const again = await snapshot();
    expect(again[0]!.id).not.toBe(first[0]!.id);
    expect(content(again)).toEqual(content(reference));
  } finally {
    await stop(worker);
  }
}, 400_000);

it('the API serves the withheld roll-up as withheld: its reason, no rows, no figures, no comments', async () => {
  const [stored] = await snapshot();
  const service = new ReleasesService(new DirectoryService(new DirectoryRepository()));
  const viewer = { personId: randomUUID(), tenantId, sessionId: randomUUID(), roles: ['TENANT_ADMIN' as const], isPlatformAdmin: false };
  await withTenant(prisma, tenantId, async (tx) => {
    const listed = (await service.releases(tx, 50)).find((r) => r.id === stored!.id);
    expect(listed).toMatchObject({ kind: 'MONTH', status: 'WITHHELD', withheldReason: stored!.withheldReason });
    const results = await service.results(tx, viewer as never, stored!.id, rootUnitId, null);
    expect(results.release).toMatchObject({ status: 'WITHHELD', withheldReason: stored!.withheldReason });
    expect(results.rows).toEqual([]);
    expect(results.questions).toEqual([]);
    expect(results.commentsAvailable).toBe(false);
    const comments = await service.comments(tx, viewer as never, stored!.id, rootUnitId, false);
    expect(comments).toMatchObject({ available: false, comments: [] });
  });
});
