// Roll-ups over rounds, audited jointly with the rounds' own releases, when readers see
// hiding reasons (the product's setting). The reproduction of why monthly roll-ups of the
// demo data always failed closed: not the LP bounds of the roll-up cells (h adds up over the
// rounds), not the stored priors (a round audited alone through the prior path passes), but
// the roll-up's hiding REASONS. A team below k in each round is >= k in the roll-up, so it
// was hidden there as COMPLEMENTARY — which tells the reader n1 + n2 >= k, a lower bound on
// the rounds' small hidden parts that neither round ever revealed.

import { auditRelease } from './audit/index.js';
import { buildCellModel } from './cells.js';
import type { Release, ReleaseInput } from './model.js';
import { protectRelease } from './protect.js';
import { spread, surveyInput, unit } from './testing/fixtures.js';
import { manualRelease } from './testing/manual-release.js';

const K = 5;
const units = [unit('co', null), unit('x', 'co'), unit('y', 'co'), unit('z', 'co'), unit('w', 'co')];

/** One round; x = null leaves team x out (nobody eligible there). */
function round(id: string, x: number[] | null, wAnswers = spread(13)): ReleaseInput {
  return surveyInput(
    units,
    [
      ...(x ? [{ unitId: 'x', eligible: 4, answers: x, block: id }] : []),
      { unitId: 'y', eligible: 10, answers: spread(9), block: id },
      { unitId: 'z', eligible: 11, answers: spread(10), block: id },
      { unitId: 'w', eligible: 14, answers: wAnswers, block: id },
    ],
    { releaseId: id, blocks: [id] },
  );
}

function rollUp(id: string, rounds: ReleaseInput[]): ReleaseInput {
  return { ...rounds[0]!, releaseId: id, blocks: rounds.map((r) => r.releaseId!), headcounts: rounds.flatMap((r) => r.headcounts), responses: rounds.flatMap((r) => r.responses) };
}

async function published(input: ReleaseInput, priorReleases: Release[] = []): Promise<Release> {
  const result = await protectRelease(input, { k: K, priorReleases, seesReasons: true });
  if (!result.published) throw new Error(`not published: ${result.reason} ${JSON.stringify(result.audit?.violations)}`);
  return result.release;
}

const cell = (r: Release, key: string) => r.cells.find((c) => c.key === key)!;

describe('a monthly roll-up of two rounds, readers seeing hiding reasons', () => {
  // Team x: 4 people, 3 respondents in each round (below k = 5), 6 in the month (not below k).
  const r1 = round('r1', [1, 3, 5]);
  const r2 = round('r2', [2, 4, 5]);
  const month = rollUp('2026-03', [r1, r2]);

  it('each round hides team x as below k, and passes its audit alone through the path priors take (no truth)', async () => {
    for (const input of [r1, r2]) {
      const release = await published(input);
      expect(cell(release, 'u:x')).toMatchObject({ status: 'HIDDEN', reason: 'BELOW_THRESHOLD' });
      const alone = await auditRelease(release, { seesReasons: true });
      expect(alone.violations).toEqual([]);
    }
  });

  it('the cause: hiding the month\'s team x as COMPLEMENTARY tells n1 + n2 >= 5, so each round had at least one respondent', async () => {
    const priors = [await published(r1), await published(r2)];
    const model = buildCellModel(month);
    expect(model.cells.find((c) => c.key === 'u:x')).toMatchObject({ h: 8, n: 6 }); // h adds up over the rounds
    // Hides everything the rounds hid, publishes nothing they did not — and still fails.
    const hidden = [...new Set(priors.flatMap((p) => p.cells.filter((c) => c.status === 'HIDDEN').map((c) => c.key)))];
    const weak = manualRelease(model, K, { cells: hidden });
    expect(cell(weak, 'u:x')).toMatchObject({ status: 'HIDDEN', reason: 'COMPLEMENTARY' });
    const report = await auditRelease(weak, { truth: model, priorReleases: priors, seesReasons: true });
    const onRounds = report.violations.filter((v) => v.releaseId !== '2026-03').map((v) => `${v.releaseId}:${v.kind}:${v.cellKey}:${v.detail}`);
    expect(onRounds).toEqual(
      expect.arrayContaining(['r1:COUNT_INTERVAL:u:x:respondents narrowed to [1, 4], need at least 5 possible values', 'r2:COUNT_INTERVAL:u:x:respondents narrowed to [1, 4], need at least 5 possible values']),
    );
    // Without the reasons the same pattern is fine: the reason is the leak.
    const blind = await auditRelease(weak, { truth: model, priorReleases: priors, seesReasons: false });
    expect(blind.violations).toEqual([]);
  });

  it('the fix: the month hides a group that a round hid as below k as BELOW_THRESHOLD too, and is published', async () => {
    const priors = [await published(r1), await published(r2)];
    const release = await published(month, priors);
    expect(cell(release, 'u:x')).toMatchObject({ status: 'HIDDEN', reason: 'BELOW_THRESHOLD' });
    const report = await auditRelease(release, { truth: buildCellModel(month), priorReleases: priors, seesReasons: true });
    expect(report.violations).toEqual([]);
    // What the month shows agrees with the rounds wherever both show a group.
    for (const c of release.cells.filter((x) => x.status === 'PUBLISHED')) {
      const parts = priors.map((p) => cell(p, c.key));
      if (parts.every((p) => p.status === 'PUBLISHED')) expect(c.n).toBe(parts.reduce((s, p) => s + p.n!, 0));
    }
  });

  it('without the rounds\' releases (say both were withheld), the month still hides team x: 6 answers may come from 4 people', async () => {
    const release = await published(month);
    expect(cell(release, 'u:x')).toMatchObject({ status: 'HIDDEN', reason: 'BELOW_THRESHOLD' });
    // The auditor checks the reason against the data: each round's part of x is below k.
    const report = await auditRelease(release, { truth: buildCellModel(month), seesReasons: true });
    expect(report.violations).toEqual([]);
  });

  it('a BELOW_THRESHOLD that neither a round release nor the data explain fails the audit', async () => {
    const priors = [await published(r1), await published(r2)];
    const release = await published(month, priors);
    expect(cell(release, 'u:z').status).toBe('PUBLISHED'); // 10 + 10 respondents
    const forged: Release = {
      ...release,
      cells: release.cells.map((c) =>
        c.key === 'u:z' ? { ...c, status: 'HIDDEN' as const, reason: 'BELOW_THRESHOLD' as const, n: undefined, measures: { q1: { status: 'HIDDEN' as const, reason: 'BELOW_THRESHOLD' as const } } } : c,
      ),
    };
    delete forged.cells.find((c) => c.key === 'u:z')!.n;
    const report = await auditRelease(forged, { truth: buildCellModel(month), priorReleases: priors, seesReasons: true });
    expect(report.violations).toContainEqual(expect.objectContaining({ releaseId: '2026-03', cellKey: 'u:z', kind: 'THRESHOLD', layer: 'n' }));
    // Readers who do not see reasons learn nothing from it either way.
    const blind = await auditRelease(release, { truth: buildCellModel(month), priorReleases: priors, seesReasons: false });
    expect(blind.violations).toEqual([]);
  });

  it('a question a round showed only as a band is hidden in the month, not banded', async () => {
    // Team w answers q1 near-unanimously in round 1 (a band), not in round 2.
    const b1 = round('b1', null, [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 4]);
    const b2 = round('b2', null, [1, 1, 1, 1, 1, 4, 5, 5, 2, 3, 1, 2, 3]);
    const priors = [await published(b1), await published(b2)];
    expect(cell(priors[0]!, 'u:w')).toMatchObject({ status: 'PUBLISHED', measures: { q1: { status: 'BANDED' } } });
    const release = await published(rollUp('2026-04', [b1, b2]), priors);
    const w = cell(release, 'u:w');
    expect(w.status).toBe('PUBLISHED');
    expect(w.measures.q1).toEqual({ status: 'HIDDEN', reason: 'BELOW_THRESHOLD' });
    const report = await auditRelease(release, { truth: buildCellModel(rollUp('2026-04', [b1, b2])), priorReleases: priors, seesReasons: true });
    expect(report.violations).toEqual([]);
  });
});
