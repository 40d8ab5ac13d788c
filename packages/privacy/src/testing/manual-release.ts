// Builds a release with a hand-picked hiding pattern (primary suppression and
// banding as usual, complementary cells chosen by the caller), so tests can show
// what the auditor does with weak patterns.

import { buildCellModel } from '../cells.js';
import { buildGrid } from '../grid.js';
import type { CellModel, Release, ReleaseInput } from '../model.js';
import { hideMore, primaryPlan, suppressPlan } from '../plan.js';
import { assembleRelease } from '../release.js';
import { latentCells, type TablePolicy } from '../tables.js';

export interface ManualHiding {
  /** Cells hidden as complementary (whole cell). */
  cells?: string[];
  /** [measure key, cell key] hidden as complementary in one question. */
  measures?: [string, string][];
}

export function manualRelease(model: CellModel, k: number, hiding: ManualHiding = {}, tables?: TablePolicy): Release {
  const grid = buildGrid(model);
  // Without a table policy: the full cross-classification, as before tables existed.
  const plan = primaryPlan(grid, k, false, tables ? latentCells(grid, k, tables) : undefined);
  for (const key of hiding.cells ?? []) hideMore(plan, 'n', plan.grid.byKey.get(key)!);
  // Run the question layers' primary pass (thresholds, bands) but no complementary suppression:
  // mark everything covered so the suppressor adds nothing.
  plan.cell.covered.fill(1);
  for (const m of plan.measures.values()) m.layer.covered.fill(1);
  suppressPlan(plan);
  for (const [measure, key] of hiding.measures ?? []) hideMore(plan, measure, plan.grid.byKey.get(key)!);
  return assembleRelease(plan);
}


/**
 * A deliberately weak release of a random survey: primary suppression plus a few arbitrary
 * extra hidden cells (`picks` index the model's cells) — leaky in every way, so the auditor's
 * fast paths can be compared with the exact LP on it.
 */
export function weakRelease(input: ReleaseInput, k: number, picks: readonly number[]): { model: CellModel; release: Release } {
  const model = buildCellModel(input);
  const extra = [...new Set(picks.map((p) => model.cells[p % Math.max(1, model.cells.length)]?.key).filter((x): x is string => !!x))];
  return { model, release: manualRelease(model, k, { cells: extra }) };
}

/** A violation as one comparable string. */
export const violationKey = (v: { kind: string; layer: string; cellKey: string }): string => `${v.kind}:${v.layer}:${v.cellKey}`;
