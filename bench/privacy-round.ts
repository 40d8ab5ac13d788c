// Micro-benchmark of the privacy engine for one round: 10,000 employees, 500 units,
// 2 demographic dimensions. Prints the time for aggregation (cell model), suppression,
// and audit, next to a bare GROUP BY over the same rows (an in-memory hash aggregation,
// i.e. what `SELECT unit, location, tenure, count(*), sum(q1).. GROUP BY ..` computes).
//
//   npx tsx bench/privacy-round.ts [employees=10000] [units=500] [k=5] [dimensions=2]
// Env: BENCH_FULL=0 skips the LP bound checks; BENCH_PROTECT=1 also runs protectRelease;
// BENCH_CROSSED=1 suppresses the full cross-classification (the tables before one-dimension cuts).
// BENCH_MAX_LARGE=n sets the auditor's maxLargeComponentTargets (default: the auditor's, 150).

import { auditRelease, buildCellModel } from '../packages/privacy/src/index.js';
import { buildGrid } from '../packages/privacy/src/grid.js';
import { primaryPlan, suppressPlan } from '../packages/privacy/src/plan.js';
import { assembleRelease } from '../packages/privacy/src/release.js';
import { latentCells } from '../packages/privacy/src/tables.js';
import { protectModel } from '../packages/privacy/src/protect.js';
import type { OrgUnit, ReleaseInput } from '../packages/privacy/src/index.js';

// BENCH_DEADLINE=ms: exit after that long (so --cpu-prof still writes a profile of a long run).
if (process.env.BENCH_DEADLINE) setTimeout(() => process.exit(2), Number(process.env.BENCH_DEADLINE)).unref();
const employees = Number(process.argv[2] ?? 10_000);
const unitCount = Number(process.argv[3] ?? 500);
const k = Number(process.argv[4] ?? 5);
const dimensionCount = Number(process.argv[5] ?? 2);

let seed = 42;
const rnd = (): number => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;

// Four levels: company, ~8 divisions, ~48 departments, teams.
const units: OrgUnit[] = [{ id: 'u0', parentId: null, name: 'Company' }];
const divisions = Math.max(1, Math.round(unitCount / 60));
const departments = Math.max(1, Math.round(unitCount / 10));
for (let i = 1; i < unitCount; i++) {
  const parent = i <= divisions ? 0 : i <= divisions + departments ? 1 + Math.floor(rnd() * divisions) : 1 + divisions + Math.floor(rnd() * departments);
  units.push({ id: `u${i}`, parentId: `u${parent}`, name: `Unit ${i}` });
}
// People sit in teams mostly; managers' units get a few direct members.
const teams = units.slice(1 + divisions + departments);
const seatOf = (): string => (rnd() < 0.9 && teams.length > 0 ? pick(teams).id : pick(units).id);
const locations = ['Paris', 'Lyon', 'Berlin', 'London', 'Remote'];
const tenures = ['<1y', '1-3y', '3-5y', '5y+'];
const questions = [
  { key: 'q1', min: 1, max: 5 },
  { key: 'q2', min: 1, max: 5 },
  { key: 'q3', min: 1, max: 5 },
  { key: 'enps', min: 0, max: 10, favourableAtLeast: 9 },
];
const input: ReleaseInput = { releaseId: 'bench', units, dimensions: ['location', 'tenure'].slice(0, dimensionCount), headcounts: [], responses: [], questions };
for (let i = 0; i < employees; i++) {
  const unitId = seatOf();
  const dims = { location: rnd() < 0.05 ? null : pick(locations), tenure: pick(tenures) };
  (input.headcounts as unknown[]).push({ unitId, dims, eligible: 1 });
  if (rnd() < 0.75) {
    const mood = rnd();
    (input.responses as unknown[]).push({
      unitId,
      dims,
      answers: { q1: 1 + Math.floor(mood * 5), q2: 1 + Math.floor(rnd() * 5), q3: 1 + Math.floor((mood + rnd()) * 2.5), enps: Math.floor(rnd() * 11) },
    });
  }
}

const time = async <T>(label: string, f: () => T | Promise<T>): Promise<T> => {
  const t0 = performance.now();
  const out = await f();
  console.log(`${label.padEnd(34)} ${(performance.now() - t0).toFixed(0).padStart(8)} ms`);
  return out;
};

console.log(`${employees} employees, ${unitCount} units, ${dimensionCount} dimensions, ${questions.length} questions, k = ${k}, ${input.responses.length} responses`);

await time('bare GROUP BY (hash aggregation)', () => {
  const groups = new Map<string, { n: number; sums: number[] }>();
  for (const r of input.responses) {
    const key = `${r.unitId}|${r.dims?.location}|${r.dims?.tenure}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { n: 0, sums: [0, 0, 0, 0] }));
    g.n++;
    questions.forEach((q, i) => (g!.sums[i]! += r.answers[q.key] ?? 0));
  }
  return groups.size;
});

const model = await time('aggregation (cell model, margins)', () => buildCellModel(input));
console.log(`  cells: ${model.cells.length}, atoms: ${model.atoms.length}, nodes: ${model.nodes.length}`);
const plan = await time('primary + complementary suppression', () => {
  const grid = buildGrid(model);
  // The default tables: one-dimension cuts at nodes of at least 10·k people (tables.ts).
  const p = primaryPlan(grid, k, false, process.env.BENCH_CROSSED === '1' ? undefined : latentCells(grid, k));
  suppressPlan(p);
  return p;
});
const release = assembleRelease(plan);
const hidden = release.cells.filter((c) => c.status === 'HIDDEN').length;
console.log(`  hidden cells: ${hidden} of ${release.cells.length}`);
const auditLimits = process.env.BENCH_MAX_LARGE ? { maxLargeComponentTargets: Number(process.env.BENCH_MAX_LARGE) } : {};
const exact = await time('audit: exact (BigInt elimination)', () => auditRelease(release, { truth: model, intervals: false }));
console.log(`  exact violations: ${exact.violations.length}`);
if (process.env.BENCH_FULL !== '0') {
  const full = await time('audit: exact + LP bounds', () => auditRelease(release, { truth: model, ...auditLimits }));
  console.log(`  violations: ${full.violations.length}, LP solves: ${full.stats.lpSolves}`);
  const kinds = new Map<string, number>();
  for (const v of full.violations) kinds.set(v.kind, (kinds.get(v.kind) ?? 0) + 1);
  if (kinds.size > 0) console.log(`  by kind: ${[...kinds].map(([kind, n]) => `${kind} ${n}`).join(', ')}${full.violations.some((v) => v.kind === 'AUDIT_LIMIT') ? ` — ${full.violations.find((v) => v.kind === 'AUDIT_LIMIT')!.detail}` : ''}`);
}
if (process.env.BENCH_PROTECT === '1') {
  const result = await time('protectRelease (with repair loop)', () => protectModel(model, { k, audit: auditLimits }));
  console.log(`  published: ${result.published}${result.published ? `, repair rounds: ${result.fixRounds}` : `: ${result.reason}`}`);
}
