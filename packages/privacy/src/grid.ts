// Dense index of the cell model for the suppressor: node × (dim1 coord) × (dim2 coord),
// where coordinate 0 of every dimension is ALL. Cells with no eligible people are
// absent (structural zeros) and can never be part of a protection pattern.

import { compareStrings } from './keys.js';
import type { CellModel, ModelCell } from './model.js';
import { ALL } from './keys.js';

export interface Grid {
  model: CellModel;
  /** Node keys in top-down order (depth, then key): index = node id. */
  nodeKeys: string[];
  parent: Int32Array;
  children: number[][];
  /** Per dimension: 1 + number of values (coordinate 0 = ALL). */
  dimSizes: number[];
  strides: number[];
  /** Number of dimension combinations per node. */
  combos: number;
  /** Grid index → model cell, or undefined for a structural zero. */
  cells: (ModelCell | undefined)[];
  byKey: Map<string, number>;
}

export function buildGrid(model: CellModel): Grid {
  const nodes = [...model.nodes].sort((a, b) => a.depth - b.depth || compareStrings(a.key, b.key));
  const nodeIndex = new Map(nodes.map((n, i) => [n.key, i]));
  const parent = Int32Array.from(nodes, (n) => (n.parentKey === null ? -1 : nodeIndex.get(n.parentKey)!));
  const children = nodes.map((n) => n.childKeys.map((k) => nodeIndex.get(k)!).sort((a, b) => a - b));
  const dimSizes = model.dimensions.map((d) => 1 + model.dimValues[d]!.length);
  const strides: number[] = [];
  let combos = 1;
  for (const size of dimSizes) {
    strides.push(combos);
    combos *= size;
  }
  const valueIndex = model.dimensions.map((d) => new Map(model.dimValues[d]!.map((v, i) => [v, i + 1])));
  const cells: (ModelCell | undefined)[] = new Array(nodes.length * combos).fill(undefined);
  const byKey = new Map<string, number>();
  for (const c of model.cells) {
    let combo = 0;
    model.dimensions.forEach((d, i) => {
      const v = c.dims[d]!;
      combo += (v === ALL ? 0 : valueIndex[i]!.get(v)!) * strides[i]!;
    });
    const g = nodeIndex.get(c.nodeKey)! * combos + combo;
    cells[g] = c;
    byKey.set(c.key, g);
  }
  return { model, nodeKeys: nodes.map((n) => n.key), parent, children, dimSizes, strides, combos, cells, byKey };
}

export function coordsOf(grid: Grid, combo: number): number[] {
  return grid.dimSizes.map((size, i) => Math.floor(combo / grid.strides[i]!) % size);
}

/**
 * Cells sharing a linear relation with cell g: its siblings and parent, its
 * children, and the other values of each dimension (margin included).
 */
export function relationNeighbours(grid: Grid, g: number): number[] {
  const node = Math.floor(g / grid.combos);
  const combo = g % grid.combos;
  const out = new Set<number>();
  const p = grid.parent[node]!;
  if (p >= 0) {
    out.add(p * grid.combos + combo);
    for (const s of grid.children[p]!) out.add(s * grid.combos + combo);
  }
  for (const c of grid.children[node]!) out.add(c * grid.combos + combo);
  const coords = coordsOf(grid, combo);
  grid.dimSizes.forEach((size, i) => {
    for (let v = 0; v < size; v++) out.add(node * grid.combos + combo + (v - coords[i]!) * grid.strides[i]!);
  });
  out.delete(g);
  return [...out].filter((x) => grid.cells[x] !== undefined).sort((a, b) => a - b);
}
