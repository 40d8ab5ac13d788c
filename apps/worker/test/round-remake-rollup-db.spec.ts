// A round aggregated again at the same k after its month's roll-up was published, through the
// worker's own RoundAggregator and MonthRollups on PostgreSQL (in process, no worker child).
// Two months: the colleague's example (teams of 9/6/11/6, round 1 answers 5/6/11/5, round 2
// 8/4/5/2, k = 5), and month-rollup-reaggregate.spec.ts's nested org cut by location. Both
// rounds and the month are published; each round aggregated again must be published again with
// the same cells (before the fix round 1 of the example was withheld, COUNT_INTERVAL). Also
// checks what prepare() loads: the roll-up, the roll-up's other round, and the roll-up's data
// exactly as the roll-up job built it (its audit, integrity checks included, passes).
import { randomBytes, randomUUID } from 'node:crypto';
import { createPrismaClient, seedQuestionBank, withPlatform, withTenant, type Db } from '@pulsewise/db';
import { createTestDatabase, type TestDatabase } from '@pulsewise/db/testing';
import { auditRelease } from '@pulsewise/privacy';
import type { WorkerDb } from '../src/common/infrastructure.js';
import { MonthRollups, periodOf } from '../src/modules/releases/month-rollup.js';
import { loadRelease } from '../src/modules/releases/release-store.js';
import { RoundAggregator } from '../src/modules/releases/round-aggregator.js';

/** One month of two weekly rounds: per (unit path, location) who was asked and how many answered in each round. */
interface Fixture {
  slug: string;
  dimensions: string[];
  units: string[];
  cells: { unit: string; location: string; eligible: number; answered: [number, number] }[];
}

// The colleague's example: teams of 9/6/11/6, round 1 answers 5/6/11/5, round 2 8/4/5/2, k = 5.
const EXAMPLE: Fixture = {
  slug: 'remake-example',
  dimensions: [],
  units: ['A', 'B', 'C', 'D'],
  cells: [
    { unit: 'A', location: 'ALL', eligible: 9, answered: [5, 8] },
    { unit: 'B', location: 'ALL', eligible: 6, answered: [6, 4] },
    { unit: 'C', location: 'ALL', eligible: 11, answered: [11, 5] },
    { unit: 'D', location: 'ALL', eligible: 6, answered: [5, 2] },
  ],
};

// month-rollup-reaggregate.spec.ts's month: a nested org cut by location.
const BY_LOCATION: Fixture = {
  slug: 'remake-by-location',
  dimensions: ['location'],
  units: ['Engineering', 'Engineering/Platform', 'Engineering/Data', 'Engineering/Security', 'Sales'],
  cells: [
    { unit: 'Engineering/Platform', location: 'Berlin', eligible: 8, answered: [7, 6] },
    { unit: 'Engineering/Platform', location: 'Boston', eligible: 6, answered: [5, 5] },
    { unit: 'Engineering/Data', location: 'Berlin', eligible: 7, answered: [6, 7] },
    { unit: 'Engineering/Data', location: 'Boston', eligible: 4, answered: [3, 2] },
    { unit: 'Engineering/Security', location: 'Berlin', eligible: 4, answered: [3, 3] },
    { unit: 'Sales', location: 'Boston', eligible: 10, answered: [8, 9] },
    { unit: 'Sales', location: 'Berlin', eligible: 6, answered: [5, 4] },
  ],
};

let db: TestDatabase;
let prisma: Db;
let client: WorkerDb;
let month: string;
let lastMonth: Date;

/** A round's stored release: status and cells, without ids. */
async function roundRelease(tenantId: string, roundId: string) {
  return withTenant(prisma, tenantId, async (tx) => {
    const r = await tx.release.findFirstOrThrow({ where: { kind: 'ROUND', roundId }, include: { cells: { orderBy: { cellKey: 'asc' } } } });
    return { id: r.id, status: r.status, k: r.k, cells: r.cells.map(({ releaseId: _r, ...c }) => c) };
  });
}

/** A tenant with the fixture's month: both rounds released, then the roll-up, as the worker makes them. */
async function makeMonth(f: Fixture): Promise<{ tenantId: string; roundIds: string[] }> {
  const actor = { tenantId: '00000000-0000-0000-0000-000000000000', personId: '00000000-0000-0000-0000-000000000000' };
  const tenantId = await withPlatform(prisma, actor, async (tx, audit) => {
    const t = await tx.tenant.create({ data: { slug: f.slug, name: f.slug } });
    await audit.record('test.fixture', t.id);
    return t.id;
  });
  const roundIds = await withTenant(prisma, tenantId, async (tx) => {
    await tx.tenantPolicy.create({ data: { tenantId, allowedDimensions: f.dimensions } });
    await seedQuestionBank(tx, tenantId);
    const unitIds = new Map<string, string>();
    unitIds.set('', (await tx.orgUnit.create({ data: { tenantId, name: f.slug, path: '' } })).id);
    for (const path of f.units) {
      const parent = unitIds.get(path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '')!;
      unitIds.set(path, (await tx.orgUnit.create({ data: { tenantId, name: path.split('/').at(-1)!, path, parentId: parent } })).id);
    }
    const questions = (await tx.question.findMany({ where: { type: 'AGREEMENT_5', current: true }, orderBy: { key: 'asc' }, take: 2 })).map((q) => q.id);
    const programme = await tx.pulseProgramme.create({ data: { tenantId, name: 'Weekly pulse', cadence: 'WEEKLY', openDays: 5, questionsPerRound: 3, questionKeys: ['energy'], startsAt: lastMonth } });
    const ids: string[] = [];
    for (const [variant, day] of [3, 17].entries()) {
      const opensAt = new Date(lastMonth.getTime() + (day - 1) * 86_400_000);
      const closesAt = new Date(opensAt.getTime() + 5 * 86_400_000);
      const round = await tx.pulseRound.create({ data: { tenantId, programmeId: programme.id, sequence: variant + 1, opensAt, closesAt, closedAt: closesAt, status: 'CLOSED', anonymityThreshold: 5 } });
      await tx.roundQuestion.createMany({ data: questions.map((questionId, position) => ({ tenantId, roundId: round.id, questionId, position })) });
      await tx.roundAudience.createMany({ data: f.cells.map((c) => ({ tenantId, roundId: round.id, cellUnitId: unitIds.get(c.unit)!, cellLocation: c.location, cellTenure: 'ALL', eligible: c.eligible })) });
      await tx.response.createMany({
        data: f.cells.flatMap((c) =>
          Array.from({ length: c.answered[variant]! }, (_, i) => ({
            tenantId, id: randomUUID(), roundId: round.id, cellUnitId: unitIds.get(c.unit)!, cellLocation: c.location, cellTenure: 'ALL',
            answers: { [questions[0]!]: 1 + ((i * 2 + 1) % 5), [questions[1]!]: 1 + ((i * 3 + variant) % 5) },
          })),
        ),
      });
      ids.push(round.id);
    }
    return ids;
  });
  const aggregator = new RoundAggregator(client);
  for (const id of roundIds) expect(await aggregator.aggregate(tenantId, id)).toMatchObject({ status: 'PUBLISHED' });
  expect(await new MonthRollups(client).build(tenantId, month)).toMatchObject({ status: 'PUBLISHED', rounds: roundIds });
  return { tenantId, roundIds };
}

const months = new Map<Fixture, { tenantId: string; roundIds: string[] }>();

beforeAll(async () => {
  const now = new Date();
  lastMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  month = periodOf(lastMonth);
  db = await createTestDatabase(`round-remake-rollup-${randomBytes(3).toString('hex')}`);
  prisma = createPrismaClient(db.appUrl, { poolSize: 2 });
  client = { client: prisma } as unknown as WorkerDb;
  for (const f of [EXAMPLE, BY_LOCATION]) months.set(f, await makeMonth(f));
}, 240_000);

afterAll(async () => {
  await prisma?.$disconnect();
  await db?.drop();
});

describe.each([
  ['the example', EXAMPLE],
  ['a nested org cut by location', BY_LOCATION],
])('%s', (_name, f) => {
  it("prepare() gives the round the roll-up, the roll-up's other round and the roll-up's data as the roll-up job had it", async () => {
    const { tenantId, roundIds } = months.get(f)!;
    const prepared = (await new RoundAggregator(client).prepare(tenantId, roundIds[0]!))!;
    const rollup = await withTenant(prisma, tenantId, async (tx) => loadRelease(tx, tenantId, (await tx.release.findFirstOrThrow({ where: { kind: 'MONTH', period: month } })).id));
    expect(prepared.priorReleases.map((r) => r.releaseId).sort()).toEqual([rollup.releaseId, roundIds[1]!].sort());
    expect(prepared.rollups).toHaveLength(1);
    const truth = prepared.rollups[0]!.truth!;
    expect(truth.releaseId).toBe(rollup.releaseId);
    const rounds = await withTenant(prisma, tenantId, async (tx) => Promise.all(roundIds.map(async (id) => loadRelease(tx, tenantId, (await tx.release.findFirstOrThrow({ where: { kind: 'ROUND', roundId: id } })).id))));
    // Figure for figure the data behind the roll-up (integrity checks included), and its audit passes.
    const report = await auditRelease(rollup, { truth, priorReleases: rounds, seesReasons: true });
    expect(report.violations).toEqual([]);
  });

  it('each round aggregated again at the same k is published again, unchanged', async () => {
    const { tenantId, roundIds } = months.get(f)!;
    const aggregator = new RoundAggregator(client);
    for (const roundId of roundIds) {
      const before = await roundRelease(tenantId, roundId);
      expect(before.status).toBe('PUBLISHED');
      expect(await aggregator.aggregate(tenantId, roundId)).toMatchObject({ status: 'PUBLISHED' });
      const after = await roundRelease(tenantId, roundId);
      expect(after.id).not.toBe(before.id);
      expect(after.cells).toEqual(before.cells);
      // The roll-up over it was withdrawn by the store; audited again, it is published again.
      expect(await new MonthRollups(client).build(tenantId, month)).toMatchObject({ status: 'PUBLISHED' });
    }
  }, 240_000);
});
