// Runs the worker's aggregation job once on a round already in a database (for profiling one
// change at a time without regenerating the organisation):
//   npx tsx bench/generate.ts --people 10000 --rounds 1 --signal-months 0 --json > /tmp/gen.json
//   node --cpu-prof --import tsx bench/aggregate-once.ts /tmp/gen.json
// The database is left in place (drop it with `dropdb` when done).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createPrismaClient, withTenant } from '../packages/db/src/index.js';
import type { WorkerDb } from '../apps/worker/src/common/infrastructure.js';
import { RoundAggregator } from '../apps/worker/src/modules/releases/round-aggregator.js';

const gen = JSON.parse(readFileSync(process.argv[2] ?? '/dev/stdin', 'utf8')) as { databaseUrl: string; tenantId: string; roundIds: string[] };
const prisma = createPrismaClient(gen.databaseUrl, { poolSize: 3 });
try {
  const roundId = gen.roundIds.at(-1)!;
  const t0 = performance.now();
  const { status } = await new RoundAggregator({ client: prisma } as unknown as WorkerDb).aggregate(gen.tenantId, roundId);
  const ms = performance.now() - t0;
  const release = await withTenant(prisma, gen.tenantId, (tx) =>
    tx.release.findFirstOrThrow({ where: { roundId }, select: { audit: true, withheldReason: true, cells: { select: { cellKey: true, status: true, reason: true, measures: true }, orderBy: { cellKey: 'asc' } } } }),
  );
  // The release's fingerprint (every cell's status, reason and figures): a change meant to keep
  // the release identical must keep it.
  const fingerprint = createHash('sha256').update(JSON.stringify(release.cells)).digest('hex').slice(0, 16);
  console.log(JSON.stringify({ ms: Math.round(ms), status, withheldReason: release.withheldReason, fingerprint, audit: { ...(release.audit as object), notCountedUnits: undefined } }));
} finally {
  await prisma.$disconnect();
}
