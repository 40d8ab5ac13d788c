// Thin wrapper over the HiGHS WASM solver for the auditor's bound checks.
// One persistent model per connected component: between checks only the
// objective (and a few bounds/rows) change, so HiGHS warm-starts from the last
// basis, which is ~20x faster than solving each LP from scratch.

import highsImport from 'highs';
import type { Highs } from 'highs';

type Model = ReturnType<Highs['createModel']>;
type Loader = () => Promise<Highs>;
// The package's typings are CommonJS-flavoured while Node loads its ESM build;
// accept both shapes of the default export.
const highsLoader: Loader = (highsImport as unknown as { default?: Loader }).default ?? (highsImport as unknown as Loader);

let loading: Promise<Highs> | undefined;

/** Loads the solver once per process. */
export function loadSolver(): Promise<Highs> {
  loading ??= highsLoader();
  return loading;
}

/**
 * The solver could not decide an LP (status other than optimal, infeasible or unbounded) even
 * after deterministic retries. Callers must treat the check as failed (fail closed), never crash.
 */
export class LpUndecidedError extends Error {
  override name = 'LpUndecidedError';
  constructor(readonly status: number) {
    super(`LP solver ended with status ${status} after retries`);
  }
}

export interface LpRow {
  cols: number[];
  coefs: number[];
  lo: number;
  hi: number;
}

/** An LP over local column indices 0..numCols-1. */
export interface LpData {
  colLo: number[];
  colHi: number[];
  rows: LpRow[];
}

export type Objective = Map<number, number>;

const OPTIMAL = 7;
const UNBOUNDED = 10;
/** Slot rows in the homogeneous model: one denominator row plus up to three insider rows. */
const SLOTS = 4;
// Between checks mostly the objective changes, so the last basis stays primal
// feasible: primal simplex re-optimises from it in a few pivots (much faster here).
const SOLVER_OPTIONS = { output_flag: false, simplex_strategy: 4 } as const;
const INFEASIBLE = 8;
/** Options restored after a retry that changed them. */
const SOLVER_OPTIONS_RESET = { presolve: 'choose', simplex_strategy: 4 } as const;
/** Deterministic retry ladder for statuses other than optimal / infeasible / unbounded. */
const RETRIES: { cold: boolean; options?: Record<string, string | number | boolean> }[] = [
  { cold: false },
  { cold: true },
  { cold: true, options: { presolve: 'off', simplex_strategy: 1 } },
];

function toModelData(highs: Highs, data: LpData, extraCols = 0, extraColLo: number[] = [], extraColHi: number[] = []) {
  const numCols = data.colLo.length + extraCols;
  const starts = [0];
  const indices: number[] = [];
  const values: number[] = [];
  for (const row of data.rows) {
    // HiGHS rejects repeated columns within a row: merge them.
    const merged = new Map<number, number>();
    row.cols.forEach((c, i) => merged.set(c, (merged.get(c) ?? 0) + row.coefs[i]!));
    for (const [c, v] of [...merged].sort((a, b) => a[0] - b[0])) {
      if (v === 0) continue;
      indices.push(c);
      values.push(v);
    }
    starts.push(indices.length);
  }
  const inf = (x: number): number => (x === Infinity ? highs.infinity : x === -Infinity ? -highs.infinity : x);
  return {
    numCols,
    numRows: data.rows.length,
    colCost: new Array<number>(numCols).fill(0),
    colLower: [...data.colLo, ...extraColLo].map(inf),
    colUpper: [...data.colHi, ...extraColHi].map(inf),
    rowLower: data.rows.map((r) => inf(r.lo)),
    rowUpper: data.rows.map((r) => inf(r.hi)),
    matrix: { format: 'csr' as const, numRows: data.rows.length, numCols, starts, indices, values },
  };
}

/** Min and max of linear and linear-fractional objectives over one polytope. */
export class ComponentLp {
  private linear: Model | undefined;
  private homogeneous: Model | undefined;
  private slotBase = 0;
  private slotCols: number[][] = [];
  solves = 0;

  constructor(
    private readonly highs: Highs,
    private readonly data: LpData,
  ) {}

  private linearModel(): Model {
    if (!this.linear) {
      this.linear = this.highs.createModel(toModelData(this.highs, this.data));
      this.linear.options.set(SOLVER_OPTIONS);
    }
    return this.linear;
  }

  /**
   * Optimum of the objective, null when infeasible, ±Infinity when unbounded. A warm-started
   * solve that ends in any other status (e.g. 15, "unknown", seen after long sequences of
   * warm starts) is retried deterministically: cold (solver state cleared), then cold with
   * presolve off and dual simplex. If HiGHS still cannot decide, LpUndecidedError is thrown
   * and the caller counts the check as failed.
   */
  private run(model: Model, objective: Objective, sense: 'min' | 'max'): number | null {
    const cols = [...objective.keys()];
    for (const c of cols) model.changeColCost(c, objective.get(c)!);
    model.changeObjectiveSense(sense === 'min' ? this.highs.constants.objectiveSense.minimize : this.highs.constants.objectiveSense.maximize);
    try {
      let status = -1;
      for (const attempt of RETRIES) {
        if (attempt.cold) model.clearSolver();
        if (attempt.options) model.options.set(attempt.options);
        this.solves++;
        try {
          model.run();
          status = model.getModelStatus();
        } catch {
          status = -1; // a solver error counts like an undecided status
        } finally {
          if (attempt.options) model.options.set(SOLVER_OPTIONS_RESET);
        }
        if (status === OPTIMAL) return model.getObjectiveValue();
        if (status === INFEASIBLE) return null;
        if (status === UNBOUNDED) return sense === 'min' ? -Infinity : Infinity;
      }
      // The warm basis may be unusable now: start the next solve from scratch.
      model.clearSolver();
      throw new LpUndecidedError(status);
    } finally {
      for (const c of cols) model.changeColCost(c, 0);
    }
  }

  /**
   * [min, max] of a linear objective, optionally with temporarily raised column lower bounds.
   * Returns null when the constraints are infeasible.
   */
  range(objective: Objective, raiseLower: Map<number, number> = new Map()): [number, number] | null {
    const model = this.linearModel();
    for (const [c, lo] of raiseLower) model.changeColBounds(c, Math.max(lo, this.data.colLo[c]!), this.finite(this.data.colHi[c]!));
    try {
      const lo = this.run(model, objective, 'min');
      if (lo === null) return null;
      const hi = this.run(model, objective, 'max');
      return hi === null ? null : [lo, hi];
    } finally {
      for (const c of raiseLower.keys()) model.changeColBounds(c, this.finite(this.data.colLo[c]!), this.finite(this.data.colHi[c]!));
    }
  }

  private finite(x: number): number {
    return x === Infinity ? this.highs.infinity : x === -Infinity ? -this.highs.infinity : x;
  }

  /**
   * [min, max] of (num·x + numConst) / (den·x + denConst) subject to den·x + denConst >= 1,
   * via the Charnes–Cooper transformation (y = t·x, t = 1/denominator), which turns the
   * ratio into an ordinary LP. `extra` rows are added in original variables (lo <= a·x <= hi).
   * Returns null when no point has a denominator of at least 1.
   */
  fractionalRange(num: Objective, numConst: number, den: Objective, denConst: number, extra: LpRow[] = []): [number, number] | null {
    const model = this.homogeneousModel();
    const t = this.data.colLo.length;
    const rows = extra.flatMap((row) => homogenise(row, t));
    if (rows.length > SLOTS - 1) throw new Error('too many extra rows for a ratio check');
    // Fixed slot rows (same row count every time) keep the last basis usable as a warm start.
    const denRow = { cols: [...den.keys(), t], coefs: [...den.values(), denConst], lo: 1, hi: 1 };
    const slots = [denRow, ...rows];
    slots.forEach((row, i) => this.fillSlot(model, i, row));
    try {
      const objective = new Map(num);
      objective.set(t, (objective.get(t) ?? 0) + numConst);
      const lo = this.run(model, objective, 'min');
      if (lo === null) return null;
      const hi = this.run(model, objective, 'max');
      return hi === null ? null : [lo, hi];
    } finally {
      slots.forEach((_, i) => this.fillSlot(model, i, null));
    }
  }

  /** Writes a row into slot i (or frees it): old coefficients are cleared first. */
  private fillSlot(model: Model, i: number, row: LpRow | null): void {
    const r = this.slotBase + i;
    for (const c of this.slotCols[i]!) model.changeCoefficient(r, c, 0);
    this.slotCols[i] = [];
    if (!row) {
      model.changeRowBounds(r, -this.highs.infinity, this.highs.infinity);
      return;
    }
    const merged = new Map<number, number>();
    row.cols.forEach((c, k) => merged.set(c, (merged.get(c) ?? 0) + row.coefs[k]!));
    for (const [c, v] of merged) if (v !== 0) model.changeCoefficient(r, c, v);
    this.slotCols[i] = [...merged.keys()];
    model.changeRowBounds(r, this.finite(row.lo), this.finite(row.hi));
  }

  private homogeneousModel(): Model {
    if (!this.homogeneous) {
      const t = this.data.colLo.length;
      const rows: LpRow[] = [];
      for (const row of this.data.rows) rows.push(...homogenise(row, t));
      const colLo: number[] = [];
      const colHi: number[] = [];
      this.data.colLo.forEach((lo, c) => {
        const hi = this.data.colHi[c]!;
        colLo.push(lo >= 0 ? 0 : -Infinity);
        colHi.push(hi <= 0 ? 0 : Infinity);
        if (lo !== 0 && lo !== -Infinity) rows.push({ cols: [c, t], coefs: [1, -lo], lo: 0, hi: Infinity });
        if (hi !== 0 && hi !== Infinity) rows.push({ cols: [c, t], coefs: [1, -hi], lo: -Infinity, hi: 0 });
      });
      // Free slot rows for the per-check denominator and insider rows.
      this.slotBase = rows.length;
      for (let i = 0; i < SLOTS; i++) rows.push({ cols: [], coefs: [], lo: -Infinity, hi: Infinity });
      this.slotCols = Array.from({ length: SLOTS }, () => []);
      // t in [0, 1]: t <= 1 is "denominator >= 1".
      this.homogeneous = this.highs.createModel(toModelData(this.highs, { colLo, colHi, rows }, 1, [0], [1]));
      this.homogeneous.options.set(SOLVER_OPTIONS);
    }
    return this.homogeneous;
  }

  dispose(): void {
    this.linear?.dispose();
    this.homogeneous?.dispose();
  }
}

/** lo <= a·x <= hi  →  a·y - lo·t >= 0 and a·y - hi·t <= 0 (one equality row when lo = hi). */
function homogenise(row: LpRow, t: number): LpRow[] {
  if (row.lo === row.hi) return [{ cols: [...row.cols, t], coefs: [...row.coefs, -row.lo], lo: 0, hi: 0 }];
  const out: LpRow[] = [];
  if (row.lo !== -Infinity) out.push({ cols: [...row.cols, t], coefs: [...row.coefs, -row.lo], lo: 0, hi: Infinity });
  if (row.hi !== Infinity) out.push({ cols: [...row.cols, t], coefs: [...row.coefs, -row.hi], lo: -Infinity, hi: 0 });
  return out;
}
