// Times the worker's aggregation job on the seeded demo organisation (394 people, 25 teams,
// six closed rounds) for the tenant's allowed dimensions in DIMS (comma-separated; empty for
// none), round by round in sequence order, each audited against its earlier releases.
// Not part of CI: run with bench/privacy-seeded.jest.mjs.
import { createPrismaClient, withTenant, type Db } from '@pulsewise/db';
import { createTestDatabase, type TestDatabase } from '@pulsewise/db/testing';
import { seed } from '../prisma/seed.js';
import type { WorkerDb } from '../apps/worker/src/common/infrastructure.js';
import { RoundAggregator } from '../apps/worker/src/modules/releases/round-aggregator.js';

let db: TestDatabase;
let prisma: Db;
let tenantId: string;

beforeAll(async () => {
  db = await createTestDatabase('privacy-seeded');
  await seed(db.appUrl);
  prisma = createPrismaClient(db.appUrl, { poolSize: 2 });
  const [row] = await prisma.$queryRaw<{ id: string }[]>`SELECT tenant_id AS id FROM auth_find_accounts('hr@acme.example')`;
  tenantId = row!.id;
}, 1_800_000);

afterAll(async () => {
  await prisma?.$disconnect();
  await db?.drop();
});

it('aggregates every demo round', async () => {
  const dims = (process.env.DIMS ?? '').split(',').filter(Boolean);
  const aggregator = new RoundAggregator({ client: prisma } as unknown as WorkerDb);
  await withTenant(prisma, tenantId, (tx) => tx.tenantPolicy.update({ where: { tenantId }, data: { allowedDimensions: dims } }));
  const rounds = await withTenant(prisma, tenantId, (tx) => tx.pulseRound.findMany({ where: { status: 'CLOSED' }, orderBy: { sequence: 'asc' }, select: { id: true, sequence: true } }));
  const lines: string[] = [];
  for (const r of rounds) {
    const t = Date.now();
    const res = await aggregator.aggregate(tenantId, r.id);
    lines.push(`DIMS=${dims.join(',')} round ${r.sequence}: ${res.status} in ${Date.now() - t} ms`);
  }
  console.log(lines.join('\n'));
}, 1_800_000);
