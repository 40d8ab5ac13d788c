// Pulse answers wait here between submitPulse and their insertion into
// PostgreSQL. The API appends each answer set (no person, no invitation — only
// the round, the frozen cell and a random response id) before it commits the
// participation row; the worker moves whole batches to a "processing" list,
// inserts them shuffled with conflict-ignore, and only then deletes the batch.
// A worker killed mid-batch leaves the processing list behind, and the next flush
// inserts it again — harmlessly, since the ids already stored are skipped. So
// every answer is stored exactly once. With Redis AOF on, a Redis restart keeps both lists.
import type { Redis } from 'ioredis';
import { z } from 'zod';

export const bufferedResponse = z.object({
  id: z.string().uuid(),
  tenantId: z.string().uuid(),
  roundId: z.string().uuid(),
  cell: z.object({ unitId: z.string().uuid(), location: z.string(), tenure: z.string() }),
  /** questionId → value, already validated against the round's questions. */
  answers: z.record(z.string(), z.number().int()),
  comment: z.object({ id: z.string().uuid(), text: z.string().min(1).max(2000) }).optional(),
});
export type BufferedResponse = z.infer<typeof bufferedResponse>;

/** The smallest batch the worker inserts while the round is open: B = max(k, 10). */
export function minimumBatch(k: number): number {
  return Math.max(k, 10);
}

/**
 * First key of the transaction-scoped advisory lock `(ROUND_SUBMIT_LOCK, hashtext(roundId))`:
 * every submission into a round holds it shared from its link lookup to its commit; the
 * round-close job takes it exclusively, so a round cannot close while a submission into it
 * is in flight. (Two-int advisory keys; a hash collision between rounds only makes a close
 * wait for another round's submissions.) The SQL function pulse_submit_mark (migration
 * 20261124110000_pulse_submit_mark) spells the same number: change both together.
 */
export const ROUND_SUBMIT_LOCK = 727_101;

// Atomically: hand back a batch left in "processing" by a crashed flush; otherwise,
// if enough answers are pending (or the round is closing), move them to "processing".
const CLAIM = `
local processing = redis.call('LRANGE', KEYS[2], 0, -1)
if #processing > 0 then return processing end
local pending = redis.call('LLEN', KEYS[1])
local minimum = tonumber(ARGV[1])
if pending == 0 or (pending < minimum and ARGV[2] ~= '1') then return {} end
local take = math.min(pending, tonumber(ARGV[3]))
local items = redis.call('LRANGE', KEYS[1], 0, take - 1)
redis.call('LTRIM', KEYS[1], take, -1)
for i = 1, #items, 500 do
  redis.call('RPUSH', KEYS[2], unpack(items, i, math.min(i + 499, #items)))
end
return items
`;

// Atomically: drop the "processing" list only if it still holds the batch this flush claimed
// (same length, same first answer id). Two flushes of a round can run at once (the close
// flushes while a flush job runs): both may claim the same left-over batch, and the one that
// finishes second must not drop a batch the other has claimed since — a crash before that
// batch is inserted would otherwise lose it.
const COMPLETE = `
if redis.call('LLEN', KEYS[1]) ~= tonumber(ARGV[2]) then return 0 end
local first = redis.call('LINDEX', KEYS[1], 0)
if not first or not string.find(first, ARGV[1], 1, true) then return 0 end
redis.call('DEL', KEYS[1])
return 1
`;

export class ResponseBuffer {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  private keys(tenantId: string, roundId: string): [string, string] {
    // One hash tag per round keeps both lists on one Redis Cluster slot (the Lua script needs that).
    const tag = `{${tenantId}:${roundId}}`;
    return [`${this.prefix}:pulse:pending:${tag}`, `${this.prefix}:pulse:processing:${tag}`];
  }

  /** Appends one answer set; returns how many answers are now pending for its round. */
  async push(item: BufferedResponse): Promise<number> {
    const [pending] = this.keys(item.tenantId, item.roundId);
    return this.redis.rpush(pending, JSON.stringify(bufferedResponse.parse(item)));
  }

  /** Compensation when the participation transaction fails after the push. */
  async remove(item: BufferedResponse): Promise<void> {
    const [pending] = this.keys(item.tenantId, item.roundId);
    await this.redis.lrem(pending, 1, JSON.stringify(bufferedResponse.parse(item)));
  }

  async pendingCount(tenantId: string, roundId: string): Promise<number> {
    const [pending, processing] = this.keys(tenantId, roundId);
    const [a, b] = await Promise.all([this.redis.llen(pending), this.redis.llen(processing)]);
    return a + b;
  }

  /** The next batch to insert: at least `minimum` answers, or whatever is left when `force` (round closed). */
  async claim(tenantId: string, roundId: string, minimum: number, force: boolean, maximum = 5_000): Promise<BufferedResponse[]> {
    const [pending, processing] = this.keys(tenantId, roundId);
    const raw = (await this.redis.eval(CLAIM, 2, pending, processing, String(minimum), force ? '1' : '0', String(maximum))) as string[];
    return raw.map((r) => bufferedResponse.parse(JSON.parse(r)));
  }

  /**
   * Called only after the batch's transaction committed. Returns false when the processing
   * list no longer holds this batch (another flush completed it and claimed the next).
   */
  async complete(tenantId: string, roundId: string, batch: readonly BufferedResponse[]): Promise<boolean> {
    if (batch.length === 0) return false;
    const [, processing] = this.keys(tenantId, roundId);
    // The first answer's id, as it appears in its stored JSON: ids are random UUIDs, unique per answer.
    const marker = `"id":"${batch[0]!.id}"`;
    return (await this.redis.eval(COMPLETE, 1, processing, marker, String(batch.length))) === 1;
  }
}
