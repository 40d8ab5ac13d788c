import { Injectable } from '@nestjs/common';
import { UnrecoverableError, type Job } from 'bullmq';
import { JobName, roundPayload } from '@pulsewise/jobs';
import type { JobProcessor } from '../../common/job-processor.js';
import { RoundAggregator } from './round-aggregator.js';

@Injectable()
export class AggregateRoundJob implements JobProcessor {
  readonly jobName = JobName.AGGREGATE_ROUND;
  constructor(private readonly aggregator: RoundAggregator) {}

  process(job: Job) {
    const payload = roundPayload.safeParse(job.data);
    if (!payload.success) throw new UnrecoverableError('Invalid aggregate-round payload');
    return this.aggregator.aggregate(payload.data.tenantId, payload.data.roundId);
  }
}
