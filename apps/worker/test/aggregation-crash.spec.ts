// Kill -9 the worker in the middle of a round's aggregation (the AGGREGATE_ROUND job),
// start it again, and compare: the round ends with exactly one release, cell for cell
// the release an uninterrupted run stores — no answer lost, none counted twice, no
// half-written release. Killed once with every cell of a first release written but not
// committed, once while replacing an earlier release. Runs the built worker
// (apps/worker/dist) as a real child process, like crash-recovery.spec.ts.
import type { ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import { createPrismaClient, seedQuestionBank, withPlatform, withTenant, type Db } from '@pulsewise/db';
import { createTestDatabase, type TestDatabase } from '@pulsewise/db/testing';
import { JobName, jobId, QueueName, redisConnection } from '@pulsewise/jobs';
import { ALL, unitNodeKey } from '@pulsewise/privacy';
import type { WorkerDb } from '../src/common/infrastructure.js';
import { RoundAggregator } from '../src/modules/releases/round-aggregator.js';
import { exited, startWorker as spawnWorker, stop, waitFor as waitUntil } from './support/worker-process.js';
import { deleteRedisKeys } from './support/redis-keys.js';

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

async function aggregateInWorker(): Promise<void> {
  const id = jobId.aggregate(roundId);
  await queue.remove(id); // a finished run of this round may still be listed
  await queue.add(JobName.AGGREGATE_ROUND, { tenantId, roundId }, { jobId: id, attempts: 5, removeOnComplete: true });
}

beforeAll(async () => {
  db = await createTestDatabase('aggregation-crash');
  prisma = createPrismaClient(db.appUrl, { poolSize: 2 });
  queue = new Queue(QueueName.RELEASES, { connection: redisConnection('redis://127.0.0.1:6379'), prefix });
  const actor = { tenantId: '00000000-0000-0000-0000-000000000000', personId: '00000000-0000-0000-0000-000000000000' };
  tenantId = await withPlatform(prisma, actor, async (tx, audit) => {
    const t = await tx.tenant.create({ data: { slug: 'aggcrash', name: 'Aggregation Co' } });
    await audit.record('test.fixture', t.id);
    return t.id;
  });
  roundId = await withTenant(prisma, tenantId, async (tx) => {
    await tx.tenantPolicy.create({ data: { tenantId, allowedDimensions: ['location'] } });
    await seedQuestionBank(tx, tenantId);
    const unitIds = new Map<string, string>();
    const root = await tx.orgUnit.create({ data: { tenantId, name: 'Aggregation Co', path: '' } });
    rootUnitId = root.id;
    unitIds.set('', root.id);
    for (const unitPath of ['Engineering', 'Engineering/Platform', 'Engineering/Data', 'Engineering/Security', 'Sales']) {
      const parent = unitIds.get(unitPath.includes('/') ? unitPath.slice(0, unitPath.lastIndexOf('/')) : '')!;
      const unit = await tx.orgUnit.create({ data: { tenantId, name: unitPath.split('/').at(-1)!, path: unitPath, parentId: parent } });
      unitIds.set(unitPath, unit.id);
    }
    const questions = (await tx.question.findMany({ where: { type: 'AGREEMENT_5', current: true }, orderBy: { key: 'asc' }, take: 2 })).map((q) => q.id);
    const programme = await tx.pulseProgramme.create({ data: { tenantId, name: 'Monthly', cadence: 'WEEKLY', openDays: 5, questionsPerRound: 3, questionKeys: ['energy'], startsAt: new Date(Date.now() - 30 * 86_400_000) } });
    const round = await tx.pulseRound.create({
      data: { tenantId, programmeId: programme.id, sequence: 1, opensAt: new Date(Date.now() - 10 * 86_400_000), closesAt: new Date(Date.now() - 86_400_000), closedAt: new Date(), status: 'CLOSED', anonymityThreshold: 5 },
    });
    await tx.roundQuestion.createMany({ data: questions.map((questionId, position) => ({ tenantId, roundId: round.id, questionId, position })) });
    await tx.roundAudience.createMany({ data: CELLS.map((c) => ({ tenantId, roundId: round.id, cellUnitId: unitIds.get(c.unit)!, cellLocation: c.location, cellTenure: 'ALL', eligible: c.eligible })) });
    let i = 0;
    await tx.response.createMany({
      data: CELLS.flatMap((c) =>
        Array.from({ length: c.answered }, () => {
          i++;
          return { tenantId, id: randomUUID(), roundId: round.id, cellUnitId: unitIds.get(c.unit)!, cellLocation: c.location, cellTenure: 'ALL', answers: { [questions[0]!]: 1 + (i % 5), [questions[1]!]: 1 + ((i * 3) % 5) } };
        }),
      ),
    });
    return round.id;
  });
  // The reference: the same job code, run in-process without interruption.
  const aggregator = new RoundAggregator({ client: prisma } as unknown as WorkerDb);
  expect(await aggregator.aggregate(tenantId, roundId)).toMatchObject({ status: 'PUBLISHED' });
  reference = await snapshot();
  await withTenant(prisma, tenantId, (tx) => tx.release.deleteMany({ where: { roundId } }));
}, 60_000);

afterAll(async () => {
  await queue?.obliterate({ force: true }).catch(() => undefined);
  await queue?.close();
  await prisma?.$disconnect();
  await db?.drop();
  await deleteRedisKeys(prefix);
});

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
