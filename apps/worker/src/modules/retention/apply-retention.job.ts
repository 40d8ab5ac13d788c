// Retention, daily: in every active tenant, raw answers (and comments) of rounds
// that closed longer ago than the tenant's retention period are deleted, with
// those rounds' participation rows; the round is marked so it is never
// aggregated again, and its audited release stays. Participation rows of people
// who have left the directory are deleted once their round has closed. Each
// tenant is one transaction: a crash leaves a tenant either done or untouched,
// and the next run finishes the rest.
import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { Job } from 'bullmq';
import { withTenant } from '@pulsewise/db';
import { JobName, jobId, QueueName, sweepPayload } from '@pulsewise/jobs';
import { Clock } from '../../common/clock.js';
import { WorkerDb, WorkerQueues } from '../../common/infrastructure.js';
import { parsePayload, type JobProcessor } from '../../common/job-processor.js';

/** 03:30 UTC every day. */
export const RETENTION_PATTERN = '30 3 * * *';

export interface RetentionReport {
  tenants: number;
  roundsPurged: number;
  answersDeleted: number;
  commentsDeleted: number;
  participationDeleted: number;
}

@Injectable()
export class ApplyRetentionJob implements JobProcessor, OnApplicationBootstrap {
  readonly jobName = JobName.APPLY_RETENTION;
  private readonly logger = new Logger(ApplyRetentionJob.name);

  constructor(
    private readonly db: WorkerDb,
    private readonly queues: WorkerQueues,
    private readonly clock: Clock,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queues.repeat(QueueName.MAINTENANCE, jobId.retentionScheduler, RETENTION_PATTERN, JobName.APPLY_RETENTION, {});
  }

  async process(job: Job): Promise<RetentionReport> {
    parsePayload(sweepPayload, job);
    const policies = await this.db.client.$queryRaw<{ tenant_id: string; response_retention_months: number }[]>`SELECT tenant_id, response_retention_months FROM retention_policies()`;
    const report: RetentionReport = { tenants: policies.length, roundsPurged: 0, answersDeleted: 0, commentsDeleted: 0, participationDeleted: 0 };
    const now = this.clock.now();
    for (const policy of policies) {
      const cutoff = new Date(now);
      cutoff.setUTCMonth(cutoff.getUTCMonth() - policy.response_retention_months);
      await withTenant(this.db.client, policy.tenant_id, async (tx) => {
        const expired = (await tx.pulseRound.findMany({ where: { status: 'CLOSED', closedAt: { lt: cutoff }, answersPurgedAt: null }, select: { id: true } })).map((r) => r.id);
        if (expired.length) {
          report.answersDeleted += (await tx.response.deleteMany({ where: { roundId: { in: expired } } })).count;
          report.commentsDeleted += (await tx.responseComment.deleteMany({ where: { roundId: { in: expired } } })).count;
          report.participationDeleted += (await tx.pulseInvitation.deleteMany({ where: { roundId: { in: expired } } })).count;
          report.roundsPurged += (await tx.pulseRound.updateMany({ where: { id: { in: expired } }, data: { answersPurgedAt: now } })).count;
        }
        // People who left: their participation goes once the round is closed (its audience is frozen by then).
        report.participationDeleted += (await tx.pulseInvitation.deleteMany({ where: { round: { status: 'CLOSED' }, person: { active: false } } })).count;
      });
    }
    if (report.roundsPurged || report.participationDeleted) this.logger.log(`Retention: ${JSON.stringify(report)}`);
    return report;
  }
}
