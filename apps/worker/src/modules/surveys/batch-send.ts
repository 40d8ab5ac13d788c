// What an invitation batch and a reminder batch share: sending a list of emails a few lanes
// at a time, each email marked (committed) before its lane takes the next — so that at most
// `lanes` accepted emails of a batch are ever waiting for their mark, the one window in which
// a crash makes the retry send an email again — while making sure the run still owns its job.
import type { Job } from 'bullmq';

/** How often a batch that is still sending makes sure it holds its job's lock. */
const LOCK_CHECK_MS = 1_000;

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
