import { describe, expect, it } from 'vitest';
import { defaultRelease, describeMean, dimensionLabel, formatMean, formatPercent, rowLabel, toneFor } from './heatmap-format';

describe('formatting figures', () => {
  it('formats shares and means, and returns null (not zero) for missing figures', () => {
    expect(formatPercent(0.724)).toBe('72%');
    expect(formatPercent(0)).toBe('0%');
    expect(formatPercent(null)).toBeNull();
    expect(formatMean(3.86)).toBe('3.9');
    expect(formatMean(undefined)).toBeNull();
    expect(describeMean(4.04, 1, 5)).toBe('average 4.0 on a 1–5 scale');
  });

  it('colours on an absolute scale', () => {
    expect(toneFor(0.2)).toBe('tone-1');
    expect(toneFor(0.5)).toBe('tone-2');
    expect(toneFor(0.6)).toBe('tone-3');
    expect(toneFor(0.8)).toBe('tone-4');
    expect(toneFor(0.9)).toBe('tone-5');
    expect(toneFor(null)).toBe('tone-none');
  });
});

describe('defaultRelease', () => {
  const releases = [
    { id: 'r3', status: 'WITHHELD' as const, kind: 'ROUND' as const },
    { id: 'r2', status: 'PUBLISHED' as const, kind: 'ROUND' as const },
    { id: 'r1', status: 'PUBLISHED' as const, kind: 'MONTH' as const },
  ];
  it('opens the requested release, else the newest published one', () => {
    expect(defaultRelease(releases, 'r1')?.id).toBe('r1');
    expect(defaultRelease(releases, 'r3')?.id).toBe('r3');
    expect(defaultRelease(releases, 'missing')?.id).toBe('r2');
    expect(defaultRelease(releases, null)?.id).toBe('r2');
  });
  it('falls back to the newest withheld one, or nothing', () => {
    expect(defaultRelease([releases[0]!], null)?.id).toBe('r3');
    expect(defaultRelease([], null)).toBeNull();
  });
});

describe('rowLabel', () => {
  it('names the unit, the direct group and the cut value', () => {
    expect(rowLabel({ name: 'Engineering', direct: false, isSelectedUnit: true })).toBe('Engineering — whole unit');
    expect(rowLabel({ name: 'Engineering (direct)', direct: true, isSelectedUnit: false })).toBe('Engineering (direct)');
    expect(rowLabel({ name: 'Engineering', direct: true, isSelectedUnit: false })).toBe('Engineering (direct reports only)');
    expect(rowLabel({ name: 'Platform', direct: false, isSelectedUnit: false, dimensionValue: 'Berlin' })).toBe('Platform · Berlin');
    expect(rowLabel({ name: 'Platform', direct: false, isSelectedUnit: false, dimensionValue: 'Y2_5' })).toBe('Platform · 2–5 years');
    expect(rowLabel({ name: 'Platform', direct: false, isSelectedUnit: false, dimensionValue: 'Other' })).toBe('Platform · other (small groups combined)');
  });
  it('labels dimensions', () => {
    expect(dimensionLabel('location')).toBe('Location');
    expect(dimensionLabel('team_size')).toBe('Team_size');
  });
});
