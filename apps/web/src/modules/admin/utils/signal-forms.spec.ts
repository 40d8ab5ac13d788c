import { describe, expect, it } from 'vitest';
import {
  bandDraftOf,
  checkBand,
  checkKpiDraft,
  checkObservation,
  checkSignalDraft,
  csvFileProblem,
  curlUsage,
  describeBand,
  EMPTY_KPI_DRAFT,
  EMPTY_SIGNAL_DRAFT,
  KPI_CSV_COLUMNS,
  SIGNAL_CSV_COLUMNS,
  summariseColumns,
} from './signal-forms';

describe('healthy band', () => {
  it('round-trips a band and allows open ends', () => {
    expect(bandDraftOf({ healthyMin: 20, healthyMax: null })).toEqual({ min: '20', max: '' });
    expect(checkBand({ min: '20', max: '' })).toEqual({ band: { healthyMin: 20, healthyMax: null }, errors: {} });
    expect(checkBand({ min: '', max: '' }).band).toEqual({ healthyMin: null, healthyMax: null });
  });
  it('explains bad ends', () => {
    expect(checkBand({ min: 'lots', max: '3' }).errors.min).toMatch(/number/);
    expect(checkBand({ min: '5', max: '3' }).errors.max).toMatch(/not be below/);
  });
  it('describes a band in words', () => {
    expect(describeBand(null, null, 'days')).toBe('No healthy range set');
    expect(describeBand(20, null, 'days')).toBe('At least 20 days');
    expect(describeBand(null, 2, 'h')).toBe('At most 2 h');
    expect(describeBand(1, 2, 'h')).toBe('Between 1 and 2 h');
  });
});

describe('imported signal definition', () => {
  it('needs a key, name, unit and description; both value ends or neither', () => {
    const { errors } = checkSignalDraft({ ...EMPTY_SIGNAL_DRAFT, key: 'Bad Key', valueMin: '0' });
    expect(new Set(Object.keys(errors))).toEqual(new Set(['description', 'key', 'name', 'unit', 'valueMax']));
  });
  it('builds the input', () => {
    const { input } = checkSignalDraft({ key: 'training_hours', name: ' Training ', unit: 'h per person-month', description: 'Hours of training', valueMin: '0', valueMax: '160' });
    expect(input).toEqual({ key: 'training_hours', name: 'Training', unit: 'h per person-month', description: 'Hours of training', valueMin: 0, valueMax: 160 });
  });
});

describe('KPI forms', () => {
  it('needs a unit that owns the KPI', () => {
    expect(checkKpiDraft({ ...EMPTY_KPI_DRAFT, key: 'nps', name: 'NPS', unit: 'points' }).errors).toEqual({ orgUnitId: 'Choose the unit that owns this KPI.' });
  });
  it('does not ask for a key when editing', () => {
    expect(checkKpiDraft({ ...EMPTY_KPI_DRAFT, name: 'NPS', unit: 'points', orgUnitId: 'u1' }, { requireKey: false }).input).not.toBeNull();
  });
  it('checks a month’s figure', () => {
    const now = new Date(Date.UTC(2026, 10, 24));
    expect(checkObservation('2026-10', '42.5', now).observation).toEqual({ month: '2026-10', value: 42.5 });
    expect(checkObservation('2026-12', '1', now).errors.month).toBe('2026-12 has not happened yet.');
    expect(checkObservation('10/2026', 'x', now).errors).toEqual({ month: 'Enter a month as YYYY-MM, e.g. 2026-10.', value: 'Enter a number.' });
  });
});

describe('CSV files', () => {
  it('finds missing columns and counts rows', () => {
    expect(summariseColumns('signal,orgUnitPath,month,value,n\nx,/,2026-10,1,5\n\n', SIGNAL_CSV_COLUMNS)).toEqual({ rows: 1, missingColumns: [] });
    expect(summariseColumns('kpi,value\n', KPI_CSV_COLUMNS)).toEqual({ rows: 0, missingColumns: ['month'] });
  });
  it('explains a file that cannot be sent', () => {
    expect(csvFileProblem({ name: 'a.txt', size: 3 }, null)).toMatch(/CSV/);
    expect(csvFileProblem({ name: 'a.csv', size: 3 }, { rows: 0, missingColumns: ['n'] })).toMatch(/Missing: n/);
    expect(csvFileProblem({ name: 'a.csv', size: 3 }, { rows: 0, missingColumns: [] }, 'figures')).toBe('This file has a header but no figures.');
    expect(csvFileProblem({ name: 'a.csv', size: 3 }, { rows: 2, missingColumns: [] })).toBeNull();
  });
  it('shows how to post with an import key', () => {
    expect(curlUsage('https://pulse.example/', 'sk_1')).toContain("-H 'Authorization: Bearer sk_1'");
    expect(curlUsage('https://pulse.example/', 'sk_1')).toContain("'https://pulse.example/api/signal-observations'");
  });
});
