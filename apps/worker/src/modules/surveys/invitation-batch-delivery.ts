// Sending one part of a round's invitations (invitation-batch.ts says how a round is cut).
//
// Each run reads the part once (invitations, their people, the round and the tenant's quiet
// hours). For the people who may be pinged now — active, invitation still SCHEDULED, inside
// their own working hours and outside quiet hours — it stores fresh single-use links in one
// multi-row insert, committed before any email goes out; sends the emails over the pooled SMTP
// transport, SEND_CONCURRENCY at a time; marks each invitation SENT as soon as its email is
// accepted (SentMarks: group commit); and then queues everyone's reminders in one addBulk.
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
import { JobName, jobId, newPulseToken } from '@pulsewise/jobs';
import { Clock } from '../../common/clock.js';
import { failpoint } from '../../common/failpoint.js';
import { WorkerDb } from '../../common/infrastructure.js';
import { WorkerConfig } from '../../common/worker-config.js';
import { batchRange, MAX_SEND_ATTEMPTS, type InvitationBatchPayload } from './invitation-batch.js';
import { PulseMail } from './pulse-mail.js';
import { ScheduleMemo } from './schedule-memo.js';
import { SentMarks } from './sent-marks.js';
import { SurveyQueue, type SurveyJob } from './survey-queue.js';

/** Emails of one batch in flight at once (the SMTP pool queues what its connections cannot take yet). */
export const SEND_CONCURRENCY = 16;
/** Retry backoff for a person whose email failed: 2 s, 4 s, 8 s… (as DEFAULT_JOB_OPTIONS' exponential backoff). */
const BACKOFF_MS = 2_000;
/** How often a batch that is still sending makes sure it holds its job's lock. */
const LOCK_CHECK_MS = 1_000;

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

    const sent = new Set<string>();
    const failed: Member[] = [];
    let markFailed: unknown = null;
    const lock = new LockGuard(job, token, this.config.values.WORKER_LOCK_MS);
    let next = 0;
    const lane = async () => {
      while (next < links.length && markFailed === null) {
        if (!(await lock.stillHeld())) return;
        const item = links[next++]; // taken after the await: another lane may have taken the last one meanwhile
        if (!item) return;
        try {
          await this.mail.send(item.member, round.tenant.name, item.token, round.closesAt, 'invitation');
        } catch (error) {
          failed.push(item.member);
          this.logger.warn(`invitation ${item.member.id}: ${(error as Error).message}`);
          continue;
        }
        sent.add(item.member.id);
        if (sent.size === Math.ceil(links.length / 2)) failpoint('invitation-batch-half-sent');
        try {
          await this.marks.mark(tenantId, item.member.id, now);
        } catch (error) {
          markFailed = error; // stop sending: the job fails and its retry resends only what is unmarked
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(SEND_CONCURRENCY, links.length) }, lane));
    if (markFailed !== null) throw new Error(`could not mark invitations sent (${(markFailed as Error).message}); the retry resends those left unmarked`);
    if (lock.lost) throw new Error(`lost the lock of job ${job.id} while sending (${sent.size} sent and marked); the job's next run sends the rest`);
    failpoint('invitation-batch-marked');

    // Reminders for everyone sent now — and again for those an earlier run of this job sent, in
    // case it died between its marks and its reminders (an existing job id is left as it is,
    // and a reminder already sent is skipped by its job).
    const reminders: SurveyJob[] = [];
    for (const m of members) {
      const sentNow = sent.has(m.id);
      if (!sentNow && (m.status !== 'SENT' || m.responded || !m.active || m.remindersSent >= 2)) continue;
      const sentAt = sentNow ? now : m.sendAt;
      if (!sentAt) continue;
      // Numbered as the per-person job numbers them: the reminders still ahead when the invitation went out.
      for (const [i, at] of schedule.reminderTimes(m).filter((t) => t > sentAt).entries()) {
        const n = (i + 1) as 1 | 2;
        if (n <= m.remindersSent || at <= now) continue;
        reminders.push({ name: JobName.SEND_REMINDER, data: { tenantId, invitationId: m.id, reminder: n }, opts: { jobId: jobId.reminder(m.id, n), delay: at.getTime() - now.getTime() } });
      }
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

/** At most once per LOCK_CHECK_MS, makes sure this run still owns its job, so a run whose lock lapsed stops sending. */
class LockGuard {
  lost = false;
  private checkedAt = Date.now();
  private checking: Promise<boolean> | null = null;

  constructor(
    private readonly job: Job,
    private readonly token: string | undefined,
    private readonly lockMs: number,
  ) {}

  stillHeld(): Promise<boolean> | boolean {
    if (this.lost) return false;
    if (!this.token || Date.now() - this.checkedAt < LOCK_CHECK_MS) return true;
    this.checking ??= this.job.extendLock(this.token, this.lockMs).then(
      (extended) => {
        this.checkedAt = Date.now();
        this.checking = null;
        if (!extended) this.lost = true;
        return !this.lost;
      },
      () => {
        this.checking = null;
        return true; // Redis did not answer: BullMQ's own lock renewal decides; the next check asks again
      },
    );
    return this.checking;
  }
}
