import fc from 'fast-check';
import { buildCellModel } from './cells.js';
import { directNodeKey, unitNodeKey } from './keys.js';
import { protectRelease } from './protect.js';
import { excludeSmallResidualGroups } from './residuals.js';
import { spread, surveyInput, unit } from './testing/fixtures.js';
import { bruteForceDerivable } from './testing/brute-force.js';

const K = 5;

describe('small "(direct)" groups are counted in no published cell', () => {
  // A company whose CEO and assistant sit at the root, above two departments.
  const units = [unit('co', null), unit('eng', 'co'), unit('ops', 'co')];
  const input = surveyInput(units, [
    { unitId: 'co', eligible: 2, answers: [1, 5] },
    { unitId: 'eng', eligible: 12, answers: spread(10) },
    { unitId: 'ops', eligible: 9, answers: spread(8) },
  ]);

  it('drops the residual and says what it dropped', () => {
    const { input: kept, excluded } = excludeSmallResidualGroups(input, K);
    expect(excluded).toEqual([{ unitId: 'co', block: 'round-1', eligible: 2 }]);
    expect(kept.headcounts.map((h) => h.unitId)).toEqual(['eng', 'ops']);
    expect(kept.responses).toHaveLength(18);
    expect(buildCellModel(kept).nodes.some((n) => n.key === directNodeKey('co'))).toBe(false);
  });

  it('with the residual left in, protecting it costs the organisation total or a whole department', async () => {
    const result = await protectRelease(input, { k: K });
    expect(result.published).toBe(true);
    if (!result.published) return;
    const hidden = result.release.cells.filter((c) => c.status === 'HIDDEN' && !c.direct).map((c) => c.nodeKey);
    expect(hidden.some((key) => [unitNodeKey('co'), unitNodeKey('eng'), unitNodeKey('ops')].includes(key))).toBe(true);
  });

  it('without it, every total is published and nothing is derivable', async () => {
    const { input: kept } = excludeSmallResidualGroups(input, K);
    const result = await protectRelease(kept, { k: K });
    expect(result.published).toBe(true);
    if (!result.published) return;
    expect(result.release.cells.every((c) => c.status === 'PUBLISHED')).toBe(true);
    expect(result.release.cells.find((c) => c.nodeKey === unitNodeKey('co'))!.n).toBe(18);
    expect(bruteForceDerivable(kept, result.release)).toEqual([]);
  });

  it('keeps a residual of k or more, and never touches teams without children', () => {
    const big = surveyInput(units, [
      { unitId: 'co', eligible: 5, answers: spread(4) },
      { unitId: 'eng', eligible: 3, answers: [2, 3] },
      { unitId: 'ops', eligible: 9, answers: spread(8) },
    ]);
    const { input: kept, excluded } = excludeSmallResidualGroups(big, K);
    expect(excluded).toEqual([]);
    expect(kept).toBe(big);
  });

  it('decides per round: a residual small in one block and large in another', () => {
    const twoRounds = surveyInput(
      units,
      [
        { unitId: 'co', eligible: 2, answers: [4], block: 'r1' },
        { unitId: 'co', eligible: 6, answers: spread(5), block: 'r2' },
        { unitId: 'eng', eligible: 12, answers: spread(10), block: 'r1' },
        { unitId: 'eng', eligible: 12, answers: spread(10), block: 'r2' },
      ],
      { blocks: ['r1', 'r2'] },
    );
    const { input: kept, excluded } = excludeSmallResidualGroups(twoRounds, K);
    expect(excluded).toEqual([{ unitId: 'co', block: 'r1', eligible: 2 }]);
    expect(kept.responses.filter((r) => r.unitId === 'co').map((r) => r.block)).toEqual(Array(5).fill('r2'));
  });

  it('property: no kept residual is below k, every dropped one is, and teams are never dropped', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ parent: fc.nat(5), eligible: fc.integer({ min: 0, max: 9 }), block: fc.constantFrom('a', 'b') }), { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 3, max: 7 }),
        (rows, k) => {
          // Units u0..u6 in a chain-ish tree: u(i) has parent u(parent % i).
          const tree = Array.from({ length: 7 }, (_, i) => unit(`u${i}`, i === 0 ? null : `u${rows[i % rows.length]!.parent % i}`));
          const parents = new Set(tree.flatMap((u) => (u.parentId ? [u.parentId] : [])));
          const groups = rows.map((r, i) => ({ unitId: `u${i % 7}`, eligible: r.eligible, answers: spread(Math.min(r.eligible, 2)), block: r.block }));
          const input = surveyInput(tree, groups, { blocks: ['a', 'b'] });
          const { input: kept, excluded } = excludeSmallResidualGroups(input, k);
          const sum = (rs: typeof kept.headcounts, unitId: string, block: string) =>
            rs.filter((h) => h.unitId === unitId && h.block === block).reduce((s, h) => s + h.eligible, 0);
          for (const e of excluded) {
            expect(parents.has(e.unitId)).toBe(true);
            expect(e.eligible).toBeLessThan(k);
            expect(sum(kept.headcounts, e.unitId, e.block)).toBe(0);
          }
          for (const h of kept.headcounts) {
            const total = sum(kept.headcounts, h.unitId, h.block!);
            if (parents.has(h.unitId) && total > 0) expect(total).toBeGreaterThanOrEqual(k);
          }
          expect(kept.headcounts.filter((h) => !parents.has(h.unitId))).toEqual(input.headcounts.filter((h) => !parents.has(h.unitId)));
        },
      ),
    );
  });
});
