import { createTenant, signIn } from '../../test-support/fixtures.js';
import { startTestApp, type TestApp } from '../../test-support/test-app.js';

let api: TestApp;
let admin: string;
let otherAdmin: string;

beforeAll(async () => {
  api = await startTestApp('auditlog');
  await createTenant(api.prisma, { slug: 'acme', people: [{ email: 'admin@acme.test', roles: ['TENANT_ADMIN'] }, { email: 'hr@acme.test', roles: ['HR_LEADER'] }] });
  await createTenant(api.prisma, { slug: 'globex', people: [{ email: 'admin@globex.test', roles: ['TENANT_ADMIN'] }] });
  admin = (await signIn(api, 'admin@acme.test')).token;
  otherAdmin = (await signIn(api, 'admin@globex.test')).token;
});
afterAll(() => api?.close());

const LOG = 'query($first: Int, $after: String) { auditLog(first: $first, after: $after) { items { id action actor details occurredAt } nextCursor } }';
type Log = { auditLog: { items: { id: string; action: string; actor: string; details: string }[]; nextCursor: string | null } };

it('shows a tenant admin who changed what (old → new), newest first, page by page', async () => {
  const update = 'mutation($input: UpdateTenantPolicyInput!) { updateTenantPolicy(input: $input) { anonymityThreshold } }';
  expect((await api.gql(update, { input: { anonymityThreshold: 7 } }, { token: admin })).errors).toBeUndefined();
  expect((await api.gql(update, { input: { maxPulsesPerMonth: 2 } }, { token: admin })).errors).toBeUndefined();

  const first = await api.gql<Log>(LOG, { first: 1 }, { token: admin });
  expect(first.errors).toBeUndefined();
  const [newest] = first.data!.auditLog.items;
  expect(newest).toMatchObject({ action: 'policy.changed', actor: 'admin <admin@acme.test>' });
  expect(JSON.parse(newest!.details)).toEqual({ maxPulsesPerMonth: { from: expect.any(Number), to: 2 } });
  const second = await api.gql<Log>(LOG, { first: 1, after: first.data!.auditLog.nextCursor }, { token: admin });
  expect(JSON.parse(second.data!.auditLog.items[0]!.details)).toEqual({ anonymityThreshold: { from: 5, to: 7 } });
  expect(second.data!.auditLog.items[0]!.id).not.toBe(newest!.id);

  // The other tenant's admin sees only their own log (the fixture's platform action).
  const other = await api.gql<Log>(LOG, {}, { token: otherAdmin });
  expect(other.data!.auditLog.items.map((i) => [i.action, i.actor])).toEqual([['test.fixture', 'Pulsewise platform']]);
});

it('is for tenant admins only, and rejects a forged cursor', async () => {
  const hr = (await signIn(api, 'hr@acme.test')).token;
  expect((await api.gql(LOG, {}, { token: hr })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  expect((await api.gql(LOG, { after: 'bm90LWEtY3Vyc29y' }, { token: admin })).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
});
