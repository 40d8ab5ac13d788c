import { Injectable } from '@nestjs/common';
import { UnrecoverableError, type Job } from 'bullmq';
import { invitationPayload, JobName, reminderPayload } from '@pulsewise/jobs';
import type { JobProcessor } from '../../common/job-processor.js';
import { PulseDelivery } from './pulse-delivery.js';

@Injectable()
export class SendInvitationJob implements JobProcessor {
  readonly jobName = JobName.SEND_INVITATION;
  constructor(private readonly delivery: PulseDelivery) {}

  process(job: Job, token?: string) {
    const payload = invitationPayload.safeParse(job.data);
    if (!payload.success) throw new UnrecoverableError('Invalid send-invitation payload');
    return this.delivery.deliver(job, token, payload.data.tenantId, payload.data.invitationId, { kind: 'invitation' });
  }
}

@Injectable()
export class SendReminderJob implements JobProcessor {
  readonly jobName = JobName.SEND_REMINDER;
  constructor(private readonly delivery: PulseDelivery) {}

  process(job: Job, token?: string) {
    const payload = reminderPayload.safeParse(job.data);
    if (!payload.success) throw new UnrecoverableError('Invalid send-reminder payload');
    return this.delivery.deliver(job, token, payload.data.tenantId, payload.data.invitationId, { kind: 'reminder', n: payload.data.reminder });
  }
}
