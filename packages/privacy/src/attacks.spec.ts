// Known attacks, each shown both ways: a weak release that the auditor (and the
// brute-force check) rejects, and the protected release that passes.

import { auditRelease } from './audit/index.js';
import { buildCellModel } from './cells.js';
import type { Release, ReleaseInput } from './model.js';
import { protectRelease, type ProtectResult } from './protect.js';
import type { TablePolicy } from './tables.js';
import { bruteForceDerivable, bruteForceLatentDerivable } from './testing/brute-force.js';
import { spread, surveyInput, unit } from './testing/fixtures.js';
import { manualRelease } from './testing/manual-release.js';

const K = 5;

async function published(input: ReleaseInput, priorReleases: Release[] = [], k = K, tables?: TablePolicy, totalsFirst?: boolean): Promise<Release> {
  const result: ProtectResult = await protectRelease(input, { k, priorReleases, tables, totalsFirst });
  if (!result.published) throw new Error(`not published: ${JSON.stringify(result.audit?.violations)}`);
  expect(result.audit.violations).toEqual([]);
  return result.release;
}

function cell(release: Release, key: string) {
  const c = release.cells.find((x) => x.key === key);
  if (!c) throw new Error(`no cell ${key}`);
  return c;
}

function kinds(report: { violations: { kind: string; cellKey: string; layer: string }[] }): string[] {
  return [...new Set(report.violations.map((v) => `${v.kind}:${v.layer}:${v.cellKey}`))].sort();
}

describe('parent minus children', () => {
  const units = [unit('dept', null), unit('a', 'dept'), unit('b', 'dept'), unit('c', 'dept')];
  const input = surveyInput(units, [
    { unitId: 'a', eligible: 3, answers: [1, 2] },
    { unitId: 'b', eligible: 9, answers: spread(8) },
    { unitId: 'c', eligible: 10, answers: spread(9) },
  ]);

  it('hiding only the small team is not enough: its count and answers follow from the others', async () => {
    const weak = manualRelease(buildCellModel(input), K);
    expect(cell(weak, 'u:a').status).toBe('HIDDEN');
    const report = await auditRelease(weak, { truth: buildCellModel(input) });
    expect(kinds(report)).toEqual(expect.arrayContaining(['EXACT:n:u:a', 'EXACT:q1:u:a']));
    expect(bruteForceDerivable(input, weak)).toEqual(expect.arrayContaining([{ layer: 'n', cellKey: 'u:a' }]));
  });

  it('the protected release hides a partner and keeps the department total', async () => {
    const release = await published(input);
    expect(cell(release, 'u:a').status).toBe('HIDDEN');
    expect(release.cells.filter((c) => c.status === 'HIDDEN' && c.reason === 'COMPLEMENTARY').length).toBeGreaterThan(0);
    expect(cell(release, 'u:dept').status).toBe('PUBLISHED');
    expect(bruteForceDerivable(input, release)).toEqual([]);
  });
});

describe('two overlapping filters', () => {
  const units = [unit('team', null)];
  const input = surveyInput(
    units,
    [
      { unitId: 'team', dims: { location: 'Paris', tenure: 'new' }, eligible: 2, answers: [2, 4] },
      { unitId: 'team', dims: { location: 'Paris', tenure: 'old' }, eligible: 9, answers: spread(8) },
      { unitId: 'team', dims: { location: 'Lyon', tenure: 'new' }, eligible: 8, answers: spread(7) },
      { unitId: 'team', dims: { location: 'Lyon', tenure: 'old' }, eligible: 10, answers: spread(9) },
    ],
    { dimensions: ['location', 'tenure'] },
  );
  const small = 'u:team|location=Paris|tenure=new';

  it('a small crossing is derivable from either filter alone', async () => {
    const weak = manualRelease(buildCellModel(input), K);
    const report = await auditRelease(weak, { truth: buildCellModel(input) });
    expect(kinds(report)).toContain(`EXACT:n:${small}`);
  });

  it('the protected release hides a whole rectangle (hypercube) across both filters', async () => {
    // Crossed tables (both filters at once) are published only on request.
    const release = await published(input, [], K, { crossed: true, minEligible: 0 });
    const hidden = release.cells.filter((c) => c.status === 'HIDDEN').map((c) => c.key);
    expect(hidden).toContain(small);
    expect(hidden.length).toBeGreaterThanOrEqual(4);
    expect(bruteForceDerivable(input, release)).toEqual([]);
  });

  it('one-dimension tables show both filters in full and keep the small crossing latent', async () => {
    const release = await published(input, [], K, { minEligible: 0 });
    expect(release.cells.map((c) => c.key)).not.toContain(small);
    expect(release.cells.filter((c) => c.status === 'HIDDEN')).toEqual([]);
    expect(cell(release, 'u:team|location=Paris|tenure=*').n).toBe(10);
    expect(cell(release, 'u:team|location=*|tenure=new').n).toBe(9);
    expect(bruteForceLatentDerivable(input, release)).toEqual([]);
  });

  it('a crossing that one-dimension tables give away through an empty combination is caught', async () => {
    // Nobody in Lyon is new: Lyon-old = Lyon, Paris-old = old - Lyon, Paris-new = new. The
    // small Paris-new group is the whole "new" column (a shown, big-enough cell)... unless
    // "new" also has people elsewhere. Here new = Paris-new (2) + Berlin-new (8): the Berlin
    // column pins Berlin-new, so Paris-new = new - Berlin follows, a group of 2.
    const org = [unit('team', null)];
    const leaky = surveyInput(
      org,
      [
        { unitId: 'team', dims: { location: 'Paris', tenure: 'new' }, eligible: 2, answers: [2, 4] },
        { unitId: 'team', dims: { location: 'Paris', tenure: 'old' }, eligible: 9, answers: spread(8) },
        { unitId: 'team', dims: { location: 'Berlin', tenure: 'new' }, eligible: 8, answers: spread(7) },
      ],
      { dimensions: ['location', 'tenure'] },
    );
    const model = buildCellModel(leaky);
    const weak = manualRelease(model, K, {}, { minEligible: 0 });
    const report = await auditRelease(weak, { truth: model });
    expect(kinds(report)).toContain('EXACT:n:u:team|location=Paris|tenure=new');
    expect(bruteForceLatentDerivable(leaky, weak)).toContainEqual({ layer: 'n', group: 'u:team|{"location":"Paris","tenure":"new"}' });

    const release = await published(leaky, [], K, { minEligible: 0 });
    expect(bruteForceDerivable(leaky, release)).toEqual([]);
    expect(bruteForceLatentDerivable(leaky, release)).toEqual([]);
  });

  it('a second cut of the same round (another dimension) is audited against the first', async () => {
    // t1 is small and only in Lyon, where only t3 also has staff: the two cuts protect t1
    // with different partners, and what one hides the other may publish.
    const org = [unit('co', null), unit('t1', 'co'), unit('t2', 'co'), unit('t3', 'co')];
    const groups = [
      { unitId: 't1', dims: { location: 'Lyon' }, eligible: 3, answers: [1, 5, 3] },
      { unitId: 't2', dims: { location: 'Paris' }, eligible: 7, answers: spread(6) },
      { unitId: 't3', dims: { location: 'Paris' }, eligible: 9, answers: spread(8) },
      { unitId: 't3', dims: { location: 'Lyon' }, eligible: 8, answers: spread(7) },
    ].map((g) => ({ ...g, block: 'round-1' }));
    const byTeam = surveyInput(org, groups, { releaseId: 'round-1/teams', blocks: ['round-1'] });
    const byLocation = surveyInput(org, groups, { releaseId: 'round-1/location', blocks: ['round-1'], dimensions: ['location'] });
    const first = await published(byTeam);
    expect(cell(first, 'u:t1').status).toBe('HIDDEN');

    // Protected on its own, the location cut publishes what the team cut hid (and vice versa):
    // together they give t1 away.
    // (minEligible 0 and splits even at the cost of totals: the location cut is published.)
    const alone = await published(byLocation, [], K, { minEligible: 0 }, false);
    const joint = await auditRelease(alone, { truth: buildCellModel(byLocation), priorReleases: [first] });
    expect(joint.violations.filter((v) => v.kind === 'EXACT').map((v) => `${v.releaseId}:${v.cellKey}`)).toContain('round-1/teams:u:t1');

    // With the first release as prior knowledge, the location cut is protected against that link.
    const second = await published(byLocation, [first], K, { minEligible: 0 }, false);
    const recheck = await auditRelease(second, { truth: buildCellModel(byLocation), priorReleases: [first] });
    expect(recheck.violations).toEqual([]);
  });
});

describe('a team that changes by one person between two rounds', () => {
  const units = [unit('co', null), unit('x', 'co'), unit('y', 'co'), unit('z', 'co')];
  const round = (id: string, xSize: number): ReleaseInput =>
    surveyInput(
      units,
      [
        { unitId: 'x', eligible: xSize, answers: spread(xSize), block: id },
        { unitId: 'y', eligible: 10, answers: spread(9), block: id },
        { unitId: 'z', eligible: 11, answers: spread(10), block: id },
      ],
      { releaseId: id, blocks: [id] },
    );
  const r1 = round('r1', 4); // x hidden: 4 < k
  const r2 = round('r2', 5); // one person joined: x shown with 5
  const rollUpInput: ReleaseInput = {
    ...r1,
    releaseId: 'q1',
    blocks: ['r1', 'r2'],
    headcounts: [...r1.headcounts, ...r2.headcounts],
    responses: [...r1.responses, ...r2.responses],
  };

  it('a quarterly roll-up that shows the team (9 answers) gives away round 1 (roll-up minus round 2)', async () => {
    const [first, second] = [await published(r1), await published(r2)];
    expect(cell(first, 'u:x').status).toBe('HIDDEN');
    expect(cell(second, 'u:x').status).toBe('PUBLISHED');
    // Threshold and complementary suppression of the roll-up's own totals only.
    const naive = manualRelease(buildCellModel(rollUpInput), K);
    expect(cell(naive, 'u:x').status).toBe('PUBLISHED');
    const report = await auditRelease(naive, { truth: buildCellModel(rollUpInput), priorReleases: [first, second] });
    expect(report.violations).toEqual(expect.arrayContaining([expect.objectContaining({ releaseId: 'r1', cellKey: 'u:x', kind: 'EXACT' })]));
  });

  it('protected alone, the roll-up already hides the team: round 1 holds fewer than k of its answers (rollups.ts)', async () => {
    const alone = await published(rollUpInput);
    expect(cell(alone, 'u:x')).toMatchObject({ status: 'HIDDEN', reason: 'BELOW_THRESHOLD' });
  });

  it('protected with the earlier rounds as priors, the roll-up hides the team', async () => {
    const [first, second] = [await published(r1), await published(r2)];
    const rollUp = await published(rollUpInput, [first, second]);
    expect(cell(rollUp, 'u:x').status).toBe('HIDDEN');
  });
});

describe('a "(direct)" residual', () => {
  const units = [unit('m', null), unit('a', 'm'), unit('b', 'm')];
  const input = surveyInput(units, [
    { unitId: 'm', eligible: 2, answers: [1, 5] }, // the manager's two direct reports
    { unitId: 'a', eligible: 9, answers: spread(8) },
    { unitId: 'b', eligible: 10, answers: spread(9) },
  ]);

  it('direct reports are an explicit cell, not a residual', () => {
    const model = buildCellModel(input);
    expect(model.nodes.map((n) => n.key)).toEqual(['d:m', 'u:a', 'u:b', 'u:m']);
    expect(model.cells.find((c) => c.key === 'd:m')!.n).toBe(2);
  });

  it('hiding just the direct reports leaves them as manager minus teams', async () => {
    const weak = manualRelease(buildCellModel(input), K);
    const report = await auditRelease(weak, { truth: buildCellModel(input) });
    expect(kinds(report)).toContain('EXACT:n:d:m');
  });

  it('the protected release keeps the direct reports underivable', async () => {
    const release = await published(input);
    expect(cell(release, 'd:m').status).toBe('HIDDEN');
    expect(bruteForceDerivable(input, release)).toEqual([]);
  });
});

describe('everyone answered the same', () => {
  const units = [unit('dept', null), unit('t', 'dept'), unit('u', 'dept'), unit('v', 'dept')];
  const input = surveyInput(units, [
    { unitId: 't', eligible: 8, answers: [5, 5, 5, 5, 5, 5, 5, 5] },
    { unitId: 'u', eligible: 10, answers: spread(9) },
    { unitId: 'v', eligible: 10, answers: spread(8) },
  ]);

  it('the team is shown as a band that still allows a dissenting answer', async () => {
    const release = await published(input);
    const q = cell(release, 'u:t').measures.q1!;
    expect(q).toEqual({ status: 'BANDED', reason: 'BANDED', band: { direction: 'HIGH', share: 0.87, label: '≥87% favourable' } });
    expect(cell(release, 'u:t').n).toBe(8);
  });

  it('a band is not enough when the exact figure follows from the department and the other teams', async () => {
    const weak = manualRelease(buildCellModel(input), K);
    const report = await auditRelease(weak, { truth: buildCellModel(input) });
    expect(kinds(report)).toEqual(expect.arrayContaining(['EXACT:q1:u:t', 'UNANIMITY:q1:u:t']));
  });

  it('the protected release hides a partner question value, so unanimity cannot be proven', async () => {
    const release = await published(input);
    const partners = release.cells.filter((c) => c.status === 'PUBLISHED' && c.measures.q1?.status === 'HIDDEN');
    expect(partners.map((c) => c.measures.q1)).toContainEqual({ status: 'HIDDEN', reason: 'COMPLEMENTARY' });
    expect(bruteForceDerivable(input, release)).toEqual([]);
  });
});

describe('the naive "hide the next-smallest sibling" rule', () => {
  /** For every small cell, hide the smallest published sibling with the same demographics. */
  function naive(input: ReleaseInput, k: number): Release {
    const model = buildCellModel(input);
    const byKey = new Map(model.cells.map((c) => [c.key, c]));
    const parentOf = new Map(model.nodes.map((n) => [n.key, n.parentKey]));
    const extra: string[] = [];
    for (const c of model.cells) {
      if (c.n >= k) continue;
      const siblings = model.cells.filter(
        (s) => s.key !== c.key && parentOf.get(s.nodeKey) === parentOf.get(c.nodeKey) && parentOf.get(c.nodeKey) !== null && JSON.stringify(s.dims) === JSON.stringify(c.dims),
      );
      // The next-smallest sibling; if it is small too, it is hidden already and the rule is satisfied.
      const next = siblings.sort((a, b) => a.n - b.n)[0];
      if (next && next.n >= k && byKey.has(next.key)) extra.push(next.key);
    }
    return manualRelease(model, k, { cells: [...new Set(extra)] });
  }

  it('fails with a demographic cut: the small cell is the team total minus its other value', async () => {
    const units = [unit('p', null), unit('a', 'p'), unit('b', 'p')];
    const input = surveyInput(
      units,
      [
        { unitId: 'a', dims: { location: 'Paris' }, eligible: 2, answers: [1, 4] },
        { unitId: 'a', dims: { location: 'Lyon' }, eligible: 10, answers: spread(9) },
        { unitId: 'b', dims: { location: 'Paris' }, eligible: 9, answers: spread(8) },
        { unitId: 'b', dims: { location: 'Lyon' }, eligible: 8, answers: spread(7) },
      ],
      { dimensions: ['location'] },
    );
    const weak = naive(input, K);
    expect(cell(weak, 'u:b|location=Paris').status).toBe('HIDDEN'); // the rule did its job...
    const report = await auditRelease(weak, { truth: buildCellModel(input) });
    expect(kinds(report)).toContain('EXACT:n:u:a|location=Paris'); // ...and it is not enough
    expect(bruteForceDerivable(input, weak)).toContainEqual({ layer: 'n', cellKey: 'u:a|location=Paris' });

    const release = await published(input);
    expect(bruteForceDerivable(input, release)).toEqual([]);
  });

  it('fails when two small siblings protect each other: their sum is a group of fewer than k', async () => {
    const units = [unit('p', null), unit('a', 'p'), unit('b', 'p'), unit('c', 'p')];
    const input = surveyInput(units, [
      { unitId: 'a', eligible: 3, answers: [1, 5] },
      { unitId: 'b', eligible: 4, answers: [2, 4, 3] },
      { unitId: 'c', eligible: 25, answers: spread(20) },
    ]);
    const weak = naive(input, 6);
    const report = await auditRelease(weak, { truth: buildCellModel(input) });
    expect(kinds(report)).toEqual(expect.arrayContaining(['RESIDUAL:n:u:a', 'RESIDUAL:n:u:b']));
    const release = await published(input, [], 6);
    expect(cell(release, 'u:c').status).toBe('HIDDEN');
  });
});

describe('releases too large to certify', () => {
  it('fail closed with an explicit reason instead of running for hours', async () => {
    const units = [unit('p', null), unit('a', 'p'), unit('b', 'p'), unit('c', 'p')];
    // Everyone answered 3 and took part: no witness (a feasible point moved from the truth) can
    // show the hidden groups' room, so their checks need LPs, and none is allowed here.
    const input = surveyInput(units, [
      { unitId: 'a', eligible: 2, answers: [3, 3] },
      { unitId: 'b', eligible: 8, answers: [3, 3, 3, 3, 3, 3, 3, 3] },
      { unitId: 'c', eligible: 9, answers: [3, 3, 3, 3, 3, 3, 3, 3, 3] },
    ]);
    const result = await protectRelease(input, { k: K, audit: { lpComponentLimit: 0, maxLargeComponentTargets: 0 } });
    expect(result.published).toBe(false);
    if (!result.published) expect(result.reason).toMatch(/could not run to the end.*witnesses could not certify.*fewer dimensions/);
  });

  it('count only the groups that witnesses could not certify against the limit', async () => {
    const units = [unit('p', null), unit('a', 'p'), unit('b', 'p'), unit('c', 'p')];
    const input = surveyInput(units, [
      { unitId: 'a', eligible: 3, answers: [1, 2] },
      { unitId: 'b', eligible: 9, answers: spread(8) },
      { unitId: 'c', eligible: 10, answers: spread(9) },
    ]);
    // Witnesses certify every bound check here, so no LP is needed and the release is published.
    const result = await protectRelease(input, { k: K, audit: { lpComponentLimit: 0, maxLargeComponentTargets: 0 } });
    expect(result.published).toBe(true);
  });
});
