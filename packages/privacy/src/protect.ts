// Entry point: build cells, suppress, audit, and fail closed.
//
// The suppressor is a heuristic; the auditor is the judge. When the audit finds
// a problem we hide one more cell next to the failing one (the cheapest published
// cell sharing a relation with it or with its hidden neighbourhood), re-protect,
// and re-audit. Hiding more can only widen what an attacker can infer, so the
// loop makes monotone progress; if it runs out of rounds, nothing is published.

import { auditRelease } from './audit/index.js';
import { buildCellModel } from './cells.js';
import { buildGrid, relationNeighbours, type Grid } from './grid.js';
import type { AuditReport, CellModel, Release, ReleaseInput, Violation } from './model.js';
import { hideMore, primaryPlan, suppressPlan, type Plan } from './plan.js';
import { assembleRelease } from './release.js';
import type { Layer } from './suppress.js';

/** The floor of the anonymity threshold (PRIVACY.md promise 1). */
export const MIN_K = 3;

export interface ProtectOptions {
  /** Anonymity threshold (tenant policy, default 5 in the product, never below 3). */
  k: number;
  /** Earlier releases covering the same people; their published cells are fixed knowledge. */
  priorReleases?: readonly Release[];
  /** Audit-driven repair rounds before giving up (default 40). */
  maxFixRounds?: number;
  /**
   * Attacker model: can readers tell BELOW_THRESHOLD from COMPLEMENTARY? Default false, which
   * requires the UI to show one message for both. True is stricter (COMPLEMENTARY reveals n >= k)
   * and leads to much more suppression or unpublished releases on small teams.
   */
  seesReasons?: boolean;
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
  const maxRounds = options.maxFixRounds ?? 40;
  let report: AuditReport | undefined;
  for (let round = 0; round <= maxRounds; round++) {
    const release = assembleRelease(plan);
    // The exact test is cheap: settle it before paying for LP bounds.
    const audit = { priorReleases: options.priorReleases, truth: model, seesReasons };
    report = await auditRelease(release, { ...audit, intervals: false });
    if (report.ok) report = await auditRelease(release, audit);
    if (report.ok) return { published: true, release, audit: report, fixRounds: round };
    const fixes = chooseFixes(plan, report.violations, model.releaseId);
    if (fixes.length === 0) break;
    for (const [layer, g] of fixes) hideMore(plan, layer, g);
    suppressPlan(plan);
  }
  const kinds = [...new Set(report?.violations.map((v) => v.kind) ?? [])].join(', ');
  return { published: false, reason: `release failed the privacy audit (${kinds}); nothing is published`, audit: report };
}

function layerOf(plan: Plan, key: string): Layer | undefined {
  return key === 'n' ? plan.cell : plan.measures.get(key)?.layer;
}

/** One extra cell to hide per violation: the cheapest published neighbour of the failing cell's hidden region. */
function chooseFixes(plan: Plan, violations: Violation[], releaseId: string): [string, number][] {
  const fixes = new Map<string, [string, number]>();
  for (const v of violations) {
    // A published figure that breaks the rules is a bug, not something more hiding should paper over.
    if (v.kind === 'THRESHOLD' || (v.kind === 'UNANIMITY' && v.releaseId === releaseId && !isHidden(plan, v))) return [];
    const layer = layerOf(plan, v.layer);
    const g = plan.grid.byKey.get(v.cellKey); // for a prior release: the same cell in this release
    if (!layer || g === undefined) continue;
    const pick = layer.hidden[g] ? nearestPublished(plan.grid, layer, g) : g;
    if (pick !== undefined) fixes.set(`${v.layer}:${pick}`, [v.layer, pick]);
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
