// Bull Board at /ops/queues: platform administrators with a live session only
// (bearer token, or the /ops cookie traded for one); everyone else 401/403; job data
// shows ids only.
import { createQueue, enqueue, JobName, QueueName, redisConnection } from '@pulsewise/jobs';
import { createTenant, signIn } from '../../test-support/fixtures.js';
import { startTestApp, type TestApp } from '../../test-support/test-app.js';

let api: TestApp;
let base: string;
let platformToken: string;
let adminToken: string;

beforeAll(async () => {
  api = await startTestApp('ops');
  base = api.url.replace(/\/graphql$/, '');
  await createTenant(api.prisma, { slug: 'pulsewise-platform', kind: 'PLATFORM', people: [{ email: 'ops@pulsewise.test', roles: ['PLATFORM_ADMIN'] }] });
  // A customer's admin, even one whose roles row says PLATFORM_ADMIN, is not a platform administrator.
  await createTenant(api.prisma, { slug: 'acme', people: [{ email: 'admin@acme.test', roles: ['EMPLOYEE', 'TENANT_ADMIN', 'PLATFORM_ADMIN'] }] });
  platformToken = (await signIn(api, 'ops@pulsewise.test')).token;
  adminToken = (await signIn(api, 'admin@acme.test')).token;
}, 60_000);

afterAll(() => api?.close());

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${base}${path}`, { headers });
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

it('refuses anyone without a platform administrator session', async () => {
  for (const path of ['/ops/queues', '/ops/queues/api/queues']) {
    expect((await get(path)).status).toBe(401);
    expect((await get(path, bearer('not-a-token'))).status).toBe(401);
    expect((await get(path, bearer(adminToken))).status).toBe(403);
    expect((await get(path, { cookie: `pw_ops=${adminToken}` })).status).toBe(403);
  }
  expect((await fetch(`${base}/ops/session`, { method: 'POST', headers: bearer(adminToken) })).status).toBe(403);
});

it('shows the queues to a platform administrator, with job data reduced to ids', async () => {
  const page = await get('/ops/queues', bearer(platformToken));
  expect(page.status).toBe(200);
  expect(page.headers.get('content-type')).toMatch(/text\/html/);
  expect(page.headers.get('content-security-policy')).toMatch(/script-src 'self'/);

  const email = createQueue(QueueName.EMAIL, redisConnection('redis://127.0.0.1:6379'), api.redisPrefix);
  try {
    await enqueue(email, JobName.SEND_EMAIL, { to: 'someone@acme.test', subject: 'Set your password', text: 'https://web.test/invite#token=SECRET-LINK-1234' }, { delay: 3_600_000 });
    const queues = await get('/ops/queues/api/queues?activeQueue=email&status=delayed&page=1', bearer(platformToken));
    expect(queues.status).toBe(200);
    const body = await queues.text();
    const names = (JSON.parse(body) as { queues: { name: string }[] }).queues.map((q) => q.name).sort();
    expect(names).toEqual(Object.values(QueueName).sort());
    expect(body).toContain('"to":"[hidden]"');
    expect(body).not.toContain('SECRET-LINK-1234');
    expect(body).not.toContain('someone@acme.test');
    // Read-only: no job can be added or retried through the board.
    const added = await fetch(`${base}/ops/queues/api/queues/email/add`, { method: 'POST', headers: { ...bearer(platformToken), 'content-type': 'application/json' }, body: JSON.stringify({ name: 'send-email', data: {} }) });
    expect(added.status).toBeGreaterThanOrEqual(400);
    expect(await email.count()).toBe(1);
  } finally {
    await email.obliterate({ force: true });
    await email.close();
  }
});

it('lets a browser in with the /ops cookie traded for a token, until the session ends', async () => {
  const session = await fetch(`${base}/ops/session`, { method: 'POST', headers: bearer(platformToken) });
  expect(session.status).toBe(204);
  const cookie = session.headers.getSetCookie().find((c) => c.startsWith('pw_ops='))!;
  expect(cookie).toMatch(/HttpOnly/i);
  expect(cookie).toMatch(/Path=\/ops/);
  expect(cookie).toMatch(/SameSite=Strict/i);
  const value = cookie.split(';')[0]!;
  expect((await get('/ops/queues/api/queues', { cookie: value })).status).toBe(200);

  expect((await api.gql('mutation { signOut }', {}, { token: platformToken })).data).toEqual({ signOut: true });
  expect((await get('/ops/queues/api/queues', { cookie: value })).status).toBe(401);
  expect((await get('/ops/queues', bearer(platformToken))).status).toBe(401);
});
