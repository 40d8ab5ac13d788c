import { describe, expect, it } from 'vitest';
import { buildAnswers, formatCloses, MAX_COMMENT_LENGTH, optionsFor, submitErrorMessage, tokenFromHash } from './pulse-form';

describe('tokenFromHash', () => {
  it('reads the token from the fragment', () => {
    expect(tokenFromHash('#token=abc.def')).toBe('abc.def');
    expect(tokenFromHash('#token=a%2Bb')).toBe('a+b');
    expect(tokenFromHash('')).toBeNull();
    expect(tokenFromHash('#token=')).toBeNull();
    expect(tokenFromHash('#other=1')).toBeNull();
  });
});

describe('optionsFor', () => {
  it('gives every scale point words, lowest first', () => {
    expect(optionsFor({ id: 'q', type: 'AGREEMENT_5' }).map((o) => o.value)).toEqual([1, 2, 3, 4, 5]);
    expect(optionsFor({ id: 'q', type: 'AGREEMENT_5' })[0]?.label).toBe('Strongly disagree');
    expect(optionsFor({ id: 'q', type: 'YES_NO' })).toEqual([
      { value: 1, label: 'Yes' },
      { value: 0, label: 'No' },
    ]);
    expect(optionsFor({ id: 'q', type: 'ENPS_0_10', min: 0, max: 10 })).toHaveLength(11);
    expect(optionsFor({ id: 'q', type: 'COMMENT' })).toEqual([]);
  });
});

describe('buildAnswers', () => {
  const questions = [
    { id: 'a', type: 'AGREEMENT_5' as const },
    { id: 'b', type: 'YES_NO' as const },
    { id: 'c', type: 'COMMENT' as const },
  ];
  it('sends only answered questions, with trimmed comments', () => {
    expect(buildAnswers(questions, { a: 4, b: 0, c: '  more breaks please ' })).toEqual({
      answers: [
        { questionId: 'a', value: 4 },
        { questionId: 'b', value: 0 },
        { questionId: 'c', text: 'more breaks please' },
      ],
    });
    expect(buildAnswers(questions, { a: 2, c: '   ' })).toEqual({ answers: [{ questionId: 'a', value: 2 }] });
  });
  it('asks for at least one answer and refuses overlong comments', () => {
    expect(buildAnswers(questions, {})).toEqual({ problem: 'Answer at least one question before sending.' });
    expect(buildAnswers(questions, { c: 'x'.repeat(MAX_COMMENT_LENGTH + 1) })).toHaveProperty('problem');
  });
});

describe('submitErrorMessage', () => {
  it('explains used, closed and invalid links, and ends the form for them', () => {
    expect(submitErrorMessage('CONFLICT', undefined)).toMatchObject({ title: 'This link was already used', final: true });
    expect(submitErrorMessage('PULSE_CLOSED', undefined)).toMatchObject({ title: 'This pulse has closed', final: true });
    expect(submitErrorMessage('NOT_FOUND', undefined)).toMatchObject({ final: true });
  });
  it('lets people try again after input or transport problems', () => {
    expect(submitErrorMessage('BAD_USER_INPUT', 'Answers to this question go from 1 to 5.')).toMatchObject({
      body: 'Answers to this question go from 1 to 5.',
      final: false,
    });
    expect(submitErrorMessage('NETWORK_ERROR', undefined).final).toBe(false);
    expect(submitErrorMessage('SERVICE_UNAVAILABLE', undefined).body).toMatch(/Nothing was recorded/);
    expect(submitErrorMessage(undefined, undefined).final).toBe(false);
  });
});

describe('formatCloses', () => {
  it('formats in the given zone', () => {
    expect(formatCloses('2026-12-04T17:00:00Z', 'en-GB', 'UTC')).toBe('Friday 4 December at 17:00');
  });
});
