// Exact test: which unknowns of a homogeneous-in-structure linear system are
// uniquely determined? Rows are relations restricted to the unknowns (the known,
// published values only move the right-hand side, which does not matter here).
//
// x_j is determined  <=>  e_j lies in the row space  <=>  after Gauss–Jordan
// elimination some row is a multiple of e_j. Arithmetic is exact: rows hold
// BigInt integers and are divided by their gcd after every update (fraction-free
// elimination, equivalent to rational arithmetic).

export type SparseRow = Map<number, bigint>;

function gcd(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  if (b < 0n) b = -b;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

function normalise(row: SparseRow): void {
  let g = 0n;
  for (const v of row.values()) {
    g = gcd(g, v);
    if (g === 1n) return;
  }
  if (g > 1n) for (const [k, v] of row) row.set(k, v / g);
}

/** Result of the elimination: what is determined, and directions in which the rest can move. */
export interface Elimination {
  determined: Set<number>;
  /**
   * A null vector of the system with a non-zero entry at `col` (scaled so that entry is 1),
   * as floating-point weights; null when `col` is determined. Every relation holds along it,
   * so moving all its unknowns together changes nothing published.
   */
  nullVectorThrough(col: number): Map<number, number> | null;
  /** Up to `limit` different null vectors through `col` (each scaled to 1 at `col`). */
  nullVectorsThrough(col: number, limit: number): Map<number, number>[];
}

/** a / b for BigInts of any size, as a double. */
function ratio(a: bigint, b: bigint): number {
  const bits = Math.max(a.toString(2).length, b.toString(2).length) - 52;
  const shift = bits > 0 ? BigInt(bits) : 0n;
  return Number(a >> shift) / Number(b >> shift);
}

/** Min-heap of (size, row), ties by row index: the same order as a scan for the smallest. */
class RowHeap {
  private readonly sizes: number[] = [];
  private readonly rows: number[] = [];

  private less(i: number, j: number): boolean {
    return this.sizes[i]! < this.sizes[j]! || (this.sizes[i] === this.sizes[j] && this.rows[i]! < this.rows[j]!);
  }

  private swap(i: number, j: number): void {
    [this.sizes[i], this.sizes[j]] = [this.sizes[j]!, this.sizes[i]!];
    [this.rows[i], this.rows[j]] = [this.rows[j]!, this.rows[i]!];
  }

  push(size: number, row: number): void {
    this.sizes.push(size);
    this.rows.push(row);
    for (let i = this.sizes.length - 1; i > 0; ) {
      const up = (i - 1) >> 1;
      if (!this.less(i, up)) break;
      this.swap(i, up);
      i = up;
    }
  }

  pop(): [number, number] | undefined {
    if (this.sizes.length === 0) return undefined;
    const top: [number, number] = [this.sizes[0]!, this.rows[0]!];
    const lastSize = this.sizes.pop()!;
    const lastRow = this.rows.pop()!;
    if (this.sizes.length > 0) {
      this.sizes[0] = lastSize;
      this.rows[0] = lastRow;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < this.sizes.length && this.less(l, m)) m = l;
        if (r < this.sizes.length && this.less(r, m)) m = r;
        if (m === i) break;
        this.swap(i, m);
        i = m;
      }
    }
    return top;
  }
}

/** Returns the set of determined unknowns. `rows` are consumed (mutated). */
export function determinedUnknowns(rows: SparseRow[]): Set<number> {
  return eliminate(rows).determined;
}

/**
 * Gauss–Jordan elimination. `rows` are consumed (mutated). Columns that appear in
 * no row are free (not determined).
 */
export function eliminate(rows: SparseRow[]): Elimination {
  const determined = new Set<number>();
  const colRows = new Map<number, Set<number>>();
  rows.forEach((row, r) => {
    for (const c of row.keys()) {
      let s = colRows.get(c);
      if (!s) colRows.set(c, (s = new Set()));
      s.add(r);
    }
  });

  // 1. Propagate relations with a single unknown: that unknown is determined and becomes known.
  const queue: number[] = [];
  rows.forEach((row, r) => row.size === 1 && queue.push(r));
  const removeColumn = (c: number): void => {
    for (const r of colRows.get(c) ?? []) {
      const row = rows[r]!;
      row.delete(c);
      if (row.size === 1) queue.push(r);
    }
    colRows.delete(c);
  };
  while (queue.length > 0) {
    const r = queue.pop()!;
    const row = rows[r]!;
    if (row.size !== 1) continue;
    const c = row.keys().next().value as number;
    determined.add(c);
    removeColumn(c);
  }

  // 2. Gauss–Jordan on what is left: always pivot on the shortest row (keeps fill-in low), deterministic ties.
  // The shortest pending row comes from a heap of (size, row) entries; a row whose size changed
  // gets a fresh entry and its old ones are skipped (a scan of every pending row per pivot was
  // quadratic: seconds per audit at 10k people).
  const pending = new Set<number>();
  const heap = new RowHeap();
  rows.forEach((row, r) => {
    if (row.size >= 2) pending.add(r), heap.push(row.size, r);
  });
  const pivotRows: number[] = [];
  const pivotColumns: number[] = [];
  while (pending.size > 0) {
    let best = -1;
    for (;;) {
      const [size, r] = heap.pop()!;
      if (pending.has(r) && rows[r]!.size === size) {
        best = r;
        break;
      }
    }
    pending.delete(best);
    const prow = rows[best]!;
    if (prow.size === 0) continue;
    let pc = -1;
    let pcCount = Infinity;
    for (const c of prow.keys()) {
      const count = colRows.get(c)?.size ?? 0;
      if (count < pcCount || (count === pcCount && c < pc)) [pc, pcCount] = [c, count];
    }
    const p = prow.get(pc)!;
    for (const r of [...(colRows.get(pc) ?? [])]) {
      if (r === best) continue;
      const row = rows[r]!;
      const a = row.get(pc)!;
      // row := p*row - a*prow, which cancels column pc.
      for (const [c, v] of row) row.set(c, v * p);
      for (const [c, v] of prow) {
        const nv = (row.get(c) ?? 0n) - a * v;
        if (nv === 0n) {
          row.delete(c);
          colRows.get(c)?.delete(r);
        } else {
          if (!row.has(c)) {
            let s = colRows.get(c);
            if (!s) colRows.set(c, (s = new Set()));
            s.add(r);
          }
          row.set(c, nv);
        }
      }
      normalise(row);
      if (pending.has(r)) heap.push(row.size, r);
    }
    pivotRows.push(best);
    pivotColumns.push(pc);
  }
  const pivotOf = new Map<number, number>(); // row → pivot column
  const pivotRowOfCol = new Map<number, number>();
  for (const r of pivotRows) {
    const row = rows[r]!;
    if (row.size === 1) determined.add(row.keys().next().value as number);
  }
  pivotColumns.forEach((c, i) => {
    pivotOf.set(pivotRows[i]!, c);
    pivotRowOfCol.set(c, pivotRows[i]!);
  });

  // x_free = 1, every pivot x_p = -(row[free] / row[p]); other free columns 0.
  const nullVector = (free: number): Map<number, number> => {
    const v = new Map<number, number>([[free, 1]]);
    for (const r of colRows.get(free) ?? []) {
      const p = pivotOf.get(r);
      if (p === undefined || p === free) continue;
      const row = rows[r]!;
      v.set(p, -ratio(row.get(free)!, row.get(p)!));
    }
    return v;
  };
  // The first null vectors through col: one per free column of its row (a free column has its own).
  const through = (col: number, limit: number): Map<number, number>[] => {
    if (determined.has(col)) return [];
    const r = pivotRowOfCol.get(col);
    if (r === undefined) return [nullVector(col)];
    const frees = [...rows[r]!.keys()].filter((c) => c !== col).sort((a, b) => (colRows.get(a)?.size ?? 0) - (colRows.get(b)?.size ?? 0) || a - b);
    return frees.slice(0, limit).map((f) => {
      const v = nullVector(f);
      const at = v.get(col)!;
      for (const [c, x] of v) v.set(c, x / at);
      return v;
    });
  };
  return {
    determined,
    nullVectorThrough: (col) => through(col, 1)[0] ?? null,
    nullVectorsThrough: through,
  };
}
