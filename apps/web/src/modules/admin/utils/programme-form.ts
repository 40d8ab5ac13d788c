import type { Cadence, CreateProgrammeInput } from '../../../gql/graphql';

export const CADENCE_LABELS: Record<Cadence, string> = {
  WEEKLY: 'Every week',
  BIWEEKLY: 'Every two weeks',
  MONTHLY: 'Every month',
};

export interface ProgrammeDraft {
  name: string;
  openDays: string;
  questionsPerRound: string;
  questionKeys: string[];
  audienceUnitIds: string[];
}

/** Checks the create form with the API's own limits, so people see every problem at once. */
export function validateProgramme(draft: ProgrammeDraft): { input: Omit<CreateProgrammeInput, 'cadence'> } | { problems: string[] } {
  const problems: string[] = [];
  const name = draft.name.trim();
  if (name.length < 2 || name.length > 120) problems.push('Give the programme a name of 2 to 120 characters.');
  const openDays = /^\d+$/.test(draft.openDays.trim()) ? Number(draft.openDays) : NaN;
  if (!(openDays >= 1 && openDays <= 28)) problems.push('Days open must be a whole number from 1 to 28.');
  const perRound = /^\d+$/.test(draft.questionsPerRound.trim()) ? Number(draft.questionsPerRound) : NaN;
  if (!(perRound >= 3 && perRound <= 8)) problems.push('Questions per round must be a whole number from 3 to 8.');
  if (draft.questionKeys.length < 3) problems.push('Choose at least 3 questions.');
  else if (Number.isFinite(perRound) && draft.questionKeys.length < perRound) {
    problems.push(`Choose at least as many questions (${draft.questionKeys.length}) as are asked per round (${perRound}).`);
  }
  if (draft.audienceUnitIds.length === 0) problems.push('Choose who is asked.');
  if (problems.length > 0) return { problems };
  return {
    input: {
      name,
      openDays,
      questionsPerRound: perRound,
      questionKeys: draft.questionKeys,
      audienceUnitIds: draft.audienceUnitIds,
      excludedUnitIds: [],
    },
  };
}

export function formatDateTime(iso: string, locale = 'en-GB', timeZone?: string): string {
  return new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    ...(timeZone ? { timeZone } : {}),
  }).format(new Date(iso));
}

export function formatRate(rate: number | null | undefined): string {
  return rate === null || rate === undefined ? 'rate not shown' : `${Math.round(rate * 100)}%`;
}

/** "3 Oct – 10 Oct 2026" (or with both years when they differ). */
export function formatPeriod(fromIso: string, toIso: string, locale = 'en-GB', timeZone?: string): string {
  const from = new Date(fromIso);
  const to = new Date(toIso);
  const zone = timeZone ? { timeZone } : {};
  const year = (d: Date) => new Intl.DateTimeFormat(locale, { year: 'numeric', ...zone }).format(d);
  const sameYear = year(from) === year(to);
  const start = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', ...(sameYear ? {} : { year: 'numeric' }), ...zone }).format(from);
  const end = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', ...zone }).format(to);
  return `${start} – ${end}`;
}
