// Kill -9 the worker in the middle of a batch of invitations — after the links are stored and
// before any email, halfway through the emails, and after every mark but before the reminders
// are queued — start it again, and count what the SMTP sink received: nobody is ever left
// without an invitation, nobody marked SENT is ever emailed again, and the only second emails
// go to people whose email the server had accepted while the mark was still on its way (the
// one window a crash can hit, as with one job per person).
// Runs the built worker (apps/worker/dist) as a real child process.
import { withTenant } from '@pulsewise/db';
import { enqueue, JobName, jobId, parsePulseToken } from '@pulsewise/jobs';
import { tokenFrom } from '../../../../api/src/test-support/smtp-sink.js';
import { anyHourTenant, batchCrashEnv } from '../../../test/support/batch-crash-env.js';
import { exited, stop, waitFor as waitUntil } from '../../../test/support/worker-process.js';
import { SEND_CONCURRENCY } from './invitation-batch-delivery.js';
import { reminderBatchJobId } from './reminder-batch-delivery.js';

const env = batchCrashEnv('batch_crash');
const { smtp } = env;
const PEOPLE = 60;
const waitFor = (check: () => Promise<boolean>, what: string, timeoutMs = 30_000) => waitUntil(check, what, timeoutMs);

/** A tenant whose people may all be pinged at any hour, with a weekly programme for all of them. */
async function tenant(slug: string): Promise<{ tenantId: string; programmeId: string; emails: string[] }> {
  const { tenantId, emails, made: programmeId } = await anyHourTenant(env.prisma, slug, PEOPLE, async (tx, { tenantId, rootId }) => {
    const p = await tx.pulseProgramme.create({ data: { tenantId, name: 'Weekly', cadence: 'WEEKLY', openDays: 5, questionsPerRound: 3, questionKeys: ['energy', 'breaks', 'comment'], startsAt: new Date(Date.now() + 365 * 86_400_000) } });
    await tx.programmeAudience.create({ data: { tenantId, programmeId: p.id, orgUnitId: rootId } });
    return p.id;
  });
  return { tenantId, programmeId, emails };
}

async function invitations(tenantId: string) {
  return withTenant(env.prisma, tenantId, async (tx) =>
    tx.pulseInvitation.findMany({ select: { id: true, status: true, sendAt: true, person: { select: { email: true } }, links: { select: { tokenHash: true } } } }),
  );
}

const received = (emails: readonly string[]) => new Map(emails.map((email) => [email, smtp.to(email).length]));

it.each([
  ['invitation-batch-links-inserted', 'after the links are stored, before any email'],
  ['invitation-batch-half-sent', 'halfway through the emails'],
  ['invitation-batch-marked', 'after every mark, before the reminders are queued'],
])('never loses an invitation and never resends a marked one after a kill -9 at %s (%s)', async (point) => {
  const { tenantId, programmeId, emails } = await tenant(point.replace(/[^a-z]/g, ''));
  const doomed = env.startWorker(point);
  const death = exited(doomed);
  await enqueue(env.queue, JobName.LAUNCH_ROUND, { tenantId, programmeId, manual: true });
  expect(await death).toBe('SIGKILL');

  // What the crash left: emails the sink took, invitations marked SENT.
  const before = received(emails);
  const markedBefore = new Set((await invitations(tenantId)).filter((i) => i.status === 'SENT').map((i) => i.person.email));
  if (point === 'invitation-batch-links-inserted') expect([...before.values()].every((n) => n === 0)).toBe(true);
  if (point === 'invitation-batch-marked') expect(markedBefore.size).toBe(PEOPLE);

  const survivor = env.startWorker();
  try {
    // The batch the dead worker held is retried once its lock lapses.
    await waitFor(async () => (await invitations(tenantId)).every((i) => i.status === 'SENT'), 'every invitation marked');
    const [round] = await withTenant(env.prisma, tenantId, (tx) => tx.pulseRound.findMany({ select: { id: true } }));
    await waitFor(async () => (await env.queue.getJobState(`invites-${round!.id}-0of1`)) === 'unknown', 'the batch to finish');
    await new Promise((r) => setTimeout(r, 500)); // a duplicate would arrive now

    const after = received(emails);
    const window = emails.filter((email) => before.get(email)! > 0 && !markedBefore.has(email));
    for (const email of emails) {
      // Accepted by SMTP but not yet marked when the process died: the retry sends it again.
      expect({ email, emails: after.get(email) }).toEqual({ email, emails: window.includes(email) ? 2 : 1 });
    }
    if (point !== 'invitation-batch-half-sent') expect(window).toEqual([]);
    // Only emails whose mark was in flight can be in the window: at most one per sending lane.
    expect(window.length).toBeLessThanOrEqual(SEND_CONCURRENCY);

    // Every invitation's latest email carries a link stored for it.
    for (const inv of await invitations(tenantId)) {
      const mails = smtp.to(inv.person.email);
      expect(inv.links.map((l) => l.tokenHash)).toContain(parsePulseToken(tokenFrom(mails.at(-1)!))!.tokenHash);
    }
    // The reminders are queued — one job per reminder for each run's sends — even when the dead
    // run had marked everyone before queueing them.
    for (const inv of await invitations(tenantId)) {
      expect(await env.queue.getJobState(reminderBatchJobId(round!.id, 0, 1, 1, inv.sendAt!))).toBe('delayed');
      expect(await env.queue.getJobState(jobId.reminder(inv.id, 1))).toBe('unknown');
    }
  } finally {
    await stop(survivor);
  }
}, 90_000);
