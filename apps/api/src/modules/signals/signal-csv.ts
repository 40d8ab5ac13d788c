// Pure validation of an imported-signals CSV: signal,orgUnitPath,month,value,n.
// `value` is the average per person over the n people attached directly to that
// unit (not its sub-units); Pulsewise rolls units up itself. Every row is checked
// before anything is written, and every problem comes back with its line.
import { normalizePath } from '../directory/directory-csv.js';
import { readCsvTable, parseDecimal, type RowError } from './csv-table.js';
import { isMonth } from './months.js';

export const SIGNAL_COLUMNS = ['signal', 'orgUnitPath', 'month', 'value', 'n'] as const;
/** Each (signal, month) is audited during the import; more than this per file risks the request's time limit. */
export const MAX_SIGNAL_MONTHS_PER_FILE = 60;

export interface SignalCsvContext {
  /** The tenant's anonymity threshold: rows for fewer people are refused. */
  k: number;
  signals: ReadonlyMap<string, { id: string; source: 'PULSE' | 'IMPORT'; valueMin: number | null; valueMax: number | null }>;
  /** Org units by path ("" is the whole organisation), with the people attached directly to each. */
  units: ReadonlyMap<string, { id: string; directHeadcount: number }>;
  /** The current month: later months cannot have data yet. */
  currentMonth: string;
}

export interface SignalCsvRow {
  row: number;
  signalId: string;
  signalKey: string;
  orgUnitId: string;
  month: string;
  /** Average per person, as given. */
  value: number;
  n: number;
}

export function validateSignalCsv(csv: string, ctx: SignalCsvContext): { rows: SignalCsvRow[]; errors: RowError[] } {
  const table = readCsvTable(csv, SIGNAL_COLUMNS, SIGNAL_COLUMNS);
  if (table.errors.length) return { rows: [], errors: table.errors };
  const rows: SignalCsvRow[] = [];
  const errors: RowError[] = [];
  const seen = new Map<string, number>();

  for (const record of table.records) {
    const { row } = record;
    const problems: RowError[] = [];
    const add = (column: string, message: string) => problems.push({ row, column, message });

    const key = record.get('signal');
    const signal = ctx.signals.get(key);
    if (!key) add('signal', 'Signal is missing');
    else if (!signal) add('signal', `Unknown signal "${key}"`);
    else if (signal.source !== 'IMPORT') add('signal', `Signal "${key}" comes from pulse answers and cannot be imported`);

    const rawPath = record.get('orgUnitPath');
    const path = rawPath === '/' ? '' : rawPath ? normalizePath(rawPath) : null;
    const unit = path === null ? undefined : ctx.units.get(path);
    if (!rawPath) add('orgUnitPath', 'Org unit path is missing (e.g. Engineering/Platform; "/" for the whole organisation)');
    else if (!unit) add('orgUnitPath', `Unknown org unit "${rawPath}"`);

    const month = record.get('month');
    if (!isMonth(month)) add('month', `"${month}" is not a month in the form YYYY-MM`);
    else if (month > ctx.currentMonth) add('month', `${month} has not happened yet`);

    const value = parseDecimal(record.get('value'));
    if (value === null) add('value', `"${record.get('value')}" is not a number`);
    else if (signal && signal.valueMin !== null && signal.valueMax !== null && (value < signal.valueMin || value > signal.valueMax)) {
      add('value', `${value} is outside the range of ${key} (${signal.valueMin} to ${signal.valueMax} per person)`);
    }

    const rawN = record.get('n');
    const n = /^\d+$/.test(rawN) ? Number(rawN) : null;
    if (n === null) add('n', `"${rawN}" is not a whole number of people`);
    else if (n < ctx.k) add('n', `${n} people is fewer than this organisation's anonymity threshold of ${ctx.k}; merge small groups before importing`);
    else if (unit && n > unit.directHeadcount) {
      add('n', `${n} people is more than the ${unit.directHeadcount} people attached directly to "${rawPath}" (give each unit's own people, not its sub-units)`);
    }

    if (signal && unit && isMonth(month)) {
      const id = `${key}|${path}|${month}`;
      const first = seen.get(id);
      if (first !== undefined) add('orgUnitPath', `Duplicate row: ${key} for "${rawPath}" in ${month} is already on line ${first}`);
      else seen.set(id, row);
    }

    if (problems.length) errors.push(...problems);
    else rows.push({ row, signalId: signal!.id, signalKey: key, orgUnitId: unit!.id, month, value: value!, n: n! });
  }
  const pairs = new Set(rows.map((r) => `${r.signalKey}|${r.month}`));
  if (!errors.length && pairs.size > MAX_SIGNAL_MONTHS_PER_FILE) {
    errors.push({ row: 1, column: null, message: `The file covers ${pairs.size} signal-months; at most ${MAX_SIGNAL_MONTHS_PER_FILE} can be imported at once (each is audited). Split it by month.` });
  }
  return { rows: errors.length ? [] : rows, errors };
}
