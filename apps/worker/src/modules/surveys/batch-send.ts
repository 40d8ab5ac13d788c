// What an invitation batch and a reminder batch share: reading their round, storing the links,
// sending a list of emails a few lanes at a time, each email marked (committed) before its lane
// takes the next — so that at most `lanes` accepted emails of a batch are ever waiting for their
// mark, the one window in which a crash makes the retry send an email again — while making sure
// the run still owns its job, and retrying failed emails later (BatchRun).
import type { Logger } from '@nestjs/common';
import { DelayedError, type Job } from 'bullmq';
import { withTenant, type Db, type Tx } from '@pulsewise/db';
import { newPulseToken } from '@pulsewise/jobs';
import { failpoint } from '../../common/failpoint.js';
import { MAX_SEND_ATTEMPTS } from './invitation-batch.js';
import type { PulseMail } from './pulse-mail.js';
import { ScheduleMemo } from './schedule-memo.js';

/** How often a batch that is still sending makes sure it holds its job's lock. */
const LOCK_CHECK_MS = 1_000;
/** Retry backoff for a person whose email failed: 2 s, 4 s, 8 s… (as DEFAULT_JOB_OPTIONS' exponential backoff). */
const BACKOFF_MS = 2_000;

/** The round a batch sends for, with what its emails and schedule need (read in the batch's own transaction). */
export function readBatchRound(tx: Tx, tenantId: string, roundId: string) {
  return tx.pulseRound.findUnique({
    where: { tenantId_id: { tenantId, id: roundId } },
    select: { status: true, opensAt: true, closesAt: true, tenant: { select: { name: true, policy: { select: { quietHoursStart: true, quietHoursEnd: true } } } } },
  });
}

export type BatchRound = NonNullable<Awaited<ReturnType<typeof readBatchRound>>>;

/** Whether the round still takes emails: it exists, is open, and has not passed its close. */
export function takesEmails(round: BatchRound | null, now: Date): round is BatchRound {
  return !!round && round.status === 'OPEN' && round.closesAt > now;
}

/** When the round's people may be pinged (the tenant's quiet hours, inside the round). */
export function batchSchedule(round: BatchRound): ScheduleMemo {
  const policy = round.tenant.policy!;
  return new ScheduleMemo({ quietHoursStart: policy.quietHoursStart, quietHoursEnd: policy.quietHoursEnd }, round.opensAt, round.closesAt);
}

/** An invitation of a batch with its person: the email's recipient and when they may be pinged. */
export interface BatchMember {
  id: string;
  email: string;
  displayName: string;
  active: boolean;
  timeZone: string;
  workingHoursStart: string;
  workingHoursEnd: string;
  workingDays: number[];
}

export interface BatchLink<M> {
  member: M;
  token: string;
  tokenHash: string;
}

/**
 * A fresh single-use link per person, committed before any email goes out (so every link in
 * an email works); only the hashes are stored. A retry makes new ones.
 */
async function storeLinks<M extends { id: string }>(db: Db, tenantId: string, members: readonly M[]): Promise<BatchLink<M>[]> {
  const links = members.map((member) => ({ member, ...newPulseToken(tenantId) }));
  if (links.length) {
    await withTenant(db, tenantId, (tx) => tx.$executeRaw`
      INSERT INTO pulse_links (tenant_id, token_hash, invitation_id)
      SELECT ${tenantId}::uuid, u.token_hash, u.invitation_id
      FROM unnest(${links.map((l) => l.tokenHash)}::text[], ${links.map((l) => l.member.id)}::uuid[]) AS u(token_hash, invitation_id)`);
  }
  return links;
}

/**
 * One run of a batch job: the per-person failure counts it carries in its payload, the earliest
 * moment it must run again, and sending its emails.
 */
export class BatchRun<P extends { tenantId: string; failures?: Record<string, number> }> {
  private readonly failures: Record<string, number>;
  private wakeAt: number | null = null;

  constructor(
    private readonly options: {
      job: Job;
      token: string | undefined;
      payload: P;
      /** The run's instant, on the worker's clock. */
      now: Date;
      lockMs: number;
      db: Db;
      mail: PulseMail;
      logger: Logger;
      /** How the log names the email of an invitation, e.g. `invitation <id>`. */
      describe: (invitationId: string) => string;
    },
  ) {
    this.failures = { ...(options.payload.failures ?? {}) };
  }

  /** Whether sending to this invitation failed MAX_SEND_ATTEMPTS times already (it is skipped). */
  gaveUp(invitationId: string): boolean {
    return (this.failures[invitationId] ?? 0) >= MAX_SEND_ATTEMPTS;
  }

  /** The job runs again at `at` at the latest (null: nothing to wait for). */
  wake(at: Date | null): void {
    if (at && (this.wakeAt === null || at.getTime() < this.wakeAt)) this.wakeAt = at.getTime();
  }

  /**
   * Stores a link per member, then emails them in lanes (sendInLanes), marking each. Throws when
   * sending stopped — a mark failed or the lock was lost — so the job's retry resends what is
   * unmarked. Returns the ids sent and marked, and the members whose email failed.
   */
  async send<M extends BatchMember>(
    due: readonly M[],
    how: {
      kind: 'invitation' | 'reminder';
      round: BatchRound;
      lanes: number;
      mark: (invitationId: string) => Promise<void>;
      linksStoredFailpoint: string;
      halfSentFailpoint: string;
    },
  ): Promise<{ sent: Set<string>; failed: M[] }> {
    const { job, token, payload, lockMs, db, mail, logger, describe } = this.options;
    const links = await storeLinks(db, payload.tenantId, due);
    failpoint(how.linksStoredFailpoint);
    const result = await sendInLanes(links, {
      lanes: how.lanes,
      lock: new LockGuard(job, token, lockMs),
      send: (link) => mail.send(link.member, how.round.tenant.name, link.token, how.round.closesAt, how.kind),
      mark: (link) => how.mark(link.member.id),
      onFailed: (link, error) => logger.warn(`${describe(link.member.id)}: ${error.message}`),
      onHalfSent: () => failpoint(how.halfSentFailpoint),
    });
    const sent = new Set([...result.sent].map((link) => link.member.id));
    if (result.markFailed !== null) throw new Error(`could not mark ${how.kind}s sent (${(result.markFailed as Error).message}); the retry resends those left unmarked`);
    if (result.lockLost) throw new Error(`lost the lock of job ${job.id} while sending (${sent.size} sent and marked); the job's next run sends the rest`);
    return { sent, failed: result.failed.map((link) => link.member) };
  }

  /** A person whose email failed is tried again later, up to MAX_SEND_ATTEMPTS times in all (the counts go into the job's data). */
  async retryLater(failed: readonly { id: string }[]): Promise<void> {
    const { job, payload, now, logger, describe } = this.options;
    for (const { id } of failed) {
      const attempts = (this.failures[id] = (this.failures[id] ?? 0) + 1);
      if (attempts >= MAX_SEND_ATTEMPTS) logger.error(`${describe(id)}: giving up after ${attempts} failed attempts`);
      else this.wake(new Date(now.getTime() + BACKOFF_MS * 2 ** (attempts - 1)));
    }
    if (failed.length) await job.updateData({ ...payload, failures: this.failures });
  }

  /** Returns the outcome, or, when someone is still to be sent, moves the job to the moment it must run again. */
  async finish<O>(outcome: O): Promise<O> {
    const { job, token, now } = this.options;
    if (this.wakeAt !== null) {
      // Measured on the worker's clock (tests move it); BullMQ's delay runs in real time.
      await job.moveToDelayed(Date.now() + Math.max(0, this.wakeAt - now.getTime()), token);
      throw new DelayedError(`${JSON.stringify(outcome)}; runs again at ${new Date(this.wakeAt).toISOString()}`);
    }
    return outcome;
  }
}

export interface LaneResult<T> {
  /** Sent and marked. */
  sent: Set<T>;
  /** Refused by the SMTP server (or the connection failed): not marked, tried again later. */
  failed: T[];
  /** A mark failed: sending stopped (the job fails and its retry resends what is unmarked). */
  markFailed: unknown;
  /** The run lost its job's lock: sending stopped (another run owns the job now). */
  lockLost: boolean;
}

export async function sendInLanes<T>(
  items: readonly T[],
  options: {
    lanes: number;
    lock: LockGuard;
    send: (item: T) => Promise<void>;
    mark: (item: T) => Promise<void>;
    onFailed: (item: T, error: Error) => void;
    /** Called once, when half of the items are sent (a crash-test failpoint). */
    onHalfSent?: () => void;
  },
): Promise<LaneResult<T>> {
  const sent = new Set<T>();
  const failed: T[] = [];
  let markFailed: unknown = null;
  let next = 0;
  const half = Math.ceil(items.length / 2);
  const lane = async () => {
    while (next < items.length && markFailed === null) {
      if (!(await options.lock.stillHeld())) return;
      if (next >= items.length) return; // another lane took the last one while this one checked the lock
      const item = items[next++]!;
      try {
        await options.send(item);
      } catch (error) {
        failed.push(item);
        options.onFailed(item, error as Error);
        continue;
      }
      sent.add(item);
      if (sent.size === half) options.onHalfSent?.();
      try {
        await options.mark(item);
      } catch (error) {
        markFailed = error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.lanes, items.length) }, lane));
  return { sent, failed, markFailed, lockLost: options.lock.lost };
}

/** At most once per LOCK_CHECK_MS, makes sure this run still owns its job, so a run whose lock lapsed stops sending. */
export class LockGuard {
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
