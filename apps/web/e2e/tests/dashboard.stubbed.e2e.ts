/**
 * Dashboard states the seeded API cannot be put into on demand: a withheld release (with its
 * reason), requests that fail (a message a person understands, and a way to retry), and an
 * unknown unit in the URL — answered by stubs in the browser.
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { checkA11y, closeBrowser, closePage, gqlError, newPage, screenshot, stubGraphQL, type StubHandler } from '../support';

after(closeBrowser);

const viewer = {
  personId: 'p-1',
  email: 'hr@acme.example',
  displayName: 'Harper HR',
  roles: ['HR_LEADER'],
  tenant: { id: 't-1', name: 'Acme Robotics', slug: 'acme-robotics', status: 'ACTIVE' },
};
const session = { accessToken: 'stub', accessTokenExpiresAt: new Date(Date.now() + 900_000).toISOString(), viewer };
const units = [
  { id: 'u-root', name: 'Acme Robotics', path: '', depth: 0, parentId: null },
  { id: 'u-eng', name: 'Engineering', path: 'Engineering', depth: 1, parentId: 'u-root' },
];
const withheld = {
  id: 'r-new',
  label: 'Monthly culture pulse · November 2026',
  kind: 'ROUND',
  status: 'WITHHELD',
  withheldReason: 'The privacy check could not protect every small group in this round, so nothing from it is shown.',
  k: 5,
  dimensions: ['location'],
  periodStart: '2026-11-01T06:00:00.000Z',
};
const published = { ...withheld, id: 'r-old', label: 'Monthly culture pulse · October 2026', status: 'PUBLISHED', withheldReason: null, periodStart: '2026-10-01T06:00:00.000Z' };

async function dashboard(handlers: Record<string, StubHandler>, path = '/dashboard') {
  const page = await newPage('desktop');
  await stubGraphQL(page, {
    RefreshSession: () => ({ data: { refreshSession: session } }),
    GetViewer: () => ({ data: { viewer } }),
    GetOrgUnits: () => ({ data: { orgUnits: units } }),
    GetReleaseComments: () => ({ data: { releaseComments: { available: false, threshold: 10, unavailableReason: 'Comments are shown only for groups with at least 10 respondents.', comments: [] } } }),
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
    ...handlers,
  });
  await page.goto(path);
  return page;
}

describe('dashboard states (stubbed API)', () => {
  it('shows a withheld release’s reason, and says the newest one was withheld when showing an older one', async () => {
    const page = await dashboard({
      GetReleases: () => ({ data: { releases: [withheld, published] } }),
      GetReleaseResults: () => gqlError('SERVICE_UNAVAILABLE', 'down'),
    });
    try {
      await page.getByText('The newest results, Monthly culture pulse · November 2026, were withheld').waitFor();
      await page.getByLabel('Period').selectOption('r-new');
      await page.getByText('Monthly culture pulse · November 2026 was withheld').waitFor();
      await page.getByText(withheld.withheldReason).waitFor();
      assert.equal(await page.locator('.heatmap__table').count(), 0, 'nothing of a withheld release is drawn');
      await screenshot(page, 'dashboard-desktop-withheld');
      await checkA11y(page);
    } finally {
      await closePage(page);
    }
  });

  it('failing requests show a message a person understands, with a retry', async () => {
    let fail = true;
    const page = await dashboard({
      GetReleases: () => (fail ? gqlError('SERVICE_UNAVAILABLE', 'redis down') : { data: { releases: [] } }),
    });
    try {
      await page.getByText('Results couldn’t be loaded').waitFor({ timeout: 15_000 });
      await page.getByText('Pulsewise isn’t available right now. Please try again in a few minutes.').waitFor();
      assert.equal(await page.getByText('redis down').count(), 0, 'never the raw server message');
      await screenshot(page, 'dashboard-desktop-error');
      fail = false;
      await page.getByRole('button', { name: 'Try again' }).click();
      await page.getByText('No results yet.').waitFor();
    } finally {
      await closePage(page);
    }
  });

  it('an unknown unit in the URL gets a clear message', async () => {
    const page = await dashboard({ GetReleases: () => ({ data: { releases: [published] } }) }, '/dashboard?unit=does-not-exist');
    try {
      await page.getByRole('heading', { name: 'This unit isn’t available to you' }).waitFor();
      await checkA11y(page);
    } finally {
      await closePage(page);
    }
  });
});
