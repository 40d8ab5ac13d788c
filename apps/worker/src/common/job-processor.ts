import { UnrecoverableError, type Job } from 'bullmq';
import type { JobName } from '@pulsewise/jobs';

/** One class per job: validates its payload (zod, safeParse) and does the work idempotently. */
export interface JobProcessor {
  readonly jobName: JobName;
  process(job: Job, token?: string): Promise<unknown>;
}

export const JOB_PROCESSORS = Symbol('JOB_PROCESSORS');

interface PayloadSchema<T> {
  safeParse(data: unknown): { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[] }[] } };
}

/** Validates a job's payload; a malformed payload can never succeed, so it fails at once instead of retrying. */
export function parsePayload<T>(schema: PayloadSchema<T>, job: Job): T {
  const parsed = schema.safeParse(job.data);
  if (!parsed.success) throw new UnrecoverableError(`Invalid ${job.name} payload: ${parsed.error.issues.map((i) => i.path.join('.')).join(', ')}`);
  return parsed.data;
}
