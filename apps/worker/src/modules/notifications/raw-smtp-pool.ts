// A pool of SMTP connections for messages that are already written (raw): nodemailer's own
// SMTPConnection for the protocol (greeting, EHLO, STARTTLS/TLS, AUTH, dot-stuffing), without
// nodemailer's per-message machinery (MailMessage, the MIME tree and its streams) — which cost
// ≈ 0.27 ms of CPU per message on top of the SMTP exchange itself (≈ 0.08 ms), measured against a
// local smtp-server. The invitation fan-out sends its hundreds of thousands of emails this way.
//
// The same settings as the transport (SMTP_URL): host, port, TLS, user and password,
// maxConnections, maxMessages. What it does not support (OAuth2, a proxy, rate limits) is
// reported by `RawSmtpPool.supports`, and the Mailer then sends through nodemailer's transport.
//
// Failures: a message the server refuses (a bad recipient) rejects its promise and the
// connection is reset and kept; any other error closes the connection and rejects. A message
// whose connection turned out to be closed by the server while idle — the failure is on the
// first command of the message, before any of it was sent — is tried once more on a new one.
import { Logger } from '@nestjs/common';
import SMTPConnection from 'nodemailer/lib/smtp-connection';

export interface RawSmtpOptions extends SMTPConnection.Options {
  auth?: { user?: string; pass?: string; type?: string };
  maxConnections?: number;
  maxMessages?: number;
  proxy?: unknown;
  rateLimit?: number;
  getSocket?: unknown;
}

interface Envelope {
  from: string;
  to: string[];
}

interface Pending {
  envelope: Envelope;
  raw: string;
  retried: boolean;
  resolve: () => void;
  reject: (error: Error) => void;
}

interface Slot {
  connection: SMTPConnection;
  ready: boolean;
  busy: boolean;
  closed: boolean;
  messages: number;
  idleTimer?: NodeJS.Timeout;
}

/** A connection left idle this long is closed (the server would close it sooner or later). */
const IDLE_MS = 5_000;

export class RawSmtpPool {
  private readonly logger = new Logger('RawSmtpPool');
  private readonly queue: Pending[] = [];
  private readonly slots = new Set<Slot>();
  private closed = false;

  /** Whether these transport options can be served by this pool (plain or no authentication, no proxy, no rate limit). */
  static supports(options: RawSmtpOptions): boolean {
    const authType = (options.auth?.type ?? '').toString().toUpperCase();
    return !options.proxy && !options.getSocket && !options.rateLimit && (!options.auth || ((authType === '' || authType === 'LOGIN') && Boolean(options.auth.user || options.auth.pass)));
  }

  constructor(private readonly options: RawSmtpOptions) {}

  private get maxConnections(): number {
    return Math.max(1, Number(this.options.maxConnections ?? 5));
  }

  private get maxMessages(): number {
    const n = Number(this.options.maxMessages ?? 100);
    return n > 0 ? n : Infinity;
  }

  send(envelope: Envelope, raw: string): Promise<void> {
    if (this.closed) return Promise.reject(new Error('the SMTP pool is closed'));
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ envelope, raw, retried: false, resolve, reject });
      this.dispatch();
    });
  }

  close(): void {
    this.closed = true;
    for (const slot of this.slots) this.retire(slot, true);
    for (const p of this.queue.splice(0)) p.reject(new Error('the SMTP pool is closed'));
  }

  private dispatch(): void {
    while (this.queue.length) {
      let idle: Slot | undefined;
      for (const slot of this.slots) if (slot.ready && !slot.busy && !slot.closed) idle = slot;
      if (idle) {
        this.run(idle, this.queue.shift()!);
        continue;
      }
      const opening = [...this.slots].filter((s) => !s.ready && !s.closed).length;
      if (this.slots.size < this.maxConnections && opening < this.queue.length) {
        this.open();
        continue;
      }
      return;
    }
  }

  private open(): void {
    const connection = new SMTPConnection(this.options);
    const slot: Slot = { connection, ready: false, busy: false, closed: false, messages: 0 };
    this.slots.add(slot);
    // Errors come back through the callbacks too; an idle connection's error only closes it.
    connection.on('error', (error: Error) => {
      if (!slot.busy && slot.ready) this.logger.debug?.(`idle SMTP connection closed: ${error.message}`);
      if (!slot.ready) this.failOpening(slot, error);
      else if (!slot.busy) this.retire(slot);
    });
    connection.once('end', () => {
      if (!slot.ready) this.failOpening(slot, new Error('the SMTP server closed the connection'));
      else if (!slot.busy) this.retire(slot);
    });
    connection.connect(() => {
      if (slot.closed) return;
      const ready = () => {
        slot.ready = true;
        this.dispatch();
        this.idle(slot);
      };
      const auth = this.options.auth;
      if (auth && connection.allowsAuth) {
        connection.login({ credentials: { user: auth.user ?? '', pass: auth.pass ?? '' } } as SMTPConnection.AuthenticationCredentials, (error) => {
          if (error) this.failOpening(slot, error);
          else ready();
        });
      } else ready();
    });
  }

  /** A connection that could not be opened: whatever waits for one fails (the callers retry later), unless another connection is up. */
  private failOpening(slot: Slot, error: Error): void {
    if (slot.closed) return;
    this.retire(slot);
    const up = [...this.slots].some((s) => s.ready && !s.closed);
    if (!up) for (const p of this.queue.splice(0)) p.reject(error);
    else this.dispatch();
  }

  private run(slot: Slot, pending: Pending): void {
    slot.busy = true;
    if (slot.idleTimer) clearTimeout(slot.idleTimer);
    const reused = slot.messages > 0;
    slot.connection.send(pending.envelope, pending.raw, (error) => {
      slot.busy = false;
      slot.messages++;
      if (!error) {
        pending.resolve();
        if (slot.messages >= this.maxMessages) this.retire(slot, true);
        else this.idle(slot);
        this.dispatch();
        return;
      }
      const smtpError = error as SMTPConnection.SMTPError;
      if ((smtpError.code === 'EENVELOPE' || smtpError.code === 'EMESSAGE') && smtpError.responseCode !== 421) {
        // The server refused this message; the connection is fine.
        pending.reject(error);
        slot.busy = true;
        slot.connection.reset((resetError) => {
          slot.busy = false;
          if (resetError) this.retire(slot);
          else this.idle(slot);
          this.dispatch();
        });
        return;
      }
      this.retire(slot);
      // Closed by the server while idle: nothing of this message was sent (the first command failed).
      if (reused && !pending.retried && smtpError.command === 'MAIL FROM') {
        pending.retried = true;
        this.queue.unshift(pending);
      } else pending.reject(error);
      this.dispatch();
    });
  }

  private idle(slot: Slot): void {
    if (slot.closed) return;
    if (slot.idleTimer) slot.idleTimer.refresh();
    else {
      slot.idleTimer = setTimeout(() => {
        if (!slot.busy) this.retire(slot, true);
      }, IDLE_MS);
      slot.idleTimer.unref();
    }
  }

  private retire(slot: Slot, politely = false): void {
    if (slot.closed) return;
    slot.closed = true;
    this.slots.delete(slot);
    if (slot.idleTimer) clearTimeout(slot.idleTimer);
    try {
      if (politely && slot.ready) slot.connection.quit();
      else slot.connection.close();
    } catch {
      // already gone
    }
  }
}
