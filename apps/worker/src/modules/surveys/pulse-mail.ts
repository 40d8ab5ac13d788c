// The invitation and reminder emails. The link's token appears only here and in the recipient's inbox.
//
// A round's fan-out sends one email per person, all alike but for the name and the link, so the
// message is put together here rather than by nodemailer's composer (≈ 0.34 ms of CPU per email
// — most of the fan-out's — for header parsing, encoding and MIME streams): the headers that are
// the same for every email of a round (From, Subject, MIME headers) are encoded once by
// nodemailer's own MimeNode and kept; per email only To, Message-ID and Date are added and the
// text is quoted-printable encoded (nodemailer's encoder, as its composer would). The result goes
// out as a raw message with an explicit envelope (Mailer.sendRaw: the same SMTP settings). An address that is not
// plain ASCII (an international address needing encoding) takes nodemailer's composer as before.
import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import addressparser from 'nodemailer/lib/addressparser';
import MimeNode from 'nodemailer/lib/mime-node';
import { encode as qpEncode, wrap as qpWrap } from 'nodemailer/lib/qp';
import { WorkerConfig } from '../../common/worker-config.js';
import { Mailer } from '../notifications/mailer.js';

type Kind = 'invitation' | 'reminder';

/** An address nodemailer would write as it is (no display name, no encoding, nothing to quote or fold). */
const PLAIN_ADDRESS = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9.-]{1,253}$/;

/** Header lines common to every email with this subject (encoded once, CRLF-terminated). */
interface Template {
  /** From, then To (per email) goes here. */
  from: string;
  /** Subject and the MIME headers, after To, Message-ID and Date. */
  rest: string;
}

@Injectable()
export class PulseMail {
  private readonly templates = new Map<string, Template>();
  private readonly envelopeFrom: string;
  private readonly messageIdDomain: string;

  constructor(
    private readonly mailer: Mailer,
    private readonly config: WorkerConfig,
  ) {
    const [from] = addressparser(this.mailer.from, { flatten: true });
    this.envelopeFrom = from?.address ?? '';
    this.messageIdDomain = this.envelopeFrom.split('@')[1] || 'localhost';
  }

  link(token: string): string {
    // The token rides in the fragment, so it never reaches a server log.
    return `${this.config.values.PUBLIC_WEB_URL}/pulse#token=${encodeURIComponent(token)}`;
  }

  /** The email's subject and text (what a recipient reads; the tests read it back through a real SMTP server). */
  content(to: { displayName: string }, organization: string, token: string, closesAt: Date, kind: Kind): { subject: string; text: string } {
    const link = this.link(token);
    const closes = closesAt.toUTCString().replace(/:\d\d GMT$/, ' UTC');
    const subject = kind === 'invitation' ? `Your 2-minute pulse for ${organization}` : `Reminder: your pulse for ${organization} closes soon`;
    const text = [
      `Hello ${to.displayName},`,
      '',
      kind === 'invitation' ? 'A short pulse is open — a few questions about energy, breaks and workload.' : 'A gentle reminder: the pulse is still open. If you have already answered, thank you — ignore this.',
      '',
      `Answer here (this link is yours and works once): ${link}`,
      `It closes ${closes}.`,
      '',
      'Your answers are never shown on their own — not to your manager, HR or anyone else. They only count in groups large enough to keep you anonymous.',
    ].join('\n');
    return { subject, text };
  }

  async send(to: { email: string; displayName: string }, organization: string, token: string, closesAt: Date, kind: Kind): Promise<void> {
    const { subject, text } = this.content(to, organization, token, closesAt, kind);
    if (!this.envelopeFrom || !PLAIN_ADDRESS.test(to.email)) {
      await this.mailer.transport.sendMail({ from: this.mailer.from, to: to.email, subject, text });
      return;
    }
    await this.mailer.sendRaw({ from: this.envelopeFrom, to: [to.email] }, this.compose(to.email, subject, text));
  }

  /** The whole message, as nodemailer's composer would write it for { from, to, subject, text }. */
  compose(to: string, subject: string, text: string): string {
    const template = this.template(subject);
    const date = new Date().toUTCString().replace(/GMT/, '+0000');
    const body = qpWrap(qpEncode(text.replace(/\r?\n/g, '\r\n')), 76);
    return `${template.from}To: ${to}\r\nMessage-ID: <${randomUUID()}@${this.messageIdDomain}>\r\nDate: ${date}\r\n${template.rest}\r\n${body}\r\n`;
  }

  private template(subject: string): Template {
    let template = this.templates.get(subject);
    if (template) return template;
    // nodemailer encodes and folds the headers (a non-ASCII organisation name, a long subject).
    const node = new MimeNode('text/plain; charset=utf-8');
    node.setHeader({ From: this.mailer.from, Subject: subject, 'MIME-Version': '1.0', 'Content-Transfer-Encoding': 'quoted-printable' });
    const headers = node.buildHeaders().split('\r\n');
    // Keep every line of a header (folded continuation lines start with white space).
    const pick = (name: string) => {
      const out: string[] = [];
      let inside = false;
      for (const line of headers) {
        if (/^[ \t]/.test(line)) {
          if (inside) out.push(line);
          continue;
        }
        inside = line.toLowerCase().startsWith(`${name.toLowerCase()}:`);
        if (inside) out.push(line);
      }
      return out.map((line) => `${line}\r\n`).join('');
    };
    template = { from: pick('From'), rest: pick('Subject') + pick('MIME-Version') + pick('Content-Type') + pick('Content-Transfer-Encoding') };
    if (this.templates.size > 1_000) this.templates.clear(); // one or two per round being sent; never unbounded
    this.templates.set(subject, template);
    return template;
  }
}
