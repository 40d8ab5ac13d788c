// The e2e run's SMTP sink (used by e2e/run.mjs, not by tests directly — tests read mail through
// ./mail.ts). It listens on a free loopback port for the worker's SMTP_URL, keeps every message
// in memory for the whole run, writes each one to e2e/artifacts/mail/<n>.eml for a human to look
// at, and exposes the messages to the test processes through a tiny read-only HTTP endpoint on
// another free loopback port (exported to the tests as E2E_MAIL_URL):
//
//   GET <E2E_MAIL_URL>/messages[?to=<address>][&subject=<substring>][&since=<ISO time>]
//     → 200 JSON [{ id, receivedAt, from, to: [..], subject, text, html, links: [..] }, …]
//       oldest first; `to` matches an envelope recipient (case-insensitive), `subject` a
//       case-insensitive substring, `since` keeps messages received at or after that instant.
//   GET <E2E_MAIL_URL>/messages/<id>.eml → the raw message.
//
// There is deliberately no "clear": test files run in parallel, so each test filters by its own
// recipient (and `since`) instead of emptying a shared mailbox.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

const LINK = /https?:\/\/[^\s"'<>]+/g;

function listen(server, port = 0) {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve(server.address().port);
    });
  });
}

/**
 * Starts the SMTP sink and its HTTP endpoint on free loopback ports.
 * @param {{ dir: string }} options where the .eml copies go (emptied first)
 */
export async function startMailSink({ dir }) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  /** @type {{ id: string, receivedAt: string, from: string | null, to: string[], subject: string, text: string, html: string, links: string[], raw: Buffer }[]} */
  const messages = [];

  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    // The worker is stopped before the sink closes; never wait long for a stray connection.
    closeTimeout: 1_000,
    onData(stream, session, callback) {
      const chunks = [];
      stream.on('data', (chunk) => chunks.push(chunk));
      stream.on('error', callback);
      stream.on('end', async () => {
        try {
          const raw = Buffer.concat(chunks);
          const mail = await simpleParser(raw);
          const id = String(messages.length + 1);
          const text = mail.text ?? '';
          const html = typeof mail.html === 'string' ? mail.html : '';
          const links = [...new Set([...`${text}\n${html}`.matchAll(LINK)].map((m) => m[0].replace(/&amp;/g, '&')))];
          messages.push({
            id,
            receivedAt: new Date().toISOString(),
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : null,
            to: session.envelope.rcptTo.map((r) => r.address),
            subject: mail.subject ?? '',
            text,
            html,
            links,
            raw,
          });
          writeFileSync(join(dir, `${id}.eml`), raw);
          callback();
        } catch (error) {
          callback(error);
        }
      });
    },
  });
  const smtpPort = await listen(smtp.server);

  const http = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const raw = /^\/messages\/(\d+)\.eml$/.exec(url.pathname);
    if (req.method === 'GET' && raw) {
      const message = messages.find((m) => m.id === raw[1]);
      if (!message) return void res.writeHead(404).end();
      return void res.writeHead(200, { 'content-type': 'message/rfc822' }).end(message.raw);
    }
    if (req.method !== 'GET' || url.pathname !== '/messages') return void res.writeHead(404).end();
    const to = url.searchParams.get('to')?.toLowerCase();
    const subject = url.searchParams.get('subject')?.toLowerCase();
    const since = url.searchParams.get('since');
    const sinceMs = since ? Date.parse(since) : Number.NEGATIVE_INFINITY;
    const found = messages
      .filter((m) => !to || m.to.some((address) => address.toLowerCase() === to))
      .filter((m) => !subject || m.subject.toLowerCase().includes(subject))
      .filter((m) => Date.parse(m.receivedAt) >= sinceMs)
      .map(({ raw: _raw, ...rest }) => rest);
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(found));
  });
  const httpPort = await listen(http);

  return {
    smtpUrl: `smtp://127.0.0.1:${smtpPort}`,
    httpUrl: `http://127.0.0.1:${httpPort}`,
    get count() {
      return messages.length;
    },
    async close() {
      http.closeAllConnections?.();
      await Promise.all([
        new Promise((resolve) => http.close(() => resolve())),
        new Promise((resolve) => smtp.close(() => resolve())),
      ]);
    },
  };
}
