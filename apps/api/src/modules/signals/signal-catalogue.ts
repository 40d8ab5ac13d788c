// The built-in culture signals every tenant has. PULSE signals read the audited
// releases of one pulse question; IMPORT signals come from aggregated
// behavioural data an HR system sends (per unit and month, never per person).
// No signal has a "direction" used for ordering: a healthy band is a
// tenant-set reference line, not a score.
import type { Tx } from '@pulsewise/db';

export interface SignalDefinition {
  key: string;
  name: string;
  description: string;
  unit: string;
  source: 'PULSE' | 'IMPORT';
  questionKey: string | null;
  valueMin: number | null;
  valueMax: number | null;
}

export const BUILT_IN_SIGNALS: readonly SignalDefinition[] = [
  {
    key: 'break_taking', name: 'Break-taking', source: 'PULSE', questionKey: 'breaks', valueMin: 1, valueMax: 5,
    unit: 'average agreement (1–5)', description: 'Whether people take real breaks during the working day ("I took real breaks on most days this week").',
  },
  {
    key: 'flexibility_usage', name: 'Flexibility usage', source: 'IMPORT', questionKey: null, valueMin: 0, valueMax: 100,
    unit: '% of the flex/remote allowance used', description: 'Flexible and remote days people actually used, as a share of what the policy allows them.',
  },
  {
    key: 'after_hours_work', name: 'After-hours work', source: 'IMPORT', questionKey: null, valueMin: 0, valueMax: 100,
    unit: '% of activity outside working hours', description: 'The share of work activity (messages, commits, meetings) that happened outside each person\'s own working hours.',
  },
  {
    key: 'time_off', name: 'Time off taken', source: 'IMPORT', questionKey: null, valueMin: 0, valueMax: 60,
    unit: 'vacation days per person-year', description: 'Vacation days taken, as a yearly rate per person (so months compare with each other).',
  },
  {
    key: 'energy', name: 'Energy', source: 'PULSE', questionKey: 'energy', valueMin: 1, valueMax: 5,
    unit: 'average agreement (1–5)', description: 'Whether people end their days with energy left for life outside work.',
  },
  {
    key: 'workload_sustainability', name: 'Workload sustainability', source: 'PULSE', questionKey: 'workload', valueMin: 1, valueMax: 5,
    unit: 'average agreement (1–5)', description: 'Whether people feel their workload is sustainable.',
  },
  {
    key: 'psychological_safety', name: 'Psychological safety', source: 'PULSE', questionKey: 'psych_safety', valueMin: 1, valueMax: 5,
    unit: 'average agreement (1–5)', description: 'Whether people can raise a concern on their team without fear.',
  },
  {
    key: 'success_alignment', name: 'Alignment of success definitions', source: 'PULSE', questionKey: 'alignment', valueMin: 1, valueMax: 5,
    unit: 'average agreement (1–5)', description: 'Whether people and their managers agree on what success looks like for them ("Does your boss know your personal KPI?").',
  },
];

/** Gives the tenant the built-in signals it does not have yet (idempotent; tenant-set bands are kept). */
export async function ensureBuiltInSignals(tx: Tx, tenantId: string): Promise<void> {
  await tx.signal.createMany({ data: BUILT_IN_SIGNALS.map((s) => ({ tenantId, ...s, builtIn: true })), skipDuplicates: true });
}

/** Catalogue order: built-ins in their fixed order, then the tenant's own signals by key. Never by a value. */
export function catalogueOrder<T extends { key: string; builtIn: boolean }>(signals: readonly T[]): T[] {
  const builtInIndex = new Map(BUILT_IN_SIGNALS.map((s, i) => [s.key, i]));
  return [...signals].sort((a, b) => {
    const ia = a.builtIn ? builtInIndex.get(a.key) ?? 999 : 1000;
    const ib = b.builtIn ? builtInIndex.get(b.key) ?? 999 : 1000;
    return ia - ib || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
  });
}
