import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import nodemailer, { type Transporter } from 'nodemailer';
import { WorkerConfig } from '../../common/worker-config.js';
import { RawSmtpPool, type RawSmtpOptions } from './raw-smtp-pool.js';

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
  private raw?: RawSmtpPool | null;

  constructor(config: WorkerConfig) {
    const url = new URL(config.values.SMTP_URL);
    // Pooled connections: invitation fan-out sends thousands of messages per minute.
    url.searchParams.set('pool', 'true');
    if (!url.searchParams.has('maxConnections')) url.searchParams.set('maxConnections', DEFAULT_MAX_CONNECTIONS);
    this.transport = nodemailer.createTransport(url.toString());
    this.from = config.values.MAIL_FROM;
  }

  /**
   * Sends a message that is already written (headers and body, CRLF line ends) to the envelope's
   * recipients: over a pool of bare SMTP connections with the transport's settings when it can
   * (raw-smtp-pool.ts: far less CPU per message), else through the transport.
   */
  async sendRaw(envelope: { from: string; to: string[] }, raw: string): Promise<void> {
    if (this.raw === undefined) {
      const options = (this.transport.transporter as unknown as { options?: RawSmtpOptions }).options;
      this.raw = options && RawSmtpPool.supports(options) ? new RawSmtpPool(options) : null;
    }
    if (this.raw) await this.raw.send(envelope, raw);
    else await this.transport.sendMail({ envelope, raw });
  }

  onModuleDestroy(): void {
    this.raw?.close();
    this.transport.close();
  }
}
