// SIGTERM to the built worker while it runs a response batch (its database replies held
// back by a proxy this test controls): it takes no new job, finishes the running one
// while PostgreSQL and Redis are still connected, then exits 0 — every answer stored
// once, the job completed (not failed, not waiting for a retry).
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { createPrismaClient, withPlatform, withTenant, type Db } from '@pulsewise/db';
import { createTestDatabase, type TestDatabase } from '@pulsewise/db/testing';
import { JobName, jobId, QueueName, redisConnection, ResponseBuffer } from '@pulsewise/jobs';
import { TcpProxy } from '../../api/src/test-support/tcp-proxy.js';

const workerMain = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist/main.js');
const prefix = `pwtest:wshutdown:${randomBytes(4).toString('hex')}`;
const postgres = new TcpProxy({ host: '127.0.0.1', port: 5432 });
let db: TestDatabase;
let prisma: Db;
let redis: Redis;
let buffer: ResponseBuffer;
let tenantId: string;
let worker: ChildProcess;
let output = '';

async function until(check: () => Promise<boolean> | boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

beforeAll(async () => {
  await postgres.start();
  db = await createTestDatabase('wshutdown');
  prisma = createPrismaClient(db.appUrl, { poolSize: 2 });
  redis = new Redis({ maxRetriesPerRequest: null });
  buffer = new ResponseBuffer(redis, prefix);
  const actor = { tenantId: '00000000-0000-0000-0000-000000000000', personId: '00000000-0000-0000-0000-000000000000' };
  tenantId = await withPlatform(prisma, actor, async (tx, audit) => {
    const t = await tx.tenant.create({ data: { slug: 'drain', name: 'Drain Co' } });
    await audit.record('test.fixture', t.id);
    return t.id;
  });
  await withTenant(prisma, tenantId, async (tx) => {
    await tx.tenantPolicy.create({ data: { tenantId } });
    await tx.orgUnit.create({ data: { tenantId, name: 'Drain Co', path: '' } });
  });
  worker = spawn(process.execPath, [workerMain], {
    env: { ...process.env, NODE_OPTIONS: '', DATABASE_URL: postgres.url(db.appUrl), DATABASE_ADMIN_URL: db.adminUrl, REDIS_PREFIX: prefix, SMTP_URL: 'smtp://127.0.0.1:1', LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  worker.stdout!.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    if (process.env.TEST_LOGS) process.stdout.write(chunk);
  });
  await until(() => output.includes('Worker started'), 'the worker to start', 30_000);
}, 60_000);

afterAll(async () => {
  if (worker.exitCode === null && worker.signalCode === null) worker.kill('SIGKILL');
  await postgres.stop();
  await prisma?.$disconnect();
  const keys = await redis.keys(`${prefix}:*`);
  if (keys.length) await redis.del(...keys);
  await redis.quit();
  await db?.drop();
});

it('lets the running batch finish on SIGTERM, then exits 0', async () => {
  const roundId = await withTenant(prisma, tenantId, async (tx) => {
    const programme = await tx.pulseProgramme.create({ data: { tenantId, name: 'P', cadence: 'WEEKLY', openDays: 5, questionsPerRound: 3, questionKeys: ['energy'], startsAt: new Date() } });
    return (await tx.pulseRound.create({ data: { tenantId, programmeId: programme.id, sequence: 1, opensAt: new Date(), closesAt: new Date(Date.now() + 86_400_000), anonymityThreshold: 5 } })).id;
  });
  const unitId = await withTenant(prisma, tenantId, async (tx) => (await tx.orgUnit.findFirstOrThrow({ where: { path: '' } })).id);
  const submitted: string[] = [];
  for (let i = 0; i < 12; i++) {
    const id = randomUUID();
    submitted.push(id);
    await buffer.push({ id, tenantId, roundId, cell: { unitId, location: 'ALL', tenure: 'ALL' }, answers: { q: 1 + (i % 5) } });
  }

  const queue = new Queue(QueueName.RESPONSES, { connection: redisConnection('redis://127.0.0.1:6379'), prefix });
  try {
    postgres.pause();
    await queue.add(JobName.FLUSH_RESPONSES, { tenantId, roundId }, { jobId: jobId.flush(roundId), attempts: 5 });
    await until(async () => (await queue.getActiveCount()) === 1 && postgres.sentWhilePaused > 0, 'the batch to be running');

    const exit = new Promise<number | null>((resolve) => worker.once('exit', (code) => resolve(code)));
    worker.kill('SIGTERM');
    await until(() => output.includes('SIGTERM: finishing running jobs'), 'the worker to begin its shutdown');
    expect(worker.exitCode).toBeNull(); // it waits for the batch

    postgres.resume();
    expect(await exit).toBe(0);
    const stored = await withTenant(prisma, tenantId, async (tx) => (await tx.response.findMany({ where: { roundId }, select: { id: true } })).map((r) => r.id).sort());
    expect(stored).toEqual([...submitted].sort());
    expect(await buffer.pendingCount(tenantId, roundId)).toBe(0);
    expect(await queue.getJobCounts('active', 'waiting', 'delayed', 'failed')).toEqual({ active: 0, waiting: 0, delayed: 0, failed: 0 });
  } finally {
    await queue.close();
  }
}, 60_000);
