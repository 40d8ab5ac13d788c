import { describe, expect, it } from 'vitest';
import { diffPolicy, toDraft } from './policy-form';

const current = {
  anonymityThreshold: 5,
  quietHoursStart: '20:00',
  quietHoursEnd: '07:00',
  maxPulsesPerMonth: 4,
  responseRetentionMonths: 24,
  allowedDimensions: ['location', 'tenure'],
};

describe('diffPolicy', () => {
  it('sends nothing when nothing changed', () => {
    expect(diffPolicy(current, toDraft(current))).toEqual({ input: {}, errors: {} });
  });

  it('sends only the changed fields', () => {
    const draft = { ...toDraft(current), anonymityThreshold: '7', allowedDimensions: ['tenure'] };
    expect(diffPolicy(current, draft)).toEqual({ input: { anonymityThreshold: 7, allowedDimensions: ['tenure'] }, errors: {} });
  });

  it('does not count a reordering of the same dimensions as a change', () => {
    expect(diffPolicy(current, { ...toDraft(current), allowedDimensions: ['tenure', 'location'] }).input).toEqual({});
  });

  it('explains invalid values (the threshold is never below 3)', () => {
    const { errors, input } = diffPolicy(current, {
      ...toDraft(current),
      anonymityThreshold: '2',
      quietHoursStart: '8pm',
      maxPulsesPerMonth: '0',
      responseRetentionMonths: 'forever',
    });
    expect(errors).toEqual({
      anonymityThreshold: 'The threshold can never be below 3.',
      quietHoursStart: 'Enter a time as HH:MM, for example 20:00.',
      maxPulsesPerMonth: 'Enter a whole number from 1 to 31.',
      responseRetentionMonths: 'Enter a whole number of months from 1 to 120.',
    });
    expect(input).toEqual({});
  });

  it('leaves lowering to the API, which knows whether rounds have answers', () => {
    expect(diffPolicy(current, { ...toDraft(current), anonymityThreshold: '4' }).input).toEqual({ anonymityThreshold: 4 });
  });
});
