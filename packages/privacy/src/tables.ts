// Which cells a release publishes (as figures, or as "hidden"). The cell model is
// the full cross-classification: org node × every dimension's value or ALL. By
// default a release holds only what the product shows:
//   * every org node with all dimensions ALL (the heatmap), and
//   * one-dimension cuts (one dimension = a value, the others ALL) for nodes big enough
//     to be worth cutting — at least `minEligible` eligible people — and for all their
//     siblings when one of them is cut.
// Every other cell of the cross-classification is *latent*: never published, but still
// a group of real people. The suppressor treats latent cells as hidden (they are free
// partners for protection patterns), and the auditor treats them as unknowns and checks
// that none of them can be worked out exactly (see README, "Tables").
//
// Why siblings: if P is cut and only some of its children are, "P's Paris minus the cut
// children's Paris" is the Paris part of the other children together — a group that is
// not a cell of any table. Cutting all children of P (or none) means every linear fact an
// attacker gets is about a cell of the cross-classification.

import type { Grid } from './grid.js';
import { coordsOf } from './grid.js';

export interface TablePolicy {
  /**
   * Publish crossed cells (two or more dimensions set at once). Default false: one-dimension
   * tables that share the ALL margins.
   */
  crossed?: boolean;
  /**
   * Demographic cuts only for org nodes with at least this many eligible people (and their
   * siblings). Default 10·k. 0 cuts every node.
   */
  minEligible?: number;
}

export const DEFAULT_CUT_FACTOR = 10;

/** Per grid index: 1 when the cell exists but is not part of the release (latent). */
export function latentCells(grid: Grid, k: number, policy: TablePolicy = {}): Uint8Array {
  const crossed = policy.crossed ?? false;
  const minEligible = policy.minEligible ?? DEFAULT_CUT_FACTOR * k;
  const nodes = grid.nodeKeys.length;
  const eligible = (node: number): number => grid.cells[node * grid.combos]?.h ?? Infinity;
  // Big nodes, then all children of a big node that has a big child. Nodes are sorted top-down.
  const big = new Uint8Array(nodes);
  for (let n = 0; n < nodes; n++) big[n] = eligible(n) >= minEligible ? 1 : 0;
  const cut = Uint8Array.from(big);
  for (let n = 0; n < nodes; n++) {
    if (!big[n]) continue;
    const kids = grid.children[n]!;
    if (kids.some((c) => big[c])) for (const c of kids) cut[c] = 1;
  }
  const latent = new Uint8Array(grid.cells.length);
  for (let n = 0; n < nodes; n++) {
    for (let combo = 0; combo < grid.combos; combo++) {
      const g = n * grid.combos + combo;
      if (grid.cells[g] === undefined || combo === 0) continue;
      const set = coordsOf(grid, combo).filter((x) => x !== 0).length;
      const shown = cut[n] === 1 && (crossed || set <= 1);
      if (!shown) latent[g] = 1;
    }
  }
  return latent;
}
