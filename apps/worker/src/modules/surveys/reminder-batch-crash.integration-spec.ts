// Kill -9 the worker in the middle of a reminder batch — after the reminders' links are stored
// and before any email, and halfway through the emails — start it again, and count what the
// SMTP sink received: everyone due gets reminder 1, and the only second copies go to people
// whose reminder the server had accepted while its mark was still on its way (the documented
// window: at most REMINDER_LANES per running batch). Those who answered get nothing.
// Runs the built worker (apps/worker/dist) as a real child process, on the real clock: the
// round opened four days ago, so both reminder times of its five days have passed.
import { withTenant } from '@pulsewise/db';
import { parsePulseToken } from '@pulsewise/jobs';
import { tokenFrom } from '../../../../api/src/test-support/smtp-sink.js';
import { anyHourTenant, batchCrashEnv } from '../../../test/support/batch-crash-env.js';
import { exited, stop, waitFor } from '../../../test/support/worker-process.js';
import { REMINDER_LANES, reminderBatchJobId, SEND_REMINDER_BATCH } from './reminder-batch-delivery.js';

const env = batchCrashEnv('reminder_crash');
const { smtp } = env;
const PEOPLE = 60;
const DAY = 86_400_000;

/** A round opened four days ago (five days long) whose invitations all went out when it opened; two people have answered. */
async function sentRound(slug: string) {
  const answered = new Set(Array.from({ length: 2 }, (_, i) => `p${i}@${slug}.test`));
  const opensAt = new Date(Date.now() - 4 * DAY);
  const { tenantId, emails, made: roundId } = await anyHourTenant(env.prisma, slug, PEOPLE, async (tx, { tenantId, rootId }) => {
    const people = await tx.person.findMany({ select: { id: true, email: true } });
    const programme = await tx.pulseProgramme.create({ data: { tenantId, name: 'Weekly', cadence: 'WEEKLY', openDays: 5, questionsPerRound: 3, questionKeys: [], startsAt: new Date(Date.now() + 365 * DAY) } });
    const round = await tx.pulseRound.create({ data: { tenantId, programmeId: programme.id, sequence: 1, status: 'OPEN', opensAt, closesAt: new Date(opensAt.getTime() + 5 * DAY), anonymityThreshold: 5, invitedCount: PEOPLE } });
    await tx.pulseInvitation.createMany({
      data: people.map((p) => ({ tenantId, roundId: round.id, personId: p.id, cellUnitId: rootId, cellLocation: 'ALL', cellTenure: 'ALL', status: 'SENT' as const, sendAt: opensAt, responded: answered.has(p.email) })),
    });
    return round.id;
  });
  return { tenantId, roundId, emails, answered, opensAt };
}

async function invitations(tenantId: string) {
  return withTenant(env.prisma, tenantId, (tx) => tx.pulseInvitation.findMany({ select: { id: true, remindersSent: true, person: { select: { email: true } }, links: { select: { tokenHash: true } } } }));
}

const reminders = (email: string) => smtp.to(email).filter((m) => m.subject.startsWith('Reminder:'));

it.each([
  ['reminder-batch-links-inserted', 'after the links are stored, before any email'],
  ['reminder-batch-half-sent', 'halfway through the emails'],
])('reminds everyone due exactly once, but for the in-flight window, after a kill -9 at %s (%s)', async (point) => {
  const { tenantId, roundId, emails, answered, opensAt } = await sentRound(point.replace(/[^a-z]/g, ''));
  const id = reminderBatchJobId(roundId, 0, 1, 1, opensAt);
  const doomed = env.startWorker(point);
  const death = exited(doomed);
  await env.queue.add(SEND_REMINDER_BATCH, { tenantId, roundId, part: 0, parts: 1, reminder: 1, sentAt: opensAt.toISOString() }, { jobId: id });
  expect(await death).toBe('SIGKILL');

  const before = new Map(emails.map((email) => [email, reminders(email).length]));
  const markedBefore = new Set((await invitations(tenantId)).filter((i) => i.remindersSent >= 1).map((i) => i.person.email));
  if (point === 'reminder-batch-links-inserted') expect([...before.values()].every((n) => n === 0)).toBe(true);

  const survivor = env.startWorker();
  try {
    const due = emails.filter((email) => !answered.has(email));
    await waitFor(async () => (await invitations(tenantId)).filter((i) => i.remindersSent === 1).length === due.length, 'every reminder marked');
    await waitFor(async () => (await env.queue.getJobState(id)) === 'unknown', 'the reminder batch to finish');
    await new Promise((r) => setTimeout(r, 500)); // a duplicate would arrive now

    const window = due.filter((email) => before.get(email)! > 0 && !markedBefore.has(email));
    for (const email of due) expect({ email, reminders: reminders(email).length }).toEqual({ email, reminders: window.includes(email) ? 2 : 1 });
    for (const email of answered) expect(reminders(email)).toEqual([]);
    if (point === 'reminder-batch-links-inserted') expect(window).toEqual([]);
    expect(window.length).toBeLessThanOrEqual(REMINDER_LANES);
    // Nothing but reminders went out, and every latest reminder's link is stored for its invitation.
    expect(smtp.messages.filter((m) => emails.includes(m.to) && !m.subject.startsWith('Reminder:'))).toEqual([]);
    for (const inv of await invitations(tenantId)) {
      if (answered.has(inv.person.email)) continue;
      expect(inv.links.map((l) => l.tokenHash)).toContain(parsePulseToken(tokenFrom(reminders(inv.person.email).at(-1)!))!.tokenHash);
    }
  } finally {
    await stop(survivor);
  }
}, 90_000);
