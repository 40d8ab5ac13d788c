// A round aggregated again at the same k after its month's roll-up was published, through the
// worker's own RoundAggregator and MonthRollups on PostgreSQL (in process, no worker child).
// The colleague's example: teams of 9/6/11/6, round 1 answers 5/6/11/5, round 2 8/4/5/2, k = 5.
// Both rounds and the month are published; each round aggregated again must be published
// again with the same cells (before the fix: round 1 was withheld, COUNT_INTERVAL, and round 2
// lost figures or was withheld). Also checks what prepare() loads: the roll-up, the roll-up's
// other round, and the roll-up's data exactly as the roll-up job built it (its audit passes).
import { randomBytes, randomUUID } from 'node:crypto';
import { createPrismaClient, seedQuestionBank, withPlatform, withTenant, type Db } from '@pulsewise/db';
import { createTestDatabase, type TestDatabase } from '@pulsewise/db/testing';
import { auditRelease } from '@pulsewise/privacy';
import type { WorkerDb } from '../src/common/infrastructure.js';
import { MonthRollups, periodOf } from '../src/modules/releases/month-rollup.js';
import { loadRelease } from '../src/modules/releases/release-store.js';
import { RoundAggregator } from '../src/modules/releases/round-aggregator.js';

const TEAMS: { name: string; eligible: number; answered: [number, number] }[] = [
  { name: 'A', eligible: 9, answered: [5, 8] },
  { name: 'B', eligible: 6, answered: [6, 4] },
  { name: 'C', eligible: 11, answered: [11, 5] },
  { name: 'D', eligible: 6, answered: [5, 2] },
];

let db: TestDatabase;
let prisma: Db;
let client: WorkerDb;
let tenantId: string;
let month: string;
let roundIds: string[];

/** A round's stored release: status and cells, without ids. */
async function roundRelease(roundId: string) {
  return withTenant(prisma, tenantId, async (tx) => {
    const r = await tx.release.findFirstOrThrow({ where: { kind: 'ROUND', roundId }, include: { cells: { orderBy: { cellKey: 'asc' } } } });
    return { id: r.id, status: r.status, k: r.k, cells: r.cells.map(({ releaseId: _r, ...c }) => c) };
  });
}

beforeAll(async () => {
  const now = new Date();
  const lastMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  month = periodOf(lastMonth);
  db = await createTestDatabase(`round-remake-rollup-${randomBytes(3).toString('hex')}`);
  prisma = createPrismaClient(db.appUrl, { poolSize: 2 });
  client = { client: prisma } as unknown as WorkerDb;
  const actor = { tenantId: '00000000-0000-0000-0000-000000000000', personId: '00000000-0000-0000-0000-000000000000' };
  tenantId = await withPlatform(prisma, actor, async (tx, audit) => {
    const t = await tx.tenant.create({ data: { slug: 'remake-under-rollup', name: 'Remake Co' } });
    await audit.record('test.fixture', t.id);
    return t.id;
  });
  roundIds = await withTenant(prisma, tenantId, async (tx) => {
    await tx.tenantPolicy.create({ data: { tenantId, allowedDimensions: [] } });
    await seedQuestionBank(tx, tenantId);
    const root = (await tx.orgUnit.create({ data: { tenantId, name: 'Remake Co', path: '' } })).id;
    const teams = new Map<string, string>();
    for (const t of TEAMS) teams.set(t.name, (await tx.orgUnit.create({ data: { tenantId, name: t.name, path: t.name, parentId: root } })).id);
    const question = (await tx.question.findFirstOrThrow({ where: { type: 'AGREEMENT_5', current: true }, orderBy: { key: 'asc' } })).id;
    const programme = await tx.pulseProgramme.create({ data: { tenantId, name: 'Weekly pulse', cadence: 'WEEKLY', openDays: 5, questionsPerRound: 3, questionKeys: ['energy'], startsAt: lastMonth } });
    const ids: string[] = [];
    for (const [variant, day] of [3, 17].entries()) {
      const opensAt = new Date(lastMonth.getTime() + (day - 1) * 86_400_000);
      const closesAt = new Date(opensAt.getTime() + 5 * 86_400_000);
      const round = await tx.pulseRound.create({ data: { tenantId, programmeId: programme.id, sequence: variant + 1, opensAt, closesAt, closedAt: closesAt, status: 'CLOSED', anonymityThreshold: 5 } });
      await tx.roundQuestion.create({ data: { tenantId, roundId: round.id, questionId: question, position: 0 } });
      await tx.roundAudience.createMany({ data: TEAMS.map((t) => ({ tenantId, roundId: round.id, cellUnitId: teams.get(t.name)!, cellLocation: 'ALL', cellTenure: 'ALL', eligible: t.eligible })) });
      await tx.response.createMany({
        data: TEAMS.flatMap((t) =>
          Array.from({ length: t.answered[variant]! }, (_, i) => ({ tenantId, id: randomUUID(), roundId: round.id, cellUnitId: teams.get(t.name)!, cellLocation: 'ALL', cellTenure: 'ALL', answers: { [question]: 1 + ((i * 2 + 1) % 5) } })),
        ),
      });
      ids.push(round.id);
    }
    return ids;
  });
  const aggregator = new RoundAggregator(client);
  for (const id of roundIds) expect(await aggregator.aggregate(tenantId, id)).toMatchObject({ status: 'PUBLISHED' });
  expect(await new MonthRollups(client).build(tenantId, month)).toMatchObject({ status: 'PUBLISHED', rounds: roundIds });
}, 240_000);

afterAll(async () => {
  await prisma?.$disconnect();
  await db?.drop();
});

it("prepare() gives the round the roll-up, the roll-up's other round and the roll-up's data as the roll-up job had it", async () => {
  const prepared = (await new RoundAggregator(client).prepare(tenantId, roundIds[0]!))!;
  const rollup = await withTenant(prisma, tenantId, async (tx) => loadRelease(tx, tenantId, (await tx.release.findFirstOrThrow({ where: { kind: 'MONTH', period: month } })).id));
  expect(prepared.priorReleases.map((r) => r.releaseId).sort()).toEqual([rollup.releaseId, roundIds[1]!].sort());
  expect(prepared.rollups).toHaveLength(1);
  const truth = prepared.rollups[0]!.truth!;
  expect(truth.releaseId).toBe(rollup.releaseId);
  const rounds = await withTenant(prisma, tenantId, async (tx) => Promise.all(roundIds.map(async (id) => loadRelease(tx, tenantId, (await tx.release.findFirstOrThrow({ where: { kind: 'ROUND', roundId: id } })).id))));
  const report = await auditRelease(rollup, { truth, priorReleases: rounds, seesReasons: true });
  expect(report.violations).toEqual([]);
});

it('each round aggregated again at the same k is published again, unchanged', async () => {
  const aggregator = new RoundAggregator(client);
  for (const roundId of roundIds) {
    const before = await roundRelease(roundId);
    expect(before.status).toBe('PUBLISHED');
    expect(await aggregator.aggregate(tenantId, roundId)).toMatchObject({ status: 'PUBLISHED' });
    const after = await roundRelease(roundId);
    expect(after.id).not.toBe(before.id);
    expect(after.cells).toEqual(before.cells);
    // The roll-up over it was withdrawn by the store, and is audited again (and published again).
    expect(await new MonthRollups(client).build(tenantId, month)).toMatchObject({ status: 'PUBLISHED' });
  }
}, 240_000);
