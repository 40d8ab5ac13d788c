// The fan-out writes its emails itself (pulse-mail.ts) instead of through nodemailer's composer:
// read back by a real mail parser, each must say exactly what the composer's would — same
// sender, recipient, subject (encoded when it is not ASCII) and text, link intact.
import { simpleParser, type ParsedMail } from 'mailparser';
import MailComposer from 'nodemailer/lib/mail-composer';
import type { WorkerConfig } from '../../common/worker-config.js';
import type { Mailer } from '../notifications/mailer.js';
import { PulseMail } from './pulse-mail.js';

const config = { values: { PUBLIC_WEB_URL: 'https://pulse.example' } } as unknown as WorkerConfig;
const mail = (from: string) => new PulseMail({ from, transport: {} } as unknown as Mailer, config);
const token = '1c9d2a9e-4b1f-4b55-8f7e-0a1b2c3d4e5f.Qm9vLUJvby1CZWVwLUJvcC1CbGlwLUJsb3AtMTIzNDU2Nzg';
const closesAt = new Date('2026-11-26T10:00:00Z');

async function composed(from: string, to: string, subject: string, text: string): Promise<ParsedMail> {
  const message = await new Promise<Buffer>((resolve, reject) => new MailComposer({ from, to, subject, text }).compile().build((error, m) => (error ? reject(error) : resolve(m))));
  return simpleParser(message);
}

const summary = (m: ParsedMail) => ({
  from: m.from?.value,
  to: (Array.isArray(m.to) ? m.to[0] : m.to)?.value,
  subject: m.subject,
  text: m.text,
  contentType: m.headers.get('content-type'),
  mimeVersion: m.headers.get('mime-version'),
  hasMessageId: Boolean(m.messageId),
  hasDate: m.date instanceof Date && !Number.isNaN(m.date.getTime()),
});

describe('PulseMail.compose', () => {
  it.each([
    ['an ASCII organisation', 'Pulsewise <pulse@pulsewise.example>', 'Acme', 'Ana', 'invitation'],
    ['a non-ASCII organisation and name, a long subject', '"Pulsewise — Puls" <pulse@pulsewise.example>', 'Société Générale des Œuvres Très Longues et Compliquées du Nord-Pas-de-Calais', 'Zoë Ødegård-Łukasiewicz', 'reminder'],
    ['a bare sender address', 'pulse@pulsewise.example', 'Initech', 'Bob', 'reminder'],
  ] as const)('reads back as nodemailer composed it: %s', async (_, from, organization, displayName, kind) => {
    const m = mail(from);
    const { subject, text } = m.content({ displayName }, organization, token, closesAt, kind);
    const ours = await simpleParser(m.compose('someone.else+pulse@example.org', subject, text));
    const theirs = await composed(from, 'someone.else+pulse@example.org', subject, text);
    expect(summary(ours)).toEqual(summary(theirs));
    expect(ours.text).toContain(`https://pulse.example/pulse#token=${encodeURIComponent(token)}`);
    expect(ours.subject).toBe(subject);
  });

  it('keeps every line of the message within 78 characters', () => {
    const m = mail('Pulsewise <pulse@pulsewise.example>');
    const { subject, text } = m.content({ displayName: 'A'.repeat(200) }, 'Ü'.repeat(120), token, closesAt, 'invitation');
    for (const line of m.compose('a@b.example', subject, text).split('\r\n')) expect(line.length).toBeLessThanOrEqual(78);
  });
});
