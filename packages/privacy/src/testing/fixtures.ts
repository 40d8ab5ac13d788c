// Small hand-written organisations for fixed attack tests.

import type { HeadcountRow, OrgUnit, QuestionDef, ReleaseInput, ResponseRow } from '../model.js';

export const LIKERT: QuestionDef = { key: 'q1', min: 1, max: 5 };

/** A group of people with the same place in the org and the same demographics. */
export interface Group {
  unitId: string;
  dims?: Record<string, string>;
  eligible: number;
  /** One entry per respondent: their answer to q1 (or a full answers object). */
  answers: (number | Record<string, number>)[];
  block?: string;
}

export function surveyInput(
  units: OrgUnit[],
  groups: Group[],
  options: { dimensions?: string[]; questions?: QuestionDef[]; releaseId?: string; blocks?: string[] } = {},
): ReleaseInput {
  const headcounts: HeadcountRow[] = [];
  const responses: ResponseRow[] = [];
  for (const g of groups) {
    headcounts.push({ unitId: g.unitId, dims: g.dims, eligible: g.eligible, block: g.block });
    for (const a of g.answers) responses.push({ unitId: g.unitId, dims: g.dims, answers: typeof a === 'number' ? { q1: a } : a, block: g.block });
  }
  return {
    releaseId: options.releaseId ?? 'round-1',
    blocks: options.blocks,
    units,
    dimensions: options.dimensions ?? [],
    headcounts,
    responses,
    questions: options.questions ?? [LIKERT],
  };
}

export function unit(id: string, parentId: string | null): OrgUnit {
  return { id, parentId, name: id.toUpperCase() };
}

/** n answers spread over the scale, deterministic. */
export function spread(n: number, min = 1, max = 5): number[] {
  return Array.from({ length: n }, (_, i) => min + ((i * 2 + 1) % (max - min + 1)));
}
