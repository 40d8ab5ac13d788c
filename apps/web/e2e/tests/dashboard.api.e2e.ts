/**
 * The HR leader's dashboard against the real API and the seeded demo organisation: org tree,
 * the latest published release as a heatmap (unit + child units in the API's order), hidden
 * cells with their reason in words, a cut by one dimension, comments, the signals panel area.
 */
import assert from 'node:assert/strict';
import { after, beforeEach, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
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
  type ViewportName,
} from '../support';

after(closeBrowser);

const BELOW_THRESHOLD = /fewer than \d+ responses — hidden to protect anonymity/;

async function heatmapRowHeaders(page: Page): Promise<string[]> {
  return (await page.locator('.heatmap__table tbody th[scope="row"]').allInnerTexts()).map((t) =>
    t.replace(/\s*\(open this unit\)$/, '').trim(),
  );
}

async function pageOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

describe('HR leader dashboard (real API, seeded demo organisation)', () => {
  beforeEach(assertApiReady);

  for (const viewport of ['desktop', 'mobile'] as ViewportName[]) {
    it(`shows the heatmap of the latest published release with hidden cells explained (${viewport})`, async () => {
      const page = await newPage(viewport);
      try {
        await signInAs(page, 'hr@acme.example', '/dashboard');
        await page.getByRole('heading', { level: 2, name: 'Pulse results' }).waitFor();
        const table = page.locator('.heatmap__table');
        await table.waitFor({ timeout: 20_000 });
        assert.equal(await page.getByText('was withheld').count(), 0, 'the latest published release is shown, not a withheld one');

        // Into Engineering, where the Security team (4 people) is below the threshold.
        await page.getByRole('navigation', { name: 'Organisation' }).getByRole('link', { name: 'Engineering', exact: true }).click();
        await page.locator('.heatmap__caption', { hasText: 'Engineering' }).waitFor();
        const rows = await heatmapRowHeaders(page);
        assert.equal(rows[0], 'Engineering — whole unit');

        // The rows are exactly the API's rows, in the API's order (never re-sorted by a value).
        const token = await apiAccessToken('hr@acme.example');
        const { releases } = await apiGraphQL<{ releases: { id: string; status: string }[] }>(
          'query { releases(first: 24) { id status } }',
          {},
          token,
        );
        const latest = releases.find((r) => r.status === 'PUBLISHED');
        assert.ok(latest, 'the seed has a published release');
        const units = await apiGraphQL<{ orgUnits: { id: string; path: string }[] }>('query { orgUnits { id path } }', {}, token);
        const engineering = units.orgUnits.find((u) => u.path === 'Engineering')!;
        const api = await apiGraphQL<{ releaseResults: { rows: { name: string }[] } }>(
          'query R($r: ID!, $u: ID) { releaseResults(releaseId: $r, orgUnitId: $u) { rows { name } } }',
          { r: latest.id, u: engineering.id },
          token,
        );
        assert.equal(rows.length, api.releaseResults.rows.length);
        rows.slice(1).forEach((label, i) => assert.ok(label.startsWith(api.releaseResults.rows[i + 1]!.name), `${label} vs ${api.releaseResults.rows[i + 1]!.name}`));

        // At least one hidden cell, with its reason in words — never a zero.
        const hidden = page.locator('.heatmap__cell--hidden');
        assert.ok((await hidden.count()) > 0, 'at least one hidden cell');
        const reasons = await hidden.allInnerTexts();
        assert.ok(
          reasons.some((t) => BELOW_THRESHOLD.test(t) || /hidden so the hidden group next to it cannot be worked out/.test(t) || /≥|≤/.test(t)),
          `hidden cells say why: ${reasons.slice(0, 3).join(' | ')}`,
        );
        const securityRow = page.locator('.heatmap__row', { has: page.locator('th', { hasText: /^Security/ }) });
        assert.match(await securityRow.innerText(), BELOW_THRESHOLD, 'the 4-person Security team is hidden as below the threshold');
        assert.doesNotMatch(await securityRow.innerText(), /\b0%|\b0\.0\b/, 'a hidden group is never drawn as zero');

        await page.getByRole('heading', { level: 2, name: 'Comments' }).waitFor();
        // Culture signals and KPIs: two separate panels on one month axis, charts with text alternatives.
        const signals = page.getByRole('region', { name: /Culture signals/ });
        const kpis = page.getByRole('region', { name: /Business KPIs/ });
        await signals.locator('figure.series').first().waitFor({ timeout: 20_000 });
        await kpis.waitFor();
        const signalWindow = await signals.locator('.panel__window').innerText();
        assert.equal(await kpis.locator('.panel__window').innerText(), signalWindow, 'both panels share one month window');
        assert.ok((await signals.locator('.series__summary').count()) > 0, 'each chart has a text summary');
        assert.ok((await signals.locator('details.series__table').count()) > 0, 'each chart can be read as a table');
        assert.ok((await pageOverflow(page)) <= 0, 'the page itself never scrolls sideways (the table scrolls in its own region)');
        await screenshot(page, `dashboard-${viewport}-engineering`);
        await checkA11y(page);

        if (viewport === 'desktop') {
          // Cut by each of the release's dimensions: the rows are the API's cut rows, or, where the
          // release holds no split for this unit, the page says so instead of drawing an empty table.
          const split = page.getByLabel('Split by', { exact: true });
          assert.ok((await split.count()) > 0, 'the release offers a split');
          const dimensions = (await split.locator('option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value))).filter(Boolean);
          assert.ok(dimensions.length > 0, 'at least one dimension to split by');
          for (const dimension of dimensions) {
            type CutResults = { releaseResults: { rows: { name: string; dimensionValue: string | null }[] } };
            const cut: CutResults = await apiGraphQL<CutResults>(
              'query R($r: ID!, $u: ID, $d: String) { releaseResults(releaseId: $r, orgUnitId: $u, dimension: $d) { rows { name dimensionValue } } }',
              { r: latest.id, u: engineering.id, d: dimension },
              token,
            );
            await split.selectOption(dimension);
            if (cut.releaseResults.rows.length === 0) {
              await page.getByText(`have no split by ${dimension}`).waitFor();
              assert.equal(await page.locator('.heatmap__table').count(), 0, 'no empty table');
              continue;
            }
            await page.locator('.heatmap__caption', { hasText: `split by ${dimension}` }).waitFor();
            const cutRows = await heatmapRowHeaders(page);
            assert.equal(cutRows.length, cut.releaseResults.rows.length, 'one row per cut row of the API');
            cutRows.forEach((label, i) => {
              const apiRow = cut.releaseResults.rows[i]!;
              assert.ok(label.includes(' · ') && label.includes(apiRow.name), `${label} carries its cut value (${apiRow.name}, ${apiRow.dimensionValue})`);
            });
            await screenshot(page, `dashboard-${viewport}-engineering-cut-${dimension}`);
            await checkA11y(page);
          }
          // No control anywhere sorts or ranks by a value.
          assert.equal(await page.locator('[aria-sort], [class*="rank"], [class*="leaderboard"]').count(), 0);
          assert.equal(await page.getByRole('button', { name: /sort|rank|top|bottom/i }).count(), 0);
        }
        assert.deepEqual(pageErrorsOf(page), []);
      } finally {
        await closePage(page);
      }
    });
  }
});
