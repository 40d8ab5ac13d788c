// Primary suppression and banding, then complementary suppression per layer.
//
// Layers: respondent counts n (whole cells), then one layer per question. A
// question layer hides everything its cell hides, plus question values answered
// by fewer than k people and near-unanimous results (bands). Per-question
// hiding is sound because the layers share no equations, only inequalities
// (answers <= respondents), which the auditor's LP includes.
//
// n = 0 is hidden like any count below k (reason BELOW_THRESHOLD): publishing
// zeros would tell an attacker that every hidden cell has at least one
// respondent — for a team of one, that they took part.

import { bandFor } from './banding.js';
import type { Grid } from './grid.js';
import type { Band, MeasureDef } from './model.js';
import { Reason, hideComplementary, newLayer, suppressLayer, type Layer } from './suppress.js';

export interface MeasurePlan {
  def: MeasureDef;
  layer: Layer;
  bands: Map<number, Band>;
}

export interface Plan {
  grid: Grid;
  k: number;
  seesReasons: boolean;
  cell: Layer;
  measures: Map<string, MeasurePlan>;
  /** Roll-ups: per question, cells whose part in a covered round was hidden as below k (or banded) there (see rollups.ts). */
  smallInRounds?: Map<string, Set<number>>;
}

/**
 * `latent` (from tables.ts) marks cells that are not part of the release: they are hidden from
 * the start, need no pattern of their own (the auditor checks they cannot be worked out), and
 * cost nothing as pattern partners.
 */
export function primaryPlan(grid: Grid, k: number, seesReasons: boolean, latent?: Uint8Array): Plan {
  const size = grid.cells.length;
  const cell = newLayer(size, k, seesReasons);
  grid.cells.forEach((c, g) => {
    if (!c) return;
    cell.value[g] = c.n;
    cell.upper[g] = c.h ?? Infinity;
    if (latent?.[g]) {
      cell.hidden[g] = 1;
      cell.reason[g] = Reason.LATENT;
      cell.covered[g] = 1;
      cell.lo[g] = 0;
      cell.hi[g] = cell.upper[g]!;
    } else if (c.n < k) {
      cell.hidden[g] = 1;
      cell.reason[g] = Reason.BELOW_THRESHOLD;
      cell.sensitive[g] = 1;
      cell.lo[g] = 0;
      cell.hi[g] = seesReasons ? Math.min(cell.upper[g]!, k - 1) : cell.upper[g]!;
    }
  });
  const measures = new Map<string, MeasurePlan>();
  for (const def of grid.model.measures) measures.set(def.key, { def, layer: newLayer(size, k, seesReasons), bands: new Map() });
  return { grid, k, seesReasons, cell, measures };
}

/**
 * Roll-ups: a cell (or question) whose part in one of the covered rounds that round's release
 * hides as below k (or, for a question, shows only as a band) is hidden here as BELOW_THRESHOLD
 * too, whatever its total (see rollups.ts).
 * The reason then bounds nothing about the total, so the attacker's interval stays [0, h].
 */
export function hideSmallInRounds(plan: Plan, small: ReadonlyMap<string, ReadonlySet<string>>): void {
  const { grid, cell } = plan;
  plan.smallInRounds = new Map();
  for (const [key, layers] of small) {
    const g = grid.byKey.get(key);
    if (g === undefined || cell.reason[g] === Reason.LATENT) continue;
    if (layers.has('n') && !cell.hidden[g]) {
      cell.hidden[g] = 1;
      cell.reason[g] = Reason.BELOW_THRESHOLD;
      cell.sensitive[g] = 1;
      cell.lo[g] = 0;
      cell.hi[g] = cell.upper[g]!;
    }
    for (const layer of layers) {
      if (layer === 'n') continue;
      const set = plan.smallInRounds.get(layer) ?? new Set<number>();
      set.add(g);
      plan.smallInRounds.set(layer, set);
    }
  }
}

/** Sets up (or refreshes) a question layer from the current cell layer. */
function syncMeasure(plan: Plan, m: MeasurePlan): void {
  const { grid, cell, k } = plan;
  const layer = m.layer;
  grid.cells.forEach((c, g) => {
    if (!c) return;
    const stats = c.measures[m.def.key]!;
    layer.value[g] = stats.count;
    if (cell.hidden[g]) {
      // Protected by the cell layer's closed patterns, which are closed here too.
      if (!layer.hidden[g] || layer.reason[g] !== Reason.CELL) {
        layer.hidden[g] = 1;
        layer.reason[g] = Reason.CELL;
        layer.covered[g] = 1;
        layer.sensitive[g] = 0;
        layer.upper[g] = c.h ?? Infinity;
        layer.lo[g] = 0;
        layer.hi[g] = plan.seesReasons && cell.reason[g] === Reason.BELOW_THRESHOLD && c.n < k ? Math.min(layer.upper[g]!, k - 1) : layer.upper[g]!;
        m.bands.delete(g);
      }
      return;
    }
    layer.upper[g] = c.n;
    if (layer.hidden[g]) return;
    if (stats.count < k || plan.smallInRounds?.get(m.def.key)?.has(g)) {
      layer.hidden[g] = 1;
      layer.reason[g] = Reason.BELOW_THRESHOLD;
      layer.sensitive[g] = 1;
      layer.lo[g] = 0;
      // In a roll-up the reason may stand for "below k in one of its rounds": no bound on the total.
      layer.hi[g] = plan.seesReasons && stats.count < k ? Math.min(c.n, k - 1) : c.n;
      return;
    }
    const band = m.def.kind === 'histogram' ? bandFor(m.def, stats) : null;
    if (band) {
      layer.hidden[g] = 1;
      layer.reason[g] = Reason.BANDED;
      layer.lo[g] = k; // a band is only ever shown for k or more answers
      layer.hi[g] = c.n;
      m.bands.set(g, band);
    }
  });
}

/** Complementary suppression: cells first, then each question on top of the cell pattern. */
export function suppressPlan(plan: Plan): void {
  const latent = Uint8Array.from(plan.cell.reason, (r) => (r === Reason.LATENT ? 1 : 0));
  suppressLayer(plan.grid, plan.cell, latent);
  for (const m of plan.measures.values()) {
    syncMeasure(plan, m);
    suppressLayer(plan.grid, m.layer, latent);
  }
}

/** The audit found hidden cell g under-protected: give it another pattern that hides something new. */
export function reprotect(plan: Plan, layerKey: string, g: number): boolean {
  const layer = layerKey === 'n' ? plan.cell : plan.measures.get(layerKey)?.layer;
  if (!layer || !layer.hidden[g]) return false;
  layer.covered[g] = 0;
  layer.boost[g] = 1;
  return true;
}

/** Extra suppression requested by the audit loop. */
export function hideMore(plan: Plan, layerKey: string, g: number): boolean {
  const layer = layerKey === 'n' ? plan.cell : plan.measures.get(layerKey)?.layer;
  if (!layer || layer.hidden[g] || plan.grid.cells[g] === undefined) return false;
  hideComplementary(layer, g);
  return true;
}

/** Takes cell g out of the release (latent): hidden from now on, in every layer. */
export function makeLatent(plan: Plan, g: number): void {
  const cell = plan.cell;
  cell.hidden[g] = 1;
  cell.reason[g] = Reason.LATENT;
  cell.covered[g] = 1;
  cell.sensitive[g] = 0;
  cell.boost[g] = 0;
  cell.lo[g] = 0;
  cell.hi[g] = cell.upper[g]!;
  // Question layers follow the cell layer on the next sync (Reason.CELL).
  for (const m of plan.measures.values()) m.layer.reason[g] = Reason.NONE;
}
