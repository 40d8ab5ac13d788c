// A deliberately simple, separate derivability check for small cases, sharing no
// code with the auditor: every cell is written as a 0/1 vector over the finest
// groups (unit × full demographics), computed straight from the survey input;
// a hidden cell is derivable iff its vector lies in the span of the published
// cells' vectors. Dense Gaussian elimination over exact fractions (BigInt).

import type { Release, ReleaseCell, ReleaseInput } from '../model.js';

class Fraction {
  constructor(
    readonly num: bigint,
    readonly den: bigint = 1n,
  ) {}
  static of(num: bigint, den: bigint): Fraction {
    if (den < 0n) [num, den] = [-num, -den];
    let a = num < 0n ? -num : num;
    let b = den;
    while (b) [a, b] = [b, a % b];
    return a > 1n ? new Fraction(num / a, den / a) : new Fraction(num, den);
  }
  isZero(): boolean {
    return this.num === 0n;
  }
  sub(o: Fraction): Fraction {
    return Fraction.of(this.num * o.den - o.num * this.den, this.den * o.den);
  }
  mul(o: Fraction): Fraction {
    return Fraction.of(this.num * o.num, this.den * o.den);
  }
  div(o: Fraction): Fraction {
    return Fraction.of(this.num * o.den, this.den * o.num);
  }
}

/** Echelon basis of row vectors; `reduce` returns what is left of a vector outside the span. */
class Span {
  private readonly rows: { pivot: number; row: Fraction[] }[] = [];
  add(v: Fraction[]): void {
    const r = this.reduce(v);
    const pivot = r.findIndex((x) => !x.isZero());
    if (pivot >= 0) this.rows.push({ pivot, row: r });
  }
  reduce(v: Fraction[]): Fraction[] {
    let r = [...v];
    for (const { pivot, row } of this.rows) {
      if (r[pivot]!.isZero()) continue;
      const f = r[pivot]!.div(row[pivot]!);
      r = r.map((x, i) => x.sub(f.mul(row[i]!)));
    }
    return r;
  }
  contains(v: Fraction[]): boolean {
    return this.reduce(v).every((x) => x.isZero());
  }
}

/** Hidden cells (per layer: 'n' or a question key) whose value follows from published ones. */
export function bruteForceDerivable(input: ReleaseInput, release: Release): { layer: string; cellKey: string }[] {
  return bruteForce(input, release).hidden;
}

/**
 * Groups of the full cross-classification that the release does not hold (latent), that follow
 * from published cells and hold fewer than k respondents (layer 'n') or answers (a question).
 */
export function bruteForceLatentDerivable(input: ReleaseInput, release: Release): { layer: string; group: string }[] {
  return bruteForce(input, release).latent;
}

function bruteForce(input: ReleaseInput, release: Release): { hidden: { layer: string; cellKey: string }[]; latent: { layer: string; group: string }[] } {
  const parent = new Map(input.units.map((u) => [u.id, u.parentId]));
  const isUnder = (unitId: string, ancestor: string): boolean => {
    for (let u: string | null | undefined = unitId; u; u = parent.get(u)) if (u === ancestor) return true;
    return false;
  };
  const dimValue = (dims: Record<string, string | null | undefined> | undefined, d: string): string => {
    const v = dims?.[d];
    return v === undefined || v === null || v === '' ? 'Unknown' : v;
  };
  const groups = new Map<string, { unitId: string; dims: Record<string, string> }>();
  for (const row of [...input.headcounts, ...input.responses]) {
    const dims = Object.fromEntries(input.dimensions.map((d) => [d, dimValue(row.dims, d)]));
    groups.set(JSON.stringify([row.unitId, dims]), { unitId: row.unitId, dims });
  }
  const atoms = [...groups.values()];
  type Group = { unitId: string; direct: boolean; dims: Record<string, string> };
  const member = (c: Group, unitId: string, dims: Record<string, string>): boolean => {
    const inNode = c.direct ? unitId === c.unitId : isUnder(unitId, c.unitId);
    return inNode && input.dimensions.every((d) => c.dims[d] === '*' || c.dims[d] === dims[d]);
  };
  const vector = (c: Group): Fraction[] => atoms.map((a) => new Fraction(member(c, a.unitId, a.dims) ? 1n : 0n));

  // Every group of the cross-classification: each release node × each (value or ALL) per dimension.
  let combos: Record<string, string>[] = [{}];
  for (const d of input.dimensions) {
    const values = [...new Set(atoms.map((a) => a.dims[d]!))];
    combos = combos.flatMap((c) => ['*', ...values].map((v) => ({ ...c, [d]: v })));
  }
  const inRelease = new Set(release.cells.map((c) => JSON.stringify([c.nodeKey, input.dimensions.map((d) => c.dims[d])])));
  const latentGroups: (Group & { label: string })[] = [];
  for (const node of release.nodes) {
    for (const dims of combos) {
      const g = { unitId: node.unitId, direct: node.direct, dims };
      if (inRelease.has(JSON.stringify([node.key, input.dimensions.map((d) => dims[d])]))) continue;
      if (!atoms.some((a) => member(g, a.unitId, a.dims))) continue; // nobody there: not a group
      latentGroups.push({ ...g, label: `${node.key}|${JSON.stringify(dims)}` });
    }
  }
  const counts = (g: Group, layer: string): number =>
    input.responses.filter((r) => member(g, r.unitId, Object.fromEntries(input.dimensions.map((d) => [d, dimValue(r.dims, d)]))) && (layer === 'n' || (r.answers[layer] ?? null) !== null)).length;

  const hidden: { layer: string; cellKey: string }[] = [];
  const latent: { layer: string; group: string }[] = [];
  for (const layer of ['n', ...release.measures.map((m) => m.key)]) {
    const shown = (c: ReleaseCell): boolean => c.status === 'PUBLISHED' && (layer === 'n' || c.measures[layer]?.status === 'PUBLISHED');
    const span = new Span();
    for (const c of release.cells) if (shown(c)) span.add(vector(c));
    for (const c of release.cells) if (!shown(c) && span.contains(vector(c))) hidden.push({ layer, cellKey: c.key });
    for (const g of latentGroups) {
      if (Math.min(counts(g, 'n'), counts(g, layer)) >= release.k) continue;
      if (span.contains(vector(g))) latent.push({ layer, group: g.label });
    }
  }
  return { hidden, latent };
}
