// Releases that hold only whole-node totals are audited on one unknown per (round, unit), plus
// the latent groups that are unions of whole units (unit-level.ts). That is only allowed because
// the audit is the same as on the atoms: every violation (exact, residual, bounds) and every
// redundant hidden value must be the same, with reasons seen or not (with an earlier release of
// the same round, the unit view may add residuals, see below) — and the view must be taken.

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
  const cells = totals.length === 0 ? [] : [...new Set(picks.map((p) => totals[p % totals.length]!.key))];
  return manualRelease(model, k, { cells }, totalsOnly);
}

it('audits releases of totals only on units exactly as on atoms', async () => {
  let compared = 0;
  let onUnits = 0;
  let latentExact = 0;
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
        if (priorReleases.length === 0) expect(units.violations.map(key).sort()).toEqual(atoms.violations.map(key).sort());
        else {
          // With an earlier release of the round, the unit view may find more residuals, never
          // less of anything: the earlier release's unit totals are the round's own units there,
          // whose data the auditor has, while the atoms' system has no data for that release's
          // (non-atom) groups and skips their residuals.
          const found = new Set(units.violations.map(key));
          for (const v of atoms.violations) expect(found).toContain(key(v));
          const atomKeys = new Set(atoms.violations.map(key));
          for (const v of units.violations) if (!atomKeys.has(key(v))) expect(v.kind).toBe('RESIDUAL');
        }
        expect(units.redundant.map((r) => `${r.layer}:${r.cellKey}`).sort()).toEqual(atoms.redundant.map((r) => `${r.layer}:${r.cellKey}`).sort());
        latentExact += units.violations.filter((v) => v.kind === 'EXACT' && v.detail.startsWith('a group no table shows')).length;
        expect(atoms.stats.unitLevel).toBeUndefined();
        if (units.stats.unitLevel) onUnits++;
        compared += atoms.violations.filter((v) => v.kind !== 'EXACT' && v.kind !== 'RESIDUAL').length;
      }
    }),
    { numRuns: RUNS, seed: 21 },
  );
  expect(onUnits).toBeGreaterThan(0); // the view was taken…
  expect(compared).toBeGreaterThan(0); // …on releases whose bound checks found something…
  expect(latentExact).toBeGreaterThan(0); // …and latent groups the exact test works out
});
