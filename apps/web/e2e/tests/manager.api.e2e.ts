/**
 * A manager sees their own subtree only. The API enforces it (orgUnits returns the subtree,
 * other units answer NOT_FOUND); the page says so clearly when another unit is reached by URL.
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

describe('manager view (real API, seeded demo organisation)', () => {
  beforeEach(assertApiReady);

  it('shows only the manager’s own teams, and a clear message for another unit’s URL', async () => {
    const hrToken = await apiAccessToken('hr@acme.example');
    const { orgUnits } = await apiGraphQL<{ orgUnits: { id: string; path: string }[] }>('query { orgUnits { id path } }', {}, hrToken);
    const elsewhere = orgUnits.find((u) => u.path === 'Operations/Manufacturing');
    assert.ok(elsewhere, 'the demo organisation has Operations/Manufacturing');

    const page = await newPage('desktop');
    try {
      await signInAs(page, 'manager@acme.example', '/teams');
      const tree = page.getByRole('navigation', { name: 'Your teams' });
      await tree.waitFor();
      const treeLinks = await tree.getByRole('link').allInnerTexts();
      assert.ok(treeLinks.includes('Platform'), `the manager's own team is in the tree: ${treeLinks}`);
      assert.ok(!treeLinks.includes('Manufacturing') && !treeLinks.includes('Operations'), `nothing outside the subtree: ${treeLinks}`);
      await page.getByRole('heading', { level: 2, name: 'Pulse results' }).waitFor();
      await page.locator('.heatmap__table, .notice').first().waitFor({ timeout: 20_000 });
      await page.locator('section.panel--signals').waitFor({ timeout: 20_000 });
      await screenshot(page, 'teams-desktop');
      await checkA11y(page);

      // Another subtree by URL: a clear message, not a crash, and no figures from it.
      await page.goto(`/teams?unit=${elsewhere.id}`);
      await page.getByRole('heading', { name: 'This unit isn’t available to you' }).waitFor();
      await page.getByText('You can see results for your own part of the organisation only.').waitFor();
      assert.equal(await page.locator('.heatmap__table').count(), 0);
      await screenshot(page, 'teams-desktop-other-unit');
      await checkA11y(page);

      // The API refuses it as well, whatever the page does.
      const managerToken = await apiAccessToken('manager@acme.example');
      const { releases } = await apiGraphQL<{ releases: { id: string }[] }>('query { releases(first: 1) { id } }', {}, managerToken);
      if (releases[0]) {
        await assert.rejects(
          apiGraphQL('query R($r: ID!, $u: ID) { releaseResults(releaseId: $r, orgUnitId: $u) { orgUnitId } }', { r: releases[0].id, u: elsewhere.id }, managerToken),
          /NOT_FOUND/,
        );
      }

      // The dashboard for the whole organisation is not a manager's page.
      await page.goto('/dashboard');
      await page.getByRole('heading', { level: 1, name: 'You don’t have access to this page' }).waitFor();
      assert.deepEqual(pageErrorsOf(page), []);
    } finally {
      await closePage(page);
    }
  });

  it('works on a phone', async () => {
    const page = await newPage('mobile');
    try {
      await signInAs(page, 'manager@acme.example', '/teams');
      await page.getByRole('heading', { level: 2, name: 'Pulse results' }).waitFor();
      await page.locator('.heatmap__table, .notice').first().waitFor({ timeout: 20_000 });
      await page.locator('section.panel--signals').waitFor({ timeout: 20_000 });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `page is ${overflow}px wider than the phone`);
      await screenshot(page, 'teams-mobile');
      await checkA11y(page);
    } finally {
      await closePage(page);
    }
  });
});
