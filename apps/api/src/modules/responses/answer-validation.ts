// Validates a pulse submission against the round's questions before anything is
// stored: every problem is reported at once, and nothing is written if any exists.
import { ANSWER_RANGE } from '@pulsewise/db';

export const MAX_COMMENT_LENGTH = 2000;

export interface RoundQuestionSpec {
  id: string;
  type: 'AGREEMENT_5' | 'ENPS_0_10' | 'YES_NO' | 'COMMENT';
}

export interface SubmittedAnswer {
  questionId: string;
  value?: number | null;
  text?: string | null;
}

export interface AnswerProblem {
  questionId: string | null;
  message: string;
}

export type ValidatedAnswers = { values: Record<string, number>; comment: string | null };

export function validateAnswers(questions: RoundQuestionSpec[], answers: SubmittedAnswer[]): { ok: true; answers: ValidatedAnswers } | { ok: false; problems: AnswerProblem[] } {
  const byId = new Map(questions.map((q) => [q.id, q]));
  const problems: AnswerProblem[] = [];
  const values: Record<string, number> = {};
  let comment: string | null = null;
  const seen = new Set<string>();

  if (answers.length === 0) problems.push({ questionId: null, message: 'Answer at least one question.' });
  for (const answer of answers) {
    const question = byId.get(answer.questionId);
    if (!question) {
      problems.push({ questionId: answer.questionId, message: 'This question is not part of this pulse.' });
      continue;
    }
    if (seen.has(answer.questionId)) {
      problems.push({ questionId: answer.questionId, message: 'This question was answered twice.' });
      continue;
    }
    seen.add(answer.questionId);
    if (question.type === 'COMMENT') {
      const text = answer.text?.trim() ?? '';
      if (answer.value !== undefined && answer.value !== null) problems.push({ questionId: question.id, message: 'A comment takes text, not a number.' });
      else if (text.length > MAX_COMMENT_LENGTH) problems.push({ questionId: question.id, message: `Comments can be at most ${MAX_COMMENT_LENGTH} characters.` });
      else if (text) comment = text;
      continue;
    }
    const { min, max } = ANSWER_RANGE[question.type];
    if (answer.text !== undefined && answer.text !== null) problems.push({ questionId: question.id, message: 'This question takes a number, not text.' });
    else if (answer.value === undefined || answer.value === null) problems.push({ questionId: question.id, message: 'Choose an answer or leave the question out.' });
    else if (!Number.isInteger(answer.value) || answer.value < min || answer.value > max) problems.push({ questionId: question.id, message: `Answers to this question go from ${min} to ${max}.` });
    else values[question.id] = answer.value;
  }
  return problems.length ? { ok: false, problems } : { ok: true, answers: { values, comment } };
}
