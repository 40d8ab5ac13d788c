import { Injectable } from '@nestjs/common';
import type { Job } from 'bullmq';
import { invitationPayload, JobName, reminderPayload } from '@pulsewise/jobs';
import { parsePayload, type JobProcessor } from '../../common/job-processor.js';
import { PulseDelivery } from './pulse-delivery.js';

@Injectable()
export class SendInvitationJob implements JobProcessor {
  readonly jobName = JobName.SEND_INVITATION;
  constructor(private readonly delivery: PulseDelivery) {}

  process(job: Job, token?: string) {
    const payload = parsePayload(invitationPayload, job);
    return this.delivery.deliver(job, token, payload.tenantId, payload.invitationId, { kind: 'invitation' });
  }
}

@Injectable()
export class SendReminderJob implements JobProcessor {
  readonly jobName = JobName.SEND_REMINDER;
  constructor(private readonly delivery: PulseDelivery) {}

  process(job: Job, token?: string) {
    const payload = parsePayload(reminderPayload, job);
    return this.delivery.deliver(job, token, payload.tenantId, payload.invitationId, { kind: 'reminder', n: payload.reminder });
  }
}
