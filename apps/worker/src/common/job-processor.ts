import type { Job } from 'bullmq';
import type { JobName } from '@pulsewise/jobs';

/** One class per job: validates its payload (zod, safeParse) and does the work idempotently. */
export interface JobProcessor {
  readonly jobName: JobName;
  process(job: Job, token?: string): Promise<unknown>;
}

export const JOB_PROCESSORS = Symbol('JOB_PROCESSORS');
