// Entry point: build cells, suppress, audit, and fail closed.
//
// The suppressor is a heuristic; the auditor is the judge. When the audit finds
// a problem we hide one more cell next to the failing one (the cheapest published
// cell sharing a relation with it or with its hidden neighbourhood), re-protect,
// and re-audit. Hiding more can only widen what an attacker can infer, so the
// loop makes monotone progress; if it runs out of rounds, nothing is published.

import { auditRelease, type AuditOptions } from './audit/index.js';
import { buildCellModel } from './cells.js';
import { buildGrid, relationNeighbours, type Grid } from './grid.js';
import type { AuditReport, CellModel, Release, ReleaseInput, Violation } from './model.js';
import { hideMore, primaryPlan, reprotect, suppressPlan, type Plan } from './plan.js';
import { assembleRelease } from './release.js';
import type { Layer } from './suppress.js';

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
  /** Limits of the bound checks on large releases (see AuditOptions). */
  audit?: Pick<AuditOptions, 'lpComponentLimit' | 'maxLargeComponentTargets'>;
  /** Called after each audit round (for logs): the violations found and the repairs chosen. */
  onAuditRound?: (round: { round: number; violations: Violation[]; repairs: { action: string; layer: string; cellKey: string }[] }) => void;
}

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

/** Same, from an already built cell model (surveys and imported data share this path). */
export async function protectModel(model: CellModel, options: ProtectOptions): Promise<ProtectResult> {
  assertValidK(options.k);
  const seesReasons = options.seesReasons ?? false;
  const plan = primaryPlan(buildGrid(model), options.k, seesReasons);
  suppressPlan(plan);
  const maxRounds = options.maxFixRounds ?? 15;
  let report: AuditReport | undefined;
  for (let round = 0; round <= maxRounds; round++) {
    const release = assembleRelease(plan);
    // The exact test is cheap: settle it before paying for LP bounds.
    const audit: AuditOptions = { ...options.audit, priorReleases: options.priorReleases, truth: model, seesReasons };
    report = await auditRelease(release, { ...audit, intervals: false });
    if (report.ok) report = await auditRelease(release, audit);
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

/** Breadth-first through hidden cells; in the first ring that touches published cells, the smallest one. */
function nearestPublished(grid: Grid, layer: Layer, start: number): number | undefined {
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
        else if (best === undefined || layer.value[h]! < layer.value[best]! || (layer.value[h] === layer.value[best] && h < best)) best = h;
      }
    }
    if (best !== undefined) return best;
    ring = next;
  }
  return undefined;
}
