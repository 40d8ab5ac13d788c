// KPIs: tenant-defined business figures with monthly values. Who may define and
// record them, validate-all-then-write for manual entry, and an audit trail.
import { withTenant } from '@pulsewise/db';
import { createTenant, signIn, type FixtureTenant } from '../../test-support/fixtures.js';
import { startTestApp, type TestApp } from '../../test-support/test-app.js';
import { addMonths, monthOf } from '../signals/months.js';

let api: TestApp;
let t: FixtureTenant;
const token: Record<string, string> = {};
const LAST = addMonths(monthOf(new Date()), -1);

const CREATE = 'mutation($input: CreateKpiInput!) { createKpi(input: $input) { id key name unit orgUnitPath } }';
const RECORD = 'mutation($input: RecordKpiObservationsInput!) { recordKpiObservations(input: $input) { month value } }';
const LIST = 'query($kpiId: ID!, $from: String, $to: String) { kpiObservations(kpiId: $kpiId, from: $from, to: $to) { month value } }';

beforeAll(async () => {
  api = await startTestApp('kpis');
  t = await createTenant(api.prisma, {
    slug: 'kpi',
    units: ['Sales', 'Ops'],
    people: [
      { email: 'admin@kpi.test', roles: ['EMPLOYEE', 'TENANT_ADMIN'] },
      { email: 'hr@kpi.test', roles: ['EMPLOYEE', 'HR_LEADER'] },
      { email: 'mgr@kpi.test', roles: ['EMPLOYEE', 'MANAGER'], unit: 'Sales' },
      { email: 'emp@kpi.test', roles: ['EMPLOYEE'], unit: 'Sales' },
    ],
  });
  for (const who of ['admin', 'hr', 'mgr', 'emp']) token[who] = (await signIn(api, `${who}@kpi.test`)).token;
});
afterAll(() => api?.close());

it('lets HR define a KPI owned by a unit and record monthly figures; keys are unique', async () => {
  const created = await api.gql<{ createKpi: { id: string; orgUnitPath: string } }>(CREATE, { input: { key: 'csat', name: 'Customer satisfaction', unit: '%', orgUnitId: t.units['Sales'] } }, { token: token.hr });
  expect(created.data?.createKpi).toMatchObject({ orgUnitPath: 'Sales' });
  const again = await api.gql(CREATE, { input: { key: 'csat', name: 'Again', unit: '%', orgUnitId: t.units['Sales'] } }, { token: token.hr });
  expect(again.errors?.[0]?.extensions?.code).toBe('CONFLICT');
  const kpiId = created.data!.createKpi.id;

  const recorded = await api.gql(RECORD, { input: { kpiId, observations: [{ month: addMonths(LAST, -1), value: 81.5 }, { month: LAST, value: 83 }] } }, { token: token.hr });
  expect(recorded.errors).toBeUndefined();
  // A second entry for a month replaces the first.
  await api.gql(RECORD, { input: { kpiId, observations: [{ month: LAST, value: 84 }] } }, { token: token.hr });
  const list = await api.gql(LIST, { kpiId, from: addMonths(LAST, -1), to: LAST }, { token: token.mgr });
  expect(list.data).toEqual({ kpiObservations: [{ month: addMonths(LAST, -1), value: 81.5 }, { month: LAST, value: 84 }] });
  const audit = await withTenant(api.prisma, t.id, (tx) => tx.auditEvent.findMany({ where: { action: { startsWith: 'kpi.' } }, select: { action: true } }));
  expect(audit.map((a) => a.action).sort()).toEqual(['kpi.created', 'kpi.observations_recorded', 'kpi.observations_recorded']);
});

it('validates manual figures as a whole: one bad month and nothing is written', async () => {
  const kpis = await api.gql<{ kpis: { id: string }[] }>('{ kpis { id } }', {}, { token: token.admin });
  const kpiId = kpis.data!.kpis[0]!.id;
  const before = await withTenant(api.prisma, t.id, (tx) => tx.kpiObservation.count());
  const future = await api.gql(RECORD, { input: { kpiId, observations: [{ month: addMonths(LAST, -5), value: 1 }, { month: addMonths(LAST, 3), value: 2 }] } }, { token: token.hr });
  expect(future.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  const badMonth = await api.gql(RECORD, { input: { kpiId, observations: [{ month: '2026-13', value: 2 }] } }, { token: token.hr });
  expect(badMonth.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  expect(await withTenant(api.prisma, t.id, (tx) => tx.kpiObservation.count())).toBe(before);
});

it('keeps managers and employees from defining or changing KPIs', async () => {
  const kpis = await api.gql<{ kpis: { id: string }[] }>('{ kpis { id } }', {}, { token: token.mgr });
  expect(kpis.data?.kpis).toHaveLength(1);
  for (const who of ['mgr', 'emp']) {
    const r = await api.gql(CREATE, { input: { key: 'revenue', name: 'Revenue', unit: 'EUR', orgUnitId: t.rootUnitId } }, { token: token[who] });
    expect(r.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  }
  expect((await api.gql('{ kpis { id } }', {}, { token: token.emp })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
});

it('updates and deletes a KPI with its figures', async () => {
  const kpis = await api.gql<{ kpis: { id: string }[] }>('{ kpis { id } }', {}, { token: token.admin });
  const id = kpis.data!.kpis[0]!.id;
  const moved = await api.gql('mutation($input: UpdateKpiInput!) { updateKpi(input: $input) { name orgUnitPath } }', { input: { id, name: 'CSAT', orgUnitId: t.units['Ops'] } }, { token: token.admin });
  expect(moved.data).toEqual({ updateKpi: { name: 'CSAT', orgUnitPath: 'Ops' } });
  const deleted = await api.gql('mutation($id: ID!) { deleteKpi(id: $id) }', { id }, { token: token.admin });
  expect(deleted.data).toEqual({ deleteKpi: true });
  expect(await withTenant(api.prisma, t.id, async (tx) => [await tx.kpi.count(), await tx.kpiObservation.count()])).toEqual([0, 0]);
});
