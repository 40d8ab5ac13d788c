import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import nodemailer, { type Transporter } from 'nodemailer';
import { WorkerConfig } from '../../common/worker-config.js';

/**
 * SMTP connections in the pool unless SMTP_URL's query says otherwise (`?maxConnections=4` for a
 * relay that allows fewer, more for a distant one). nodemailer's own default is 5; a round's
 * fan-out keeps far more emails than that in flight. Other pool options (maxMessages,
 * rateLimit…) can be set the same way.
 */
const DEFAULT_MAX_CONNECTIONS = '10';

/** One pooled SMTP transport per process (SMTP_URL, e.g. smtp://user:pass@host:587). */
@Injectable()
export class Mailer implements OnModuleDestroy {
  readonly transport: Transporter;
  readonly from: string;

  constructor(config: WorkerConfig) {
    const url = new URL(config.values.SMTP_URL);
    // Pooled connections: invitation fan-out sends thousands of messages per minute.
    url.searchParams.set('pool', 'true');
    if (!url.searchParams.has('maxConnections')) url.searchParams.set('maxConnections', DEFAULT_MAX_CONNECTIONS);
    this.transport = nodemailer.createTransport(url.toString());
    this.from = config.values.MAIL_FROM;
  }

  onModuleDestroy(): void {
    this.transport.close();
  }
}
