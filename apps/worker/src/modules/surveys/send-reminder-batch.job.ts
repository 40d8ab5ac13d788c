import { Injectable } from '@nestjs/common';
import type { Job } from 'bullmq';
import { JobName } from '@pulsewise/jobs';
import { parsePayload, type JobProcessor } from '../../common/job-processor.js';
import { reminderBatchPayload, ReminderBatchDelivery } from './reminder-batch-delivery.js';

/** Sends one reminder to the invitations one run of an invitation batch sent (reminder-batch-delivery.ts). */
@Injectable()
export class SendReminderBatchJob implements JobProcessor {
  readonly jobName = JobName.SEND_REMINDER_BATCH;
  constructor(private readonly delivery: ReminderBatchDelivery) {}

  process(job: Job, token?: string) {
    return this.delivery.deliver(job, token, parsePayload(reminderBatchPayload, job));
  }
}
