import { Injectable } from '@nestjs/common';
import { UnrecoverableError, type Job } from 'bullmq';
import { JobName, launchRoundPayload } from '@pulsewise/jobs';
import type { JobProcessor } from '../../common/job-processor.js';
import { RoundLauncher } from './round-launcher.js';

@Injectable()
export class LaunchRoundJob implements JobProcessor {
  readonly jobName = JobName.LAUNCH_ROUND;
  constructor(private readonly launcher: RoundLauncher) {}

  async process(job: Job) {
    const payload = launchRoundPayload.safeParse(job.data);
    if (!payload.success) throw new UnrecoverableError('Invalid launch-round payload');
    return this.launcher.launch(payload.data.tenantId, payload.data.programmeId, payload.data.manual);
  }
}
