/** Pure helpers for the signal and KPI admin forms (the API validates everything again). */
import { splitCsvLine } from './directory-csv';

export const SIGNAL_CSV_COLUMNS = ['signal', 'orgUnitPath', 'month', 'value', 'n'] as const;
export const KPI_CSV_COLUMNS = ['kpi', 'month', 'value'] as const;
export const MAX_IMPORT_BYTES = 5_000_000;

const KEY = /^[a-z][a-z0-9_]*$/;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export type FieldErrors<K extends string> = Partial<Record<K, string>>;

/** "" → null; "12.5" → 12.5; anything else → NaN (reported as not a number). */
export function parseOptionalNumber(text: string): number | null {
  const t = text.trim().replace(',', '.');
  if (t === '') return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : Number.NaN;
}

export function keyProblem(key: string): string | null {
  if (key.trim() === '') return 'Give it a key.';
  if (!KEY.test(key.trim())) return 'Use lower-case letters, digits and underscores, starting with a letter (e.g. time_off_days).';
  if (key.trim().length > 60) return 'Keep the key to 60 characters.';
  return null;
}

export interface BandDraft {
  min: string;
  max: string;
}

export function bandDraftOf(signal: { healthyMin?: number | null; healthyMax?: number | null }): BandDraft {
  return { min: signal.healthyMin == null ? '' : String(signal.healthyMin), max: signal.healthyMax == null ? '' : String(signal.healthyMax) };
}

/** Checks a healthy band: either end may be empty (no limit), both must be numbers, min ≤ max. */
export function checkBand(draft: BandDraft): { band: { healthyMin: number | null; healthyMax: number | null } | null; errors: FieldErrors<'min' | 'max'> } {
  const min = parseOptionalNumber(draft.min);
  const max = parseOptionalNumber(draft.max);
  const errors: FieldErrors<'min' | 'max'> = {};
  if (Number.isNaN(min)) errors.min = 'Enter a number, or leave it empty for no lower end.';
  if (Number.isNaN(max)) errors.max = 'Enter a number, or leave it empty for no upper end.';
  if (!errors.min && !errors.max && min !== null && max !== null && min > max) errors.max = 'The upper end must not be below the lower end.';
  if (Object.keys(errors).length > 0) return { band: null, errors };
  return { band: { healthyMin: min, healthyMax: max }, errors };
}

/** "at least 20", "between 2 and 5", "no healthy range set". */
export function describeBand(min: number | null | undefined, max: number | null | undefined, unit: string): string {
  if (min == null && max == null) return 'No healthy range set';
  if (min != null && max != null) return `Between ${min} and ${max} ${unit}`;
  if (min != null) return `At least ${min} ${unit}`;
  return `At most ${max} ${unit}`;
}

export interface SignalDraft {
  key: string;
  name: string;
  unit: string;
  description: string;
  valueMin: string;
  valueMax: string;
}

export const EMPTY_SIGNAL_DRAFT: SignalDraft = { key: '', name: '', unit: '', description: '', valueMin: '', valueMax: '' };

export function checkSignalDraft(draft: SignalDraft) {
  const errors: FieldErrors<keyof SignalDraft> = {};
  const key = keyProblem(draft.key);
  if (key) errors.key = key;
  if (draft.name.trim().length < 2) errors.name = 'Give it a name of at least 2 characters.';
  if (draft.unit.trim() === '') errors.unit = 'Say what the values measure, e.g. “training hours per person-month”.';
  if (draft.description.trim() === '') errors.description = 'Describe the signal in a sentence people will understand.';
  const min = parseOptionalNumber(draft.valueMin);
  const max = parseOptionalNumber(draft.valueMax);
  if (Number.isNaN(min)) errors.valueMin = 'Enter a number, or leave both ends empty.';
  if (Number.isNaN(max)) errors.valueMax = 'Enter a number, or leave both ends empty.';
  if (!errors.valueMin && !errors.valueMax) {
    if ((min === null) !== (max === null)) errors.valueMax = 'Give both ends of the possible range, or neither.';
    else if (min !== null && max !== null && min >= max) errors.valueMax = 'The largest value must be above the smallest.';
  }
  if (Object.keys(errors).length > 0) return { input: null, errors };
  return {
    input: {
      key: draft.key.trim(),
      name: draft.name.trim(),
      unit: draft.unit.trim(),
      description: draft.description.trim(),
      valueMin: min,
      valueMax: max,
    },
    errors,
  };
}

export interface KpiDraft {
  key: string;
  name: string;
  unit: string;
  description: string;
  orgUnitId: string;
}

export const EMPTY_KPI_DRAFT: KpiDraft = { key: '', name: '', unit: '', description: '', orgUnitId: '' };

export function checkKpiDraft(draft: KpiDraft, { requireKey = true } = {}) {
  const errors: FieldErrors<keyof KpiDraft> = {};
  if (requireKey) {
    const key = keyProblem(draft.key);
    if (key) errors.key = key;
  }
  if (draft.name.trim().length < 2) errors.name = 'Give it a name of at least 2 characters.';
  if (draft.unit.trim() === '') errors.unit = 'Say what the figures are in, e.g. “EUR” or “% of customers”.';
  if (draft.orgUnitId === '') errors.orgUnitId = 'Choose the unit that owns this KPI.';
  if (Object.keys(errors).length > 0) return { input: null, errors };
  return {
    input: { key: draft.key.trim(), name: draft.name.trim(), unit: draft.unit.trim(), description: draft.description.trim(), orgUnitId: draft.orgUnitId },
    errors,
  };
}

/** One month's figure for a KPI. */
export function checkObservation(month: string, value: string, now: Date) {
  const errors: FieldErrors<'month' | 'value'> = {};
  const current = `${now.getUTCFullYear()}-${String(now.getUTCMonth() + 1).padStart(2, '0')}`;
  if (!MONTH.test(month.trim())) errors.month = 'Enter a month as YYYY-MM, e.g. 2026-10.';
  else if (month.trim() > current) errors.month = `${month.trim()} has not happened yet.`;
  const n = parseOptionalNumber(value);
  if (n === null) errors.value = 'Enter the figure.';
  else if (Number.isNaN(n)) errors.value = 'Enter a number.';
  if (Object.keys(errors).length > 0) return { observation: null, errors };
  return { observation: { month: month.trim(), value: n as number }, errors };
}

export interface ColumnsSummary {
  rows: number;
  missingColumns: string[];
}

/** Data rows and missing header columns of a CSV file's text. */
export function summariseColumns(text: string, columns: readonly string[]): ColumnsSummary {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = splitCsvLine(lines[0] ?? '').filter((c) => c !== '');
  return { rows: lines.slice(1).filter((l) => l.trim() !== '').length, missingColumns: columns.filter((c) => !header.includes(c)) };
}

/** A problem with a chosen CSV file itself, in words; null when it can be sent. */
export function csvFileProblem(file: { name: string; size: number }, summary: ColumnsSummary | null, rowNoun = 'rows'): string | null {
  if (!/\.csv$/i.test(file.name)) return 'Choose a CSV file (a file whose name ends in .csv).';
  if (file.size === 0) return 'This file is empty.';
  if (file.size > MAX_IMPORT_BYTES) return 'This file is larger than 5 MB. Split it into smaller files.';
  if (!summary) return null;
  if (summary.missingColumns.length > 0) return `The first line must name the columns. Missing: ${summary.missingColumns.join(', ')}.`;
  if (summary.rows === 0) return `This file has a header but no ${rowNoun}.`;
  return null;
}

/** How an HR system posts observations with an import key (from the API's description of the secret). */
export function curlUsage(origin: string, secret: string): string {
  return [
    `curl -X POST '${origin.replace(/\/+$/, '')}/api/signal-observations' \\`,
    `  -H 'Authorization: Bearer ${secret}' \\`,
    `  -H 'Content-Type: text/csv' \\`,
    `  --data-binary @signals.csv`,
  ].join('\n');
}
