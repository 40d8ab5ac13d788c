// Sending invitations and reminders. Each send re-checks, at the moment it runs,
// that the person may be pinged now (a job delayed by an outage must not fire
// during someone's night): if not, the job is pushed to their next deliverable time.
import { Injectable } from '@nestjs/common';
import { DelayedError, type Job } from 'bullmq';
import { withTenant } from '@pulsewise/db';
import { JobName, jobId, newPulseToken, QueueName } from '@pulsewise/jobs';
import { Clock } from '../../common/clock.js';
import { WorkerDb, WorkerQueues } from '../../common/infrastructure.js';
import { isDeliverable, nextDeliveryTime, reminderTimes } from './delivery-window.js';
import { PulseMail } from './pulse-mail.js';

type Kind = { kind: 'invitation' } | { kind: 'reminder'; n: 1 | 2 };

@Injectable()
export class PulseDelivery {
  constructor(
    private readonly db: WorkerDb,
    private readonly queues: WorkerQueues,
    private readonly mail: PulseMail,
    private readonly clock: Clock,
  ) {}

  async deliver(job: Job, token: string | undefined, tenantId: string, invitationId: string, what: Kind): Promise<string> {
    const now = this.clock.now();
    const context = await withTenant(this.db.client, tenantId, async (tx) => {
      const invitation = await tx.pulseInvitation.findUnique({
        where: { tenantId_id: { tenantId, id: invitationId } },
        select: {
          status: true, responded: true, remindersSent: true,
          person: { select: { email: true, displayName: true, active: true, timeZone: true, workingHoursStart: true, workingHoursEnd: true, workingDays: true } },
          round: { select: { id: true, status: true, opensAt: true, closesAt: true, tenant: { select: { name: true, policy: true } } } },
        },
      });
      return invitation;
    });
    if (!context) return 'gone';
    const { person, round } = context;
    const policy = round.tenant.policy!;
    const quiet = { quietHoursStart: policy.quietHoursStart, quietHoursEnd: policy.quietHoursEnd };

    if (round.status !== 'OPEN' || round.closesAt <= now || !person.active) return 'not-needed';
    if (what.kind === 'invitation' && context.status !== 'SCHEDULED') return 'already-sent';
    if (what.kind === 'reminder' && (context.responded || context.status !== 'SENT' || context.remindersSent >= what.n)) return 'not-needed';

    if (!isDeliverable(person, quiet, now)) {
      const next = nextDeliveryTime(person, quiet, now, round.closesAt);
      if (!next) return 'no-window-left';
      await job.moveToDelayed(next.getTime(), token);
      throw new DelayedError();
    }

    // A fresh single-use link; only its hash is stored. Committed before the email goes out,
    // so the link in the email always works; a retry makes a new one.
    const { token: link, tokenHash } = newPulseToken(tenantId);
    await withTenant(this.db.client, tenantId, (tx) => tx.pulseLink.create({ data: { tenantId, tokenHash, invitationId } }));
    await this.mail.send(person, round.tenant.name, link, round.closesAt, what.kind);
    await withTenant(this.db.client, tenantId, (tx) =>
      what.kind === 'invitation'
        ? tx.pulseInvitation.updateMany({ where: { tenantId, id: invitationId, status: 'SCHEDULED' }, data: { status: 'SENT', sendAt: now } })
        : tx.pulseInvitation.updateMany({ where: { tenantId, id: invitationId, remindersSent: { lt: what.n } }, data: { remindersSent: what.n } }),
    );

    if (what.kind === 'invitation') {
      const times = reminderTimes(person, quiet, round.opensAt, round.closesAt).filter((t) => t > now);
      for (const [i, at] of times.entries()) {
        const n = (i + 1) as 1 | 2;
        await this.queues.add(QueueName.SURVEYS, JobName.SEND_REMINDER, { tenantId, invitationId, reminder: n }, { jobId: jobId.reminder(invitationId, n), delay: at.getTime() - now.getTime() });
      }
    }
    return 'sent';
  }
}
