// Kill -9 the worker process in the middle of a response batch — once after it
// claimed the batch, once after it inserted it but before it cleared the buffer —
// start it again, and count: every buffered answer is stored exactly once.
// Runs the built worker (apps/worker/dist) as a real child process.
import type { ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { createPrismaClient, withPlatform, withTenant, type Db } from '@pulsewise/db';
import { createTestDatabase, type TestDatabase } from '@pulsewise/db/testing';
import { JobName, jobId, QueueName, redisConnection, ResponseBuffer } from '@pulsewise/jobs';
import { exited, startWorker as spawnWorker, stop, waitFor as waitUntil } from './support/worker-process.js';

const prefix = `pwtest:crash:${randomBytes(4).toString('hex')}`;
let db: TestDatabase;
let prisma: Db;
let redis: Redis;
let buffer: ResponseBuffer;
let tenantId: string;

const startWorker = (failpoint?: string): ChildProcess => spawnWorker({ databaseUrl: db.appUrl, adminUrl: db.adminUrl, redisPrefix: prefix, failpoint });



async function newRound(): Promise<string> {
  return withTenant(prisma, tenantId, async (tx) => {
    const root = await tx.orgUnit.findFirstOrThrow({ where: { path: '' } });
    const programme = await tx.pulseProgramme.create({ data: { tenantId, name: 'P', cadence: 'WEEKLY', openDays: 5, questionsPerRound: 3, questionKeys: ['energy'], startsAt: new Date() } });
    const round = await tx.pulseRound.create({ data: { tenantId, programmeId: programme.id, sequence: 1, opensAt: new Date(), closesAt: new Date(Date.now() + 86_400_000), anonymityThreshold: 5 } });
    void root;
    return round.id;
  });
}

async function bufferAnswers(roundId: string, n: number): Promise<string[]> {
  const unitId = await withTenant(prisma, tenantId, async (tx) => (await tx.orgUnit.findFirstOrThrow({ where: { path: '' } })).id);
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const id = randomUUID();
    ids.push(id);
    await buffer.push({ id, tenantId, roundId, cell: { unitId, location: 'ALL', tenure: 'ALL' }, answers: { q: 1 + (i % 5) } });
  }
  return ids;
}

async function storedIds(roundId: string): Promise<string[]> {
  return withTenant(prisma, tenantId, async (tx) => (await tx.response.findMany({ where: { roundId }, select: { id: true } })).map((r) => r.id).sort());
}

async function flush(roundId: string): Promise<void> {
  const queue = new Queue(QueueName.RESPONSES, { connection: redisConnection('redis://127.0.0.1:6379'), prefix });
  await queue.add(JobName.FLUSH_RESPONSES, { tenantId, roundId }, { jobId: jobId.flush(roundId), attempts: 5 });
  await queue.close();
}

const waitFor = (check: () => Promise<boolean>, what: string, timeoutMs = 20_000) => waitUntil(check, what, timeoutMs);

beforeAll(async () => {
  db = await createTestDatabase('crash');
  prisma = createPrismaClient(db.appUrl, { poolSize: 2 });
  redis = new Redis({ maxRetriesPerRequest: null });
  buffer = new ResponseBuffer(redis, prefix);
  const actor = { tenantId: '00000000-0000-0000-0000-000000000000', personId: '00000000-0000-0000-0000-000000000000' };
  tenantId = await withPlatform(prisma, actor, async (tx, audit) => {
    const t = await tx.tenant.create({ data: { slug: 'crash', name: 'Crash Co' } });
    await audit.record('test.fixture', t.id);
    return t.id;
  });
  await withTenant(prisma, tenantId, async (tx) => {
    await tx.tenantPolicy.create({ data: { tenantId } });
    await tx.orgUnit.create({ data: { tenantId, name: 'Crash Co', path: '' } });
  });
});

afterAll(async () => {
  await prisma?.$disconnect();
  const keys = await redis.keys(`${prefix}:*`);
  if (keys.length) await redis.del(...keys);
  await redis.quit();
  await db?.drop();
});

it.each(['response-batch-claimed', 'response-batch-inserted'])('stores every answer exactly once after a kill -9 at %s', async (point) => {
  const roundId = await newRound();
  const submitted = await bufferAnswers(roundId, 25);

  const doomed = startWorker(point);
  const death = exited(doomed);
  await flush(roundId);
  expect(await death).toBe('SIGKILL');
  // Killed mid-batch: the claimed batch waits in the processing list (inserted or not).
  expect(await buffer.pendingCount(tenantId, roundId)).toBe(25);
  // …and after the insert point the rows are already in PostgreSQL: re-inserting them must not count them twice.
  expect(await storedIds(roundId)).toHaveLength(point === 'response-batch-inserted' ? 25 : 0);

  const survivor = startWorker();
  try {
    // The flush job the dead worker held is retried once its lock lapses.
    await waitFor(async () => (await buffer.pendingCount(tenantId, roundId)) === 0, 'the buffer to drain');
    expect(await storedIds(roundId)).toEqual([...submitted].sort());
  } finally {
    await stop(survivor);
  }
}, 60_000);
