/** Pure helpers for the success-statement forms (the API validates everything again). */

export const MAX_STATEMENTS = 5;
export const MAX_STATEMENT_LENGTH = 280;

/** "2026-Q4" for a date (UTC calendar quarters, as the API uses). */
export function quarterOf(date: Date): string {
  return `${date.getUTCFullYear()}-Q${Math.floor(date.getUTCMonth() / 3) + 1}`;
}

/** The current quarter first, then the `count - 1` before it. */
export function recentQuarters(now: Date, count = 4): string[] {
  const out: string[] = [];
  let year = now.getUTCFullYear();
  let q = Math.floor(now.getUTCMonth() / 3) + 1;
  for (let i = 0; i < count; i++) {
    out.push(`${year}-Q${q}`);
    q -= 1;
    if (q === 0) {
      q = 4;
      year -= 1;
    }
  }
  return out;
}

/** "2026-Q4" → "October–December 2026". */
export function describeQuarter(quarter: string): string {
  const m = /^(\d{4})-Q([1-4])$/.exec(quarter);
  if (!m) return quarter;
  const names = ['January–March', 'April–June', 'July–September', 'October–December'];
  return `${names[Number(m[2]) - 1]} ${m[1]}`;
}

/** Editable rows for a list of statements: always at least one (empty) row to type into. */
export function toDraft(statements: readonly string[]): string[] {
  return statements.length > 0 ? [...statements] : [''];
}

export interface StatementsCheck {
  statements: string[];
  /** Problems by row index, in words. */
  errors: Record<number, string>;
  /** A problem with the list as a whole. */
  listError: string | null;
}

/** Trims and collapses spaces, drops empty rows, and checks count and length. */
export function checkStatements(rows: readonly string[]): StatementsCheck {
  const errors: Record<number, string> = {};
  const statements: string[] = [];
  rows.forEach((row, index) => {
    const text = row.trim().replace(/\s+/g, ' ');
    if (text === '') return;
    if (text.length > MAX_STATEMENT_LENGTH) {
      errors[index] = `Keep it to ${MAX_STATEMENT_LENGTH} characters (this one has ${text.length}).`;
    }
    statements.push(text);
  });
  const listError = statements.length > MAX_STATEMENTS ? `Write at most ${MAX_STATEMENTS} statements.` : null;
  return { statements, errors, listError };
}

/** True when the cleaned rows differ from what is saved. */
export function hasChanges(saved: readonly string[], rows: readonly string[]): boolean {
  const { statements } = checkStatements(rows);
  return statements.length !== saved.length || statements.some((s, i) => s !== saved[i]);
}
