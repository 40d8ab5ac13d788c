// A local SMTP sink for development (`npm start` runs it on :1025): every email
// the worker sends is printed with its links and kept in tmp/mail/ as .eml.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

const port = Number(process.env.MAIL_SINK_PORT ?? 1025);
const dir = path.resolve(process.env.MAIL_SINK_DIR ?? 'tmp/mail');
mkdirSync(dir, { recursive: true });

const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  onData(stream, session, callback) {
    const chunks = [];
    stream.on('data', (c) => chunks.push(c));
    stream.on('end', async () => {
      const raw = Buffer.concat(chunks);
      const file = path.join(dir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${session.id}.eml`);
      writeFileSync(file, raw);
      const mail = await simpleParser(raw);
      const subject = mail.subject ?? '(no subject)';
      const links = [...(mail.text ?? '').matchAll(/https?:\/\/[^\s"<>]+/g)].map((m) => m[0]);
      console.log(`[mail] to ${session.envelope.rcptTo.map((r) => r.address).join(', ')} — ${subject}${links.length ? `\n       ${links.join('\n       ')}` : ''}`);
      callback();
    });
  },
});
server.listen(port, '127.0.0.1', () => console.log(`[mail] SMTP sink on 127.0.0.1:${port}, messages in ${dir}`));
