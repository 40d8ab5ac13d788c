// The LP wrapper must never crash an audit: statuses other than optimal /
// infeasible / unbounded (HiGHS 15 "unknown" was seen in production after long
// warm-started sequences) are retried cold, and if the solver still cannot decide,
// the check fails closed (a violation), never an exception.

import type { Highs } from 'highs';
import { buildCellModel } from '../cells.js';
import { protectRelease } from '../protect.js';
import { spread, surveyInput, unit } from '../testing/fixtures.js';
import { manualRelease } from '../testing/manual-release.js';
import { auditRelease } from './index.js';
import { loadSolver } from './lp.js';

const UNKNOWN_STATUS = 15;

/** The real solver, except that some solves report status 15 ("unknown"). */
async function faultySolver(fails: (state: { cleared: boolean }) => boolean): Promise<{ solver: () => Promise<Highs>; faults: () => number }> {
  const real = await loadSolver();
  let faults = 0;
  const solver = new Proxy(real, {
    get(target, prop, receiver) {
      if (prop !== 'createModel') return Reflect.get(target, prop, receiver);
      return (...args: Parameters<Highs['createModel']>) => {
        const model = target.createModel(...args);
        const state = { cleared: false, fake: false };
        return new Proxy(model, {
          get(m, p) {
            const value = Reflect.get(m, p, m);
            if (p === 'clearSolver') return () => ((state.cleared = true), value.call(m));
            if (p === 'run') {
              return () => {
                const out = value.call(m);
                state.fake = fails(state);
                if (state.fake) faults++;
                state.cleared = false;
                return out;
              };
            }
            if (p === 'getModelStatus') return () => (state.fake ? UNKNOWN_STATUS : value.call(m));
            return typeof value === 'function' ? value.bind(m) : value;
          },
        });
      };
    },
  });
  return { solver: async () => solver, faults: () => faults };
}

describe('LP solver statuses', () => {
  const units = [unit('p', null), unit('c', 'p'), unit('d', 'p'), unit('e', 'p'), unit('f', 'p')];
  // Team c's mean is pinned by its only partner (see auditor.spec.ts): only the LP finds it.
  const input = surveyInput(units, [
    { unitId: 'c', eligible: 2, answers: [3, 4] },
    { unitId: 'd', eligible: 8, answers: [3, 4, 3, 4, 3, 4, 3] },
    { unitId: 'e', eligible: 10, answers: spread(9) },
    { unitId: 'f', eligible: 10, answers: spread(8) },
  ]);
  const model = buildCellModel(input);
  const weak = manualRelease(model, 5, { cells: ['u:d'] });

  it('retries a warm solve that ends in status 15 from scratch and gets the same answer', async () => {
    const reference = await auditRelease(weak, { truth: model });
    const { solver, faults } = await faultySolver((s) => !s.cleared); // every warm solve fails
    const report = await auditRelease(weak, { truth: model, solver });
    expect(faults()).toBeGreaterThan(0);
    expect(report.violations).toEqual(reference.violations);
  });

  it('fails closed when the solver never decides: a violation, not an exception', async () => {
    const { solver } = await faultySolver(() => true);
    const report = await auditRelease(weak, { truth: model, solver });
    expect(report.ok).toBe(false);
    expect(report.violations).toContainEqual(expect.objectContaining({ cellKey: 'u:c', layer: 'q1', detail: expect.stringMatching(/could not decide/) }));
    // The whole pipeline returns a result instead of throwing: more suppression (until checks need
    // no LP at all) or nothing published. What it publishes passes the audit with the real solver.
    const result = await protectRelease(input, { k: 5, audit: { solver } });
    if (result.published) expect((await auditRelease(result.release, { truth: model })).violations).toEqual([]);
    else expect(result.reason).toMatch(/audit/);
  });
});
