/**
 * Signals and KPIs in the admin area against the real API: the signal catalogue with healthy
 * ranges, a new imported signal, a signal CSV refused with every problem by line and then a valid
 * one (months audited, published, withheld), re-auditing, import keys (secret shown once, revoke),
 * KPIs with a refused CSV. HR leaders get the signal and KPI pages but not import keys.
 * Only a signal of the test's own is imported, so no other test's figures change.
 */
import assert from 'node:assert/strict';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, beforeEach, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import {
  assertApiReady,
  BASE_URL,
  checkA11y,
  closeBrowser,
  closePage,
  newPage,
  pageErrorsOf,
  screenshot,
  signInAs,
} from '../support';

after(closeBrowser);

const dir = mkdtempSync(join(tmpdir(), 'pw-signals-'));
function csvFile(name: string, lines: string[]): string {
  const path = join(dir, name);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

function lastMonth(): string {
  const now = new Date();
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

async function noHorizontalScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page is ${overflow}px wider than the viewport`);
}

async function openTab(page: Page, label: string, path: string) {
  await page.getByRole('navigation', { name: 'Admin sections' }).getByRole('link', { name: label }).click();
  await page.waitForURL(new RegExp(`/admin/${path}$`));
  await page.getByRole('heading', { level: 1, name: new RegExp(label) }).waitFor();
}

describe('signals and KPIs (real API, seeded demo organisation)', () => {
  beforeEach(assertApiReady);

  it('admin adds a signal, imports a file with bad rows (listed by line), then a valid one', async () => {
    const month = lastMonth();
    const page = await newPage('desktop');
    try {
      await signInAs(page, 'admin@acme.example', '/dashboard');
      await page.goto('/admin/signals');
      await page.getByRole('heading', { level: 2, name: 'Signal catalogue' }).waitFor();
      // Healthy range for a built-in signal.
      const timeOff = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name: 'Time off taken' }) });
      await timeOff.getByRole('button', { name: 'Set healthy range for Time off taken' }).click();
      await timeOff.getByLabel('Lower end').fill('20');
      await timeOff.getByLabel('Upper end').fill('');
      await timeOff.getByRole('button', { name: 'Save range' }).click();
      await timeOff.getByText(/^At least 20 /).waitFor();

      // A signal of our own, so the import below changes nothing other tests read.
      const form = page.getByRole('region', { name: 'Add an imported signal' });
      await form.getByLabel('Name').fill('Training hours');
      await form.getByLabel('Key').fill('training_hours_e2e');
      await form.getByLabel('Unit').fill('hours per person-month');
      await form.getByLabel('Description').fill('Hours of paid training per person and month.');
      await form.getByLabel('Smallest possible value (optional)').fill('0');
      await form.getByLabel('Largest possible value (optional)').fill('160');
      await form.getByRole('button', { name: 'Add signal' }).click();
      await form.getByRole('status').filter({ hasText: '“Training hours” was added.' }).waitFor();
      await page.getByRole('heading', { level: 3, name: 'Training hours' }).waitFor();
      await noHorizontalScroll(page);
      await screenshot(page, 'signals-desktop-catalogue');
      await checkA11y(page);

      await openTab(page, 'Signal import', 'signal-import');
      const bad = csvFile('bad-signals.csv', [
        'signal,orgUnitPath,month,value,n',
        `training_hours_e2e,Engineering/Platform,${month},12.5,10`,
        `no_such_signal,Engineering/Platform,${month},3,10`,
        `break_taking,Engineering/Platform,${month},3,10`,
        `training_hours_e2e,Engineering/Nowhere,${month},3,10`,
        `training_hours_e2e,Engineering/Platform,2999-01,lots,2`,
      ]);
      await page.getByLabel('Signal observations (CSV)').setInputFiles(bad);
      await page.getByText('bad-signals.csv: 5 lines to check.').waitFor();
      await page.getByRole('button', { name: 'Import', exact: true }).click();
      await page.getByRole('alert').filter({ hasText: /Nothing was imported: \d+ problems in 5 lines read/ }).waitFor();
      const table = page.getByRole('table', { name: /Problems by line/ });
      const rows = await table.locator('tbody tr').allInnerTexts();
      const lines = rows.map((r) => Number(r.split('\t')[0]));
      assert.deepEqual([...new Set(lines)], [3, 4, 5, 6], `problems by line: ${rows.join(' | ')}`);
      assert.ok(rows.some((r) => /Unknown signal "no_such_signal"/.test(r)), 'unknown signal explained');
      assert.ok(rows.some((r) => /comes from pulse answers/.test(r)), 'pulse signal explained');
      assert.ok(rows.some((r) => r.startsWith('6') && /anonymity threshold/.test(r)), 'too few people explained');
      await screenshot(page, 'signals-desktop-import-errors');
      await checkA11y(page);

      const good = csvFile('signals.csv', ['signal,orgUnitPath,month,value,n', `training_hours_e2e,Engineering/Platform,${month},12.5,10`]);
      await page.getByLabel('Signal observations (CSV)').setInputFiles(good);
      await page.getByRole('button', { name: 'Import', exact: true }).click();
      const done = page.getByRole('status').filter({ hasText: 'Imported 1 line.' });
      await done.waitFor({ timeout: 60_000 });
      await done.getByText('1 signal-month audited').waitFor();
      await done.getByText(/published/).waitFor();
      await done.getByText(/withheld/).waitFor();
      assert.equal(await page.getByRole('table', { name: /Problems by line/ }).count(), 0, 'the error table is gone');

      await page.getByRole('button', { name: 'Audit imported months again' }).click();
      await page.getByRole('status').filter({ hasText: 'Audited again.' }).waitFor({ timeout: 60_000 });
      await screenshot(page, 'signals-desktop-import-done');
      await checkA11y(page);
      assert.deepEqual(pageErrorsOf(page), []);
    } finally {
      await closePage(page);
    }
  });

  it('admin creates an import key (secret once, with usage), revokes it; KPIs with a refused CSV', async () => {
    for (const viewport of ['desktop', 'mobile'] as const) {
      const page = await newPage(viewport);
      try {
        await signInAs(page, 'admin@acme.example', '/dashboard');
        await page.goto('/admin/import-keys');
        await page.getByRole('heading', { level: 2, name: 'Create an import key' }).waitFor();
        await page.getByLabel('Key name').fill(`Workday sync (${viewport})`);
        await page.getByRole('button', { name: 'Create key' }).click();
        const secret = page.locator('.secret');
        await secret.getByText('Copy the secret now — it is never shown again.', { exact: false }).waitFor();
        const value = (await secret.getByLabel('Secret').innerText()).trim();
        assert.ok(value.length >= 16, 'the secret is shown');
        assert.match(await secret.getByLabel('Example request').innerText(), new RegExp(`Authorization: Bearer ${value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
        await secret.getByRole('button', { name: 'Copy secret' }).waitFor();
        await noHorizontalScroll(page);
        await screenshot(page, `signals-${viewport}-import-key`);
        await checkA11y(page);
        // The usage shown works: the key is accepted (a file with a bad line is refused by line, nothing written).
        const post = (secretValue: string) =>
          fetch(`${BASE_URL}/api/signal-observations`, {
            method: 'POST',
            headers: { authorization: `Bearer ${secretValue}`, 'content-type': 'text/csv' },
            body: 'signal,orgUnitPath,month,value,n\nno_such_signal,Engineering/Platform,2026-01,3,10\n',
          });
        const refused = await post(value);
        assert.equal(refused.status, 422, 'a file with a bad line is refused');
        const body = (await refused.json()) as { ok: boolean; errors: { row: number }[] };
        assert.equal(body.ok, false);
        assert.deepEqual(body.errors.map((e) => e.row), [2]);
        const item = page.getByRole('listitem').filter({ hasText: `Workday sync (${viewport})` });
        await item.getByRole('button', { name: `Revoke Workday sync (${viewport})` }).click();
        await item.getByRole('button', { name: 'Yes, revoke' }).click();
        await item.getByText(/^Revoked /).waitFor();
        assert.equal((await post(value)).status, 401, 'a revoked key is refused');
        // After a reload the secret is gone for good.
        await page.reload();
        await page.getByRole('heading', { level: 2, name: 'Import keys' }).waitFor();
        assert.equal(await page.getByText(value).count(), 0, 'the secret is never shown again');

        await page.goto('/admin/kpis');
        await page.getByRole('heading', { level: 2, name: 'KPIs' }).waitFor();
        await page.locator('.signal').first().waitFor();
        if (viewport === 'desktop') {
          const bad = csvFile('bad-kpis.csv', ['kpi,month,value', 'no_such_kpi,2026-01,3', 'x,13-2026,abc']);
          await page.getByLabel('KPI figures (CSV)').setInputFiles(bad);
          await page.getByRole('button', { name: 'Import', exact: true }).click();
          await page.getByRole('alert').filter({ hasText: /Nothing was imported/ }).waitFor();
          const rows = await page.getByRole('table', { name: /Problems by line/ }).locator('tbody tr').allInnerTexts();
          assert.ok(rows.some((r) => r.startsWith('2') && /Unknown KPI "no_such_kpi"/.test(r)), rows.join(' | '));
          assert.ok(rows.some((r) => r.startsWith('3')), 'line 3 has its problems');
          const first = page.locator('.signal').first();
          await first.getByRole('button', { name: /^Monthly figures/ }).click();
          await first.getByRole('table').waitFor();
        }
        await noHorizontalScroll(page);
        await screenshot(page, `signals-${viewport}-kpis`);
        await checkA11y(page);

        if (viewport === 'mobile') {
          await page.goto('/admin/signal-import');
          await page.getByRole('heading', { level: 2, name: 'Import signal observations' }).waitFor();
          await noHorizontalScroll(page);
          await screenshot(page, 'signals-mobile-import');
          await checkA11y(page);
          await page.goto('/admin/signals');
          await page.getByRole('heading', { level: 2, name: 'Signal catalogue' }).waitFor();
          await page.locator('.signal').first().waitFor();
          await noHorizontalScroll(page);
          await screenshot(page, 'signals-mobile-catalogue');
          await checkA11y(page);
        }
        assert.deepEqual(pageErrorsOf(page), []);
      } finally {
        await closePage(page);
      }
    }
  });

  it('HR leaders get signals and KPIs in the admin area, nothing else', async () => {
    const page = await newPage('mobile');
    try {
      await signInAs(page, 'hr@acme.example', '/dashboard');
      await page.goto('/admin');
      await page.waitForURL(/\/admin\/signals$/);
      // The admin area loads lazily: read its sections once the page has rendered.
      await page.getByRole('heading', { level: 2, name: 'Signal catalogue' }).waitFor();
      const tabs = await page.getByRole('navigation', { name: 'Admin sections' }).getByRole('link').allTextContents();
      assert.deepEqual(tabs, ['Signals', 'Signal import', 'KPIs']);
      await page.goto('/admin/directory');
      await page.waitForURL(/\/admin\/signals$/);
    } finally {
      await closePage(page);
    }
  });
});
