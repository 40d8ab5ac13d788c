// Complementary suppression, modular and top-down in the spirit of τ-Argus (HiTaS).
//
// The table is org node × dimension values, with margins. Its linear relations
// are local: a node equals the sum of its children (the "(direct)" node is one of
// them) for every combination of dimension values, and an ALL value equals the
// sum over the values of that dimension. The sub-table of node P is P and its
// children crossed with the dimensions; it shares P's row with the sub-table of
// P's parent and each child's row with that child's own sub-table.
//
// We walk sub-tables from the root down. Every hidden cell that is not yet
// protected gets the cheapest hypercube-style pattern around it:
//   * in each dimension, one other coordinate (another value, or the margin);
//   * in the tree, either a sibling, or the parent — which puts the pattern into
//     the parent's sub-table, where it needs a sibling there, and so on upwards.
// A hypercube corner on an inner node changes that node's own sub-table, so the
// pattern is extended into it at once, with the same dimension coordinates, down
// a chain of children to a leaf ("re-solving the linked sub-table"). The result is
// always a closed pattern: a direction in which all its cells can move together
// without changing any published cell or breaking any relation. That makes each
// of them impossible to derive exactly, and we only accept patterns that let a
// small cell move over its whole a-priori range ([0, min(h, k-1)]), so an attacker
// cannot narrow its count either. Cost = sum of (n + 1) over newly hidden cells,
// so small cells are hidden rather than big ones; ties go to the first pattern in
// a fixed order, so the result is deterministic.
//
// Passes repeat until every hidden cell is covered (a fixed point). The
// independent auditor then checks the result against everything an attacker
// knows; what this heuristic misses is fixed in protect.ts.

import type { Grid } from './grid.js';
import { coordsOf } from './grid.js';

export const Reason = {
  NONE: 0,
  BELOW_THRESHOLD: 1,
  COMPLEMENTARY: 2,
  BANDED: 3,
  /** Hidden because the whole cell is hidden (question layers only). */
  CELL: 4,
  /** Not part of the release's tables (see tables.ts): never shown, a free pattern partner. */
  LATENT: 5,
} as const;

/** One layer of values protected with one hidden pattern: respondent counts, or one question. */
export interface Layer {
  k: number;
  /** Attacker model: do hiding reasons reveal bounds (BELOW ⇒ < k, COMPLEMENTARY ⇒ >= k)? */
  seesReasons: boolean;
  /** Per grid index: the protected count (n, or answers to the question). */
  value: Float64Array;
  /** Per grid index: known upper bound of the value (Infinity if unknown). */
  upper: Float64Array;
  hidden: Uint8Array;
  reason: Uint8Array;
  /** Needs protection over its whole a-priori interval. */
  sensitive: Uint8Array;
  /** Already inside a closed pattern (with full range when sensitive). */
  covered: Uint8Array;
  /** What an attacker knows about a hidden value from its reason: [lo, hi]. */
  lo: Float64Array;
  hi: Float64Array;
  /** The auditor found this cell under-protected: its next pattern must hide something new. */
  boost: Uint8Array;
}

export function newLayer(size: number, k: number, seesReasons: boolean): Layer {
  return {
    k,
    seesReasons,
    value: new Float64Array(size),
    upper: new Float64Array(size).fill(Infinity),
    hidden: new Uint8Array(size),
    reason: new Uint8Array(size),
    sensitive: new Uint8Array(size),
    covered: new Uint8Array(size),
    lo: new Float64Array(size),
    hi: new Float64Array(size).fill(Infinity),
    boost: new Uint8Array(size),
  };
}

/** Bounds an attacker knows for a published-size value once it is hidden as complementary. */
function complementaryBounds(layer: Layer, g: number): [number, number] {
  return [layer.seesReasons ? Math.min(layer.k, layer.value[g]!) : 0, layer.upper[g]!];
}

/** Hides g as a complementary cell. */
export function hideComplementary(layer: Layer, g: number): void {
  if (layer.hidden[g]) return;
  layer.hidden[g] = 1;
  layer.reason[g] = Reason.COMPLEMENTARY;
  [layer.lo[g], layer.hi[g]] = complementaryBounds(layer, g);
}

/**
 * Room a sensitive value needs. When its a-priori interval holds at least k values: k possible
 * values (width k-1, any split) — the auditor's count rule. Smaller groups cannot have that;
 * they must at least be able to shrink to one respondent, which keeps their mean uncertain.
 */
export function requiredRoom(layer: Layer, g: number): { width: number; down: number } {
  if (!layer.sensitive[g]) return { width: 0, down: 0 };
  if (layer.hi[g]! - layer.lo[g]! >= layer.k - 1) return { width: layer.k - 1, down: 0 };
  const down = Math.max(0, Math.min(layer.value[g]! - 1, layer.value[g]! - layer.lo[g]!));
  return { width: down, down };
}

/** Whether a pattern alone gives cell h the room it needs. */
function roomSatisfied(layer: Layer, h: number, up: number, down: number): boolean {
  const need = requiredRoom(layer, h);
  return up + down >= need.width - 1e-9 && down >= need.down - 1e-9;
}

interface Corner {
  combo: number;
  sign: number;
}

/** A pattern: the same dimension corners on every node of a signed tree chain. */
interface Pattern {
  corners: Corner[];
  nodes: [node: number, sign: number][];
}

/** Every choice of "other coordinate" per dimension, with the sign of each corner. */
function rectangles(grid: Grid, combo: number): Corner[][] {
  const x = coordsOf(grid, combo);
  let choices: number[][] = [[]];
  grid.dimSizes.forEach((size, i) => {
    const next: number[][] = [];
    for (const partial of choices) for (let y = 0; y < size; y++) if (y !== x[i]) next.push([...partial, y]);
    choices = next;
  });
  const d = grid.dimSizes.length;
  return choices.map((y) => {
    const corners: Corner[] = [];
    for (let mask = 0; mask < 1 << d; mask++) {
      let c = 0;
      let sign = 1;
      for (let i = 0; i < d; i++) {
        const useY = (mask >> i) & 1;
        const coord = useY ? y[i]! : x[i]!;
        c += coord * grid.strides[i]!;
        // A value and another value move in opposite directions; a value and its margin move together.
        if (useY && x[i] !== 0 && y[i] !== 0) sign = -sign;
      }
      corners.push({ combo: c, sign });
    }
    return corners;
  });
}

/** Room already promised to earlier patterns of the same target: cell → [up, down]. */
type Used = Map<number, [number, number]>;

/**
 * Cheapest closed pattern containing cell g along which g can move up by needUp
 * and down by needDown without any cell leaving its known bounds, or null.
 *
 * Branch and bound: costs only add up (every term is >= 0), so a chain or a climb that already
 * costs as much as the best pattern found so far cannot beat it and is not explored further.
 * Only strictly cheaper patterns ever replaced the best one, so the result is the same pattern
 * the exhaustive search finds (same cost, same tie-breaking order).
 */
function bestPattern(grid: Grid, layer: Layer, g: number, needUp: number, needDown: number, used: Used, splitFree: Uint8Array): { cost: number; pattern: Pattern } | null {
  const X = Math.floor(g / grid.combos);
  const combo = g % grid.combos;
  const nodeCount = grid.nodeKeys.length;
  let best: { cost: number; pattern: Pattern } | null = null;
  const bestCost = (): number => best?.cost ?? Infinity;
  // A total whose pattern stays on totals: see splitFreeNodes. Only on nodes it holds for.
  const marginOnly: Corner[] = [{ combo: 0, sign: 1 }];
  const cornerSets = combo === 0 && grid.combos > 1 ? [marginOnly, ...rectangles(grid, combo)] : rectangles(grid, combo);
  // Per (node, sign) slot and corner set (epoch): the chain's exact cost and first-cheapest child,
  // or a lower bound when a budget cut the search short.
  const exact = new Float64Array(2 * nodeCount);
  const exactAt = new Int32Array(2 * nodeCount);
  const bestChild = new Int32Array(2 * nodeCount);
  const bound = new Float64Array(2 * nodeCount);
  const boundAt = new Int32Array(2 * nodeCount);
  let epoch = 0;

  for (const corners of cornerSets) {
    epoch++;
    const cornerCost = (Z: number, s: number): number => {
      if (corners === marginOnly && !splitFree[Z]) return Infinity;
      let cost = 0;
      for (const { combo: c, sign } of corners) {
        const h = Z * grid.combos + c;
        if (grid.cells[h] === undefined) return Infinity;
        const e = s * sign;
        const v = layer.value[h]!;
        const hidden = layer.hidden[h] === 1;
        // A published cell's bounds once hidden: complementaryBounds, without the tuple.
        const lo = hidden ? layer.lo[h]! : layer.seesReasons ? Math.min(layer.k, v) : 0;
        const hi = hidden ? layer.hi[h]! : layer.upper[h]!;
        const u = used.get(h);
        const up = e > 0 ? needUp : needDown;
        const down = e > 0 ? needDown : needUp;
        if (hi - v - (u ? u[0] : 0) < up || v - lo - (u ? u[1] : 0) < down) return Infinity;
        if (!hidden) cost += v + 1;
      }
      return cost;
    };
    // Cheapest way to balance node Z moving with sign s: its corners plus a chain down to a leaf.
    // Exact when below `budget`; otherwise some lower bound that is at least `budget`.
    const chain = (Z: number, s: number, budget: number): number => {
      const slot = 2 * Z + (s > 0 ? 1 : 0);
      if (exactAt[slot] === epoch) return exact[slot]!;
      if (boundAt[slot] === epoch && bound[slot]! >= budget) return bound[slot]!;
      const own = cornerCost(Z, s);
      const kids = grid.children[Z]!;
      if (own === Infinity || kids.length === 0 || own >= budget) {
        if (own === Infinity || kids.length === 0) {
          exactAt[slot] = epoch;
          exact[slot] = own;
          bestChild[slot] = -1;
        } else {
          boundAt[slot] = epoch;
          bound[slot] = own;
        }
        return own;
      }
      let below = Infinity;
      let argmin = -1;
      let floor = Infinity; // smallest lower bound among the children cut short
      for (const c of kids) {
        const cap = Math.min(below, budget - own);
        const cc = chain(c, s, cap);
        if (cc < cap) [below, argmin] = [cc, c];
        else if (cc < floor) floor = cc;
      }
      if (own + below < budget) {
        exactAt[slot] = epoch;
        exact[slot] = own + below;
        bestChild[slot] = argmin;
        return own + below;
      }
      const lower = own + Math.min(below, floor);
      boundAt[slot] = epoch;
      bound[slot] = lower;
      return lower;
    };
    const chainNodes = (Z: number, s: number, out: [number, number][]): void => {
      for (let n = Z; n >= 0; n = bestChild[2 * n + (s > 0 ? 1 : 0)]!) out.push([n, s]);
    };
    const consider = (cost: number, build: () => [number, number][]): void => {
      if (cost === 0 && layer.boost[g]) return; // a re-protection must add something
      if (cost < bestCost()) best = { cost, pattern: { corners, nodes: build() } };
    };

    const base = chain(X, 1, bestCost());
    if (base >= bestCost()) continue;
    // Walk up: at each level the pattern closes with a sibling (moving the other way), or climbs to the parent.
    const path: number[] = [X];
    let pathCost = 0;
    for (let A = X; base + pathCost < bestCost(); ) {
      const P = grid.parent[A]!;
      if (P < 0) {
        consider(base + pathCost, () => {
          const out: [number, number][] = [];
          chainNodes(X, 1, out);
          for (const n of path.slice(1)) out.push([n, 1]);
          return out;
        });
        break;
      }
      for (const B of grid.children[P]!) {
        if (B === A) continue;
        const spent = base + pathCost;
        const sibling = chain(B, -1, bestCost() - spent);
        consider(spent + sibling, () => {
          const out: [number, number][] = [];
          chainNodes(X, 1, out);
          for (const n of path.slice(1)) out.push([n, 1]);
          chainNodes(B, -1, out);
          return out;
        });
      }
      const up = cornerCost(P, 1);
      if (up === Infinity) break;
      pathCost += up;
      path.push(P);
      A = P;
    }
  }
  return best;
}

function patternCells(grid: Grid, pattern: Pattern): [number, number][] {
  const cells: [number, number][] = [];
  for (const [node, s] of pattern.nodes) for (const { combo, sign } of pattern.corners) cells.push([node * grid.combos + combo, s * sign]);
  return cells;
}

/** Hides every cell of the pattern and marks the other cells it fully protects on its own. */
function applyPattern(grid: Grid, layer: Layer, pattern: Pattern): void {
  const cells = patternCells(grid, pattern);
  for (const [h] of cells) hideComplementary(layer, h);
  // How far the whole pattern can move (t) without leaving any cell's known bounds.
  let tLo = -Infinity;
  let tHi = Infinity;
  for (const [h, e] of cells) {
    const v = layer.value[h]!;
    const [a, b] = e > 0 ? [layer.lo[h]! - v, layer.hi[h]! - v] : [v - layer.hi[h]!, v - layer.lo[h]!];
    tLo = Math.max(tLo, a);
    tHi = Math.min(tHi, b);
  }
  for (const [h, e] of cells) {
    // Room of cell h along this pattern: t moves h by e*t.
    const [up, down] = e > 0 ? [tHi, -tLo] : [-tLo, tHi];
    if (roomSatisfied(layer, h, up, down)) layer.covered[h] = 1;
  }
}

/**
 * Protects one hidden cell: the cheapest single pattern giving it its whole
 * required width if there is one; otherwise several patterns whose room adds up
 * (one partner rarely has enough empty seats when response rates are high).
 */
function protectCell(grid: Grid, layer: Layer, g: number, splitFree: Uint8Array): void {
  const used: Used = new Map();
  const x = layer.value[g]!;
  const need = requiredRoom(layer, g);
  let remainingDown = need.down;
  let remainingWidth = need.width;
  for (let first = true; first || remainingWidth > 0; first = false) {
    const [usedUp, usedDown] = used.get(g) ?? [0, 0];
    const roomUp = layer.hi[g]! - x - usedUp;
    const roomDown = x - layer.lo[g]! - usedDown;
    let found: { cost: number; pattern: Pattern; up: number; down: number } | null = null;
    // Cheapest room per unit of width (patterns of cells already hidden are free); ties go to bigger steps.
    const perUnit = (f: { cost: number; up: number; down: number }): number => f.cost / Math.max(1, f.up + f.down);
    for (let step = Math.min(remainingWidth, roomUp + roomDown); step >= (first ? 0 : 1); step--) {
      // The part that must go downwards goes downwards.
      const minDown = Math.min(step, Math.max(0, remainingDown));
      for (let up = Math.max(0, step - roomDown); up <= Math.min(roomUp, step - minDown); up++) {
        const best = bestPattern(grid, layer, g, up, step - up, used, splitFree);
        if (!best) continue;
        const candidate = { ...best, up, down: step - up };
        if (!found || perUnit(candidate) < perUnit(found)) found = candidate;
      }
      if (found && step > 0 && found.up + found.down === step && found.cost === 0) break; // free and full: cannot do better
    }
    if (!found) {
      if (first) {
        // Nothing can move this cell at all: still hide a closed pattern so it is not derivable.
        const best = bestPattern(grid, layer, g, 0, 0, new Map(), splitFree);
        if (best) applyPattern(grid, layer, best.pattern);
      }
      break;
    }
    applyPattern(grid, layer, found.pattern);
    for (const [h, e] of patternCells(grid, found.pattern)) {
      const [u, d] = used.get(h) ?? [0, 0];
      used.set(h, e > 0 ? [u + found.up, d + found.down] : [u + found.down, d + found.up]);
    }
    remainingWidth -= found.up + found.down;
    remainingDown -= found.down;
    if (found.up + found.down === 0) break;
  }
  layer.covered[g] = 1;
  layer.boost[g] = 0;
}

/**
 * Nodes whose totals can move without touching any split: none of their own split cells, and none
 * of their ancestors', is in the release (all latent). Moving such a total by t is balanced inside
 * the latent splits (they partition the node, so their combined room is the total's room), and the
 * ancestors' latent splits take up the shift between values. A pattern among such totals alone is
 * then closed, exactly as in a release without dimensions — whereas a hypercube rectangle would ask
 * for the room at one and the same value in every partner, which partners from other teams rarely
 * have, and would climb to the parent's total (up to the organisation's) instead.
 */
function splitFreeNodes(grid: Grid, latent: Uint8Array | undefined): Uint8Array {
  const free = new Uint8Array(grid.nodeKeys.length);
  if (!latent) return free;
  // Nodes are sorted top-down: a parent is settled before its children.
  for (let n = 0; n < grid.nodeKeys.length; n++) {
    const parent = grid.parent[n]!;
    let own = 1;
    for (let combo = 1; combo < grid.combos && own; combo++) {
      const g = n * grid.combos + combo;
      if (grid.cells[g] !== undefined && !latent[g]) own = 0;
    }
    free[n] = own && (parent < 0 || free[parent] === 1) ? 1 : 0;
  }
  return free;
}

/**
 * Protects every hidden, uncovered cell of the layer. Returns the number of cells newly hidden.
 * `latent` marks the cells that are not part of the release (tables.ts).
 */
export function suppressLayer(grid: Grid, layer: Layer, latent?: Uint8Array): number {
  const splitFree = splitFreeNodes(grid, latent);
  const before = layer.hidden.reduce((a, b) => a + b, 0);
  for (let changed = true; changed; ) {
    changed = false;
    // Node order is top-down, so this visits sub-table T(P) (P's children rows) after T(parent(P)).
    for (let node = 0; node < grid.nodeKeys.length; node++) {
      for (let combo = 0; combo < grid.combos; combo++) {
        const g = node * grid.combos + combo;
        if (!layer.hidden[g] || layer.covered[g] || grid.cells[g] === undefined) continue;
        protectCell(grid, layer, g, splitFree);
        changed = true;
      }
    }
  }
  return layer.hidden.reduce((a, b) => a + b, 0) - before;
}
