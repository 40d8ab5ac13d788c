// Monthly points of a signal for one org node, assembled only from audited
// release cells (survey rounds or imported months). A hidden point carries its
// reason and never a value; a month with no release is "no data", never zero.
// The trend is smoothed from published points only, so it cannot carry a hidden value.

/** What one audited release says about one node and one signal. */
export type CellReading =
  | { status: 'PUBLISHED'; count: number; sum: number }
  | { status: 'HIDDEN'; reason: 'BELOW_THRESHOLD' | 'COMPLEMENTARY' }
  | { status: 'BANDED'; label: string }
  | { status: 'WITHHELD' };

export type HiddenReason = 'BELOW_THRESHOLD' | 'COMPLEMENTARY' | 'BANDED' | 'WITHHELD';

export interface Point {
  month: string;
  value: number | null;
  n: number | null;
  hidden: boolean;
  reason: HiddenReason | null;
  band: string | null;
}

/** Combines the releases of one month (e.g. several rounds): published figures add up; otherwise the point is hidden. */
export function pointFrom(month: string, readings: readonly CellReading[]): Point {
  const published = readings.filter((r): r is Extract<CellReading, { status: 'PUBLISHED' }> => r.status === 'PUBLISHED');
  if (published.length) {
    const count = published.reduce((s, r) => s + r.count, 0);
    const sum = published.reduce((s, r) => s + r.sum, 0);
    return { month, value: count > 0 ? sum / count : null, n: count, hidden: false, reason: null, band: null };
  }
  const banded = readings.find((r): r is Extract<CellReading, { status: 'BANDED' }> => r.status === 'BANDED');
  if (banded) return { month, value: null, n: null, hidden: true, reason: 'BANDED', band: banded.label };
  const hidden = readings.find((r): r is Extract<CellReading, { status: 'HIDDEN' }> => r.status === 'HIDDEN');
  if (hidden) return { month, value: null, n: null, hidden: true, reason: hidden.reason, band: null };
  if (readings.some((r) => r.status === 'WITHHELD')) return { month, value: null, n: null, hidden: true, reason: 'WITHHELD', band: null };
  return { month, value: null, n: null, hidden: false, reason: null, band: null };
}

/** Reads a stored measure (release_cells.measures[key] or signal_release_cells.measure). */
export function readMeasure(cellStatus: string, cellReason: string | null, measure: unknown): CellReading | null {
  if (cellStatus !== 'PUBLISHED') return { status: 'HIDDEN', reason: cellReason === 'COMPLEMENTARY' ? 'COMPLEMENTARY' : 'BELOW_THRESHOLD' };
  if (!measure || typeof measure !== 'object') return null;
  const m = measure as { status?: string; reason?: string; count?: number; sum?: number; band?: { label?: string } };
  if (m.status === 'PUBLISHED' && typeof m.count === 'number' && typeof m.sum === 'number') return { status: 'PUBLISHED', count: m.count, sum: m.sum };
  if (m.status === 'BANDED') return { status: 'BANDED', label: m.band?.label ?? 'near-unanimous' };
  return { status: 'HIDDEN', reason: m.reason === 'COMPLEMENTARY' ? 'COMPLEMENTARY' : 'BELOW_THRESHOLD' };
}

export const TREND_WINDOW = 3;

/**
 * Centred moving average over published points only (window of 3 months); a month
 * gets a trend value when at least two published points fall in its window.
 */
export function smoothTrend(points: readonly Point[]): { month: string; value: number | null }[] {
  const half = Math.floor(TREND_WINDOW / 2);
  return points.map((p, i) => {
    const window = points.slice(Math.max(0, i - half), i + half + 1).filter((q) => !q.hidden && q.value !== null);
    return { month: p.month, value: window.length >= 2 ? window.reduce((s, q) => s + q.value!, 0) / window.length : null };
  });
}
