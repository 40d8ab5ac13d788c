// The demo seed's signal history (prisma/seed.ts → seedSignalsAndKpis) on an org
// shaped like Acme Robotics: twelve months of imported behavioural signals and five
// KPIs, readable only through the audited path — a team smaller than k shows
// hidden points, never zeros — and a private success statement for the demo employee.
import type { Role } from '@pulsewise/db';
import { seedSignalsAndKpis } from '../../../../../prisma/seed.js';
import { createTenant, signIn, type FixtureTenant } from '../../test-support/fixtures.js';
import { startTestApp, type TestApp } from '../../test-support/test-app.js';
import { addMonths, monthOf } from './months.js';

let api: TestApp;
let t: FixtureTenant;
let hr: string;

const OVERVIEW = /* GraphQL */ `
  query($orgUnitId: ID!, $from: String, $to: String) {
    cultureOverview(orgUnitId: $orgUnitId, from: $from, to: $to) {
      months
      signals { signal { key source healthyMin healthyMax } points { value hidden reason } }
      children { name path signals { signal { key } points { value hidden reason } } }
      kpis { key orgUnitPath points { month value } }
    }
  }
`;

interface Series { signal: { key: string; source?: string; healthyMin?: number | null }; points: { value: number | null; hidden: boolean; reason: string | null }[] }
interface Overview { months: string[]; signals: Series[]; children: { name: string; path: string; signals: Series[] }[]; kpis: { key: string; orgUnitPath: string; points: { month: string; value: number | null }[] }[] }

const team = (unit: string, count: number, prefix: string) => Array.from({ length: count }, (_, i) => ({ email: `${prefix}${i}@acme.example`, roles: ['EMPLOYEE' as const], unit }));

beforeAll(async () => {
  api = await startTestApp('demo-signals');
  t = await createTenant(api.prisma, {
    slug: 'acme',
    units: ['Engineering', 'Engineering/Platform', 'Engineering/Security', 'Operations', 'Operations/Field Service', 'Sales & Marketing', 'Sales & Marketing/Customer Success', 'People & Finance'],
    people: [
      { email: 'hr@acme.example', roles: ['EMPLOYEE', 'HR_LEADER', 'MANAGER'], unit: 'People & Finance' },
      { email: 'manager@acme.example', roles: ['EMPLOYEE', 'MANAGER'], unit: 'Engineering/Platform' },
      { email: 'employee@acme.example', roles: ['EMPLOYEE'], unit: 'Engineering/Platform', managerEmail: 'manager@acme.example' },
      ...team('Engineering/Platform', 7, 'plat'),
      ...team('Engineering/Security', 4, 'sec'),
      ...team('Operations/Field Service', 8, 'field'),
      ...team('Sales & Marketing/Customer Success', 9, 'cs'),
    ].map((p) => ({ ...p, roles: [...p.roles] as Role[] })),
  });
  let state = 42;
  const random = () => ((state = (state * 1103515245 + 12345) % 2147483648) / 2147483648);
  await seedSignalsAndKpis(api.prisma as unknown as Parameters<typeof seedSignalsAndKpis>[0], t.id, random);
  hr = (await signIn(api, 'hr@acme.example')).token;
});
afterAll(() => api?.close());

async function overview(orgUnitId: string): Promise<Overview> {
  const last = addMonths(monthOf(new Date()), -1);
  const r = await api.gql<{ cultureOverview: Overview }>(OVERVIEW, { orgUnitId, from: addMonths(last, -11), to: last }, { token: hr });
  if (!r.data) throw new Error(JSON.stringify(r.errors));
  return r.data.cultureOverview;
}

it('has twelve months of imported signals and five KPIs on one axis, with the small team hidden', async () => {
  const root = await overview(t.rootUnitId);
  expect(root.months).toHaveLength(12);
  const imported = root.signals.filter((s) => s.signal.source === 'IMPORT');
  expect(imported.map((s) => s.signal.key)).toEqual(['flexibility_usage', 'after_hours_work', 'time_off']);
  for (const s of imported) expect(s.points.every((p) => !p.hidden && p.value !== null)).toBe(true);
  expect(root.signals.find((s) => s.signal.key === 'time_off')!.signal.healthyMin).toBe(20);
  expect(root.kpis.map((k) => k.key)).toEqual(['revenue', 'delivery_lead_time', 'on_time_delivery', 'first_time_fix_rate', 'customer_satisfaction']);
  for (const k of root.kpis) expect(k.points.every((p) => p.value !== null)).toBe(true);

  const engineering = await overview(t.units['Engineering']!);
  const security = engineering.children.find((c) => c.path === 'Engineering/Security')!;
  const importedKeys = ['flexibility_usage', 'after_hours_work', 'time_off'];
  for (const s of security.signals.filter((x) => importedKeys.includes(x.signal.key))) {
    expect(s.points.every((p) => p.hidden && p.value === null && p.reason === 'BELOW_THRESHOLD')).toBe(true);
  }
  // …and it cannot be recovered by subtraction: something next to it is hidden every month as well.
  const platform = engineering.children.find((c) => c.path === 'Engineering/Platform')!;
  for (const key of importedKeys) {
    const shown = (s: Series[]) => s.find((x) => x.signal.key === key)!.points.map((p) => !p.hidden);
    const both = shown(engineering.signals).map((engShown, i) => engShown && shown(platform.signals)[i]);
    expect(both.every((b) => !b)).toBe(true);
  }
  expect(engineering.kpis.map((k) => k.key)).toEqual(['revenue', 'delivery_lead_time']);
});

it('gives the demo employee a private success statement next to their manager\'s', async () => {
  const employee = (await signIn(api, 'employee@acme.example')).token;
  const manager = (await signIn(api, 'manager@acme.example')).token;
  const mine = await api.gql<{ mySuccessAlignment: { mine: string[]; shared: boolean; fromManagers: { statements: string[] }[] } }>('{ mySuccessAlignment { mine shared fromManagers { statements } } }', {}, { token: employee });
  expect(mine.data!.mySuccessAlignment.shared).toBe(false);
  expect(mine.data!.mySuccessAlignment.mine.length).toBeGreaterThan(0);
  expect(mine.data!.mySuccessAlignment.fromManagers).toHaveLength(1);
  const reports = await api.gql<{ myReportsSuccessAlignment: { theirs: string[] | null; mine: string[] }[] }>('{ myReportsSuccessAlignment { mine theirs } }', {}, { token: manager });
  expect(reports.data!.myReportsSuccessAlignment.map((r) => r.theirs)).toEqual([null]);
});
