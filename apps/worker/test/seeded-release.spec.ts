// The demo organisation's six closed rounds, aggregated by the real job code in
// sequence order (each audited against the ones before it) under the default
// policy (k = 5, two demographic dimensions): every round is published, the
// teams of 3 and 4 people are hidden below the threshold with a protecting
// neighbour, each stored release passes a fresh independent audit against the
// true data, hidden cells store no figures, and re-running a round stores the
// same release.
import { randomBytes } from 'node:crypto';
import { Queue, type Job } from 'bullmq';
import { createPrismaClient, withTenant, type Db } from '@pulsewise/db';
import { JobName, jobId, QueueName, redisConnection } from '@pulsewise/jobs';
import { createTestDatabase, type TestDatabase } from '@pulsewise/db/testing';
import { ALL, auditRelease, unitNodeKey } from '@pulsewise/privacy';
import { DEMO_TEMPLATE } from '../../../prisma/demo-template.js';
import { WorkerQueues, type WorkerDb } from '../src/common/infrastructure.js';
import type { WorkerConfig } from '../src/common/worker-config.js';
import { SweepReleasesJob } from '../src/modules/releases/sweep-releases.job.js';
import { loadRelease } from '../src/modules/releases/release-store.js';
import { RoundAggregator } from '../src/modules/releases/round-aggregator.js';

let db: TestDatabase;
let prisma: Db;
let tenantId: string;
let aggregator: RoundAggregator;
let rounds: { id: string; sequence: number }[];
const unitId = new Map<string, string>(); // path → id

beforeAll(async () => {
  db = await createTestDatabase('seeded-release', DEMO_TEMPLATE); // the seed aggregates its rounds with RoundAggregator, oldest first
  prisma = createPrismaClient(db.appUrl, { poolSize: 2 });
  const [row] = await prisma.$queryRaw<{ id: string }[]>`SELECT tenant_id AS id FROM auth_find_accounts('hr@acme.example')`;
  tenantId = row!.id;
  aggregator = new RoundAggregator({ client: prisma } as unknown as WorkerDb);
  const data = await withTenant(prisma, tenantId, async (tx) => ({
    rounds: await tx.pulseRound.findMany({ where: { status: 'CLOSED' }, orderBy: { sequence: 'asc' }, select: { id: true, sequence: true } }),
    units: await tx.orgUnit.findMany({ select: { id: true, path: true } }),
  }));
  rounds = data.rounds;
  for (const u of data.units) unitId.set(u.path, u.id);
}, 1_200_000);

afterAll(async () => {
  await prisma?.$disconnect();
  await db?.drop();
});

function releaseOf(roundId: string) {
  return withTenant(prisma, tenantId, (tx) => tx.release.findFirstOrThrow({ where: { roundId }, include: { cells: { orderBy: { cellKey: 'asc' } } } }));
}

it('publishes every demo round under the default policy', async () => {
  expect(rounds).toHaveLength(6);
  for (const round of rounds) {
    const release = await releaseOf(round.id);
    expect({ sequence: round.sequence, status: release.status, reason: release.withheldReason }).toEqual({ sequence: round.sequence, status: 'PUBLISHED', reason: null });
    expect(release.dimensions).toEqual(['location', 'tenure']);
  }
});

it('hides the teams of 3 and 4 below the threshold, each protected by a hidden neighbour or total', async () => {
  for (const round of rounds) {
    const release = await releaseOf(round.id);
    const uncut = release.cells.filter((c) => Object.values(c.dims as Record<string, string>).every((v) => v === ALL));
    for (const [division, team] of [['Engineering', 'Security'], ['Operations', 'Facilities'], ['Sales & Marketing', 'Partnerships']] as const) {
      const small = uncut.find((c) => c.nodeKey === unitNodeKey(unitId.get(`${division}/${team}`)!))!;
      expect({ team, status: small.status, reason: small.reason, n: small.n }).toEqual({ team, status: 'HIDDEN', reason: 'BELOW_THRESHOLD', n: null });
      const divisionKey = unitNodeKey(unitId.get(division)!);
      const structure = release.structure as { nodes: { key: string; parentKey: string | null }[] };
      const siblings = new Set(structure.nodes.filter((n) => n.parentKey === divisionKey).map((n) => n.key));
      // Division minus the shown teams must not give the small team: a sibling is hidden to protect it, or the division's total is.
      const protectors = uncut.filter((c) => (siblings.has(c.nodeKey) || c.nodeKey === divisionKey) && c.reason === 'COMPLEMENTARY');
      expect({ team, protectors: protectors.length > 0 }).toEqual({ team, protectors: true });
    }
  }
});

it('stores no figure for a hidden cell', async () => {
  for (const round of rounds) {
    const release = await releaseOf(round.id);
    for (const cell of release.cells.filter((c) => c.status === 'HIDDEN')) {
      expect(cell.n).toBeNull();
      for (const m of Object.values(cell.measures as Record<string, Record<string, unknown>>)) {
        expect(Object.keys(m).sort()).toEqual(['reason', 'status']);
      }
    }
  }
});

it('passes a fresh independent audit of stored releases against the true data and their earlier releases', async () => {
  // The first round (no earlier release) and the last (audited against the two before it); each audit takes seconds.
  for (const round of [rounds[0]!, rounds.at(-1)!]) {
    const prepared = (await aggregator.prepare(tenantId, round.id))!;
    const { id } = await releaseOf(round.id);
    const stored = await withTenant(prisma, tenantId, (tx) => loadRelease(tx, tenantId, id));
    const report = await auditRelease(stored, { truth: prepared.model, priorReleases: prepared.priorReleases, seesReasons: true });
    expect({ sequence: round.sequence, violations: report.violations }).toEqual({ sequence: round.sequence, violations: [] });
  }
}, 600_000);

it('stores the same release when a round is aggregated again', async () => {
  const last = rounds.at(-1)!;
  const strip = (r: Awaited<ReturnType<typeof releaseOf>>) => ({ status: r.status, dimensions: r.dimensions, commentNodes: r.commentNodes, structure: r.structure, cells: r.cells.map(({ releaseId: _id, ...c }) => c) });
  const before = strip(await releaseOf(last.id));
  expect(await aggregator.aggregate(tenantId, last.id)).toMatchObject({ status: 'PUBLISHED' });
  expect(strip(await releaseOf(last.id))).toEqual(before);
}, 300_000);

it('sweeps up rounds whose release is missing or was made under a lower k, oldest first', async () => {
  const [, second, , fourth] = rounds;
  await withTenant(prisma, tenantId, async (tx) => {
    await tx.release.deleteMany({ where: { roundId: second!.id } });
    await tx.pulseRound.update({ where: { tenantId_id: { tenantId, id: fourth!.id } }, data: { anonymityThreshold: 6 } });
  });
  // No tenant is set on this connection: only the narrow cross-tenant function can see these ids.
  expect(await prisma.$queryRaw`SELECT round_id FROM releases_due()`).toEqual([{ round_id: second!.id }, { round_id: fourth!.id }]);
  expect(await prisma.$queryRaw`SELECT count(*)::int AS n FROM pulse_rounds`).toEqual([{ n: 0 }]);

  const prefix = `pwtest:sweep:${randomBytes(4).toString('hex')}`;
  const queues = new WorkerQueues({ values: { REDIS_URL: 'redis://127.0.0.1:6379', REDIS_PREFIX: prefix } } as WorkerConfig);
  const queue = new Queue(QueueName.RELEASES, { connection: redisConnection('redis://127.0.0.1:6379'), prefix });
  try {
    const sweep = new SweepReleasesJob({ client: prisma } as unknown as WorkerDb, queues);
    expect(await sweep.process({ name: JobName.SWEEP_RELEASES, data: {} } as Job)).toEqual({ queued: 2 });
    const waiting = await queue.getJobs(['waiting']);
    expect(waiting.map((j) => j.id).sort()).toEqual([jobId.aggregate(second!.id), jobId.aggregate(fourth!.id)].sort());
    expect(waiting.map((j) => j.data)).toContainEqual({ tenantId, roundId: second!.id });
    // At start-up the worker limits aggregations to one at a time across every replica.
    expect(await queue.getGlobalConcurrency()).toBeNull();
    await sweep.onApplicationBootstrap();
    expect(await queue.getGlobalConcurrency()).toBe(1);
  } finally {
    await queue.obliterate({ force: true });
    await queue.close();
    await queues.onModuleDestroy();
  }
  for (const round of [second!, fourth!]) expect(await aggregator.aggregate(tenantId, round.id)).toMatchObject({ status: 'PUBLISHED' });
  expect(await prisma.$queryRaw`SELECT round_id FROM releases_due()`).toEqual([]);
  expect((await releaseOf(fourth!.id)).k).toBe(6);
}, 300_000);
