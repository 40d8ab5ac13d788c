import { Injectable } from '@nestjs/common';
import type { Job } from 'bullmq';
import { JobName, roundPayload } from '@pulsewise/jobs';
import { parsePayload, type JobProcessor } from '../../common/job-processor.js';
import { RoundAggregator } from './round-aggregator.js';

@Injectable()
export class AggregateRoundJob implements JobProcessor {
  readonly jobName = JobName.AGGREGATE_ROUND;
  constructor(private readonly aggregator: RoundAggregator) {}

  process(job: Job) {
    const payload = parsePayload(roundPayload, job);
    return this.aggregator.aggregate(payload.tenantId, payload.roundId);
  }
}
