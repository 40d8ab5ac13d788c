// Pure validation of a KPI CSV: kpi,month,value (kpi = the KPI's key). The whole
// file is checked first; if any row is invalid nothing is written.
import { parseDecimal, readCsvTable, type RowError } from '../signals/csv-table.js';
import { isMonth } from '../signals/months.js';

export const KPI_COLUMNS = ['kpi', 'month', 'value'] as const;

export interface KpiCsvRow {
  row: number;
  kpiId: string;
  month: string;
  value: number;
}

export function validateKpiCsv(csv: string, kpis: ReadonlyMap<string, { id: string }>, currentMonth: string): { rows: KpiCsvRow[]; errors: RowError[] } {
  const table = readCsvTable(csv, KPI_COLUMNS, KPI_COLUMNS);
  if (table.errors.length) return { rows: [], errors: table.errors };
  const rows: KpiCsvRow[] = [];
  const errors: RowError[] = [];
  const seen = new Map<string, number>();
  for (const record of table.records) {
    const { row } = record;
    const problems: RowError[] = [];
    const key = record.get('kpi');
    const kpi = kpis.get(key);
    if (!key) problems.push({ row, column: 'kpi', message: 'KPI key is missing' });
    else if (!kpi) problems.push({ row, column: 'kpi', message: `Unknown KPI "${key}"` });
    const month = record.get('month');
    if (!isMonth(month)) problems.push({ row, column: 'month', message: `"${month}" is not a month in the form YYYY-MM` });
    else if (month > currentMonth) problems.push({ row, column: 'month', message: `${month} has not happened yet` });
    const value = parseDecimal(record.get('value'));
    if (value === null) problems.push({ row, column: 'value', message: `"${record.get('value')}" is not a number` });
    if (kpi && isMonth(month)) {
      const first = seen.get(`${key}|${month}`);
      if (first !== undefined) problems.push({ row, column: 'month', message: `Duplicate row: ${key} in ${month} is already on line ${first}` });
      else seen.set(`${key}|${month}`, row);
    }
    if (problems.length) errors.push(...problems);
    else rows.push({ row, kpiId: kpi!.id, month, value: value! });
  }
  return { rows: errors.length ? [] : rows, errors };
}
