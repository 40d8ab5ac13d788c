// Starts one BullMQ worker per queue and routes each job to its processor by
// name. Refuses to start when a job name has no processor (a job nobody would
// ever run is a bug, found at deploy time rather than in a dead queue).
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Worker, type Job } from 'bullmq';
import { JOB_QUEUE, JobName, QueueName, redisConnection } from '@pulsewise/jobs';
import { JOB_PROCESSORS, type JobProcessor } from './job-processor.js';
import { WorkerMetrics } from './worker-metrics.js';
import { WorkerConfig } from './worker-config.js';

@Injectable()
export class QueueRunner implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Worker');
  private readonly workers: Worker[] = [];
  private readonly byName: Map<string, JobProcessor>;

  constructor(
    @Inject(JOB_PROCESSORS) processors: JobProcessor[],
    private readonly config: WorkerConfig,
    private readonly metrics: WorkerMetrics,
  ) {
    this.byName = new Map(processors.map((p) => [p.jobName, p]));
    const missing = Object.values(JobName).filter((name) => !this.byName.has(name));
    if (missing.length) throw new Error(`No processor for job(s): ${missing.join(', ')}`);
  }

  onApplicationBootstrap(): void {
    const queues = new Set<QueueName>(Object.values(JOB_QUEUE));
    for (const queueName of queues) {
      const worker = new Worker(queueName, (job: Job, token?: string) => this.run(job, token), {
        connection: redisConnection(this.config.values.REDIS_URL),
        prefix: this.config.values.REDIS_PREFIX,
        // Aggregation is CPU-bound (suppression + audit): one at a time, so it cannot starve I/O jobs.
        concurrency: queueName === QueueName.RELEASES ? 1 : 5,
        // A job whose worker died is retried once its lock lapses; WORKER_LOCK_MS shortens that in fault tests.
        lockDuration: this.config.values.WORKER_LOCK_MS,
        stalledInterval: Math.max(1_000, Math.floor(this.config.values.WORKER_LOCK_MS / 2)),
      });
      worker.on('failed', (job, error) => this.logger.warn(`${job?.name ?? 'job'} ${job?.id ?? ''} failed (attempt ${job?.attemptsMade ?? '?'}): ${error.message}`));
      worker.on('error', (error) => this.logger.error(`Queue ${queueName}: ${error.message}`));
      this.workers.push(worker);
    }
    this.logger.log(`Processing ${[...queues].join(', ')}`);
  }

  private run(job: Job, token?: string): Promise<unknown> {
    const processor = this.byName.get(job.name);
    if (!processor) throw new Error(`No processor for job ${job.name}`);
    return this.metrics.time(job, () => processor.process(job, token));
  }

  /** Graceful shutdown: stop taking jobs and let running ones finish. */
  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.close()));
  }
}
