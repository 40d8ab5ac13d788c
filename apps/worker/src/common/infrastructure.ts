// The worker's connections: one Prisma client, one Redis client (response
// buffer), and the queues it enqueues follow-up jobs on.
import { Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { createPrismaClientWithPool, type Db, type PgPool } from '@pulsewise/db';
import { createQueue, enqueue, redisConnection, ResponseBuffer, type JobName, type JobPayload, type QueueName } from '@pulsewise/jobs';
import type { JobsOptions, Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { WorkerConfig } from './worker-config.js';

@Injectable()
export class WorkerDb implements OnModuleInit, OnModuleDestroy {
  readonly client: Db;
  /** The node-postgres pool the client runs on, for the fan-out's SENT marks (one round trip instead of Prisma's four). */
  readonly pool: PgPool;
  constructor(config: WorkerConfig) {
    ({ client: this.client, pool: this.pool } = createPrismaClientWithPool(config.values.DATABASE_URL, { poolSize: config.values.DATABASE_POOL_SIZE, connectTimeoutMs: config.values.DATABASE_CONNECT_TIMEOUT_MS }));
  }
  async onModuleInit(): Promise<void> {
    await this.client.$queryRaw`SELECT 1`;
  }
  async onModuleDestroy(): Promise<void> {
    await this.client.$disconnect();
  }
}

@Injectable()
export class WorkerRedis implements OnModuleDestroy {
  readonly client: Redis;
  readonly buffer: ResponseBuffer;
  constructor(config: WorkerConfig) {
    this.client = new Redis(config.values.REDIS_URL, { maxRetriesPerRequest: null });
    this.buffer = new ResponseBuffer(this.client, config.values.REDIS_PREFIX);
  }
  async onModuleDestroy(): Promise<void> {
    await this.client.quit().catch(() => this.client.disconnect());
  }
}

@Injectable()
export class WorkerQueues implements OnModuleDestroy {
  private readonly queues = new Map<QueueName, Queue>();
  constructor(private readonly config: WorkerConfig) {}

  private queue(name: QueueName): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = createQueue(name, redisConnection(this.config.values.REDIS_URL), this.config.values.REDIS_PREFIX);
      this.queues.set(name, queue);
    }
    return queue;
  }

  add<N extends JobName>(queueName: QueueName, name: N, payload: JobPayload<N>, options?: JobsOptions): Promise<void> {
    return enqueue(this.queue(queueName), name, payload, options);
  }

  /** Creates or updates a repeating job (idempotent: the scheduler id is the key). */
  async repeat<N extends JobName>(queueName: QueueName, schedulerId: string, pattern: string, name: N, payload: JobPayload<N>): Promise<void> {
    await this.queue(queueName).upsertJobScheduler(schedulerId, { pattern, tz: 'UTC' }, { name, data: payload });
  }

  /** At most `n` jobs of this queue run at once across every worker process (stored in Redis). */
  async limitGlobally(queueName: QueueName, n: number): Promise<void> {
    await this.queue(queueName).setGlobalConcurrency(n);
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all([...this.queues.values()].map((q) => q.close()));
  }
}
