import { Injectable } from '@nestjs/common';
import type { Job } from 'bullmq';
import { JobName, launchRoundPayload } from '@pulsewise/jobs';
import { parsePayload, type JobProcessor } from '../../common/job-processor.js';
import { RoundLauncher } from './round-launcher.js';

@Injectable()
export class LaunchRoundJob implements JobProcessor {
  readonly jobName = JobName.LAUNCH_ROUND;
  constructor(private readonly launcher: RoundLauncher) {}

  async process(job: Job) {
    const payload = parsePayload(launchRoundPayload, job);
    return this.launcher.launch(payload.tenantId, payload.programmeId, payload.manual);
  }
}
