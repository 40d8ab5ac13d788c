// Witnesses: a fast, sound way to show that an interval is wide enough.
//
// Any point that satisfies every constraint the attacker knows is one they cannot
// rule out, so if two such points give a hidden group means 2 points apart, the
// attacker's interval is at least that wide. We build such points from the true
// data by moving along null vectors of the exact elimination (so every relation
// keeps holding), in two kinds of steps:
//   * answer swaps, in one question: "in these hidden groups one 3 could have been
//     a 5, and in those one 5 a 3" (counts unchanged);
//   * respondent moves: "one respondent (with these answers) could have been in
//     this group rather than that one" — along a null vector of the respondent
//     counts, which is also a null vector of every question layer.
// Each step is as long as the bounds and rows it touches allow (a ratio test).
// Greedy, so it proves less than the LP; when it is not enough, the LP decides.

import type { HistogramMeasureDef } from '../model.js';
import type { Elimination } from './elimination.js';
import { COUNT_LAYER, type LayerKnowns } from './facts.js';
import type { BoundsModel } from './intervals.js';
import type { LpRow } from './lp.js';

type Point = Map<number, number>;
type Delta = Map<number, number>;

/** What to push: a value computed from the current point, up or down. */
export interface WitnessGoal {
  value(at: (col: number) => number): number;
}

interface Context {
  model: BoundsModel;
  layers: LayerKnowns[];
  eliminations: Map<string, Elimination>;
  /** The hidden group. */
  v: number;
  /** Constraints to keep on top of the model's (insider knowledge, denominators >= 1). */
  extra: LpRow[];
}

const STEPS = 8;
const DIRECTIONS = 4;

/** Longest null vector worth walking along: longer ones touch too many rows to pay off. */
const MAX_DIRECTION = 64;

function directions(elimination: Elimination | undefined, v: number): Map<number, number>[] {
  return (elimination?.nullVectorsThrough(v, DIRECTIONS) ?? []).filter((d) => d.size <= MAX_DIRECTION);
}

function add(delta: Delta, col: number, x: number): void {
  delta.set(col, (delta.get(col) ?? 0) + x);
}

/**
 * Candidate steps from the current point, offered to `consider` (which returns whether the
 * step was feasible). Swaps try the most extreme answer first and stop at the first feasible one.
 */
function candidates(ctx: Context, at: (col: number) => number, only: string | undefined, up: boolean, consider: (delta: Delta) => boolean): void {
  const { model, layers, eliminations, v } = ctx;
  const histograms = layers.slice(1).filter((l) => l.measure?.kind === 'histogram');

  // Answer swaps in one question (counts unchanged): an answer a of the group becomes b.
  for (const layer of histograms) {
    if (only !== undefined && layer.key !== only) continue;
    const def = layer.measure as HistogramMeasureDef;
    const bins = def.max - def.min + 1;
    const target = model.measureCol(layer.key, v);
    if (target === undefined) continue;
    for (const direction of directions(eliminations.get(layer.key), v)) {
      const firsts = [...direction.keys()].map((u) => model.measureCol(layer.key, u));
      if (firsts.some((f) => f === undefined)) continue;
      for (let a = 0; a < bins; a++) {
        if (at(target + a) < 1e-9) continue;
        for (let b = up ? bins - 1 : 0; up ? b > a : b < a; b += up ? -1 : 1) {
          const delta: Delta = new Map();
          let i = 0;
          for (const w of direction.values()) {
            const f = firsts[i++]!;
            add(delta, f + a, -w);
            add(delta, f + b, w);
          }
          if (consider(delta)) break;
        }
      }
    }
  }

  // Value shifts in an additive measure (imported data): sums along a null vector, counts unchanged.
  for (const layer of layers.slice(1)) {
    if (layer.measure?.kind !== 'sum' || (only !== undefined && layer.key !== only)) continue;
    for (const direction of directions(eliminations.get(layer.key), v)) {
      const cols = [...direction.keys()].map((u) => model.measureCol(layer.key, u));
      if (cols.some((c) => c === undefined)) continue;
      for (const sign of [1, -1]) {
        const delta: Delta = new Map();
        let i = 0;
        for (const w of direction.values()) add(delta, cols[i++]!, sign * w);
        consider(delta);
      }
    }
  }

  atomSwaps(ctx, at, only, up, consider);

  // Respondent moves: counts along a null vector of the count layer, and in each question
  // one answer bin along the same vector (the moved respondents' answers).
  const nc = model.nCol.get(v);
  if (nc === undefined) return;
  for (const direction of directions(eliminations.get(COUNT_LAYER), v)) {
    const nCols = [...direction.keys()].map((u) => model.nCol.get(u));
    if (nCols.some((c) => c === undefined)) continue;
    for (const sign of [1, -1]) {
      // Per question: the answers most available where respondents would leave; the question
      // being pushed tries its two extremes and the best-supplied answer, the others the best one.
      const choices: { firsts: number[]; options: number[] }[] = [];
      let ok = true;
      for (const layer of histograms) {
        const def = layer.measure as HistogramMeasureDef;
        const firsts = [...direction.keys()].map((u) => model.measureCol(layer.key, u));
        if (firsts.some((f) => f === undefined)) {
          ok = false;
          break;
        }
        const bins = def.max - def.min + 1;
        const supply = (b: number): number => {
          let min = Infinity;
          let i = 0;
          for (const w of direction.values()) {
            const f = firsts[i++]!;
            if (sign * w < 0) min = Math.min(min, at(f + b) / -(sign * w));
          }
          return min;
        };
        let bestSupplied = 0;
        for (let b = 1; b < bins; b++) if (supply(b) > supply(bestSupplied)) bestSupplied = b;
        const options = only === layer.key ? [...new Set([0, bins - 1, bestSupplied])] : [bestSupplied];
        choices.push({ firsts: firsts as number[], options });
      }
      if (!ok) continue;
      const combos = choices.reduce<number[][]>((acc, c) => acc.flatMap((p) => c.options.map((o) => [...p, o])), [[]]);
      for (const combo of combos) {
        const delta: Delta = new Map();
        let i = 0;
        for (const w of direction.values()) {
          add(delta, nCols[i]!, sign * w);
          choices.forEach((c, q) => add(delta, c.firsts[i]! + combo[q]!, sign * w));
          i++;
        }
        consider(delta);
      }
    }
  }
}

const SWAP_ATOMS = 12;
const SWAP_PARTNERS = 6;

/**
 * Atom swaps: two atoms (finest groups) that no published value tells apart — every published
 * group holds both or neither — can trade answers or respondents without changing anything
 * published; every group holding one of them moves with it. One side inside the target group,
 * the other outside: answers "a here, b there" become "b here, a there", or one respondent
 * (with answers present on their side) moves across.
 */
function atomSwaps(ctx: Context, at: (col: number) => number, only: string | undefined, up: boolean, consider: (delta: Delta) => boolean): void {
  const { model, layers, v } = ctx;
  const members = model.membersOf(v);
  if (members.length === 0) return;
  const inside = new Set(members);
  const atoms = members.slice(0, SWAP_ATOMS);
  const histograms = layers.slice(1).filter((l) => l.measure?.kind === 'histogram');
  const outsidePartners = (layer: string, a: number): number[] => {
    const out: number[] = [];
    for (const b of model.partners(layer, a)) {
      if (inside.has(b)) continue;
      out.push(b);
      if (out.length >= SWAP_PARTNERS) break;
    }
    return out;
  };
  const presentBins = (first: number, bins: number): number[] => {
    const out: number[] = [];
    for (let b = 0; b < bins; b++) if (at(first + b) > 1e-9) out.push(b);
    return out;
  };

  for (const layer of histograms) {
    if (only !== undefined && layer.key !== only) continue;
    const def = layer.measure as HistogramMeasureDef;
    const bins = def.max - def.min + 1;
    for (const alpha of atoms) {
      const fa = model.measureCol(layer.key, alpha);
      if (fa === undefined) continue;
      const present = presentBins(fa, bins);
      if (present.length === 0) continue;
      const a = up ? present[0]! : present[present.length - 1]!;
      for (const beta of outsidePartners(layer.key, alpha)) {
        const fb = model.measureCol(layer.key, beta);
        if (fb === undefined) continue;
        for (let b = up ? bins - 1 : 0; up ? b > a : b < a; b += up ? -1 : 1) {
          if (at(fb + b) < 1e-9) continue;
          const delta: Delta = new Map();
          for (const w of model.containersOf(alpha)) {
            const c = model.measureCol(layer.key, w);
            if (c !== undefined) add(delta, c + a, -1), add(delta, c + b, 1);
          }
          for (const w of model.containersOf(beta)) {
            const c = model.measureCol(layer.key, w);
            if (c !== undefined) add(delta, c + a, 1), add(delta, c + b, -1);
          }
          if (consider(prune(delta))) break;
        }
      }
    }
  }

  if (model.nCol.get(v) === undefined) return;
  for (const alpha of atoms) {
    for (const beta of outsidePartners(COUNT_LAYER, alpha)) {
      for (const [from, to] of [[beta, alpha], [alpha, beta]] as const) {
        // The moved respondent's answers: present on the side they leave. The pushed question
        // tries its two extremes, the others their best-supplied answer.
        const choices: { layer: string; options: number[] }[] = [];
        let ok = true;
        for (const layer of histograms) {
          const def = layer.measure as HistogramMeasureDef;
          const f = model.measureCol(layer.key, from);
          if (f === undefined) {
            ok = false;
            break;
          }
          const present = presentBins(f, def.max - def.min + 1);
          if (present.length === 0) {
            ok = false;
            break;
          }
          let best = present[0]!;
          for (const b of present) if (at(f + b) > at(f + best)) best = b;
          choices.push({ layer: layer.key, options: only === layer.key ? [...new Set([present[0]!, present[present.length - 1]!])] : [best] });
        }
        if (!ok) continue;
        const combos = choices.reduce<number[][]>((acc, c) => acc.flatMap((p) => c.options.map((o) => [...p, o])), [[]]);
        for (const combo of combos) {
          const delta: Delta = new Map();
          for (const [side, sign] of [[to, 1], [from, -1]] as const) {
            for (const w of model.containersOf(side)) {
              const nc = model.nCol.get(w);
              if (nc !== undefined) add(delta, nc, sign);
              choices.forEach((c, q) => {
                const col = model.measureCol(c.layer, w);
                if (col !== undefined) add(delta, col + combo[q]!, sign);
              });
            }
          }
          consider(prune(delta));
        }
      }
    }
  }
}

function prune(delta: Delta): Delta {
  for (const [c, x] of delta) if (x === 0) delta.delete(c);
  return delta;
}

/** Greedy: push goal up (or down) from the truth; returns the best value reached. */
function push(ctx: Context, goal: WitnessGoal, up: boolean, only?: string): number {
  const point: Point = new Map();
  const at = (c: number): number => point.get(c) ?? ctx.model.truthAt(c) ?? 0;
  let current = goal.value(at);
  for (let step = 0; step < STEPS; step++) {
    let best: { value: number; t: number; delta: Delta } | null = null;
    candidates(ctx, at, only, up, (d) => {
      const t = ctx.model.maxStep(point, d, ctx.extra);
      if (t < 1e-9) return false;
      const value = goal.value((c) => at(c) + t * (d.get(c) ?? 0));
      if (Number.isFinite(value) && (up ? value > current + 1e-9 : value < current - 1e-9) && (!best || (up ? value > best.value : value < best.value))) {
        best = { value, t, delta: d };
      }
      return true;
    });
    if (!best) break;
    const chosen = best as { value: number; t: number; delta: Delta };
    for (const [c, x] of chosen.delta) point.set(c, at(c) + chosen.t * x);
    current = chosen.value;
  }
  return current;
}

/** A certified lower bound on the width of the attacker's interval for `goal`, or 0. */
export function witnessWidth(
  model: BoundsModel,
  layers: LayerKnowns[],
  eliminations: Map<string, Elimination>,
  v: number,
  goal: WitnessGoal,
  extra: LpRow[] = [],
  only?: string,
): number {
  const ctx: Context = { model, layers, eliminations, v, extra };
  const hi = push(ctx, goal, true, only);
  const lo = push(ctx, goal, false, only);
  return Math.max(0, hi - lo);
}

/** Whether some feasible point reaches `threshold` for `goal` (used for "someone dissented"). */
export function witnessReaches(
  model: BoundsModel,
  layers: LayerKnowns[],
  eliminations: Map<string, Elimination>,
  v: number,
  goal: WitnessGoal,
  threshold: number,
  only?: string,
): boolean {
  const truth = goal.value((c) => model.truthAt(c) ?? 0);
  if (truth >= threshold) return true;
  return push({ model, layers, eliminations, v, extra: [] }, goal, true, only) >= threshold - 1e-9;
}
