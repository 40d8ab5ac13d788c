// Releases that hold only whole-node totals get their bound checks on one unknown per (round,
// unit) (unit-level.ts). That is only allowed because the bounds are the same as on the atoms:
// every violation must be the same, with an earlier release of the same round or without, with
// reasons seen or not — and the view must actually be taken.

import fc from 'fast-check';
import { buildCellModel } from '../cells.js';
import { ALL } from '../keys.js';
import type { CellModel, Release } from '../model.js';
import { randomSurvey } from '../testing/arbitraries.js';
import { manualRelease, violationKey as key } from '../testing/manual-release.js';
import { auditRelease } from './index.js';

const RUNS = Math.ceil(Number(process.env.PRIVACY_PROPERTY_RUNS ?? 30) / 2);
const totalsOnly = { minEligible: Infinity }; // no node is big enough to be cut

/** Primary suppression plus a few picked totals hidden as well: weak on purpose. */
function totalsRelease(model: CellModel, k: number, picks: readonly number[]): Release {
  const totals = model.cells.filter((c) => Object.values(c.dims).every((v) => v === ALL));
  const cells = [...new Set(picks.map((p) => totals[p % totals.length]!.key))];
  return manualRelease(model, k, { cells }, totalsOnly);
}

it('gives the same violations on units as on atoms, for releases of totals only', async () => {
  let compared = 0;
  let onUnits = 0;
  await fc.assert(
    fc.asyncProperty(randomSurvey, fc.array(fc.nat(), { maxLength: 4 }), fc.array(fc.nat(), { maxLength: 4 }), fc.boolean(), async ({ input, k }, picks, priorPicks, seesReasons) => {
      const model = buildCellModel(input);
      const release = totalsRelease(model, k, picks);
      // An earlier release of the same round, hiding other totals: its cells are linked unknowns.
      const prior = { ...totalsRelease(buildCellModel({ ...input, releaseId: 'earlier', blocks: ['r'] }), k, priorPicks), releaseId: 'earlier' };
      for (const priorReleases of [[], [prior]]) {
        // The atoms' audit with one exact LP per region however large (no pinned, cautious LPs).
        const atoms = await auditRelease(release, { truth: model, priorReleases, seesReasons, unitLevel: false, lpComponentLimit: Infinity });
        const units = await auditRelease(release, { truth: model, priorReleases, seesReasons });
        expect(units.violations.map(key).sort()).toEqual(atoms.violations.map(key).sort());
        expect(atoms.stats.unitLevel).toBeUndefined();
        if (units.stats.unitLevel) onUnits++;
        compared += atoms.violations.filter((v) => v.kind !== 'EXACT' && v.kind !== 'RESIDUAL').length;
      }
    }),
    { numRuns: RUNS, seed: 21 },
  );
  expect(onUnits).toBeGreaterThan(0); // the view was taken…
  expect(compared).toBeGreaterThan(0); // …on releases whose bound checks found something
});
