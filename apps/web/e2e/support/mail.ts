/**
 * Reading the emails the worker sent during this run. e2e/run.mjs starts an SMTP sink
 * (./mail-sink.mjs) on a free loopback port, gives it to the API and worker as SMTP_URL, keeps
 * every message for the whole run (copies in e2e/artifacts/mail/<n>.eml) and tells the tests
 * where to read them through E2E_MAIL_URL:
 *
 *   GET $E2E_MAIL_URL/messages?to=<address>&subject=<substring>&since=<ISO time>  → Mail[] (oldest first)
 *   GET $E2E_MAIL_URL/messages/<id>.eml                                          → the raw message
 *
 * Test files run in parallel and share the sink: filter by your own recipient and by `since`
 * (taken just before the action that sends the mail) rather than expecting an empty mailbox.
 *
 *   const since = new Date();
 *   … invite someone …
 *   const mail = await waitForMail({ to: 'new.person@acme.example', subject: 'invit', since });
 *   await page.goto(mail.links.find((l) => l.includes('/accept-invitation'))!);
 */
import { requiredEnv } from './backend';

export interface Mail {
  id: string;
  receivedAt: string;
  /** Envelope sender. */
  from: string | null;
  /** Envelope recipients. */
  to: string[];
  subject: string;
  text: string;
  html: string;
  /** Every http(s) link in the text and HTML bodies, deduplicated. */
  links: string[];
}

export interface MailFilter {
  /** An envelope recipient (case-insensitive). */
  to?: string;
  /** A case-insensitive substring of the subject. */
  subject?: string;
  /** Only messages received at or after this instant. */
  since?: Date;
}

export function mailUrl(): string {
  return requiredEnv('E2E_MAIL_URL').replace(/\/+$/, '');
}

/** The messages received so far that match, oldest first. */
export async function listMail(filter: MailFilter = {}): Promise<Mail[]> {
  const url = new URL(`${mailUrl()}/messages`);
  if (filter.to) url.searchParams.set('to', filter.to);
  if (filter.subject) url.searchParams.set('subject', filter.subject);
  if (filter.since) url.searchParams.set('since', filter.since.toISOString());
  const response = await fetch(url);
  if (!response.ok) throw new Error(`mail sink answered ${response.status} for ${url}`);
  return (await response.json()) as Mail[];
}

/** Waits for the first message that matches (sending goes through the worker's queue). */
export async function waitForMail(filter: MailFilter & { timeoutMs?: number }): Promise<Mail> {
  const deadline = Date.now() + (filter.timeoutMs ?? 15_000);
  for (;;) {
    const [first] = await listMail(filter);
    if (first) return first;
    if (Date.now() > deadline) {
      const all = await listMail({ since: filter.since });
      const seen = all.map((m) => `  ${m.to.join(', ')} — ${m.subject}`).join('\n') || '  (none)';
      throw new Error(`no email matching ${JSON.stringify({ to: filter.to, subject: filter.subject })} within ${(filter.timeoutMs ?? 15_000) / 1000}s; received:\n${seen}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
