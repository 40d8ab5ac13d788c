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
import { Queue } from 'bullmq';
import { createPrismaClient, seedQuestionBank, withPlatform, withTenant, type Db } from '@pulsewise/db';
import { createTestDatabase, type TestDatabase } from '@pulsewise/db/testing';
import { JobName, jobId, QueueName, redisConnection } from '@pulsewise/jobs';
import type { WorkerDb } from '../src/common/infrastructure.js';
import { MonthRollups, periodOf } from '../src/modules/releases/month-rollup.js';
import { RoundAggregator } from '../src/modules/releases/round-aggregator.js';
// The API's read path for releases (what the releases/releaseResults/releaseComments queries call).
import { ReleasesService } from '../../api/src/modules/releases/releases.service.js';
import { DirectoryService } from '../../api/src/modules/directory/directory.service.js';
import { DirectoryRepository } from '../../api/src/modules/directory/directory.repository.js';
import { startWorker as spawnWorker, stop, waitFor } from './support/worker-process.js';
import { deleteRedisKeys } from './support/redis-keys.js';

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
  await queue.remove(id);
  const job = await queue.add(name, data, { jobId: id, attempts: 3, removeOnComplete: false });
  await waitFor(async () => ['completed', 'failed'].includes(await job.getState()), `job ${name}`, 240_000);
  const done = (await queue.getJob(id))!;
  await queue.remove(id); // as removeOnComplete would: a kept job id would swallow a later job with that id
  expect(done.failedReason).toBeUndefined();
  expect(done.attemptsMade).toBeLessThanOrEqual(1); // done first time, not retried
  return done.returnvalue as Record<string, unknown>;
}

beforeAll(async () => {
  const now = new Date();
  const lastMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  month = periodOf(lastMonth);

  db = await createTestDatabase('month-rollup-withheld');
  prisma = createPrismaClient(db.appUrl, { poolSize: 2 });
  queue = new Queue(QueueName.RELEASES, { connection: redisConnection('redis://127.0.0.1:6379'), prefix });
  const actor = { tenantId: '00000000-0000-0000-0000-000000000000', personId: '00000000-0000-0000-0000-000000000000' };
  tenantId = await withPlatform(prisma, actor, async (tx, audit) => {
    const t = await tx.tenant.create({ data: { slug: 'rollup-withheld', name: 'Withheld Co' } });
    await audit.record('test.fixture', t.id);
    return t.id;
  });
  roundIds = await withTenant(prisma, tenantId, async (tx) => {
    await tx.tenantPolicy.create({ data: { tenantId, allowedDimensions: [] } });
    await seedQuestionBank(tx, tenantId);
    rootUnitId = (await tx.orgUnit.create({ data: { tenantId, name: 'Withheld Co', path: '' } })).id;
    const unitIds = new Map<string, string>();
    for (const t of TEAMS) unitIds.set(t.unit, (await tx.orgUnit.create({ data: { tenantId, name: t.unit, path: t.unit, parentId: rootUnitId } })).id);
    const questions = (await tx.question.findMany({ where: { type: 'AGREEMENT_5', current: true }, orderBy: { key: 'asc' }, take: 2 })).map((q) => q.id);
    const programme = await tx.pulseProgramme.create({ data: { tenantId, name: 'Weekly pulse', cadence: 'WEEKLY', openDays: 5, questionsPerRound: 3, questionKeys: ['energy'], startsAt: lastMonth } });
    const ids: string[] = [];
    let i = 0;
    for (const variant of [0, 1] as const) {
      const opensAt = new Date(lastMonth.getTime() + (2 + 14 * variant) * 86_400_000);
      const closesAt = new Date(opensAt.getTime() + 5 * 86_400_000);
      const round = await tx.pulseRound.create({ data: { tenantId, programmeId: programme.id, sequence: variant + 1, opensAt, closesAt, closedAt: closesAt, status: 'CLOSED', anonymityThreshold: 5 } });
      await tx.roundQuestion.createMany({ data: questions.map((questionId, position) => ({ tenantId, roundId: round.id, questionId, position })) });
      await tx.roundAudience.createMany({ data: TEAMS.map((t) => ({ tenantId, roundId: round.id, cellUnitId: unitIds.get(t.unit)!, cellLocation: 'ALL', cellTenure: 'ALL', eligible: t.eligible })) });
      await tx.response.createMany({
        data: TEAMS.flatMap((t) =>
          Array.from({ length: t.answered[variant] }, () => {
            i++;
            return { tenantId, id: randomUUID(), roundId: round.id, cellUnitId: unitIds.get(t.unit)!, cellLocation: 'ALL', cellTenure: 'ALL', answers: { [questions[0]!]: 1 + (i % 5), [questions[1]!]: 1 + ((i * 3) % 5) } };
          }),
        ),
      });
      ids.push(round.id);
    }
    return ids;
  });

  // The reference: the same job code in process — the rounds (published), then the month (withheld).
  const client = { client: prisma } as unknown as WorkerDb;
  const aggregator = new RoundAggregator(client);
  for (const id of roundIds) expect(await aggregator.aggregate(tenantId, id)).toMatchObject({ status: 'PUBLISHED' });
  expect(await new MonthRollups(client).build(tenantId, month)).toMatchObject({ status: 'WITHHELD', rounds: roundIds });
  reference = await snapshot();
  await withTenant(prisma, tenantId, (tx) => tx.release.deleteMany({ where: { kind: 'MONTH' } }));
}, 240_000);

afterAll(async () => {
  await queue?.obliterate({ force: true }).catch(() => undefined);
  await queue?.close();
  await prisma?.$disconnect();
  await db?.drop();
  await deleteRedisKeys(prefix);
});

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
    const client = { client: prisma } as unknown as WorkerDb;
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
