import { Injectable } from '@nestjs/common';
import { UnrecoverableError, type Job } from 'bullmq';
import { JobName, roundPayload } from '@pulsewise/jobs';
import type { JobProcessor } from '../../common/job-processor.js';
import { ResponseBatcher } from './response-batcher.js';

@Injectable()
export class FlushResponsesJob implements JobProcessor {
  readonly jobName = JobName.FLUSH_RESPONSES;
  constructor(private readonly batcher: ResponseBatcher) {}

  async process(job: Job) {
    const payload = roundPayload.safeParse(job.data);
    if (!payload.success) throw new UnrecoverableError('Invalid flush payload');
    return { stored: await this.batcher.flush(payload.data.tenantId, payload.data.roundId) };
  }
}
