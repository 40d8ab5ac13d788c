// The answer buffer against a real Redis: batches are claimed whole, a batch left behind by a
// crashed flush is handed out again, and a flush that finishes late never drops a batch that
// another flush has claimed since (the close-round flush and a flush job can overlap).
import { randomBytes, randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { ResponseBuffer, type BufferedResponse } from './response-buffer.js';

const prefix = `pwtest:buffer:${randomBytes(4).toString('hex')}`;
const tenantId = randomUUID();
const roundId = randomUUID();
let redis: Redis;
let buffer: ResponseBuffer;

const answer = (): BufferedResponse => ({ id: randomUUID(), tenantId, roundId, cell: { unitId: randomUUID(), location: 'ALL', tenure: 'ALL' }, answers: { q1: 3 } });
const ids = (items: readonly BufferedResponse[]) => items.map((i) => i.id).sort();

beforeAll(() => {
  redis = new Redis({ maxRetriesPerRequest: null });
  buffer = new ResponseBuffer(redis, prefix);
});
afterAll(async () => {
  const keys = await redis.keys(`${prefix}:*`);
  if (keys.length) await redis.del(...keys);
  await redis.quit();
});

it('claims nothing below the minimum while open, everything when forced, and hands a crashed batch out again', async () => {
  const first = [answer(), answer(), answer()];
  for (const a of first) await buffer.push(a);
  expect(await buffer.claim(tenantId, roundId, 10, false)).toEqual([]);
  const claimed = await buffer.claim(tenantId, roundId, 10, true);
  expect(ids(claimed)).toEqual(ids(first));
  // The flush "crashed" before complete(): the same batch comes back, nothing else.
  await buffer.push(answer());
  expect(ids(await buffer.claim(tenantId, roundId, 1, true))).toEqual(ids(first));
  expect(await buffer.complete(tenantId, roundId, claimed)).toBe(true);
  expect(await buffer.pendingCount(tenantId, roundId)).toBe(1);
  expect(await buffer.complete(tenantId, roundId, (await buffer.claim(tenantId, roundId, 1, true)))).toBe(true);
  expect(await buffer.pendingCount(tenantId, roundId)).toBe(0);
});

it('lets a flush that finishes late drop only its own batch, never one claimed since', async () => {
  const x = [answer(), answer()];
  for (const a of x) await buffer.push(a);
  const flushA = await buffer.claim(tenantId, roundId, 1, true); // A claims X
  const flushB = await buffer.claim(tenantId, roundId, 1, true); // B sees X left in processing and takes it too
  expect(ids(flushB)).toEqual(ids(flushA));
  expect(await buffer.complete(tenantId, roundId, flushA)).toBe(true); // A stored X first
  const y = [answer(), answer()];
  for (const a of y) await buffer.push(a);
  const nextA = await buffer.claim(tenantId, roundId, 1, true); // A goes on with Y
  expect(ids(nextA)).toEqual(ids(y));
  // B finishes X late: Y must stay in processing, so that a crash of A now loses nothing.
  expect(await buffer.complete(tenantId, roundId, flushB)).toBe(false);
  expect(await buffer.pendingCount(tenantId, roundId)).toBe(2);
  expect(ids(await buffer.claim(tenantId, roundId, 1, true))).toEqual(ids(y));
  expect(await buffer.complete(tenantId, roundId, nextA)).toBe(true);
  expect(await buffer.pendingCount(tenantId, roundId)).toBe(0);
});
