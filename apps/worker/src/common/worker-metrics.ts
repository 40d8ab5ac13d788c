// The worker's Prometheus metrics, served on its own port (WORKER_METRICS_PORT, bound to
// WORKER_METRICS_HOST, bearer METRICS_TOKEN; not served without a token).
//
// Why the worker and not the API: queue depth and job durations describe the worker's
// work, and the worker is the one deployment that sees every job run. API replicas scale
// with traffic; had each of them reported the queues, Prometheus would hold N copies of the
// same series, and the API would need Redis round trips on every scrape for work it does not do.
import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { createQueue, QueueName, redisConnection } from '@pulsewise/jobs';
import { DelayedError, type Job, type Queue } from 'bullmq';
import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import { WorkerConfig } from './worker-config.js';

const STATES = ['waiting', 'active', 'delayed', 'failed', 'prioritized', 'waiting-children'] as const;
const digest = (s: string) => createHash('sha256').update(s).digest();

@Injectable()
export class WorkerMetrics implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Metrics');
  readonly registry = new Registry();
  private readonly queues: Queue[] = [];
  private server?: Server;

  readonly jobDuration = new Histogram({
    name: 'pulsewise_job_duration_seconds',
    help: 'Time a job spent in its processor, by queue, job name and outcome (completed, failed, delayed)',
    labelNames: ['queue', 'job', 'outcome'] as const,
    buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300],
    registers: [this.registry],
  });

  constructor(private readonly config: WorkerConfig) {
    this.registry.setDefaultLabels({ service: 'worker' });
    collectDefaultMetrics({ register: this.registry });
    const queues = this.queues;
    new Gauge({
      name: 'pulsewise_queue_jobs',
      help: 'Jobs in each queue by state, read from Redis at scrape time',
      labelNames: ['queue', 'state'] as const,
      registers: [this.registry],
      async collect() {
        this.reset();
        await Promise.all(
          queues.map(async (queue) => {
            const counts = await queue.getJobCounts(...STATES);
            for (const state of STATES) this.set({ queue: queue.name, state }, counts[state] ?? 0);
          }),
        );
      },
    });
  }

  /** Times one job run; `outcome` is decided by how the processor ended. */
  async time<T>(job: Job, run: () => Promise<T>): Promise<T> {
    const end = this.jobDuration.startTimer({ queue: job.queueName, job: job.name });
    try {
      const result = await run();
      end({ outcome: 'completed' });
      return result;
    } catch (error) {
      end({ outcome: error instanceof DelayedError ? 'delayed' : 'failed' });
      throw error;
    }
  }

  /** The port the metrics server listens on (tests start it on port 0). */
  get port(): number | undefined {
    return (this.server?.address() as AddressInfo | null)?.port;
  }

  async onApplicationBootstrap(): Promise<void> {
    const { METRICS_TOKEN: token, WORKER_METRICS_PORT: port, WORKER_METRICS_HOST: host, REDIS_URL, REDIS_PREFIX } = this.config.values;
    if (!token) return;
    for (const name of Object.values(QueueName)) this.queues.push(createQueue(name, redisConnection(REDIS_URL), REDIS_PREFIX));
    this.server = createServer((req, res) => {
      if (req.method !== 'GET' || (req.url ?? '').split('?')[0] !== '/metrics') return void res.writeHead(404).end();
      const presented = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? '';
      if (!timingSafeEqual(digest(presented), digest(token))) return void res.writeHead(401, { 'www-authenticate': 'Bearer' }).end();
      this.registry.metrics().then(
        (body) => res.writeHead(200, { 'content-type': this.registry.contentType }).end(body),
        (error: Error) => {
          this.logger.warn(`metrics collection failed: ${error.message}`);
          res.writeHead(503).end();
        },
      );
    });
    await new Promise<void>((resolve) => this.server!.listen(port, host, resolve));
    this.logger.log(`Metrics on http://${host}:${this.port}/metrics`);
  }

  async onApplicationShutdown(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    await Promise.all(this.queues.map((q) => q.close()));
  }
}
