// Answers wait in Redis between submitPulse and their batch insert. With
// append-only persistence (appendfsync always, as docker-compose runs it), a Redis
// killed with SIGKILL and started again still holds every waiting answer, and the
// worker stores each exactly once. Runs its own redis-server on a free port.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { createPrismaClient, withPlatform, withTenant, type Db } from '@pulsewise/db';
import { createTestDatabase, type TestDatabase } from '@pulsewise/db/testing';
import { JobName, jobId, QueueName, redisConnection, ResponseBuffer } from '@pulsewise/jobs';

const workerMain = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist/main.js');
const dir = mkdtempSync(path.join(tmpdir(), 'pulsewise-redis-'));
let port: number;
let redisServer: ChildProcess;
let db: TestDatabase;
let prisma: Db;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => resolve(p));
    });
  });
}

async function startRedis(): Promise<ChildProcess> {
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--appendonly', 'yes', '--appendfsync', 'always', '--save', '', '--dir', dir], { stdio: 'ignore' });
  const probe = new Redis({ port, lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  for (let i = 0; i < 100; i++) {
    try {
      await probe.connect();
      await probe.ping();
      probe.disconnect();
      return child;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error('redis-server did not start');
}

beforeAll(async () => {
  port = await freePort();
  redisServer = await startRedis();
  db = await createTestDatabase('redisrestart');
  prisma = createPrismaClient(db.appUrl, { poolSize: 2 });
});

afterAll(async () => {
  redisServer?.kill('SIGKILL');
  await prisma?.$disconnect();
  await db?.drop();
  rmSync(dir, { recursive: true, force: true });
});

it('keeps every waiting answer through a Redis SIGKILL and restart, then stores each exactly once', async () => {
  const actor = { tenantId: '00000000-0000-0000-0000-000000000000', personId: '00000000-0000-0000-0000-000000000000' };
  const tenantId = await withPlatform(prisma, actor, async (tx, audit) => {
    const t = await tx.tenant.create({ data: { slug: 'aof', name: 'AOF Co' } });
    await audit.record('test.fixture', t.id);
    return t.id;
  });
  const { roundId, unitId } = await withTenant(prisma, tenantId, async (tx) => {
    await tx.tenantPolicy.create({ data: { tenantId } });
    const unit = await tx.orgUnit.create({ data: { tenantId, name: 'AOF Co', path: '' } });
    const programme = await tx.pulseProgramme.create({ data: { tenantId, name: 'P', cadence: 'WEEKLY', openDays: 5, questionsPerRound: 3, questionKeys: ['energy'], startsAt: new Date() } });
    const round = await tx.pulseRound.create({ data: { tenantId, programmeId: programme.id, sequence: 1, opensAt: new Date(), closesAt: new Date(Date.now() + 86_400_000), anonymityThreshold: 5 } });
    return { roundId: round.id, unitId: unit.id };
  });

  const client = new Redis({ port, maxRetriesPerRequest: null });
  const buffer = new ResponseBuffer(client, 'pw');
  const ids = Array.from({ length: 23 }, () => randomUUID());
  for (const id of ids) await buffer.push({ id, tenantId, roundId, cell: { unitId, location: 'ALL', tenure: 'ALL' }, answers: { q: 3 } });
  client.disconnect();

  // Power cut: no shutdown hook runs. Then start again on the same data directory.
  const died = new Promise((resolve) => redisServer.once('exit', resolve));
  redisServer.kill('SIGKILL');
  await died;
  redisServer = await startRedis();

  const worker = spawn(process.execPath, [workerMain], {
    env: { ...process.env, NODE_OPTIONS: '', DATABASE_URL: db.appUrl, DATABASE_ADMIN_URL: db.adminUrl, REDIS_URL: `redis://127.0.0.1:${port}`, REDIS_PREFIX: 'pw', SMTP_URL: 'smtp://127.0.0.1:1' },
    stdio: 'ignore',
  });
  try {
    const queue = new Queue(QueueName.RESPONSES, { connection: redisConnection(`redis://127.0.0.1:${port}`), prefix: 'pw' });
    // 23 ≥ B = 10, so one flush takes them all.
    await queue.add(JobName.FLUSH_RESPONSES, { tenantId, roundId }, { jobId: jobId.flush(roundId) });
    await queue.close();
    const deadline = Date.now() + 20_000;
    let stored: string[] = [];
    while (Date.now() < deadline) {
      stored = await withTenant(prisma, tenantId, async (tx) => (await tx.response.findMany({ where: { roundId }, select: { id: true } })).map((r) => r.id));
      if (stored.length >= ids.length) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(stored.sort()).toEqual([...ids].sort());
  } finally {
    const exited = new Promise((resolve) => worker.once('exit', resolve));
    worker.kill('SIGTERM');
    await exited;
  }
}, 60_000);
