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
// A round's group is "the same group" as the roll-up cell's part for that round when the
// round release is a single-block release of one of the roll-up's blocks, with the same
// dimensions, the cell's node holds the same units (among those with people in that
// round) and the same eligible count.

import { ALL } from './keys.js';
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
