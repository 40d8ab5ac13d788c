import { Queue } from 'bullmq';
import { withTenant } from '@pulsewise/db';
import { QueueName, redisConnection } from '@pulsewise/jobs';
import { createTenant, signIn, SIGN_IN } from '../../test-support/fixtures.js';
import { startTestApp, type TestApp } from '../../test-support/test-app.js';

let api: TestApp;
let platformToken: string;

beforeAll(async () => {
  api = await startTestApp('platform');
  await createTenant(api.prisma, { slug: 'pulsewise-platform', kind: 'PLATFORM', people: [{ email: 'ops@pulsewise.test', roles: ['PLATFORM_ADMIN'] }] });
  platformToken = (await signIn(api, 'ops@pulsewise.test')).token;
});
afterAll(() => api?.close());

it('creates, lists, invites the first admin, suspends and reactivates a tenant — all audited', async () => {
  const created = await api.gql<{ createTenant: { id: string; slug: string; status: string } }>(
    'mutation($input: CreateTenantInput!) { createTenant(input: $input) { id slug status } }',
    { input: { name: 'Initech', slug: 'initech' } },
    { token: platformToken },
  );
  expect(created.data?.createTenant).toMatchObject({ slug: 'initech', status: 'ACTIVE' });
  const tenantId = created.data!.createTenant.id;

  const dup = await api.gql('mutation($input: CreateTenantInput!) { createTenant(input: $input) { id } }', { input: { name: 'Again', slug: 'initech' } }, { token: platformToken });
  expect(dup.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'slug' });

  const list = await api.gql<{ tenants: { slug: string }[] }>('{ tenants { slug } }', {}, { token: platformToken });
  expect(list.data?.tenants.map((t) => t.slug)).toEqual(['initech']);

  // Invite: the email job is queued after commit, carrying a single-use link.
  const invited = await api.gql('mutation($input: InviteTenantAdminInput!) { inviteTenantAdmin(input: $input) }', { input: { tenantId, email: 'Boss@Initech.test', displayName: 'Bill' } }, { token: platformToken });
  expect(invited.data).toEqual({ inviteTenantAdmin: true });
  const queue = new Queue(QueueName.EMAIL, { connection: redisConnection('redis://127.0.0.1:6379'), prefix: api.redisPrefix });
  const jobs = await queue.getJobs(['waiting']);
  await queue.close();
  expect(jobs).toHaveLength(1);
  expect(jobs[0]!.data).toMatchObject({ to: 'boss@initech.test', subject: expect.stringContaining('Initech') });
  const token = /#token=([^\s]+)/.exec(jobs[0]!.data.text as string)![1]!;

  const accepted = await api.gql<{ acceptInvitation: { viewer: { email: string; roles: string[] } } }>(
    'mutation($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { viewer { email roles } } }',
    { input: { token: decodeURIComponent(token), password: 'a long new password' } },
  );
  expect(accepted.data?.acceptInvitation.viewer).toEqual({ email: 'boss@initech.test', roles: ['TENANT_ADMIN'] });
  const reused = await api.gql('mutation($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { accessToken } }', { input: { token: decodeURIComponent(token), password: 'another long password' } });
  expect(reused.errors?.[0]?.extensions?.code).toBe('CONFLICT');

  const admin = await signIn(api, 'boss@initech.test', 'a long new password');

  const suspended = await api.gql<{ suspendTenant: { status: string } }>(`mutation { suspendTenant(id: "${tenantId}") { status } }`, {}, { token: platformToken });
  expect(suspended.data?.suspendTenant.status).toBe('SUSPENDED');
  const refused = await api.gql('{ viewer { email } }', {}, { token: admin.token });
  expect(refused.errors?.[0]?.extensions?.code).toBe('TENANT_SUSPENDED');
  const noSignIn = await api.gql(SIGN_IN, { input: { email: 'boss@initech.test', password: 'a long new password' } });
  expect(noSignIn.errors?.[0]?.extensions?.code).toBe('TENANT_SUSPENDED');

  await api.gql(`mutation { reactivateTenant(id: "${tenantId}") { status } }`, {}, { token: platformToken });
  expect((await api.gql('{ viewer { email } }', {}, { token: admin.token })).data).toEqual({ viewer: { email: 'boss@initech.test' } });

  const audit = await withTenant(api.prisma, tenantId, (tx) => tx.auditEvent.findMany({ orderBy: { occurredAt: 'asc' } }));
  expect(audit.map((e) => e.action)).toEqual(['tenant.created', 'tenant.admin_invited', 'tenant.suspended', 'tenant.reactivated']);
});

it('lets a tenant admin read and change the policy, never below k = 3, recording old → new', async () => {
  const t = await createTenant(api.prisma, { slug: 'policy-co', people: [{ email: 'admin@policy.test', roles: ['TENANT_ADMIN'] }] });
  const { token } = await signIn(api, 'admin@policy.test');
  const low = await api.gql('mutation { updateTenantPolicy(input: { anonymityThreshold: 2 }) { anonymityThreshold } }', {}, { token });
  expect(low.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringContaining('never be below 3') });
  const ok = await api.gql<{ updateTenantPolicy: Record<string, unknown> }>(
    'mutation { updateTenantPolicy(input: { anonymityThreshold: 7, quietHoursStart: "20:00" }) { anonymityThreshold quietHoursStart quietHoursEnd } }',
    {},
    { token },
  );
  expect(ok.data?.updateTenantPolicy).toEqual({ anonymityThreshold: 7, quietHoursStart: '20:00', quietHoursEnd: '08:00' });
  const audit = await withTenant(api.prisma, t.id, (tx) => tx.auditEvent.findFirstOrThrow({ where: { action: 'policy.changed' } }));
  expect(audit.details).toEqual({ anonymityThreshold: { from: 5, to: 7 }, quietHoursStart: { from: '19:00', to: '20:00' } });
});
