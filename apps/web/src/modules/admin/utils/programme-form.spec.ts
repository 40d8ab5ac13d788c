import { describe, expect, it } from 'vitest';
import { formatDateTime, formatPeriod, formatRate, validateProgramme } from './programme-form';

const good = { name: 'Monthly pulse', openDays: '5', questionsPerRound: '3', questionKeys: ['a', 'b', 'c'], audienceUnitIds: ['root'] };

describe('validateProgramme', () => {
  it('builds the input', () => {
    expect(validateProgramme(good)).toEqual({
      input: { name: 'Monthly pulse', openDays: 5, questionsPerRound: 3, questionKeys: ['a', 'b', 'c'], audienceUnitIds: ['root'], excludedUnitIds: [] },
    });
  });
  it('lists every problem at once', () => {
    const result = validateProgramme({ name: ' ', openDays: '40', questionsPerRound: '9', questionKeys: ['a'], audienceUnitIds: [] });
    expect(result).toEqual({
      problems: [
        'Give the programme a name of 2 to 120 characters.',
        'Days open must be a whole number from 1 to 28.',
        'Questions per round must be a whole number from 3 to 8.',
        'Choose at least 3 questions.',
        'Choose who is asked.',
      ],
    });
    expect(validateProgramme({ ...good, questionsPerRound: '5' })).toEqual({
      problems: ['Choose at least as many questions (3) as are asked per round (5).'],
    });
  });
});

describe('formatting', () => {
  it('formats dates and rates', () => {
    expect(formatDateTime('2026-03-02T09:30:00Z', 'en-GB', 'UTC')).toBe('2 Mar 2026, 09:30');
    expect(formatRate(0.634)).toBe('63%');
    expect(formatRate(null)).toBe('rate not shown');
    expect(formatPeriod('2026-10-03T06:00:00Z', '2026-10-10T06:00:00Z', 'en-GB', 'UTC')).toBe('3 Oct – 10 Oct 2026');
    expect(formatPeriod('2026-12-28T06:00:00Z', '2027-01-04T06:00:00Z', 'en-GB', 'UTC')).toBe('28 Dec 2026 – 4 Jan 2027');
  });
});
