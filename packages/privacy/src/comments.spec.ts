import { buildCellModel } from './cells.js';
import { commentGroupsAllowed, commentThreshold } from './comments.js';
import { spread, surveyInput, unit } from './testing/fixtures.js';

describe('comment groups', () => {
  it('needs max(k, 10) respondents', () => {
    expect(commentThreshold(5)).toBe(10);
    expect(commentThreshold(12)).toBe(12);
  });

  it('never shows a group whose comments could be separated by difference', () => {
    // dept = a (12) + b (13) + 6 direct reports. Showing dept, a and b would isolate the 6.
    const units = [unit('dept', null), unit('a', 'dept'), unit('b', 'dept')];
    const model = buildCellModel(
      surveyInput(units, [
        { unitId: 'dept', eligible: 6, answers: spread(6) },
        { unitId: 'a', eligible: 12, answers: spread(12) },
        { unitId: 'b', eligible: 13, answers: spread(13) },
      ]),
    );
    const groups = commentGroupsAllowed(model, 5);
    const allowed = groups.filter((g) => g.allowed).map((g) => g.nodeKey);
    expect(allowed).toEqual(['u:b', 'u:dept']); // a is dropped: dept minus b = a + direct = 18 people
    expect(groups.find((g) => g.nodeKey === 'd:dept')).toMatchObject({ n: 6, allowed: false });
  });

  it('works on whole org nodes only, never on demographic cuts', () => {
    const units = [unit('dept', null)];
    const model = buildCellModel(surveyInput(units, [{ unitId: 'dept', dims: { site: 'Paris' }, eligible: 30, answers: spread(25) }], { dimensions: ['site'] }));
    expect(commentGroupsAllowed(model, 5).map((g) => g.nodeKey)).toEqual(['u:dept']);
  });
});
