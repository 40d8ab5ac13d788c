import { withTenant } from '@pulsewise/db';
import { createTenant, signIn, type FixtureTenant } from '../../test-support/fixtures.js';
import { startTestApp, type TestApp } from '../../test-support/test-app.js';

let api: TestApp;
let acme: FixtureTenant;
let adminToken: string;

const IMPORT = /* GraphQL */ `
  mutation Import($csv: String!) {
    importDirectory(csv: $csv) { ok rowsRead peopleCreated peopleUpdated peopleUnchanged orgUnitsCreated errors { row column message } }
  }
`;
const HEADER = 'email,name,orgUnitPath,managerEmail,location,startDate,timezone,roles';
const GOOD = [
  HEADER,
  'ceo@acme.test,Cleo CEO,Leadership,,Berlin,2015-03-01,Europe/Berlin,MANAGER',
  'vp@acme.test,Vic VP,Engineering,ceo@acme.test,New York,2018-06-11,America/New_York,MANAGER;HR_LEADER',
  'dev1@acme.test,Dana Dev,Engineering/Platform/Storage,vp@acme.test,Tokyo,2022-01-10,Asia/Tokyo,',
  'dev2@acme.test,"Doe, Dev",Engineering/Platform/Storage,vp@acme.test,Tokyo,2023-09-04,Asia/Tokyo,EMPLOYEE',
].join('\n');

async function counts(tenantId: string) {
  return withTenant(api.prisma, tenantId, async (tx) => ({ people: await tx.person.count(), units: await tx.orgUnit.count(), audit: await tx.auditEvent.count({ where: { action: 'directory.imported' } }) }));
}

beforeAll(async () => {
  api = await startTestApp('directory');
  acme = await createTenant(api.prisma, { slug: 'acme', people: [{ email: 'admin@acme.test', roles: ['EMPLOYEE', 'TENANT_ADMIN'] }] });
  adminToken = (await signIn(api, 'admin@acme.test')).token;
});
afterAll(() => api?.close());

describe('importDirectory', () => {
  it('reports every bad row and writes nothing', async () => {
    const before = await counts(acme.id);
    const csv = [
      HEADER,
      ',Missing Email,Sales,,,,,',
      'a@acme.test,A,Sales,ghost@acme.test,,,,',
      'b@acme.test,B,Sales,c@acme.test,,,,',
      'c@acme.test,C,Sales,b@acme.test,,,,',
      'd@acme.test,D,Sales,,,31/12/2020,,',
      'a@acme.test,A twice,Sales,,,,,',
      'ok@acme.test,Fine,Sales,,,,,',
    ].join('\n');
    const r = await api.gql<{ importDirectory: { ok: boolean; errors: { row: number; column: string; message: string }[] } }>(IMPORT, { csv }, { token: adminToken });
    expect(r.errors).toBeUndefined();
    const result = r.data!.importDirectory;
    expect(result.ok).toBe(false);
    expect(result.errors.map((e) => `${e.row}:${e.column}`)).toEqual(['2:email', '3:managerEmail', '4:managerEmail', '5:managerEmail', '6:startDate', '7:email']);
    expect(result.errors.find((e) => e.row === 3)?.message).toMatch(/Unknown manager ghost@acme.test/);
    expect(result.errors.find((e) => e.row === 4)?.message).toMatch(/cycle/);
    expect(result.errors.find((e) => e.row === 7)?.message).toMatch(/Duplicate email/);
    expect(await counts(acme.id)).toEqual(before);
  });

  it('creates people and the org units on their paths in one go', async () => {
    const r = await api.gql<{ importDirectory: Record<string, unknown> }>(IMPORT, { csv: GOOD }, { token: adminToken });
    expect(r.data?.importDirectory).toEqual({ ok: true, rowsRead: 4, peopleCreated: 4, peopleUpdated: 0, peopleUnchanged: 0, orgUnitsCreated: 4, errors: [] });
    const units = await api.gql<{ orgUnits: { path: string; depth: number }[] }>('{ orgUnits { path depth } }', {}, { token: adminToken });
    expect(units.data?.orgUnits).toEqual([
      { path: '', depth: 0 },
      { path: 'Engineering', depth: 1 },
      { path: 'Engineering/Platform', depth: 2 },
      { path: 'Engineering/Platform/Storage', depth: 3 },
      { path: 'Leadership', depth: 1 },
    ]);
    const dev = await withTenant(api.prisma, acme.id, (tx) => tx.person.findFirstOrThrow({ where: { email: 'dev2@acme.test' }, include: { manager: true } }));
    expect(dev).toMatchObject({ displayName: 'Doe, Dev', timeZone: 'Asia/Tokyo', roles: ['EMPLOYEE'], manager: { email: 'vp@acme.test' } });
  });

  it('changes nothing when the same file is imported again', async () => {
    const before = await withTenant(api.prisma, acme.id, (tx) => tx.person.findMany({ orderBy: { email: 'asc' } }));
    const r = await api.gql<{ importDirectory: Record<string, unknown> }>(IMPORT, { csv: GOOD }, { token: adminToken });
    expect(r.data?.importDirectory).toMatchObject({ ok: true, peopleCreated: 0, peopleUpdated: 0, peopleUnchanged: 4, orgUnitsCreated: 0 });
    const after = await withTenant(api.prisma, acme.id, (tx) => tx.person.findMany({ orderBy: { email: 'asc' } }));
    expect(after).toEqual(before);
  });

  it('updates only what changed', async () => {
    const moved = GOOD.replace('dev1@acme.test,Dana Dev,Engineering/Platform/Storage', 'dev1@acme.test,Dana Dev,Engineering/Platform');
    const r = await api.gql<{ importDirectory: Record<string, unknown> }>(IMPORT, { csv: moved }, { token: adminToken });
    expect(r.data?.importDirectory).toMatchObject({ ok: true, peopleUpdated: 1, peopleUnchanged: 3 });
    const audit = await withTenant(api.prisma, acme.id, (tx) => tx.auditEvent.findMany({ where: { action: 'directory.imported' } }));
    expect(audit).toHaveLength(3);
  });

  it('pages through people and filters by subtree', async () => {
    const page1 = await api.gql<{ people: { items: { email: string }[]; totalCount: number; nextCursor: string | null } }>(
      `query($unit: ID) { people(orgUnitId: $unit, first: 1) { items { email } totalCount nextCursor } }`,
      { unit: null },
      { token: adminToken },
    );
    expect(page1.data?.people).toMatchObject({ totalCount: 5, items: [{ email: 'admin@acme.test' }] });
    const page2 = await api.gql<{ people: { items: { email: string }[] } }>(
      `query($after: String) { people(first: 2, after: $after) { items { email } } }`,
      { after: page1.data!.people.nextCursor },
      { token: adminToken },
    );
    expect(page2.data?.people.items.map((p) => p.email)).toEqual(['ceo@acme.test', 'dev1@acme.test']);
    const units = await api.gql<{ orgUnits: { id: string; path: string }[] }>('{ orgUnits { id path } }', {}, { token: adminToken });
    const eng = units.data!.orgUnits.find((u) => u.path === 'Engineering')!;
    const sub = await api.gql<{ people: { totalCount: number } }>(`query($u: ID) { people(orgUnitId: $u, first: 10) { totalCount } }`, { u: eng.id }, { token: adminToken });
    expect(sub.data?.people.totalCount).toBe(3);
  });

  it('lets a manager see only their own subtree of org units', async () => {
    const r = await api.gql<{ importDirectory: { ok: boolean } }>(IMPORT, { csv: GOOD }, { token: adminToken });
    expect(r.data?.importDirectory.ok).toBe(true);
    await withTenant(api.prisma, acme.id, async (tx) => {
      const vp = await tx.person.findFirstOrThrow({ where: { email: 'vp@acme.test' } });
      const { hashPassword } = await import('../auth/password-hasher.js');
      await tx.credential.create({ data: { tenantId: acme.id, personId: vp.id, passwordHash: await hashPassword('vp password 123') } });
    });
    const { token } = await signIn(api, 'vp@acme.test', 'vp password 123');
    // vp is also HR_LEADER in the file, so demote to a plain manager for this check.
    await withTenant(api.prisma, acme.id, (tx) => tx.person.updateMany({ where: { email: 'vp@acme.test' }, data: { roles: ['EMPLOYEE', 'MANAGER'] } }));
    const units = await api.gql<{ orgUnits: { path: string }[] }>('{ orgUnits { path } }', {}, { token });
    expect(units.data?.orgUnits.map((u) => u.path)).toEqual(['Engineering', 'Engineering/Platform', 'Engineering/Platform/Storage']);
    const all = await withTenant(api.prisma, acme.id, (tx) => tx.orgUnit.findMany());
    const leadership = all.find((u) => u.path === 'Leadership')!;
    const denied = await api.gql(`query($id: ID!) { orgUnit(id: $id) { path } }`, { id: leadership.id }, { token });
    expect(denied.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});
