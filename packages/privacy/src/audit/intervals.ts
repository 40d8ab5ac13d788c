// Interval bounds: the tightest intervals an attacker can prove for hidden values,
// from the published values, the linear relations and everything else they know:
//   0 <= n <= eligible, answers in [min, max] (histogram bins >= 0),
//   count of answers <= n (= n when nobody skipped the question),
//   what a hiding reason says (BELOW_THRESHOLD: n <= k-1, COMPLEMENTARY: n >= k),
//   what a band says (favourable share >= / <= the band's share).
// Counts are bounded by LPs; means (ratios) by the Charnes–Cooper transformation.
// LP relaxations ignore integrality, which can only make intervals wider than
// what an integer-aware attacker gets; we round count bounds inwards to integers
// to take back the part of that gap that matters most.

import type { MeasureDef, Violation } from '../model.js';
import type { Elimination } from './elimination.js';
import { COUNT_LAYER, type LayerKnowns, type Sensitivity } from './facts.js';
import { ComponentLp, LpUndecidedError, type LpRow, type Objective } from './lp.js';
import type { LinearSystem } from './system.js';
import { witnessReaches, witnessWidth, type WitnessGoal } from './witness.js';

type Highs = ConstructorParameters<typeof ComponentLp>[0];

const EPS = 1e-6;

/** At most this many atoms are freed in an atom-space LP (the target's own always are). */
const ATOM_SPACE_ATOMS = 300;

export interface IntervalTarget {
  releaseId: string;
  cellKey: string;
  v: number;
  k: number;
  eligible: number;
  /** Published respondent count of the cell, when the cell itself is published. */
  publishedN: number | undefined;
  sensitivity: Sensitivity;
  /** One respondent of this cell (current release only): their atom and, per measure, the answers present there. */
  insider?: { atom: number; answers: Map<string, number[]> };
}

/** True values of a variable (current release only), used to pin variables outside a neighbourhood. */
export interface VarTruth {
  n: number;
  measures: Record<string, { count: number; sum: number; histogram?: number[] }>;
}

/**
 * Global LP over every unknown of every layer. Checks run on local LPs: the unknowns
 * near a target stay free and every other unknown is pinned to its true value.
 * Pinning only removes points from the attacker's feasible set, so an interval that
 * is wide enough locally is wide enough for the real attacker; a local failure is
 * re-checked on a wider neighbourhood, and only a failure with nothing pinned counts.
 */
export class BoundsModel {
  readonly nCol = new Map<number, number>();
  readonly mCol = new Map<string, Map<number, number>>();
  private readonly colLo: number[] = [];
  private readonly colHi: number[] = [];
  private readonly colVar: number[] = [];
  private readonly colTruth: (number | undefined)[] = [];
  private readonly rows: LpRow[] = [];
  private varCols: number[][] = [];
  private rowsOfVar: number[][] = [];
  private rowsOfCol: number[][] = [];
  /** Coefficient of column c in each row of rowsOfCol[c] (same order). */
  private coefsOfCol: number[][] = [];
  /** Each row's activity at the true values (over the columns whose truth is known)… */
  private rowTruthActivity = new Float64Array(0);
  /** …and how many of its columns have no known truth (an earlier release's groups). */
  private rowUnknownTruth = new Int32Array(0);
  /** maxStep's scratch space, one slot per row (see there). */
  private stepEpoch = 0;
  private stepStamp = new Uint32Array(0);
  private stepRate = new Float64Array(0);
  private stepActivity = new Float64Array(0);
  private stepUnknown = new Int32Array(0);
  private readonly stepTouched: number[] = [];
  private neighbours: number[][] = [];
  private componentOf: Int32Array = new Int32Array(0);
  private componentCols: number[] = [];
  private readonly shared = new Map<number, LocalBounds>();
  solves = 0;

  constructor(
    private readonly highs: Highs,
    private readonly system: LinearSystem,
    private readonly layers: LayerKnowns[],
    /** Measures for which count = n holds for `exactCountVars`. */
    noSkip: Set<string>,
    exactCountVars: Set<number>,
    truth: (v: number) => VarTruth | undefined,
  ) {
    const nKnown = layers[0]!.known;
    const newCol = (v: number, lo: number, hi: number, value: number | undefined): number => {
      this.colLo.push(lo);
      this.colHi.push(hi);
      this.colVar.push(v);
      this.colTruth.push(value);
      return this.colLo.length - 1;
    };
    system.variables.forEach((v, i) => {
      if (!nKnown.has(i)) this.nCol.set(i, newCol(i, 0, v.eligible, truth(i)?.n));
    });
    for (const layer of layers.slice(1)) {
      const def = layer.measure!;
      const cols = new Map<number, number>();
      this.mCol.set(layer.key, cols);
      system.variables.forEach((v, i) => {
        if (layer.known.has(i)) return;
        const t = truth(i)?.measures[layer.key];
        if (def.kind === 'histogram') {
          // No upper bound of their own: bins <= answers <= respondents <= eligible already holds
          // through the linkage rows, and a redundant bound costs a row per bin in ratio LPs.
          const first = newCol(i, 0, Infinity, t?.histogram?.[0]);
          for (let b = 1; b <= def.max - def.min; b++) newCol(i, 0, Infinity, t?.histogram?.[b]);
          cols.set(i, first);
        } else {
          cols.set(i, newCol(i, -Infinity, Infinity, t?.sum));
        }
      });
    }
    // Relations, per layer (and per histogram bin).
    for (const row of system.rows) {
      this.addRelation(row, (v) => this.nCol.get(v), (v) => nKnown.get(v) as number);
      for (const layer of layers.slice(1)) {
        const def = layer.measure!;
        const cols = this.mCol.get(layer.key)!;
        if (def.kind === 'histogram') {
          for (let b = 0; b <= def.max - def.min; b++) {
            this.addRelation(row, (v) => (cols.has(v) ? cols.get(v)! + b : undefined), (v) => (layer.known.get(v) as number[])[b] ?? 0);
          }
        } else {
          this.addRelation(row, (v) => cols.get(v), (v) => layer.known.get(v) as number);
        }
      }
    }

    // Link each measure to the respondent count of the same group.
    system.variables.forEach((_, v) => {
      for (const layer of layers.slice(1)) {
        const def = layer.measure!;
        const cols = this.mCol.get(layer.key)!;
        const nc = this.nCol.get(v);
        if (!cols.has(v) && nc === undefined) continue;
        const nConst = nc === undefined ? (nKnown.get(v) as number) : 0;
        if (def.kind === 'histogram') {
          const row = this.countRow(layer, v, def.max - def.min + 1);
          if (nc !== undefined) row.cols.push(nc), row.coefs.push(-1);
          const exact = noSkip.has(layer.key) && exactCountVars.has(v);
          this.addRow(row.cols, row.coefs, exact ? nConst - row.constant : -Infinity, nConst - row.constant);
        } else if (def.min !== null && def.max !== null) {
          const [lo, hi] = [def.min, def.max];
          // min·n <= sum <= max·n
          const sumCol = cols.get(v);
          const sumConst = sumCol === undefined ? (layer.known.get(v) as number) : 0;
          const c: number[] = [];
          const k: number[] = [];
          if (sumCol !== undefined) c.push(sumCol), k.push(1);
          if (nc !== undefined) c.push(nc), k.push(-lo);
          this.addRow(c, k, lo * nConst - sumConst, Infinity);
          const k2 = k.map((x, i) => (c[i] === nc ? -hi : x));
          this.addRow(c, k2, -Infinity, hi * nConst - sumConst);
        }
      }
    });
  }

  /** Σ bins of var v in a histogram layer, as columns plus the known part. */
  countRow(layer: LayerKnowns, v: number, bins: number): { cols: number[]; coefs: number[]; constant: number } {
    const first = this.mCol.get(layer.key)!.get(v);
    if (first === undefined) {
      const known = (layer.known.get(v) as number[]) ?? [];
      return { cols: [], coefs: [], constant: known.reduce((a, b) => a + b, 0) };
    }
    return { cols: Array.from({ length: bins }, (_, b) => first + b), coefs: new Array<number>(bins).fill(1), constant: 0 };
  }

  private addRelation(row: { vars: number[]; coefs: number[] }, col: (v: number) => number | undefined, known: (v: number) => number): void {
    const cols: number[] = [];
    const coefs: number[] = [];
    let rhs = 0;
    row.vars.forEach((v, i) => {
      const c = col(v);
      if (c === undefined) rhs -= row.coefs[i]! * known(v);
      else cols.push(c), coefs.push(row.coefs[i]!);
    });
    if (cols.length > 0) this.addRow(cols, coefs, rhs, rhs);
  }

  addRow(cols: number[], coefs: number[], lo: number, hi: number): void {
    if (cols.length > 0) this.rows.push({ cols, coefs, lo, hi });
  }

  tightenCol(col: number, lo: number, hi: number): void {
    this.colLo[col] = Math.max(this.colLo[col]!, lo);
    this.colHi[col] = Math.min(this.colHi[col]!, hi);
  }

  /** Indexes rows by variable (call after all rows are added). */
  finish(): void {
    const n = this.system.variables.length;
    this.varCols = Array.from({ length: n }, () => []);
    this.colVar.forEach((v, c) => this.varCols[v]!.push(c));
    // Rows are visited in order, so each variable's list comes out sorted without duplicates.
    const rowsOfVar: number[][] = Array.from({ length: n }, () => []);
    const adj = Array.from({ length: n }, () => new Set<number>());
    let previous: number[] = [];
    this.rows.forEach((r, i) => {
      const vars = [...new Set(r.cols.map((c) => this.colVar[c]!))];
      for (const v of vars) rowsOfVar[v]!.push(i);
      // One relation gives a row per layer and histogram bin, over the same variables, one after
      // another: their adjacency (quadratic in a long row's length) is recorded once.
      const same = vars.length === previous.length && vars.every((v, j) => v === previous[j]);
      if (!same) for (const v of vars) for (const w of vars) if (w !== v) adj[v]!.add(w);
      previous = vars;
    });
    this.rowsOfVar = rowsOfVar;
    this.rowsOfCol = Array.from({ length: this.colLo.length }, () => []);
    this.coefsOfCol = Array.from({ length: this.colLo.length }, () => []);
    this.rowTruthActivity = new Float64Array(this.rows.length);
    this.rowUnknownTruth = new Int32Array(this.rows.length);
    this.stepStamp = new Uint32Array(this.rows.length);
    this.stepRate = new Float64Array(this.rows.length);
    this.stepActivity = new Float64Array(this.rows.length);
    this.stepUnknown = new Int32Array(this.rows.length);
    this.rows.forEach((r, i) => {
      r.cols.forEach((c, j) => {
        this.rowsOfCol[c]!.push(i);
        this.coefsOfCol[c]!.push(r.coefs[j]!);
        const x = this.colTruth[c];
        if (x === undefined) this.rowUnknownTruth[i]!++;
        else this.rowTruthActivity[i]! += r.coefs[j]! * x;
      });
    });
    this.neighbours = adj.map((set) => [...set].sort((a, b) => a - b));
    this.componentOf = new Int32Array(n).fill(-1);
    for (let v = 0; v < n; v++) {
      if (this.componentOf[v] !== -1) continue;
      const id = this.componentCols.length;
      let cols = 0;
      const stack = [v];
      this.componentOf[v] = id;
      while (stack.length > 0) {
        const x = stack.pop()!;
        cols += this.varCols[x]!.length;
        for (const y of this.neighbours[x]!) if (this.componentOf[y] === -1) (this.componentOf[y] = id), stack.push(y);
      }
      this.componentCols.push(cols);
    }
  }

  /**
   * How far one can move from `point` (true values, overridden by `point`) along `delta`
   * while every constraint still holds: the largest t >= 0 with point + t·delta feasible.
   * Only the bounds and rows that delta touches can change. Returns 0 when some touched row
   * involves a value whose truth is unknown (an earlier release's group).
   */
  maxStep(point: Map<number, number>, delta: Map<number, number>, extra: LpRow[] = []): number {
    const value = (c: number): number | undefined => point.get(c) ?? this.colTruth[c];
    let t = Infinity;
    const limit = (slack: number, rate: number): void => {
      // Need slack + t*rate within bounds; only negative rates shrink t (slack >= 0 at the point).
      if (rate < -1e-12) t = Math.min(t, Math.max(0, slack) / -rate);
    };
    for (const [c, d] of delta) {
      const x = value(c);
      if (x === undefined) return 0;
      limit(x - this.colLo[c]!, d);
      limit(this.colHi[c]! - x, -d);
    }
    // A row's activity is its activity at the truth (precomputed) plus the point's few departures
    // from it: a relation such as "the organisation = the sum of its atoms" has thousands of
    // columns, and summing it afresh for every candidate step was the auditor's largest single
    // cost (bench/README.md, finding 1). This runs hundreds of thousands of times, so it works in
    // per-row scratch arrays: `touched` lists the rows delta moves, `stepStamp` marks them.
    const epoch = ++this.stepEpoch;
    const touched = this.stepTouched;
    touched.length = 0;
    for (const [c, d] of delta) {
      const rows = this.rowsOfCol[c]!;
      const coefs = this.coefsOfCol[c]!;
      for (let i = 0; i < rows.length; i++) {
        const r = rows[i]!;
        if (this.stepStamp[r] !== epoch) {
          this.stepStamp[r] = epoch;
          this.stepRate[r] = 0;
          this.stepActivity[r] = this.rowTruthActivity[r]!;
          this.stepUnknown[r] = this.rowUnknownTruth[r]!;
          touched.push(r);
        }
        this.stepRate[r]! += coefs[i]! * d;
      }
    }
    for (const [c, x] of point) {
      const rows = this.rowsOfCol[c]!;
      const coefs = this.coefsOfCol[c]!;
      const truth = this.colTruth[c];
      for (let i = 0; i < rows.length; i++) {
        const r = rows[i]!;
        if (this.stepStamp[r] !== epoch) continue;
        this.stepActivity[r]! += coefs[i]! * (x - (truth ?? 0));
        if (truth === undefined) this.stepUnknown[r]!--;
      }
    }
    for (const r of touched) {
      if (this.stepUnknown[r]! > 0) return 0;
      const rowRate = this.stepRate[r]!;
      if (Math.abs(rowRate) < 1e-9) continue; // e.g. a relation along its own null vector
      const row = this.rows[r]!;
      const act = this.stepActivity[r]!;
      limit(act - row.lo, rowRate);
      limit(row.hi - act, -rowRate);
    }
    for (const row of extra) {
      let act = 0;
      let rowRate = 0;
      for (let i = 0; i < row.cols.length; i++) {
        const c = row.cols[i]!;
        const x = value(c);
        if (x === undefined) return 0;
        act += row.coefs[i]! * x;
        rowRate += row.coefs[i]! * (delta.get(c) ?? 0);
      }
      if (Math.abs(rowRate) < 1e-9) continue;
      limit(act - row.lo, rowRate);
      limit(row.hi - act, -rowRate);
    }
    return t === Infinity ? 0 : t;
  }

  /** Atoms (finest groups) inside variable v's group. */
  membersOf(v: number): number[] {
    return this.system.members.get(v) ?? [];
  }

  /** Every variable whose group holds atom a (itself included). */
  containersOf(a: number): number[] {
    return this.system.containers.get(a) ?? [];
  }

  private readonly partnerCache = new Map<string, Map<number, number[]>>();

  /**
   * Atoms that no value published in this layer tells apart from atom a: every published group
   * holds both or neither. Moving people or answers from one to the other changes nothing
   * published there (a null vector). Deterministic order (by variable index).
   */
  partners(layerKey: string, a: number): number[] {
    let byAtom = this.partnerCache.get(layerKey);
    if (!byAtom) {
      const layer = this.layers.find((l) => l.key === layerKey)!;
      const groups = new Map<string, number[]>();
      byAtom = new Map();
      for (const [atom, list] of [...this.system.containers].sort((x, y) => x[0] - y[0])) {
        const signature = list.filter((v) => layer.known.has(v)).sort((x, y) => x - y).join(',');
        const group = groups.get(signature) ?? [];
        group.push(atom);
        groups.set(signature, group);
      }
      for (const group of groups.values()) for (const atom of group) byAtom.set(atom, group);
      this.partnerCache.set(layerKey, byAtom);
    }
    return byAtom.get(a) ?? [];
  }

  /** First column of a variable's block in a measure layer, if that value is unknown there. */
  measureCol(layer: string, v: number): number | undefined {
    return this.mCol.get(layer)?.get(v);
  }

  truthAt(col: number): number | undefined {
    return this.colTruth[col];
  }

  /** Columns in the connected component of v (all unknowns an attacker can trade against v). */
  componentSize(v: number): number {
    return this.componentCols[this.componentOf[v]!]!;
  }

  /** The whole component of v, nothing pinned; cached and warm-started across targets. */
  component(v: number): LocalBounds {
    const id = this.componentOf[v]!;
    let lp = this.shared.get(id);
    if (!lp) {
      lp = this.local([v], Infinity);
      this.shared.set(id, lp);
    }
    return lp;
  }

  dispose(): void {
    for (const lp of this.shared.values()) lp.dispose();
    this.shared.clear();
  }

  /**
   * The atom space of a check: the seeds' atoms (finest groups), every atom that some layer's
   * published values cannot tell apart from one of them (their swap partners), and every group
   * holding one of those atoms. With everything else pinned to its true value, this is the LP
   * over those atoms' values alone (every group is the sum of its atoms). Undefined when a seed
   * has no atoms (a group of an earlier, multi-block release).
   */
  atomSpace(seeds: number[], maxAtoms = ATOM_SPACE_ATOMS): number[] | undefined {
    const atoms = new Set<number>();
    const own = (g: number): number[] => (this.system.containers.has(g) ? [g] : this.membersOf(g));
    for (const s of seeds) {
      if (own(s).length === 0) return undefined;
      for (const a of own(s)) atoms.add(a);
    }
    for (const layer of this.layers) {
      for (const a of [...atoms]) {
        for (const b of this.partners(layer.key, a)) if (atoms.size < maxAtoms) atoms.add(b);
      }
    }
    // Then the atoms of the hidden cells the release holds, nearest first (breadth first through
    // the relations): the cells a suppression pattern protects the target with.
    const seen = new Set(seeds);
    let frontier = [...seeds];
    while (frontier.length > 0 && atoms.size < maxAtoms) {
      const next: number[] = [];
      for (const v of frontier) {
        for (const w of this.neighbours[v]!) {
          if (seen.has(w)) continue;
          seen.add(w);
          if (this.system.variables[w]!.cells.length === 0 || this.varCols[w]!.length === 0) continue;
          const list = own(w);
          if (list.length === 0 || atoms.size + list.filter((a) => !atoms.has(a)).length > maxAtoms) continue;
          for (const a of list) atoms.add(a);
          next.push(w);
        }
      }
      frontier = next;
    }
    const vars = new Set<number>(seeds);
    for (const a of atoms) for (const w of this.containersOf(a)) vars.add(w);
    // Unknowns without a known truth that share a row with these cannot be pinned: keep them free.
    return [...this.neighbourhood([...vars], 0)].sort((x, y) => x - y);
  }

  /** LP over the unknowns within `radius` relation steps of the seeds; everything else pinned to the truth. */
  local(seeds: number[], radius: number): LocalBounds {
    return this.pinnedLp(this.neighbourhood(seeds, radius));
  }

  /** Number of LP columns of a set of unknowns. */
  columnsOf(vars: Iterable<number>): number {
    let n = 0;
    for (const v of vars) n += this.varCols[v]!.length;
    return n;
  }

  /**
   * The unknowns within `radius` relation steps of the seeds, plus every unknown whose truth is
   * not known and shares a row with them (those cannot be pinned). With `maxColumns`, the search
   * stops as soon as the set holds more LP columns than that (the caller only needs to know it
   * is too large for one LP).
   */
  neighbourhood(seeds: number[], radius: number, maxColumns = Infinity): Set<number> {
    const inside = new Set(seeds.filter((v) => this.varCols[v]!.length > 0));
    let columns = this.columnsOf(inside);
    let frontier = [...inside];
    for (let step = 0; step < radius && frontier.length > 0; step++) {
      const next: number[] = [];
      for (const v of frontier) {
        for (const w of this.neighbours[v]!) {
          if (inside.has(w)) continue;
          inside.add(w);
          next.push(w);
          columns += this.varCols[w]!.length;
          if (columns > maxColumns) return inside;
        }
      }
      frontier = next;
    }
    // Unknowns whose truth we do not have (earlier releases' groups) cannot be pinned: keep them
    // free, and the same for every such unknown they share a row with (a worklist to the fixpoint;
    // rows whose every column has a known truth cannot add anything).
    const queue = [...inside];
    while (queue.length > 0) {
      const v = queue.pop()!;
      for (const r of this.rowsOfVar[v]!) {
        if (this.rowUnknownTruth[r] === 0) continue;
        for (const c of this.rows[r]!.cols) {
          const w = this.colVar[c]!;
          if (!inside.has(w) && this.colTruth[c] === undefined) inside.add(w), queue.push(w);
        }
      }
    }
    return inside;
  }

  /** LP over the given unknowns, every other unknown pinned to its true value. */
  pinnedLp(vars: Iterable<number>): LocalBounds {
    const inside = new Set<number>();
    for (const v of vars) if (this.varCols[v]!.length > 0) inside.add(v);
    const cols = [...inside].sort((a, b) => a - b).flatMap((v) => this.varCols[v]!);
    const index = new Map(cols.map((c, i) => [c, i]));
    const rowIds = new Set<number>();
    for (const v of inside) for (const r of this.rowsOfVar[v]!) rowIds.add(r);
    let pinned = false;
    const rows: LpRow[] = [];
    for (const r of [...rowIds].sort((a, b) => a - b)) {
      const row = this.rows[r]!;
      const local: LpRow = { cols: [], coefs: [], lo: row.lo, hi: row.hi };
      row.cols.forEach((c, i) => {
        const at = index.get(c);
        if (at !== undefined) local.cols.push(at), local.coefs.push(row.coefs[i]!);
        else {
          pinned = true;
          const shift = row.coefs[i]! * this.colTruth[c]!;
          local.lo -= shift;
          local.hi -= shift;
        }
      });
      if (local.cols.length > 0) rows.push(local);
    }
    const lp = new ComponentLp(this.highs, { colLo: cols.map((c) => this.colLo[c]!), colHi: cols.map((c) => this.colHi[c]!), rows });
    return new LocalBounds(lp, index, pinned, (n) => (this.solves += n));
  }
}

/** One local LP, addressed with global column ids. */
export class LocalBounds {
  constructor(
    private readonly lp: ComponentLp,
    private readonly index: Map<number, number>,
    /** True when some unknowns were pinned to their true values. */
    readonly pinned: boolean,
    private readonly count: (solves: number) => void,
  ) {}

  private map(objective: Objective): Objective {
    const out: Objective = new Map();
    for (const [c, v] of objective) {
      const at = this.index.get(c);
      if (at !== undefined) out.set(at, v);
    }
    return out;
  }

  has(col: number | undefined): boolean {
    return col !== undefined && this.index.has(col);
  }

  /** Number of LP columns. */
  get size(): number {
    return this.index.size;
  }

  range(objective: Objective, raiseLower = new Map<number, number>()): [number, number] | null {
    const before = this.lp.solves;
    const out = this.lp.range(this.map(objective), this.map(raiseLower));
    this.count(this.lp.solves - before);
    return out;
  }

  ratioRange(num: Objective, numConst: number, den: Objective, denConst: number, extra: LpRow[] = []): [number, number] | null {
    const before = this.lp.solves;
    const rows = extra.filter((r) => r.cols.every((c) => this.index.has(c))).map((r) => ({ ...r, cols: r.cols.map((c) => this.index.get(c)!) }));
    const out = this.lp.fractionalRange(this.map(num), numConst, this.map(den), denConst, rows);
    this.count(this.lp.solves - before);
    return out;
  }

  dispose(): void {
    this.lp.dispose();
  }
}

/** Required mean width: 2 points on a 1–5 scale, i.e. half the scale's range, for every scale. */
export function requiredMeanWidth(def: MeasureDef): number | null {
  if (def.min === null || def.max === null) return null;
  return (def.max - def.min) / 2;
}

const intLo = (x: number): number => Math.ceil(x - EPS);
const intHi = (x: number): number => Math.floor(x + EPS);

/** Runs every bound check for one hidden cell: a witness first (cheap, sound), the LP when it falls short. */
export function checkTarget(
  model: BoundsModel,
  lp: () => LocalBounds,
  layers: LayerKnowns[],
  t: IntervalTarget,
  seesReasons: boolean,
  eliminations: Map<string, Elimination> = new Map(),
  passed?: Set<string>,
): Violation[] {
  const out: Violation[] = [];
  // Checks that passed on an earlier audit of a release this one only hides more of stay passed
  // (the attacker's feasible set only grew); `passed` remembers them by a stable id.
  const once = (id: string, body: () => void): void => {
    const key = `${t.releaseId}|${t.cellKey}|${id}`;
    if (passed?.has(key)) return;
    const before = out.length;
    body();
    if (out.length === before) passed?.add(key);
  };
  const violation = (kind: Violation['kind'], layer: string, detail: string): void => {
    out.push({ releaseId: t.releaseId, cellKey: t.cellKey, kind, layer, detail });
  };
  const nc = model.nCol.get(t.v);
  const insiderN = t.insider ? model.nCol.get(t.insider.atom) : undefined;
  const witness = (goal: WitnessGoal, extra: LpRow[] = [], only?: string): number => witnessWidth(model, layers, eliminations, t.v, goal, extra, only);
  const atLeast = (cols: number[], lo: number): LpRow => ({ cols, coefs: cols.map(() => 1), lo, hi: Infinity });
  const wide: [number, number] = [0, Infinity]; // stands for "certified by a witness"
  // An LP the solver cannot decide counts as a failed check (fail closed): the violation is
  // recorded here and the caller sees "no interval" (undefined), never an exception.
  const solved = <T>(kind: Violation['kind'], layer: string, f: () => T): T | undefined => {
    try {
      return f();
    } catch (e) {
      if (!(e instanceof LpUndecidedError)) throw e;
      violation(kind, layer, `the LP solver could not decide this bound (status ${e.status}); treated as exposed`);
      return undefined;
    }
  };

  // A-priori interval of a hidden count: [0, eligible], or [0, k-1] when "fewer than k" is visible.
  // The attacker must be left with at least k possible values (width k-1). A group with fewer
  // than k possible values to begin with cannot meet that; it is left to the mean and residual
  // checks (need = 0 means "no count requirement").
  const aPriori = (upper: number): number => (seesReasons ? Math.min(upper, t.k - 1) : upper);
  const widthRule = (width: number): number => (width >= t.k - 1 ? t.k - 1 : 0);
  const need = (upper: number): number => widthRule(aPriori(upper));
  if (t.sensitivity.count && nc !== undefined && need(t.eligible) > 0) {
    const countGoal: WitnessGoal = { value: (at) => at(nc) };
    once('count', () => {
      const r = witness(countGoal, [], '') >= need(t.eligible) - EPS ? wide : solved('COUNT_INTERVAL', COUNT_LAYER, () => lp().range(new Map([[nc, 1]])));
      if (r === null) violation('COUNT_INTERVAL', COUNT_LAYER, 'no feasible value (inconsistent release)');
      else if (r !== undefined && intHi(r[1]) - intLo(r[0]) < need(t.eligible)) {
        violation('COUNT_INTERVAL', COUNT_LAYER, `respondents narrowed to [${intLo(r[0])}, ${intHi(r[1])}], need at least ${t.k} possible values`);
      }
    });
    const required = widthRule(aPriori(t.eligible) - 1);
    if (t.insider && required > 0) once('insider-count', () => {
      const raise = new Map([[nc, 1]]);
      if (insiderN !== undefined) raise.set(insiderN, 1);
      const rows = [atLeast([nc], 1), ...(insiderN !== undefined ? [atLeast([insiderN], 1)] : [])];
      const ri = witness(countGoal, rows, '') >= required - EPS ? wide : solved('INSIDER', COUNT_LAYER, () => lp().range(new Map([[nc, 1]]), raise));
      if (ri && intHi(ri[1]) - intLo(ri[0]) < required) {
        violation('INSIDER', COUNT_LAYER, `a respondent narrows the others to [${intLo(ri[0]) - 1}, ${intHi(ri[1]) - 1}], need at least ${required + 1} possible values`);
      }
    });
  }

  for (const layer of layers.slice(1)) {
    const def = layer.measure!;
    const sens = t.sensitivity.measures.get(layer.key);
    const first = model.mCol.get(layer.key)!.get(t.v);
    if (!sens || first === undefined) continue;
    const width = requiredMeanWidth(def);

    if (def.kind === 'histogram') {
      const bins = def.max - def.min + 1;
      const binCols = Array.from({ length: bins }, (_, b) => first + b);
      const count: Objective = new Map(binCols.map((c) => [c, 1]));
      const total: Objective = new Map(binCols.map((c, b) => [c, def.min + b]));
      // (answer sum - minus) / (answers - less): the mean, or the others' mean for an insider.
      const meanGoal = (minus: number, less: number): WitnessGoal => ({
        value: (at) => {
          let n = 0;
          let sum = 0;
          binCols.forEach((c, b) => ((n += at(c)), (sum += (def.min + b) * at(c))));
          return (sum - minus) / (n - less);
        },
      });
      if (sens.mean && width !== null) {
        once(`mean:${layer.key}`, () => {
          const witnessed = witness(meanGoal(0, 0), [atLeast(binCols, 1)], layer.key);
          const r = witnessed >= width - EPS ? null : solved('MEAN_INTERVAL', layer.key, () => lp().ratioRange(total, 0, count, 0));
          if (r && r[1] - r[0] < width - EPS) violation('MEAN_INTERVAL', layer.key, `mean narrowed to [${r[0].toFixed(2)}, ${r[1].toFixed(2)}], need width ${width}`);
        });
        const answers = t.insider?.answers.get(layer.key) ?? [];
        const atomFirst = t.insider ? model.mCol.get(layer.key)!.get(t.insider.atom) : undefined;
        for (const a of answers) {
          once(`insider:${layer.key}:${a}`, () => {
            const extra: LpRow[] = [];
            if (insiderN !== undefined) extra.push(atLeast([insiderN], 1));
            if (atomFirst !== undefined) extra.push(atLeast([atomFirst + a - def.min], 1));
            if (witness(meanGoal(a, 1), [...extra, atLeast(binCols, 2)], layer.key) >= width - EPS) return;
            const ri = solved('INSIDER', layer.key, () => lp().ratioRange(total, -a, count, -1, extra));
            if (ri && ri[1] - ri[0] < width - EPS) {
              violation('INSIDER', layer.key, `a respondent who answered ${a} narrows the others' mean to [${ri[0].toFixed(2)}, ${ri[1].toFixed(2)}]`);
            }
          });
        }
      }
      if (sens.unanimity) {
        once(`unanimity:${layer.key}`, () => {
          // The attacker must not be able to prove that nobody dissented.
          const dissent = binCols.filter((_, b) => (def.min + b >= def.favourableAtLeast) === (sens.unanimity === 'LOW'));
          const dissentGoal: WitnessGoal = { value: (at) => dissent.reduce((acc, c) => acc + at(c), 0) };
          if (dissent.length > 0 && witnessReaches(model, layers, eliminations, t.v, dissentGoal, 1, layer.key)) return;
          const r = dissent.length > 0 ? solved('UNANIMITY', layer.key, () => lp().range(new Map(dissent.map((c) => [c, 1])))) : ([0, 0] as [number, number]);
          if (r && r[1] < 1 - EPS) violation('UNANIMITY', layer.key, `an attacker can prove the group answered unanimously (${sens.unanimity})`);
        });
      }
    } else if (sens.mean && width !== null && def.min !== null && def.max !== null) {
      const den: Objective = nc !== undefined ? new Map([[nc, 1]]) : new Map();
      const denConst = nc !== undefined ? 0 : (t.publishedN ?? 0);
      const num: Objective = new Map([[first, 1]]);
      const atomSum = t.insider ? model.mCol.get(layer.key)!.get(t.insider.atom) : undefined;
      const sumGoal = (minus: number, less: number): WitnessGoal => ({ value: (at) => (at(first) - minus) / ((nc !== undefined ? at(nc) : denConst) - less) });
      const denRow = nc !== undefined ? [atLeast([nc], 1)] : [];
      if (witness(sumGoal(0, 0), denRow, layer.key) < width - EPS) {
        const r = solved('MEAN_INTERVAL', layer.key, () => lp().ratioRange(num, 0, den, denConst));
        if (r && r[1] - r[0] < width - EPS) violation('MEAN_INTERVAL', layer.key, `mean narrowed to [${r[0].toFixed(2)}, ${r[1].toFixed(2)}], need width ${width}`);
      }
      if (t.insider && nc !== undefined) {
        for (const a of [def.min, def.max]) {
          const extra: LpRow[] = [];
          if (insiderN !== undefined) extra.push(atLeast([insiderN], 1));
          if (atomSum !== undefined && insiderN !== undefined) {
            extra.push({ cols: [atomSum, insiderN], coefs: [1, -def.min], lo: a - def.min, hi: Infinity });
            extra.push({ cols: [atomSum, insiderN], coefs: [1, -def.max], lo: -Infinity, hi: a - def.max });
          }
          if (witness(sumGoal(a, 1), [...extra, atLeast([nc], 2)], layer.key) >= width - EPS) continue;
          const ri = solved('INSIDER', layer.key, () => lp().ratioRange(num, -a, den, -1, extra));
          if (ri && ri[1] - ri[0] < width - EPS) {
            violation('INSIDER', layer.key, `a contributor with value ${a} narrows the others' mean to [${ri[0].toFixed(2)}, ${ri[1].toFixed(2)}]`);
          }
        }
      }
    }
  }
  return out;
}
