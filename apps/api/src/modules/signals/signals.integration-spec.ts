// Imported signals end to end: validate-all-then-write, the privacy engine before
// anything is shown, hidden points with reasons, no derivation across overview
// calls (checked by the independent auditor), ordering that ignores values, the
// HR-system API key path, and who may see what.
import { withTenant } from '@pulsewise/db';
import { auditRelease, protectRelease, type Release, type ReleaseCell } from '@pulsewise/privacy';
import { storePublished } from '../../../../worker/src/modules/releases/release-store.js';
import { createTenant, signIn, type FixtureTenant } from '../../test-support/fixtures.js';
import { startTestApp, type TestApp } from '../../test-support/test-app.js';
import { addMonths, monthOf } from './months.js';
import { smoothTrend, type Point } from './signal-points.js';

let api: TestApp;
let t: FixtureTenant;
let admin: string;

const THIS_MONTH = monthOf(new Date());
const MONTHS = [addMonths(THIS_MONTH, -3), addMonths(THIS_MONTH, -2), addMonths(THIS_MONTH, -1)];
const SIGNAL = 'after_hours_work';

const IMPORT = /* GraphQL */ `
  mutation Import($csv: String!) {
    importSignalObservations(csv: $csv) { ok rowsRead monthsImported monthsPublished monthsWithheld errors { row column message } }
  }
`;
const OVERVIEW = /* GraphQL */ `
  query Overview($orgUnitId: ID!, $from: String, $to: String) {
    cultureOverview(orgUnitId: $orgUnitId, from: $from, to: $to) {
      orgUnitId name from to months anonymityThreshold
      signals { ...Series }
      children { orgUnitId name path direct signals { ...Series } }
      kpis { key name orgUnitPath points { month value } }
    }
  }
  fragment Series on SignalSeries { signal { key source } points { month value n hidden reason band } trend { month value } }
`;

interface ApiPoint { month: string; value: number | null; n: number | null; hidden: boolean; reason: string | null; band: string | null }
interface ApiSeries { signal: { key: string; source: string }; points: ApiPoint[]; trend: { month: string; value: number | null }[] }
interface ApiOverview {
  orgUnitId: string; name: string; from: string; to: string; months: string[]; anonymityThreshold: number;
  signals: ApiSeries[]; children: { orgUnitId: string; name: string; path: string; direct: boolean; signals: ApiSeries[] }[];
  kpis: { key: string; name: string; orgUnitPath: string; points: { month: string; value: number | null }[] }[];
}

const people = (unit: string, count: number, prefix: string, extra: { email: string; roles: ('EMPLOYEE' | 'MANAGER')[] }[] = []) => [
  ...extra.map((p) => ({ ...p, unit })),
  ...Array.from({ length: count - extra.length }, (_, i) => ({ email: `${prefix}${i}@sig.test`, roles: ['EMPLOYEE' as const], unit })),
];

/** Per month: unit path → [average per person, n]. Security (3 people) can never be imported (n < k). */
function data(month: number, swap = false): Record<string, [number, number]> {
  const a = 10 + month * 3;
  const b = 30 + month * 2;
  return { 'Eng/Platform': [swap ? b : a, 8], 'Eng/Storage': [swap ? a : b, 7], 'Ops/Field': [20 + month, 6] };
}

function csvFor(swap = false): string {
  const lines = ['signal,orgUnitPath,month,value,n'];
  MONTHS.forEach((m, i) => {
    for (const [path, [value, n]] of Object.entries(data(i, swap))) lines.push(`${SIGNAL},${path},${m},${value},${n}`);
  });
  return lines.join('\n');
}

async function overview(orgUnitId: string, token = admin): Promise<ApiOverview> {
  const r = await api.gql<{ cultureOverview: ApiOverview }>(OVERVIEW, { orgUnitId, from: MONTHS[0], to: MONTHS[2] }, { token });
  if (!r.data?.cultureOverview) throw new Error(JSON.stringify(r.errors));
  return r.data.cultureOverview;
}

async function stored(tenantId: string) {
  return withTenant(api.prisma, tenantId, async (tx) => ({
    observations: await tx.signalObservation.count(),
    releases: await tx.signalRelease.count(),
    audit: await tx.auditEvent.count({ where: { action: 'signals.imported' } }),
  }));
}

beforeAll(async () => {
  api = await startTestApp('signals');
  t = await createTenant(api.prisma, {
    slug: 'sig',
    units: ['Eng', 'Eng/Platform', 'Eng/Storage', 'Eng/Security', 'Ops', 'Ops/Field'],
    people: [
      { email: 'admin@sig.test', roles: ['EMPLOYEE', 'TENANT_ADMIN'] },
      { email: 'hr@sig.test', roles: ['EMPLOYEE', 'HR_LEADER'] },
      ...people('Eng/Platform', 8, 'plat', [{ email: 'mgr@sig.test', roles: ['EMPLOYEE', 'MANAGER'] }, { email: 'emp@sig.test', roles: ['EMPLOYEE'] }]),
      ...people('Eng/Storage', 7, 'stor'),
      ...people('Eng/Security', 3, 'sec'),
      ...people('Ops/Field', 6, 'field'),
    ],
  });
  admin = (await signIn(api, 'admin@sig.test')).token;
});
afterAll(() => api?.close());

describe('importSignalObservations', () => {
  it('returns every problem of a bad file and writes nothing', async () => {
    const before = await stored(t.id);
    const csv = [
      'signal,orgUnitPath,month,value,n',
      `${SIGNAL},Eng/Platform,${MONTHS[0]},12,8`, // fine on its own
      `overtime,Eng/Platform,${MONTHS[0]},12,8`, // unknown signal
      `${SIGNAL},Eng/Nowhere,${MONTHS[0]},12,8`, // unknown unit
      `${SIGNAL},Eng/Security,${MONTHS[0]},12,3`, // n < k
      `${SIGNAL},Eng/Storage,${MONTHS[0]},twelve,7`, // not a number
      `${SIGNAL},Eng/Storage,13/2026,12,7`, // bad month
    ].join('\n');
    const r = await api.gql<{ importSignalObservations: { ok: boolean; errors: { row: number; column: string; message: string }[] } }>(IMPORT, { csv }, { token: admin });
    expect(r.errors).toBeUndefined();
    const result = r.data!.importSignalObservations;
    expect(result.ok).toBe(false);
    expect(result.errors.map((e) => `${e.row}:${e.column}`)).toEqual(['3:signal', '4:orgUnitPath', '5:n', '6:value', '7:month']);
    expect(result.errors.find((e) => e.row === 5)!.message).toMatch(/anonymity threshold of 5/);
    expect(await stored(t.id)).toEqual(before);
  });

  it('imports a valid file and audits every signal-month before anything can be read', async () => {
    const r = await api.gql<{ importSignalObservations: Record<string, unknown> }>(IMPORT, { csv: csvFor() }, { token: admin });
    expect(r.data?.importSignalObservations).toEqual({ ok: true, rowsRead: 9, monthsImported: 3, monthsPublished: 3, monthsWithheld: 0, errors: [] });
    expect(await stored(t.id)).toEqual({ observations: 9, releases: 3, audit: 1 });
  });

  it('is refused to employees', async () => {
    const employee = (await signIn(api, 'emp@sig.test')).token;
    const r = await api.gql(IMPORT, { csv: csvFor() }, { token: employee });
    expect(r.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('cultureOverview', () => {
  it('shows a small team as hidden points with a reason, never a zero', async () => {
    const eng = await overview(t.units['Eng']!);
    expect(eng.months).toEqual(MONTHS);
    const security = eng.children.find((c) => c.path === 'Eng/Security')!;
    const points = security.signals.find((s) => s.signal.key === SIGNAL)!.points;
    expect(points).toEqual(MONTHS.map((month) => ({ month, value: null, n: null, hidden: true, reason: 'BELOW_THRESHOLD', band: null })));
    // Every hidden point in every series carries a reason and no figure.
    for (const series of [...eng.signals, ...eng.children.flatMap((c) => c.signals)]) {
      for (const p of series.points) {
        if (p.hidden) expect({ value: p.value, n: p.n, reason: Boolean(p.reason) }).toEqual({ value: null, n: null, reason: true });
        if (p.value === 0) throw new Error(`a zero appeared in ${series.signal.key}`);
      }
    }
    // A published point shows the audited figure.
    const platform = (await overview(t.units['Eng/Platform']!)).signals.find((s) => s.signal.key === SIGNAL)!;
    expect(platform.points.map((p) => [p.value, p.n])).toEqual([[10, 8], [13, 8], [16, 8]]);
  });

  it('lets no combination of overview calls (unit, children, parent, neighbouring months) derive a hidden point', async () => {
    // Everything an HR leader can see, from every unit's overview.
    const hr = (await signIn(api, 'hr@sig.test')).token;
    const seen = new Map<string, ApiPoint>();
    const note = (nodeKey: string, series: ApiSeries[]) => {
      for (const p of series.find((s) => s.signal.key === SIGNAL)!.points) seen.set(`${nodeKey}|${p.month}`, p);
    };
    for (const unitId of Object.values(t.units)) {
      const o = await overview(unitId, hr);
      note(`u:${unitId}`, o.signals);
      for (const c of o.children) note(`${c.direct ? 'd' : 'u'}:${c.orgUnitId}`, c.signals);
      // The trend is a function of the points shown and nothing else.
      for (const s of [...o.signals, ...o.children.flatMap((c) => c.signals)]) expect(s.trend).toEqual(smoothTrend(s.points as Point[]));
    }

    // Rebuild, per month, the release an attacker holding all of that would know, and audit it together with its neighbours.
    const releases = await withTenant(api.prisma, t.id, (tx) =>
      tx.signalRelease.findMany({ where: { signal: { key: SIGNAL } }, include: { cells: true }, orderBy: { month: 'asc' } }),
    );
    expect(releases.map((r) => [r.month, r.status])).toEqual(MONTHS.map((m) => [m, 'PUBLISHED']));
    const known: Release[] = releases.map((r) => {
      const structure = r.structure as unknown as Omit<Release, 'cells'>;
      const cells: ReleaseCell[] = r.cells.map((c) => {
        const p = seen.get(`${c.nodeKey}|${r.month}`);
        if (!p) throw new Error(`cell ${c.nodeKey} of ${r.month} is in no overview`);
        // What the API showed is exactly what the audited release holds.
        expect({ cell: c.nodeKey, hidden: p.hidden }).toEqual({ cell: c.nodeKey, hidden: c.status === 'HIDDEN' });
        const base = { key: c.cellKey, nodeKey: c.nodeKey, unitId: c.unitId, direct: c.direct, dims: {}, eligible: c.eligible };
        if (p.hidden) return { ...base, status: 'HIDDEN', reason: p.reason as 'BELOW_THRESHOLD' | 'COMPLEMENTARY', measures: { [SIGNAL]: { status: 'HIDDEN', reason: p.reason as 'BELOW_THRESHOLD' } } };
        return { ...base, status: 'PUBLISHED', n: p.n!, measures: { [SIGNAL]: { status: 'PUBLISHED', count: p.n!, sum: p.value! * p.n!, mean: p.value! } } };
      });
      return { ...structure, measures: structure.measures.map((m) => ({ kind: 'sum', key: m.key, min: (m as { min: number }).min, max: (m as { max: number }).max })), cells };
    });
    const hiddenCount = known.flatMap((r) => r.cells).filter((c) => c.status === 'HIDDEN').length;
    expect(hiddenCount).toBeGreaterThanOrEqual(2 * MONTHS.length); // the small team and at least one partner each month
    for (let i = 0; i < known.length; i++) {
      const report = await auditRelease(known[i]!, { priorReleases: known.filter((_, j) => j !== i), seesReasons: true });
      expect(report.violations).toEqual([]);
    }

    // The check can fail: showing one of the partner cells would expose the small team by subtraction.
    const month = known[0]!;
    const partner = month.cells.find((c) => c.status === 'HIDDEN' && c.reason === 'COMPLEMENTARY')!;
    const truth = await withTenant(api.prisma, t.id, (tx) => tx.signalObservation.findMany({ where: { month: MONTHS[0] }, select: { orgUnitId: true, valueSum: true, n: true } }));
    const inside = (unitId: string): boolean => unitId === partner.unitId || (!partner.direct && isBelow(unitId, partner.unitId));
    const rows = truth.filter((o) => inside(o.orgUnitId) && (!partner.direct || o.orgUnitId === partner.unitId));
    const n = rows.reduce((s, o) => s + o.n, 0);
    const sum = rows.reduce((s, o) => s + o.valueSum, 0);
    const tampered: Release = { ...month, cells: month.cells.map((c) => (c === partner ? { ...c, status: 'PUBLISHED', reason: undefined, n, measures: { [SIGNAL]: { status: 'PUBLISHED', count: n, sum, mean: sum / n } } } : c)) };
    expect((await auditRelease(tampered, { seesReasons: true })).ok).toBe(false);
  });

  it('keeps children and signals in the same order whatever the values (never ranked)', async () => {
    const before = await Promise.all([overview(t.rootUnitId), overview(t.units['Eng']!)]);
    const shape = (o: ApiOverview) => ({ signals: o.signals.map((s) => s.signal.key), children: o.children.map((c) => `${c.name}|${c.direct}`), kpis: o.kpis.map((k) => k.key) });
    const values = (o: ApiOverview) => o.children.map((c) => c.signals.find((s) => s.signal.key === SIGNAL)!.points.map((p) => p.value));
    // Swap which team works the most after hours.
    const r = await api.gql<{ importSignalObservations: { ok: boolean } }>(IMPORT, { csv: csvFor(true) }, { token: admin });
    expect(r.data?.importSignalObservations.ok).toBe(true);
    const after = await Promise.all([overview(t.rootUnitId), overview(t.units['Eng']!)]);
    expect(values(after[1])).not.toEqual(values(before[1]));
    expect(after.map(shape)).toEqual(before.map(shape));
    expect(shape(after[1]).children).toEqual(['Platform|false', 'Security|false', 'Storage|false']);
    expect(shape(after[0]).children).toEqual([`${t.name} (direct)|true`, 'Eng|false', 'Ops|false']);
    // Restore the first data set for the tests below.
    await api.gql(IMPORT, { csv: csvFor() }, { token: admin });
  });

  it('puts KPIs on the same month axis; their CSV import is validate-all-then-write', async () => {
    const create = await api.gql<{ createKpi: { id: string } }>(
      'mutation($input: CreateKpiInput!) { createKpi(input: $input) { id } }',
      { input: { key: 'lead_time', name: 'Delivery lead time', unit: 'days', description: 'Commit to production', orgUnitId: t.units['Eng'] } },
      { token: admin },
    );
    expect(create.errors).toBeUndefined();
    const importKpis = (csv: string) => api.gql<{ importKpiObservations: { ok: boolean; observationsWritten: number; errors: { row: number; column: string }[] } }>(
      'mutation($csv: String!) { importKpiObservations(csv: $csv) { ok observationsWritten errors { row column message } } }', { csv }, { token: admin },
    );
    const bad = await importKpis(['kpi,month,value', `lead_time,${MONTHS[0]},12`, `revenue,${MONTHS[0]},3`, `lead_time,${MONTHS[1]},soon`, 'lead_time,2026-1,3'].join('\n'));
    expect(bad.data?.importKpiObservations).toMatchObject({ ok: false, observationsWritten: 0 });
    expect(bad.data!.importKpiObservations.errors.map((e) => `${e.row}:${e.column}`)).toEqual(['3:kpi', '4:value', '5:month']);
    expect(await withTenant(api.prisma, t.id, (tx) => tx.kpiObservation.count())).toBe(0);
    const good = await importKpis(['kpi,month,value', `lead_time,${MONTHS[0]},12`, `lead_time,${MONTHS[2]},9.5`].join('\n'));
    expect(good.data?.importKpiObservations).toMatchObject({ ok: true, observationsWritten: 2 });

    const eng = await overview(t.units['Eng']!);
    expect(eng.kpis).toEqual([{ key: 'lead_time', name: 'Delivery lead time', orgUnitPath: 'Eng', points: [{ month: MONTHS[0], value: 12 }, { month: MONTHS[1], value: null }, { month: MONTHS[2], value: 9.5 }] }]);
    expect((await overview(t.units['Eng/Platform']!)).kpis.map((k) => k.key)).toEqual(['lead_time']); // a parent's KPI
    expect((await overview(t.units['Ops']!)).kpis).toEqual([]); // another branch's KPI is not shown
  });

  it('lets managers see their own unit and below, and employees nothing', async () => {
    const manager = (await signIn(api, 'mgr@sig.test')).token;
    const employee = (await signIn(api, 'emp@sig.test')).token;
    expect((await overview(t.units['Eng/Platform']!, manager)).name).toBe('Platform');
    const up = await api.gql(OVERVIEW, { orgUnitId: t.units['Eng'] }, { token: manager });
    expect(up.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const denied = await api.gql(OVERVIEW, { orgUnitId: t.units['Eng/Platform'] }, { token: employee });
    expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const badWindow = await api.gql(OVERVIEW, { orgUnitId: t.units['Eng'], from: '2026-07', to: '2026-02' }, { token: admin });
    expect(badWindow.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('defaults to the last 12 months', async () => {
    const r = await api.gql<{ cultureOverview: ApiOverview }>(OVERVIEW, { orgUnitId: t.rootUnitId }, { token: admin });
    expect(r.data!.cultureOverview.months).toHaveLength(12);
    expect(r.data!.cultureOverview.to).toBe(THIS_MONTH);
  });
});

describe('survey (PULSE) signals', () => {
  it('come from the audited round release of their question, month by month', async () => {
    // One closed round in the middle month, aggregated by the privacy engine as the worker does.
    const opensAt = new Date(`${MONTHS[1]}-03T06:00:00Z`);
    const counts: Record<string, number> = { 'Eng/Platform': 8, 'Eng/Storage': 7, 'Eng/Security': 3, 'Ops/Field': 6 };
    await withTenant(api.prisma, t.id, async (tx) => {
      const questions = await tx.question.findMany({ where: { key: { in: ['breaks', 'energy'] }, current: true } });
      const programme = await tx.pulseProgramme.create({ data: { tenantId: t.id, name: 'Pulse', cadence: 'MONTHLY', openDays: 7, questionsPerRound: 3, questionKeys: ['breaks', 'energy', 'workload'], startsAt: opensAt } });
      const round = await tx.pulseRound.create({
        data: { tenantId: t.id, programmeId: programme.id, sequence: 1, opensAt, closesAt: new Date(opensAt.getTime() + 7 * 864e5), status: 'CLOSED', anonymityThreshold: 5 },
      });
      await tx.roundQuestion.createMany({ data: questions.map((q, position) => ({ tenantId: t.id, roundId: round.id, questionId: q.id, position })) });
      const units = await tx.orgUnit.findMany({ select: { id: true, parentId: true, name: true } });
      const responses = Object.entries(counts).flatMap(([path, n]) =>
        Array.from({ length: n }, (_, i) => ({ unitId: t.units[path]!, answers: { breaks: path === 'Eng/Platform' ? [2, 3, 4][i % 3]! : 1 + (i % 5), energy: 1 + ((i + 2) % 5) } })),
      );
      const result = await protectRelease(
        {
          releaseId: round.id, units, dimensions: [], responses,
          headcounts: Object.entries(counts).map(([path, n]) => ({ unitId: t.units[path]!, eligible: n })),
          questions: [{ key: 'breaks', min: 1, max: 5 }, { key: 'energy', min: 1, max: 5 }],
        },
        { k: 5, seesReasons: true },
      );
      if (!result.published) throw new Error(result.reason);
      await storePublished(tx, { tenantId: t.id, kind: 'ROUND', roundId: round.id, period: null, audit: {}, commentNodes: [] }, result.release);
    });

    const eng = await overview(t.units['Eng']!);
    const breaks = (series: ApiSeries[]) => series.find((s) => s.signal.key === 'break_taking')!;
    const platform = breaks(eng.children.find((c) => c.path === 'Eng/Platform')!.signals);
    expect(platform.signal.source).toBe('PULSE');
    expect(platform.points).toEqual([
      { month: MONTHS[0], value: null, n: null, hidden: false, reason: null, band: null }, // no round: no data, not zero
      { month: MONTHS[1], value: 23 / 8, n: 8, hidden: false, reason: null, band: null }, // answers 2,3,4,2,3,4,2,3
      { month: MONTHS[2], value: null, n: null, hidden: false, reason: null, band: null },
    ]);
    const security = breaks(eng.children.find((c) => c.path === 'Eng/Security')!.signals);
    expect(security.points[1]).toEqual({ month: MONTHS[1], value: null, n: null, hidden: true, reason: 'BELOW_THRESHOLD', band: null });
    // A question the round did not ask has no data that month.
    const workload = eng.signals.find((s) => s.signal.key === 'workload_sustainability')!;
    expect(workload.points.every((p) => p.value === null && !p.hidden)).toBe(true);
  });
});

describe('raising k', () => {
  it('withholds months audited with the lower k until they are audited again, then hides the groups now below k', async () => {
    const k = (value: number) => api.gql('mutation($input: UpdateTenantPolicyInput!) { updateTenantPolicy(input: $input) { anonymityThreshold } }', { input: { anonymityThreshold: value } }, { token: admin });
    expect((await k(8)).errors).toBeUndefined();
    const storage = async () => (await overview(t.units['Eng']!)).children.find((c) => c.path === 'Eng/Storage')!.signals.find((s) => s.signal.key === SIGNAL)!.points;
    expect((await storage()).map((p) => p.reason)).toEqual(['WITHHELD', 'WITHHELD', 'WITHHELD']);
    const again = await api.gql<{ republishSignalObservations: { monthsPublished: number } }>('mutation { republishSignalObservations { monthsPublished monthsWithheld } }', {}, { token: admin });
    expect(again.data?.republishSignalObservations).toEqual({ monthsPublished: 3, monthsWithheld: 0 });
    // Storage reported 7 people: below the new k of 8.
    expect((await storage()).map((p) => [p.hidden, p.reason, p.value])).toEqual(MONTHS.map(() => [true, 'BELOW_THRESHOLD', null]));
    const platform = (await overview(t.units['Eng/Platform']!)).signals.find((s) => s.signal.key === SIGNAL)!.points;
    expect(platform.map((p) => p.n)).toEqual([8, 8, 8]);
    // Back to 5 for the other tests: months audited with k = 8 stay valid (stricter than needed).
    expect((await k(5)).errors).toBeUndefined();
    await api.gql('mutation { republishSignalObservations { ok } }', {}, { token: admin });
  });
});

describe('signal catalogue', () => {
  it('lists the built-in signals in a fixed order and lets HR set a healthy band', async () => {
    const hr = (await signIn(api, 'hr@sig.test')).token;
    const list = await api.gql<{ signals: { key: string; source: string }[] }>('{ signals { key source } }', {}, { token: hr });
    expect(list.data!.signals.map((s) => s.key)).toEqual([
      'break_taking', 'flexibility_usage', 'after_hours_work', 'time_off', 'energy', 'workload_sustainability', 'psychological_safety', 'success_alignment',
    ]);
    const set = await api.gql<{ setSignalHealthyBand: { healthyMin: number; healthyMax: number | null } }>(
      'mutation($input: SetSignalHealthyBandInput!) { setSignalHealthyBand(input: $input) { healthyMin healthyMax } }',
      { input: { key: 'time_off', healthyMin: 20 } }, { token: hr },
    );
    expect(set.data?.setSignalHealthyBand).toEqual({ healthyMin: 20, healthyMax: null });
    const outside = await api.gql('mutation($input: SetSignalHealthyBandInput!) { setSignalHealthyBand(input: $input) { key } }', { input: { key: 'time_off', healthyMin: 90 } }, { token: hr });
    expect(outside.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('takes the tenant\'s own imported signals, after the built-ins, through the same audited path', async () => {
    const define = (input: Record<string, unknown>) => api.gql<{ defineImportedSignal: { key: string; source: string } }>(
      'mutation($input: DefineImportedSignalInput!) { defineImportedSignal(input: $input) { key source } }', { input }, { token: admin },
    );
    const input = { key: 'meeting_load', name: 'Meeting load', description: 'Hours in meetings per person-week', unit: 'hours per week', valueMin: 0, valueMax: 40 };
    expect((await define(input)).data?.defineImportedSignal).toEqual({ key: 'meeting_load', source: 'IMPORT' });
    expect((await define(input)).errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect((await define({ ...input, key: 'half_range', valueMax: null })).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const r = await api.gql<{ importSignalObservations: { ok: boolean; monthsPublished: number } }>(
      IMPORT, { csv: `signal,orgUnitPath,month,value,n\nmeeting_load,Eng/Platform,${MONTHS[2]},12.5,8\nmeeting_load,Eng/Storage,${MONTHS[2]},41,7` }, { token: admin },
    );
    expect(r.data?.importSignalObservations.ok).toBe(false); // 41 is outside 0–40
    const ok = await api.gql<{ importSignalObservations: { ok: boolean; monthsPublished: number } }>(
      IMPORT, { csv: `signal,orgUnitPath,month,value,n\nmeeting_load,Eng/Platform,${MONTHS[2]},12.5,8\nmeeting_load,Eng/Storage,${MONTHS[2]},20,7` }, { token: admin },
    );
    expect(ok.data?.importSignalObservations).toMatchObject({ ok: true, monthsPublished: 1 });
    const platform = await overview(t.units['Eng/Platform']!);
    expect(platform.signals.map((s) => s.signal.key).at(-1)).toBe('meeting_load');
    expect(platform.signals.at(-1)!.points.map((p) => p.value)).toEqual([null, null, 12.5]);
  });
});

describe('HR-system import over HTTP with a per-tenant API key', () => {
  const post = (secret: string | null, body: string, type = 'text/csv') =>
    fetch(api.url.replace(/\/graphql$/, '/api/signal-observations'), { method: 'POST', headers: { 'content-type': type, ...(secret ? { authorization: `Bearer ${secret}` } : {}) }, body });

  it('imports with a valid key, refuses bad files with every problem, and refuses unknown or revoked keys', async () => {
    const created = await api.gql<{ createSignalImportKey: { secret: string; importKey: { id: string } } }>(
      'mutation { createSignalImportKey(name: "Workday") { secret importKey { id name } } }', {}, { token: admin },
    );
    const { secret, importKey } = created.data!.createSignalImportKey;
    expect(secret).toMatch(/^pwk_/);

    const ok = await post(secret, csvFor());
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ ok: true, monthsImported: 3, monthsPublished: 3 });

    const before = await stored(t.id);
    const bad = await post(secret, ['signal,orgUnitPath,month,value,n', `${SIGNAL},Eng/Security,${MONTHS[0]},3,3`, `nope,Eng/Platform,${MONTHS[0]},3,8`].join('\n'));
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as { errors: { row: number; column: string }[] }).errors.map((e) => `${e.row}:${e.column}`)).toEqual(['2:n', '3:signal']);
    expect(await stored(t.id)).toEqual(before);

    expect((await post(null, csvFor())).status).toBe(401);
    expect((await post(secret.slice(0, -2) + 'xx', csvFor())).status).toBe(401);
    expect((await post(secret, csvFor(), 'application/octet-stream')).status).toBe(415);
    await api.gql('mutation($id: ID!) { revokeSignalImportKey(id: $id) { revokedAt } }', { id: importKey.id }, { token: admin });
    expect((await post(secret, csvFor())).status).toBe(401);

    const audit = await withTenant(api.prisma, t.id, (tx) => tx.auditEvent.findMany({ where: { action: 'signals.imported', actorPersonId: null } }));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.details).toMatchObject({ importKeyId: importKey.id });
  });
});

/** Whether unit `id` sits below `ancestorId` in the fixture tree (by path). */
function isBelow(id: string, ancestorId: string): boolean {
  const path = Object.entries(t.units).find(([, v]) => v === id)?.[0];
  const ancestor = Object.entries(t.units).find(([, v]) => v === ancestorId)?.[0];
  if (path === undefined || ancestor === undefined) return false;
  return ancestor === '' ? true : path.startsWith(`${ancestor}/`);
}
