import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import nodemailer, { type Transporter } from 'nodemailer';
import { WorkerConfig } from '../../common/worker-config.js';

/** One pooled SMTP transport per process (SMTP_URL, e.g. smtp://user:pass@host:587). */
@Injectable()
export class Mailer implements OnModuleDestroy {
  readonly transport: Transporter;
  readonly from: string;

  constructor(config: WorkerConfig) {
    const url = new URL(config.values.SMTP_URL);
    // Pooled connections: invitation fan-out sends thousands of messages per minute.
    url.searchParams.set('pool', 'true');
    this.transport = nodemailer.createTransport(url.toString());
    this.from = config.values.MAIL_FROM;
  }

  onModuleDestroy(): void {
    this.transport.close();
  }
}
