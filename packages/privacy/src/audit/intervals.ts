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
import { COUNT_LAYER, type LayerKnowns, type Sensitivity } from './facts.js';
import { ComponentLp, type LpRow, type Objective } from './lp.js';
import type { LinearSystem } from './system.js';

type Highs = ConstructorParameters<typeof ComponentLp>[0];

const EPS = 1e-6;

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

/** Global LP over every unknown of every layer, split into independent components. */
export class BoundsModel {
  readonly nCol = new Map<number, number>();
  readonly mCol = new Map<string, Map<number, number>>();
  private readonly colLo: number[] = [];
  private readonly colHi: number[] = [];
  private readonly rows: LpRow[] = [];
  private compOf: Int32Array = new Int32Array(0);
  private localOf: Int32Array = new Int32Array(0);
  private compCols: number[][] = [];
  private compRows: number[][] = [];
  private readonly lps = new Map<number, ComponentLp>();
  solves = 0;

  constructor(
    private readonly highs: Highs,
    private readonly system: LinearSystem,
    private readonly layers: LayerKnowns[],
    /** Measures for which count = n holds for `exactCountVars`. */
    noSkip: Set<string>,
    exactCountVars: Set<number>,
  ) {
    const nKnown = layers[0]!.known;
    const newCol = (lo: number, hi: number): number => {
      this.colLo.push(lo);
      this.colHi.push(hi);
      return this.colLo.length - 1;
    };
    system.variables.forEach((v, i) => {
      if (!nKnown.has(i)) this.nCol.set(i, newCol(0, v.eligible));
    });
    for (const layer of layers.slice(1)) {
      const def = layer.measure!;
      const cols = new Map<number, number>();
      this.mCol.set(layer.key, cols);
      system.variables.forEach((v, i) => {
        if (layer.known.has(i)) return;
        if (def.kind === 'histogram') {
          const first = newCol(0, v.eligible);
          for (let b = 1; b <= def.max - def.min; b++) newCol(0, v.eligible);
          cols.set(i, first);
        } else {
          cols.set(i, newCol(-Infinity, Infinity));
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

  /** Splits columns into connected components (call after all rows are added). */
  finish(): void {
    const parent = Int32Array.from({ length: this.colLo.length }, (_, i) => i);
    const find = (x: number): number => {
      while (parent[x] !== x) x = parent[x] = parent[parent[x]!]!;
      return x;
    };
    for (const r of this.rows) for (let i = 1; i < r.cols.length; i++) parent[find(r.cols[i]!)] = find(r.cols[0]!);
    const ids = new Map<number, number>();
    this.compOf = new Int32Array(this.colLo.length);
    this.localOf = new Int32Array(this.colLo.length);
    for (let c = 0; c < this.colLo.length; c++) {
      const root = find(c);
      let id = ids.get(root);
      if (id === undefined) {
        id = this.compCols.length;
        ids.set(root, id);
        this.compCols.push([]);
        this.compRows.push([]);
      }
      this.compOf[c] = id;
      this.localOf[c] = this.compCols[id]!.length;
      this.compCols[id]!.push(c);
    }
    this.rows.forEach((r, i) => this.compRows[this.compOf[r.cols[0]!]!]!.push(i));
  }

  component(col: number): number {
    return this.compOf[col]!;
  }

  private lp(comp: number): ComponentLp {
    let lp = this.lps.get(comp);
    if (!lp) {
      const cols = this.compCols[comp]!;
      lp = new ComponentLp(this.highs, {
        colLo: cols.map((c) => this.colLo[c]!),
        colHi: cols.map((c) => this.colHi[c]!),
        rows: this.compRows[comp]!.map((i) => {
          const r = this.rows[i]!;
          return { cols: r.cols.map((c) => this.localOf[c]!), coefs: r.coefs, lo: r.lo, hi: r.hi };
        }),
      });
      this.lps.set(comp, lp);
    }
    return lp;
  }

  private local(objective: Objective, comp: number): Objective {
    const out: Objective = new Map();
    for (const [c, v] of objective) if (this.compOf[c] === comp) out.set(this.localOf[c]!, v);
    return out;
  }

  /** [min, max] of a linear objective over global columns (all in one component). */
  range(objective: Objective, raiseLower = new Map<number, number>()): [number, number] | null {
    const comp = this.compOf[objective.keys().next().value as number]!;
    const raise = new Map<number, number>();
    for (const [c, lo] of raiseLower) if (this.compOf[c] === comp) raise.set(this.localOf[c]!, lo);
    const lp = this.lp(comp);
    const before = lp.solves;
    const out = lp.range(this.local(objective, comp), raise);
    this.solves += lp.solves - before;
    return out;
  }

  /** [min, max] of (num + numConst) / (den + denConst) with denominator >= 1; rows outside the component are ignored. */
  ratioRange(num: Objective, numConst: number, den: Objective, denConst: number, extra: LpRow[] = []): [number, number] | null {
    const comp = this.compOf[num.keys().next().value as number]!;
    const lp = this.lp(comp);
    const before = lp.solves;
    const rows = extra
      .filter((r) => r.cols.length > 0 && r.cols.every((c) => this.compOf[c] === comp))
      .map((r) => ({ ...r, cols: r.cols.map((c) => this.localOf[c]!) }));
    const out = lp.fractionalRange(this.local(num, comp), numConst, this.local(den, comp), denConst, rows);
    this.solves += lp.solves - before;
    return out;
  }

  dispose(): void {
    for (const lp of this.lps.values()) lp.dispose();
  }
}

/** Required mean width: 2 points on a 1–5 scale, i.e. half the scale's range, for every scale. */
export function requiredMeanWidth(def: MeasureDef): number | null {
  if (def.min === null || def.max === null) return null;
  return (def.max - def.min) / 2;
}

const intLo = (x: number): number => Math.ceil(x - EPS);
const intHi = (x: number): number => Math.floor(x + EPS);

/** Runs every bound check for one hidden cell. */
export function checkTarget(model: BoundsModel, layers: LayerKnowns[], t: IntervalTarget, seesReasons: boolean): Violation[] {
  const out: Violation[] = [];
  const violation = (kind: Violation['kind'], layer: string, detail: string): void => {
    out.push({ releaseId: t.releaseId, cellKey: t.cellKey, kind, layer, detail });
  };
  const nc = model.nCol.get(t.v);
  const insiderN = t.insider ? model.nCol.get(t.insider.atom) : undefined;

  // A-priori interval of a hidden count: [0, eligible], or [0, k-1] when "fewer than k" is visible.
  const aPriori = (upper: number): number => (seesReasons ? Math.min(upper, t.k - 1) : upper);
  const need = (upper: number): number => Math.min(t.k, aPriori(upper));
  if (t.sensitivity.count && nc !== undefined) {
    const r = model.range(new Map([[nc, 1]]));
    if (!r) violation('COUNT_INTERVAL', COUNT_LAYER, 'no feasible value (inconsistent release)');
    else if (intHi(r[1]) - intLo(r[0]) < need(t.eligible)) {
      violation('COUNT_INTERVAL', COUNT_LAYER, `respondents narrowed to [${intLo(r[0])}, ${intHi(r[1])}], need width ${need(t.eligible)}`);
    }
    if (t.insider && t.eligible >= 1) {
      const raise = new Map([[nc, 1]]);
      if (insiderN !== undefined) raise.set(insiderN, 1);
      const ri = model.range(new Map([[nc, 1]]), raise);
      const required = Math.min(t.k, aPriori(t.eligible) - 1);
      if (ri && intHi(ri[1]) - intLo(ri[0]) < required) {
        violation('INSIDER', COUNT_LAYER, `a respondent narrows the others to [${intLo(ri[0]) - 1}, ${intHi(ri[1]) - 1}], need width ${required}`);
      }
    }
  }

  for (const layer of layers.slice(1)) {
    const def = layer.measure!;
    const sens = t.sensitivity.measures.get(layer.key);
    const first = model.mCol.get(layer.key)!.get(t.v);
    if (!sens || first === undefined) continue;
    const width = requiredMeanWidth(def);

    if (def.kind === 'histogram') {
      const bins = def.max - def.min + 1;
      const count: Objective = new Map();
      const total: Objective = new Map();
      for (let b = 0; b < bins; b++) {
        count.set(first + b, 1);
        total.set(first + b, def.min + b);
      }
      if (sens.count) {
        const required = need(t.publishedN ?? t.eligible);
        const r = model.range(count);
        if (r && intHi(r[1]) - intLo(r[0]) < required) {
          violation('COUNT_INTERVAL', layer.key, `answers narrowed to [${intLo(r[0])}, ${intHi(r[1])}], need width ${required}`);
        }
      }
      if (sens.mean && width !== null) {
        const r = model.ratioRange(total, 0, count, 0);
        if (r && r[1] - r[0] < width - EPS) violation('MEAN_INTERVAL', layer.key, `mean narrowed to [${r[0].toFixed(2)}, ${r[1].toFixed(2)}], need width ${width}`);
        const answers = t.insider?.answers.get(layer.key) ?? [];
        const atomFirst = t.insider ? model.mCol.get(layer.key)!.get(t.insider.atom) : undefined;
        for (const a of answers) {
          const extra: LpRow[] = [];
          if (insiderN !== undefined) extra.push({ cols: [insiderN], coefs: [1], lo: 1, hi: Infinity });
          if (atomFirst !== undefined) extra.push({ cols: [atomFirst + a - def.min], coefs: [1], lo: 1, hi: Infinity });
          const ri = model.ratioRange(total, -a, count, -1, extra);
          if (ri && ri[1] - ri[0] < width - EPS) {
            violation('INSIDER', layer.key, `a respondent who answered ${a} narrows the others' mean to [${ri[0].toFixed(2)}, ${ri[1].toFixed(2)}]`);
          }
        }
      }
      if (sens.unanimity) {
        // The attacker must not be able to prove that nobody dissented.
        const dissent: Objective = new Map();
        for (let b = 0; b < bins; b++) {
          const fav = def.min + b >= def.favourableAtLeast;
          if (sens.unanimity === 'HIGH' ? !fav : fav) dissent.set(first + b, 1);
        }
        const r = dissent.size > 0 ? model.range(dissent) : ([0, 0] as [number, number]);
        if (r && r[1] < 1 - EPS) violation('UNANIMITY', layer.key, `an attacker can prove the group answered unanimously (${sens.unanimity})`);
      }
    } else if (sens.mean && width !== null && def.min !== null && def.max !== null) {
      const den: Objective = nc !== undefined ? new Map([[nc, 1]]) : new Map();
      const denConst = nc !== undefined ? 0 : (t.publishedN ?? 0);
      const num: Objective = new Map([[first, 1]]);
      const r = model.ratioRange(num, 0, den, denConst);
      if (r && r[1] - r[0] < width - EPS) violation('MEAN_INTERVAL', layer.key, `mean narrowed to [${r[0].toFixed(2)}, ${r[1].toFixed(2)}], need width ${width}`);
      const atomSum = t.insider ? model.mCol.get(layer.key)!.get(t.insider.atom) : undefined;
      if (t.insider && nc !== undefined) {
        for (const a of [def.min, def.max]) {
          const extra: LpRow[] = [];
          if (insiderN !== undefined) extra.push({ cols: [insiderN], coefs: [1], lo: 1, hi: Infinity });
          if (atomSum !== undefined && insiderN !== undefined) {
            extra.push({ cols: [atomSum, insiderN], coefs: [1, -def.min], lo: a - def.min, hi: Infinity });
            extra.push({ cols: [atomSum, insiderN], coefs: [1, -def.max], lo: -Infinity, hi: a - def.max });
          }
          const ri = model.ratioRange(num, -a, den, -1, extra);
          if (ri && ri[1] - ri[0] < width - EPS) {
            violation('INSIDER', layer.key, `a contributor with value ${a} narrows the others' mean to [${ri[0].toFixed(2)}, ${ri[1].toFixed(2)}]`);
          }
        }
      }
    }
  }
  return out;
}
