// (a)/(b) One round's aggregation + suppression + audit: the worker's aggregation job
// (RoundAggregator.aggregate: read the frozen audience and the answers, build the cells,
// suppress, band, audit, store the release) end to end, against a bare SQL GROUP BY over the
// same responses (count and sum per cell and question) in the same run.
//
//   npx tsx bench/aggregation.bench.ts [--people 10000,100000] [--reps 3] [--big-reps 1]
// (--reps for sizes below 100k, --big-reps for 100k and above: one 100k job takes about a minute.)
import pg from 'pg';
import { createPrismaClient, withTenant } from '../packages/db/src/index.js';
import { createTestDatabase } from '../packages/db/src/testing/index.js';
import type { WorkerDb } from '../apps/worker/src/common/infrastructure.js';
import { RoundAggregator } from '../apps/worker/src/modules/releases/round-aggregator.js';
import { generate } from './generate.js';
import { emit, flags, fmtMs, fmtRatio, log as logger, median, repeat, type Row } from './lib.js';

const log = logger('aggregation');
const f = flags();
const sizes = (f.people ?? '10000,100000').split(',').map(Number);
const repsFor = (people: number): number => Number(people >= 100_000 ? (f['big-reps'] ?? 1) : (f.reps ?? 3));

interface Measured { people: number; units: number; responses: number; cells: number; ours: number[]; baseline: number[]; status: string[]; audit: unknown; withheldReason: string | null }

async function measure(people: number): Promise<Measured> {
  const db = await createTestDatabase(`bench_agg_${people}`);
  const prisma = createPrismaClient(db.appUrl, { poolSize: 3 });
  const client = new pg.Client({ connectionString: db.appUrl });
  try {
    log(`generating ${people} people, one closed round…`);
    const gen = await generate({ people, rounds: 1, seed: 1, databaseUrl: db.appUrl, signalMonths: 0, log });
    const roundId = gen.roundIds[0]!;
    await client.connect();
    // The bare baseline: the same responses, grouped by cell and question, under the same RLS.
    const groupBy = async () => {
      await client.query('BEGIN');
      await client.query("SELECT set_config('app.tenant_id', $1, true)", [gen.tenantId]);
      const { rows } = await client.query(
        `SELECT r.cell_unit_id, r.cell_location, r.cell_tenure, a.key, count(*) AS n, sum(a.value::int) AS total
           FROM responses r, jsonb_each_text(r.answers) a WHERE r.round_id = $1 GROUP BY 1, 2, 3, 4`,
        [roundId],
      );
      await client.query('COMMIT');
      return rows.length;
    };
    const cells = await groupBy(); // warm-up (and the cell count)
    const aggregator = new RoundAggregator({ client: prisma } as unknown as WorkerDb);
    const status: string[] = [];
    // Alternate ours and the baseline so both see the same machine load.
    const ours: number[] = [];
    const baseline: number[] = [];
    for (let i = 0; i < repsFor(people); i++) {
      baseline.push(...(await repeat(1, async () => void (await groupBy()))));
      ours.push(...(await repeat(1, async () => void status.push((await aggregator.aggregate(gen.tenantId, roundId)).status))));
      log(`${people}: rep ${i + 1}: job ${fmtMs(ours.at(-1)!)} (${status.at(-1)}), GROUP BY ${fmtMs(baseline.at(-1)!)}`);
    }
    const release = await withTenant(prisma, gen.tenantId, (tx) => tx.release.findFirstOrThrow({ where: { roundId }, select: { status: true, audit: true, withheldReason: true } }));
    const responses = await withTenant(prisma, gen.tenantId, (tx) => tx.response.count({ where: { roundId } }));
    return { people, units: gen.units, responses, cells, ours, baseline, status, audit: release.audit, withheldReason: release.withheldReason };
  } finally {
    await client.end().catch(() => undefined);
    await prisma.$disconnect();
    await db.drop();
  }
}

const results: Measured[] = [];
for (const people of sizes) results.push(await measure(people));
const rows: Row[] = results.map((m, i) => {
  const ours = median(m.ours);
  const base = median(m.baseline);
  const big = m.people >= 100_000;
  const first = results[0]!;
  const growth = i > 0 ? ours / median(first.ours) : null;
  const goalMet = big ? ours < 30_000 : ours <= 3 * base && ours < 5_000;
  return {
    id: big ? 'aggregation-100k' : 'aggregation',
    work: `Round aggregation + suppression + audit: ${m.people / 1000}k people, ${m.units} units, 2 dims`,
    ours: `${fmtMs(ours)} → ${[...new Set(m.status)].join('/')} (job, median of ${m.ours.length})`,
    baseline: `${fmtMs(base)} (SQL GROUP BY)`,
    ratio: fmtRatio(ours / base),
    goal: big ? `< 30 s, ~linear${growth ? ` (${first.people / 1000}k→${m.people / 1000}k: ${growth.toFixed(1)}× for ${(m.people / first.people).toFixed(0)}× people)` : ''}` : '≤ 3× baseline, < 5 s',
    met: goalMet ? 'yes' : 'no',
    data: { ...m, oursMedianMs: ours, baselineMedianMs: base, growthFromFirstSize: growth },
  };
});
emit(rows);
