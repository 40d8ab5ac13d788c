/**
 * Platform admin against the real API: the organisations list, creating one, inviting its first
 * admin (the email arrives in the SMTP sink), suspending and reactivating it.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
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
  waitForMail,
} from '../support';

after(closeBrowser);

describe('platform admin (real API)', () => {
  beforeEach(assertApiReady);

  it('creates an organisation, invites its first admin, suspends and reactivates it', async () => {
    const suffix = randomBytes(3).toString('hex');
    const name = `Globex ${suffix}`;
    const adminEmail = `first.admin.${suffix}@globex.example`;
    const page = await newPage('desktop');
    try {
      await signInAs(page, 'platform@pulsewise.example', '/platform/tenants');
      await page.getByRole('heading', { level: 3, name: 'Acme Robotics' }).waitFor();
      await screenshot(page, 'platform-desktop-tenants');
      await checkA11y(page);

      await page.getByLabel('Name', { exact: true }).fill(name);
      assert.equal(await page.getByLabel('Sign-in name').inputValue(), `globex-${suffix}`);
      await page.getByRole('button', { name: 'Create organisation' }).click();
      await page.getByText(`${name} was created.`).waitFor();
      const item = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name }) });
      await item.waitFor();

      const since = new Date();
      await item.getByRole('button', { name: 'Invite an admin' }).click();
      await item.getByLabel('Their name').fill('First Admin');
      await item.getByLabel('Their email address').fill(adminEmail);
      await item.getByRole('button', { name: 'Send invitation' }).click();
      await item.getByText(`Invitation sent to ${adminEmail}.`).waitFor();
      const mail = await waitForMail({ to: adminEmail, since });
      const invitation = mail.links.find((l) => l.includes('/invitation#token='));
      assert.ok(invitation, 'the invitation email carries a set-password link');

      // The new admin sets a password from the link and lands in their (empty) organisation.
      const invited = await newPage('mobile');
      try {
        await invited.goto(invitation);
        await invited.getByRole('heading', { level: 1, name: 'Set your password' }).waitFor();
        await invited.getByLabel('New password').fill('short');
        await invited.getByLabel('The same password again').fill('short');
        await invited.getByRole('button', { name: 'Set password and sign in' }).click();
        await invited.getByText('Use at least 12 characters.', { exact: false }).waitFor();
        await screenshot(invited, 'invitation-mobile-set-password');
        await checkA11y(invited);
        await invited.getByLabel('New password').fill('globex first admin password');
        await invited.getByLabel('The same password again').fill('globex first admin password');
        await invited.getByRole('button', { name: 'Set password and sign in' }).click();
        await invited.waitForURL(/\/dashboard/);
        await invited.getByRole('banner').getByText(name).waitFor();
        await invited.getByText(/There are no units to show yet|No results yet/).first().waitFor();
        await screenshot(invited, 'invitation-mobile-new-admin-dashboard');
      } finally {
        await closePage(invited);
      }

      await item.getByRole('button', { name: 'Suspend' }).click();
      await item.getByRole('button', { name: `Yes, suspend ${name}` }).click();
      await item.getByText('Suspended', { exact: true }).waitFor();
      await screenshot(page, 'platform-desktop-suspended');
      await item.getByRole('button', { name: 'Reactivate' }).click();
      await item.getByText('Active', { exact: true }).waitFor();
      await checkA11y(page);
      assert.deepEqual(pageErrorsOf(page), []);
    } finally {
      await closePage(page);
    }
  });

  it('lists organisations on a phone', async () => {
    const page = await newPage('mobile');
    try {
      await signInAs(page, 'platform@pulsewise.example', '/platform/tenants');
      await page.getByRole('heading', { level: 3, name: 'Acme Robotics' }).waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `page is ${overflow}px wider than the phone`);
      await screenshot(page, 'platform-mobile-tenants');
      await checkA11y(page);
    } finally {
      await closePage(page);
    }
  });
});
