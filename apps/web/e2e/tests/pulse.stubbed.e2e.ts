/**
 * The pulse page's states that the real API cannot be put into on demand: a closed round, a link
 * used in another tab meanwhile (CONFLICT on submit), a round closing while answering
 * (PULSE_CLOSED), the API unreachable — answered by stubs in the browser.
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { checkA11y, closeBrowser, closePage, gqlError, newPage, screenshot, stubGraphQL, type StubHandler } from '../support';

after(closeBrowser);

const openForm = {
  organizationName: 'Acme Robotics',
  state: 'OPEN',
  closesAt: new Date(Date.now() + 5 * 86_400_000).toISOString(),
  anonymityThreshold: 5,
  countsIn: ['Acme Robotics (whole organisation)', 'Engineering', 'Engineering/Platform', 'Location: Berlin'],
  questions: [
    { id: 'q1', text: 'I was able to take real breaks during my working day.', type: 'AGREEMENT_5', min: 1, max: 5 },
    { id: 'q2', text: 'How likely are you to recommend working here to a friend?', type: 'ENPS_0_10', min: 0, max: 10 },
    { id: 'q3', text: 'Did you work outside your working hours this week?', type: 'YES_NO', min: 0, max: 1 },
    { id: 'q4', text: 'Anything else you want to tell us?', type: 'COMMENT', min: null, max: null },
  ],
};

async function pulsePage(viewport: 'mobile' | 'desktop', handlers: Record<string, StubHandler>) {
  const page = await newPage(viewport);
  await stubGraphQL(page, { RefreshSession: () => gqlError('UNAUTHENTICATED'), ...handlers });
  await page.goto('/pulse#token=stub-token');
  return page;
}

describe('pulse page states (stubbed API)', () => {
  it('lays out all question types at both sizes and keeps answers when the API is down', async () => {
    for (const viewport of ['mobile', 'desktop'] as const) {
      let down = false;
      const page = await pulsePage(viewport, {
        GetPulse: () => ({ data: { pulse: openForm } }),
        SubmitPulse: () => (down ? 'abort' : { data: { submitPulse: { received: true, message: 'Thank you.' } } }),
      });
      try {
        await page.getByRole('heading', { level: 1, name: 'Your pulse' }).waitFor();
        await page.getByText('Location: Berlin').waitFor();
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `page is ${overflow}px wider than the viewport`);
        await screenshot(page, `pulse-${viewport}-all-question-types`);
        await checkA11y(page);

        // Nothing answered: asked to answer something, nothing sent.
        await page.getByRole('button', { name: 'Send my answers' }).click();
        await page.getByRole('alert').getByText('Answer at least one question before sending.').waitFor();

        await page.getByLabel('Agree', { exact: true }).check();
        down = true;
        await page.getByRole('button', { name: 'Send my answers' }).click();
        await page.getByRole('alert').getByText('Your answers weren’t sent').waitFor();
        assert.equal(await page.getByLabel('Agree', { exact: true }).isChecked(), true, 'answers are kept');
        down = false;
        await page.getByRole('button', { name: 'Send my answers' }).click();
        await page.getByRole('heading', { level: 1, name: 'Thank you — your answers were received' }).waitFor();
      } finally {
        await closePage(page);
      }
    }
  });

  it('explains a link used meanwhile (CONFLICT) and a round that closed while answering (PULSE_CLOSED)', async () => {
    for (const [code, title] of [
      ['CONFLICT', 'This link was already used'],
      ['PULSE_CLOSED', 'This pulse has closed'],
    ] as const) {
      const page = await pulsePage('mobile', {
        GetPulse: () => ({ data: { pulse: openForm } }),
        SubmitPulse: () => gqlError(code, 'refused'),
      });
      try {
        await page.getByLabel('Yes', { exact: true }).check();
        await page.getByRole('button', { name: 'Send my answers' }).click();
        await page.getByRole('alert').getByText(title).waitFor();
        assert.equal(await page.getByRole('button', { name: 'Send my answers' }).count(), 0, 'no second attempt is offered');
        await screenshot(page, `pulse-mobile-submit-${code.toLowerCase()}`);
        await checkA11y(page);
      } finally {
        await closePage(page);
      }
    }
  });

  it('says when the round has closed before the link was opened', async () => {
    const page = await pulsePage('mobile', { GetPulse: () => ({ data: { pulse: { ...openForm, state: 'CLOSED', questions: [] } } }) });
    try {
      await page.getByRole('heading', { level: 1, name: 'This pulse has closed' }).waitFor();
      await screenshot(page, 'pulse-mobile-closed');
      await checkA11y(page);
    } finally {
      await closePage(page);
    }
  });
});
