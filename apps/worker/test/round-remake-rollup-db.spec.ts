// A round aggregated again at the same k after its month's roll-up was published, through the
// worker's own RoundAggregator and MonthRollups on PostgreSQL (in process, no worker child).
// Two months: the colleague's example (teams of 9/6/11/6, round 1 answers 5/6/11/5, round 2
// 8/4/5/2, k = 5), and month-rollup-reaggregate.spec.ts's nested org cut by location. Both
// rounds and the month are published; each round aggregated again must be published again with
// the same cells (before the fix round 1 of the example was withheld, COUNT_INTERVAL). Also
// checks what prepare() loads: the roll-up, the roll-up's other round, and the roll-up's data
// exactly as the roll-up job built it (its audit, integrity checks included, passes).
import { randomBytes } from 'node:crypto';
import { createPrismaClient, withTenant, type Db } from '@pulsewise/db';
import { createTestDatabase, type TestDatabase } from '@pulsewise/db/testing';
import { auditRelease } from '@pulsewise/privacy';
import type { WorkerDb } from '../src/common/infrastructure.js';
import { MonthRollups, periodOf } from '../src/modules/releases/month-rollup.js';
import { loadRelease } from '../src/modules/releases/release-store.js';
import { RoundAggregator } from '../src/modules/releases/round-aggregator.js';
import { releaseInProcess, workerDb } from './support/release-env.js';
import { NESTED_BY_LOCATION, NESTED_UNITS, seedReleaseTenant, twoRoundsIn, utcMonthStart, type Scores } from './support/release-tenant.js';

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
  units: NESTED_UNITS,
  cells: NESTED_BY_LOCATION,
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

/** Each cell's answers in a round, spread over 1–5 by their index in the cell (the first question as round-remake-rollup.spec.ts's spread()). */
const spread: Scores = ({ index, variant }) => [1 + ((index * 2 + 1) % 5), 1 + ((index * 3 + variant) % 5)];

/** A tenant with the fixture's month: both rounds released, then the roll-up, as the worker makes them. */
async function makeMonth(f: Fixture): Promise<{ tenantId: string; roundIds: string[] }> {
  const { tenantId, roundIds } = await seedReleaseTenant(prisma, {
    slug: f.slug,
    name: f.slug,
    dimensions: f.dimensions,
    units: f.units,
    cells: f.cells,
    programmeStartsAt: lastMonth,
    rounds: twoRoundsIn(lastMonth),
    scores: spread,
  });
  const made = await releaseInProcess(prisma, tenantId, roundIds, month);
  for (const r of made.rounds) expect(r).toMatchObject({ status: 'PUBLISHED' });
  expect(made.rollup).toMatchObject({ status: 'PUBLISHED', rounds: roundIds });
  return { tenantId, roundIds };
}

const months = new Map<Fixture, { tenantId: string; roundIds: string[] }>();

beforeAll(async () => {
  lastMonth = utcMonthStart(1);
  month = periodOf(lastMonth);
  db = await createTestDatabase(`round-remake-rollup-${randomBytes(3).toString('hex')}`);
  prisma = createPrismaClient(db.appUrl, { poolSize: 2 });
  client = workerDb(prisma);
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
