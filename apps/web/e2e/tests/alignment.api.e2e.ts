/**
 * "My success" against the real API: an employee writes their success statements and shares them;
 * their manager sees only what was shared (and writes what they consider success); HR has no way to
 * reach anyone else's statements — not in the navigation, and the API refuses.
 * Only the demo employee's own statements change here; no other test reads them.
 */
import assert from 'node:assert/strict';
import { after, beforeEach, describe, it } from 'node:test';
import {
  apiAccessToken,
  apiGraphQL,
  assertApiReady,
  checkA11y,
  closeBrowser,
  closePage,
  newPage,
  pageErrorsOf,
  screenshot,
  signInAs,
} from '../support';

after(closeBrowser);

const REPORTS_QUERY = 'query { myReportsSuccessAlignment { personId displayName mine theirs } }';
type Report = { personId: string; displayName: string; mine: string[]; theirs: string[] | null };

async function noHorizontalScroll(page: import('playwright-core').Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page is ${overflow}px wider than the viewport`);
}

describe('personal success alignment (real API, seeded demo organisation)', () => {
  beforeEach(assertApiReady);

  it('an employee writes and shares; the manager sees only what was shared; HR cannot reach it', async () => {
    // Before sharing, the manager's view of the employee carries no statements of theirs.
    const managerToken = await apiAccessToken('manager@acme.example');
    const before = (await apiGraphQL<{ myReportsSuccessAlignment: Report[] }>(REPORTS_QUERY, {}, managerToken)).myReportsSuccessAlignment;
    const emeryBefore = before.find((r) => r.displayName === 'Emery Employee');
    assert.ok(emeryBefore, 'Emery Employee reports to Morgan Manager');
    assert.equal(emeryBefore.theirs, null, 'not shared yet: the manager gets nothing of theirs');

    const employee = await newPage('mobile');
    try {
      await signInAs(employee, 'employee@acme.example', '/my-success');
      await employee.getByRole('heading', { level: 2, name: 'What success looks like for me' }).waitFor();
      // Side by side: what the manager wrote for them.
      await employee.getByText('Own the calibration tool end to end').waitFor();
      const toggle = employee.getByRole('switch', { name: 'Share my statements with my manager' });
      assert.equal(await toggle.isChecked(), false, 'sharing is off by default');
      await employee.getByText(/HR and leadership never see your statements/).waitFor();
      await employee.getByText(/sharing shows them only to your current manager/).waitFor();

      // Rewrite the statements with the keyboard-reachable form and save.
      const first = employee.getByRole('textbox', { name: 'Statement 1' });
      await first.fill('Ship the calibration tool with no weekend work');
      await employee.getByRole('button', { name: 'Add a statement' }).click();
      await employee.getByRole('textbox', { name: 'Statement 3' }).fill('Mentor a new hire every week');
      await employee.getByRole('button', { name: 'Save' }).click();
      await employee.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
      await noHorizontalScroll(employee);
      await screenshot(employee, 'success-mobile-mine');
      await checkA11y(employee);

      await toggle.click();
      await employee.getByText('Shared: your current manager can read these statements.').waitFor();
      assert.equal(await toggle.isChecked(), true);
      await screenshot(employee, 'success-mobile-shared');
      assert.deepEqual(pageErrorsOf(employee), []);
    } finally {
      await closePage(employee);
    }

    for (const viewport of ['desktop', 'mobile'] as const) {
      const manager = await newPage(viewport);
      try {
        await signInAs(manager, 'manager@acme.example', '/teams');
        await manager.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My success' }).click();
        await manager.getByRole('link', { name: 'My direct reports' }).click();
        await manager.waitForURL(/\/my-success\/reports$/);
        const emery = manager.getByRole('listitem').filter({ has: manager.getByRole('heading', { level: 2, name: 'Emery Employee' }) });
        const shared = emery.getByRole('region', { name: 'What Emery Employee shared' });
        await shared.getByText('Mentor a new hire every week').waitFor();
        await shared.getByText('Ship the calibration tool with no weekend work').waitFor();
        // Everyone else kept theirs private: the manager sees that it is not shared, nothing more.
        const notShared = await manager.getByText('Not shared with you.', { exact: false }).count();
        assert.equal(notShared, before.length - 1, 'every other report is shown as not shared');
        if (viewport === 'desktop') {
          await emery.getByRole('button', { name: 'Edit what I consider success for Emery Employee' }).click();
          await emery.getByRole('button', { name: 'Add a statement' }).click();
          await emery.getByRole('textbox', { name: 'Success for Emery Employee, statement 3' }).fill('Write the calibration runbook');
          await emery.getByRole('button', { name: 'Save' }).click();
          await emery.getByRole('status').filter({ hasText: 'Saved. Emery Employee can read it.' }).waitFor();
          await emery.getByText('Write the calibration runbook').waitFor();
        }
        await noHorizontalScroll(manager);
        await screenshot(manager, `success-${viewport}-reports`);
        await checkA11y(manager);
        assert.deepEqual(pageErrorsOf(manager), []);
      } finally {
        await closePage(manager);
      }
    }

    // The employee sees what the manager added.
    const again = await newPage('desktop');
    try {
      await signInAs(again, 'employee@acme.example', '/my-success');
      await again.getByText('Write the calibration runbook').waitFor();
      await screenshot(again, 'success-desktop-mine');
      await checkA11y(again);
    } finally {
      await closePage(again);
    }

    // HR: their own page only; nothing in their navigation leads to Emery's statements.
    const hr = await newPage('desktop');
    try {
      await signInAs(hr, 'hr@acme.example', '/dashboard');
      await hr.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My success' }).click();
      await hr.getByRole('heading', { level: 2, name: 'What success looks like for me' }).waitFor();
      await hr.getByRole('link', { name: 'My direct reports' }).click();
      await hr.waitForURL(/\/my-success\/reports$/);
      await hr.locator('.report, .card').first().waitFor();
      assert.equal(await hr.getByText('Emery Employee').count(), 0, 'HR’s pages never show Emery');
      assert.equal(await hr.getByText('Mentor a new hire every week').count(), 0);
    } finally {
      await closePage(hr);
    }
    const hrToken = await apiAccessToken('hr@acme.example');
    await assert.rejects(
      apiGraphQL('query ($id: ID!) { reportSuccessAlignment(personId: $id) { theirs } }', { id: emeryBefore.personId }, hrToken),
      /NOT_FOUND|FORBIDDEN/,
      'the API refuses HR another person’s statements',
    );
    const hrReports = (await apiGraphQL<{ myReportsSuccessAlignment: Report[] }>(REPORTS_QUERY, {}, hrToken)).myReportsSuccessAlignment;
    assert.ok(!hrReports.some((r) => r.personId === emeryBefore.personId), 'Emery is not among HR’s direct reports');
  });
});
