// OIDC single sign-on against a real OpenID provider running in this process
// (oidc-provider, with its development login form), through the API's real
// endpoints: start → provider login → callback → the same session a password
// sign-in gives. Refusals: a person not in the directory, an ID token for another
// audience, an expired ID token, a tampered or replayed state, a foreign domain.
// The provider's token responses can be re-signed with its own key to make the
// wrong-audience and expired tokens (everything else about them stays genuine).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { withTenant } from '@pulsewise/db';
import { decodeJwt, exportJWK, generateKeyPair, SignJWT, type JWTPayload } from 'jose';
import Provider, { type KoaContextWithOIDC } from 'oidc-provider';
import { InvitationTokens } from '../src/modules/auth/invitation-tokens.js';
import { SecretBox } from '../src/modules/identity/secret-box.js';
import { createTenant, PASSWORD, SIGN_IN, signIn, type FixtureTenant } from '../src/test-support/fixtures.js';
import { startTestApp, type TestApp } from '../src/test-support/test-app.js';

const CLIENT_ID = 'pulsewise-sso-a';
const CLIENT_SECRET = 'a-long-client-secret-known-only-to-the-idp-and-pulsewise';
const REDIRECT_URI = 'http://localhost:5173/api/auth/oidc/callback'; // PUBLIC_WEB_URL + the proxied callback path
const SECRETS_KEY = 'test-secrets-key-0123456789abcdef0123456789';

let api: TestApp;
let apiBase: string;
let t: FixtureTenant;
let adminToken: string;
let idp: http.Server;
let issuer: string;
let rewriteIdToken: ((claims: JWTPayload) => JWTPayload) | null = null;

const accounts: Record<string, { sub: string; email: string; email_verified: boolean; name: string }> = {
  alice: { sub: 'alice', email: 'Alice@A-SSO.example', email_verified: true, name: 'Alice' },
  mallory: { sub: 'mallory', email: 'mallory@a-sso.example', email_verified: true, name: 'Mallory' },
  contractor: { sub: 'contractor', email: 'contractor@other.example', email_verified: true, name: 'Con' },
};

async function startProvider(): Promise<void> {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk = { ...(await exportJWK(privateKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
  idp = http.createServer();
  await new Promise<void>((resolve) => idp.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(idp.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [{ client_id: CLIENT_ID, client_secret: CLIENT_SECRET, redirect_uris: [REDIRECT_URI], response_types: ['code'], grant_types: ['authorization_code'], token_endpoint_auth_method: 'client_secret_basic' }],
    jwks: { keys: [jwk] },
    cookies: { keys: ['test-cookie-signing-key'] },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    pkce: { required: () => true },
    findAccount: async (_ctx, sub) => {
      const account = accounts[sub];
      return account ? { accountId: sub, claims: async () => account } : undefined;
    },
    // First-party client: no consent screen.
    loadExistingGrant: async (ctx: KoaContextWithOIDC) => {
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client!.clientId, accountId: ctx.oidc.session!.accountId! });
      grant.addOIDCScope('openid email profile');
      await grant.save();
      return grant;
    },
  });
  provider.use(async (ctx, next) => {
    await next();
    const body = ctx.body as { id_token?: string } | undefined;
    if (rewriteIdToken && ctx.path === '/token' && body?.id_token) {
      const claims = rewriteIdToken(decodeJwt(body.id_token));
      ctx.body = { ...body, id_token: await new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: 'k1' }).sign(privateKey) };
    }
  });
  idp.on('request', provider.callback());
}

/** A tiny cookie jar for the provider's session cookies. */
class Jar {
  private readonly cookies = new Map<string, string>();
  take(response: Response): void {
    for (const c of response.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = pair!.indexOf('=');
      this.cookies.set(pair!.slice(0, i), pair!.slice(i + 1));
    }
  }
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

async function get(url: string, cookie?: string): Promise<Response> {
  return fetch(url, { redirect: 'manual', headers: cookie ? { cookie } : {} });
}

/** Starts SSO at the API and logs in at the provider; returns the callback query and the browser's state cookie. */
async function loginAtProvider(login: string, organization = 'sso-a', returnTo = '/success'): Promise<{ callbackQuery: string; stateCookie: string }> {
  const start = await get(`${apiBase}/api/auth/oidc/start?organization=${encodeURIComponent(organization)}&returnTo=${encodeURIComponent(returnTo)}`);
  expect(start.status).toBe(302);
  const authUrl = start.headers.get('location')!;
  expect(authUrl.startsWith(`${issuer}/auth?`)).toBe(true);
  const params = new URL(authUrl).searchParams;
  expect(params.get('code_challenge_method')).toBe('S256');
  expect(params.get('client_id')).toBe(CLIENT_ID);
  const stateCookie = start.headers.getSetCookie().find((c) => c.startsWith('pw_oidc_state='))!.split(';')[0]!;

  const jar = new Jar();
  let response = await get(authUrl);
  jar.take(response);
  const interaction = new URL(response.headers.get('location')!, issuer).href;
  expect(interaction).toContain('/interaction/');
  response = await fetch(interaction, {
    method: 'POST', redirect: 'manual',
    headers: { cookie: jar.header(), 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ prompt: 'login', login }).toString(),
  });
  jar.take(response);
  let location = new URL(response.headers.get('location')!, issuer).href;
  // Follow the provider's own redirects until it sends the browser back to Pulsewise.
  for (let i = 0; i < 5 && !location.startsWith(REDIRECT_URI); i++) {
    response = await get(location, jar.header());
    jar.take(response);
    location = new URL(response.headers.get('location')!, issuer).href;
  }
  expect(location.startsWith(`${REDIRECT_URI}?`)).toBe(true);
  return { callbackQuery: new URL(location).search, stateCookie };
}

async function callback(query: string, cookie: string | undefined): Promise<{ status: number; location: string; refreshCookie: string | undefined }> {
  const response = await get(`${apiBase}/api/auth/oidc/callback${query}`, cookie);
  const refresh = response.headers.getSetCookie().find((c) => c.startsWith('pw_refresh='));
  return { status: response.status, location: response.headers.get('location') ?? '', refreshCookie: refresh };
}

async function sessionCount(): Promise<number> {
  return withTenant(api.prisma, t.id, (tx) => tx.session.count());
}

const SAVE = /* GraphQL */ `
  mutation($input: SsoConfigurationInput!) {
    saveSsoConfiguration(input: $input) { issuer clientId clientSecretSet allowedDomains enabled passwordSignInEnabled }
  }
`;

// oidc-provider announces its development-only features on every start; keep the test output readable.
for (const level of ['warn', 'info'] as const) {
  const original = console[level].bind(console);
  console[level] = (...args: unknown[]) => {
    if (typeof args[0] === 'string' && args[0].startsWith('oidc-provider')) return;
    original(...args);
  };
}

beforeAll(async () => {
  await startProvider();
  api = await startTestApp('oidc', { SECRETS_KEY, PUBLIC_WEB_URL: 'http://localhost:5173' });
  apiBase = api.url.replace(/\/graphql$/, '');
  t = await createTenant(api.prisma, {
    slug: 'sso-a',
    people: [
      { email: 'admin@a-sso.example', roles: ['TENANT_ADMIN', 'EMPLOYEE'] },
      { email: 'alice@a-sso.example', roles: ['EMPLOYEE'] },
      { email: 'contractor@other.example', roles: ['EMPLOYEE'] },
    ],
  });
  adminToken = (await signIn(api, 'admin@a-sso.example')).token;
});

afterAll(async () => {
  await api?.close();
  await new Promise((resolve) => idp?.close(resolve));
});

afterEach(() => {
  rewriteIdToken = null;
});

describe('configuration by the tenant admin', () => {
  it('refuses an issuer that does not answer discovery, and stores nothing', async () => {
    const r = await api.gql(SAVE, { input: { issuer: 'http://127.0.0.1:1', clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, allowedDomains: ['a-sso.example'], enabled: true, passwordSignInEnabled: true } }, { token: adminToken });
    expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await withTenant(api.prisma, t.id, (tx) => tx.tenantSsoConfig.count())).toBe(0);
  });

  it('saves the provider with the client secret encrypted (never returned, never stored in clear)', async () => {
    const r = await api.gql<{ saveSsoConfiguration: Record<string, unknown> }>(
      SAVE, { input: { issuer, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, allowedDomains: ['A-SSO.example'], enabled: true, passwordSignInEnabled: false } }, { token: adminToken },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.saveSsoConfiguration).toEqual({
      issuer, clientId: CLIENT_ID, clientSecretSet: true, allowedDomains: ['a-sso.example'], enabled: true, passwordSignInEnabled: false,
    });
    const settings = await api.gql<{ ssoSettings: { redirectUri: string; configuration: { clientId: string } | null } }>('{ ssoSettings { redirectUri configuration { clientId } } }', {}, { token: adminToken });
    expect(settings.data!.ssoSettings).toEqual({ redirectUri: REDIRECT_URI, configuration: { clientId: CLIENT_ID } });
    const row = (await withTenant(api.prisma, t.id, (tx) => tx.tenantSsoConfig.findUnique({ where: { tenantId: t.id } })))!;
    expect(row.clientSecretEnc).not.toContain(CLIENT_SECRET);
    expect(new SecretBox(SECRETS_KEY).open(row.clientSecretEnc, t.id)).toBe(CLIENT_SECRET);
    expect(new SecretBox(SECRETS_KEY).open(row.clientSecretEnc, '00000000-0000-0000-0000-000000000000')).toBeNull(); // bound to its tenant
    expect(new SecretBox('another-key-0123456789abcdef0123456789').open(row.clientSecretEnc, t.id)).toBeNull();
  });

  it('with password sign-in off, employees are sent to SSO; tenant admins keep their password', async () => {
    const r = await api.gql(SIGN_IN, { input: { email: 'alice@a-sso.example', password: PASSWORD } });
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'SSO_REQUIRED', organization: 'sso-a' });
    expect(r.setCookie.some((c) => c.startsWith('pw_refresh='))).toBe(false);
    expect((await signIn(api, 'admin@a-sso.example')).token).toBeTruthy();

    // An invitation link is no way around it either.
    const alice = t.people['alice@a-sso.example']!.id;
    const { token } = await withTenant(api.prisma, t.id, (tx) => api.app.get(InvitationTokens).create(tx, t.id, alice));
    const before = await sessionCount();
    const accepted = await api.gql('mutation($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { accessToken } }', { input: { token, password: 'a long new password' } });
    expect(accepted.errors?.[0]?.extensions).toMatchObject({ code: 'SSO_REQUIRED', organization: 'sso-a' });
    expect(accepted.setCookie.some((c) => c.startsWith('pw_refresh='))).toBe(false);
    expect(await sessionCount()).toBe(before);
  });
});

describe('sign-in through the provider', () => {
  it('signs in a directory person and issues the same session as a password sign-in', async () => {
    const before = await sessionCount();
    const { callbackQuery, stateCookie } = await loginAtProvider('alice');
    const done = await callback(callbackQuery, stateCookie);
    expect(done.status).toBe(302);
    expect(done.location).toBe('http://localhost:5173/sso/complete?returnTo=%2Fsuccess');
    expect(done.refreshCookie).toMatch(/^pw_refresh=[^;]+;.*Path=\/graphql;.*HttpOnly/i);
    expect(await sessionCount()).toBe(before + 1);

    const refreshed = await api.gql<{ refreshSession: { accessToken: string; viewer: { email: string; roles: string[]; tenant: { slug: string } } } }>(
      'mutation { refreshSession { accessToken viewer { email roles tenant { slug } } } }', {}, { cookie: done.refreshCookie!.split(';')[0]! },
    );
    expect(refreshed.data!.refreshSession.viewer).toEqual({ email: 'alice@a-sso.example', roles: ['EMPLOYEE'], tenant: { slug: 'sso-a' } });
    const me = await api.gql<{ viewer: { email: string } }>('{ viewer { email } }', {}, { token: refreshed.data!.refreshSession.accessToken });
    expect(me.data!.viewer.email).toBe('alice@a-sso.example');
  });

  it('finds the organisation from an email address too', async () => {
    const { callbackQuery, stateCookie } = await loginAtProvider('alice', 'alice@a-sso.example');
    expect((await callback(callbackQuery, stateCookie)).location).toContain('/sso/complete');
  });

  it('refuses a person who is not in the directory (no account is created)', async () => {
    const before = await sessionCount();
    const { callbackQuery, stateCookie } = await loginAtProvider('mallory');
    const done = await callback(callbackQuery, stateCookie);
    expect(done.location).toBe('http://localhost:5173/sign-in?sso_error=NOT_IN_DIRECTORY');
    expect(done.refreshCookie).toBeUndefined();
    expect(await sessionCount()).toBe(before);
    expect(await withTenant(api.prisma, t.id, (tx) => tx.person.count({ where: { email: 'mallory@a-sso.example' } }))).toBe(0);
  });

  it('refuses an ID token issued for another audience', async () => {
    const before = await sessionCount();
    const { callbackQuery, stateCookie } = await loginAtProvider('alice');
    rewriteIdToken = (claims) => ({ ...claims, aud: 'some-other-client' });
    const done = await callback(callbackQuery, stateCookie);
    expect(done.location).toBe('http://localhost:5173/sign-in?sso_error=TOKEN_REJECTED');
    expect(done.refreshCookie).toBeUndefined();
    expect(await sessionCount()).toBe(before);
  });

  it('refuses an expired ID token', async () => {
    const before = await sessionCount();
    const { callbackQuery, stateCookie } = await loginAtProvider('alice');
    const now = Math.floor(Date.now() / 1000);
    rewriteIdToken = (claims) => ({ ...claims, iat: now - 7200, exp: now - 3600 });
    const done = await callback(callbackQuery, stateCookie);
    expect(done.location).toBe('http://localhost:5173/sign-in?sso_error=TOKEN_REJECTED');
    expect(await sessionCount()).toBe(before);
  });

  it('proves the re-signing itself is accepted when nothing is changed (so the two refusals above are about aud and exp)', async () => {
    const { callbackQuery, stateCookie } = await loginAtProvider('alice');
    rewriteIdToken = (claims) => claims;
    expect((await callback(callbackQuery, stateCookie)).location).toContain('/sso/complete');
  });

  it('refuses a tampered state, a state from another browser, and a replayed callback', async () => {
    const before = await sessionCount();
    const { callbackQuery, stateCookie } = await loginAtProvider('alice');
    const params = new URLSearchParams(callbackQuery);
    const state = params.get('state')!;
    params.set('state', `${state.slice(0, -1)}${state.endsWith('A') ? 'B' : 'A'}`);
    expect((await callback(`?${params}`, stateCookie)).location).toBe('http://localhost:5173/sign-in?sso_error=INVALID_STATE');
    expect((await callback(callbackQuery, undefined)).location).toBe('http://localhost:5173/sign-in?sso_error=INVALID_STATE');
    expect(await sessionCount()).toBe(before);

    // The genuine callback still works once — and only once.
    expect((await callback(callbackQuery, stateCookie)).location).toContain('/sso/complete');
    expect((await callback(callbackQuery, stateCookie)).location).toBe('http://localhost:5173/sign-in?sso_error=INVALID_STATE');
  });

  it('refuses a directory person whose email domain is not allowed', async () => {
    const { callbackQuery, stateCookie } = await loginAtProvider('contractor');
    expect((await callback(callbackQuery, stateCookie)).location).toBe('http://localhost:5173/sign-in?sso_error=DOMAIN_NOT_ALLOWED');
  });

  it('refuses a deactivated person', async () => {
    await withTenant(api.prisma, t.id, (tx) => tx.person.updateMany({ where: { email: 'alice@a-sso.example' }, data: { active: false } }));
    try {
      const { callbackQuery, stateCookie } = await loginAtProvider('alice');
      expect((await callback(callbackQuery, stateCookie)).location).toBe('http://localhost:5173/sign-in?sso_error=NOT_IN_DIRECTORY');
    } finally {
      await withTenant(api.prisma, t.id, (tx) => tx.person.updateMany({ where: { email: 'alice@a-sso.example' }, data: { active: true } }));
    }
  });

  it('answers an unknown organisation, and never returns to another site', async () => {
    const unknown = await get(`${apiBase}/api/auth/oidc/start?organization=nobody.example`);
    expect(unknown.headers.get('location')).toBe('http://localhost:5173/sign-in?sso_error=SSO_NOT_CONFIGURED');
    for (const evil of ['//evil.example/x', 'https://evil.example/', '/\\evil.example']) {
      const { callbackQuery, stateCookie } = await loginAtProvider('alice', 'sso-a', evil);
      expect((await callback(callbackQuery, stateCookie)).location).toBe('http://localhost:5173/sso/complete?returnTo=%2F');
    }
    // A past pulse link or "My success" comes back as asked.
    const { callbackQuery, stateCookie } = await loginAtProvider('alice', 'sso-a', '/my-success?quarter=2026-Q4');
    expect((await callback(callbackQuery, stateCookie)).location).toBe(`http://localhost:5173/sso/complete?returnTo=${encodeURIComponent('/my-success?quarter=2026-Q4')}`);
  });
});
