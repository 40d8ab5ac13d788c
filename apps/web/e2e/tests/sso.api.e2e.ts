/**
 * Single sign-on in the browser, end to end: a real OpenID provider (oidc-provider, started by this
 * test with its development login form), the real API and the app behind its own proxy. The demo
 * organisation's admin sets SSO up over the API; an employee who opens "My success" while signed
 * out goes through "Sign in with your organisation's SSO", logs in at the provider and comes back
 * signed in on "My success"; someone the directory does not know is refused with a clear message.
 * Password sign-in stays on and the SSO set-up is removed afterwards, so other tests see no change.
 */
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, beforeEach, describe, it } from 'node:test';
import Provider from 'oidc-provider';
import { apiAccessToken, apiGraphQL, assertApiReady, BASE_URL, checkA11y, closeBrowser, closePage, newPage, pageErrorsOf, screenshot } from '../support';

const CLIENT_ID = 'pulsewise-e2e';
const CLIENT_SECRET = 'e2e-client-secret-0123456789abcdef0123456789';
let idp: http.Server;
let issuer = '';
let adminToken = '';

before(async () => {
  idp = http.createServer();
  await new Promise<void>((resolve) => idp.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(idp.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
        redirect_uris: [`${BASE_URL}/api/auth/oidc/callback`],
        response_types: ['code'],
        grant_types: ['authorization_code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    cookies: { keys: ['e2e-cookie-signing-key'] },
    claims: { openid: ['sub'], email: ['email', 'email_verified'] },
    // The development login form accepts any login: here the login is the person's email.
    findAccount: async (_ctx, sub) => ({ accountId: sub, claims: async () => ({ sub, email: sub, email_verified: true }) }),
    // First-party client: no consent screen.
    loadExistingGrant: async (ctx) => {
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client!.clientId, accountId: ctx.oidc.session!.accountId! });
      grant.addOIDCScope('openid email profile');
      await grant.save();
      return grant;
    },
  });
  idp.on('request', provider.callback());

  await assertApiReady();
  adminToken = await apiAccessToken('admin@acme.example');
  await apiGraphQL(
    'mutation($input: SsoConfigurationInput!) { saveSsoConfiguration(input: $input) { enabled } }',
    { input: { issuer, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, allowedDomains: ['acme.example'], enabled: true, passwordSignInEnabled: true } },
    adminToken,
  );
});

after(async () => {
  if (adminToken) await apiGraphQL('mutation { deleteSsoConfiguration }', {}, adminToken).catch(() => undefined);
  await new Promise((resolve) => idp?.close(resolve));
  await closeBrowser();
});

describe('single sign-on (real OpenID provider, real API)', () => {
  beforeEach(assertApiReady);

  it('an employee opens My success, signs in with SSO and comes back signed in there', async () => {
    const page = await newPage('desktop');
    try {
      await page.goto('/my-success');
      await page.waitForURL(/\/sign-in$/);
      await page.getByRole('link', { name: 'Sign in with your organisation’s SSO' }).click();
      await page.getByLabel('Organisation or work email domain').fill('employee@acme.example');
      await checkA11y(page);
      await page.getByRole('button', { name: 'Continue with SSO' }).click();

      // At the identity provider: the email came along as the login hint.
      await page.waitForURL((url) => url.href.startsWith(`${issuer}/interaction/`));
      assert.equal(await page.locator('input[name="login"]').inputValue(), 'employee@acme.example');
      await page.locator('input[name="password"]').fill('anything');
      await page.getByRole('button', { name: 'Sign-in' }).click();

      await page.waitForURL(`${BASE_URL}/my-success`);
      await page.getByRole('heading', { level: 1, name: 'My success' }).waitFor();
      await screenshot(page, 'sso-desktop-back-on-my-success');
      // The session survives a reload like a password session (refresh cookie).
      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'My success' }).waitFor();
      assert.deepEqual(pageErrorsOf(page), []);
    } finally {
      await closePage(page);
    }
  });

  it('refuses someone the directory does not know, and says why', async () => {
    const page = await newPage('mobile');
    try {
      await page.goto('/sign-in?sso=1');
      await page.getByLabel('Organisation or work email domain').fill('acme.example');
      await page.getByRole('button', { name: 'Continue with SSO' }).click();
      await page.waitForURL((url) => url.href.startsWith(`${issuer}/interaction/`));
      await page.locator('input[name="login"]').fill('stranger@acme.example');
      await page.locator('input[name="password"]').fill('anything');
      await page.getByRole('button', { name: 'Sign-in' }).click();
      await page.waitForURL(/\/sign-in\?sso_error=NOT_IN_DIRECTORY$/);
      await page.getByRole('alert').filter({ hasText: 'isn’t in this organisation’s Pulsewise directory' }).waitFor();
      await screenshot(page, 'sso-mobile-not-in-directory');
      await checkA11y(page);
      assert.deepEqual(pageErrorsOf(page), []);
    } finally {
      await closePage(page);
    }
  });
});
