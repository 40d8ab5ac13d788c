// The overview cache (OverviewCache keyed by tenant_data_versions): whatever an
// overview depends on shows on the very next read, one tenant's writes never move
// another's version, and a cached overview never widens who may see a unit.
// (Imports, KPIs, round releases and raised k are covered through the cache by
// signals.integration-spec.ts; this file covers the directory and the counter.)
import { withTenant } from '@pulsewise/db';
import { createTenant, signIn, type FixtureTenant } from '../../test-support/fixtures.js';
import { startTestApp, type TestApp } from '../../test-support/test-app.js';

let api: TestApp;
let t: FixtureTenant;
let other: FixtureTenant;
let hr: string;

const OVERVIEW = /* GraphQL */ `
  query Overview($orgUnitId: ID!) {
    cultureOverview(orgUnitId: $orgUnitId) { name children { orgUnitId name direct } }
  }
`;
interface Overview { name: string; children: { orgUnitId: string; name: string; direct: boolean }[] }

async function overview(orgUnitId: string, token = hr) {
  return api.gql<{ cultureOverview: Overview }>(OVERVIEW, { orgUnitId }, { token });
}

const version = (tenantId: string) =>
  withTenant(api.prisma, tenantId, async (tx) => String((await tx.$queryRaw<{ version: bigint }[]>`SELECT version FROM tenant_data_versions`)[0]?.version ?? 0n));

beforeAll(async () => {
  api = await startTestApp('overview_cache');
  const team = (unit: string, prefix: string, n: number) => Array.from({ length: n }, (_, i) => ({ email: `${prefix}${i}@oc.test`, roles: ['EMPLOYEE' as const], unit }));
  t = await createTenant(api.prisma, {
    slug: 'oc',
    units: ['Eng', 'Eng/Platform', 'Eng/Storage', 'Ops'],
    people: [
      { email: 'hr@oc.test', roles: ['EMPLOYEE', 'HR_LEADER'] },
      { email: 'mgr@oc.test', roles: ['EMPLOYEE', 'MANAGER'], unit: 'Eng/Platform' },
      ...team('Eng/Platform', 'plat', 6),
      ...team('Eng/Storage', 'stor', 6),
      ...team('Ops', 'ops', 6),
    ],
  });
  other = await createTenant(api.prisma, { slug: 'oc-other', units: ['Eng'], people: [{ email: 'hr@oc-other.test', roles: ['EMPLOYEE', 'HR_LEADER'] }] });
  hr = (await signIn(api, 'hr@oc.test')).token;
});
afterAll(() => api?.close());

describe('cultureOverview through the cache', () => {
  it('shows a renamed unit, a new unit and a person moving in on the next read', async () => {
    const before = (await overview(t.units['Eng']!)).data!.cultureOverview;
    expect(before.children.map((c) => c.name)).toEqual(['Platform', 'Storage']);
    expect((await overview(t.units['Eng']!)).data!.cultureOverview).toEqual(before); // served again, unchanged

    await withTenant(api.prisma, t.id, (tx) => tx.orgUnit.update({ where: { tenantId_id: { tenantId: t.id, id: t.units['Eng/Storage']! } }, data: { name: 'Storage and Data' } }));
    expect((await overview(t.units['Eng']!)).data!.cultureOverview.children.map((c) => c.name)).toEqual(['Platform', 'Storage and Data']);

    await withTenant(api.prisma, t.id, (tx) => tx.orgUnit.create({ data: { tenantId: t.id, name: 'Security', path: 'Eng/Security', parentId: t.units['Eng']! } }));
    expect((await overview(t.units['Eng']!)).data!.cultureOverview.children.map((c) => c.name)).toEqual(['Platform', 'Security', 'Storage and Data']); // tree order: by name

    // Nobody sits directly in Eng yet: no "(direct)" group. One person moving in makes one.
    expect((await overview(t.units['Eng']!)).data!.cultureOverview.children.some((c) => c.direct)).toBe(false);
    await withTenant(api.prisma, t.id, (tx) => tx.person.update({ where: { tenantId_id: { tenantId: t.id, id: t.people['ops0@oc.test']!.id } }, data: { orgUnitId: t.units['Eng']! } }));
    expect((await overview(t.units['Eng']!)).data!.cultureOverview.children.filter((c) => c.direct).map((c) => c.name)).toEqual(['Eng (direct)']);
  });

  it('never widens who may see a unit: a manager gets NOT_FOUND for a unit HR has just loaded', async () => {
    const manager = (await signIn(api, 'mgr@oc.test')).token;
    expect((await overview(t.units['Eng']!)).data!.cultureOverview.name).toBe('Eng');
    const up = await overview(t.units['Eng']!, manager);
    expect(up.data).toBeNull();
    expect(up.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await overview(t.units['Eng/Platform']!, manager)).data!.cultureOverview.name).toBe('Platform');
    // …and the other tenant's HR cannot reach it by id, cached or not.
    const foreign = await overview(t.units['Eng']!, (await signIn(api, 'hr@oc-other.test')).token);
    expect(foreign.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});

describe('tenant_data_versions', () => {
  it('moves on insert, update and delete, once per statement, and only for the tenant written to', async () => {
    const mine = await version(t.id);
    const theirs = await version(other.id);
    await withTenant(api.prisma, t.id, async (tx) => {
      const kpi = await tx.kpi.create({ data: { tenantId: t.id, key: 'revenue', name: 'Revenue', unit: 'EUR', orgUnitId: t.rootUnitId } });
      await tx.kpiObservation.createMany({ data: ['2026-01', '2026-02', '2026-03'].map((month, i) => ({ tenantId: t.id, kpiId: kpi.id, month, value: 10 + i })) });
      await tx.kpiObservation.updateMany({ where: { kpiId: kpi.id }, data: { value: 1 } });
      await tx.kpiObservation.deleteMany({ where: { kpiId: kpi.id } });
    });
    expect(BigInt(await version(t.id)) - BigInt(mine)).toBe(4n); // 4 statements, 3 of them on 3 rows each
    expect(await version(other.id)).toBe(theirs);
    // Writes that change nothing an overview reads leave it alone (a sign-in writes a session).
    const now = await version(t.id);
    await signIn(api, 'hr@oc.test');
    expect(await version(t.id)).toBe(now);
  });

  it('is under row-level security like every tenant table: a tenant sees only its own counter', async () => {
    const rows = await withTenant(api.prisma, t.id, (tx) => tx.$queryRaw<{ tenant_id: string }[]>`SELECT tenant_id::text FROM tenant_data_versions`);
    expect(rows.map((r) => r.tenant_id)).toEqual([t.id]);
  });
});
