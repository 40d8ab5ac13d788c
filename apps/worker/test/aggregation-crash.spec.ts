// Kill -9 the worker in the middle of a round's aggregation (the AGGREGATE_ROUND job),
// start it again, and compare: the round ends with exactly one release, cell for cell
// the release an uninterrupted run stores — no answer lost, none counted twice, no
// half-written release. Killed once with every cell of a first release written but not
// committed, once while replacing an earlier release. Runs the built worker
// (apps/worker/dist) as a real child process, like crash-recovery.spec.ts.
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import type { Queue } from 'bullmq';
import { withTenant, type Db } from '@pulsewise/db';
import type { TestDatabase } from '@pulsewise/db/testing';
import { ALL, unitNodeKey } from '@pulsewise/privacy';
import { exited, startWorker as spawnWorker, stop, waitFor as waitUntil } from './support/worker-process.js';
import { closeReleaseTestEnv, openReleaseTestEnv, queueAggregation, releaseInProcess } from './support/release-env.js';
import { seedReleaseTenant } from './support/release-tenant.js';

const prefix = `pwtest:aggcrash:${randomBytes(4).toString('hex')}`;
let db: TestDatabase;
let prisma: Db;
let queue: Queue;
let tenantId: string;
let rootUnitId: string;
let roundId: string;
let reference: Snapshot;

// Who was asked and who answered, per (unit, location): a small team below k = 5 included.
const CELLS: { unit: string; location: string; eligible: number; answered: number }[] = [
  { unit: 'Engineering/Platform', location: 'Berlin', eligible: 7, answered: 6 },
  { unit: 'Engineering/Platform', location: 'Boston', eligible: 5, answered: 4 },
  { unit: 'Engineering/Data', location: 'Berlin', eligible: 6, answered: 5 },
  { unit: 'Engineering/Data', location: 'Boston', eligible: 3, answered: 3 },
  { unit: 'Engineering/Security', location: 'Berlin', eligible: 3, answered: 3 },
  { unit: 'Sales', location: 'Boston', eligible: 9, answered: 7 },
];
const RESPONSES = CELLS.reduce((sum, c) => sum + c.answered, 0);

const startWorker = (failpoint?: string): ChildProcess => spawnWorker({ databaseUrl: db.appUrl, adminUrl: db.adminUrl, redisPrefix: prefix, failpoint, env: { DATABASE_POOL_SIZE: '3', WORKER_METRICS_PORT: '0' } });



const waitFor = (check: () => Promise<boolean>, what: string, timeoutMs = 25_000) => waitUntil(check, what, timeoutMs);

/** What a release says: everything but its id, time and audit timings. */
async function snapshot() {
  return withTenant(prisma, tenantId, async (tx) => {
    const releases = await tx.release.findMany({ where: { roundId }, include: { cells: { orderBy: { cellKey: 'asc' } } } });
    const cells = await tx.releaseCell.count();
    return {
      count: releases.length,
      cellRows: cells,
      releases: releases.map((r) => ({ id: r.id, status: r.status, withheldReason: r.withheldReason, k: r.k, dimensions: r.dimensions, structure: r.structure, commentNodes: r.commentNodes, cells: r.cells.map(({ releaseId: _id, ...c }) => c) })),
    };
  });
}
type Snapshot = Awaited<ReturnType<typeof snapshot>>;
const content = (s: Snapshot) => ({ count: s.count, cellRows: s.cellRows, releases: s.releases.map(({ id: _id, ...r }) => r) });

const aggregateInWorker = () => queueAggregation(queue, tenantId, roundId);

beforeAll(async () => {
  ({ db, prisma, queue } = await openReleaseTestEnv('aggregation-crash', prefix));
  const seeded = await seedReleaseTenant(prisma, {
    slug: 'aggcrash',
    name: 'Aggregation Co',
    dimensions: ['location'],
    units: ['Engineering', 'Engineering/Platform', 'Engineering/Data', 'Engineering/Security', 'Sales'],
    cells: CELLS,
    programmeStartsAt: new Date(Date.now() - 30 * 86_400_000),
    rounds: [{ opensAt: new Date(Date.now() - 10 * 86_400_000), closesAt: new Date(Date.now() - 86_400_000), closedAt: new Date() }],
  });
  ({ tenantId, rootUnitId } = seeded);
  roundId = seeded.roundIds[0]!;
  // The reference: the same job code, run in-process without interruption.
  const made = await releaseInProcess(prisma, tenantId, [roundId]);
  expect(made.rounds[0]).toMatchObject({ status: 'PUBLISHED' });
  reference = await snapshot();
  await withTenant(prisma, tenantId, (tx) => tx.release.deleteMany({ where: { roundId } }));
}, 60_000);

afterAll(() => closeReleaseTestEnv({ queue, prisma, db }, prefix));

it('the reference release counts every answer once and hides the team below k', () => {
  expect(reference.count).toBe(1);
  const cells = reference.releases[0]!.cells;
  const whole = cells.find((c) => c.nodeKey === unitNodeKey(rootUnitId) && Object.values(c.dims as Record<string, string>).every((v) => v === ALL))!;
  expect(whole).toMatchObject({ status: 'PUBLISHED', n: RESPONSES });
  expect(cells.filter((c) => c.status === 'HIDDEN').length).toBeGreaterThan(0);
});

it('a worker killed with a whole first release written but not committed leaves none; after a restart it is stored once, as in an uninterrupted run', async () => {
  expect((await snapshot()).count).toBe(0);
  const doomed = startWorker('release-written');
  const death = exited(doomed);
  await aggregateInWorker();
  expect(await death).toBe('SIGKILL');
  expect(await snapshot()).toMatchObject({ count: 0, cellRows: 0 }); // nothing half-stored

  const survivor = startWorker();
  try {
    // The job the dead worker held is retried once its lock lapses (and the start-up sweep finds the round due).
    await waitFor(async () => (await snapshot()).count > 0, 'the release');
    expect(content(await snapshot())).toEqual(content(reference));
  } finally {
    await stop(survivor);
  }
}, 60_000);

it('a worker killed while replacing a release leaves the earlier one whole; the retried job replaces it once, identically', async () => {
  const before = await snapshot();
  expect(before.count).toBe(1);
  const doomed = startWorker('release-replacing');
  const death = exited(doomed);
  await aggregateInWorker(); // e.g. re-aggregation after a policy change
  expect(await death).toBe('SIGKILL');
  expect(await snapshot()).toEqual(before); // the deletion died with its transaction

  const survivor = startWorker();
  try {
    await waitFor(async () => (await snapshot()).releases[0]?.id !== before.releases[0]!.id, 'the replacement release');
    expect(content(await snapshot())).toEqual(content(reference));
  } finally {
    await stop(survivor);
  }
}, 60_000);
