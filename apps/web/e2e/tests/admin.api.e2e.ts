/**
 * Organisation admin against the real API: a directory import with errors is refused with every
 * problem listed by line; people, org units, policies (the threshold cannot be lowered once
 * rounds have answers — the API's explanation is shown) and pulse programmes.
 * Nothing here changes data other tests read (the import is refused; the policy change is refused).
 */
import assert from 'node:assert/strict';
import { after, beforeEach, describe, it } from 'node:test';
import {
  assertApiReady,
  checkA11y,
  closeBrowser,
  closePage,
  newPage,
  pageErrorsOf,
  screenshot,
  signInAs,
  type ViewportName,
} from '../support';

after(closeBrowser);

const BAD_DIRECTORY = [
  'email,name,orgUnitPath,managerEmail,location,startDate,timezone,roles',
  'not-an-email,Nobody Valid,Engineering/Platform,,Berlin,2024-01-15,Europe/Berlin,EMPLOYEE',
  'new.person@acme.example,New Person,Engineering/Platform,manager@acme.example,Berlin,2024-13-45,Mars/Olympus,EMPLOYEE',
  'other.person@acme.example,Other Person,Engineering/Platform,nobody@acme.example,Berlin,2024-01-15,Europe/Berlin,WIZARD',
].join('\n');

describe('organisation admin (real API, seeded demo organisation)', () => {
  beforeEach(assertApiReady);

  it('imports a directory file with errors and sees every problem by line; nothing is written', async () => {
    const page = await newPage('desktop');
    try {
      await signInAs(page, 'admin@acme.example', '/dashboard');
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }).click();
      await page.waitForURL(/\/admin\/directory$/);
      await page.getByRole('heading', { level: 2, name: 'Import the directory' }).waitFor();
      await checkA11y(page);
      await page.getByLabel('Directory file (CSV)').setInputFiles({ name: 'people.csv', mimeType: 'text/csv', buffer: Buffer.from(BAD_DIRECTORY) });
      await page.getByText('people.csv: 3 people to check.').waitFor();
      await page.getByRole('button', { name: 'Import' }).click();
      await page.getByRole('alert').filter({ hasText: 'Nothing was imported' }).waitFor({ timeout: 30_000 });
      const table = page.getByRole('table', { name: /Problems by line/ });
      await table.waitFor();
      const lines = (await table.locator('tbody tr td:first-child').allInnerTexts()).map(Number);
      assert.ok(lines.includes(2) && lines.includes(3) && lines.includes(4), `each bad line is listed: ${lines}`);
      const problems = await table.locator('tbody tr td:nth-child(3)').allInnerTexts();
      assert.ok(problems.every((p) => p.trim().length > 0), 'every problem is described');
      await screenshot(page, 'admin-desktop-import-errors');
      await checkA11y(page);

      // Nothing was written: the people list does not know the new person.
      await page.getByRole('link', { name: 'People', exact: true }).click();
      await page.getByRole('heading', { level: 2, name: 'People' }).waitFor();
      await page.getByRole('table').waitFor();
      await page.getByLabel('Search by name or email').fill('new.person@acme.example');
      await page.getByText('Nobody matches “new.person@acme.example”.').waitFor();
      await page.getByLabel('Search by name or email').fill('employee@acme.example');
      await page.getByRole('cell', { name: 'employee@acme.example' }).waitFor();
      await page.getByLabel('Search by name or email').fill('');
      await page.getByText(/394 people|\d+ people · page 1 of/).first().waitFor();
      await screenshot(page, 'admin-desktop-people');
      await checkA11y(page);
      assert.deepEqual(pageErrorsOf(page), []);
    } finally {
      await closePage(page);
    }
  });

  for (const viewport of ['desktop', 'mobile'] as ViewportName[]) {
    it(`policies explain the threshold rule and show the API’s refusal to lower it; programmes and org units (${viewport})`, async () => {
      const page = await newPage(viewport);
      try {
        await signInAs(page, 'admin@acme.example', '/dashboard');
        await page.goto('/admin/policies');
        const threshold = page.getByLabel('Anonymity threshold (k)');
        await threshold.waitFor();
        await page.getByText('You can always raise it; you cannot lower it once rounds have answers').waitFor();
        assert.equal(await threshold.inputValue(), '5');
        await screenshot(page, `admin-${viewport}-policies`);
        await checkA11y(page);

        if (viewport === 'desktop') {
          await threshold.fill('3');
          await page.getByRole('button', { name: 'Save policies' }).click();
          const alert = page.getByRole('alert').filter({ hasText: 'Not saved' });
          await alert.waitFor();
          assert.match(await alert.innerText(), /cannot be lowered below 5/);
          await page.reload();
          await page.getByLabel('Anonymity threshold (k)').waitFor();
          assert.equal(await page.getByLabel('Anonymity threshold (k)').inputValue(), '5', 'the threshold did not change');
        }

        await page.goto('/admin/programmes');
        await page.getByRole('heading', { level: 3, name: 'Monthly culture pulse' }).waitFor();
        await page.getByRole('button', { name: 'Show rounds' }).first().click();
        await page.getByRole('table').first().waitFor();
        await screenshot(page, `admin-${viewport}-programmes`);
        const programmesOverflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(programmesOverflow <= 0, `programmes page is ${programmesOverflow}px wider than the viewport`);
        await checkA11y(page);

        await page.goto('/admin/org-units');
        await page.getByRole('cell', { name: 'Engineering/Platform' }).waitFor();
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `page is ${overflow}px wider than the viewport`);
        await screenshot(page, `admin-${viewport}-org-units`);
        await checkA11y(page);
        assert.deepEqual(pageErrorsOf(page), []);
      } finally {
        await closePage(page);
      }
    });
  }
});
