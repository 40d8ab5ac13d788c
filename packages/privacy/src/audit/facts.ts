// What an attacker reads off the releases, per layer: published values (knowns)
// and what hiding reasons and bands reveal. The auditor's sensitivity rules are
// restated here from the spec (PRIVACY.md), deliberately not imported from the
// suppressor.

import type { HistogramMeasureDef, MeasureDef, ModelCell, Release, ReleaseCell } from '../model.js';
import type { LinearSystem } from './system.js';

/** 'n' is the respondent-count layer; other layers are measure keys. */
export const COUNT_LAYER = 'n';

export interface LayerKnowns {
  key: string;
  measure: MeasureDef | undefined;
  /** var → published value: a number for counts/sums, bins for histograms. */
  known: Map<number, number | number[]>;
}

/** Near-unanimous per the spec: at most max(1, floor(count/10)) dissenting answers either way. */
export function nearUnanimity(def: HistogramMeasureDef, histogram: readonly number[]): 'HIGH' | 'LOW' | null {
  let count = 0;
  let fav = 0;
  histogram.forEach((x, i) => {
    count += x;
    if (def.min + i >= def.favourableAtLeast) fav += x;
  });
  if (count === 0) return null;
  const slack = Math.max(1, Math.floor(count / 10));
  if (count - fav <= slack) return 'HIGH';
  if (fav <= slack) return 'LOW';
  return null;
}

export function measureDefs(releases: readonly Release[]): Map<string, MeasureDef> {
  const defs = new Map<string, MeasureDef>();
  for (const r of releases) {
    for (const m of r.measures) {
      const prev = defs.get(m.key);
      if (prev && JSON.stringify(prev) !== JSON.stringify(m)) throw new Error(`measure ${m.key} is defined differently in two releases`);
      defs.set(m.key, m);
    }
  }
  return defs;
}

/** Published values per layer; conflicting published values for one variable are an integrity error. */
export function layerKnowns(system: LinearSystem, defs: Map<string, MeasureDef>): LayerKnowns[] {
  const layers: LayerKnowns[] = [{ key: COUNT_LAYER, measure: undefined, known: new Map() }];
  for (const def of defs.values()) layers.push({ key: def.key, measure: def, known: new Map() });
  const set = (layer: LayerKnowns, v: number, value: number | number[], where: string): void => {
    const prev = layer.known.get(v);
    if (prev !== undefined && JSON.stringify(prev) !== JSON.stringify(value)) {
      throw new Error(`releases publish different values for the same group (${where}, layer ${layer.key})`);
    }
    layer.known.set(v, value);
  };
  for (const [releaseId, cells] of system.cells) {
    const vars = system.cellVar.get(releaseId)!;
    for (const c of cells.values()) {
      if (c.status !== 'PUBLISHED') continue;
      const v = vars.get(c.key)!;
      set(layers[0]!, v, c.n!, c.key);
      for (const layer of layers.slice(1)) {
        const res = c.measures[layer.key];
        if (!res || res.status !== 'PUBLISHED') continue;
        if (layer.measure!.kind === 'histogram') set(layer, v, res.histogram ?? [], c.key);
        else set(layer, v, res.sum, c.key);
      }
    }
  }
  return layers;
}

/** Per-cell view of whether a hidden value is sensitive, and what must be protected. */
export interface Sensitivity {
  /** The respondent count must keep its full a-priori interval. */
  count: boolean;
  /**
   * Per measure: what is sensitive about it. How many people of a published cell skipped a
   * question is not protected as a count (the cell's respondents are published); the answers are.
   */
  measures: Map<string, { exact: boolean; mean: boolean; unanimity: 'HIGH' | 'LOW' | null }>;
}

/**
 * Current release: judged from the true data. Prior releases: from their published
 * reasons (their data is not available any more).
 */
export function sensitivityOf(cell: ReleaseCell, release: Release, t: ModelCell | undefined, defs: Map<string, MeasureDef>): Sensitivity {
  const k = release.k;
  const out: Sensitivity = { count: false, measures: new Map() };
  if (t) {
    out.count = t.n < k;
    for (const m of release.measures) {
      const def = defs.get(m.key)!;
      const s = t.measures[m.key];
      const count = s?.count ?? 0;
      const small = t.n < k || count < k;
      const unanimity = def.kind === 'histogram' && !small && s?.histogram ? nearUnanimity(def, s.histogram) : null;
      out.measures.set(m.key, { exact: small || unanimity !== null, mean: small && count > 0, unanimity });
    }
    return out;
  }
  out.count = cell.status === 'HIDDEN' && cell.reason === 'BELOW_THRESHOLD';
  for (const m of release.measures) {
    const res = cell.measures[m.key];
    const below = (res?.status === 'HIDDEN' && res.reason === 'BELOW_THRESHOLD') || out.count;
    const unanimity = res?.status === 'BANDED' ? res.band.direction : null;
    out.measures.set(m.key, { exact: below || unanimity !== null || out.count, mean: below, unanimity });
  }
  return out;
}

export function isHiddenIn(cell: ReleaseCell, layer: string): boolean {
  if (layer === COUNT_LAYER) return cell.status !== 'PUBLISHED';
  return cell.status !== 'PUBLISHED' || cell.measures[layer]?.status !== 'PUBLISHED';
}
