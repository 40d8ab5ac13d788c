import { Injectable } from '@nestjs/common';
import { UnrecoverableError, type Job } from 'bullmq';
import { JobName, sendEmailPayload } from '@pulsewise/jobs';
import type { JobProcessor } from '../../common/job-processor.js';
import { Mailer } from './mailer.js';

@Injectable()
export class SendEmailJob implements JobProcessor {
  readonly jobName = JobName.SEND_EMAIL;

  constructor(private readonly mailer: Mailer) {}

  async process(job: Job): Promise<{ messageId: string }> {
    const payload = sendEmailPayload.safeParse(job.data);
    // A malformed payload will never succeed: fail it now instead of retrying.
    if (!payload.success) throw new UnrecoverableError(`Invalid send-email payload: ${payload.error.issues.map((i) => i.path.join('.')).join(', ')}`);
    const { to, subject, text, html } = payload.data;
    const info = await this.mailer.transport.sendMail({ from: this.mailer.from, to, subject, text, ...(html ? { html } : {}) });
    return { messageId: String(info.messageId) };
  }
}
