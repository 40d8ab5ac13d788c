import { Injectable } from '@nestjs/common';
import type { Job } from 'bullmq';
import { JobName, roundPayload } from '@pulsewise/jobs';
import { parsePayload, type JobProcessor } from '../../common/job-processor.js';
import { ResponseBatcher } from './response-batcher.js';

@Injectable()
export class FlushResponsesJob implements JobProcessor {
  readonly jobName = JobName.FLUSH_RESPONSES;
  constructor(private readonly batcher: ResponseBatcher) {}

  async process(job: Job) {
    const payload = parsePayload(roundPayload, job);
    return { stored: await this.batcher.flush(payload.tenantId, payload.roundId) };
  }
}
