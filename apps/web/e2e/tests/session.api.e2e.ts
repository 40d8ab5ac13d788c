/**
 * Sign-in, reload and sign-out against the real API that e2e/run.mjs starts for the run (its own
 * database, seeded with the demo organisation — see README "Demo sign-ins"). Always runs: without
 * the API every test here fails.
 * Only successful sign-ins here: failed attempts count towards the API's lockout.
 */
import assert from 'node:assert/strict';
import { after, beforeEach, describe, it } from 'node:test';
import { assertApiReady, BASE_URL, checkA11y, closeBrowser, closePage, DEMO_PASSWORD, newPage, pageErrorsOf, screenshot } from '../support';

after(closeBrowser);

// The seed gives people several roles (an HR leader is also an employee, …): check what each
// must and must not see rather than the exact list.
const accounts = [
  { email: 'hr@acme.example', home: '/dashboard', sees: ['Dashboard', 'My success', 'Admin'], never: ['Tenants'] },
  { email: 'admin@acme.example', home: '/dashboard', sees: ['Dashboard', 'Admin'], never: ['Tenants'] },
  { email: 'manager@acme.example', home: '/teams', sees: ['My teams', 'My success'], never: ['Dashboard', 'Admin', 'Tenants'] },
  { email: 'employee@acme.example', home: '/my-success', sees: ['My success'], never: ['Dashboard', 'My teams', 'Admin', 'Tenants'] },
  { email: 'platform@pulsewise.example', home: '/platform/tenants', sees: ['Tenants'], never: ['Dashboard', 'My teams', 'Admin'] },
];

describe('session against the real API (seeded demo organisation)', () => {
  // Each test fails (rather than being cancelled or skipped) when the run's API is not there.
  beforeEach(assertApiReady);

  for (const account of accounts) {
    it(`${account.email} signs in, sees their pages, stays signed in across a reload, signs out`, async () => {
      const page = await newPage(account.email.startsWith('employee') ? 'mobile' : 'desktop');
      try {
        await page.goto('/');
        await page.waitForURL(`${BASE_URL}/sign-in`);
        await page.getByLabel('Email address').fill(account.email);
        await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
        await page.getByRole('button', { name: 'Sign in' }).click();
        await page.waitForURL(`${BASE_URL}${account.home}`);
        await page.getByRole('heading', { level: 1 }).waitFor();
        const nav = await page.getByRole('navigation', { name: 'Main' }).getByRole('link').allTextContents();
        for (const label of account.sees) assert.ok(nav.includes(label), `${account.email} should see ${label}: ${nav}`);
        for (const label of account.never) assert.ok(!nav.includes(label), `${account.email} must not see ${label}: ${nav}`);
        await page.getByRole('button', { name: 'Sign out' }).waitFor();
        const name = account.email.split('@')[0] ?? 'account';
        await screenshot(page, `api-${name}-home`);
        await checkA11y(page);

        // The access token lives in memory only: a reload resumes via the httpOnly refresh cookie.
        await page.reload();
        await page.waitForURL(`${BASE_URL}${account.home}`);
        await page.getByRole('heading', { level: 1 }).waitFor();
        const cookies = await page.context().cookies();
        const refresh = cookies.find((c) => c.name === 'pw_refresh');
        assert.ok(refresh, 'refresh cookie set through the same-origin proxy');
        assert.equal(refresh.httpOnly, true);
        assert.equal(await page.evaluate(() => document.cookie.includes('pw_refresh')), false);

        await page.getByRole('button', { name: 'Sign out' }).click();
        await page.waitForURL(`${BASE_URL}/sign-in`);
        await page.getByText('You have signed out.').waitFor();
        // Signed out on the server too: a reload does not sign back in.
        await page.reload();
        await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
        await page.waitForTimeout(300);
        assert.equal(new URL(page.url()).pathname, '/sign-in');
        assert.deepEqual(pageErrorsOf(page), []);
      } finally {
        await closePage(page);
      }
    });
  }

  it('tabs opened at the same moment share the session without tripping refresh-token reuse detection', async () => {
    const page = await newPage('desktop');
    try {
      await page.goto('/sign-in');
      await page.getByLabel('Email address').fill('hr@acme.example');
      await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL(`${BASE_URL}/dashboard`);
      // Three more tabs start at once: each resumes the session from the same rotating cookie.
      const tabs = await Promise.all([1, 2, 3].map(() => page.context().newPage()));
      await Promise.all(tabs.map((tab) => tab.goto('/dashboard')));
      for (const tab of tabs) {
        await tab.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
      }
      // The session is still alive afterwards (a reused cookie would have revoked it).
      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
      assert.equal(new URL(page.url()).pathname, '/dashboard');
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.waitForURL(`${BASE_URL}/sign-in`);
    } finally {
      await closePage(page);
    }
  });
});
