// submitPulse's participation transaction runs on a pooled connection of its own, in two
// PostgreSQL round trips (PulseRepository.submitTransaction): counted here on the wire, through
// a proxy that reads the client's protocol messages. And when that connection dies after the
// answer was buffered but before COMMIT, the answer is taken back out of the buffer, the link
// stays unused (it can be answered again), and the pool recovers by itself.
import { randomBytes } from 'node:crypto';
import { createServer, connect, type AddressInfo, type Server, type Socket } from 'node:net';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Redis } from 'ioredis';
import { createPrismaClient, withTenant, type Db } from '@pulsewise/db';
import { createTestDatabase, type TestDatabase } from '@pulsewise/db/testing';
import { ResponseBuffer } from '@pulsewise/jobs';
import { createTenant, type FixtureTenant } from '../src/test-support/fixtures.js';
import { openRoundWithLinks, type OpenRound } from '../src/test-support/pulse-links.js';
import { TcpProxy } from '../src/test-support/tcp-proxy.js';
import { deleteRedisKeys } from '../src/test-support/test-app.js';

/** A PostgreSQL proxy that counts the client's round trips (Sync and simple Query messages) and can drop every connection. */
class CountingPgProxy {
  roundTrips = 0;
  port = 0;
  private server?: Server;
  private readonly sockets = new Set<Socket>();

  async start(): Promise<void> {
    this.server = createServer((client) => {
      const upstream = connect({ host: '127.0.0.1', port: 5432 });
      this.sockets.add(client).add(upstream);
      let buffered = Buffer.alloc(0);
      let startup = true; // the first message (and an SSL request) has no type byte
      client.on('data', (chunk: Buffer) => {
        buffered = Buffer.concat([buffered, chunk]);
        for (;;) {
          if (startup) {
            if (buffered.length < 8 || buffered.length < buffered.readInt32BE(0)) break;
            const sslRequest = buffered.readInt32BE(4) === 80877103;
            buffered = buffered.subarray(buffered.readInt32BE(0));
            if (!sslRequest) startup = false;
            continue;
          }
          if (buffered.length < 5 || buffered.length < buffered.readInt32BE(1) + 1) break;
          const type = String.fromCharCode(buffered[0]!);
          if (type === 'S' || type === 'Q') this.roundTrips++;
          buffered = buffered.subarray(buffered.readInt32BE(1) + 1);
        }
        upstream.write(chunk);
      });
      upstream.on('data', (chunk) => client.write(chunk));
      const drop = () => {
        client.destroy();
        upstream.destroy();
        this.sockets.delete(client);
        this.sockets.delete(upstream);
      };
      client.on('error', drop).on('close', drop);
      upstream.on('error', drop).on('close', drop);
    });
    await new Promise<void>((resolve) => this.server!.listen(this.port, '127.0.0.1', () => resolve()));
    this.port = (this.server.address() as AddressInfo).port;
  }

  /** Every open connection drops (the server itself keeps listening). */
  dropConnections(): void {
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
  }

  async stop(): Promise<void> {
    this.dropConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

const postgres = new CountingPgProxy();
const redisProxy = new TcpProxy({ host: '127.0.0.1', port: 6379 });
const prefix = `pwtest:submittx:${randomBytes(4).toString('hex')}`;
let app: NestExpressApplication;
let db: TestDatabase;
let prisma: Db;
let base: string;
let acme: FixtureTenant;
let round: OpenRound;
let redis: Redis;
let buffer: ResponseBuffer;

beforeAll(async () => {
  await postgres.start();
  await redisProxy.start();
  db = await createTestDatabase('submittx');
  const appUrl = new URL(db.appUrl);
  appUrl.port = String(postgres.port);
  Object.assign(process.env, {
    NODE_ENV: 'test',
    DATABASE_URL: appUrl.toString(),
    DATABASE_ADMIN_URL: db.adminUrl,
    REDIS_URL: redisProxy.url('redis://127.0.0.1:6379'),
    REDIS_PREFIX: prefix,
    DATABASE_POOL_SIZE: '4',
    // Only the response buffer talks to Redis during a submission here (the pause below must catch its push).
    RATE_LIMIT_IP: 'off',
    RATE_LIMIT_PULSE_IP: 'off',
    RATE_LIMIT_PULSE_LINK: 'off',
    RATE_LIMIT_PULSE_GUESSES_IP: 'off',
  });
  const { createApp } = await import('../src/bootstrap-app.js');
  app = await createApp(process.env.TEST_LOGS ? {} : { logger: false });
  await app.listen(0, '127.0.0.1');
  base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  prisma = createPrismaClient(db.appUrl, { poolSize: 2 }); // fixtures and checks go around the proxies
  acme = await createTenant(prisma, {
    slug: 'acme',
    units: ['Team'],
    people: Array.from({ length: 8 }, (_, i) => ({ email: `p${i}@acme.test`, roles: ['EMPLOYEE' as const], unit: 'Team' })),
  });
  round = await openRoundWithLinks(prisma, acme.id, Object.values(acme.people));
  redis = new Redis('redis://127.0.0.1:6379', { maxRetriesPerRequest: 3 });
  buffer = new ResponseBuffer(redis, prefix);
}, 60_000);

afterAll(async () => {
  await app?.close();
  await postgres.stop();
  await redisProxy.stop();
  process.env.REDIS_URL = 'redis://127.0.0.1:6379';
  redis?.disconnect();
  await prisma?.$disconnect();
  await db?.drop();
  await deleteRedisKeys(prefix);
});

interface Answer { status: number; data?: { submitPulse?: { received: boolean } } | null; errors?: { message: string; extensions?: { code?: string } }[] }

const submit = async (token: string): Promise<Answer> => {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'mutation($token: String!, $answers: [PulseAnswerInput!]!) { submitPulse(token: $token, answers: $answers) { received } }',
      variables: { token, answers: [{ questionId: round.scaleQuestionIds[0], value: 4 }, { questionId: round.scaleQuestionIds[1], value: 2 }] },
    }),
    signal: AbortSignal.timeout(20_000),
  });
  return { status: response.status, ...((await response.json()) as Omit<Answer, 'status'>) };
};

const responded = () => withTenant(prisma, acme.id, (tx) => tx.pulseInvitation.count({ where: { roundId: round.roundId, responded: true } }));

async function until(check: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

it('spends two PostgreSQL round trips per submission', async () => {
  expect((await submit(round.tokens[0]!)).data?.submitPulse?.received).toBe(true); // first one reads the round's questions too
  const before = postgres.roundTrips;
  for (const i of [1, 2, 3]) expect((await submit(round.tokens[i]!)).data?.submitPulse?.received).toBe(true);
  expect((postgres.roundTrips - before) / 3).toBe(2);
  // A second use of a link: the same two round trips, refused, nothing changed.
  const beforeConflict = postgres.roundTrips;
  expect((await submit(round.tokens[1]!)).errors?.[0]?.extensions?.code).toBe('CONFLICT');
  expect(postgres.roundTrips - beforeConflict).toBe(2);
  expect(await responded()).toBe(4);
  expect(await buffer.pendingCount(acme.id, round.roundId)).toBe(4);
});

it('takes the answer back out when the connection dies between the buffer push and COMMIT, and recovers', async () => {
  const token = round.tokens[5]!;
  redisProxy.pause(); // holds Redis's reply to the push: the transaction stays open, the lock held
  const answer = submit(token);
  await until(() => redisProxy.sentWhilePaused > 0, 'the buffer push');
  postgres.dropConnections(); // the transaction's connection is gone before its COMMIT
  redisProxy.resume();
  const refused = await answer;
  expect(refused.errors?.map((e) => e.extensions?.code)).toEqual(['SERVICE_UNAVAILABLE']);
  expect(refused.errors?.[0]?.message).toMatch(/Nothing was recorded/);
  // The participation row never committed, and the buffered answer was withdrawn.
  expect(await responded()).toBe(4);
  expect(await buffer.pendingCount(acme.id, round.roundId)).toBe(4);
  // The pool dropped the dead connection: the same link is answered once, now.
  const deadline = Date.now() + 20_000;
  let again = await submit(token);
  while (!again.data?.submitPulse?.received && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 200));
    again = await submit(token);
  }
  expect(again.data?.submitPulse?.received).toBe(true);
  expect(await responded()).toBe(5);
  expect(await buffer.pendingCount(acme.id, round.roundId)).toBe(5);
  expect((await submit(token)).errors?.[0]?.extensions?.code).toBe('CONFLICT');
});
