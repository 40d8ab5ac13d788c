import { Injectable } from '@nestjs/common';
import type { Job } from 'bullmq';
import { JobName, sendEmailPayload } from '@pulsewise/jobs';
import { parsePayload, type JobProcessor } from '../../common/job-processor.js';
import { Mailer } from './mailer.js';

@Injectable()
export class SendEmailJob implements JobProcessor {
  readonly jobName = JobName.SEND_EMAIL;

  constructor(private readonly mailer: Mailer) {}

  async process(job: Job): Promise<{ messageId: string }> {
    const payload = parsePayload(sendEmailPayload, job);
    const { to, subject, text, html } = payload;
    const info = await this.mailer.transport.sendMail({ from: this.mailer.from, to, subject, text, ...(html ? { html } : {}) });
    return { messageId: String(info.messageId) };
  }
}
