// What a BELOW_THRESHOLD reason on a roll-up cell tells a reader who sees reasons.
//
// In a release over one block it means n <= k - 1. In a roll-up (several blocks) the
// suppressor also uses it for a group that was below k in one of the covered rounds, so
// there it means "n <= k - 1, or some round's part of the group was below k" (for a
// question: "or was shown only as a band"). When a linked single-block release of one of
// those rounds hides exactly that part as BELOW_THRESHOLD (or bands it), the reader knows
// the second half already, so the reason adds nothing
// and no bound may be taken from it. Otherwise the auditor keeps n <= k - 1: a bound the
// reader might not really have only narrows what the auditor lets an attacker infer, so
// it can only make the audit stricter.
//
// The suppressor also hides as BELOW_THRESHOLD a roll-up group whose part in some round is
// below k while no release shows that (a cut the round did not publish). Then the reader
// knows only the disjunction. The auditor, which has the current release's data, keeps the
// half that is true: "this round's part is at most k - 1" (a row over that round's atoms).
// The attacker's feasible set is the union over the halves; the auditor checks one piece
// of it that holds the truth, so its intervals can only be narrower than the attacker's.
// A BELOW_THRESHOLD that nothing explains fails the audit.
//
// Written for the auditor from the releases alone (node trees, atoms, cells); it shares
// nothing with the suppressor's version.

import type { CellModel, Release, ReleaseCell } from '../model.js';
import { atomId } from './system.js';

const COUNT_LAYER = 'n';

/** releaseId → cell key → layers in which BELOW_THRESHOLD tells nothing new. */
export type ImpliedBelow = Map<string, Map<string, Set<string>>>;

export function impliedBelowThreshold(releases: readonly Release[]): ImpliedBelow {
  const out: ImpliedBelow = new Map();
  const singles = releases.filter((r) => r.blocks.length === 1);
  for (const r of releases) {
    if (r.blocks.length < 2) continue;
    const dims = sortedDims(r);
    const perCell = new Map<string, Set<string>>();
    out.set(r.releaseId, perCell);
    const under = subtreeUnits(r);
    for (const p of singles) {
      const block = p.blocks[0]!;
      if (!r.blocks.includes(block) || sortedDims(p) !== dims) continue;
      const pUnder = subtreeUnits(p);
      const pCells = new Map(p.cells.map((c) => [place(c, r.dimensions), c]));
      const atoms = r.atoms.filter((a) => a.block === block);
      for (const c of r.cells) {
        const hiddenBelow = (c.status === 'HIDDEN' && c.reason === 'BELOW_THRESHOLD') || Object.values(c.measures).some((m) => m.status === 'HIDDEN' && m.reason === 'BELOW_THRESHOLD');
        if (!hiddenBelow) continue;
        const pc = pCells.get(place(c, r.dimensions));
        if (!pc || pc.eligible === null) continue;
        const layers = smallLayers(pc, r);
        if (layers.length === 0) continue;
        // Same people: the roll-up's atoms of this block that fall in the cell are exactly the
        // ones the round's node holds, with the round's eligible count.
        const mine = under.get(c.nodeKey);
        const theirs = pUnder.get(c.nodeKey);
        if (!mine || !theirs) continue;
        let eligible = 0;
        let same = true;
        for (const a of atoms) {
          if (!r.dimensions.every((d) => c.dims[d] === '*' || c.dims[d] === a.dims[d])) continue;
          if (mine.has(a.unitId) !== theirs.has(a.unitId) || (mine.has(a.unitId) && a.eligible === null)) {
            same = false;
            break;
          }
          if (mine.has(a.unitId)) eligible += a.eligible!;
        }
        if (!same || eligible !== pc.eligible) continue;
        const set = perCell.get(c.key) ?? new Set<string>();
        for (const l of layers) set.add(l);
        perCell.set(c.key, set);
      }
    }
  }
  return out;
}

function sortedDims(r: Release): string {
  return [...r.dimensions].sort().join('\u0000');
}

function place(c: ReleaseCell, dimensions: readonly string[]): string {
  return JSON.stringify([c.nodeKey, ...[...dimensions].sort().map((d) => c.dims[d] ?? null)]);
}

/** Layers in which the round's cell is hidden as below k or banded (a hidden cell counts for every layer). */
function smallLayers(pc: ReleaseCell, rollUp: Release): string[] {
  if (pc.status === 'HIDDEN') return pc.reason === 'BELOW_THRESHOLD' ? [COUNT_LAYER, ...rollUp.measures.map((m) => m.key)] : [];
  return rollUp.measures.flatMap((m) => {
    const res = pc.measures[m.key];
    return (res?.status === 'HIDDEN' && res.reason === 'BELOW_THRESHOLD') || res?.status === 'BANDED' ? [m.key] : [];
  });
}

/** Node key → every unit id in its subtree (its own included). */
function subtreeUnits(r: Release): Map<string, Set<string>> {
  const children = new Map<string, string[]>();
  for (const n of r.nodes) if (n.parentKey !== null) children.set(n.parentKey, [...(children.get(n.parentKey) ?? []), n.key]);
  const unit = new Map(r.nodes.map((n) => [n.key, n.unitId]));
  const out = new Map<string, Set<string>>();
  const visit = (key: string): Set<string> => {
    const known = out.get(key);
    if (known) return known;
    const set = new Set<string>([unit.get(key)!]);
    for (const child of children.get(key) ?? []) for (const u of visit(child)) set.add(u);
    out.set(key, set);
    return set;
  };
  for (const n of r.nodes) visit(n.key);
  return out;
}

/** A round's part of a current-release cell that the data show below k: its atom variables. */
export interface PartCap {
  cellKey: string;
  layer: string;
  block: string;
  vars: number[];
}

/**
 * For each BELOW_THRESHOLD of the current (multi-block) release whose total is k or more and
 * that no linked round release explains: the first block (in the release's order) whose part
 * is below k in the data, as a cap to add; or nothing when no part is (the reason is false).
 */
export function partCaps(
  release: Release,
  truth: CellModel,
  explained: Map<string, Set<string>> | undefined,
  atomVar: (id: string) => number | undefined,
): { caps: PartCap[]; unexplained: { cellKey: string; layer: string }[] } {
  const caps: PartCap[] = [];
  const unexplained: { cellKey: string; layer: string }[] = [];
  const truthCells = new Map(truth.cells.map((c) => [c.key, c]));
  const under = subtreeUnits(release);
  for (const c of release.cells) {
    const t = truthCells.get(c.key);
    if (!t) continue;
    const asks: string[] = [];
    if (c.status === 'HIDDEN' && c.reason === 'BELOW_THRESHOLD' && t.n >= release.k) asks.push(COUNT_LAYER);
    if (c.status === 'PUBLISHED') {
      for (const [key, res] of Object.entries(c.measures)) {
        if (res.status === 'HIDDEN' && res.reason === 'BELOW_THRESHOLD' && (t.measures[key]?.count ?? 0) >= release.k) asks.push(key);
      }
    }
    const open = asks.filter((layer) => !(explained?.get(c.key)?.has(layer) ?? false));
    if (open.length === 0) continue;
    const units = under.get(c.nodeKey) ?? new Set<string>();
    const parts = new Map<string, { h: number; n: number; counts: Map<string, number>; vars: number[]; complete: boolean }>();
    for (const a of truth.atoms) {
      if (!units.has(a.unitId) || !release.dimensions.every((d) => c.dims[d] === '*' || c.dims[d] === a.dims[d])) continue;
      const part = parts.get(a.block) ?? { h: 0, n: 0, counts: new Map<string, number>(), vars: [], complete: true };
      part.h += a.h ?? Infinity;
      part.n += a.n;
      for (const [key, m] of Object.entries(a.measures)) part.counts.set(key, (part.counts.get(key) ?? 0) + m.count);
      const v = atomVar(atomId(a.block, a.unitId, a.dims));
      // A cap over only some of the part's atoms would let the LP go beyond what the reader knows.
      if (v === undefined) part.complete = false;
      else part.vars.push(v);
      parts.set(a.block, part);
    }
    for (const layer of open) {
      const block = release.blocks.find((b) => {
        const p = parts.get(b);
        if (!p || p.h === 0 || !p.complete || p.vars.length === 0) return false;
        return (layer === COUNT_LAYER ? p.n : (p.counts.get(layer) ?? 0)) < release.k;
      });
      if (block === undefined) unexplained.push({ cellKey: c.key, layer });
      else caps.push({ cellKey: c.key, layer, block, vars: parts.get(block)!.vars });
    }
  }
  return { caps, unexplained };
}
