// Reads a CSV file with a header row into records keyed by column, reporting
// header problems the same way row problems are reported (line numbers, header = 1).
// Shared by the signal and KPI imports; the directory import has its own richer reader.
import { parse } from 'csv-parse/sync';

export interface RowError {
  row: number;
  column: string | null;
  message: string;
}

export const MAX_IMPORT_ROWS = 50_000;
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

export function readCsvTable(
  csv: string,
  columns: readonly string[],
  required: readonly string[],
): { records: { row: number; get: (column: string) => string }[]; errors: RowError[] } {
  let table: string[][];
  try {
    table = parse(csv, { bom: true, skip_empty_lines: true, relax_column_count: true, trim: true }) as string[][];
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    return { records: [], errors: [{ row: line ?? 1, column: null, message: `The file is not valid CSV: ${(error as Error).message.split('\n')[0]}` }] };
  }
  const [header, ...body] = table;
  if (!header) return { records: [], errors: [{ row: 1, column: null, message: `The file is empty. Expected a header row: ${columns.join(',')}` }] };
  const index = new Map(header.map((h, i) => [h.trim(), i]));
  const errors: RowError[] = [];
  for (const col of required) if (!index.has(col)) errors.push({ row: 1, column: col, message: `Missing required column "${col}"` });
  for (const col of header) if (!columns.includes(col.trim())) errors.push({ row: 1, column: col, message: `Unknown column "${col}". Expected: ${columns.join(', ')}` });
  if (errors.length) return { records: [], errors };
  if (body.length === 0) return { records: [], errors: [{ row: 2, column: null, message: 'The file has a header but no rows' }] };
  if (body.length > MAX_IMPORT_ROWS) return { records: [], errors: [{ row: 1, column: null, message: `The file has ${body.length} rows; at most ${MAX_IMPORT_ROWS} can be imported at once.` }] };
  return {
    records: body.map((record, i) => ({
      row: i + 2,
      get: (column: string) => {
        const at = index.get(column);
        return at === undefined ? '' : (record[at] ?? '').trim();
      },
    })),
    errors: [],
  };
}

/** A plain decimal number ("12", "-3.5", "1e3" is refused: HR exports should not need it). */
export function parseDecimal(raw: string): number | null {
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(raw)) return null;
  const value = Number(raw);
  return Number.isFinite(value) ? value : null;
}
