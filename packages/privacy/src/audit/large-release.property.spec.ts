// The path for large releases (witnesses, then LPs on pinned neighbourhoods) must
// never miss what the exact whole-component LP finds: it may only be more cautious.

import fc from 'fast-check';
import { randomSurvey } from '../testing/arbitraries.js';
import { violationKey as key, weakRelease } from '../testing/manual-release.js';
import { auditRelease } from './index.js';

const RUNS = Math.ceil(Number(process.env.PRIVACY_PROPERTY_RUNS ?? 30) / 2);

it('flags everything the exact LP flags (on deliberately weak releases)', async () => {
  let compared = 0;
  await fc.assert(
    fc.asyncProperty(randomSurvey, fc.array(fc.nat(), { maxLength: 6 }), async ({ input, k }, picks) => {
      const { model, release } = weakRelease(input, k, picks);
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
