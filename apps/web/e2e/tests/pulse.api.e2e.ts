/**
 * The whole pulse path against the real API and worker: a tenant admin launches a round of the
 * seeded demo programme, the worker emails invitations (only to people inside their working hours
 * and outside the tenant's quiet hours right now), and a person answers from the link in that
 * email on a phone — once.
 *
 * So that this passes at any hour and on any day, the setup first moves the person whose mail the
 * test reads into a time zone where it is midday now, working every day of the week (test data
 * only — the product's scheduling rules are unchanged).
 */
import assert from 'node:assert/strict';
import { after, beforeEach, describe, it } from 'node:test';
import {
  apiAccessToken,
  apiGraphQL,
  assertApiReady,
  BASE_URL,
  checkA11y,
  closeBrowser,
  closePage,
  middayTimeZone,
  newPage,
  pageErrorsOf,
  screenshot,
  setWorkSchedule,
  signInAs,
  waitForMail,
} from '../support';

/** The person whose invitation the test answers. */
const INVITEE = 'employee@acme.example';

after(closeBrowser);

describe('answering a pulse from the email link (real API and worker)', () => {
  beforeEach(assertApiReady);

  it('admin launches a round; a person answers from the emailed link, once', async () => {
    // Midday for the invitee now, every day a working day: inside working hours, outside quiet hours.
    const viewer = await apiGraphQL<{ viewer: { tenant: { id: string } | null } }>(
      'query { viewer { tenant { id } } }',
      {},
      await apiAccessToken(INVITEE),
    );
    const tenantId = viewer.viewer.tenant?.id;
    assert.ok(tenantId, 'the invitee belongs to an organisation');
    const now = new Date();
    const timeZone = middayTimeZone(now);
    const localHour = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', hourCycle: 'h23', timeZone }).format(now);
    assert.equal(localHour, '12', `it is midday in ${timeZone}`);
    await setWorkSchedule(tenantId, INVITEE, {
      timeZone,
      workingHoursStart: '09:00',
      workingHoursEnd: '17:00',
      workingDays: [1, 2, 3, 4, 5, 6, 7],
    });

    const admin = await newPage('desktop');
    let link: string;
    try {
      await signInAs(admin, 'admin@acme.example', '/dashboard');
      await admin.goto('/admin/programmes');
      const programme = admin.getByRole('listitem').filter({ has: admin.getByRole('heading', { level: 3, name: 'Monthly culture pulse' }) });
      await programme.waitFor();
      const since = new Date();
      await programme.getByRole('button', { name: 'Launch a round now' }).click();
      const outcome = programme.locator('.notice, .alert').first();
      await outcome.waitFor();
      assert.match(await outcome.innerText(), /Round launched\./, 'the round was launched');
      // The worker sends invitations to the people whose working hours (outside quiet hours) are now:
      // the invitee is one of them whatever the time of day or week.
      const mail = await waitForMail({ to: INVITEE, subject: 'Your 2-minute pulse', since, timeoutMs: 60_000 });
      const found = mail.links.find((l) => l.startsWith(`${BASE_URL}/pulse#token=`));
      assert.ok(found, `the email links to the pulse page: ${mail.links.join(', ')}`);
      link = found;
      await programme.getByRole('table').waitFor();
      await screenshot(admin, 'admin-desktop-round-launched');
    } finally {
      await closePage(admin);
    }

    const page = await newPage('mobile');
    try {
      await page.goto(link);
      await page.getByRole('heading', { level: 1, name: 'Your pulse' }).waitFor();
      // Before answering: where the answer counts, and that small groups are never shown.
      const privacy = page.getByRole('region', { name: 'Where your answers count' });
      await privacy.waitFor();
      assert.ok((await privacy.getByRole('listitem').count()) >= 1, 'lists the groups the answer counts in');
      await privacy.getByText(/Smaller groups are never shown/).waitFor();
      await screenshot(page, 'pulse-mobile-form');
      await checkA11y(page);

      // Keyboard only for the first question: Tab into the radio group, arrows to choose.
      const groups = page.locator('fieldset.pulse-question');
      const count = await groups.count();
      assert.ok(count >= 1, 'the round has questions');
      await groups.first().locator('input[type=radio]').first().focus();
      await page.keyboard.press('ArrowRight');
      assert.equal(await groups.first().locator('input[type=radio]:checked').count(), 1, 'arrow keys choose an answer');
      for (let i = 1; i < count; i++) {
        const options = groups.nth(i).locator('label.pulse-scale__option');
        await options.nth(Math.min(3, (await options.count()) - 1)).click();
      }
      const comment = page.locator('textarea');
      if ((await comment.count()) > 0) await comment.fill('More focus time on Fridays would help.');
      await page.getByRole('button', { name: 'Send my answers' }).click();
      await page.getByRole('heading', { level: 1, name: 'Thank you — your answers were received' }).waitFor();
      await screenshot(page, 'pulse-mobile-thanks');
      await checkA11y(page);

      // The same link again: already used, said plainly.
      await page.goto(link);
      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'You have already answered this pulse' }).waitFor();
      await screenshot(page, 'pulse-mobile-already-answered');
      await checkA11y(page);
      assert.deepEqual(pageErrorsOf(page), []);
    } finally {
      await closePage(page);
    }
  });

  it('says plainly when a link is wrong or incomplete', async () => {
    const page = await newPage('mobile');
    try {
      await page.goto('/pulse#token=not-a-real-token');
      await page.getByRole('heading', { level: 1, name: 'This link doesn’t work' }).waitFor();
      await screenshot(page, 'pulse-mobile-invalid-link');
      await checkA11y(page);
      await page.goto('/pulse');
      await page.getByRole('heading', { level: 1, name: 'This link is incomplete' }).waitFor();
    } finally {
      await closePage(page);
    }
  });
});
