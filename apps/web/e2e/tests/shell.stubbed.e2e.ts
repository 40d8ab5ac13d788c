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

const units = [
  { id: 'u-root', name: 'Acme Robotics', path: '', depth: 0, parentId: null },
  { id: 'u-eng', name: 'Engineering', path: 'Engineering', depth: 1, parentId: 'u-root' },
  { id: 'u-ops', name: 'Operations', path: 'Operations', depth: 1, parentId: 'u-root' },
];
const release = {
  id: 'r-1',
  label: 'Monthly culture pulse · October 2026',
  kind: 'ROUND',
  status: 'PUBLISHED',
  withheldReason: null,
  k: 5,
  dimensions: [],
  periodStart: '2026-10-01T06:00:00.000Z',
};
const value = (questionKey: string, favourableShare: number, mean: number) => ({
  questionKey, hidden: false, reason: null, band: null, mean, favourableShare, answered: 40,
});
const hiddenValue = (questionKey: string, reason: string, band: string | null = null) => ({
  questionKey, hidden: true, reason, band, mean: null, favourableShare: null, answered: null,
});
const row = (orgUnitId: string, name: string, extra: Record<string, unknown>) => ({
  orgUnitId, name, isSelectedUnit: false, direct: false, hasChildren: true, dimensionValue: null,
  hidden: false, reason: null, respondents: 40, responseRate: 0.8, values: [], ...extra,
});
/** The dashboard's queries, answered with a small release that has hidden and banded cells. */
const dashboardStubs: Record<string, StubHandler> = {
  GetMySuccessAlignment: () => ({
    data: { mySuccessAlignment: { quarter: '2026-Q4', mine: [], mineUpdatedAt: null, shared: false, fromManagers: [] } },
  }),
  GetOrgUnits: () => ({ data: { orgUnits: units } }),
  GetReleases: () => ({ data: { releases: [release] } }),
  GetReleaseResults: () => ({
    data: {
      releaseResults: {
        orgUnitId: 'u-root',
        dimension: null,
        commentsAvailable: false,
        release,
        questions: [
          { key: 'breaks', text: 'I take real breaks during my working day.', min: 1, max: 5 },
          { key: 'after_hours', text: 'I rarely work outside my working hours.', min: 1, max: 5 },
        ],
        rows: [
          row('u-root', 'Acme Robotics', { isSelectedUnit: true, respondents: 80, values: [value('breaks', 0.62, 3.7), value('after_hours', 0.55, 3.4)] }),
          row('u-eng', 'Engineering', { values: [value('breaks', 0.71, 3.9), hiddenValue('after_hours', 'BANDED', '≥80% favourable')] }),
          row('u-ops', 'Operations', { hidden: true, reason: 'COMPLEMENTARY', respondents: null, responseRate: null, values: [hiddenValue('breaks', 'COMPLEMENTARY'), hiddenValue('after_hours', 'COMPLEMENTARY')] }),
        ],
      },
    },
  }),
  GetReleaseComments: () => ({
    data: {
      releaseComments: {
        available: false,
        threshold: 10,
        unavailableReason: 'Comments are shown only for groups with at least 10 respondents.',
        comments: [],
      },
    },
  }),
  GetTenants: () => ({ data: { tenants: [] } }),
  GetCultureOverview: () => ({
    data: {
      cultureOverview: {
        orgUnitId: 'u-root',
        name: 'Acme Robotics',
        from: '2026-09',
        to: '2026-11',
        months: ['2026-09', '2026-10', '2026-11'],
        anonymityThreshold: 5,
        signals: [
          {
            signal: { key: 'time_off', name: 'Time off taken', description: 'Vacation days taken, as a yearly rate per person.', unit: 'days per person-year', healthyMin: 20, healthyMax: null, source: 'IMPORT' },
            points: [
              { month: '2026-09', value: 22.5, hidden: false, reason: null, band: null, n: 80 },
              { month: '2026-10', value: null, hidden: true, reason: 'BELOW_THRESHOLD', band: null, n: null },
              { month: '2026-11', value: 19.1, hidden: false, reason: null, band: null, n: 82 },
            ],
            trend: [{ month: '2026-09', value: null }, { month: '2026-10', value: 20.8 }, { month: '2026-11', value: null }],
          },
        ],
        kpis: [
          { kpiId: 'k-1', key: 'revenue', name: 'Revenue', unit: 'EUR million', description: 'Recognised revenue in the month.', orgUnitPath: '', points: [{ month: '2026-09', value: 10.1 }, { month: '2026-10', value: 10.4 }, { month: '2026-11', value: null }] },
        ],
      },
    },
  }),
};

/** Signed in through the refresh cookie, as after a reload. */
async function signedInAs(roles: Role[], viewport: ViewportName, extra: Record<string, StubHandler> = {}) {
  const page = await newPage(viewport);
  await stubGraphQL(page, {
    RefreshSession: () => ({ data: { refreshSession: session(roles) } }),
    GetViewer: () => ({ data: { viewer: viewer(roles) } }),
    SignOut: () => ({ data: { signOut: true } }),
    ...dashboardStubs,
    ...extra,
  });
  return page;
}

async function navLabels(page: Page) {
  return page.getByRole('navigation', { name: 'Main' }).getByRole('link').allTextContents();
}

describe('app shell', () => {
  for (const viewport of Object.keys(VIEWPORTS) as ViewportName[]) {
    it(`header, navigation and the dashboard at ${viewport}`, async () => {
      const page = await signedInAs(['TENANT_ADMIN', 'HR_LEADER', 'EMPLOYEE'], viewport);
      try {
        await page.goto('/');
        await page.waitForURL(`${BASE_URL}/dashboard`);
        await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
        await page.getByRole('banner').getByText('Acme Robotics').waitFor();
        await page.getByText('Morgan Hale').waitFor();
        assert.deepEqual(await navLabels(page), ['Dashboard', 'My success', 'Admin']);
        assert.equal(await page.getByRole('link', { name: 'Dashboard' }).getAttribute('aria-current'), 'page');
        // Hidden cells say why, in words; nothing is drawn as zero.
        await page.getByText('hidden so the hidden group next to it cannot be worked out').first().waitFor();
        await page.getByText('≥80% favourable').waitFor();
        // Signals and KPIs: two separate panels; a hidden month is marked with its reason.
        await page.getByRole('heading', { level: 2, name: /Culture signals/ }).waitFor();
        await page.getByRole('heading', { level: 2, name: /Business KPIs/ }).waitFor();
        await page.getByText('fewer than 5 responses — hidden to protect anonymity').first().waitFor();
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `page is ${overflow}px wider than the viewport`);
        await screenshot(page, `shell-${viewport}-dashboard`);
        await checkA11y(page);

        await page.getByRole('link', { name: 'Admin' }).click();
        await page.getByRole('heading', { level: 1, name: 'Admin' }).waitFor();
        // Focus moves to the new page's heading after navigation.
        await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
        assert.equal(await page.title(), 'Admin · Directory import · Pulsewise');
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
      [['HR_LEADER'], ['Dashboard', 'My success', 'Admin'], '/dashboard'],
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
      await page.getByRole('heading', { level: 2, name: 'What success looks like for me' }).waitFor();
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
