// The fan-out's SMTP pool against a real SMTP server (smtp-server, in this process): every
// message arrives once, on at most maxConnections connections, each closed after maxMessages;
// a refused recipient fails only its own message; a connection the server dropped while idle
// is replaced without losing the next message; an unreachable server fails the sends.
import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerSession } from 'smtp-server';
import { RawSmtpPool } from './raw-smtp-pool.js';

interface Received {
  to: string[];
  data: string;
  session: string;
}

let server: SMTPServer;
let port = 0;
const received: Received[] = [];
const open = new Set<string>();
let peak = 0;
const sessions = new Set<string>();
const sockets = new Map<string, SMTPServerSession>();

beforeAll(async () => {
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onConnect(session, callback) {
      open.add(session.id);
      sessions.add(session.id);
      sockets.set(session.id, session);
      peak = Math.max(peak, open.size);
      callback();
    },
    onClose(session) {
      open.delete(session.id);
    },
    onRcptTo(address, _session, callback) {
      if (address.address.startsWith('refuse')) callback(new Error('550 no such user'));
      else callback();
    },
    onData(stream, session, callback) {
      let data = '';
      stream.on('data', (chunk: Buffer) => (data += chunk.toString()));
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), data, session: session.id });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.server.address() as AddressInfo).port;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

beforeEach(() => {
  received.length = 0;
  sessions.clear();
  peak = open.size;
});

const message = (i: number) => `To: p${i}@example.org\r\nSubject: ${i}\r\n\r\nHello ${i}\r\n.starts with a dot\r\n`;

it('delivers every message once, on at most maxConnections connections, each used for at most maxMessages', async () => {
  const pool = new RawSmtpPool({ host: '127.0.0.1', port, maxConnections: 3, maxMessages: 10 });
  try {
    await Promise.all(Array.from({ length: 60 }, (_, i) => pool.send({ from: 'pulse@example.org', to: [`p${i}@example.org`] }, message(i))));
  } finally {
    pool.close();
  }
  expect(received.map((r) => r.to[0]).sort()).toEqual(Array.from({ length: 60 }, (_, i) => `p${i}@example.org`).sort());
  expect(received.find((r) => r.to[0] === 'p7@example.org')!.data).toBe(message(7)); // dot-stuffing undone by the server: the text as written
  expect(peak).toBeLessThanOrEqual(3);
  const perSession = new Map<string, number>();
  for (const r of received) perSession.set(r.session, (perSession.get(r.session) ?? 0) + 1);
  expect(Math.max(...perSession.values())).toBeLessThanOrEqual(10);
  expect(perSession.size).toBeGreaterThanOrEqual(6);
});

it('fails only the message whose recipient the server refuses', async () => {
  const pool = new RawSmtpPool({ host: '127.0.0.1', port, maxConnections: 1 });
  try {
    const results = await Promise.allSettled(['a', 'refuse-me', 'b', 'c'].map((name) => pool.send({ from: 'pulse@example.org', to: [`${name}@example.org`] }, message(0))));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
  } finally {
    pool.close();
  }
  expect(received.map((r) => r.to[0])).toEqual(['a@example.org', 'b@example.org', 'c@example.org']);
  expect(sessions.size).toBe(1); // the refusal did not cost the connection
});

it('replaces a connection the server closed while it was idle, without losing the next message', async () => {
  const pool = new RawSmtpPool({ host: '127.0.0.1', port, maxConnections: 1 });
  try {
    await pool.send({ from: 'pulse@example.org', to: ['first@example.org'] }, message(1));
    // The server drops the idle connection (as servers do after a while).
    const [id] = [...sessions];
    (sockets.get(id!) as unknown as { _socket?: { destroy(): void } } | undefined)?._socket?.destroy?.();
    for (const c of (server as unknown as { connections: Set<{ id: string; close(): void }> }).connections) if (c.id === id) c.close();
    await new Promise((r) => setTimeout(r, 100));
    await pool.send({ from: 'pulse@example.org', to: ['second@example.org'] }, message(2));
  } finally {
    pool.close();
  }
  expect(received.map((r) => r.to[0])).toEqual(['first@example.org', 'second@example.org']);
});

it('rejects the sends when the server cannot be reached', async () => {
  const pool = new RawSmtpPool({ host: '127.0.0.1', port: 1, maxConnections: 2, connectionTimeout: 2_000 });
  try {
    const results = await Promise.allSettled([1, 2, 3].map((i) => pool.send({ from: 'pulse@example.org', to: [`p${i}@example.org`] }, message(i))));
    expect(results.every((r) => r.status === 'rejected')).toBe(true);
  } finally {
    pool.close();
  }
});

it('is used only for settings it supports', () => {
  expect(RawSmtpPool.supports({ host: 'relay', auth: { user: 'u', pass: 'p' } })).toBe(true);
  expect(RawSmtpPool.supports({ host: 'relay' })).toBe(true);
  expect(RawSmtpPool.supports({ host: 'relay', auth: { type: 'OAuth2', user: 'u' } })).toBe(false);
  expect(RawSmtpPool.supports({ host: 'relay', proxy: 'socks5://proxy:1080' })).toBe(false);
  expect(RawSmtpPool.supports({ host: 'relay', rateLimit: 10 })).toBe(false);
});
