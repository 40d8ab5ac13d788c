// The surveys queue as the fan-out needs it: many jobs in one round trip (addBulk), each
// payload validated before it reaches Redis, and a check for jobs that already exist.
// (WorkerQueues adds one job at a time; a round of 100,000 people cannot afford that.)
import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { createQueue, JOB_PAYLOADS, QueueName, redisConnection, type JobName, type JobPayload } from '@pulsewise/jobs';
import type { JobsOptions, Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { WorkerConfig } from '../../common/worker-config.js';

export type SurveyJob = { [N in JobName]: { name: N; data: JobPayload<N>; opts?: JobsOptions } }[JobName];

/** Jobs per addBulk call: one MULTI each, so Redis is never blocked by a whole round at once. */
const BULK = 1_000;

@Injectable()
export class SurveyQueue implements OnModuleDestroy {
  private queue?: Queue;
  constructor(private readonly config: WorkerConfig) {}

  private get q(): Queue {
    this.queue ??= createQueue(QueueName.SURVEYS, redisConnection(this.config.values.REDIS_URL), this.config.values.REDIS_PREFIX);
    return this.queue;
  }

  /** Adds every job (default job options apply; an existing job id is left as it is). */
  async addBulk(jobs: readonly SurveyJob[]): Promise<void> {
    const checked = jobs.map((job) => ({
      name: job.name,
      data: JOB_PAYLOADS[job.name].parse(job.data),
      ...(job.opts ? { opts: job.opts } : {}),
    }));
    for (let i = 0; i < checked.length; i += BULK) await this.q.addBulk(checked.slice(i, i + BULK));
  }

  /** Whether any of these job ids is in the queue (waiting, delayed, active or kept after finishing). */
  async anyExists(jobIds: readonly string[]): Promise<boolean> {
    if (jobIds.length === 0) return false;
    // BullMQ's Redis backend runs on ioredis; its typed client interface leaves EXISTS out.
    const client = (await this.q.getBackend().client) as unknown as Redis;
    for (let i = 0; i < jobIds.length; i += BULK) {
      // One EXISTS over many keys answers how many of them exist.
      const found = await client.exists(...jobIds.slice(i, i + BULK).map((id) => this.q.toKey(id)));
      if (found > 0) return true;
    }
    return false;
  }

  /** Which of these job ids are in the queue (one EXISTS each, in one pipeline per BULK ids). */
  async existing(jobIds: readonly string[]): Promise<Set<string>> {
    const found = new Set<string>();
    if (jobIds.length === 0) return found;
    const client = (await this.q.getBackend().client) as unknown as Redis;
    for (let i = 0; i < jobIds.length; i += BULK) {
      const ids = jobIds.slice(i, i + BULK);
      const pipeline = client.pipeline();
      for (const id of ids) pipeline.exists(this.q.toKey(id));
      const replies = (await pipeline.exec()) ?? [];
      replies.forEach(([error, count], j) => {
        if (error) throw error;
        if (Number(count) > 0) found.add(ids[j]!);
      });
    }
    return found;
  }

  async onModuleDestroy(): Promise<void> {
    await this.queue?.close();
  }
}
