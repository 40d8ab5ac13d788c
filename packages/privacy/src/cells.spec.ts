import { buildCellModel, PrivacyInputError } from './cells.js';
import { shuffled } from './testing/arbitraries.js';
import { surveyInput, unit } from './testing/fixtures.js';

describe('cell model', () => {
  const units = [unit('co', null), unit('eng', 'co'), unit('web', 'eng'), unit('ops', 'co')];
  const input = surveyInput(
    units,
    [
      { unitId: 'co', dims: { site: 'Paris' }, eligible: 1, answers: [4] },
      { unitId: 'eng', eligible: 2, answers: [{ q1: 2, q2: 1 }] }, // no site → Unknown
      { unitId: 'web', dims: { site: 'Lyon' }, eligible: 3, answers: [{ q1: 5 }, { q1: 1, q2: 0 }] },
      { unitId: 'ops', dims: { site: 'Paris' }, eligible: 0, answers: [] },
    ],
    { dimensions: ['site'], questions: [{ key: 'q1', min: 1, max: 5 }, { key: 'q2', min: 0, max: 1 }] },
  );
  const model = buildCellModel(input);
  const get = (key: string) => model.cells.find((c) => c.key === key);

  it('adds a "(direct)" node only where a unit has both child units and direct members', () => {
    expect(model.nodes.map((n) => `${n.key}<${n.parentKey ?? ''}`)).toEqual(['d:co<u:co', 'd:eng<u:eng', 'u:co<', 'u:eng<u:co', 'u:ops<u:co', 'u:web<u:eng']);
  });

  it('gives missing demographics an explicit Unknown value', () => {
    expect(model.dimValues).toEqual({ site: ['Lyon', 'Paris', 'Unknown'] });
    expect(get('d:eng|site=Unknown')).toMatchObject({ h: 2, n: 1 });
  });

  it('aggregates headcount, respondents and per-question statistics over subtrees and margins', () => {
    expect(get('u:co|site=*')).toMatchObject({ h: 6, n: 4 });
    expect(get('u:eng|site=*')!.measures).toEqual({
      q1: { count: 3, sum: 8, histogram: [1, 1, 0, 0, 1] },
      q2: { count: 2, sum: 1, histogram: [1, 1] }, // one person skipped q2
    });
  });

  it('leaves out cells nobody can be in (structural zeros)', () => {
    expect(get('u:ops|site=*')).toBeUndefined();
    expect(get('u:co|site=Lyon')).toMatchObject({ h: 3, n: 2 });
  });

  it('does not depend on the order of units or rows', () => {
    const again = buildCellModel({
      ...input,
      units: shuffled(input.units, 3),
      headcounts: shuffled(input.headcounts, 4),
      responses: shuffled(input.responses, 5),
    });
    expect(again).toEqual(model);
  });

  it('rejects inconsistent input instead of publishing it', () => {
    const more = { ...input, responses: [...input.responses, ...input.responses] };
    expect(() => buildCellModel(more)).toThrow(PrivacyInputError); // more respondents than eligible
    expect(() => buildCellModel({ ...input, responses: [{ unitId: 'web', answers: { q1: 9 } }] })).toThrow(/\[1, 5\]/);
    expect(() => buildCellModel({ ...input, responses: [{ unitId: 'web', answers: { nope: 1 } }] })).toThrow(/unknown question/);
    expect(() => buildCellModel({ ...input, units: [...units, unit('loop', 'loop')] })).toThrow(/cycle/);
  });
});
