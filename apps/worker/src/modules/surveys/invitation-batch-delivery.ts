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
import { DelayedError, type Job } from 'bullmq';
import { Prisma, withTenant } from '@pulsewise/db';
import { jobId, newPulseToken } from '@pulsewise/jobs';
import { Clock } from '../../common/clock.js';
import { failpoint } from '../../common/failpoint.js';
import { WorkerDb } from '../../common/infrastructure.js';
import { WorkerConfig } from '../../common/worker-config.js';
import { LockGuard, sendInLanes } from './batch-send.js';
import { batchRange, MAX_SEND_ATTEMPTS, type InvitationBatchPayload } from './invitation-batch.js';
import { PulseMail } from './pulse-mail.js';
import { reminderBatchJobId, reminderDue, SEND_REMINDER_BATCH } from './reminder-batch-delivery.js';
import { ScheduleMemo } from './schedule-memo.js';
import { SentMarks } from './sent-marks.js';
import { SurveyQueue, type SurveyJob } from './survey-queue.js';

/** Emails of one batch in flight at once (the SMTP pool queues what its connections cannot take yet). */
export const SEND_CONCURRENCY = 16;
/** Retry backoff for a person whose email failed: 2 s, 4 s, 8 s… (as DEFAULT_JOB_OPTIONS' exponential backoff). */
const BACKOFF_MS = 2_000;

export interface BatchOutcome {
  sent: number;
  failed: number;
  waiting: number;
  reminders: number;
}

/** An invitation of the part, with its person (flat: the schedule and the email's recipient). */
interface Member {
  id: string;
  status: 'SCHEDULED' | 'SENT';
  responded: boolean;
  remindersSent: number;
  sendAt: Date | null;
  email: string;
  displayName: string;
  active: boolean;
  timeZone: string;
  workingHoursStart: string;
  workingHoursEnd: string;
  workingDays: number[];
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
      round: await tx.pulseRound.findUnique({
        where: { tenantId_id: { tenantId, id: roundId } },
        select: { status: true, opensAt: true, closesAt: true, tenant: { select: { name: true, policy: { select: { quietHoursStart: true, quietHoursEnd: true } } } } },
      }),
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
    if (!round || round.status !== 'OPEN' || round.closesAt <= now) return 'round-closed';
    const policy = round.tenant.policy!;
    const schedule = new ScheduleMemo({ quietHoursStart: policy.quietHoursStart, quietHoursEnd: policy.quietHoursEnd }, round.opensAt, round.closesAt);

    const failures = { ...(payload.failures ?? {}) };
    let wakeAt: number | null = null;
    const wake = (at: Date | null) => {
      if (at && (wakeAt === null || at.getTime() < wakeAt)) wakeAt = at.getTime();
    };
    const due: Member[] = [];
    let waiting = 0;
    for (const m of members) {
      // Deactivated people get nothing: their invitation stays SCHEDULED, without a link.
      if (m.status !== 'SCHEDULED' || !m.active || (failures[m.id] ?? 0) >= MAX_SEND_ATTEMPTS) continue;
      if (schedule.isDeliverable(m, now)) {
        due.push(m);
        continue;
      }
      const next = schedule.nextDeliveryTime(m, now); // null: no window left before the round closes
      if (next) waiting++;
      wake(next);
    }

    // A fresh single-use link per person, committed before the emails go out (so every link
    // in an email works); only the hashes are stored. A retry makes new ones.
    const links = due.map((member) => ({ member, ...newPulseToken(tenantId) }));
    if (links.length) {
      await withTenant(this.db.client, tenantId, (tx) => tx.$executeRaw`
        INSERT INTO pulse_links (tenant_id, token_hash, invitation_id)
        SELECT ${tenantId}::uuid, u.token_hash, u.invitation_id
        FROM unnest(${links.map((l) => l.tokenHash)}::text[], ${links.map((l) => l.member.id)}::uuid[]) AS u(token_hash, invitation_id)`);
    }
    failpoint('invitation-batch-links-inserted');

    const result = await sendInLanes(links, {
      lanes: SEND_CONCURRENCY,
      lock: new LockGuard(job, token, this.config.values.WORKER_LOCK_MS),
      send: (item) => this.mail.send(item.member, round.tenant.name, item.token, round.closesAt, 'invitation'),
      mark: (item) => this.marks.mark(tenantId, item.member.id, now),
      onFailed: (item, error) => this.logger.warn(`invitation ${item.member.id}: ${error.message}`),
      onHalfSent: () => failpoint('invitation-batch-half-sent'),
    });
    const sent = new Set([...result.sent].map((item) => item.member.id));
    const failed = result.failed.map((item) => item.member);
    if (result.markFailed !== null) throw new Error(`could not mark invitations sent (${(result.markFailed as Error).message}); the retry resends those left unmarked`);
    if (result.lockLost) throw new Error(`lost the lock of job ${job.id} while sending (${sent.size} sent and marked); the job's next run sends the rest`);
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

    // A person whose email failed is tried again later, up to MAX_SEND_ATTEMPTS times in all.
    for (const m of failed) {
      const attempts = (failures[m.id] = (failures[m.id] ?? 0) + 1);
      if (attempts >= MAX_SEND_ATTEMPTS) this.logger.error(`invitation ${m.id}: giving up after ${attempts} failed attempts`);
      else wake(new Date(now.getTime() + BACKOFF_MS * 2 ** (attempts - 1)));
    }
    if (failed.length) await job.updateData({ ...payload, failures });

    const outcome: BatchOutcome = { sent: sent.size, failed: failed.length, waiting, reminders: reminders.length };
    if (wakeAt !== null) {
      // Measured on the worker's clock (tests move it); BullMQ's delay runs in real time.
      await job.moveToDelayed(Date.now() + Math.max(0, wakeAt - now.getTime()), token);
      throw new DelayedError(`${JSON.stringify(outcome)}; runs again at ${new Date(wakeAt).toISOString()}`);
    }
    return outcome;
  }
}
