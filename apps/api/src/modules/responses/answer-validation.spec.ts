import { MAX_COMMENT_LENGTH, validateAnswers, type RoundQuestionSpec } from './answer-validation.js';

const Q: RoundQuestionSpec[] = [
  { id: 'q-scale', type: 'AGREEMENT_5' },
  { id: 'q-enps', type: 'ENPS_0_10' },
  { id: 'q-yes', type: 'YES_NO' },
  { id: 'q-comment', type: 'COMMENT' },
];

describe('validateAnswers', () => {
  it('accepts answers in range, skipped questions and an optional comment', () => {
    expect(validateAnswers(Q, [{ questionId: 'q-scale', value: 5 }, { questionId: 'q-enps', value: 0 }, { questionId: 'q-comment', text: '  More focus time  ' }])).toEqual({
      ok: true,
      answers: { values: { 'q-scale': 5, 'q-enps': 0 }, comment: 'More focus time' },
    });
  });

  it('reports every problem at once', () => {
    const result = validateAnswers(Q, [
      { questionId: 'q-scale', value: 6 },
      { questionId: 'q-enps', value: 2.5 },
      { questionId: 'q-yes', text: 'yes' },
      { questionId: 'unknown', value: 1 },
      { questionId: 'q-comment', text: 'x'.repeat(MAX_COMMENT_LENGTH + 1) },
      { questionId: 'q-scale', value: 3 },
    ]);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems.map((p) => p.questionId)).toEqual(['q-scale', 'q-enps', 'q-yes', 'unknown', 'q-comment', 'q-scale']);
  });

  it('needs at least one answer', () => {
    expect(validateAnswers(Q, [])).toEqual({ ok: false, problems: [{ questionId: null, message: 'Answer at least one question.' }] });
  });
});
