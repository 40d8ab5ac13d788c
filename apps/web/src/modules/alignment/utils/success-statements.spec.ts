import { describe, expect, it } from 'vitest';
import { checkStatements, describeQuarter, hasChanges, quarterOf, recentQuarters, toDraft } from './success-statements';

describe('quarters', () => {
  it('uses UTC calendar quarters like the API', () => {
    expect(quarterOf(new Date(Date.UTC(2026, 10, 24)))).toBe('2026-Q4');
    expect(quarterOf(new Date(Date.UTC(2026, 0, 1)))).toBe('2026-Q1');
  });
  it('lists the current quarter first and crosses years', () => {
    expect(recentQuarters(new Date(Date.UTC(2026, 1, 3)), 4)).toEqual(['2026-Q1', '2025-Q4', '2025-Q3', '2025-Q2']);
  });
  it('names the months of a quarter', () => {
    expect(describeQuarter('2026-Q4')).toBe('October–December 2026');
    expect(describeQuarter('nonsense')).toBe('nonsense');
  });
});

describe('statements', () => {
  it('always offers one row to type into', () => {
    expect(toDraft([])).toEqual(['']);
    expect(toDraft(['a'])).toEqual(['a']);
  });
  it('trims, collapses spaces and drops empty rows', () => {
    expect(checkStatements(['  Ship  it ', '', '   ', 'Pair weekly'])).toEqual({
      statements: ['Ship it', 'Pair weekly'],
      errors: {},
      listError: null,
    });
  });
  it('explains overlong statements by row and too many statements', () => {
    const long = 'x'.repeat(281);
    const check = checkStatements(['a', long, 'c', 'd', 'e', 'f']);
    expect(check.errors).toEqual({ 1: 'Keep it to 280 characters (this one has 281).' });
    expect(check.listError).toBe('Write at most 5 statements.');
  });
  it('detects changes after cleaning', () => {
    expect(hasChanges(['Ship it'], [' Ship   it ', ''])).toBe(false);
    expect(hasChanges(['Ship it'], ['Ship it', 'More'])).toBe(true);
    expect(hasChanges([], [''])).toBe(false);
  });
});
