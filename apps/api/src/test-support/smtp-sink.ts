// A real SMTP server inside the test process; tests read what was delivered.
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string;
  subject: string;
  text: string;
}

export class SmtpSink {
  readonly messages: ReceivedMail[] = [];
  /** Server errors other than a sender hanging up. */
  readonly errors: Error[] = [];
  private server?: SMTPServer;
  url = '';

  async start(): Promise<this> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData: (stream, _session, callback) => {
        simpleParser(stream).then((mail) => {
          this.messages.push({ to: (Array.isArray(mail.to) ? mail.to[0] : mail.to)?.text ?? '', subject: mail.subject ?? '', text: mail.text ?? '' });
          callback();
        }, callback);
      },
    });
    // A sender killed mid-session (the crash tests kill -9 the worker) resets its connection;
    // smtp-server reports that as an 'error' event, which must not bring the test process down.
    this.server.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'ECONNRESET' && error.code !== 'EPIPE') this.errors.push(error);
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `smtp://127.0.0.1:${(this.server.server.address() as AddressInfo).port}`;
    return this;
  }

  to(email: string): ReceivedMail[] {
    return this.messages.filter((m) => m.to === email);
  }

  async waitFor(predicate: (messages: ReceivedMail[]) => boolean, timeoutMs = 15_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate(this.messages)) {
      if (Date.now() > deadline) throw new Error(`Timed out waiting for mail; received: ${this.messages.map((m) => `${m.to}: ${m.subject}`).join('; ') || 'nothing'}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  stop(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

export function tokenFrom(mail: ReceivedMail): string {
  const match = /#token=([^\s]+)/.exec(mail.text);
  if (!match) throw new Error('no pulse link in the email');
  return decodeURIComponent(match[1]!);
}
