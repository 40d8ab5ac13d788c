/**
 * States of "My success" and the signal/KPI admin pages the real API cannot be put into on demand:
 * a failing request explained with a retry, and a refused share explained.
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { checkA11y, closeBrowser, closePage, gqlError, newPage, pageErrorsOf, screenshot, stubGraphQL, type StubHandler } from '../support';

after(closeBrowser);

type Role = 'TENANT_ADMIN' | 'HR_LEADER' | 'MANAGER' | 'EMPLOYEE';
const viewer = (roles: Role[]) => ({
  personId: 'person-1',
  email: 'sam.lee@acme.example',
  displayName: 'Sam Lee',
  roles,
  tenant: { id: 'tenant-1', name: 'Acme Robotics', slug: 'acme-robotics', status: 'ACTIVE' },
});
const session = (roles: Role[]) => ({
  accessToken: 'stub-access-token',
  accessTokenExpiresAt: new Date(Date.now() + 15 * 60_000).toISOString(),
  viewer: viewer(roles),
});

async function signedInAs(roles: Role[], handlers: Record<string, StubHandler>, viewport: 'desktop' | 'mobile' = 'mobile') {
  const page = await newPage(viewport);
  await stubGraphQL(page, {
    RefreshSession: () => ({ data: { refreshSession: session(roles) } }),
    GetViewer: () => ({ data: { viewer: viewer(roles) } }),
    ...handlers,
  });
  return page;
}

const mine = (shared: boolean, statements: string[]) => ({
  data: { mySuccessAlignment: { quarter: '2026-Q4', mine: statements, mineUpdatedAt: null, shared, fromManagers: [] } },
});

describe('My success and signals admin: error states (stubbed API)', () => {
  it('explains a failed load and recovers on retry', async () => {
    let calls = 0;
    const page = await signedInAs(['EMPLOYEE'], {
      GetMySuccessAlignment: () => (++calls === 1 ? gqlError('INTERNAL_SERVER_ERROR') : mine(false, [])),
    });
    try {
      await page.goto('/my-success');
      const alert = page.getByRole('alert').filter({ hasText: 'Your statements couldn’t be loaded' });
      await alert.waitFor();
      await screenshot(page, 'success-mobile-error');
      await checkA11y(page);
      await alert.getByRole('button', { name: 'Try again' }).click();
      await page.getByRole('heading', { level: 2, name: 'What success looks like for me' }).waitFor();
      // Nothing saved yet: sharing cannot be turned on, and the page says why.
      assert.equal(await page.getByRole('switch', { name: 'Share my statements with my manager' }).isDisabled(), true);
      await page.getByText('Save at least one statement before you can share.').waitFor();
      await page.getByText('Your manager hasn’t written anything for October–December 2026 yet.').waitFor();
      assert.deepEqual(pageErrorsOf(page), []);
    } finally {
      await closePage(page);
    }
  });

  it('a refused share leaves the switch off and says why', async () => {
    const page = await signedInAs(['EMPLOYEE'], {
      GetMySuccessAlignment: () => mine(false, ['Ship the tool']),
      ShareMySuccessStatements: () => gqlError('BAD_USER_INPUT', 'Write your statements for this quarter before sharing them'),
    });
    try {
      await page.goto('/my-success');
      const toggle = page.getByRole('switch', { name: 'Share my statements with my manager' });
      await toggle.click();
      await page.getByRole('alert').filter({ hasText: 'Sharing wasn’t changed' }).waitFor();
      assert.equal(await toggle.isChecked(), false, 'still private');
      await page.getByText('Not shared: only you can read these statements.').waitFor();
    } finally {
      await closePage(page);
    }
  });

  it('signal catalogue and KPIs explain a failed load', async () => {
    const page = await signedInAs(['HR_LEADER'], {
      GetSignals: () => 'abort',
      GetKpis: () => gqlError('SERVICE_UNAVAILABLE'),
      GetOrgUnits: () => ({ data: { orgUnits: [] } }),
    }, 'desktop');
    try {
      await page.goto('/admin/signals');
      await page.getByRole('alert').filter({ hasText: 'Signals couldn’t be loaded' }).waitFor();
      await checkA11y(page);
      await page.getByRole('navigation', { name: 'Admin sections' }).getByRole('link', { name: 'KPIs' }).click();
      await page.getByRole('alert').filter({ hasText: 'KPIs couldn’t be loaded' }).waitFor();
      await screenshot(page, 'signals-desktop-kpis-error');
    } finally {
      await closePage(page);
    }
  });
});
