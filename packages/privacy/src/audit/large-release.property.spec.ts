// The path for large releases (witnesses, then LPs on pinned neighbourhoods) must
// never miss what the exact whole-component LP finds: it may only be more cautious.

import fc from 'fast-check';
import { buildCellModel } from '../cells.js';
import { randomSurvey } from '../testing/arbitraries.js';
import { manualRelease } from '../testing/manual-release.js';
import { auditRelease } from './index.js';

const RUNS = Math.ceil(Number(process.env.PRIVACY_PROPERTY_RUNS ?? 30) / 2);
const key = (v: { kind: string; layer: string; cellKey: string }): string => `${v.kind}:${v.layer}:${v.cellKey}`;

it('flags everything the exact LP flags (on deliberately weak releases)', async () => {
  let compared = 0;
  await fc.assert(
    fc.asyncProperty(randomSurvey, fc.array(fc.nat(), { maxLength: 6 }), async ({ input, k }, picks) => {
      // Primary suppression plus a few arbitrary extra hidden cells: leaky in every way.
      const model = buildCellModel(input);
      const extra = [...new Set(picks.map((p) => model.cells[p % Math.max(1, model.cells.length)]?.key).filter((x): x is string => !!x))];
      const release = manualRelease(model, k, { cells: extra });
      const exact = await auditRelease(release, { truth: model });
      const fast = await auditRelease(release, { truth: model, lpComponentLimit: 0, maxLargeComponentTargets: Infinity });
      const near = await auditRelease(release, { truth: model, lpComponentLimit: 0, maxLargeComponentTargets: Infinity, largePath: 'neighbourhoods' });
      for (const v of exact.violations) expect(near.violations.map(key)).toContain(key(v));
      const found = new Set(fast.violations.map(key));
      for (const v of exact.violations) expect(found).toContain(key(v));
      compared += exact.violations.filter((v) => v.kind !== 'EXACT' && v.kind !== 'RESIDUAL').length;
    }),
    { numRuns: RUNS, seed: 5 },
  );
  expect(compared).toBeGreaterThan(0); // bound checks were actually compared
});
