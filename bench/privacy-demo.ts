// The demo organisation (prisma/seed.ts: 394 people, 4 divisions, 25 teams incl. teams of
// 3 and 4, 6 locations, tenure bands, launch-time coarsening of small values) through six
// monthly rounds, each protected and audited against the two before it, in process (no
// database) — the same engine calls as the worker's round aggregator.
//
//   npx tsx bench/privacy-demo.ts [dimensions=location,tenure] [seed=1] [rounds=6]

import { buildCellModel, excludeSmallResidualGroups, protectModel, type OrgUnit, type Release, type ReleaseInput } from '../packages/privacy/src/index.js';

const dimensions = (process.argv[2] ?? 'location,tenure').split(',').filter(Boolean);
let state = Number(process.argv[3] ?? 1);
const roundCount = Number(process.argv[4] ?? 6);
const k = 5;
const random = (): number => {
  state = (state + 0x6d2b79f5) | 0;
  let t = Math.imul(state ^ (state >>> 15), 1 | state);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;

const TEAMS: Record<string, [string, number][]> = {
  Engineering: [['Platform', 20], ['Storage', 18], ['Robotics Firmware', 24], ['Vision', 20], ['Mobile', 16], ['Quality', 14], ['Security', 4], ['Developer Experience', 17]],
  Operations: [['Manufacturing', 26], ['Supply Chain', 18], ['Logistics', 17], ['Field Service', 22], ['Facilities', 3], ['Procurement', 15]],
  'Sales & Marketing': [['Enterprise Sales', 20], ['Mid-Market Sales', 18], ['Marketing', 16], ['Customer Success', 24], ['Partnerships', 4]],
  'People & Finance': [['People Operations', 14], ['Finance', 16], ['Legal', 6], ['Talent', 12], ['IT', 14], ['Analytics', 10]],
};
const LOCATIONS = ['Berlin', 'Lisbon', 'Austin', 'Toronto', 'Bangalore', 'Tokyo'];

// Unit ids are random per seed in the real test (uuids); shuffle-like names here.
const uid = (): string => Math.floor(random() * 2 ** 40).toString(36);
const root = uid();
const units: OrgUnit[] = [{ id: root, parentId: null, name: 'Acme Robotics' }];
interface Person { unitId: string; location: string; start: number }
const people: Person[] = [];
const startYear = (): number => 2026 - Math.floor(random() ** 1.6 * 12) + random();
people.push({ unitId: root, location: 'Berlin', start: 2014.2 }, { unitId: root, location: 'Berlin', start: 2019.4 });
let teamIndex = 0;
for (const [division, teams] of Object.entries(TEAMS)) {
  const d = uid();
  units.push({ id: d, parentId: root, name: division });
  people.push({ unitId: d, location: LOCATIONS[teamIndex % LOCATIONS.length]!, start: startYear() });
  for (const [team, size] of teams) {
    const t = uid();
    units.push({ id: t, parentId: d, name: team });
    const home = LOCATIONS[teamIndex % LOCATIONS.length]!;
    for (let i = 0; i < size; i++) people.push({ unitId: t, location: random() < 0.8 ? home : pick(LOCATIONS), start: startYear() });
    teamIndex++;
  }
}

const band = (start: number, at: number): string => {
  const years = at - start;
  return years < 0 ? 'LT1' : years < 1 ? 'LT1' : years < 2 ? 'Y1_2' : years < 5 ? 'Y2_5' : 'Y5_PLUS';
};
/** apps/worker/src/modules/surveys/audience.ts coarsenCells: per unit, values held by fewer than k become OTHER; a too-small OTHER drops the dimension there. */
function coarsen(cells: { unitId: string; location: string; tenure: string }[]): typeof cells {
  const out = cells.map((c) => ({ ...c }));
  const byUnit = new Map<string, number[]>();
  cells.forEach((c, i) => byUnit.set(c.unitId, [...(byUnit.get(c.unitId) ?? []), i]));
  for (const dim of ['location', 'tenure'] as const) {
    for (const idx of byUnit.values()) {
      const counts = new Map<string, number>();
      for (const i of idx) counts.set(out[i]![dim], (counts.get(out[i]![dim]) ?? 0) + 1);
      for (const i of idx) if ((counts.get(out[i]![dim]) ?? 0) < k) out[i]![dim] = 'OTHER';
      const other = idx.filter((i) => out[i]![dim] === 'OTHER').length;
      if (other > 0 && other < k) for (const i of idx) out[i]![dim] = 'ALL';
    }
  }
  return out;
}
const dimValue = (v: string): string | null => (v === 'ALL' ? null : v === 'OTHER' ? 'Other' : v);

const climate = new Map<string, number>();
for (const p of people) if (!climate.has(p.unitId)) climate.set(p.unitId, 2.6 + random() * 1.8);
const clamp = (v: number): number => Math.min(5, Math.max(1, Math.round(v)));
const questions = ['q1', 'q2', 'q3', 'q4', 'q5'].map((key) => ({ key, min: 1, max: 5 }));

console.log(`${people.length} people, ${units.length} units, dimensions [${dimensions.join(', ')}], k = ${k}`);
const releases: Release[] = [];
let total = 0;
for (let r = 1; r <= roundCount; r++) {
  const at = 2026 + r / 12;
  for (const u of climate.keys()) climate.set(u, Math.min(4.6, Math.max(1.8, climate.get(u)! + (random() - 0.5) * 0.5)));
  const cells = coarsen(people.map((p) => ({ unitId: p.unitId, location: p.location, tenure: band(p.start, at) })));
  const dims = (c: { location: string; tenure: string }): Record<string, string | null> =>
    Object.fromEntries(dimensions.map((d) => [d, dimValue(c[d as 'location' | 'tenure'])]));
  const input: ReleaseInput = { releaseId: `round-${r}`, units, dimensions, headcounts: [], responses: [], questions };
  people.forEach((p, i) => {
    (input.headcounts as unknown[]).push({ unitId: p.unitId, dims: dims(cells[i]!), eligible: 1 });
    if (random() < 0.72) {
      const base = climate.get(p.unitId)! + (random() - 0.5) * 1.6;
      (input.responses as unknown[]).push({ unitId: p.unitId, dims: dims(cells[i]!), answers: Object.fromEntries(questions.map((q) => [q.key, clamp(base + (random() - 0.5) * 1.2)])) });
    }
  });
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  // As the worker does: "(direct)" groups below k are counted in no cell.
  const model = buildCellModel(excludeSmallResidualGroups(input, k).input);
  const result = await protectModel(model, {
    k,
    priorReleases: releases.slice(-2),
    seesReasons: true,
    tables: process.env.CUT_AT ? { minEligible: Number(process.env.CUT_AT) } : undefined,
    onAuditRound: process.env.VERBOSE
      ? ({ round, violations, repairs }) =>
          console.log(`  audit ${round}: ${violations.map((v) => `${v.kind}:${v.layer}:${v.cellKey}`).join(' ')}\n    repairs: ${repairs.map((f) => `${f.action}:${f.layer}:${f.cellKey}`).join(' ')}`)
      : undefined,
  });
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  total += ms;
  if (result.published) {
    const cellsShown = result.release.cells.filter((c) => c.status === 'PUBLISHED').length;
    console.log(`round ${r}: PUBLISHED in ${ms.toFixed(0)} ms (cpu ${cpuMs.toFixed(0)} ms) — ${result.release.cells.length} cells, ${cellsShown} shown, ${result.fixRounds} repair rounds, ${result.audit.stats.lpSolves} LP solves`);
    // The unit totals HR sees first: the organisation and its divisions.
    const totals = units
      .filter((u) => u.parentId === null || u.parentId === root)
      .map((u) => {
        const c = result.release.cells.find((x) => x.nodeKey === `u:${u.id}` && Object.values(x.dims).every((v) => v === '*'));
        return `${u.name} ${c?.status === 'PUBLISHED' ? 'shown' : `hidden (${c?.reason})`}`;
      });
    console.log(`  totals: ${totals.join(' · ')}`);
    releases.push(result.release);
  } else {
    console.log(`round ${r}: WITHHELD in ${ms.toFixed(0)} ms (cpu ${cpuMs.toFixed(0)} ms) — ${result.reason}`);
    if (process.env.VERBOSE) {
      for (const v of result.audit?.violations ?? []) {
        const c = model.cells.find((x) => x.key === v.cellKey);
        console.log(`  ${v.kind} ${v.layer} ${v.cellKey}: ${v.detail} (truth: h=${c?.h} n=${c?.n})`);
      }
    }
  }
}
console.log(`total ${total.toFixed(0)} ms`);
