// Shared set-up of the worker's kill -9 tests of invitation and reminder batches: a database of
// their own, the SURVEYS queue under a Redis prefix of their own, a local SMTP sink, and the built
// worker started against all three; plus a tenant whose people may be emailed at any hour (so the
// real clock of a child process will do).
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import type { Queue } from 'bullmq';
import { createPrismaClient, seedQuestionBank, withPlatform, withTenant, type Db, type Tx } from '@pulsewise/db';
import { createTestDatabase, type TestDatabase } from '@pulsewise/db/testing';
import { createQueue, QueueName, redisConnection } from '@pulsewise/jobs';
import { SmtpSink } from '../../../api/src/test-support/smtp-sink.js';
import { deleteRedisKeys } from './redis-keys.js';
import { startWorker } from './worker-process.js';

export interface BatchCrashEnv {
  readonly smtp: SmtpSink;
  readonly prefix: string;
  readonly db: TestDatabase;
  readonly prisma: Db;
  readonly queue: Queue;
  /** The built worker as a child process, optionally stopping itself (kill -9) at a failpoint. */
  startWorker(failpoint?: string): ChildProcess;
}

/** Registers the test file's beforeAll / afterAll; the fields are there once beforeAll has run. */
export function batchCrashEnv(name: string): BatchCrashEnv {
  const env = { smtp: new SmtpSink(), prefix: `pwtest:${name.replace(/_/g, '')}:${randomBytes(4).toString('hex')}` } as BatchCrashEnv & { db: TestDatabase; prisma: Db; queue: Queue };
  env.startWorker = (failpoint) =>
    startWorker({ databaseUrl: env.db.appUrl, adminUrl: env.db.adminUrl, redisPrefix: env.prefix, failpoint, smtpUrl: env.smtp.url, env: { PUBLIC_WEB_URL: 'http://web.test' } });
  beforeAll(async () => {
    await env.smtp.start();
    env.db = await createTestDatabase(name);
    env.prisma = createPrismaClient(env.db.appUrl, { poolSize: 2 });
    env.queue = createQueue(QueueName.SURVEYS, redisConnection('redis://127.0.0.1:6379'), env.prefix);
  });
  afterAll(async () => {
    await env.queue?.close();
    await env.prisma?.$disconnect();
    await env.db?.drop();
    await env.smtp.stop();
    await deleteRedisKeys(env.prefix);
  });
  return env;
}

/**
 * A tenant of `people` people in one unit, no quiet hours, everyone working every hour of every
 * day; `more` adds what the test needs inside the same tenant transaction.
 */
export async function anyHourTenant<T>(
  prisma: Db,
  slug: string,
  people: number,
  more: (tx: Tx, fixture: { tenantId: string; rootId: string; emails: string[] }) => Promise<T>,
): Promise<{ tenantId: string; emails: string[]; made: T }> {
  const actor = { tenantId: '00000000-0000-0000-0000-000000000000', personId: '00000000-0000-0000-0000-000000000000' };
  const tenantId = await withPlatform(prisma, actor, async (tx, audit) => {
    const t = await tx.tenant.create({ data: { slug, name: slug.toUpperCase() } });
    await audit.record('test.fixture', t.id);
    return t.id;
  });
  const emails = Array.from({ length: people }, (_, i) => `p${i}@${slug}.test`);
  const made = await withTenant(prisma, tenantId, async (tx) => {
    await tx.tenantPolicy.create({ data: { tenantId, quietHoursStart: '00:00', quietHoursEnd: '00:00' } });
    await seedQuestionBank(tx, tenantId);
    const root = await tx.orgUnit.create({ data: { tenantId, name: slug, path: '' } });
    await tx.person.createMany({ data: emails.map((email) => ({ tenantId, email, displayName: email.split('@')[0]!, orgUnitId: root.id, workingHoursStart: '00:00', workingHoursEnd: '00:00', workingDays: [1, 2, 3, 4, 5, 6, 7] })) });
    return more(tx, { tenantId, rootId: root.id, emails });
  });
  return { tenantId, emails, made };
}
