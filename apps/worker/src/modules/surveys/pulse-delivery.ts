// Sending one invitation or reminder: the per-person jobs of rounds launched before invitations
// and reminders were batched (invitation-batch-delivery.ts and reminder-batch-delivery.ts send
// everything queued since).
// Each send re-checks, at the moment it runs, that the person may be pinged now (a
// job delayed by an outage must not fire during someone's night): if not, the job is
// pushed to their next deliverable time.
import { Injectable } from '@nestjs/common';
import { DelayedError, type Job } from 'bullmq';
import { withTenant } from '@pulsewise/db';
import { JobName, jobId, newPulseToken } from '@pulsewise/jobs';
import { Clock } from '../../common/clock.js';
import { WorkerDb } from '../../common/infrastructure.js';
import { isDeliverable, nextDeliveryTime, reminderTimes } from './delivery-window.js';
import { PulseMail } from './pulse-mail.js';
import { SurveyQueue } from './survey-queue.js';

type Kind = { kind: 'invitation' } | { kind: 'reminder'; n: 1 | 2 };

@Injectable()
export class PulseDelivery {
  constructor(
    private readonly db: WorkerDb,
    private readonly surveys: SurveyQueue,
    private readonly mail: PulseMail,
    private readonly clock: Clock,
  ) {}

  async deliver(job: Job, token: string | undefined, tenantId: string, invitationId: string, what: Kind): Promise<string> {
    const now = this.clock.now();
    // One transaction reads the invitation and decides; when it may go out now, the same
    // transaction stores a fresh single-use link (only its hash), committed before the email
    // goes out, so the link in the email always works. A retry makes a new one.
    const decision = await withTenant(this.db.client, tenantId, async (tx) => {
      const invitation = await tx.pulseInvitation.findUnique({
        where: { tenantId_id: { tenantId, id: invitationId } },
        select: {
          status: true, responded: true, remindersSent: true,
          person: { select: { email: true, displayName: true, active: true, timeZone: true, workingHoursStart: true, workingHoursEnd: true, workingDays: true } },
          round: { select: { id: true, status: true, opensAt: true, closesAt: true, tenant: { select: { name: true, policy: true } } } },
        },
      });
      if (!invitation) return { outcome: 'gone' } as const;
      const { person, round } = invitation;
      const policy = round.tenant.policy!;
      const quiet = { quietHoursStart: policy.quietHoursStart, quietHoursEnd: policy.quietHoursEnd };

      if (round.status !== 'OPEN' || round.closesAt <= now || !person.active) return { outcome: 'not-needed' } as const;
      if (what.kind === 'invitation' && invitation.status !== 'SCHEDULED') return { outcome: 'already-sent' } as const;
      if (what.kind === 'reminder' && (invitation.responded || invitation.status !== 'SENT' || invitation.remindersSent >= what.n)) return { outcome: 'not-needed' } as const;
      if (!isDeliverable(person, quiet, now)) return { outcome: 'later', next: nextDeliveryTime(person, quiet, now, round.closesAt) } as const;

      const link = newPulseToken(tenantId);
      await tx.pulseLink.create({ data: { tenantId, tokenHash: link.tokenHash, invitationId } });
      return { outcome: 'send', person, round, quiet, link: link.token } as const;
    });
    if (decision.outcome === 'later') {
      if (!decision.next) return 'no-window-left';
      await job.moveToDelayed(decision.next.getTime(), token);
      throw new DelayedError();
    }
    if (decision.outcome !== 'send') return decision.outcome;
    const { person, round, quiet, link } = decision;

    await this.mail.send(person, round.tenant.name, link, round.closesAt, what.kind);
    await withTenant(this.db.client, tenantId, (tx) =>
      what.kind === 'invitation'
        ? tx.pulseInvitation.updateMany({ where: { tenantId, id: invitationId, status: 'SCHEDULED' }, data: { status: 'SENT', sendAt: now } })
        : tx.pulseInvitation.updateMany({ where: { tenantId, id: invitationId, remindersSent: { lt: what.n } }, data: { remindersSent: what.n } }),
    );

    if (what.kind === 'invitation') {
      const times = reminderTimes(person, quiet, round.opensAt, round.closesAt).filter((t) => t > now);
      await this.surveys.addBulk(
        times.map((at, i) => {
          const n = (i + 1) as 1 | 2;
          return { name: JobName.SEND_REMINDER, data: { tenantId, invitationId, reminder: n }, opts: { jobId: jobId.reminder(invitationId, n), delay: at.getTime() - now.getTime() } };
        }),
      );
    }
    return 'sent';
  }
}
