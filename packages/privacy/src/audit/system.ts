// The auditor's own view of the linear relations between cells, rebuilt from the
// releases' node trees and dimension values (not from anything the suppressor
// computed). One variable per cell of every release, except that the finest cells
// of a single-block release ARE the block's atoms, so two releases of the same
// round share them. Multi-block releases (roll-ups) get explicit
// "finest cell = sum of its per-block atoms" rows.

import type { Release, ReleaseCell } from '../model.js';

export interface AuditVariable {
  /** Eligible headcount bound (Infinity when unknown). */
  eligible: number;
  /** Cells (release, key) represented by this variable; empty for pure atoms/groups. */
  cells: { releaseId: string; cellKey: string }[];
}

export interface LinearSystem {
  variables: AuditVariable[];
  /** Each row: sum(coef * x) = 0. */
  rows: { vars: number[]; coefs: number[] }[];
  /** releaseId → cellKey → variable index. */
  cellVar: Map<string, Map<string, number>>;
  /** releaseId → cellKey → cell. */
  cells: Map<string, Map<string, ReleaseCell>>;
  releases: Map<string, Release>;
  /** Variable index → releases whose atoms it is (for atom-level facts). */
  atomVar: Map<string, number>;
}

const ALL_MARK = '*';

/** Local coordinate key, built from a cell's fields (independent of the key format). */
function coord(nodeKey: string, dimensions: readonly string[], dims: Record<string, string>): string {
  return JSON.stringify([nodeKey, ...dimensions.map((d) => dims[d] ?? null)]);
}

export function atomId(block: string, unitId: string, dims: Record<string, string>): string {
  const names = Object.keys(dims).sort();
  return JSON.stringify(['atom', block, unitId, ...names.map((d) => [d, dims[d]])]);
}

function sameDimensionSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && [...a].sort().join('\u0000') === [...b].sort().join('\u0000');
}

/** Every combination of (value or ALL) for the given dimensions. */
function combos(dimensions: readonly string[], dimValues: Record<string, string[]>): Record<string, string>[] {
  let out: Record<string, string>[] = [{}];
  for (const d of dimensions) {
    const next: Record<string, string>[] = [];
    for (const partial of out) for (const v of [ALL_MARK, ...(dimValues[d] ?? [])]) next.push({ ...partial, [d]: v });
    out = next;
  }
  return out;
}

export function buildLinearSystem(releases: readonly Release[]): LinearSystem {
  const variables: AuditVariable[] = [];
  const ids = new Map<string, number>();
  const varFor = (id: string, eligible: number): number => {
    let i = ids.get(id);
    if (i === undefined) {
      i = variables.length;
      ids.set(id, i);
      variables.push({ eligible, cells: [] });
    } else {
      variables[i]!.eligible = Math.min(variables[i]!.eligible, eligible);
    }
    return i;
  };
  const rows: LinearSystem['rows'] = [];
  const cellVar = new Map<string, Map<string, number>>();
  const cellsById = new Map<string, Map<string, ReleaseCell>>();
  const releaseById = new Map<string, Release>();
  const atomVar = new Map<string, number>();

  for (const r of releases) {
    if (releaseById.has(r.releaseId)) throw new Error(`release ${r.releaseId} given twice`);
    releaseById.set(r.releaseId, r);
    const children = new Map<string, string[]>();
    for (const n of r.nodes) {
      if (n.parentKey === null) continue;
      const list = children.get(n.parentKey) ?? [];
      list.push(n.key);
      children.set(n.parentKey, list);
    }
    const byCoord = new Map<string, ReleaseCell>();
    const keyed = new Map<string, ReleaseCell>();
    for (const c of r.cells) {
      byCoord.set(coord(c.nodeKey, r.dimensions, c.dims), c);
      keyed.set(c.key, c);
    }
    cellsById.set(r.releaseId, keyed);
    const vars = new Map<string, number>();
    cellVar.set(r.releaseId, vars);
    const singleBlock = r.blocks.length === 1;

    // Variables: finest cells of a single-block release are atoms; everything else is its own variable.
    for (const c of r.cells) {
      const eligible = c.eligible ?? Infinity;
      const finest = !children.has(c.nodeKey) && r.dimensions.every((d) => c.dims[d] !== ALL_MARK);
      const v = finest && singleBlock ? varFor(atomId(r.blocks[0]!, c.unitId, c.dims), eligible) : varFor(`cell:${r.releaseId}:${c.key}`, eligible);
      if (finest && singleBlock) atomVar.set(atomId(r.blocks[0]!, c.unitId, c.dims), v);
      variables[v]!.cells.push({ releaseId: r.releaseId, cellKey: c.key });
      vars.set(c.key, v);
    }
    const at = (nodeKey: string, dims: Record<string, string>): number | undefined => {
      const c = byCoord.get(coord(nodeKey, r.dimensions, dims));
      return c ? vars.get(c.key) : undefined;
    };
    const pushRow = (total: number | undefined, parts: (number | undefined)[]): void => {
      const row = { vars: [] as number[], coefs: [] as number[] };
      if (total !== undefined) row.vars.push(total), row.coefs.push(1);
      for (const p of parts) if (p !== undefined) row.vars.push(p), row.coefs.push(-1);
      if (row.vars.length > 0) rows.push(row);
    };

    const all = combos(r.dimensions, r.dimValues);
    for (const n of r.nodes) {
      const kids = children.get(n.key) ?? [];
      for (const dims of all) {
        // Tree: node = sum of its children (the "(direct)" node is one of them).
        if (kids.length > 0) pushRow(at(n.key, dims), kids.map((k) => at(k, dims)));
        // Margins: ALL = sum over the values of one dimension, for each fixed rest.
        for (const d of r.dimensions) {
          if (dims[d] !== ALL_MARK) continue;
          pushRow(at(n.key, dims), (r.dimValues[d] ?? []).map((v) => at(n.key, { ...dims, [d]: v })));
        }
      }
    }

    // Roll-ups: finest cell = sum of the same group in each covered block.
    if (!singleBlock) {
      const atomsByFinest = new Map<string, number[]>();
      for (const a of r.atoms) {
        const v = varFor(atomId(a.block, a.unitId, a.dims), a.eligible ?? Infinity);
        atomVar.set(atomId(a.block, a.unitId, a.dims), v);
        const key = JSON.stringify([a.unitId, ...r.dimensions.map((d) => a.dims[d])]);
        const list = atomsByFinest.get(key) ?? [];
        list.push(v);
        atomsByFinest.set(key, list);
      }
      for (const c of r.cells) {
        const finest = !children.has(c.nodeKey) && r.dimensions.every((d) => c.dims[d] !== ALL_MARK);
        if (!finest) continue;
        const parts = atomsByFinest.get(JSON.stringify([c.unitId, ...r.dimensions.map((d) => c.dims[d])])) ?? [];
        pushRow(vars.get(c.key), parts);
      }
    }
  }

  // Releases of the same block cut by different dimensions: equal totals on the dimensions they share.
  const list = [...releases];
  for (let i = 0; i < list.length; i++) {
    for (let j = i + 1; j < list.length; j++) {
      const a = list[i]!;
      const b = list[j]!;
      if (sameDimensionSet(a.dimensions, b.dimensions)) continue;
      const shared = a.blocks.filter((x) => b.blocks.includes(x));
      if (shared.length === 0) continue;
      const common = a.dimensions.filter((d) => b.dimensions.includes(d)).sort();
      const groups = new Map<string, { a: number[]; b: number[] }>();
      const collect = (r: Release, side: 'a' | 'b'): void => {
        for (const [id, v] of atomVar) {
          const parsed = JSON.parse(id) as [string, string, string, ...[string, string][]];
          const [, block, unitId, ...pairs] = parsed;
          if (!shared.includes(block)) continue;
          const names = pairs.map((p) => p[0]).sort();
          if (!sameDimensionSet(names, r.dimensions)) continue;
          const values = Object.fromEntries(pairs);
          const g = JSON.stringify([block, unitId, ...common.map((d) => values[d])]);
          const entry = groups.get(g) ?? { a: [], b: [] };
          if (!entry[side].includes(v)) entry[side].push(v);
          groups.set(g, entry);
        }
      };
      collect(a, 'a');
      collect(b, 'b');
      for (const [g, { a: av, b: bv }] of groups) {
        const gv = varFor(`group:${a.releaseId}:${b.releaseId}:${g}`, Infinity);
        pushGroup(rows, gv, av);
        pushGroup(rows, gv, bv);
      }
    }
  }

  return { variables, rows, cellVar, cells: cellsById, releases: releaseById, atomVar };
}

function pushGroup(rows: LinearSystem['rows'], total: number, parts: number[]): void {
  rows.push({ vars: [total, ...parts], coefs: [1, ...parts.map(() => -1)] });
}
