import { createTenant, PASSWORD, refreshCookie, SIGN_IN, signIn, type FixtureTenant } from '../../test-support/fixtures.js';
import { committedSchema, rootOperations } from '../../test-support/schema-operations.js';
import { startTestApp, type TestApp } from '../../test-support/test-app.js';

let api: TestApp;
let acme: FixtureTenant;
let globex: FixtureTenant;

beforeAll(async () => {
  api = await startTestApp('auth');
  acme = await createTenant(api.prisma, {
    slug: 'acme',
    people: [
      { email: 'admin@acme.test', roles: ['EMPLOYEE', 'TENANT_ADMIN'] },
      { email: 'hr@acme.test', roles: ['EMPLOYEE', 'HR_LEADER'] },
      { email: 'both@shared.test', roles: ['EMPLOYEE'] },
      { email: 'locked@acme.test', roles: ['EMPLOYEE'] },
    ],
  });
  globex = await createTenant(api.prisma, { slug: 'globex', people: [{ email: 'both@shared.test', roles: ['EMPLOYEE', 'HR_LEADER'] }] });
});
afterAll(() => api?.close());

const VIEWER = 'query { viewer { email roles tenant { slug } } }';
const REFRESH = 'mutation { refreshSession { accessToken viewer { email } } }';

describe('sign-in', () => {
  it('signs in with email and password, sets an httpOnly refresh cookie, and the token works', async () => {
    const result = await api.gql<{ signIn: { accessToken: string; viewer: { email: string; roles: string[] } } }>(SIGN_IN, { input: { email: 'Admin@Acme.test', password: PASSWORD } });
    expect(result.errors).toBeUndefined();
    expect(result.data?.signIn.viewer).toMatchObject({ email: 'admin@acme.test', roles: ['EMPLOYEE', 'TENANT_ADMIN'] });
    const cookie = result.setCookie.find((c) => c.startsWith('pw_refresh='));
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const me = await api.gql(VIEWER, {}, { token: result.data!.signIn.accessToken });
    expect(me.data).toEqual({ viewer: { email: 'admin@acme.test', roles: ['EMPLOYEE', 'TENANT_ADMIN'], tenant: { slug: 'acme' } } });
  });

  it('gives the same answer for a wrong password and an unknown email', async () => {
    const wrong = await api.gql(SIGN_IN, { input: { email: 'hr@acme.test', password: 'not the password' } });
    const unknown = await api.gql(SIGN_IN, { input: { email: 'nobody@acme.test', password: 'not the password' } });
    for (const r of [wrong, unknown]) {
      expect(r.data).toBeNull();
      expect(r.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
    expect(wrong.errors?.[0]?.message).toBe(unknown.errors?.[0]?.message);
  });

  it('asks which organisation only after the password matched in several, and signs in to the chosen one', async () => {
    const wrongPassword = await api.gql(SIGN_IN, { input: { email: 'both@shared.test', password: 'not it' } });
    expect(wrongPassword.errors?.[0]?.extensions).toEqual({ code: 'UNAUTHENTICATED' });
    const ambiguous = await api.gql(SIGN_IN, { input: { email: 'both@shared.test', password: PASSWORD } });
    expect(ambiguous.errors?.[0]?.extensions).toMatchObject({ code: 'TENANT_CHOICE_REQUIRED', organizations: [{ slug: 'acme', name: 'ACME' }, { slug: 'globex', name: 'GLOBEX' }] });
    const { token } = await signIn(api, 'both@shared.test', PASSWORD, 'globex');
    const me = await api.gql<{ viewer: { tenant: { slug: string } } }>(VIEWER, {}, { token });
    expect(me.data?.viewer.tenant.slug).toBe(globex.slug);
  });

  it('locks out an email after repeated failures, even with the right password', async () => {
    for (let i = 0; i < 5; i++) {
      const r = await api.gql(SIGN_IN, { input: { email: 'locked@acme.test', password: `guess ${i}` } });
      expect(r.errors?.[0]?.extensions?.code).toBe(i < 4 ? 'UNAUTHENTICATED' : 'TOO_MANY_REQUESTS');
    }
    const right = await api.gql(SIGN_IN, { input: { email: 'locked@acme.test', password: PASSWORD } });
    expect(right.errors?.[0]?.extensions).toMatchObject({ code: 'TOO_MANY_REQUESTS', retryAfterSeconds: expect.any(Number) });
    expect(right.errors?.[0]?.message).toMatch(/Try again in \d+ minutes?/);
  });

  it('rejects invalid input at the edge with BAD_USER_INPUT', async () => {
    const r = await api.gql(SIGN_IN, { input: { email: 'not-an-email', password: '' } });
    expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(r.errors?.[0]?.message).toMatch(/email must be an email address/);
  });
});

describe('sessions', () => {
  it('rotates the refresh cookie, and a replayed old cookie ends the session', async () => {
    const { cookie } = await signIn(api, 'hr@acme.test');
    const first = await api.gql<{ refreshSession: { accessToken: string } }>(REFRESH, {}, { cookie });
    expect(first.data?.refreshSession.accessToken).toEqual(expect.any(String));
    const rotated = refreshCookie(first.setCookie);
    expect(rotated).not.toBe(cookie);

    const replay = await api.gql(REFRESH, {}, { cookie });
    expect(replay.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    // The replay revoked the session, so even the newest cookie and token stop working.
    const after = await api.gql(REFRESH, {}, { cookie: rotated });
    expect(after.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const me = await api.gql(VIEWER, {}, { token: first.data!.refreshSession.accessToken });
    expect(me.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('signs out: the access token and the refresh cookie stop working at once', async () => {
    const { token, cookie } = await signIn(api, 'admin@acme.test');
    const out = await api.gql('mutation { signOut }', {}, { token });
    expect(out.data).toEqual({ signOut: true });
    expect((await api.gql(VIEWER, {}, { token })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await api.gql(REFRESH, {}, { cookie })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses tampered and foreign tokens', async () => {
    const { token } = await signIn(api, 'admin@acme.test');
    const [h, p, s] = token.split('.');
    const tampered = `${h}.${Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(p!, 'base64url').toString()), tid: globex.id })).toString('base64url')}.${s}`;
    expect((await api.gql(VIEWER, {}, { token: tampered })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await api.gql(VIEWER, {}, { token: 'garbage' })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('deny by default', () => {
  const PUBLIC = new Set(['signIn', 'refreshSession', 'acceptInvitation', 'pulse', 'submitPulse']);

  it('refuses every non-public operation of the schema without a token', async () => {
    const ops = rootOperations(committedSchema());
    expect(ops.length).toBeGreaterThan(10);
    for (const op of ops.filter((o) => !PUBLIC.has(o.field))) {
      const r = await api.gql(op.document, op.variables);
      expect({ field: op.field, code: r.errors?.[0]?.extensions?.code, data: r.data ?? null }).toEqual({ field: op.field, code: 'UNAUTHENTICATED', data: null });
    }
  });

  it('refuses platform operations to a tenant admin', async () => {
    const { token } = await signIn(api, 'admin@acme.test');
    for (const query of ['query { tenants { id } }', `mutation { suspendTenant(id: "${globex.id}") { id } }`]) {
      const r = await api.gql(query, {}, { token });
      expect(r.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(JSON.stringify(r)).not.toContain('GLOBEX');
    }
  });

  it('refuses admin operations to an HR leader', async () => {
    const { token } = await signIn(api, 'hr@acme.test');
    const r = await api.gql('mutation { importDirectory(csv: "email,name,orgUnitPath") { ok } }', {}, { token });
    expect(r.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('errors', () => {
  it('gives every malformed request a stable code and never a stack trace', async () => {
    const cases = ['query {', 'query { nope }', 'query { orgUnit(id: true) { id } }'];
    for (const query of cases) {
      const r = await api.gql(query);
      expect(r.errors?.[0]?.extensions?.code).toMatch(/^(GRAPHQL_PARSE_FAILED|GRAPHQL_VALIDATION_FAILED|BAD_USER_INPUT)$/);
      expect(JSON.stringify(r)).not.toMatch(/stacktrace|at .*\.js:\d+/);
    }
  });
});
