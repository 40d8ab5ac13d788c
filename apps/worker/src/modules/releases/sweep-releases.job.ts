// The release sweep: once a month (and when the worker starts) it finds closed
// rounds whose release is missing — an aggregation job lost with Redis data — or
// was made with a lower k than the round now has (the tenant raised k since), and
// queues their aggregation, oldest first per programme (each release is audited
// against the ones before it). Aggregation is idempotent, so a sweep that overlaps
// a normal round close only repeats work, never changes a result. It then builds the
// monthly roll-ups that are due (month-rollup.ts): months whose rounds all have their
// releases; a month still waiting for a round queued here is built when that round's
// aggregation finishes.
import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { Job } from 'bullmq';
import { JobName, jobId, QueueName, sweepPayload } from '@pulsewise/jobs';
import { WorkerDb, WorkerQueues } from '../../common/infrastructure.js';
import { parsePayload, type JobProcessor } from '../../common/job-processor.js';
import { MonthRollups } from './month-rollup.js';

/** 02:00 UTC on the first day of every month. */
export const SWEEP_PATTERN = '0 2 1 * *';

@Injectable()
export class SweepReleasesJob implements JobProcessor, OnApplicationBootstrap {
  readonly jobName = JobName.SWEEP_RELEASES;
  private readonly logger = new Logger(SweepReleasesJob.name);
  private readonly rollups: MonthRollups;

  constructor(
    private readonly db: WorkerDb,
    private readonly queues: WorkerQueues,
  ) {
    this.rollups = new MonthRollups(db);
  }

  async onApplicationBootstrap(): Promise<void> {
    // Each release is audited against the releases before it, so two aggregations must never run
    // side by side — not even in two worker replicas (each runs the queue at concurrency 1).
    await this.queues.limitGlobally(QueueName.RELEASES, 1);
    await this.queues.repeat(QueueName.RELEASES, jobId.releaseSweepScheduler, SWEEP_PATTERN, JobName.SWEEP_RELEASES, {});
    await this.queues.add(QueueName.RELEASES, JobName.SWEEP_RELEASES, {});
  }

  async process(job: Job): Promise<{ queued: number; rollups?: number }> {
    parsePayload(sweepPayload, job);
    const due = await this.db.client.$queryRaw<{ tenant_id: string; round_id: string }[]>`SELECT tenant_id, round_id FROM releases_due()`;
    for (const row of due) {
      await this.queues.add(QueueName.RELEASES, JobName.AGGREGATE_ROUND, { tenantId: row.tenant_id, roundId: row.round_id }, { jobId: jobId.aggregate(row.round_id) });
    }
    if (due.length) this.logger.log(`Queued ${due.length} round(s) for aggregation`);
    const { built } = await this.rollups.buildDue();
    if (built) this.logger.log(`Built ${built} monthly roll-up(s)`);
    return { queued: due.length, ...(built ? { rollups: built } : {}) };
  }
}
