// fast-check generators: random org trees (1–4 levels), headcounts, answers and
// 0–2 dimensions, small enough for a brute-force linear-algebra check.

import fc from 'fast-check';
import type { HeadcountRow, OrgUnit, QuestionDef, ReleaseInput, ResponseRow } from '../model.js';

export interface Person {
  d1: string | null;
  d2: string;
  responds: boolean;
  q1: number;
  q2: number | null;
}

export interface RandomSurvey {
  input: ReleaseInput;
  k: number;
}

const person: fc.Arbitrary<Person> = fc.record({
  d1: fc.constantFrom('north', 'south', null),
  d2: fc.constantFrom('junior', 'senior'),
  responds: fc.boolean().chain((b) => (b ? fc.constant(true) : fc.boolean())), // ~75% respond
  q1: fc.integer({ min: 1, max: 5 }),
  q2: fc.option(fc.integer({ min: 0, max: 10 }), { freq: 6 }),
});

/** Parent choices build a tree: unit i+1 hangs under one of the units of depth <= 2 created before it. */
const tree: fc.Arbitrary<OrgUnit[]> = fc.array(fc.nat(), { minLength: 0, maxLength: 6 }).map((choices) => {
  const units: OrgUnit[] = [{ id: 'u0', parentId: null, name: 'U0' }];
  const depth = [0];
  choices.forEach((c, i) => {
    const eligible = units.map((_, j) => j).filter((j) => depth[j]! <= 2);
    const parent = eligible[c % eligible.length]!;
    units.push({ id: `u${i + 1}`, parentId: units[parent]!.id, name: `U${i + 1}` });
    depth.push(depth[parent]! + 1);
  });
  return units;
});

export const randomSurvey: fc.Arbitrary<RandomSurvey> = tree
  .chain((units) =>
    fc.record({
      units: fc.constant(units),
      // Mostly team-sized groups, sometimes tiny ones (the interesting, small cells).
      people: fc.array(fc.oneof({ weight: 3, arbitrary: fc.array(person, { minLength: 4, maxLength: 14 }) }, { weight: 1, arbitrary: fc.array(person, { maxLength: 3 }) }), {
        minLength: units.length,
        maxLength: units.length,
      }),
      dims: fc.integer({ min: 0, max: 2 }),
      k: fc.integer({ min: 3, max: 7 }),
      twoQuestions: fc.integer({ min: 0, max: 3 }).map((x) => x === 0),
    }),
  )
  .map(({ units, people, dims, k, twoQuestions }) => {
    const dimensions = ['site', 'level'].slice(0, dims);
    const headcounts: HeadcountRow[] = [];
    const responses: ResponseRow[] = [];
    people.forEach((group, i) => {
      for (const p of group) {
        const d = { site: p.d1, level: p.d2 };
        headcounts.push({ unitId: units[i]!.id, dims: d, eligible: 1 });
        if (p.responds) responses.push({ unitId: units[i]!.id, dims: d, answers: twoQuestions ? { q1: p.q1, q2: p.q2 } : { q1: p.q1 } });
      }
    });
    const questions: QuestionDef[] = [{ key: 'q1', min: 1, max: 5 }];
    if (twoQuestions) questions.push({ key: 'q2', min: 0, max: 10, favourableAtLeast: 9 });
    return { k, input: { releaseId: 'r', units, dimensions, headcounts, responses, questions } };
  });

/** Fisher–Yates with a seeded generator, for "shuffling does not change the release". */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let s = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
