// Atom-space LPs (the large-region path's first LP: the target's atoms, their swap partners and
// the nearest hidden cells' atoms free, every other unknown pinned to its true value) must never
// miss what the exact whole-component LP finds, on their own (no neighbourhood LP after them),
// and must actually certify targets (the path is not a no-op that only reports failures).

import fc from 'fast-check';
import { buildCellModel } from '../cells.js';
import { randomSurvey } from '../testing/arbitraries.js';
import { manualRelease, violationKey as key, weakRelease } from '../testing/manual-release.js';
import { auditRelease } from './index.js';

const RUNS = Math.ceil(Number(process.env.PRIVACY_PROPERTY_RUNS ?? 30) / 2);

it('atom-space LPs alone flag everything the exact LP flags, and certify targets', async () => {
  let compared = 0;
  let certified = 0;
  let pinnedCertified = 0;
  await fc.assert(
    fc.asyncProperty(randomSurvey, fc.array(fc.nat(), { maxLength: 6 }), async ({ input, k }, picks) => {
      const { model, release } = weakRelease(input, k, picks);
      const exact = await auditRelease(release, { truth: model });
      // Small atom spaces, so that most of them pin something (the bench's are larger).
      const fast = await auditRelease(release, { truth: model, lpComponentLimit: 0, maxLargeComponentTargets: Infinity, largePath: 'atomSpace', atomSpaceAtoms: [2, 6] });
      const found = new Set(fast.violations.map(key));
      for (const v of exact.violations) expect(found).toContain(key(v));
      const wide = await auditRelease(release, { truth: model, lpComponentLimit: 0, maxLargeComponentTargets: Infinity, largePath: 'atomSpace' });
      for (const v of exact.violations) expect(wide.violations.map(key)).toContain(key(v));
      compared += exact.violations.filter((v) => v.kind !== 'EXACT' && v.kind !== 'RESIDUAL').length;
      certified += (fast.stats.atomSpaceCertified ?? 0) + (wide.stats.atomSpaceCertified ?? 0);
      pinnedCertified += fast.stats.atomSpaceCertified ?? 0;
    }),
    { numRuns: RUNS, seed: 11 },
  );
  expect(compared).toBeGreaterThan(0); // bound checks were actually compared
  expect(certified).toBeGreaterThan(0); // the atom-space LP did the certifying, not only witnesses
  expect(pinnedCertified).toBeGreaterThan(0); // also with most unknowns pinned
});

it('witnesses alone certify large-region targets before any LP (and the limit counts only the rest)', async () => {
  let witnessed = 0;
  let limited = 0;
  await fc.assert(
    fc.asyncProperty(randomSurvey, async ({ input, k }) => {
      const model = buildCellModel(input);
      const release = manualRelease(model, k, {});
      const exact = await auditRelease(release, { truth: model });
      const none = await auditRelease(release, { truth: model, lpComponentLimit: 0, maxLargeComponentTargets: 0 });
      witnessed += none.stats.witnessCertified ?? 0;
      // With no LP allowed in large regions, the audit either passes on witnesses alone or stops.
      if (none.violations.some((v) => v.kind === 'AUDIT_LIMIT')) limited++;
      else for (const v of exact.violations) expect(none.violations.map(key)).toContain(key(v));
    }),
    { numRuns: RUNS, seed: 12 },
  );
  expect(witnessed).toBeGreaterThan(0);
  expect(limited).toBeGreaterThan(0);
});
