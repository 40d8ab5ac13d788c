/**
 * Enterprise identity against the real API (seeded demo organisation):
 * - a tenant admin creates a SCIM token on Admin → SSO & SCIM; the secret is shown once, works
 *   on the SCIM endpoint the page names (through the app's own origin), stops working when
 *   rotated (the new one works), and the token can be revoked;
 * - the sign-in page's "Sign in with your organisation's SSO" path goes to the API's OIDC start
 *   endpoint and comes back with a clear message for an organisation without SSO.
 * Only new SCIM tokens are written; nothing other tests read changes.
 */
import assert from 'node:assert/strict';
import { after, beforeEach, describe, it } from 'node:test';
import { assertApiReady, BASE_URL, checkA11y, closeBrowser, closePage, newPage, pageErrorsOf, screenshot, signInAs } from '../support';

after(closeBrowser);

async function scimUsers(secret: string, filter: string): Promise<{ status: number; body: { totalResults?: number; Resources?: { userName: string }[] } }> {
  const response = await fetch(`${BASE_URL}/scim/v2/Users?filter=${encodeURIComponent(filter)}`, { headers: { authorization: `Bearer ${secret}` } });
  return { status: response.status, body: (await response.json()) as { totalResults?: number } };
}

describe('enterprise identity (real API)', () => {
  beforeEach(assertApiReady);

  it('creates, uses, rotates and revokes a SCIM token; the secret is shown once', async () => {
    const page = await newPage('desktop');
    try {
      await signInAs(page, 'admin@acme.example', '/dashboard');
      await page.goto('/admin/identity');
      await page.getByRole('heading', { level: 2, name: 'Directory provisioning (SCIM 2.0)' }).waitFor();
      await page.getByRole('heading', { level: 2, name: 'Single sign-on (OpenID Connect)' }).waitFor();
      await checkA11y(page);

      const name = `Okta e2e ${Date.now()}`;
      await page.getByLabel('Token name').fill(name);
      await page.getByRole('button', { name: 'Create SCIM token' }).click();
      const shown = page.getByLabel('SCIM token secret');
      await shown.waitFor();
      const secret = (await shown.innerText()).trim();
      assert.match(secret, /^pws_[0-9a-f]{32}_[A-Za-z0-9_-]{43}$/);
      await page.getByText(`${BASE_URL}/scim/v2`).waitFor();
      await screenshot(page, 'identity-desktop-token-created');
      await checkA11y(page);

      const found = await scimUsers(secret, 'userName eq "employee@acme.example"');
      assert.equal(found.status, 200);
      assert.deepEqual(found.body.Resources?.map((u) => u.userName), ['employee@acme.example']);

      // Shown once: after a reload only the name is listed.
      await page.reload();
      await page.getByRole('listitem').filter({ hasText: name }).waitFor();
      assert.equal(await page.getByLabel('SCIM token secret').count(), 0);

      const item = page.getByRole('listitem').filter({ hasText: name });
      await item.getByRole('button', { name: `Rotate ${name}` }).click();
      await item.getByRole('button', { name: 'Yes, rotate' }).click();
      await page.getByLabel('SCIM token secret').waitFor();
      const rotated = (await page.getByLabel('SCIM token secret').innerText()).trim();
      assert.notEqual(rotated, secret);
      assert.equal((await scimUsers(secret, 'userName eq "employee@acme.example"')).status, 401);
      assert.equal((await scimUsers(rotated, 'userName eq "employee@acme.example"')).status, 200);

      // Newest first: the rotated-in token, then the old one (already revoked by the rotation).
      const fresh = page.getByRole('listitem').filter({ hasText: name }).first();
      await fresh.getByRole('button', { name: `Revoke ${name}` }).click();
      await fresh.getByRole('button', { name: 'Yes, revoke' }).click();
      await page.getByRole('listitem').filter({ hasText: name }).filter({ hasText: /Revoked/ }).nth(1).waitFor();
      assert.equal((await scimUsers(rotated, 'userName eq "employee@acme.example"')).status, 401);
      await checkA11y(page);
      assert.deepEqual(pageErrorsOf(page), []);
    } finally {
      await closePage(page);
    }
  });

  it('offers SSO on the sign-in page and explains an organisation without it', async () => {
    const page = await newPage('mobile');
    try {
      await page.goto('/sign-in');
      await page.getByRole('link', { name: 'Sign in with your organisation’s SSO' }).click();
      await page.waitForURL(/\/sign-in\?sso=1$/);
      await page.getByLabel('Organisation or work email domain').fill('nobody.example');
      await page.getByRole('button', { name: 'Continue with SSO' }).click();
      await page.waitForURL(/\/sign-in\?sso_error=SSO_NOT_CONFIGURED$/);
      await page.getByRole('alert').filter({ hasText: 'We couldn’t find single sign-on for that organisation' }).waitFor();
      await screenshot(page, 'sign-in-mobile-sso-not-configured');
      await checkA11y(page);
      assert.deepEqual(pageErrorsOf(page), []);
    } finally {
      await closePage(page);
    }
  });
});
