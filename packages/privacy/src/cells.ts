// Builds the cell model: every publishable (node × demographic) cell with its
// headcount, respondent count and per-question additive statistics.
// Everything is keyed and sorted by stable keys, so input order never matters.

import { ALL, UNKNOWN, cellKey, compareStrings, directNodeKey, unitNodeKey } from './keys.js';
import type {
  CellModel,
  DimValues,
  HistogramMeasureDef,
  MeasureDef,
  MeasureStats,
  ModelAtom,
  ModelCell,
  ModelNode,
  OrgUnit,
  QuestionDef,
  ReleaseInput,
} from './model.js';

/** Raised for inconsistent input; the caller must not publish anything. */
export class PrivacyInputError extends Error {
  override name = 'PrivacyInputError';
}

/** One atom's raw contribution before aggregation (shared with the imported-data builder). */
export interface RawAtom {
  block: string;
  unitId: string;
  dims: Record<string, string>;
  /** Eligible headcount, or null if unknown. */
  h: number | null;
  n: number;
  measures: Record<string, MeasureStats>;
}

export function defaultFavourableAtLeast(min: number, max: number): number {
  return min + Math.ceil(0.75 * (max - min));
}

/** Question definitions → histogram measures, validated. */
export function questionMeasures(questions: readonly QuestionDef[]): HistogramMeasureDef[] {
  const seen = new Set<string>();
  const out: HistogramMeasureDef[] = [];
  for (const q of questions) {
    if (seen.has(q.key)) throw new PrivacyInputError(`duplicate question ${q.key}`);
    seen.add(q.key);
    if (!Number.isInteger(q.min) || !Number.isInteger(q.max) || q.max <= q.min || q.max - q.min > 20) {
      throw new PrivacyInputError(`question ${q.key}: scale must be integers with min < max and at most 21 points`);
    }
    const fav = q.favourableAtLeast ?? defaultFavourableAtLeast(q.min, q.max);
    if (!Number.isInteger(fav) || fav <= q.min || fav > q.max) {
      throw new PrivacyInputError(`question ${q.key}: favourableAtLeast must be an integer in (min, max]`);
    }
    out.push({ kind: 'histogram', key: q.key, min: q.min, max: q.max, favourableAtLeast: fav });
  }
  return out.sort((a, b) => compareStrings(a.key, b.key));
}

export function normaliseDims(dimensions: readonly string[], dims: DimValues | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const d of dimensions) {
    const v = dims?.[d];
    out[d] = v === undefined || v === null || v === '' ? UNKNOWN : v;
  }
  return out;
}

function atomKey(block: string, unitId: string, dimensions: readonly string[], dims: Record<string, string>): string {
  return JSON.stringify([block, unitId, ...dimensions.map((d) => dims[d])]);
}

function emptyStats(measures: readonly MeasureDef[]): Record<string, MeasureStats> {
  const out: Record<string, MeasureStats> = {};
  for (const m of measures) {
    out[m.key] = m.kind === 'histogram' ? { count: 0, sum: 0, histogram: new Array<number>(m.max - m.min + 1).fill(0) } : { count: 0, sum: 0 };
  }
  return out;
}

function addStats(into: Record<string, MeasureStats>, from: Record<string, MeasureStats>): void {
  for (const [key, s] of Object.entries(from)) {
    const t = into[key];
    if (!t) continue;
    t.count += s.count;
    t.sum += s.sum;
    if (t.histogram && s.histogram) for (let i = 0; i < t.histogram.length; i++) t.histogram[i]! += s.histogram[i] ?? 0;
  }
}

/** Survey input → atoms (one per block × unit × full demographics). */
function surveyAtoms(input: ReleaseInput, blocks: string[], measures: HistogramMeasureDef[]): RawAtom[] {
  const dimensions = [...input.dimensions];
  const atoms = new Map<string, RawAtom>();
  const blockOf = (b: string | undefined): string => {
    const block = b ?? blocks[0]!;
    if (!blocks.includes(block)) throw new PrivacyInputError(`row belongs to block ${block}, which the release does not cover`);
    return block;
  };
  const get = (block: string, unitId: string, dims: Record<string, string>): RawAtom => {
    const key = atomKey(block, unitId, dimensions, dims);
    let a = atoms.get(key);
    if (!a) {
      a = { block, unitId, dims, h: 0, n: 0, measures: emptyStats(measures) };
      atoms.set(key, a);
    }
    return a;
  };
  for (const row of input.headcounts) {
    if (!Number.isInteger(row.eligible) || row.eligible < 0) throw new PrivacyInputError(`eligible must be a non-negative integer`);
    const a = get(blockOf(row.block), row.unitId, normaliseDims(dimensions, row.dims));
    a.h = (a.h ?? 0) + row.eligible;
  }
  const byKey = new Map(measures.map((m) => [m.key, m]));
  for (const row of input.responses) {
    const a = get(blockOf(row.block), row.unitId, normaliseDims(dimensions, row.dims));
    a.n += 1;
    for (const [key, value] of Object.entries(row.answers)) {
      if (value === null || value === undefined) continue; // skipped question
      const m = byKey.get(key);
      if (!m) throw new PrivacyInputError(`answer to unknown question ${key}`);
      if (!Number.isInteger(value) || value < m.min || value > m.max) {
        throw new PrivacyInputError(`answer to ${key} must be an integer in [${m.min}, ${m.max}]`);
      }
      const s = a.measures[key]!;
      s.count += 1;
      s.sum += value;
      s.histogram![value - m.min]! += 1;
    }
  }
  return [...atoms.values()];
}

function resolveBlocks(releaseId: string, blocks: readonly string[] | undefined): string[] {
  const out = blocks && blocks.length > 0 ? [...blocks] : [releaseId];
  if (new Set(out).size !== out.length) throw new PrivacyInputError('duplicate block');
  return out;
}

/** Builds the cell model of a survey release. */
export function buildCellModel(input: ReleaseInput): CellModel {
  const releaseId = input.releaseId ?? 'release';
  const blocks = resolveBlocks(releaseId, input.blocks);
  const measures = questionMeasures(input.questions);
  return buildModelFromAtoms({
    releaseId,
    blocks,
    units: input.units,
    dimensions: [...input.dimensions],
    measures,
    atoms: surveyAtoms(input, blocks, measures),
  });
}

interface ModelFromAtomsInput {
  releaseId: string;
  blocks: string[];
  units: readonly OrgUnit[];
  dimensions: string[];
  measures: MeasureDef[];
  atoms: RawAtom[];
}

/** Shared by surveys and imported signals: the tree, the "(direct)" nodes, and all cells. */
export function buildModelFromAtoms(input: ModelFromAtomsInput): CellModel {
  const { dimensions, measures } = input;
  if (new Set(dimensions).size !== dimensions.length) throw new PrivacyInputError('duplicate dimension');
  const units = new Map<string, OrgUnit>();
  for (const u of input.units) {
    if (units.has(u.id)) throw new PrivacyInputError(`duplicate unit ${u.id}`);
    units.set(u.id, u);
  }
  const childUnits = new Map<string, string[]>();
  for (const u of units.values()) {
    if (u.parentId === null) continue;
    if (!units.has(u.parentId)) throw new PrivacyInputError(`unit ${u.id} has unknown parent ${u.parentId}`);
    const list = childUnits.get(u.parentId) ?? [];
    list.push(u.id);
    childUnits.set(u.parentId, list);
  }
  // Reject cycles: every unit must reach a root.
  for (const u of units.values()) {
    let cur: OrgUnit | undefined = u;
    for (let steps = 0; cur && cur.parentId !== null; steps++) {
      if (steps > units.size) throw new PrivacyInputError(`org tree has a cycle through ${u.id}`);
      cur = units.get(cur.parentId);
    }
  }

  // Drop atoms that cannot hold anyone; reject respondents outside the audience.
  const atoms: ModelAtom[] = [];
  const hasDirectPeople = new Set<string>();
  for (const a of input.atoms) {
    if (!units.has(a.unitId)) throw new PrivacyInputError(`row for unknown unit ${a.unitId}`);
    if (a.h !== null && a.n > a.h) {
      throw new PrivacyInputError(`more respondents (${a.n}) than eligible people (${a.h}) in unit ${a.unitId}`);
    }
    if (a.h === 0 && a.n === 0) continue;
    hasDirectPeople.add(a.unitId);
    atoms.push({ key: atomKey(a.block, a.unitId, dimensions, a.dims), ...a });
  }
  atoms.sort((x, y) => compareStrings(x.key, y.key));

  // Nodes: every unit's subtree, plus "(direct)" for units with both children and direct members.
  const nodes = new Map<string, ModelNode>();
  const depthOf = (id: string): number => {
    let d = 0;
    for (let cur = units.get(id); cur && cur.parentId !== null; cur = units.get(cur.parentId)) d++;
    return d;
  };
  for (const u of units.values()) {
    nodes.set(unitNodeKey(u.id), {
      key: unitNodeKey(u.id),
      unitId: u.id,
      direct: false,
      name: u.name,
      parentKey: u.parentId === null ? null : unitNodeKey(u.parentId),
      childKeys: [],
      depth: depthOf(u.id),
    });
  }
  for (const u of units.values()) {
    if ((childUnits.get(u.id)?.length ?? 0) > 0 && hasDirectPeople.has(u.id)) {
      const parent = nodes.get(unitNodeKey(u.id))!;
      nodes.set(directNodeKey(u.id), {
        key: directNodeKey(u.id),
        unitId: u.id,
        direct: true,
        name: `${u.name} (direct)`,
        parentKey: parent.key,
        childKeys: [],
        depth: parent.depth + 1,
      });
    }
  }
  for (const n of nodes.values()) if (n.parentKey !== null) nodes.get(n.parentKey)!.childKeys.push(n.key);
  for (const n of nodes.values()) n.childKeys.sort(compareStrings);

  const dimValues: Record<string, string[]> = {};
  for (const d of dimensions) dimValues[d] = [...new Set(atoms.map((a) => a.dims[d]!))].sort(compareStrings);

  // Aggregate every atom into every cell that contains it: its node's ancestors × each margin mask.
  const cells = new Map<string, ModelCell>();
  const masks = 1 << dimensions.length;
  for (const a of atoms) {
    const leafNode = nodes.has(directNodeKey(a.unitId)) ? directNodeKey(a.unitId) : unitNodeKey(a.unitId);
    for (let nodeKey: string | null = leafNode; nodeKey !== null; nodeKey = nodes.get(nodeKey)!.parentKey) {
      const node = nodes.get(nodeKey)!;
      for (let mask = 0; mask < masks; mask++) {
        const dims: Record<string, string> = {};
        dimensions.forEach((d, i) => (dims[d] = mask & (1 << i) ? ALL : a.dims[d]!));
        const key = cellKey(nodeKey, dimensions, dims);
        let c = cells.get(key);
        if (!c) {
          c = { key, nodeKey, unitId: node.unitId, direct: node.direct, dims, h: 0, n: 0, measures: emptyStats(measures) };
          cells.set(key, c);
        }
        c.h = c.h === null || a.h === null ? null : c.h + a.h;
        c.n += a.n;
        addStats(c.measures, a.measures);
      }
    }
  }

  return {
    releaseId: input.releaseId,
    blocks: [...input.blocks],
    dimensions: [...dimensions],
    dimValues,
    nodes: [...nodes.values()].sort((x, y) => compareStrings(x.key, y.key)),
    measures: [...measures],
    atoms,
    cells: [...cells.values()].sort((x, y) => compareStrings(x.key, y.key)),
  };
}
