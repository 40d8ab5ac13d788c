// Entry point: build cells, suppress, audit, and fail closed.
//
// The suppressor is a heuristic; the auditor is the judge. When the audit finds
// a problem we hide one more cell next to the failing one (the cheapest published
// cell sharing a relation with it or with its hidden neighbourhood), re-protect,
// and re-audit. Hiding more can only widen what an attacker can infer, so the
// loop makes monotone progress; if it runs out of rounds, nothing is published.

import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { auditRelease, createAuditMemo, type AuditOptions } from './audit/index.js';
import { buildCellModel } from './cells.js';
import { buildGrid, coordsOf, relationNeighbours, type Grid } from './grid.js';
import type { AuditReport, CellModel, Release, ReleaseInput, Violation } from './model.js';
import { hideMore, hideSmallInRounds, makeLatent, primaryPlan, reprotect, suppressPlan, type Plan } from './plan.js';
import { assembleRelease } from './release.js';
import { Reason, type Layer } from './suppress.js';
import { mergeLayers, smallInPriorBlocks, smallPartsInBlocks } from './rollups.js';
import { latentCells, type TablePolicy } from './tables.js';

/** The floor of the anonymity threshold (PRIVACY.md promise 1). */
export const MIN_K = 3;

export interface ProtectOptions {
  /** Anonymity threshold (tenant policy, default 5 in the product, never below 3). */
  k: number;
  /** Earlier releases covering the same people; their published cells are fixed knowledge. */
  priorReleases?: readonly Release[];
  /** Audit-driven repair rounds before giving up (default 15). */
  maxFixRounds?: number;
  /**
   * Attacker model: can readers tell BELOW_THRESHOLD from COMPLEMENTARY? Default false, which
   * requires the UI to show one message for both. True is stricter (COMPLEMENTARY reveals n >= k)
   * and leads to much more suppression or unpublished releases on small teams.
   */
  seesReasons?: boolean;
  /** Which cells a release holds (default: one-dimension cuts for nodes of at least 10·k people). */
  tables?: TablePolicy;
  /**
   * Unit totals come first (default true): a demographic split is withdrawn wherever publishing
   * it would hide a unit total that the release without any split shows. See protectModel.
   */
  totalsFirst?: boolean;
  /**
   * Give up a candidate choice of tables as soon as its plan hides a total that rules it out
   * (default true). False runs it to the end; the result is the same (tests compare the two).
   */
  abandonEarly?: boolean;
  /** Called after each choice of tables tried (for logs and tests): how many splits it held, and how it ended. */
  onCandidate?: (candidate: { splits: number; outcome: 'published' | 'withheld' | 'abandoned'; inThread?: boolean }) => void;
  /** Limits of the bound checks on large releases (see AuditOptions). */
  audit?: Pick<AuditOptions, 'lpComponentLimit' | 'maxLargeComponentTargets' | 'solver'>;
  /** Called after each audit round (for logs): the violations found and the repairs chosen. */
  onAuditRound?: (round: AuditRoundEvent) => void;
  /**
   * Protect the first choice of tables with splits in a worker thread while the release without
   * any is protected (see protectModel). Default: on large models (PARALLEL_MIN_ATOMS atoms or
   * more) on a machine with more than one core; never with a custom solver (a function).
   */
  parallelCandidates?: boolean;
}

export interface AuditRoundEvent {
  round: number;
  violations: Violation[];
  repairs: { action: string; layer: string; cellKey: string }[];
}

/** Below this many atoms, a thread's start and copying the model cost more than they save. */
const PARALLEL_MIN_ATOMS = 2_000;

export type ProtectResult =
  | { published: true; release: Release; audit: AuditReport; fixRounds: number }
  | { published: false; reason: string; audit: AuditReport | undefined };

export function assertValidK(k: number): void {
  if (!Number.isInteger(k) || k < MIN_K) throw new RangeError(`k must be an integer >= ${MIN_K}`);
}

/** Builds, protects and audits one survey release. */
export async function protectRelease(input: ReleaseInput, options: ProtectOptions): Promise<ProtectResult> {
  return protectModel(buildCellModel(input), options);
}

/** Rounds of withdrawing splits before settling for the release without any (see protectModel). */
const MAX_SPLIT_ROUNDS = 6;

/**
 * Same, from an already built cell model (surveys and imported data share this path).
 *
 * The heatmap of unit totals is what people read first; a split by location or tenure is a
 * detail. Protecting a small split cell can take a unit's total with it (its pattern climbs
 * through the margins, up to the organisation's total), so by default the release is first
 * protected without any split: that says which totals must be hidden anyway. Then the splits
 * are added, and wherever they would hide a total beyond those, they are withdrawn — first the
 * unit's own, then its siblings' and their subtrees' as well, then the same one level up —
 * and the release is protected again; failing that, only the organisation's own splits are
 * tried. Every candidate is fully protected and audited; only the choice of tables differs,
 * so the guarantees are those of any release. The first candidate with splits needs nothing from
 * the baseline, so on large models it is protected in a worker thread meanwhile (same result).
 */
export async function protectModel(model: CellModel, options: ProtectOptions): Promise<ProtectResult> {
  assertValidK(options.k);
  const grid = buildGrid(model);
  const latent = latentCells(grid, options.k, options.tables);
  const isSplit = (g: number) => g % grid.combos !== 0 && grid.cells[g] !== undefined;
  const splitsShown = (mask: Uint8Array) => mask.reduce((count, x, g) => count + (isSplit(g) && !x ? 1 : 0), 0);
  if (!(options.totalsFirst ?? true) || splitsShown(latent) === 0) return protectTables(model, grid, latent, options);

  const noteCandidate = (tables: Uint8Array, result: ProtectResult & { abandoned?: boolean }, inThread = false) =>
    options.onCandidate?.({ splits: splitsShown(tables), outcome: result.abandoned ? 'abandoned' : result.published ? 'published' : 'withheld', ...(inThread ? { inThread } : {}) });
  const noSplits = Uint8Array.from(latent, (x, g) => (isSplit(g) ? 1 : x));
  const tables = Uint8Array.from(latent);
  // The first candidate with splits does not depend on the baseline: on two cores it runs beside it.
  const parallel = (options.parallelCandidates ?? (model.atoms.length >= PARALLEL_MIN_ATOMS && availableParallelism() > 1)) && !options.audit?.solver;
  const firstWithSplits = parallel ? protectInThread(model, tables, options) : undefined;
  const baseline = await protectTables(model, grid, noSplits, options).catch((error: unknown) => {
    firstWithSplits?.cancel();
    throw error;
  });
  noteCandidate(noSplits, baseline);
  if (!baseline.published) {
    firstWithSplits?.cancel();
    return baseline;
  }
  const mustHide = hiddenTotals(grid, baseline.release);
  const attempts = new Map<number, number>();
  for (let round = 0; round < MAX_SPLIT_ROUNDS; round++) {
    // A thread that fails (it could not start, say) costs time, never the answer: run it here.
    const inProcess = () => protectTables(model, grid, tables, options);
    let inThread = false;
    const result = round === 0 && firstWithSplits ? await firstWithSplits.result.then((r) => ((inThread = true), r), inProcess) : await inProcess();
    noteCandidate(tables, result, inThread);
    if (!result.published) break;
    const extra = [...hiddenTotals(grid, result.release)].filter((node) => !mustHide.has(node));
    if (extra.length === 0) return result;
    for (const node of extra) {
      const attempt = attempts.get(node) ?? 0;
      attempts.set(node, attempt + 1);
      withdrawSplits(grid, tables, node, attempt);
    }
    if (splitsShown(tables) === 0) break;
  }
  // Last try before no split at all: the organisation's own splits, the view most often asked for.
  const rootOnly = Uint8Array.from(latent, (x, g) => (isSplit(g) && grid.parent[Math.floor(g / grid.combos)]! >= 0 ? 1 : x));
  if (splitsShown(rootOnly) > 0 && splitsShown(rootOnly) < splitsShown(latent)) {
    // Its answer is only wanted if it hides no total beyond mustHide, and a protection run only
    // ever hides more: it is given up as soon as its plan hides another total.
    const result = await protectTables(model, grid, rootOnly, options, options.abandonEarly === false ? undefined : (node) => !mustHide.has(node));
    noteCandidate(rootOnly, result);
    if (result.published && [...hiddenTotals(grid, result.release)].every((node) => mustHide.has(node))) return result;
  }
  return baseline;
}

/** Nodes whose total (every dimension ALL) the release hides. */
function hiddenTotals(grid: Grid, release: Release): Set<number> {
  const out = new Set<number>();
  for (const c of release.cells) {
    const g = grid.byKey.get(c.key);
    if (g !== undefined && g % grid.combos === 0 && c.status !== 'PUBLISHED') out.add(g / grid.combos);
  }
  return out;
}

/**
 * Takes splits out of the release (latent) around a node whose total they cost: attempt 0 its
 * own, attempt 1 those of the node, its siblings and all their subtrees, attempt a ≥ 2 the same
 * around its ancestor a - 1 levels up (the whole organisation, eventually).
 */
function withdrawSplits(grid: Grid, latent: Uint8Array, node: number, attempt: number): void {
  const withdraw = (n: number) => {
    for (let combo = 1; combo < grid.combos; combo++) latent[n * grid.combos + combo] = 1;
  };
  if (attempt === 0) return withdraw(node);
  let around = node;
  for (let up = 1; up < attempt && grid.parent[around]! >= 0; up++) around = grid.parent[around]!;
  const parent = grid.parent[around]!;
  const stack = parent >= 0 ? [...grid.children[parent]!] : [around];
  while (stack.length > 0) {
    const n = stack.pop()!;
    stack.push(...grid.children[n]!);
    withdraw(n);
  }
}

/**
 * protectTables in a worker thread (candidate-thread.ts); its audit rounds are reported to
 * onAuditRound when the result is taken, after the baseline's. From the TypeScript sources (tests),
 * the thread loads them through tsx.
 */
function protectInThread(model: CellModel, tables: Uint8Array, options: ProtectOptions): { result: Promise<ProtectResult & { abandoned?: boolean }>; cancel: () => void } {
  const fromSource = import.meta.url.endsWith('.ts');
  const entry = new URL(fromSource ? './candidate-thread.ts' : './candidate-thread.js', import.meta.url);
  const { onAuditRound, onCandidate: _reportedByCaller, ...plain } = options;
  const workerData = { model, tables, options: plain };
  const worker = fromSource
    ? new Worker(`import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(entry.href)}); })`, { eval: true, workerData })
    : new Worker(entry, { workerData });
  let cancelled = false;
  const result = new Promise<ProtectResult & { abandoned?: boolean }>((resolve, reject) => {
    worker.once('message', ({ result, rounds }: { result: ProtectResult & { abandoned?: boolean }; rounds: AuditRoundEvent[] }) => {
      for (const round of rounds) onAuditRound?.(round);
      resolve(result);
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (!cancelled) reject(new Error(`candidate thread exited with code ${code} before answering`));
    });
  }).finally(() => {
    cancelled = true;
    void worker.terminate();
  });
  return {
    result,
    cancel: () => {
      cancelled = true;
      result.catch(() => undefined);
      void worker.terminate();
    },
  };
}

/**
 * Protects and audits one choice of tables (latent: the cells the release does not hold). With
 * `unwantedTotal`, the run stops unpublished as soon as its plan hides a node's total that the
 * caller would reject the result for (before paying for another audit).
 */
export async function protectTables(
  model: CellModel,
  grid: Grid,
  latent: Uint8Array,
  options: ProtectOptions,
  unwantedTotal?: (node: number) => boolean,
): Promise<ProtectResult & { abandoned?: boolean }> {
  const seesReasons = options.seesReasons ?? false;
  const plan = primaryPlan(grid, options.k, seesReasons, Uint8Array.from(latent));
  // Roll-ups: what a covered round hid as too small (or banded), and every group below k in
  // some round, is "too small" here (rollups.ts).
  hideSmallInRounds(plan, mergeLayers(smallInPriorBlocks(model, options.priorReleases ?? []), smallPartsInBlocks(model, options.k)));
  suppressPlan(plan);
  const maxRounds = options.maxFixRounds ?? 15;
  let report: AuditReport | undefined;
  const seen = new Map<string, number>();
  const memo = createAuditMemo();
  for (let round = 0; round <= maxRounds; round++) {
    if (unwantedTotal && hidesTotal(plan, unwantedTotal)) return { published: false, abandoned: true, reason: 'this choice of tables hides a unit total that the release without splits shows', audit: report };
    const release = assembleRelease(plan);
    // The exact test is cheap: settle it before paying for LP bounds (one audit, which stops
    // before its bound checks while anything exact fails).
    report = await auditRelease(release, { ...options.audit, priorReleases: options.priorReleases, truth: model, seesReasons, memo, boundsOnlyIfExactPasses: true });
    if (report.ok) return { published: true, release, audit: report, fixRounds: round };
    const fixes = chooseFixes(plan, report.violations, model.releaseId);
    options.onAuditRound?.({
      round,
      violations: report.violations,
      repairs: fixes.map((f) => ({ action: f.action, layer: f.layer, cellKey: plan.grid.cells[f.g]!.key })),
    });
    if (fixes.length === 0) break;
    const before = hiddenTotal(plan);
    for (const fix of fixes) (fix.action === 'hide' ? hideMore : reprotect)(plan, fix.layer, fix.g);
    // A cell still exposed after a re-protection also pulls in its nearest published neighbour:
    // more patterns of the same shape do not always widen what the attacker can infer.
    for (const v of report.violations) {
      const key = `${v.layer}|${v.cellKey}`;
      const times = (seen.get(key) ?? 0) + 1;
      seen.set(key, times);
      const layer = layerOf(plan, v.layer);
      const g = plan.grid.byKey.get(v.cellKey);
      if (times < 2 || !layer || g === undefined) continue;
      // Still exposed after three rounds: a demographic cut that cannot be protected is withdrawn
      // (its table and the linked tables of its siblings' subtrees become latent).
      if (times >= 3 && withdrawCut(plan, g)) continue;
      // A group proven unanimous needs a hidden partner that holds a dissenting answer.
      const pick = nearestPublished(plan.grid, layer, g, v.kind === 'UNANIMITY' ? dissents(plan, v.layer, v.detail.includes('(LOW)') ? 'LOW' : 'HIGH') : undefined);
      if (pick !== undefined) hideMore(plan, v.layer, pick);
    }
    suppressPlan(plan);
    if (hiddenTotal(plan) === before) {
      // Re-protection found nothing new to hide: widen around the failing cells instead.
      for (const v of report.violations) {
        const layer = layerOf(plan, v.layer);
        const g = plan.grid.byKey.get(v.cellKey);
        const pick = layer && g !== undefined ? nearestPublished(plan.grid, layer, g) : undefined;
        if (pick !== undefined) hideMore(plan, v.layer, pick);
      }
      suppressPlan(plan);
      if (hiddenTotal(plan) === before) break;
    }
  }
  const kinds = [...new Set(report?.violations.map((v) => v.kind) ?? [])].join(', ');
  const limit = report?.violations.find((v) => v.kind === 'AUDIT_LIMIT');
  const why = limit ? `the privacy audit could not run to the end: ${limit.detail}` : `release failed the privacy audit (${kinds})`;
  return { published: false, reason: `${why}; nothing is published`, audit: report };
}

/**
 * Withdraws the dimension that cut cell g is cut by, from g's node, its siblings and all their
 * subtrees (so that no "parent minus the cut siblings" remainder appears): those cells become
 * latent. Only ever hides more. Returns false for a cell with every dimension ALL.
 */
function withdrawCut(plan: Plan, g: number): boolean {
  const grid = plan.grid;
  const node = Math.floor(g / grid.combos);
  const coords = coordsOf(grid, g % grid.combos);
  const dims = coords.flatMap((x, i) => (x !== 0 ? [i] : []));
  if (dims.length === 0) return false;
  const parent = grid.parent[node]!;
  const stack = parent >= 0 ? [...grid.children[parent]!] : [node];
  while (stack.length > 0) {
    const n = stack.pop()!;
    stack.push(...grid.children[n]!);
    for (let combo = 1; combo < grid.combos; combo++) {
      const h = n * grid.combos + combo;
      if (grid.cells[h] === undefined || plan.cell.reason[h] === Reason.LATENT) continue;
      if (!dims.some((i) => coordsOf(grid, combo)[i] !== 0)) continue;
      makeLatent(plan, h);
    }
  }
  return true;
}

/** Whether the plan hides the total (every dimension ALL) of some node that `which` picks. */
function hidesTotal(plan: Plan, which: (node: number) => boolean): boolean {
  const { grid } = plan;
  for (let node = 0; node * grid.combos < grid.cells.length; node++) {
    const g = node * grid.combos;
    if (grid.cells[g] !== undefined && plan.cell.hidden[g] && which(node)) return true;
  }
  return false;
}

function hiddenTotal(plan: Plan): number {
  let total = plan.cell.hidden.reduce((a, b) => a + b, 0);
  for (const m of plan.measures.values()) total += m.layer.hidden.reduce((a, b) => a + b, 0);
  return total;
}

function layerOf(plan: Plan, key: string): Layer | undefined {
  return key === 'n' ? plan.cell : plan.measures.get(key)?.layer;
}

interface Fix {
  action: 'hide' | 'reprotect';
  layer: string;
  g: number;
}

/**
 * One repair per violation. A hidden cell that is still exposed gets one more
 * protection pattern that must hide at least one new cell; a published cell that
 * exposes an earlier release's cell is hidden; a small residual (hidden cells
 * adding up to fewer than k) pulls in the cheapest published cell next to it.
 */
function chooseFixes(plan: Plan, violations: Violation[], releaseId: string): Fix[] {
  const fixes = new Map<string, Fix>();
  for (const v of violations) {
    // A published figure that breaks the rules is a bug, not something more hiding should paper over;
    // a release too large to certify will not become certifiable by hiding more.
    if (v.kind === 'THRESHOLD' || v.kind === 'AUDIT_LIMIT' || (v.kind === 'UNANIMITY' && v.releaseId === releaseId && !isHidden(plan, v))) return [];
    const layer = layerOf(plan, v.layer);
    const g = plan.grid.byKey.get(v.cellKey); // for a prior release: the same cell in this release
    if (!layer || g === undefined) continue;
    let fix: Fix | undefined;
    if (!layer.hidden[g]) fix = { action: 'hide', layer: v.layer, g };
    else if (v.kind === 'RESIDUAL') {
      const pick = nearestPublished(plan.grid, layer, g);
      if (pick !== undefined) fix = { action: 'hide', layer: v.layer, g: pick };
    } else fix = { action: 'reprotect', layer: v.layer, g };
    if (fix) fixes.set(`${fix.action}:${fix.layer}:${fix.g}`, fix);
  }
  return [...fixes.values()];
}

function isHidden(plan: Plan, v: Violation): boolean {
  const g = plan.grid.byKey.get(v.cellKey);
  const layer = layerOf(plan, v.layer);
  return g !== undefined && layer !== undefined && layer.hidden[g] === 1;
}

/** Cells whose answers to a question include one against a unanimous direction (LOW: a favourable one). */
function dissents(plan: Plan, measure: string, direction: 'HIGH' | 'LOW'): ((g: number) => boolean) | undefined {
  const def = plan.measures.get(measure)?.def;
  if (!def || def.kind !== 'histogram') return undefined;
  return (g) => {
    const hist = plan.grid.cells[g]?.measures[measure]?.histogram ?? [];
    return hist.some((x, i) => x > 0 && (def.min + i >= def.favourableAtLeast) === (direction === 'LOW'));
  };
}

/**
 * Breadth-first through hidden cells; in the first ring that touches published cells (that
 * `accept`, when given), the smallest one.
 */
function nearestPublished(grid: Grid, layer: Layer, start: number, accept?: (g: number) => boolean): number | undefined {
  const seen = new Set([start]);
  let ring = [start];
  while (ring.length > 0) {
    const next: number[] = [];
    let best: number | undefined;
    for (const g of ring) {
      for (const h of relationNeighbours(grid, g)) {
        if (seen.has(h)) continue;
        seen.add(h);
        if (layer.hidden[h]) next.push(h);
        else if (accept && !accept(h)) next.push(h);
        else if (best === undefined || layer.value[h]! < layer.value[best]! || (layer.value[h] === layer.value[best] && h < best)) best = h;
      }
    }
    if (best !== undefined) return best;
    ring = next;
  }
  return undefined;
}
