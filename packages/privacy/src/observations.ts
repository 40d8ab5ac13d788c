// Imported behavioural signals (e.g. overtime hours, meeting load) arrive already
// aggregated per org unit and month: (signal, unit, month, value sum, n people).
// They follow the same anonymity rule as survey results: the same cell model
// (unit subtrees plus "(direct)" nodes), the same suppression and the same audit,
// with one additive "sum" measure instead of question histograms.

import { PrivacyInputError, buildModelFromAtoms, type RawAtom } from './cells.js';
import { compareStrings } from './keys.js';
import type { OrgUnit, Release, SumMeasureDef } from './model.js';
import { protectModel, type ProtectOptions, type ProtectResult } from './protect.js';

export interface ObservationRow {
  signalKey: string;
  unitId: string;
  /** e.g. "2025-03". */
  month: string;
  /** Sum of the signal over the n people (not a mean). */
  value: number;
  /** People who contributed to the value. */
  n: number;
}

export interface SignalDef {
  key: string;
  /** Per-person value range, when known (enables the mean-interval checks). */
  min?: number | null;
  max?: number | null;
}

export interface ObservationsInput {
  month: string;
  units: readonly OrgUnit[];
  rows: readonly ObservationRow[];
  signals?: readonly SignalDef[];
  /**
   * People attached directly to each unit. Optional; without it an attacker is assumed not to
   * know unit sizes and units without rows are treated as having nobody.
   */
  headcounts?: readonly { unitId: string; eligible: number }[];
}

export interface ObservationsOptions extends Omit<ProtectOptions, 'priorReleases'> {
  /** Earlier releases per signal key (e.g. previous roll-ups covering this month). */
  priorReleases?: Readonly<Record<string, readonly Release[]>>;
}

/** Release id of one signal for one month; also the id of its data block. */
export function observationReleaseId(signalKey: string, month: string): string {
  return `${signalKey}@${month}`;
}

/** Protects each signal of one month separately (each has its own n per unit). */
export async function protectObservations(input: ObservationsInput, options: ObservationsOptions): Promise<Record<string, ProtectResult>> {
  const rows = input.rows.filter((r) => r.month === input.month);
  const keys = [...new Set(rows.map((r) => r.signalKey))].sort(compareStrings);
  const defs = new Map((input.signals ?? []).map((s) => [s.key, s]));
  const out: Record<string, ProtectResult> = {};
  for (const key of keys) {
    const def = defs.get(key);
    const measure: SumMeasureDef = { kind: 'sum', key, min: def?.min ?? null, max: def?.max ?? null };
    if ((measure.min === null) !== (measure.max === null) || (measure.min !== null && measure.max! <= measure.min)) {
      throw new PrivacyInputError(`signal ${key}: give both min and max (min < max) or neither`);
    }
    const releaseId = observationReleaseId(key, input.month);
    const atoms = new Map<string, RawAtom>();
    const atom = (unitId: string): RawAtom => {
      let a = atoms.get(unitId);
      if (!a) {
        a = { block: releaseId, unitId, dims: {}, h: input.headcounts ? 0 : null, n: 0, measures: { [key]: { count: 0, sum: 0 } } };
        atoms.set(unitId, a);
      }
      return a;
    };
    for (const h of input.headcounts ?? []) {
      if (!Number.isInteger(h.eligible) || h.eligible < 0) throw new PrivacyInputError('eligible must be a non-negative integer');
      atom(h.unitId).h! += h.eligible;
    }
    for (const r of rows) {
      if (r.signalKey !== key) continue;
      if (!Number.isInteger(r.n) || r.n < 0 || !Number.isFinite(r.value)) throw new PrivacyInputError(`signal ${key}: n must be a non-negative integer and value finite`);
      if (measure.min !== null && (r.value < measure.min * r.n - 1e-9 || r.value > measure.max! * r.n + 1e-9)) {
        throw new PrivacyInputError(`signal ${key}: value of unit ${r.unitId} is outside [min, max] × n`);
      }
      const a = atom(r.unitId);
      a.n += r.n;
      a.measures[key]!.count += r.n;
      a.measures[key]!.sum += r.value;
    }
    const model = buildModelFromAtoms({ releaseId, blocks: [releaseId], units: input.units, dimensions: [], measures: [measure], atoms: [...atoms.values()] });
    out[key] = await protectModel(model, { ...options, priorReleases: options.priorReleases?.[key] ?? [] });
  }
  return out;
}
