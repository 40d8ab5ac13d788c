// The auditor's own view of the linear relations between cells, rebuilt from the
// releases' node trees and dimension values (not from anything the suppressor
// computed). One variable per cell of every release, except that the finest cells
// of a single-block release ARE the block's atoms, so two releases of the same
// round share them. Multi-block releases (roll-ups) get explicit
// "finest cell = sum of its per-block atoms" rows.

import { cellKey } from '../keys.js';
import type { Release, ReleaseCell } from '../model.js';

export interface AuditVariable {
  /** Eligible headcount bound (Infinity when unknown). */
  eligible: number;
  /** Cells (release, key) represented by this variable; empty for pure atoms/groups. */
  cells: { releaseId: string; cellKey: string }[];
  /** Groups of the cross-classification this variable is, that the release does not hold (latent). */
  latent: { releaseId: string; cellKey: string }[];
}

export interface LinearSystem {
  variables: AuditVariable[];
  /** Each row: sum(coef * x) = 0. */
  rows: { vars: number[]; coefs: number[] }[];
  /** releaseId → cellKey → variable index. */
  cellVar: Map<string, Map<string, number>>;
  /** releaseId → cell key → variable, for every group of the cross-classification (cells and latent groups). */
  groupVar: Map<string, Map<string, number>>;
  /**
   * Atom variable → every variable whose group holds it (itself included), over all single-block
   * releases; and the reverse, variable → its atoms. Moving one atom moves exactly these.
   */
  containers: Map<number, number[]>;
  members: Map<number, number[]>;
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
      variables.push({ eligible, cells: [], latent: [] });
    } else {
      variables[i]!.eligible = Math.min(variables[i]!.eligible, eligible);
    }
    return i;
  };
  const rows: LinearSystem['rows'] = [];
  const cellVar = new Map<string, Map<string, number>>();
  const containers = new Map<number, number[]>();
  const members = new Map<number, number[]>();
  const groupVar = new Map<string, Map<string, number>>();
  const cellsById = new Map<string, Map<string, ReleaseCell>>();
  const releaseById = new Map<string, Release>();
  const atomVar = new Map<string, number>();

  for (const r of releases) {
    if (releaseById.has(r.releaseId)) throw new Error(`release ${r.releaseId} given twice`);
    releaseById.set(r.releaseId, r);
    const children = new Map<string, string[]>();
    const nodeByKey = new Map<string, Release['nodes'][number]>();
    for (const n of r.nodes) {
      nodeByKey.set(n.key, n);
      if (n.parentKey === null) continue;
      const list = children.get(n.parentKey) ?? [];
      list.push(n.key);
      children.set(n.parentKey, list);
    }
    const keyed = new Map<string, ReleaseCell>();
    for (const c of r.cells) keyed.set(c.key, c);
    cellsById.set(r.releaseId, keyed);
    const vars = new Map<string, number>();
    const groups = new Map<string, number>();
    cellVar.set(r.releaseId, vars);
    groupVar.set(r.releaseId, groups);
    const singleBlock = r.blocks.length === 1;

    // The cross-classification the release's cells are margins of: rebuilt from the atoms when
    // the release lists them (a release may publish only some tables of it; the other cells are
    // latent unknowns), otherwise the release's cells are the whole of it.
    const cube = new Map<string, { nodeKey: string; unitId: string; dims: Record<string, string>; eligible: number }>();
    const addToCube = (nodeKey: string, unitId: string, dims: Record<string, string>, eligible: number): void => {
      const at = coord(nodeKey, r.dimensions, dims);
      const entry = cube.get(at);
      if (entry) entry.eligible += eligible;
      else cube.set(at, { nodeKey, unitId, dims, eligible });
    };
    if (r.atoms.length > 0) {
      const leafOf = new Map<string, string>();
      for (const n of r.nodes) if (!children.has(n.key) && (n.direct || !leafOf.has(n.unitId))) leafOf.set(n.unitId, n.key);
      for (const a of r.atoms) {
        for (let nodeKey = leafOf.get(a.unitId); nodeKey !== undefined; nodeKey = nodeByKey.get(nodeKey)!.parentKey ?? undefined) {
          const node = nodeByKey.get(nodeKey)!;
          for (let mask = 0; mask < 1 << r.dimensions.length; mask++) {
            const dims: Record<string, string> = {};
            r.dimensions.forEach((d, i) => (dims[d] = mask & (1 << i) ? ALL_MARK : (a.dims[d] ?? '')));
            addToCube(nodeKey, node.unitId, dims, a.eligible ?? Infinity);
          }
        }
      }
      for (const c of r.cells) {
        const entry = cube.get(coord(c.nodeKey, r.dimensions, c.dims));
        if (!entry) throw new Error(`release ${r.releaseId}: cell ${c.key} holds none of the release's atoms`);
      }
    } else {
      for (const c of r.cells) addToCube(c.nodeKey, c.unitId, c.dims, c.eligible ?? Infinity);
    }
    const byCoord = new Map<string, ReleaseCell>();
    for (const c of r.cells) byCoord.set(coord(c.nodeKey, r.dimensions, c.dims), c);

    // Variables: finest cells of a single-block release are atoms; everything else is its own variable.
    const cubeVar = new Map<string, number>();
    for (const [at, g] of cube) {
      const c = byCoord.get(at);
      const eligible = c ? (c.eligible ?? Infinity) : g.eligible;
      const finest = !children.has(g.nodeKey) && r.dimensions.every((d) => g.dims[d] !== ALL_MARK);
      const id = finest && singleBlock ? atomId(r.blocks[0]!, g.unitId, g.dims) : `cell:${r.releaseId}:${at}`;
      const v = varFor(id, eligible);
      if (finest && singleBlock) atomVar.set(id, v);
      cubeVar.set(at, v);
      const key = c?.key ?? cellKey(g.nodeKey, r.dimensions, g.dims);
      groups.set(key, v);
      if (c) {
        variables[v]!.cells.push({ releaseId: r.releaseId, cellKey: c.key });
        vars.set(c.key, v);
      } else {
        variables[v]!.latent.push({ releaseId: r.releaseId, cellKey: key });
      }
    }
    const at = (nodeKey: string, dims: Record<string, string>): number | undefined => cubeVar.get(coord(nodeKey, r.dimensions, dims));

    // Which groups hold each atom (finest cell of a single-block release), for atom-swap witnesses.
    if (singleBlock) {
      for (const g of cube.values()) {
        if (children.has(g.nodeKey) || !r.dimensions.every((d) => g.dims[d] !== ALL_MARK)) continue;
        const atom = at(g.nodeKey, g.dims)!;
        const list = containers.get(atom) ?? [];
        for (let nodeKey: string | null = g.nodeKey; nodeKey !== null; nodeKey = nodeByKey.get(nodeKey)!.parentKey) {
          for (let mask = 0; mask < 1 << r.dimensions.length; mask++) {
            const dims: Record<string, string> = {};
            r.dimensions.forEach((d, i) => (dims[d] = mask & (1 << i) ? ALL_MARK : g.dims[d]!));
            const v = at(nodeKey, dims);
            if (v === undefined || list.includes(v)) continue;
            list.push(v);
            const m = members.get(v) ?? [];
            m.push(atom);
            members.set(v, m);
          }
        }
        containers.set(atom, list);
      }
    }
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
      for (const [at, g] of cube) {
        const finest = !children.has(g.nodeKey) && r.dimensions.every((d) => g.dims[d] !== ALL_MARK);
        if (!finest) continue;
        const parts = atomsByFinest.get(JSON.stringify([g.unitId, ...r.dimensions.map((d) => g.dims[d])])) ?? [];
        pushRow(cubeVar.get(at), parts);
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

  return { variables, rows, cellVar, groupVar, containers, members, cells: cellsById, releases: releaseById, atomVar };
}

function pushGroup(rows: LinearSystem['rows'], total: number, parts: number[]): void {
  rows.push({ vars: [total, ...parts], coefs: [1, ...parts.map(() => -1)] });
}
