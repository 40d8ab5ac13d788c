// SIGTERM to the built API while a request is in flight (its database reply held back by
// a proxy this test controls): the server stops accepting connections at once, the
// request still completes with its data, and the process then exits cleanly.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createPrismaClient, type Db } from '@pulsewise/db';
import { createTestDatabase, type TestDatabase } from '@pulsewise/db/testing';
import { createTenant, PASSWORD, SIGN_IN } from '../src/test-support/fixtures.js';
import { TcpProxy } from '../src/test-support/tcp-proxy.js';
import { deleteRedisKeys } from '../src/test-support/test-app.js';

const apiMain = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist/main.js');
const prefix = `pwtest:shutdown:${randomBytes(4).toString('hex')}`;
const postgres = new TcpProxy({ host: '127.0.0.1', port: 5432 });
let db: TestDatabase;
let prisma: Db;
let api: ChildProcess;
let base: string;

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => resolve(p));
    });
  });

async function until(check: () => Promise<boolean> | boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

beforeAll(async () => {
  await postgres.start();
  db = await createTestDatabase('shutdown');
  prisma = createPrismaClient(db.appUrl, { poolSize: 2 });
  await createTenant(prisma, { slug: 'acme', people: [{ email: 'hr@acme.test', roles: ['EMPLOYEE', 'HR_LEADER'] }] });
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  api = spawn(process.execPath, [apiMain], {
    env: { ...process.env, NODE_OPTIONS: '', NODE_ENV: 'test', API_PORT: String(port), DATABASE_URL: postgres.url(db.appUrl), DATABASE_ADMIN_URL: db.adminUrl, DATABASE_POOL_SIZE: '2', REDIS_PREFIX: prefix, LOG_LEVEL: process.env.TEST_LOGS ? 'info' : 'silent' },
    stdio: ['ignore', process.env.TEST_LOGS ? 'inherit' : 'ignore', 'inherit'],
  });
  await until(() => fetch(`${base}/health/live`).then((r) => r.ok, () => false), 'the API to start', 30_000);
}, 60_000);

afterAll(async () => {
  if (api.exitCode === null && api.signalCode === null) api.kill('SIGKILL');
  await postgres.stop();
  await prisma?.$disconnect();
  await db?.drop();
  await deleteRedisKeys(prefix);
});

it('finishes the request in flight after SIGTERM, refuses new connections, then exits 0', async () => {
  const signedIn = (await (await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: SIGN_IN, variables: { input: { email: 'hr@acme.test', password: PASSWORD } } }) })).json()) as { data: { signIn: { accessToken: string } } };
  const token = signedIn.data.signIn.accessToken;

  postgres.pause();
  const inFlight = fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query: '{ viewer { email } }' }) });
  await until(() => postgres.sentWhilePaused > 0, 'the request to reach the database');

  const exit = new Promise<number | null>((resolve) => api.once('exit', (code) => resolve(code)));
  api.kill('SIGTERM');
  await until(() => fetch(`${base}/health/live`).then(() => false, () => true), 'new connections to be refused');
  expect(api.exitCode).toBeNull(); // still running: the request is not finished

  postgres.resume();
  const response = await inFlight;
  expect(response.status).toBe(200);
  expect(await response.json()).toEqual({ data: { viewer: { email: 'hr@acme.test' } } });
  expect(await exit).toBe(0);
}, 60_000);
