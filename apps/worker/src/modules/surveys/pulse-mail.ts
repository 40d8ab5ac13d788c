import { Injectable } from '@nestjs/common';
import { WorkerConfig } from '../../common/worker-config.js';
import { Mailer } from '../notifications/mailer.js';

/** The invitation and reminder emails. The link's token appears only here and in the recipient's inbox. */
@Injectable()
export class PulseMail {
  constructor(
    private readonly mailer: Mailer,
    private readonly config: WorkerConfig,
  ) {}

  link(token: string): string {
    // The token rides in the fragment, so it never reaches a server log.
    return `${this.config.values.PUBLIC_WEB_URL}/pulse#token=${encodeURIComponent(token)}`;
  }

  async send(to: { email: string; displayName: string }, organization: string, token: string, closesAt: Date, kind: 'invitation' | 'reminder'): Promise<void> {
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
    await this.mailer.transport.sendMail({ from: this.mailer.from, to: to.email, subject, text });
  }
}
