// Reminders in batches: one job per reminder (1st, 2nd) per run of an invitation batch that
// sent something — not one job per person.
//
// Who a reminder job holds. A run of an invitation batch marks everyone it sends SENT at the
// same instant (its `now`), so "the invitations of part p sent at t" is a set that no later
// run can add to or take from (send_at never changes once SENT, and another run has another
// instant). The job for (round, part, reminder n, t) holds exactly that set: two reminder jobs
// never hold the same person's reminder n, which, with the job id as the lock, is what keeps
// a reminder from going out twice — as the per-person job id did. The run that sent them
// enqueues the job after its marks (or, if it died before, the next run of that part does,
// from what is marked): due at the earliest of their reminder times.
//
// Each run reads the set once and reminds those whose reminder n is due, who have not
// answered, are still active and may be pinged now (working hours, quiet hours): a fresh
// single-use link each (only the hash is stored), committed before the emails; emails
// sent a few at a time; reminders_sent = n committed right after each email is accepted. Those
// whose time has not come yet are held: the job moves itself to the earliest of their times.
//
// Exactly once, as for invitations: a retried run skips everyone whose reminders_sent is
// already n. The one gap is a crash after the SMTP server accepted a reminder and before its
// mark was committed: the retry sends it again — at most REMINDER_LANES reminders per running
// batch, because a lane sends its next email only once its previous one is marked.
import { Injectable, Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { Prisma, withTenant } from '@pulsewise/db';
import { jobId, JobName, reminderBatchPayload, type JobPayload } from '@pulsewise/jobs';
import { Clock } from '../../common/clock.js';
import { WorkerDb } from '../../common/infrastructure.js';
import { WorkerConfig } from '../../common/worker-config.js';
import { batchSchedule, BatchRun, type BatchMember, readBatchRound, takesEmails } from './batch-send.js';
import { batchRange } from './invitation-batch.js';
import { PulseMail } from './pulse-mail.js';
import { SentMarks } from './sent-marks.js';

export { reminderBatchPayload };
export type ReminderBatchPayload = JobPayload<typeof JobName.SEND_REMINDER_BATCH>;
export const SEND_REMINDER_BATCH = JobName.SEND_REMINDER_BATCH;
export const reminderBatchJobId = jobId.reminderBatch;

/** Reminders of one batch in flight at once (and so at most this many inside the crash window). */
export const REMINDER_LANES = 16;

/** The n-th reminder instant of a person sent at `sentAt` (the reminders still ahead when the invitation went out), or null. */
export function reminderDue(times: readonly Date[], sentAt: Date, n: 1 | 2): Date | null {
  return times.filter((t) => t > sentAt)[n - 1] ?? null;
}

export interface ReminderOutcome {
  sent: number;
  failed: number;
  waiting: number;
}


@Injectable()
export class ReminderBatchDelivery {
  private readonly logger = new Logger('ReminderBatch');

  constructor(
    private readonly db: WorkerDb,
    private readonly marks: SentMarks,
    private readonly mail: PulseMail,
    private readonly clock: Clock,
    private readonly config: WorkerConfig,
  ) {}

  async deliver(job: Job, token: string | undefined, payload: ReminderBatchPayload): Promise<ReminderOutcome | 'round-closed'> {
    const { tenantId, roundId, part, parts, reminder: n } = payload;
    const sentAt = new Date(payload.sentAt);
    const now = this.clock.now();
    const { from, to } = batchRange(part, parts);

    const { round, members } = await withTenant(this.db.client, tenantId, async (tx) => ({
      round: await readBatchRound(tx, tenantId, roundId),
      // This job's set: the part's invitations sent at `sentAt`, not answered, reminder n not sent yet.
      members: await tx.$queryRaw<BatchMember[]>`
        SELECT i.id::text AS id, p.email, p.display_name AS "displayName", p.active, p.time_zone AS "timeZone",
               p.working_hours_start AS "workingHoursStart", p.working_hours_end AS "workingHoursEnd", p.working_days AS "workingDays"
        FROM pulse_invitations i JOIN people p ON p.tenant_id = i.tenant_id AND p.id = i.person_id
        WHERE i.tenant_id = ${tenantId}::uuid AND i.round_id = ${roundId}::uuid AND i.status = 'SENT' AND i.send_at = ${sentAt.toISOString()}::timestamptz
          AND NOT i.responded AND i.reminders_sent < ${n}
          AND i.id >= ${from}::uuid ${to ? Prisma.sql`AND i.id < ${to}::uuid` : Prisma.empty}
        ORDER BY i.id`,
    }));
    if (!takesEmails(round, now)) return 'round-closed';
    const schedule = batchSchedule(round);
    const run = new BatchRun({ job, token, payload, now, lockMs: this.config.values.WORKER_LOCK_MS, db: this.db.client, mail: this.mail, logger: this.logger, describe: (id) => `reminder ${n} of invitation ${id}` });
    const due: BatchMember[] = [];
    let waiting = 0;
    for (const m of members) {
      if (!m.active || run.gaveUp(m.id)) continue;
      const at = reminderDue(schedule.reminderTimes(m), sentAt, n);
      if (!at) continue; // no reminder n ahead of this invitation
      if (at > now) {
        waiting++;
        run.wake(at);
      } else if (schedule.isDeliverable(m, now)) {
        due.push(m);
      } else {
        // Late (an outage, a retry): never during someone's night — at their next window.
        const next = schedule.nextDeliveryTime(m, now);
        if (next) waiting++;
        run.wake(next);
      }
    }

    const { sent, failed } = await run.send(due, {
      kind: 'reminder',
      round,
      lanes: REMINDER_LANES,
      mark: (id) => this.marks.markReminded(tenantId, id, n),
      linksStoredFailpoint: 'reminder-batch-links-inserted',
      halfSentFailpoint: 'reminder-batch-half-sent',
    });

    await run.retryLater(failed);
    return run.finish<ReminderOutcome>({ sent: sent.size, failed: failed.length, waiting });
  }
}
