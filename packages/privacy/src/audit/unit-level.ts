// The bound checks of a release that holds only whole-node totals (every dimension ALL), with
// linked releases that do too, run on one unknown per (round, unit) instead of one per atom.
//
// Why that is exact, not an approximation: every relation, published value, hiding reason and
// band of such releases is about whole units, so the atoms of one unit appear only through their
// sum. Each atom's own constraints form a cone cut by its headcount (0 <= n <= h, bins >= 0,
// answers <= n, answers = n when nobody skipped, min·n <= sum <= max·n), and the sum of such sets
// over a unit's atoms is the same cone cut by the unit's headcount (scale a unit point by each
// atom's share of the headcount). An insider's "my atom holds one answer a" shifts their atom's
// set by that one answer; the sum is the unit's set shifted the same way (give the insider's atom
// the answer and as much of the rest as its headcount allows, the other atoms the remainder). So
// the attacker's feasible set, seen on units, is the same polytope, and every min and max the LPs
// compute is the same — on a few hundred unknowns instead of a region of hundreds of thousands
// of columns that needs pinned (cautious) LPs. The exact and residual tests still run on the atoms
// (latent groups are checked there); only the interval bounds move. A property test compares the
// two on random releases.

import type { Release } from '../model.js';
import { ALL } from '../keys.js';

/**
 * The releases seen on units — no dimensions, no atoms, each leaf node's eligible count capped by
 * its atoms' — or undefined when some release holds a demographic cut or covers several rounds.
 */
export function unitLevelReleases(releases: readonly Release[]): Release[] | undefined {
  const totalsOnly = (r: Release) => r.blocks.length === 1 && r.cells.every((c) => r.dimensions.every((d) => (c.dims[d] ?? ALL) === ALL));
  if (!releases.every(totalsOnly)) return undefined;
  return releases.map((r) => {
    // The atoms' headcounts bound a leaf's count too (they sum to its eligible count): keep the
    // smaller of the two, so the view never loosens a bound the atoms set.
    const atomEligible = new Map<string, number>();
    for (const a of r.atoms) atomEligible.set(a.unitId, (atomEligible.get(a.unitId) ?? 0) + (a.eligible ?? Infinity));
    const parents = new Set(r.nodes.map((n) => n.parentKey));
    const leafUnit = new Map(r.nodes.filter((n) => !parents.has(n.key)).map((n) => [n.key, n.unitId]));
    return {
      ...r,
      dimensions: [],
      dimValues: {},
      atoms: [],
      cells: r.cells.map((c) => {
        const unitId = leafUnit.get(c.nodeKey);
        const cap = unitId === undefined ? undefined : atomEligible.get(unitId);
        const eligible = cap === undefined ? c.eligible : Math.min(c.eligible ?? Infinity, cap);
        return { ...c, dims: {}, eligible: eligible === Infinity ? null : eligible };
      }),
    };
  });
}
