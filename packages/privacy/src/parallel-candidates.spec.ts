// protectModel may protect its first choice of tables with splits in a worker thread while the
// release without splits is protected (large models on several cores). The thread must change
// nothing but the time taken: same release, same audit rounds reported in the same order, same
// candidates — checked here on random organisations with the thread forced on and off.

import fc from 'fast-check';
import { buildCellModel } from './cells.js';
import { protectModel, type AuditRoundEvent, type ProtectOptions } from './protect.js';
import { randomSurvey } from './testing/arbitraries.js';

const RUNS = Math.max(4, Math.ceil(Number(process.env.PRIVACY_PROPERTY_RUNS ?? 30) / 5));

it('gives the same result with the first candidate in a thread as in-process', async () => {
  let splitCandidates = 0;
  await fc.assert(
    fc.asyncProperty(randomSurvey, fc.constantFrom(0, 8), async ({ input, k }, minEligible) => {
      const model = buildCellModel(input);
      const run = async (parallelCandidates: boolean) => {
        const rounds: AuditRoundEvent[] = [];
        const candidates: { inThread?: boolean }[] = [];
        const options: ProtectOptions = { k, tables: { crossed: false, minEligible }, parallelCandidates, onAuditRound: (r) => rounds.push(r), onCandidate: (c) => candidates.push(c) };
        const result = await protectModel(model, options);
        // The only difference allowed: the candidate says where it ran (and audits' timings differ).
        const inThread = candidates.filter((c) => c.inThread).length;
        return { result: { ...result, audit: result.audit && { ...result.audit, stats: undefined } }, rounds, candidates: candidates.map(({ inThread: _, ...c }) => c), inThread };
      };
      const inProcess = await run(false);
      const threaded = await run(true);
      expect({ ...threaded, inThread: 0 }).toEqual(inProcess);
      expect(inProcess.inThread).toBe(0);
      if (inProcess.candidates.length > 1) {
        splitCandidates++;
        expect(threaded.inThread).toBe(1); // it really ran there (a failed thread falls back silently)
      }
    }),
    { numRuns: RUNS, seed: 20261124 },
  );
  expect(splitCandidates).toBeGreaterThan(0); // the thread had a candidate to protect
}, 120_000);
