// A release that holds only whole-node totals (every dimension ALL), with linked releases that do
// too, is audited on one unknown per (round, unit) instead of one per atom.
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
// of columns that needs pinned (cautious) LPs.
//
// The exact test moves too. Every published value is a whole-unit sum, so what an attacker can
// work out exactly is a combination of units; a group of the cross-classification the release
// does not hold (latent) can only be worked out when it is a union of whole units (a team all in
// one city). Those groups are added to the view, each as the sum of its units, so the elimination
// finds exactly the groups the atoms' elimination finds (a unit's unknown can now be a published
// value itself, so the exact test also reads hidden cells and latent groups off published unknowns).
// A property test compares the two audits on random releases, and the bench's fingerprint the
// releases the job publishes.

import { ALL, cellKey } from '../keys.js';
import type { Release } from '../model.js';
import { atomId, type LinearSystem } from './system.js';

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

/**
 * A unit-level system plus the latent groups of `release` (its own view: dimensions and atoms)
 * that are unions of whole leaf units, as the sum of those units (or as the unit, or a node's
 * total, they equal). Attributed as latent, so the exact test judges them like the atoms' system.
 * A copy: the bound checks keep the system without them — each new unknown is only defined by
 * its units and constrains nothing, but its row would join regions the LPs keep apart.
 */
export function withWholeUnitGroups(base: LinearSystem, release: Release): LinearSystem {
  if (release.atoms.length === 0 || release.dimensions.length === 0) return base;
  const system: LinearSystem = {
    ...base,
    variables: [...base.variables],
    rows: [...base.rows],
    groupVar: new Map([...base.groupVar, [release.releaseId, new Map(base.groupVar.get(release.releaseId))]]),
  };
  const dimensions = release.dimensions;
  const block = release.blocks[0]!;
  const children = new Map<string, string[]>();
  const push = <T>(map: Map<string, T[]>, key: string, item: T): void => {
    const list = map.get(key);
    if (list) list.push(item);
    else map.set(key, [item]);
  };
  for (const n of release.nodes) if (n.parentKey !== null) push(children, n.parentKey, n.key);
  const leafOf = new Map<string, string>(); // as in buildLinearSystem: a unit's people sit in its "(direct)" node or its leaf
  for (const n of release.nodes) if (!children.has(n.key) && (n.direct || !leafOf.has(n.unitId))) leafOf.set(n.unitId, n.key);
  const leafVar = new Map<string, number>();
  const atomsOf = new Map<string, Record<string, string>[]>();
  for (const n of release.nodes) {
    if (children.has(n.key) || leafOf.get(n.unitId) !== n.key) continue;
    const v = system.atomVar.get(atomId(block, n.unitId, {}));
    if (v !== undefined) leafVar.set(n.key, v);
  }
  for (const a of release.atoms) {
    const leaf = leafOf.get(a.unitId);
    if (leaf !== undefined) push(atomsOf, leaf, a.dims);
  }
  const leavesUnder = new Map<string, string[]>();
  const collect = (key: string): string[] => {
    const kids = children.get(key);
    const out = kids ? kids.flatMap(collect) : atomsOf.has(key) ? [key] : [];
    leavesUnder.set(key, out);
    return out;
  };
  for (const n of release.nodes) if (n.parentKey === null) collect(n.key);

  const value = (dims: Record<string, string>, d: string): string => dims[d] ?? '';
  // Groups (a value for some dimensions, ALL for the rest) holding every atom of a leaf.
  const covering = new Map<string, Record<string, string>[]>();
  for (const [leaf, atoms] of atomsOf) {
    const single = dimensions.map((d) => (atoms.every((a) => value(a, d) === value(atoms[0]!, d)) ? value(atoms[0]!, d) : undefined));
    const out: Record<string, string>[] = [];
    for (let mask = 1; mask < 1 << dimensions.length; mask++) {
      if (dimensions.some((_, i) => mask & (1 << i) && single[i] === undefined)) continue;
      out.push(Object.fromEntries(dimensions.map((d, i) => [d, mask & (1 << i) ? single[i]! : ALL])));
    }
    covering.set(leaf, out);
  }
  const matching = (leaf: string, group: Record<string, string>): number =>
    atomsOf.get(leaf)!.filter((a) => dimensions.every((d) => group[d] === ALL || value(a, d) === group[d])).length;

  // One variable per distinct union of units: the unit itself, a node's total, or a new sum.
  const bySet = new Map<string, number>();
  const signature = (leaves: string[]): string => leaves.map((l) => leafVar.get(l)!).sort((a, b) => a - b).join(',');
  const totals = system.cellVar.get(release.releaseId)!;
  for (const c of release.cells) {
    const leaves = leavesUnder.get(c.nodeKey);
    if (leaves && leaves.length > 0 && leaves.every((l) => leafVar.has(l))) bySet.set(signature(leaves), totals.get(c.key)!);
  }
  const groups = system.groupVar.get(release.releaseId)!;
  for (const n of release.nodes) {
    const leaves = (leavesUnder.get(n.key) ?? []).filter((l) => leafVar.has(l));
    const candidates = new Map<string, Record<string, string>>();
    for (const l of leaves) for (const g of covering.get(l)!) candidates.set(JSON.stringify(dimensions.map((d) => g[d])), g);
    for (const group of candidates.values()) {
      const whole: string[] = [];
      let partial = false;
      for (const l of leaves) {
        const m = matching(l, group);
        if (m === atomsOf.get(l)!.length) whole.push(l);
        else if (m > 0) partial = true;
        if (partial) break;
      }
      if (partial || whole.length === 0) continue;
      const key = signature(whole);
      let v = bySet.get(key);
      if (v === undefined) {
        v = system.variables.length;
        system.variables.push({ eligible: Infinity, cells: [], latent: [] });
        const parts = whole.map((l) => leafVar.get(l)!);
        system.rows.push({ vars: [v, ...parts], coefs: [1, ...parts.map(() => -1)] });
        bySet.set(key, v);
      }
      const latentKey = cellKey(n.key, dimensions, group);
      const variable = system.variables[v]!;
      system.variables[v] = { ...variable, latent: [...variable.latent, { releaseId: release.releaseId, cellKey: latentKey }] };
      groups.set(latentKey, v);
    }
  }
  return system;
}
