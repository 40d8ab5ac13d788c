import { auditRelease } from './audit/index.js';
import { protectObservations, type ObservationRow } from './observations.js';
import { unit } from './testing/fixtures.js';

describe('imported signals (one anonymity rule for survey and imported data)', () => {
  const units = [unit('co', null), unit('a', 'co'), unit('b', 'co'), unit('c', 'co')];
  const month = '2025-03';
  const rows: ObservationRow[] = [
    { signalKey: 'overtime', unitId: 'a', month, value: 6, n: 2 },
    { signalKey: 'overtime', unitId: 'b', month, value: 40, n: 9 },
    { signalKey: 'overtime', unitId: 'c', month, value: 55, n: 11 },
    { signalKey: 'overtime', unitId: 'c', month: '2025-02', value: 99, n: 11 }, // another month: ignored
    { signalKey: 'meetings', unitId: 'a', month, value: 60, n: 6 },
    { signalKey: 'meetings', unitId: 'b', month, value: 80, n: 8 },
  ];
  const headcounts = [
    { unitId: 'a', eligible: 6 },
    { unitId: 'b', eligible: 9 },
    { unitId: 'c', eligible: 12 },
  ];

  it('hides small units and protects them against subtraction, per signal', async () => {
    const out = await protectObservations({ month, units, rows, headcounts, signals: [{ key: 'overtime', min: 0, max: 20 }] }, { k: 5 });
    expect(Object.keys(out)).toEqual(['meetings', 'overtime']);
    const overtime = out.overtime!;
    if (!overtime.published) throw new Error(overtime.reason);
    const status = Object.fromEntries(overtime.release.cells.map((c) => [c.key, c.status]));
    expect(status['u:a']).toBe('HIDDEN');
    expect(Object.values(status).filter((s) => s === 'HIDDEN').length).toBeGreaterThanOrEqual(2);
    expect(overtime.release.measures).toEqual([{ kind: 'sum', key: 'overtime', min: 0, max: 20 }]);
    const pub = overtime.release.cells.find((c) => c.status === 'PUBLISHED')!;
    expect(pub.measures.overtime).toMatchObject({ status: 'PUBLISHED' });
  });

  it('units without rows count as zero and are hidden, not shown as zero', async () => {
    const out = await protectObservations({ month, units, rows, headcounts }, { k: 5 });
    const meetings = out.meetings!;
    if (!meetings.published) throw new Error(meetings.reason);
    expect(meetings.release.cells.find((c) => c.key === 'u:c')).toMatchObject({ status: 'HIDDEN', reason: 'BELOW_THRESHOLD' });
  });

  it('the auditor catches a subtraction on imported data as it does on surveys', async () => {
    const out = await protectObservations({ month, units, rows, headcounts }, { k: 5 });
    const overtime = out.overtime!;
    if (!overtime.published) throw new Error(overtime.reason);
    // Publish b (a complementary cell) as if it were safe: a = co - b - c.
    const tampered = {
      ...overtime.release,
      cells: overtime.release.cells.map((c) => (c.key === 'u:b' ? { ...c, status: 'PUBLISHED' as const, reason: undefined, n: 9, measures: { overtime: { status: 'PUBLISHED' as const, count: 9, sum: 40, mean: 40 / 9 } } } : c)),
    };
    expect(overtime.release.cells.find((c) => c.key === 'u:b')).toMatchObject({ status: 'HIDDEN', reason: 'COMPLEMENTARY' });
    expect((await auditRelease(overtime.release)).violations).toEqual([]);
    const report = await auditRelease(tampered);
    expect(report.violations.map((v) => `${v.kind}:${v.cellKey}`)).toContain('EXACT:u:a');
  });
});
