import type { Tx } from '../client.js';
// The question bank every tenant starts with. Each item feeds one culture signal
// (by key); tenants edit wording (new versions) without breaking trends.
export type DefaultQuestionType = 'AGREEMENT_5' | 'ENPS_0_10' | 'YES_NO' | 'COMMENT';

export interface DefaultQuestion {
  key: string;
  signalKey: string;
  type: DefaultQuestionType;
  text: string;
}

export const DEFAULT_QUESTION_BANK: readonly DefaultQuestion[] = [
  { key: 'energy', signalKey: 'energy', type: 'AGREEMENT_5', text: 'I ended most days this week with energy left for life outside work.' },
  { key: 'breaks', signalKey: 'break_taking', type: 'AGREEMENT_5', text: 'I took real breaks on most days this week.' },
  { key: 'workload', signalKey: 'workload_sustainability', type: 'AGREEMENT_5', text: 'My workload is sustainable.' },
  { key: 'after_hours', signalKey: 'after_hours_work', type: 'AGREEMENT_5', text: 'I rarely needed to work outside my working hours this week.' },
  { key: 'flexibility', signalKey: 'flexibility_usage', type: 'AGREEMENT_5', text: 'I could use the flexibility our policy offers.' },
  { key: 'time_off', signalKey: 'time_off', type: 'AGREEMENT_5', text: 'I can take time off without worrying about what happens while I am away.' },
  { key: 'psych_safety', signalKey: 'psychological_safety', type: 'AGREEMENT_5', text: 'I can raise a concern on my team without fear.' },
  { key: 'recognition', signalKey: 'recognition', type: 'AGREEMENT_5', text: 'Good work is noticed here.' },
  { key: 'alignment', signalKey: 'success_alignment', type: 'AGREEMENT_5', text: 'My manager and I agree on what success looks like for me.' },
  { key: 'enps', signalKey: 'enps', type: 'ENPS_0_10', text: 'How likely are you to recommend working here to a friend?' },
  { key: 'took_day_off', signalKey: 'time_off', type: 'YES_NO', text: 'Did you take at least one full day off in the last month?' },
  { key: 'comment', signalKey: 'comment', type: 'COMMENT', text: 'Anything else you want leadership to hear? (optional)' },
];

/** Answer range per type; COMMENT carries text instead of a number. */
export const ANSWER_RANGE: Record<Exclude<DefaultQuestionType, 'COMMENT'>, { min: number; max: number }> = {
  AGREEMENT_5: { min: 1, max: 5 },
  ENPS_0_10: { min: 0, max: 10 },
  YES_NO: { min: 0, max: 1 },
};

/** Gives a new tenant the default bank (inside the caller's tenant transaction). */
export async function seedQuestionBank(tx: Tx, tenantId: string): Promise<void> {
  await tx.question.createMany({ data: DEFAULT_QUESTION_BANK.map((q) => ({ tenantId, ...q })), skipDuplicates: true });
}
