// Roll-ups (one release over several blocks, e.g. the rounds of a month) and the groups
// their rounds already hid as too small.
//
// A roll-up cell adds up the same group over its rounds. When that group was below k in
// a round (hidden BELOW_THRESHOLD there), the roll-up must not publish it — the sum of
// two small hidden parts pins each of them — and it must not hide it as COMPLEMENTARY
// either: to a reader who sees hiding reasons, "complementary" means n >= k, a lower
// bound on the sum of the rounds' small parts that no round release ever revealed (two
// rounds of a team of 3 with n1 + n2 >= 5 leaves each round at least 2 respondents).
// So such a cell is hidden as BELOW_THRESHOLD ("too few in the roll-up or in one of its
// rounds"), which tells a reader nothing the round's own release did not already say.
// The same holds per question, and for a question a round showed only as a band
// (near-unanimous): the roll-up hides it (never bands or publishes it), as BELOW_THRESHOLD.
// The auditor reads the reason the same way, on its own (audit/facts.ts).
//
// The same goes for a group below k in a round whose release does not show it (a cut the
// round did not publish, a round withheld): in a roll-up the same people may answer every
// round, so a total of k or more answers can come from fewer than k people. Promise 1
// (k respondents behind every figure) holds for a roll-up only if some round's part alone
// reaches k; smallPartsInBlocks() hides the rest as BELOW_THRESHOLD as well (the auditor
// then checks the reason against the data: some round's part really is below k).
//
// A round's group is "the same group" as the roll-up cell's part for that round when the
// round release is a single-block release of one of the roll-up's blocks, with the same
// dimensions, the cell's node holds the same units (among those with people in that
// round) and the same eligible count.

import { ALL, cellKey } from './keys.js';
import type { CellModel, ModelCell, Release } from './model.js';

/** Layer key of respondent counts (question layers use the question key). */
const COUNT = 'n';

/**
 * For a multi-block model: cell key → layers ('n' or question keys) in which a covered round's
 * release hides the same group as BELOW_THRESHOLD (or shows the question only as a band).
 * Empty for single-block models.
 */
export function smallInPriorBlocks(model: CellModel, priors: readonly Release[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  if (model.blocks.length < 2) return out;
  const dimsKey = [...model.dimensions].sort().join('\u0000');
  const childKeys = new Map(model.nodes.map((n) => [n.key, n.childKeys]));
  const nodeUnit = new Map(model.nodes.map((n) => [n.key, n.unitId]));
  const unitsUnder = memoUnits((key) => ({ unitId: nodeUnit.get(key), children: childKeys.get(key) ?? [] }));
  for (const prior of priors) {
    if (prior.blocks.length !== 1 || !model.blocks.includes(prior.blocks[0]!)) continue;
    if ([...prior.dimensions].sort().join('\u0000') !== dimsKey) continue;
    const block = prior.blocks[0]!;
    const atoms = model.atoms.filter((a) => a.block === block);
    const priorChildren = new Map<string, string[]>();
    const priorUnit = new Map(prior.nodes.map((n) => [n.key, n.unitId]));
    for (const n of prior.nodes) if (n.parentKey !== null) priorChildren.set(n.parentKey, [...(priorChildren.get(n.parentKey) ?? []), n.key]);
    const priorUnitsUnder = memoUnits((key) => ({ unitId: priorUnit.get(key), children: priorChildren.get(key) ?? [] }));
    const priorCells = new Map(prior.cells.map((c) => [coordinate(c.nodeKey, c.dims, model.dimensions), c]));
    for (const cell of model.cells) {
      const pc = priorCells.get(coordinate(cell.nodeKey, cell.dims, model.dimensions));
      if (!pc || !priorUnit.has(cell.nodeKey)) continue;
      const layers: string[] = [];
      if (pc.status === 'HIDDEN' && pc.reason === 'BELOW_THRESHOLD') layers.push(COUNT, ...model.measures.map((m) => m.key));
      else if (pc.status === 'PUBLISHED') {
        for (const m of model.measures) {
          const res = pc.measures[m.key];
          // A band counts too: "near-unanimous in round 1" plus round 2's exact figures and a
          // roll-up band (or figure) can prove round 1 unanimous.
          if ((res?.status === 'HIDDEN' && res.reason === 'BELOW_THRESHOLD') || res?.status === 'BANDED') layers.push(m.key);
        }
      }
      if (layers.length === 0) continue;
      if (!samePart(cell, atoms, unitsUnder(cell.nodeKey), priorUnitsUnder(cell.nodeKey), pc.eligible, model.dimensions)) continue;
      const set = out.get(cell.key) ?? new Set<string>();
      for (const l of layers) set.add(l);
      out.set(cell.key, set);
    }
  }
  return out;
}

function coordinate(nodeKey: string, dims: Record<string, string>, dimensions: readonly string[]): string {
  return JSON.stringify([nodeKey, ...[...dimensions].sort().map((d) => dims[d] ?? null)]);
}

function memoUnits(node: (key: string) => { unitId: string | undefined; children: string[] }): (key: string) => Set<string> {
  const memo = new Map<string, Set<string>>();
  const units = (key: string): Set<string> => {
    let set = memo.get(key);
    if (set) return set;
    const n = node(key);
    set = new Set(n.unitId === undefined ? [] : [n.unitId]);
    for (const child of n.children) for (const u of units(child)) set.add(u);
    memo.set(key, set);
    return set;
  };
  return units;
}

/** Whether the round's cell holds exactly the people of the roll-up cell's part for that round. */
function samePart(cell: ModelCell, blockAtoms: CellModel['atoms'], under: Set<string>, priorUnder: Set<string>, priorEligible: number | null, dimensions: readonly string[]): boolean {
  if (priorEligible === null) return false;
  let eligible = 0;
  for (const a of blockAtoms) {
    if (!dimensions.every((d) => cell.dims[d] === ALL || cell.dims[d] === a.dims[d])) continue;
    if (under.has(a.unitId) !== priorUnder.has(a.unitId)) return false;
    if (!under.has(a.unitId)) continue;
    if (a.h === null) return false;
    eligible += a.h;
  }
  return eligible === priorEligible;
}

/**
 * For a multi-block model: cell key → layers ('n' or question keys) in which the cell's part in
 * some covered block (with people eligible there) holds fewer than k respondents (or answers).
 * Empty for single-block models.
 */
export function smallPartsInBlocks(model: CellModel, k: number): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  if (model.blocks.length < 2) return out;
  const nodes = new Map(model.nodes.map((n) => [n.key, n]));
  const leafOf = new Map<string, string>();
  for (const n of model.nodes) if (n.childKeys.length === 0) leafOf.set(n.unitId, n.key);
  const cells = new Set(model.cells.map((c) => c.key));
  // (cell, block) → what that round contributes to the cell.
  const parts = new Map<string, { cell: string; h: number; n: number; counts: Map<string, number> }>();
  for (const a of model.atoms) {
    for (let key = leafOf.get(a.unitId); key !== undefined; key = nodes.get(key)!.parentKey ?? undefined) {
      for (let mask = 0; mask < 1 << model.dimensions.length; mask++) {
        const dims: Record<string, string> = {};
        model.dimensions.forEach((d, i) => (dims[d] = mask & (1 << i) ? ALL : a.dims[d]!));
        const cell = cellKey(key, model.dimensions, dims);
        if (!cells.has(cell)) continue;
        const id = `${cell}\u0000${a.block}`;
        const part = parts.get(id) ?? { cell, h: 0, n: 0, counts: new Map<string, number>() };
        part.h += a.h ?? Infinity;
        part.n += a.n;
        for (const m of model.measures) part.counts.set(m.key, (part.counts.get(m.key) ?? 0) + (a.measures[m.key]?.count ?? 0));
        parts.set(id, part);
      }
    }
  }
  for (const part of parts.values()) {
    if (part.h === 0) continue;
    const layers = part.n < k ? [COUNT, ...model.measures.map((m) => m.key)] : model.measures.filter((m) => (part.counts.get(m.key) ?? 0) < k).map((m) => m.key);
    if (layers.length === 0) continue;
    const set = out.get(part.cell) ?? new Set<string>();
    for (const l of layers) set.add(l);
    out.set(part.cell, set);
  }
  return out;
}

/** Union of two cell → layers maps. */
export function mergeLayers(a: Map<string, Set<string>>, b: Map<string, Set<string>>): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const m of [a, b]) for (const [key, layers] of m) out.set(key, new Set([...(out.get(key) ?? []), ...layers]));
  return out;
}
