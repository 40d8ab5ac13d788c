import { Global, Inject, Injectable, Module, type OnModuleDestroy } from '@nestjs/common';
import { createQueue, enqueue, QueueName, redisConnection, type JobName, type JobPayload } from '@pulsewise/jobs';
import type { Queue, JobsOptions } from 'bullmq';
import { AppConfigService } from '../config/app-config.service.js';

/**
 * Enqueues jobs for the worker. Call it only after the transaction that
 * justified the job has committed (never inside one): a rolled-back action
 * must not send an email.
 */
@Injectable()
export class JobQueues implements OnModuleDestroy {
  private readonly queues = new Map<QueueName, Queue>();

  constructor(@Inject(AppConfigService) private readonly config: AppConfigService) {}

  queue(name: QueueName): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = createQueue(name, redisConnection(this.config.values.REDIS_URL), this.config.values.REDIS_PREFIX);
      this.queues.set(name, queue);
    }
    return queue;
  }

  async add<N extends JobName>(queueName: QueueName, name: N, payload: JobPayload<N>, options?: JobsOptions): Promise<void> {
    await enqueue(this.queue(queueName), name, payload, options);
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all([...this.queues.values()].map((q) => q.close()));
  }
}

@Global()
@Module({ providers: [JobQueues], exports: [JobQueues] })
export class QueuesModule {}
