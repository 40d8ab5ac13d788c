// Independent auditor. It shares only types and key helpers with the suppressor:
// relations, sensitivity rules, exact elimination and bounds are all rebuilt here.

import type { AuditReport, CellModel, HistogramMeasureDef, MeasureDef, ModelAtom, ModelCell, Release, ReleaseCell, Violation } from '../model.js';
import { eliminate, type Elimination, type SparseRow } from './elimination.js';
import { COUNT_LAYER, isHiddenIn, layerKnowns, measureDefs, nearUnanimity, sensitivityOf, type LayerKnowns, type Sensitivity } from './facts.js';
import { BoundsModel, checkTarget, type IntervalTarget, type LocalBounds, type VarTruth } from './intervals.js';
import { loadSolver } from './lp.js';
import type { Highs } from 'highs';
import { impliedBelowThreshold, partCaps, type PartCap } from './rollup-reasons.js';
import { atomId, buildLinearSystem, type LinearSystem } from './system.js';
import { unitLevelReleases, withWholeUnitGroups } from './unit-level.js';

export interface AuditOptions {
  /** Earlier releases covering the same people (same rounds, or rounds this one rolls up). */
  priorReleases?: readonly Release[];
  /** The true data behind `release`: enables data-based sensitivity, integrity and insider checks. */
  truth?: CellModel;
  /** Run the LP bound checks (default true). The exact test always runs. */
  intervals?: boolean;
  /**
   * Run the bound checks only when everything before them passed (exact, residual, threshold):
   * a repair loop fixes those first, and bound checks of a release about to change are wasted.
   * The report is then what `intervals: false` would give.
   */
  boundsOnlyIfExactPasses?: boolean;
  /**
   * Attacker model: hiding reasons are visible (BELOW_THRESHOLD ⇒ n <= k-1, COMPLEMENTARY ⇒ n >= k).
   * Default false: the UI shows one message for every hidden cell. Bands are always visible.
   */
  seesReasons?: boolean;
  /**
   * Components up to this many LP columns get one exact, warm-started LP (default 4000).
   * Larger ones are checked with witnesses and pinned neighbourhoods (sound, conservative).
   */
  lpComponentLimit?: number;
  /**
   * At most this many sensitive hidden groups may need bound checks in components above
   * `lpComponentLimit` (default 150); beyond that the audit stops with an AUDIT_LIMIT
   * violation instead of running for hours. Deterministic: it depends on the release only.
   */
  maxLargeComponentTargets?: number;
  /**
   * Which checks a target in a region above `lpComponentLimit` gets after its witnesses (default
   * 'all': atom-space LPs, then pinned neighbourhoods). 'atomSpace' or 'neighbourhoods' keep only
   * one of them (tests: each must, on its own, miss nothing the exact LP finds). Every path
   * reports what it cannot certify.
   */
  largePath?: 'all' | 'atomSpace' | 'neighbourhoods';
  /** How many atoms the successive atom-space LPs free at most (default [24, 96]). */
  atomSpaceAtoms?: readonly number[];
  /**
   * Releases that hold only whole-node totals are audited on one unknown per (round, unit)
   * (default true; unit-level.ts says why the audit is the same). False keeps it on the atoms (tests).
   */
  unitLevel?: boolean;
  /** The LP solver to use (default: the HiGHS WASM build, loaded once). Tests inject faulty solvers here. */
  solver?: () => Promise<Highs>;
  /**
   * Memo for repeated audits of one release as it gets more suppression (the repair loop): bound
   * checks that passed stay passed when the new release only hides more than the memo's last one
   * (the attacker's feasible set can only grow). The auditor verifies that itself and starts
   * afresh otherwise. Create with createAuditMemo().
   */
  memo?: AuditMemo;
}

export interface AuditMemo {
  last?: { release: Release; truth: CellModel | undefined; priors: readonly Release[] | undefined; seesReasons: boolean };
  passed: Set<string>;
}

export function createAuditMemo(): AuditMemo {
  return { passed: new Set() };
}

/** Whether `next` tells an attacker nothing that `prev` did not (same data, only more hidden). */
function onlyHidesMore(prev: Release, next: Release): boolean {
  if (prev.releaseId !== next.releaseId || prev.k !== next.k || JSON.stringify(prev.dimensions) !== JSON.stringify(next.dimensions)) return false;
  if (JSON.stringify(prev.blocks) !== JSON.stringify(next.blocks) || JSON.stringify(prev.nodes) !== JSON.stringify(next.nodes)) return false;
  const before = new Map(prev.cells.map((c) => [c.key, c]));
  for (const c of next.cells) {
    const p = before.get(c.key);
    if (!p || p.eligible !== c.eligible) return false;
    if (c.status === 'PUBLISHED' && (p.status !== 'PUBLISHED' || p.n !== c.n)) return false;
    if (c.status === 'HIDDEN' && p.status === 'HIDDEN' && p.reason !== c.reason) return false;
    for (const [key, m] of Object.entries(c.measures)) {
      const pm = p.measures[key];
      if (!pm) return false;
      if (m.status === 'HIDDEN') {
        if (pm.status === 'HIDDEN' && pm.reason !== m.reason) return false;
      } else if (JSON.stringify(m) !== JSON.stringify(pm) && !(m.status === 'BANDED' && pm.status === 'PUBLISHED')) return false;
    }
  }
  return true;
}

export async function auditRelease(release: Release, options: AuditOptions = {}): Promise<AuditReport> {
  const started = performance.now();
  const releases = [...linkedPriors(release, options.priorReleases ?? []), release];
  // Releases of whole-node totals only are audited on one unknown per (round, unit), plus the
  // latent groups that are unions of whole units: the same facts, far fewer unknowns (unit-level.ts).
  const unitReleases = options.unitLevel === false ? undefined : unitLevelReleases(releases);
  const system = buildLinearSystem(unitReleases ?? releases);
  const exactSystem = unitReleases ? withWholeUnitGroups(system, release) : system;
  const defs = measureDefs(releases);
  const layers = layerKnowns(system, defs);
  const truth = options.truth;
  if (truth && truth.releaseId !== release.releaseId) throw new Error('truth does not belong to this release');
  const truthCells = new Map<string, ModelCell>((truth?.cells ?? []).map((c) => [c.key, c]));

  const violations: Violation[] = [];
  const redundant: AuditReport['redundant'] = [];

  // Sensitivity of every hidden cell, judged by this module's own reading of the rules.
  const sensitivity = new Map<string, Map<string, Sensitivity>>();
  let hiddenCells = 0;
  for (const r of releases) {
    const map = new Map<string, Sensitivity>();
    sensitivity.set(r.releaseId, map);
    const isCurrent = r === release;
    for (const c of r.cells) {
      map.set(c.key, sensitivityOf(c, r, isCurrent ? truthCells.get(c.key) : undefined, defs));
      if (c.status === 'HIDDEN') hiddenCells++;
      violations.push(...publishedChecks(r, c, isCurrent ? truthCells.get(c.key) : undefined, isCurrent && truth !== undefined));
    }
  }

  // Exact test, layer by layer: a hidden value is derivable iff its unit vector is in the row space.
  const exactEliminations = eliminateLayers(exactSystem, layers);
  for (const layer of layers) {
    const elimination = exactEliminations.get(layer.key)!;
    // Published values count too: in the unit view one unknown can stand for cells of several
    // releases (the same unit's total) and for latent groups equal to it.
    for (const v of [...elimination.determined, ...layer.known.keys()]) {
      for (const { releaseId, cellKey } of exactSystem.variables[v]!.cells) {
        const cell = exactSystem.cells.get(releaseId)!.get(cellKey)!;
        if (!isHiddenIn(cell, layer.key)) continue;
        const s = sensitivity.get(releaseId)!.get(cellKey)!;
        const sensitive = layer.key === COUNT_LAYER ? s.count : (s.measures.get(layer.key)?.exact ?? false);
        if (sensitive) violations.push({ releaseId, cellKey, kind: 'EXACT', layer: layer.key, detail: 'value follows exactly from published cells' });
        else redundant.push({ releaseId, cellKey, layer: layer.key });
      }
      // Latent groups (cells of the cross-classification the release does not hold) are real
      // people too: judged from the current data, they must not be worked out either.
      for (const { releaseId, cellKey } of exactSystem.variables[v]!.latent) {
        const t = releaseId === release.releaseId ? truthCells.get(cellKey) : undefined;
        if (!t) continue;
        if (latentSensitive(t, release, defs, layer.key)) {
          violations.push({ releaseId, cellKey, kind: 'EXACT', layer: layer.key, detail: 'a group no table shows follows exactly from published cells' });
        }
      }
    }
  }

  // Residuals: when a relation's total is published, its hidden parts add up to a known group.
  // In the unit view a unit's unknown also stands for the latent groups equal to it; in the atoms'
  // system those are unknowns of their own, whose only row with a published total is the unit's
  // own margin (their parts add up to that published total), so they are never a residual there.
  violations.push(...residualChecks(exactSystem, layers, release, varTruth(exactSystem, release, truth), unitReleases === undefined));

  // Roll-ups (rollup-reasons.ts): a BELOW_THRESHOLD a reader can see on a group of k or more is
  // explained by a linked round release, or by a round whose part the data show below k (then
  // that part is capped at k - 1 instead of the total); one that nothing explains fails closed.
  const seesReasons = options.seesReasons ?? false;
  const implied = seesReasons ? impliedBelowThreshold(releases) : new Map<string, Map<string, Set<string>>>();
  let caps: PartCap[] = [];
  if (seesReasons && truth) {
    // (Single-block releases, as in the unit view, never get caps: their one part is the cell.)
    const found = partCaps(release, truth, implied.get(release.releaseId), (id) => system.atomVar.get(id));
    caps = found.caps.filter((cap) => cap.layer === COUNT_LAYER || defs.get(cap.layer)?.kind === 'histogram');
    for (const u of [...found.unexplained, ...found.caps.filter((cap) => !caps.includes(cap))]) {
      violations.push({ releaseId: release.releaseId, cellKey: u.cellKey, kind: 'THRESHOLD', layer: u.layer, detail: 'hidden as below k with k or more in the data, and neither a round release nor a round of the data explains it' });
    }
    const mine = implied.get(release.releaseId) ?? new Map<string, Set<string>>();
    for (const cap of caps) mine.set(cap.cellKey, new Set([...(mine.get(cap.cellKey) ?? []), cap.layer]));
    implied.set(release.releaseId, mine);
  }

  let lpSolves = 0;
  const counts = { witnessCertified: 0, atomSpaceCertified: 0 };
  if (options.intervals !== false && !(options.boundsOnlyIfExactPasses && violations.length > 0)) {
    const current = (unitReleases ?? releases).at(-1)!;
    const eliminations = exactSystem === system ? exactEliminations : eliminateLayers(system, layers);
    const highs = await (options.solver ?? loadSolver)();
    const { noSkip, exactCountVars } = countFacts(system, current, truth);
    const truthOf = varTruth(system, current, truth);
    const model = new BoundsModel(highs, system, layers, noSkip, exactCountVars, (v) => truthOf.get(v));
    addReasonFacts(model, system, layers, seesReasons, implied);
    addPartCaps(model, layers, caps, release.k);
    model.finish();
    try {
      const limit = options.lpComponentLimit ?? COMPONENT_LIMIT;
      const insiderVar = (a: ModelAtom) => system.atomVar.get(atomId(a.block, a.unitId, unitReleases ? {} : a.dims));
      const targets = intervalTargets(system, unitReleases ?? releases, current, truth, sensitivity, insiderVar);
      const memo = options.memo;
      const last = memo?.last;
      const reusable =
        last !== undefined && last.truth === truth && last.priors === options.priorReleases && last.seesReasons === (options.seesReasons ?? false) && onlyHidesMore(last.release, release);
      if (memo && !reusable) memo.passed.clear();
      const passed = memo?.passed ?? new Set<string>();
      // Targets in regions too large for one LP: first the witnesses alone (feasible points built
      // from the true data; sound whatever found them). A target they fully certify needs no LP,
      // and its result is exactly what checkInterval would return; only the others count
      // against the limit and go on to the pinned-neighbourhood LPs. Once the limit is passed the
      // audit's outcome is settled (AUDIT_LIMIT, which no repair can fix), so it stops there.
      const maxLarge = options.maxLargeComponentTargets ?? 150;
      const needLp: IntervalTarget[] = [];
      let large = 0;
      for (const target of targets) {
        if (model.componentSize(target.v) <= limit) needLp.push(target);
        else {
          const found = witnessOnly(model, layers, target, seesReasons, eliminations, passed);
          if (found === undefined) {
            needLp.push(target);
            if (++large > maxLarge) break;
          } else {
            violations.push(...found);
            if (found.length === 0) counts.witnessCertified++;
          }
        }
      }
      if (large > maxLarge) {
        violations.push({
          releaseId: release.releaseId,
          cellKey: '*',
          kind: 'AUDIT_LIMIT',
          layer: COUNT_LAYER,
          detail: `more than ${maxLarge} small hidden groups that witnesses could not certify sit in hidden regions too large to bound-check (over ${limit} LP columns); publish fewer dimensions per release`,
        });
      } else {
        for (const target of needLp) violations.push(...checkInterval(model, layers, target, seesReasons, eliminations, limit, passed, options.largePath ?? 'all', counts, options.atomSpaceAtoms ?? ATOM_SPACES));
        if (memo) memo.last = { release, truth, priors: options.priorReleases, seesReasons: options.seesReasons ?? false };
      }
    } finally {
      model.dispose();
    }
    lpSolves = model.solves;
  }

  return { ok: violations.length === 0, violations, redundant, stats: { hiddenCells, lpSolves, ms: Math.round(performance.now() - started), ...counts, ...(unitReleases ? { unitLevel: true } : {}) } };
}

/**
 * Layer by layer, the elimination of the relations restricted to the layer's unknowns. The rows
 * depend only on which variables a layer knows (coefficients are the relations'; values are not
 * used), so layers that know the same variables — typically every question whose published cells
 * are the count layer's — share one elimination.
 */
function eliminateLayers(system: LinearSystem, layers: LayerKnowns[]): Map<string, Elimination> {
  const out = new Map<string, Elimination>();
  const bySignature = new Map<string, Elimination>();
  for (const layer of layers) {
    const signature = [...layer.known.keys()].sort((a, b) => a - b).join(',');
    const elimination = bySignature.get(signature) ?? eliminate(layerRows(system, layer.known));
    bySignature.set(signature, elimination);
    out.set(layer.key, elimination);
  }
  return out;
}

/**
 * Earlier releases that share a data block with this one, directly or through other linked
 * releases. The rest share no unknown with it (different rounds are different people's answers
 * on a different day: no relation links them), so nothing published now can change what an
 * attacker infers about them; they were audited when they were published.
 */
function linkedPriors(release: Release, priors: readonly Release[]): Release[] {
  const blocks = new Set(release.blocks);
  const linked = new Set<Release>();
  for (let grew = true; grew; ) {
    grew = false;
    for (const p of priors) {
      if (linked.has(p) || !p.blocks.some((b) => blocks.has(b))) continue;
      linked.add(p);
      for (const b of p.blocks) blocks.add(b);
      grew = true;
    }
  }
  return priors.filter((p) => linked.has(p));
}

/** The relations with a layer's known variables moved to the right-hand side (only the unknowns' coefficients). */
function layerRows(system: LinearSystem, known: ReadonlyMap<number, unknown>): SparseRow[] {
  const rows: SparseRow[] = [];
  for (const row of system.rows) {
    const sparse: SparseRow = new Map();
    row.vars.forEach((v, i) => {
      if (!known.has(v)) sparse.set(v, (sparse.get(v) ?? 0n) + BigInt(row.coefs[i]!));
    });
    for (const [v, c] of sparse) if (c === 0n) sparse.delete(v);
    if (sparse.size > 0) rows.push(sparse);
  }
  return rows;
}

/** Whether a latent group's value in one layer is sensitive (same rules as for hidden cells). */
function latentSensitive(t: ModelCell, release: Release, defs: Map<string, MeasureDef>, layer: string): boolean {
  const placeholder: ReleaseCell = { key: t.key, nodeKey: t.nodeKey, unitId: t.unitId, direct: t.direct, dims: t.dims, eligible: t.h, status: 'HIDDEN', measures: {} };
  const s = sensitivityOf(placeholder, release, t, defs);
  return layer === COUNT_LAYER ? s.count : (s.measures.get(layer)?.exact ?? false);
}

/** Promise 1: a published figure comes from at least k respondents, and is the truth. */
function publishedChecks(r: Release, c: ReleaseCell, t: ModelCell | undefined, hasTruth: boolean): Violation[] {
  const out: Violation[] = [];
  const v = (kind: Violation['kind'], layer: string, detail: string): void => void out.push({ releaseId: r.releaseId, cellKey: c.key, kind, layer, detail });
  if (c.status !== 'PUBLISHED') {
    if (c.n !== undefined || Object.values(c.measures).some((m) => m.status !== 'HIDDEN')) v('THRESHOLD', COUNT_LAYER, 'hidden cell carries figures');
    return out;
  }
  if (hasTruth && !t) return [{ releaseId: r.releaseId, cellKey: c.key, kind: 'THRESHOLD', layer: COUNT_LAYER, detail: 'cell not in the data' }];
  const n = c.n ?? -1;
  if (n < r.k) v('THRESHOLD', COUNT_LAYER, `published with ${n} < k respondents`);
  if (t && t.n !== n) v('THRESHOLD', COUNT_LAYER, 'published count differs from the data');
  for (const def of r.measures) {
    const res = c.measures[def.key];
    const truth = t?.measures[def.key];
    if (!res) continue;
    if (res.status === 'PUBLISHED') {
      if (res.count < r.k) v('THRESHOLD', def.key, `published from ${res.count} < k answers`);
      if (truth && (truth.count !== res.count || truth.sum !== res.sum)) v('THRESHOLD', def.key, 'published value differs from the data');
      if (def.kind === 'histogram' && nearUnanimity(def, res.histogram ?? [])) v('UNANIMITY', def.key, 'near-unanimous result published exactly');
    } else if (res.status === 'BANDED' && truth && def.kind === 'histogram') {
      const dir = truth.count >= r.k ? nearUnanimity(def, truth.histogram ?? []) : null;
      if (dir !== res.band.direction || !bandIsTrue(def, truth.histogram ?? [], res.band.direction, res.band.share)) {
        v('UNANIMITY', def.key, 'band does not match the data');
      }
    }
  }
  return out;
}

function bandIsTrue(def: HistogramMeasureDef, hist: number[], dir: 'HIGH' | 'LOW', share: number): boolean {
  let count = 0;
  let fav = 0;
  hist.forEach((x, i) => ((count += x), def.min + i >= def.favourableAtLeast && (fav += x)));
  return dir === 'HIGH' ? fav >= share * count - 1e-9 : fav <= share * count + 1e-9;
}

/**
 * τ-Argus's "singleton" problem: two small cells hiding each other in a line whose
 * total is shown still reveal their sum, i.e. a group of fewer than k. For every
 * relation with a published total, the hidden parts' true count (respondents, or
 * answers to the question) must reach k.
 */
function residualChecks(system: LinearSystem, layers: ReturnType<typeof layerKnowns>, release: Release, truthOf: Map<number, VarTruth>, latentParts: boolean): Violation[] {
  const out = new Map<string, Violation>();
  for (const layer of layers) {
    const count = (v: number): number | undefined => {
      const t = truthOf.get(v);
      if (!t) return undefined;
      return layer.key === COUNT_LAYER ? t.n : t.measures[layer.key]?.count;
    };
    for (const row of system.rows) {
      const total = row.vars[row.coefs.indexOf(1)];
      if (total === undefined || !layer.known.has(total) || row.coefs.filter((c) => c === 1).length !== 1) continue;
      const hidden = row.vars.filter((v, i) => row.coefs[i] === -1 && !layer.known.has(v));
      if (hidden.length === 0) continue;
      const counts = hidden.map(count);
      if (counts.some((c) => c === undefined)) continue; // an earlier release's group: its data is gone
      const sum = (counts as number[]).reduce((a, b) => a + b, 0);
      if (sum >= release.k) continue;
      for (const v of hidden) {
        for (const { releaseId, cellKey } of [...system.variables[v]!.cells, ...(latentParts ? system.variables[v]!.latent : [])]) {
          if (releaseId !== release.releaseId) continue;
          const key = `${layer.key}|${cellKey}`;
          if (!out.has(key)) {
            out.set(key, { releaseId, cellKey, kind: 'RESIDUAL', layer: layer.key, detail: `hidden with others that together hold ${sum} < k, and their total is published` });
          }
        }
      }
    }
  }
  return [...out.values()];
}

/** Atom-space LPs of growing size (atoms freed) tried before pinned neighbourhoods. */
const ATOM_SPACES = [24, 96];

/** Thrown by the LP thunk of a witness-only pass: this target needs an LP. */
class NeedsLp extends Error {}

/**
 * Every bound check of one target with witnesses only: the violations (what checkTarget
 * returns) when no check needed an LP, undefined as soon as one does. Checks it certifies are
 * remembered in `passed`, so the LP pass that follows does not repeat them.
 */
function witnessOnly(
  model: BoundsModel,
  layers: ReturnType<typeof layerKnowns>,
  target: IntervalTarget,
  seesReasons: boolean,
  eliminations: Map<string, Elimination>,
  passed: Set<string>,
): Violation[] | undefined {
  try {
    return checkTarget(model, () => { throw new NeedsLp(); }, layers, target, seesReasons, eliminations, passed);
  } catch (e) {
    if (e instanceof NeedsLp) return undefined;
    throw e;
  }
}

/** Above this many LP columns, a component is first checked through pinned neighbourhoods. */
const COMPONENT_LIMIT = 12000;

/**
 * Bound checks for one target. Moderate components: one exact, warm-started LP per
 * component. Large ones: a pinned neighbourhood first (sound: see BoundsModel), the
 * whole component only when the neighbourhood looks too narrow.
 */
function checkInterval(
  model: BoundsModel,
  layers: ReturnType<typeof layerKnowns>,
  target: IntervalTarget,
  seesReasons: boolean,
  eliminations: Map<string, Elimination>,
  componentLimit: number,
  passed: Set<string> | undefined,
  path: 'all' | 'atomSpace' | 'neighbourhoods',
  count: { atomSpaceCertified: number },
  sizes: readonly number[],
): Violation[] {
  const seeds = target.insider ? [target.v, target.insider.atom] : [target.v];
  if (model.componentSize(target.v) <= componentLimit) {
    // Warm-started LPs on a moderate component are cheaper than searching for witnesses.
    return checkTarget(model, () => model.component(target.v), layers, target, seesReasons, eliminations, passed);
  }
  // Large component. A pass on any LP with other unknowns pinned to their true values is a pass
  // (pinning only shrinks the attacker's feasible set); a failure goes on to a wider LP, and
  // one that survives the widest is reported (conservative: the whole component might have
  // shown more room).
  const attempt = (vars: Iterable<number>): { found: Violation[]; final: boolean } => {
    let lp: LocalBounds | undefined;
    try {
      const found = checkTarget(model, () => (lp ??= model.pinnedLp(vars)), layers, target, seesReasons, eliminations, passed);
      return { found, final: found.length === 0 || (lp !== undefined && !lp.pinned) };
    } finally {
      lp?.dispose();
    }
  };
  let found: Violation[] = [];
  let tried = false;
  // First atom spaces: the target's (and insider's) atoms, their swap partners and the atoms of
  // the nearest hidden cells free, every other unknown pinned — a few thousand columns at most.
  for (const maxAtoms of path === 'neighbourhoods' ? [] : sizes) {
    const atoms = model.atomSpace(seeds, maxAtoms);
    if (atoms === undefined) break;
    tried = true;
    const r = attempt(atoms);
    if (r.found.length === 0) count.atomSpaceCertified++;
    if (r.final) return r.found;
    found = r.found;
  }
  if (tried && path === 'atomSpace') return found;
  // Then pinned neighbourhoods of growing radius in the relation graph. One larger than a single
  // LP may hold would take minutes per target: after a failed atom space, that failure stands.
  for (const radius of [4, 10]) {
    const cap = Math.max(componentLimit, COMPONENT_LIMIT);
    const around = model.neighbourhood(seeds, radius, tried ? cap : Infinity);
    if (tried && model.columnsOf(around) > cap) return found;
    const r = attempt(around);
    if (r.final) return r.found;
    found = r.found;
  }
  return found;
}

/** True values per variable, from the current release's data (cells and atoms). */
function varTruth(system: LinearSystem, release: Release, truth: CellModel | undefined): Map<number, VarTruth> {
  const out = new Map<number, VarTruth>();
  if (!truth) return out;
  const vars = system.groupVar.get(release.releaseId)!;
  for (const c of truth.cells) {
    const v = vars.get(c.key);
    if (v !== undefined) out.set(v, { n: c.n, measures: c.measures });
  }
  for (const a of truth.atoms) {
    const v = system.atomVar.get(atomId(a.block, a.unitId, a.dims));
    if (v !== undefined && !out.has(v)) out.set(v, { n: a.n, measures: a.measures });
  }
  return out;
}

/** Measures nobody skipped (count = n) in the current data: a fact an attacker may assume. */
function countFacts(system: LinearSystem, release: Release, truth: CellModel | undefined): { noSkip: Set<string>; exactCountVars: Set<number> } {
  const noSkip = new Set<string>();
  const exactCountVars = new Set<number>();
  if (!truth) return { noSkip, exactCountVars };
  for (const def of release.measures) {
    if (def.kind === 'histogram' && truth.atoms.every((a) => (a.measures[def.key]?.count ?? 0) === a.n)) noSkip.add(def.key);
  }
  for (const v of system.groupVar.get(release.releaseId)!.values()) exactCountVars.add(v);
  for (const a of truth.atoms) {
    const v = system.atomVar.get(atomId(a.block, a.unitId, a.dims));
    if (v !== undefined) exactCountVars.add(v);
  }
  return { noSkip, exactCountVars };
}

/** What hiding reasons and bands tell an attacker, as bounds and rows. */
/** Roll-ups: "this round's part of the group is at most k - 1", where the data say that explains a reason. */
function addPartCaps(model: BoundsModel, layers: ReturnType<typeof layerKnowns>, caps: PartCap[], k: number): void {
  for (const cap of caps) {
    const cols: number[] = [];
    let constant = 0;
    if (cap.layer === COUNT_LAYER) {
      for (const v of cap.vars) {
        const col = model.nCol.get(v);
        if (col === undefined) constant += layers[0]!.known.get(v) as number;
        else cols.push(col);
      }
    } else {
      const layer = layers.find((l) => l.key === cap.layer)!;
      const def = layer.measure!;
      if (def.kind !== 'histogram') continue;
      for (const v of cap.vars) {
        const row = model.countRow(layer, v, def.max - def.min + 1);
        cols.push(...row.cols);
        constant += row.constant;
      }
    }
    model.addRow(cols, new Array<number>(cols.length).fill(1), -Infinity, k - 1 - constant);
  }
}

function addReasonFacts(model: BoundsModel, system: LinearSystem, layers: ReturnType<typeof layerKnowns>, seesReasons: boolean, implied: Map<string, Map<string, Set<string>>>): void {
  // Roll-ups: BELOW_THRESHOLD may stand for "below k in a covered round", already known (rollup-reasons.ts).
  for (const [releaseId, cells] of system.cells) {
    const r = system.releases.get(releaseId)!;
    const vars = system.cellVar.get(releaseId)!;
    const known = implied.get(releaseId);
    for (const c of cells.values()) {
      const v = vars.get(c.key)!;
      const nc = model.nCol.get(v);
      const saysNothing = (layer: string): boolean => known?.get(c.key)?.has(layer) ?? false;
      if (seesReasons && c.status === 'HIDDEN' && nc !== undefined) {
        if (c.reason === 'BELOW_THRESHOLD' && !saysNothing(COUNT_LAYER)) model.tightenCol(nc, 0, r.k - 1);
        if (c.reason === 'COMPLEMENTARY') model.tightenCol(nc, r.k, Infinity);
      }
      if (c.status !== 'PUBLISHED') continue; // measure-level reasons only exist on published cells
      for (const layer of layers.slice(1)) {
        const def = layer.measure!;
        const res = c.measures[layer.key];
        if (!res || res.status === 'PUBLISHED' || def.kind !== 'histogram') continue;
        const bins = def.max - def.min + 1;
        const count = model.countRow(layer, v, bins);
        if (count.cols.length === 0) continue;
        const fav = { cols: [] as number[], coefs: [] as number[] };
        const unfav = { cols: [] as number[], coefs: [] as number[] };
        count.cols.forEach((col, b) => {
          const side = def.min + b >= def.favourableAtLeast ? fav : unfav;
          side.cols.push(col);
          side.coefs.push(1);
        });
        if (seesReasons && res.status === 'HIDDEN' && res.reason === 'BELOW_THRESHOLD' && !saysNothing(layer.key)) model.addRow(count.cols, count.coefs, -Infinity, r.k - 1);
        if (seesReasons && res.status === 'HIDDEN' && res.reason === 'COMPLEMENTARY') {
          // Complementary ⇒ it would have been publishable: >= k answers and not near-unanimous.
          model.addRow(count.cols, count.coefs, r.k, Infinity);
          model.addRow(fav.cols, fav.coefs, 2, Infinity);
          model.addRow(unfav.cols, unfav.coefs, 2, Infinity);
        }
        if (res.status === 'BANDED') {
          // A band is a displayed value: it is only shown for k or more answers, with a true share.
          model.addRow(count.cols, count.coefs, r.k, Infinity);
          const coefs = count.cols.map((_, b) => (def.min + b >= def.favourableAtLeast ? 1 : 0) - res.band.share);
          if (res.band.direction === 'HIGH') model.addRow(count.cols, coefs, 0, Infinity);
          else model.addRow(count.cols, coefs, -Infinity, 0);
        }
      }
    }
  }
}

/** Every sensitive hidden cell becomes a target; current-release targets get an insider. */
function intervalTargets(
  system: LinearSystem,
  releases: Release[],
  current: Release,
  truth: CellModel | undefined,
  sensitivity: Map<string, Map<string, Sensitivity>>,
  insiderVar: (atom: ModelAtom) => number | undefined,
): IntervalTarget[] {
  const out: IntervalTarget[] = [];
  const insiders = truth ? insiderAtoms(truth) : new Map<string, ModelAtom>();
  const truthCells = new Map<string, ModelCell>((truth?.cells ?? []).map((c) => [c.key, c]));
  for (const r of releases) {
    const vars = system.cellVar.get(r.releaseId)!;
    for (const c of r.cells) {
      const s = sensitivity.get(r.releaseId)!.get(c.key)!;
      const any = (s.count && c.status === 'HIDDEN') || [...s.measures].some(([key, m]) => isHiddenIn(c, key) && (m.mean || m.unanimity));
      if (!any) continue;
      const target: IntervalTarget = {
        releaseId: r.releaseId,
        cellKey: c.key,
        v: vars.get(c.key)!,
        k: r.k,
        eligible: c.eligible ?? Infinity,
        publishedN: c.status === 'PUBLISHED' ? c.n : undefined,
        sensitivity: s,
      };
      const atom = r === current ? insiders.get(c.key) : undefined;
      const t = r === current ? truthCells.get(c.key) : undefined;
      if (atom && t) {
        const answers = new Map<string, number[]>();
        for (const def of current.measures) {
          const stats = atom.measures[def.key];
          if (!stats || (t.measures[def.key]?.count ?? 0) < 2) continue;
          if (def.kind === 'histogram') {
            // The insider's own answer matters most at the extremes of what is present; check those two.
            const present = (stats.histogram ?? []).flatMap((x, i) => (x > 0 ? [def.min + i] : []));
            answers.set(def.key, [...new Set([present[0], present[present.length - 1]])].filter((a): a is number => a !== undefined));
          }
          else if (stats.count > 0) answers.set(def.key, []);
        }
        const v = insiderVar(atom);
        if (v !== undefined) target.insider = { atom: v, answers };
      }
      out.push(target);
    }
  }
  return out;
}

/** For each cell, the atom (finest group) an insider would sit in: the one with the most respondents. */
function insiderAtoms(truth: CellModel): Map<string, ModelAtom> {
  const nodes = new Map(truth.nodes.map((n) => [n.key, n]));
  const out = new Map<string, ModelAtom>();
  const cellsByCoord = new Map<string, ModelCell>();
  const coord = (nodeKey: string, dims: Record<string, string>): string => JSON.stringify([nodeKey, ...truth.dimensions.map((d) => dims[d])]);
  for (const c of truth.cells) cellsByCoord.set(coord(c.nodeKey, c.dims), c);
  const leafOfUnit = new Map<string, (typeof truth.nodes)[number]>();
  for (const n of truth.nodes) if (n.childKeys.length === 0) leafOfUnit.set(n.unitId, n);
  for (const a of truth.atoms) {
    if (a.n === 0) continue;
    const leaf = leafOfUnit.get(a.unitId);
    for (let node = leaf; node; node = node.parentKey ? nodes.get(node.parentKey) : undefined) {
      for (let mask = 0; mask < 1 << truth.dimensions.length; mask++) {
        const dims: Record<string, string> = {};
        truth.dimensions.forEach((d, i) => (dims[d] = mask & (1 << i) ? '*' : a.dims[d]!));
        const cell = cellsByCoord.get(coord(node.key, dims));
        if (!cell) continue;
        const prev = out.get(cell.key);
        if (!prev || a.n > prev.n || (a.n === prev.n && a.key < prev.key)) out.set(cell.key, a);
      }
    }
  }
  return out;
}
