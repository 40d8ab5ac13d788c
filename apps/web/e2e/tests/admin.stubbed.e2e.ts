/**
 * Organisation admin forms whose effects the shared seeded API should not get in these tests
 * (a new programme schedules real rounds; pausing changes what other tests see): the requests
 * the page sends are checked against stubs.
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { checkA11y, closeBrowser, closePage, gqlError, newPage, screenshot, stubGraphQL } from '../support';

after(closeBrowser);

const viewer = {
  personId: 'p-1',
  email: 'admin@acme.example',
  displayName: 'Alex Admin',
  roles: ['TENANT_ADMIN'],
  tenant: { id: 't-1', name: 'Acme Robotics', slug: 'acme', status: 'ACTIVE' },
};
const session = { accessToken: 'stub', accessTokenExpiresAt: new Date(Date.now() + 900_000).toISOString(), viewer };
const programme = {
  id: 'prog-1',
  name: 'Monthly culture pulse',
  cadence: 'MONTHLY',
  status: 'ACTIVE',
  openDays: 7,
  questionsPerRound: 6,
  questionKeys: ['breaks', 'energy', 'workload', 'after_hours', 'flexibility', 'time_off'],
  audienceUnitIds: ['u-root'],
  excludedUnitIds: [],
  startsAt: '2026-06-01T06:00:00.000Z',
};
const questions = ['breaks', 'energy', 'workload', 'after_hours'].map((key, i) => ({
  id: `q-${i}`,
  key,
  text: `Question about ${key.replace('_', ' ')}`,
  type: 'AGREEMENT_5',
  active: true,
}));

describe('pulse programmes (stubbed API)', () => {
  it('creates a programme with what the form says, pauses and resumes one, and explains a refused launch', async () => {
    const sent: Record<string, unknown>[] = [];
    let status = 'ACTIVE';
    const page = await newPage('desktop');
    await stubGraphQL(page, {
      RefreshSession: () => ({ data: { refreshSession: session } }),
      GetViewer: () => ({ data: { viewer } }),
      GetPulseProgrammes: () => ({ data: { pulseProgrammes: [{ ...programme, status }] } }),
      GetQuestions: () => ({ data: { questions } }),
      GetOrgUnits: () => ({
        data: {
          orgUnits: [
            { id: 'u-root', name: 'Acme Robotics', path: '', depth: 0, parentId: null },
            { id: 'u-eng', name: 'Engineering', path: 'Engineering', depth: 1, parentId: 'u-root' },
          ],
        },
      }),
      CreatePulseProgramme: (variables) => {
        sent.push(variables);
        return { data: { createPulseProgramme: { ...programme, id: 'prog-2', name: 'Engineering check-in' } } };
      },
      PausePulseProgramme: () => {
        status = 'PAUSED';
        return { data: { pausePulseProgramme: { ...programme, status } } };
      },
      ResumePulseProgramme: () => {
        status = 'ACTIVE';
        return { data: { resumePulseProgramme: { ...programme, status } } };
      },
      LaunchPulseRound: () => gqlError('CONFLICT', 'A round of this programme is open until 1 December. Launch the next one after it closes.'),
    });
    try {
      await page.goto('/admin/programmes');
      await page.getByRole('heading', { level: 3, name: 'Monthly culture pulse' }).waitFor();

      await page.getByRole('button', { name: 'Pause' }).click();
      await page.getByText('Paused', { exact: true }).waitFor();
      await page.getByRole('button', { name: 'Resume' }).click();
      await page.getByText('Active', { exact: true }).waitFor();

      await page.getByRole('button', { name: 'Launch a round now' }).click();
      await page.getByRole('alert').getByText('A round of this programme is open until 1 December.', { exact: false }).waitFor();

      await page.getByRole('button', { name: 'New programme' }).click();
      await page.getByRole('button', { name: 'Create programme' }).click();
      await page.getByRole('alert').getByText('Give the programme a name of 2 to 120 characters.').waitFor();
      await page.getByLabel('Name').fill('Engineering check-in');
      await page.getByLabel('How often').selectOption('BIWEEKLY');
      await page.getByLabel('Days open (1–28)').fill('4');
      await page.getByLabel('Questions per round (3–8)').fill('3');
      await page.getByLabel('Who is asked').selectOption('u-eng');
      await page.getByLabel('Question about energy').uncheck();
      await screenshot(page, 'admin-desktop-new-programme');
      await checkA11y(page);
      await page.getByRole('button', { name: 'Create programme' }).click();
      await page.getByRole('heading', { level: 2, name: 'New pulse programme' }).waitFor({ state: 'detached' });
      assert.deepEqual(sent, [
        {
          input: {
            name: 'Engineering check-in',
            cadence: 'BIWEEKLY',
            openDays: 4,
            questionsPerRound: 3,
            questionKeys: ['breaks', 'workload', 'after_hours'],
            audienceUnitIds: ['u-eng'],
            excludedUnitIds: [],
          },
        },
      ]);
    } finally {
      await closePage(page);
    }
  });
});
