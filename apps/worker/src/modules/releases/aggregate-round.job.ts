import { Injectable } from '@nestjs/common';
import type { Job } from 'bullmq';
import { JobName, roundPayload } from '@pulsewise/jobs';
import { parsePayload, type JobProcessor } from '../../common/job-processor.js';
import { withTenant } from '@pulsewise/db';
import { WorkerDb } from '../../common/infrastructure.js';
import { MonthRollups, periodOf } from './month-rollup.js';
import { RoundAggregator } from './round-aggregator.js';

@Injectable()
export class AggregateRoundJob implements JobProcessor {
  readonly jobName = JobName.AGGREGATE_ROUND;
  private readonly rollups: MonthRollups;
  constructor(
    private readonly aggregator: RoundAggregator,
    private readonly db: WorkerDb,
  ) {
    this.rollups = new MonthRollups(db);
  }

  async process(job: Job) {
    const payload = parsePayload(roundPayload, job);
    const result = await this.aggregator.aggregate(payload.tenantId, payload.roundId);
    // The last round of an ended month released: that month's roll-up is due now (it checks
    // for itself that every round of the month is closed and released; same queue, so no
    // other aggregation runs meanwhile). A failure retries this job, which is idempotent.
    const round = await withTenant(this.db.client, payload.tenantId, (tx) => tx.pulseRound.findUnique({ where: { tenantId_id: { tenantId: payload.tenantId, id: payload.roundId } }, select: { opensAt: true } }));
    const rollup = round ? await this.rollups.build(payload.tenantId, periodOf(round.opensAt)) : undefined;
    return { ...result, ...(rollup ? { rollup: rollup.status } : {}) };
  }
}
