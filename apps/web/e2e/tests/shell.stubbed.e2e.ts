/**
 * The signed-in shell, with the API answered in the browser by stubs (the real API-backed flows
 * for each role come once the API lands). Checks layout, role-based navigation, accessibility
 * and the "session ended" path.
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import {
  BASE_URL,
  checkA11y,
  closeBrowser,
  closePage,
  gqlError,
  newPage,
  pageErrorsOf,
  screenshot,
  stubGraphQL,
  type StubHandler,
  VIEWPORTS,
  type ViewportName,
} from '../support';

after(closeBrowser);

type Role = 'PLATFORM_ADMIN' | 'TENANT_ADMIN' | 'HR_LEADER' | 'MANAGER' | 'EMPLOYEE';

const viewer = (roles: Role[]) => ({
  personId: 'person-1',
  email: 'morgan.hale@acme.example',
  displayName: 'Morgan Hale',
  roles,
  tenant: { id: 'tenant-1', name: 'Acme Robotics', slug: 'acme-robotics', status: 'ACTIVE' },
});
const session = (roles: Role[]) => ({
  accessToken: 'stub-access-token',
  accessTokenExpiresAt: new Date(Date.now() + 15 * 60_000).toISOString(),
  viewer: viewer(roles),
});

/** Signed in through the refresh cookie, as after a reload. */
async function signedInAs(roles: Role[], viewport: ViewportName, extra: Record<string, StubHandler> = {}) {
  const page = await newPage(viewport);
  await stubGraphQL(page, {
    RefreshSession: () => ({ data: { refreshSession: session(roles) } }),
    GetViewer: () => ({ data: { viewer: viewer(roles) } }),
    SignOut: () => ({ data: { signOut: true } }),
    ...extra,
  });
  return page;
}

async function navLabels(page: Page) {
  return page.getByRole('navigation', { name: 'Main' }).getByRole('link').allTextContents();
}

describe('app shell', () => {
  for (const viewport of Object.keys(VIEWPORTS) as ViewportName[]) {
    it(`header, navigation and a placeholder page at ${viewport}`, async () => {
      const page = await signedInAs(['TENANT_ADMIN', 'HR_LEADER', 'EMPLOYEE'], viewport);
      try {
        await page.goto('/');
        await page.waitForURL(`${BASE_URL}/dashboard`);
        await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
        await page.getByText('Acme Robotics').waitFor();
        await page.getByText('Morgan Hale').waitFor();
        assert.deepEqual(await navLabels(page), ['Dashboard', 'My success', 'Admin']);
        assert.equal(await page.getByRole('link', { name: 'Dashboard' }).getAttribute('aria-current'), 'page');
        await page.getByText('Not built yet').waitFor();
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `page is ${overflow}px wider than the viewport`);
        await screenshot(page, `shell-${viewport}-dashboard`);
        await checkA11y(page);

        await page.getByRole('link', { name: 'Admin' }).click();
        await page.getByRole('heading', { level: 1, name: 'Admin' }).waitFor();
        // Focus moves to the new page's heading after navigation.
        await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
        assert.equal(await page.title(), 'Admin · Pulsewise');
        await screenshot(page, `shell-${viewport}-admin`);
        await checkA11y(page);
        assert.deepEqual(pageErrorsOf(page), []);
      } finally {
        await closePage(page);
      }
    });
  }

  it('shows each role only its own pages', async () => {
    const cases: [Role[], string[], string][] = [
      [['HR_LEADER'], ['Dashboard'], '/dashboard'],
      [['MANAGER', 'EMPLOYEE'], ['My teams', 'My success'], '/teams'],
      [['EMPLOYEE'], ['My success'], '/my-success'],
      [['PLATFORM_ADMIN'], ['Tenants'], '/platform/tenants'],
    ];
    for (const [roles, labels, home] of cases) {
      const page = await signedInAs(roles, 'desktop');
      try {
        await page.goto('/');
        await page.waitForURL(`${BASE_URL}${home}`);
        assert.deepEqual(await navLabels(page), labels, roles.join('+'));
        if (roles.includes('PLATFORM_ADMIN')) await screenshot(page, 'shell-desktop-tenants');
        if (roles.length === 1 && roles[0] === 'EMPLOYEE') await screenshot(page, 'shell-desktop-employee');
      } finally {
        await closePage(page);
      }
    }
  });

  it('says "no access" on a page outside the person’s roles', async () => {
    const page = await signedInAs(['EMPLOYEE'], 'mobile');
    try {
      await page.goto('/admin');
      await page.getByRole('heading', { level: 1, name: 'You don’t have access to this page' }).waitFor();
      await screenshot(page, 'shell-mobile-no-access');
      await checkA11y(page);
    } finally {
      await closePage(page);
    }
  });

  it('signs out and says so', async () => {
    const page = await signedInAs(['EMPLOYEE'], 'mobile');
    try {
      await page.goto('/my-success');
      await page.getByRole('heading', { level: 1, name: 'My success' }).waitFor();
      await screenshot(page, 'shell-mobile-my-success');
      await page.unroute('**/graphql');
      await stubGraphQL(page, {
        SignOut: () => ({ data: { signOut: true } }),
        RefreshSession: () => gqlError('UNAUTHENTICATED'),
      });
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.waitForURL(`${BASE_URL}/sign-in`);
      await page.getByRole('status').getByText('You have signed out.').waitFor();
    } finally {
      await closePage(page);
    }
  });

  it('when the session can no longer be refreshed, returns to sign-in and explains why', async () => {
    let expired = false;
    const page = await signedInAs(['HR_LEADER'], 'desktop', {
      RefreshSession: () =>
        expired ? gqlError('UNAUTHENTICATED', 'Refresh token expired') : { data: { refreshSession: session(['HR_LEADER']) } },
      GetViewer: () => (expired ? gqlError('UNAUTHENTICATED') : { data: { viewer: viewer(['HR_LEADER']) } }),
    });
    try {
      await page.clock.install();
      await page.goto('/dashboard');
      await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
      // Later: the access token has expired and the refresh cookie is no longer accepted.
      expired = true;
      await page.clock.fastForward('10:00');
      // Coming back to the tab refetches stale queries: UNAUTHENTICATED, refresh rejected.
      await page.evaluate(() => window.dispatchEvent(new Event('visibilitychange')));
      await page.waitForURL(`${BASE_URL}/sign-in`);
      await page.getByRole('status').getByText('Your session ended. Please sign in again.').waitFor();
      await screenshot(page, 'sign-in-desktop-session-ended');
      await checkA11y(page);

      // Signing in again returns to where the person was.
      await page.unroute('**/graphql');
      await stubGraphQL(page, {
        SignIn: () => ({ data: { signIn: session(['HR_LEADER']) } }),
        GetViewer: () => ({ data: { viewer: viewer(['HR_LEADER']) } }),
      });
      await page.getByLabel('Email address').fill('morgan.hale@acme.example');
      await page.getByLabel('Password', { exact: true }).fill('secret-password');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL(`${BASE_URL}/dashboard`);
      await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    } finally {
      await closePage(page);
    }
  });
});
