// PostgreSQL unreachable rather than down: connections are accepted (or the SYN is
// swallowed) and nothing ever answers — a dropped route, a hung failover. Nothing
// refuses the connection, so only the pool's connect timeout (DATABASE_CONNECT_TIMEOUT_MS)
// stands between a request and the operating system's TCP timeout of minutes. The API
// must answer SERVICE_UNAVAILABLE within about that timeout, refuse to start against such
// a server instead of hanging, and recover by itself when the server answers again.
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { createServer, connect, type Server, type Socket } from 'node:net';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { createTestDatabase, type TestDatabase } from '@pulsewise/db/testing';
import { createPrismaClient, type Db } from '@pulsewise/db';
import { createTenant, PASSWORD, SIGN_IN } from '../src/test-support/fixtures.js';
import { deleteRedisKeys } from '../src/test-support/test-app.js';

const CONNECT_TIMEOUT_MS = 1_000;

/** Forwards to PostgreSQL, or (`silent`) accepts connections and never answers. */
class SilenceableProxy {
  private server?: Server;
  private readonly sockets = new Set<Socket>();
  silent = false;
  port = 0;

  async start(): Promise<void> {
    this.server = createServer((client) => {
      this.sockets.add(client);
      client.on('close', () => this.sockets.delete(client)).on('error', () => client.destroy());
      if (this.silent) return; // hold the connection open, answer nothing
      const upstream = connect({ host: '127.0.0.1', port: 5432 });
      this.sockets.add(upstream);
      upstream.on('close', () => this.sockets.delete(upstream)).on('error', () => client.destroy());
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  /** Every open connection is cut; new ones hang. */
  silence(): void {
    this.silent = true;
    for (const s of this.sockets) s.destroy();
  }

  speak(): void {
    this.silent = false;
    for (const s of this.sockets) s.destroy(); // the held, never-answered connections
  }

  url(original: string): string {
    const u = new URL(original);
    u.port = String(this.port);
    return u.toString();
  }

  async stop(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise((resolve) => this.server?.close(resolve));
  }
}

const proxy = new SilenceableProxy();
const prefix = `pwtest:db-unreachable:${randomBytes(4).toString('hex')}`;
let db: TestDatabase;
let prisma: Db;
let app: NestExpressApplication | undefined;
let base: string;

async function createApi(): Promise<NestExpressApplication> {
  Object.assign(process.env, {
    NODE_ENV: 'test', DATABASE_URL: proxy.url(db.appUrl), DATABASE_ADMIN_URL: db.adminUrl, REDIS_PREFIX: prefix,
    DATABASE_POOL_SIZE: '3', DATABASE_CONNECT_TIMEOUT_MS: String(CONNECT_TIMEOUT_MS),
  });
  const { createApp } = await import('../src/bootstrap-app.js');
  return createApp(process.env.TEST_LOGS ? {} : { logger: false });
}

beforeAll(async () => {
  await proxy.start();
  db = await createTestDatabase('db-unreachable');
  prisma = createPrismaClient(db.appUrl, { poolSize: 2 }); // fixtures go around the proxy
  await createTenant(prisma, { slug: 'acme', people: [{ email: 'hr@acme.test', roles: ['EMPLOYEE', 'HR_LEADER'] }] });
}, 60_000);

afterAll(async () => {
  await app?.close();
  await proxy.stop();
  await prisma?.$disconnect();
  await db?.drop();
  await deleteRedisKeys(prefix);
});

interface Answer { status: number; ms: number; data?: Record<string, unknown> | null; errors?: { message: string; extensions?: { code?: string } }[] }

/** A call that must come back; a hang fails the test after 15 s. */
async function gql(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<Answer> {
  const started = Date.now();
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(15_000),
  });
  return { status: response.status, ...((await response.json()) as object), ms: Date.now() - started };
}

const signIn = () => gql(SIGN_IN, { input: { email: 'hr@acme.test', password: PASSWORD } });
const viewer = (token: string) => gql('{ viewer { email } }', {}, token);

it('refuses to start, quickly, while PostgreSQL does not answer', async () => {
  proxy.silence();
  try {
    const api = await createApi();
    const started = Date.now();
    try {
      await expect(api.init()).rejects.toThrow(/Cannot reach PostgreSQL/); // what main.ts's listen() runs first
      expect(Date.now() - started).toBeLessThan(CONNECT_TIMEOUT_MS + 5_000);
    } finally {
      await api.close().catch(() => undefined);
    }
  } finally {
    proxy.speak();
  }
}, 30_000);

it('answers SERVICE_UNAVAILABLE within about the connect timeout, and recovers when PostgreSQL answers again', async () => {
  app = await createApi();
  await app.listen(0, '127.0.0.1');
  base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  const token = ((await signIn()).data!.signIn as { accessToken: string }).accessToken;
  expect((await viewer(token)).data).toEqual({ viewer: { email: 'hr@acme.test' } });

  proxy.silence();
  try {
    // A signed-in read (request transaction) and sign-in (its own transaction), several at once.
    const answers = await Promise.all([viewer(token), viewer(token), signIn(), signIn()]);
    if (process.env.TEST_LOGS) console.log(JSON.stringify(answers));
    for (const answer of answers) {
      expect(answer.errors?.map((e) => e.extensions?.code)).toEqual(['SERVICE_UNAVAILABLE']);
      expect(answer.errors?.[0]?.message).toMatch(/try again/i);
      // About the connect timeout (slack for a busy machine); without it these calls hang for minutes.
      expect(answer.ms).toBeLessThan(CONNECT_TIMEOUT_MS + 3_500);
    }
  } finally {
    proxy.speak();
  }
  const deadline = Date.now() + 15_000;
  while (!(await viewer(token)).data?.viewer) {
    if (Date.now() > deadline) throw new Error('the API did not recover');
    await new Promise((r) => setTimeout(r, 200));
  }
  expect((await signIn()).data?.signIn).toBeTruthy();
}, 60_000);
