// Pure validation of a directory CSV: every row is checked before anything is
// written, and every problem is reported with its row (the file's line number,
// header = 1) and column, so an admin can fix the whole file in one pass.
import { parse } from 'csv-parse/sync';

export const DIRECTORY_COLUMNS = ['email', 'name', 'orgUnitPath', 'managerEmail', 'location', 'startDate', 'timezone', 'roles'] as const;
const REQUIRED_COLUMNS = ['email', 'name', 'orgUnitPath'] as const;
export const IMPORTABLE_ROLES = ['TENANT_ADMIN', 'HR_LEADER', 'MANAGER', 'EMPLOYEE'] as const;
export type ImportableRole = (typeof IMPORTABLE_ROLES)[number];

export const MAX_ROWS = 100_000;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MAX_DEPTH = 10;

export interface DirectoryRow {
  row: number;
  email: string;
  name: string;
  orgUnitPath: string;
  managerEmail: string | null;
  location: string | null;
  startDate: string | null;
  timeZone: string;
  roles: ImportableRole[];
}

export interface RowError {
  row: number;
  column: string | null;
  message: string;
}

export interface ExistingPerson {
  email: string;
  managerEmail: string | null;
}

const validTimeZones = new Set(Intl.supportedValuesOf('timeZone'));
const isTimeZone = (tz: string) => validTimeZones.has(tz) || tz === 'UTC' || (() => {
  try { new Intl.DateTimeFormat('en', { timeZone: tz }); return true; } catch { return false; }
})();

export function normalizePath(raw: string): string | null {
  const segments = raw.split('/').map((s) => s.trim().replace(/\s+/g, ' '));
  if (segments.some((s) => s.length === 0 || s.length > 80) || segments.length > MAX_DEPTH) return null;
  return segments.join('/');
}

function validDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d && y >= 1900 && y <= 2200;
}

/**
 * Parses and validates the file. `existing` is the current directory, used to
 * resolve managers who are not in the file and to find cycles through them.
 */
export function validateDirectoryCsv(csv: string, existing: ExistingPerson[]): { rows: DirectoryRow[]; errors: RowError[] } {
  let records: string[][];
  try {
    records = parse(csv, { bom: true, skip_empty_lines: true, relax_column_count: true, trim: true }) as string[][];
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    return { rows: [], errors: [{ row: line ?? 1, column: null, message: `The file is not valid CSV: ${(error as Error).message.split('\n')[0]}` }] };
  }
  const [header, ...body] = records;
  if (!header) return { rows: [], errors: [{ row: 1, column: null, message: 'The file is empty. Expected a header row: ' + DIRECTORY_COLUMNS.join(',') }] };

  const index = new Map(header.map((h, i) => [h.trim(), i]));
  const headerErrors: RowError[] = [];
  for (const col of REQUIRED_COLUMNS) if (!index.has(col)) headerErrors.push({ row: 1, column: col, message: `Missing required column "${col}"` });
  for (const col of header) {
    if (!(DIRECTORY_COLUMNS as readonly string[]).includes(col.trim())) headerErrors.push({ row: 1, column: col, message: `Unknown column "${col}". Expected: ${DIRECTORY_COLUMNS.join(', ')}` });
  }
  if (headerErrors.length) return { rows: [], errors: headerErrors };
  if (body.length > MAX_ROWS) return { rows: [], errors: [{ row: 1, column: null, message: `The file has ${body.length} rows; at most ${MAX_ROWS} can be imported at once.` }] };

  const rowsAsFields = body.map((record) => {
    const fields: DirectoryRecord = {};
    for (const col of DIRECTORY_COLUMNS) {
      const i = index.get(col);
      if (i !== undefined) fields[col] = record[i] ?? '';
    }
    return fields;
  });
  return validateDirectoryRecords(rowsAsFields, existing);
}

/** One person's fields as text, keyed by CSV column (SCIM maps its attributes onto the same names). */
export type DirectoryRecord = Partial<Record<(typeof DIRECTORY_COLUMNS)[number], string>>;

/**
 * The row checks of the CSV import, shared by every way into the directory (CSV and SCIM):
 * the same messages, the same manager and cycle rules. `firstRow` numbers the records (CSV: line 2).
 */
export function validateDirectoryRecords(records: DirectoryRecord[], existing: ExistingPerson[], firstRow = 2): { rows: DirectoryRow[]; errors: RowError[] } {
  const cell = (record: DirectoryRecord, col: (typeof DIRECTORY_COLUMNS)[number]) => (record[col] ?? '').trim();
  const body = records;
  const rowOffset = firstRow;

  const errors: RowError[] = [];
  const rows: DirectoryRow[] = [];
  const firstRowOfEmail = new Map<string, number>();

  body.forEach((record, i) => {
    const row = i + rowOffset;
    const problems: RowError[] = [];
    const add = (column: string, message: string) => problems.push({ row, column, message });

    const email = cell(record, 'email').toLowerCase();
    if (!email) add('email', 'Email is missing');
    else if (!EMAIL.test(email) || email.length > 254) add('email', `"${email}" is not an email address`);
    else if (firstRowOfEmail.has(email)) add('email', `Duplicate email: ${email} is already on row ${firstRowOfEmail.get(email)}`);
    else firstRowOfEmail.set(email, row);

    const name = cell(record, 'name');
    if (!name) add('name', 'Name is missing');
    else if (name.length > 120) add('name', 'Name is longer than 120 characters');

    const rawPath = cell(record, 'orgUnitPath');
    const orgUnitPath = rawPath ? normalizePath(rawPath) : null;
    if (!rawPath) add('orgUnitPath', 'Org unit path is missing (e.g. Engineering/Platform)');
    else if (!orgUnitPath) add('orgUnitPath', `"${rawPath}" is not a valid path: use names separated by "/", at most ${MAX_DEPTH} levels, no empty parts`);

    const managerEmail = cell(record, 'managerEmail').toLowerCase() || null;
    if (managerEmail && !EMAIL.test(managerEmail)) add('managerEmail', `"${managerEmail}" is not an email address`);
    else if (managerEmail && managerEmail === email) add('managerEmail', 'A person cannot be their own manager');

    const location = cell(record, 'location') || null;
    if (location && location.length > 80) add('location', 'Location is longer than 80 characters');

    const startDate = cell(record, 'startDate') || null;
    if (startDate && !validDate(startDate)) add('startDate', `"${startDate}" is not a date in the form YYYY-MM-DD`);

    const timeZone = cell(record, 'timezone') || 'UTC';
    if (!isTimeZone(timeZone)) add('timezone', `"${timeZone}" is not a time zone (use names like Europe/Berlin)`);

    const rawRoles = cell(record, 'roles');
    const roleNames = rawRoles ? rawRoles.split(/[;|, ]+/).map((r) => r.trim().toUpperCase()).filter(Boolean) : ['EMPLOYEE'];
    const badRoles = roleNames.filter((r) => !(IMPORTABLE_ROLES as readonly string[]).includes(r));
    if (badRoles.length) add('roles', `Unknown role${badRoles.length > 1 ? 's' : ''} ${badRoles.join(', ')}; allowed: ${IMPORTABLE_ROLES.join(', ')}`);
    const roles = [...new Set(roleNames.includes('EMPLOYEE') ? roleNames : ['EMPLOYEE', ...roleNames])] as ImportableRole[];

    if (problems.length) errors.push(...problems);
    else rows.push({ row, email, name, orgUnitPath: orgUnitPath!, managerEmail, location, startDate, timeZone, roles });
  });

  // Managers must exist (in the file or the directory), and must not form a cycle.
  const managerOf = new Map<string, string | null>(existing.map((p) => [p.email, p.managerEmail]));
  for (const [email, row] of firstRowOfEmail) managerOf.set(email, body[row - rowOffset] ? cell(body[row - rowOffset]!, 'managerEmail').toLowerCase() || null : null);
  const known = new Set([...existing.map((p) => p.email), ...firstRowOfEmail.keys()]);
  for (const r of rows) {
    if (r.managerEmail && !known.has(r.managerEmail)) {
      errors.push({ row: r.row, column: 'managerEmail', message: `Unknown manager ${r.managerEmail}: not in this file or the directory` });
    }
  }
  for (const r of rows) {
    const seen = new Set<string>([r.email]);
    let current = managerOf.get(r.email) ?? null;
    while (current) {
      if (seen.has(current)) {
        if (current === r.email) errors.push({ row: r.row, column: 'managerEmail', message: `Managers form a cycle: ${[...seen, current].join(' → ')}` });
        break;
      }
      seen.add(current);
      current = managerOf.get(current) ?? null;
    }
  }
  errors.sort((a, b) => a.row - b.row);
  return { rows: errors.length ? [] : rows, errors };
}
