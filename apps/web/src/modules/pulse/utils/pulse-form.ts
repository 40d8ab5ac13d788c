/** Pure helpers for the pulse answering page. */

export type PulseQuestionType = 'AGREEMENT_5' | 'ENPS_0_10' | 'YES_NO' | 'COMMENT';

export interface PulseQuestionLike {
  id: string;
  type: PulseQuestionType;
  min?: number | null | undefined;
  max?: number | null | undefined;
}

export const MAX_COMMENT_LENGTH = 2000;

/** The token from `/pulse#token=…` (kept in the fragment so it never reaches a server log). */
export function tokenFromHash(hash: string): string | null {
  const params = new URLSearchParams(hash.startsWith('#') ? hash.slice(1) : hash);
  const token = params.get('token')?.trim();
  return token ? token : null;
}

export interface ScaleOption {
  value: number;
  label: string;
}

const AGREEMENT_LABELS = ['Strongly disagree', 'Disagree', 'Neither agree nor disagree', 'Agree', 'Strongly agree'];

/** The choices for a question, lowest first, each with words (not just a number). */
export function optionsFor(question: PulseQuestionLike): ScaleOption[] {
  switch (question.type) {
    case 'AGREEMENT_5':
      return AGREEMENT_LABELS.map((label, i) => ({ value: i + 1, label }));
    case 'YES_NO':
      return [
        { value: 1, label: 'Yes' },
        { value: 0, label: 'No' },
      ];
    case 'ENPS_0_10': {
      const min = question.min ?? 0;
      const max = question.max ?? 10;
      return Array.from({ length: max - min + 1 }, (_, i) => ({ value: min + i, label: String(min + i) }));
    }
    case 'COMMENT':
    default:
      return [];
  }
}

export type Draft = Record<string, number | string | undefined>;

export interface PulseAnswer {
  questionId: string;
  value?: number;
  text?: string;
}

/**
 * What is sent: answered questions only (every question may be left out), comments trimmed.
 * Returns a message instead when nothing was answered or a comment is too long.
 */
export function buildAnswers(questions: readonly PulseQuestionLike[], draft: Draft): { answers: PulseAnswer[] } | { problem: string } {
  const answers: PulseAnswer[] = [];
  for (const q of questions) {
    const value = draft[q.id];
    if (q.type === 'COMMENT') {
      const text = typeof value === 'string' ? value.trim() : '';
      if (text.length > MAX_COMMENT_LENGTH) return { problem: `Comments can be at most ${MAX_COMMENT_LENGTH} characters.` };
      if (text) answers.push({ questionId: q.id, text });
    } else if (typeof value === 'number') {
      answers.push({ questionId: q.id, value });
    }
  }
  if (answers.length === 0) return { problem: 'Answer at least one question before sending.' };
  return { answers };
}

/** What a failed submit means for the person, by API error code. */
export function submitErrorMessage(code: string | undefined, serverMessage: string | undefined): { title: string; body: string; final: boolean } {
  switch (code) {
    case 'CONFLICT':
      return {
        title: 'This link was already used',
        body: 'Answers from this link were already received. Each link counts once, so nothing more was recorded.',
        final: true,
      };
    case 'PULSE_CLOSED':
      return {
        title: 'This pulse has closed',
        body: 'Answers are no longer collected for this pulse, so nothing was recorded. The next one will arrive by email.',
        final: true,
      };
    case 'NOT_FOUND':
      return {
        title: 'This link doesn’t work',
        body: 'The link is not valid or has expired. Please use the link from your most recent pulse email.',
        final: true,
      };
    case 'BAD_USER_INPUT':
      return { title: 'Please check your answers', body: serverMessage ?? 'Some answers could not be accepted.', final: false };
    case 'SERVICE_UNAVAILABLE':
      return {
        title: 'Your answers weren’t saved',
        body: 'We couldn’t save your answers just now. Nothing was recorded — please try again in a minute.',
        final: false,
      };
    case 'NETWORK_ERROR':
    case 'TIMEOUT':
      return {
        title: 'Your answers weren’t sent',
        body: 'We couldn’t reach Pulsewise. Check your connection and send again — nothing was recorded.',
        final: false,
      };
    default:
      return {
        title: 'Something went wrong',
        body: 'Your answers may not have been saved. Please try again; if it keeps happening, contact your HR team.',
        final: false,
      };
  }
}

/** "Friday 5 December, 17:00" in the person's own time zone. */
export function formatCloses(iso: string, locale = 'en-GB', timeZone?: string): string {
  const date = new Date(iso);
  return new Intl.DateTimeFormat(locale, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    hour: '2-digit',
    minute: '2-digit',
    ...(timeZone ? { timeZone } : {}),
  }).format(date);
}
