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

/**
 * Returns the set of determined unknowns. `rows` are consumed (mutated).
 * Columns that appear in no row are free (not determined).
 */
export function determinedUnknowns(rows: SparseRow[]): Set<number> {
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
  const pending = new Set<number>();
  rows.forEach((row, r) => row.size >= 2 && pending.add(r));
  const pivotRows: number[] = [];
  while (pending.size > 0) {
    let best = -1;
    let bestSize = Infinity;
    for (const r of pending) {
      const size = rows[r]!.size;
      if (size < bestSize || (size === bestSize && r < best)) [best, bestSize] = [r, size];
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
    }
    pivotRows.push(best);
  }
  for (const r of pivotRows) {
    const row = rows[r]!;
    if (row.size === 1) determined.add(row.keys().next().value as number);
  }
  return determined;
}
