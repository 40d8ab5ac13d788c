// Calendar months as "YYYY-MM" strings: the one time axis that culture signals
// and KPIs share. Pure helpers, UTC only.
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isMonth(value: string): boolean {
  const m = MONTH.exec(value);
  return Boolean(m) && Number(m![1]) >= 2000 && Number(m![1]) <= 2200;
}

export function monthOf(date: Date): string {
  return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
}

export function addMonths(month: string, delta: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + delta;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** Every month from `from` to `to`, inclusive. */
export function monthRange(from: string, to: string): string[] {
  const out: string[] = [];
  for (let m = from; m <= to; m = addMonths(m, 1)) out.push(m);
  return out;
}

/** First instant of a month and of the month after it (UTC). */
export function monthBounds(month: string): { start: Date; end: Date } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return { start: new Date(Date.UTC(y, m - 1, 1)), end: new Date(Date.UTC(y, m, 1)) };
}

export const MAX_WINDOW_MONTHS = 36;
export const DEFAULT_WINDOW_MONTHS = 12;

/**
 * The overview window: the last 12 months up to the current one by default.
 * Returns an error message instead of throwing, so callers decide the error code.
 */
export function resolveWindow(from: string | undefined, to: string | undefined, now: Date): { from: string; to: string } | { error: string } {
  if (from !== undefined && !isMonth(from)) return { error: `from must be a month like 2026-03, not "${from}"` };
  if (to !== undefined && !isMonth(to)) return { error: `to must be a month like 2026-03, not "${to}"` };
  const end = to ?? (from ? addMonths(from, DEFAULT_WINDOW_MONTHS - 1) : monthOf(now));
  const start = from ?? addMonths(end, -(DEFAULT_WINDOW_MONTHS - 1));
  if (start > end) return { error: 'from must not be after to' };
  if (monthRange(start, end).length > MAX_WINDOW_MONTHS) return { error: `The window can cover at most ${MAX_WINDOW_MONTHS} months` };
  return { from: start, to: end };
}
