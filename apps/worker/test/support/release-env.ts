// What the release tests (roll-ups, aggregation crashes) share around their data: a test
// database with the app's Prisma client, the RELEASES queue under the file's Redis prefix,
// the worker's release jobs run in process, and jobs run in the worker child through the queue.
import { Queue, type Job } from 'bullmq';
import { createPrismaClient, type Db } from '@pulsewise/db';
import { createTestDatabase, type TestDatabase } from '@pulsewise/db/testing';
import { JobName, jobId, QueueName, redisConnection } from '@pulsewise/jobs';
import type { WorkerDb } from '../../src/common/infrastructure.js';
import { MonthRollups } from '../../src/modules/releases/month-rollup.js';
import { RoundAggregator } from '../../src/modules/releases/round-aggregator.js';
import { deleteRedisKeys } from './redis-keys.js';
import { waitFor } from './worker-process.js';

export interface ReleaseTestEnv {
  db: TestDatabase;
  prisma: Db;
  queue: Queue;
}

/** A fresh test database (real migrations), a small app-role Prisma client on it, and the RELEASES queue under `prefix`. */
export async function openReleaseTestEnv(name: string, prefix: string): Promise<ReleaseTestEnv> {
  const db = await createTestDatabase(name);
  const prisma = createPrismaClient(db.appUrl, { poolSize: 2 });
  const queue = new Queue(QueueName.RELEASES, { connection: redisConnection('redis://127.0.0.1:6379'), prefix });
  return { db, prisma, queue };
}

/** Undoes openReleaseTestEnv (whatever of it was made) and deletes every Redis key under `prefix`. */
export async function closeReleaseTestEnv(env: Partial<ReleaseTestEnv>, prefix: string): Promise<void> {
  await env.queue?.obliterate({ force: true }).catch(() => undefined);
  await env.queue?.close();
  await env.prisma?.$disconnect();
  await env.db?.drop();
  await deleteRedisKeys(prefix);
}

/** The worker's database handle over the test's client, for its job code run in process. */
export const workerDb = (prisma: Db): WorkerDb => ({ client: prisma }) as unknown as WorkerDb;

/**
 * The release jobs' code in process, as the worker runs it: each round aggregated in turn, then
 * (given a period) that month's roll-up built. Returns what each returned, for the test to check.
 */
export async function releaseInProcess(prisma: Db, tenantId: string, roundIds: string[], period?: string) {
  const client = workerDb(prisma);
  const aggregator = new RoundAggregator(client);
  const rounds = [];
  for (const id of roundIds) rounds.push(await aggregator.aggregate(tenantId, id));
  const rollup = period === undefined ? undefined : await new MonthRollups(client).build(tenantId, period);
  return { rounds, rollup };
}

/** Queues the round's aggregation under its deterministic job id (a finished run of the round may still be listed: removed first). */
export async function queueAggregation(queue: Queue, tenantId: string, roundId: string): Promise<void> {
  const id = jobId.aggregate(roundId);
  await queue.remove(id);
  await queue.add(JobName.AGGREGATE_ROUND, { tenantId, roundId }, { jobId: id, attempts: 5, removeOnComplete: true });
}

/**
 * Runs one job in the worker and returns it once completed or failed, kept until then to read
 * its result, and then removed, as removeOnComplete would (a kept job id would swallow a later
 * job with that id, e.g. a later sweep's).
 */
export async function runJobInWorker(queue: Queue, name: JobName, data: Record<string, unknown>, id: string): Promise<Job> {
  await queue.remove(id);
  const job = await queue.add(name, data, { jobId: id, attempts: 3, removeOnComplete: false });
  await waitFor(async () => ['completed', 'failed'].includes(await job.getState()), `job ${name}`, 240_000);
  const done = (await queue.getJob(id))!;
  await queue.remove(id);
  return done;
}
