import { describe, expect, it } from 'vitest';
import { chartRows, formatValue, healthyBandText, monthLabel, seriesSummary, yDomain } from './series';

describe('monthLabel', () => {
  it('labels YYYY-MM', () => {
    expect(monthLabel('2026-03')).toBe('Mar 2026');
    expect(monthLabel('2026-03', true)).toBe('Mar');
    expect(monthLabel('nonsense')).toBe('nonsense');
  });
});

describe('chartRows', () => {
  const months = ['2026-01', '2026-02', '2026-03'];
  it('puts every month on the shared axis; hidden months are gaps with a reason, never zero', () => {
    const rows = chartRows(
      months,
      [
        { month: '2026-01', value: 3.2, hidden: false },
        { month: '2026-02', value: null, hidden: true, reason: 'BELOW_THRESHOLD' },
      ],
      [{ month: '2026-01', value: 3.1 }],
      5,
    );
    expect(rows).toEqual([
      { month: '2026-01', value: 3.2, trend: 3.1, hiddenReason: null },
      { month: '2026-02', value: null, trend: null, hiddenReason: 'fewer than 5 responses — hidden to protect anonymity' },
      { month: '2026-03', value: null, trend: null, hiddenReason: null },
    ]);
  });
  it('ignores any value on a hidden point', () => {
    const [row] = chartRows(['2026-01'], [{ month: '2026-01', value: 0, hidden: true, reason: 'COMPLEMENTARY' }], [], 5);
    expect(row?.value).toBeNull();
    expect(row?.hiddenReason).toMatch(/cannot be worked out/);
  });
});

describe('formatting', () => {
  it('formats values and healthy bands', () => {
    expect(formatValue(3.14159)).toBe('3.14');
    expect(formatValue(21.27, 'days')).toBe('21.3 days');
    expect(formatValue(12500)).toBe('12,500');
    expect(formatValue(null)).toBe('');
    expect(healthyBandText(20, 30, 'days')).toBe('Healthy range: 20–30 days');
    expect(healthyBandText(20, null, 'days')).toBe('Healthy: at least 20 days');
    expect(healthyBandText(null, 2, 'hours')).toBe('Healthy: at most 2 hours');
    expect(healthyBandText(null, null, 'x')).toBeNull();
  });
  it('summarises a series in one sentence', () => {
    const rows = chartRows(['2026-01', '2026-02'], [{ month: '2026-01', value: 4, hidden: false }, { month: '2026-02', hidden: true, reason: 'BELOW_THRESHOLD' }], [], 5);
    expect(seriesSummary('Breaks', rows, 'points')).toBe('Breaks: latest shown value 4 points in Jan 2026; 1 month hidden to protect anonymity.');
    expect(seriesSummary('Breaks', [], 'points')).toBe('Breaks: no month can be shown.');
  });
});

describe('yDomain', () => {
  const rows = chartRows(['2026-01', '2026-02'], [{ month: '2026-01', value: 8, hidden: false }, { month: '2026-02', value: 12, hidden: false }], [], 5);
  it('covers the values and the healthy band, with some room', () => {
    expect(yDomain(rows)).toEqual([7.6, 12.4]);
    const [low, high] = yDomain(rows, 20, null);
    expect(low).toBeLessThan(8);
    expect(high).toBeGreaterThan(20);
    expect(yDomain([], null, null)).toEqual([0, 1]);
    expect(yDomain(chartRows(['2026-01'], [{ month: '2026-01', value: 5, hidden: false }], [], 5))).toEqual([4.4, 5.6]);
  });
});
