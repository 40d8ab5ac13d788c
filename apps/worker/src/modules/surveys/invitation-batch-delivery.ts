// Sending one part of a round's invitations (invitation-batch.ts says how a round is cut).
//
// Each run reads the part once (invitations, their people, the round and the tenant's quiet
// hours). For the people who may be pinged now — active, invitation still SCHEDULED, inside
// their own working hours and outside quiet hours — it stores fresh single-use links in one
// multi-row insert, committed before any email goes out; sends the emails over the pooled SMTP
// transport, SEND_CONCURRENCY at a time; marks each invitation SENT as soon as its email is
// accepted (SentMarks: group commit); and then queues the reminders: one job per reminder for
// everyone this run sent (reminder-batch-delivery.ts), not one per person.
// People whose window has not come yet are held: the job moves itself to the earliest moment
// one of them may be pinged, and runs again then. (The fatigue budget was applied at launch.)
//
// Exactly once. A retried or resumed run reads the part again and sends only to invitations
// still SCHEDULED: an invitation marked SENT is never emailed again, and an unmarked one is
// never lost. The one gap, as with one job per person, is a crash after the SMTP server
// accepted an email and before its mark was committed: the retry sends that email again. Per
// email that window is the mark's commit (at most the commit in flight plus its own); at most
// SEND_CONCURRENCY emails of a batch are ever inside it, because a lane sends its next email
// only once its previous one is marked.
import { Injectable, Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { Prisma, withTenant } from '@pulsewise/db';
import { jobId } from '@pulsewise/jobs';
import { Clock } from '../../common/clock.js';
import { failpoint } from '../../common/failpoint.js';
import { WorkerDb } from '../../common/infrastructure.js';
import { WorkerConfig } from '../../common/worker-config.js';
import { batchSchedule, BatchRun, type BatchMember, readBatchRound, takesEmails } from './batch-send.js';
import { batchRange, type InvitationBatchPayload } from './invitation-batch.js';
import { PulseMail } from './pulse-mail.js';
import { reminderBatchJobId, reminderDue, SEND_REMINDER_BATCH } from './reminder-batch-delivery.js';
import { SentMarks } from './sent-marks.js';
import { SurveyQueue, type SurveyJob } from './survey-queue.js';

/** Emails of one batch in flight at once (the SMTP pool queues what its connections cannot take yet). */
export const SEND_CONCURRENCY = 16;

export interface BatchOutcome {
  sent: number;
  failed: number;
  waiting: number;
  reminders: number;
}

/** An invitation of the part, with its person (flat: the schedule and the email's recipient). */
interface Member extends BatchMember {
  status: 'SCHEDULED' | 'SENT';
  responded: boolean;
  remindersSent: number;
  sendAt: Date | null;
}

@Injectable()
export class InvitationBatchDelivery {
  private readonly logger = new Logger('InvitationBatch');

  constructor(
    private readonly db: WorkerDb,
    private readonly surveys: SurveyQueue,
    private readonly marks: SentMarks,
    private readonly mail: PulseMail,
    private readonly clock: Clock,
    private readonly config: WorkerConfig,
  ) {}

  async deliver(job: Job, token: string | undefined, payload: InvitationBatchPayload): Promise<BatchOutcome | 'round-closed'> {
    const { tenantId, roundId, part, parts } = payload;
    const now = this.clock.now();
    const { from, to } = batchRange(part, parts);

    const { round, members } = await withTenant(this.db.client, tenantId, async (tx) => ({
      round: await readBatchRound(tx, tenantId, roundId),
      // The part's invitations with their people in one statement (a range of the primary key).
      members: await tx.$queryRaw<Member[]>`
        SELECT i.id::text AS id, i.status::text AS status, i.responded, i.reminders_sent AS "remindersSent", i.send_at AS "sendAt",
               p.email, p.display_name AS "displayName", p.active, p.time_zone AS "timeZone",
               p.working_hours_start AS "workingHoursStart", p.working_hours_end AS "workingHoursEnd", p.working_days AS "workingDays"
        FROM pulse_invitations i JOIN people p ON p.tenant_id = i.tenant_id AND p.id = i.person_id
        WHERE i.tenant_id = ${tenantId}::uuid AND i.round_id = ${roundId}::uuid AND i.status IN ('SCHEDULED', 'SENT')
          AND i.id >= ${from}::uuid ${to ? Prisma.sql`AND i.id < ${to}::uuid` : Prisma.empty}
        ORDER BY i.id`,
    }));
    if (!takesEmails(round, now)) return 'round-closed';
    const schedule = batchSchedule(round);
    const run = new BatchRun({ job, token, payload, now, lockMs: this.config.values.WORKER_LOCK_MS, db: this.db.client, mail: this.mail, logger: this.logger, describe: (id) => `invitation ${id}` });
    const due: Member[] = [];
    let waiting = 0;
    for (const m of members) {
      // Deactivated people get nothing: their invitation stays SCHEDULED, without a link.
      if (m.status !== 'SCHEDULED' || !m.active || run.gaveUp(m.id)) continue;
      if (schedule.isDeliverable(m, now)) {
        due.push(m);
        continue;
      }
      const next = schedule.nextDeliveryTime(m, now); // null: no window left before the round closes
      if (next) waiting++;
      run.wake(next);
    }

    const { sent, failed } = await run.send(due, {
      kind: 'invitation',
      round,
      lanes: SEND_CONCURRENCY,
      mark: (id) => this.marks.mark(tenantId, id, now),
      linksStoredFailpoint: 'invitation-batch-links-inserted',
      halfSentFailpoint: 'invitation-batch-half-sent',
    });
    failpoint('invitation-batch-marked');

    // Reminders: one job per reminder for the set this run sent (everyone marked SENT at `now`),
    // and again for the sets earlier runs of this job sent, in case one died between its marks
    // and its reminders (an existing job id is left as it is; whoever was reminded already is
    // skipped by the job). Due at the earliest reminder time of the set still ahead.
    const dueAt = new Map<string, { sentAt: Date; sentNow: boolean; n: 1 | 2; at: Date }>();
    const earlier: Member[] = [];
    for (const m of members) {
      const sentNow = sent.has(m.id);
      if (!sentNow && (m.status !== 'SENT' || m.responded || !m.active || m.remindersSent >= 2)) continue;
      const sentAt = sentNow ? now : m.sendAt;
      if (!sentAt) continue;
      if (!sentNow) earlier.push(m);
      for (const n of [1, 2] as const) {
        const at = reminderDue(schedule.reminderTimes(m), sentAt, n);
        if (!at || (!sentNow && n <= m.remindersSent) || at <= now) continue;
        const key = `${sentAt.getTime()}-${n}`;
        const known = dueAt.get(key);
        if (!known || at < known.at) dueAt.set(key, { sentAt, sentNow, n, at });
      }
    }
    // Invitations an earlier version sent have one reminder job per person: keep to those, so that
    // no reminder is ever held by two jobs.
    const legacy = earlier.length ? await this.surveys.existing(earlier.flatMap((m) => [jobId.reminder(m.id, 1), jobId.reminder(m.id, 2)])) : new Set<string>();
    const reminders: SurveyJob[] = [];
    for (const { sentAt, sentNow, n, at } of dueAt.values()) {
      if (!sentNow && legacy.size && earlier.some((m) => m.sendAt?.getTime() === sentAt.getTime() && legacy.has(jobId.reminder(m.id, n)))) continue;
      reminders.push({
        name: SEND_REMINDER_BATCH,
        data: { tenantId, roundId, part, parts, reminder: n, sentAt: sentAt.toISOString() },
        opts: { jobId: reminderBatchJobId(roundId, part, parts, n, sentAt), delay: at.getTime() - now.getTime() },
      });
    }
    await this.surveys.addBulk(reminders);

    await run.retryLater(failed);
    return run.finish<BatchOutcome>({ sent: sent.size, failed: failed.length, waiting, reminders: reminders.length });
  }
}
