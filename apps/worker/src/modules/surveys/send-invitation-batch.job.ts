import { Injectable } from '@nestjs/common';
import type { Job } from 'bullmq';
import { JobName } from '@pulsewise/jobs';
import { parsePayload, type JobProcessor } from '../../common/job-processor.js';
import { invitationBatchPayload } from './invitation-batch.js';
import { InvitationBatchDelivery } from './invitation-batch-delivery.js';

/** Sends one part of a round's invitations (invitation-batch.ts); enqueued by the round launcher. */
@Injectable()
export class SendInvitationBatchJob implements JobProcessor {
  readonly jobName = JobName.SEND_INVITATION_BATCH;
  constructor(private readonly delivery: InvitationBatchDelivery) {}

  process(job: Job, token?: string) {
    return this.delivery.deliver(job, token, parsePayload(invitationBatchPayload, job));
  }
}
