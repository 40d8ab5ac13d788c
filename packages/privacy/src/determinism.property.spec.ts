// Releases are a function of the data only: shuffling rows or units, or running
// twice, gives exactly the same release (stable keys, sorted inputs, deterministic
// tie-breaking everywhere).

import fc from 'fast-check';
import type { Release } from './model.js';
import { protectRelease } from './protect.js';
import { randomSurvey, shuffled } from './testing/arbitraries.js';

const RUNS = Number(process.env.PRIVACY_PROPERTY_RUNS ?? 30) / 3;

describe('protectRelease determinism', () => {
  it('gives the same release whatever the order of the input rows', async () => {
    await fc.assert(
      fc.asyncProperty(randomSurvey, fc.integer(), async ({ input, k }, seed) => {
        const a = await protectRelease(input, { k });
        const b = await protectRelease(
          { ...input, responses: shuffled(input.responses, seed), headcounts: shuffled(input.headcounts, seed + 1), units: shuffled(input.units, seed + 2) },
          { k },
        );
        expect(strip(b)).toEqual(strip(a));
      }),
      { numRuns: RUNS, seed: 7 },
    );
  });

  it('is deterministic', async () => {
    await fc.assert(
      fc.asyncProperty(randomSurvey, async ({ input, k }) => {
        const [a, b] = [await protectRelease(input, { k }), await protectRelease(input, { k })];
        expect(strip(b)).toEqual(strip(a));
      }),
      { numRuns: Math.ceil(RUNS / 2), seed: 11 },
    );
  });
});

/** Everything but timings. */
function strip(r: Awaited<ReturnType<typeof protectRelease>>): { published: boolean; release?: Release; violations?: unknown } {
  return r.published ? { published: true, release: r.release } : { published: false, violations: r.audit?.violations };
}
