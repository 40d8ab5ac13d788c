import { pointFrom, readMeasure, smoothTrend, type Point } from './signal-points.js';
import { addMonths, monthRange, resolveWindow } from './months.js';

describe('signal points', () => {
  it('never turns a hidden or missing month into a zero', () => {
    expect(pointFrom('2026-01', [])).toEqual({ month: '2026-01', value: null, n: null, hidden: false, reason: null, band: null });
    expect(pointFrom('2026-01', [{ status: 'HIDDEN', reason: 'BELOW_THRESHOLD' }])).toEqual({ month: '2026-01', value: null, n: null, hidden: true, reason: 'BELOW_THRESHOLD', band: null });
    expect(pointFrom('2026-01', [{ status: 'WITHHELD' }])).toMatchObject({ hidden: true, reason: 'WITHHELD', value: null });
    expect(pointFrom('2026-01', [{ status: 'BANDED', label: '≥90% favourable' }])).toMatchObject({ hidden: true, reason: 'BANDED', band: '≥90% favourable', value: null });
  });

  it('adds up the published figures of several releases in one month', () => {
    expect(pointFrom('2026-01', [{ status: 'PUBLISHED', count: 10, sum: 40 }, { status: 'PUBLISHED', count: 5, sum: 5 }, { status: 'HIDDEN', reason: 'COMPLEMENTARY' }])).toEqual({
      month: '2026-01', value: 3, n: 15, hidden: false, reason: null, band: null,
    });
  });

  it('reads stored cells: a hidden cell hides every measure', () => {
    expect(readMeasure('HIDDEN', 'COMPLEMENTARY', { status: 'PUBLISHED', count: 9, sum: 9 })).toEqual({ status: 'HIDDEN', reason: 'COMPLEMENTARY' });
    expect(readMeasure('PUBLISHED', null, { status: 'PUBLISHED', count: 9, sum: 27, mean: 3 })).toEqual({ status: 'PUBLISHED', count: 9, sum: 27 });
    expect(readMeasure('PUBLISHED', null, undefined)).toBeNull();
  });

  it('smooths the trend from published points only', () => {
    const p = (month: string, value: number | null, hidden = false): Point => ({ month, value, n: value === null ? null : 10, hidden, reason: hidden ? 'BELOW_THRESHOLD' : null, band: null });
    const points = [p('2026-01', 2), p('2026-02', null, true), p('2026-03', 4), p('2026-04', 6), p('2026-05', null)];
    expect(smoothTrend(points)).toEqual([
      { month: '2026-01', value: null }, // only one published point in its window
      { month: '2026-02', value: 3 }, // from its published neighbours, not from the hidden month
      { month: '2026-03', value: 5 },
      { month: '2026-04', value: 5 },
      { month: '2026-05', value: null },
    ]);
    // Whatever a hidden point's true value is, it is not an input: the trend depends on published points alone.
    const hiddenDiffers = points.map((q) => (q.hidden ? { ...q, value: 99 } : q));
    expect(smoothTrend(hiddenDiffers.map((q) => (q.hidden ? { ...q, value: null } : q)))).toEqual(smoothTrend(points));
  });
});

describe('months', () => {
  it('builds the default window of the last 12 months', () => {
    expect(resolveWindow(undefined, undefined, new Date(Date.UTC(2026, 10, 24)))).toEqual({ from: '2025-12', to: '2026-11' });
    expect(resolveWindow('2026-01', undefined, new Date())).toEqual({ from: '2026-01', to: '2026-12' });
    expect(resolveWindow('2026-05', '2026-01', new Date())).toEqual({ error: 'from must not be after to' });
    expect(resolveWindow('2026-13', undefined, new Date())).toHaveProperty('error');
    expect(monthRange('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(addMonths('2026-01', -1)).toBe('2025-12');
  });
});
