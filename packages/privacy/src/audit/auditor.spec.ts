// The auditor on its own: exact elimination, and the bound checks that go beyond
// linear algebra (narrow means, insiders, counts), each shown failing and passing.

import { buildCellModel } from '../cells.js';
import { protectRelease } from '../protect.js';
import { spread, surveyInput, unit } from '../testing/fixtures.js';
import { manualRelease } from '../testing/manual-release.js';
import { determinedUnknowns } from './elimination.js';
import { auditRelease, createAuditMemo } from './index.js';

const row = (entries: [number, number | bigint][]): Map<number, bigint> => new Map(entries.map(([c, v]) => [c, BigInt(v)]));

describe('exact elimination', () => {
  it('finds values determined only by combining several relations', () => {
    // x0 + x1 = a, x1 + x2 = b, x0 - x2 = c: rank 2, nothing determined.
    expect(determinedUnknowns([row([[0, 1], [1, 1]]), row([[1, 1], [2, 1]]), row([[0, 1], [2, -1]])])).toEqual(new Set());
    // x0 + x1 = a, x1 + x2 = b, x0 + x2 = c: rank 3, everything determined (no single relation has one unknown).
    expect(determinedUnknowns([row([[0, 1], [1, 1]]), row([[1, 1], [2, 1]]), row([[0, 1], [2, 1]])])).toEqual(new Set([0, 1, 2]));
  });

  it('propagates relations left with a single unknown', () => {
    // x0 = a; x0 + x1 + x2 = b; x2 + x3 = c  →  only x0 is determined.
    expect(determinedUnknowns([row([[0, 1]]), row([[0, 1], [1, 1], [2, 1]]), row([[2, 1], [3, 1]])])).toEqual(new Set([0]));
  });

  it('stays exact with large coefficients (BigInt, no rounding)', () => {
    const big = 2n ** 60n; // 2^60 + 1 is not representable as a double
    // big*x0 + x1 = a, (big+1)*x0 + x1 = b  →  x0 = b - a, then x1.
    expect(determinedUnknowns([row([[0, big], [1, 1]]), row([[0, big + 1n], [1, 1]])])).toEqual(new Set([0, 1]));
  });
});

describe('bounds beyond linear algebra', () => {
  const units = [unit('p', null), unit('c', 'p'), unit('d', 'p'), unit('e', 'p'), unit('f', 'p')];

  it('flags a hidden team whose mean is pinned because its only partner answered alike', async () => {
    const input = surveyInput(units, [
      { unitId: 'c', eligible: 2, answers: [3, 4] },
      { unitId: 'd', eligible: 8, answers: [3, 4, 3, 4, 3, 4, 3] },
      { unitId: 'e', eligible: 10, answers: spread(9) },
      { unitId: 'f', eligible: 10, answers: spread(8) },
    ]);
    const model = buildCellModel(input);
    const weak = manualRelease(model, 5, { cells: ['u:d'] });
    const report = await auditRelease(weak, { truth: model });
    // Not derivable, yet the attacker knows the team's mean is within [3, 4].
    expect(report.violations.filter((v) => v.kind === 'EXACT')).toEqual([]);
    expect(report.violations).toContainEqual(expect.objectContaining({ cellKey: 'u:c', kind: 'MEAN_INTERVAL', layer: 'q1' }));
    const protectedRelease = await protectRelease(input, { k: 5 });
    expect(protectedRelease.published && protectedRelease.audit.violations).toEqual([]);
  });

  it('flags what a respondent learns from their own answer (insider)', async () => {
    // The hidden pair holds one "1" and six "5"s. An outsider cannot pin team c's mean,
    // but c's member who answered 1 knows everyone else answered 5.
    const input = surveyInput(units, [
      { unitId: 'c', eligible: 2, answers: [1, 5] },
      { unitId: 'd', eligible: 6, answers: [5, 5, 5, 5, 5] },
      { unitId: 'e', eligible: 10, answers: spread(9) },
      { unitId: 'f', eligible: 10, answers: spread(8) },
    ]);
    const model = buildCellModel(input);
    const weak = manualRelease(model, 5, { cells: ['u:d'] });
    const report = await auditRelease(weak, { truth: model });
    expect(report.violations.map((v) => `${v.kind}:${v.layer}:${v.cellKey}`)).toEqual(['INSIDER:q1:u:c']);
    const protectedRelease = await protectRelease(input, { k: 5 });
    expect(protectedRelease.published && protectedRelease.audit.violations).toEqual([]);
  });

  it('flags a count an attacker can narrow with headcounts, even with nothing derivable exactly', async () => {
    // c (10 eligible, 3 responded) and d (6 of 6) are hidden together: c + d = 9 and d <= 6
    // leave c in [3, 9], 7 possible values. Enough for k = 5; too few for k = 8.
    const input = surveyInput(units, [
      { unitId: 'c', eligible: 10, answers: [1, 3, 5] },
      { unitId: 'd', eligible: 6, answers: [1, 2, 3, 4, 5, 3] },
      { unitId: 'e', eligible: 12, answers: spread(11) },
      { unitId: 'f', eligible: 12, answers: spread(10) },
    ]);
    const model = buildCellModel(input);
    const atFive = await auditRelease(manualRelease(model, 5, { cells: ['u:d'] }), { truth: model });
    expect(atFive.violations.filter((v) => v.kind === 'COUNT_INTERVAL')).toEqual([]);
    const atEight = await auditRelease(manualRelease(model, 8), { truth: model });
    expect(atEight.violations.filter((v) => v.kind === 'EXACT')).toEqual([]);
    expect(atEight.violations).toContainEqual(expect.objectContaining({ cellKey: 'u:c', kind: 'COUNT_INTERVAL', layer: 'n' }));
  });

  it('models visible hiding reasons when asked to (seesReasons)', async () => {
    // Shown "fewer than 5" for c and "complementary" (so at least 5) for d: c + d = 9 and
    // 5 <= d <= 6 pin c to [3, 4] out of an a-priori [0, 4].
    const input = surveyInput(units, [
      { unitId: 'c', eligible: 10, answers: [1, 3, 5] },
      { unitId: 'd', eligible: 6, answers: [1, 2, 3, 4, 5, 3] },
      { unitId: 'e', eligible: 12, answers: spread(11) },
      { unitId: 'f', eligible: 12, answers: spread(10) },
    ]);
    const model = buildCellModel(input);
    const weak = manualRelease(model, 5, { cells: ['u:d'] });
    expect((await auditRelease(weak, { truth: model })).violations.filter((v) => v.kind === 'COUNT_INTERVAL')).toEqual([]);
    const seen = await auditRelease(weak, { truth: model, seesReasons: true });
    expect(seen.violations).toContainEqual(expect.objectContaining({ cellKey: 'u:c', kind: 'COUNT_INTERVAL' }));
  });
});

describe('audit memo (repair loop)', () => {
  const units = [unit('p', null), unit('c', 'p'), unit('d', 'p'), unit('e', 'p'), unit('f', 'p')];
  const input = surveyInput(units, [
    { unitId: 'c', eligible: 2, answers: [3, 4] },
    { unitId: 'd', eligible: 8, answers: [3, 4, 3, 4, 3, 4, 3] },
    { unitId: 'e', eligible: 10, answers: spread(9) },
    { unitId: 'f', eligible: 10, answers: spread(8) },
  ]);
  const model = buildCellModel(input);

  it('reuses passed checks only for a release that hides at least as much, and starts afresh otherwise', async () => {
    const result = await protectRelease(input, { k: 5 });
    if (!result.published) throw new Error('expected a published release');
    const memo = createAuditMemo();
    expect((await auditRelease(result.release, { truth: model, memo })).violations).toEqual([]);
    expect(memo.passed.size).toBeGreaterThan(0);
    // Same release again: nothing left to solve.
    expect((await auditRelease(result.release, { truth: model, memo })).stats.lpSolves).toBe(0);
    // A weaker release (publishes what the protected one hid) must be judged from scratch.
    const weak = manualRelease(model, 5, { cells: ['u:d'] });
    const report = await auditRelease(weak, { truth: model, memo });
    expect(report.violations).toContainEqual(expect.objectContaining({ cellKey: 'u:c', kind: 'MEAN_INTERVAL', layer: 'q1' }));
  });
});
