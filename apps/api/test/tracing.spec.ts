// OpenTelemetry tracing, turned on by configuration: the built API runs as a real
// process (so the ESM loader hook patches its modules as in production) and exports to
// an OTLP/HTTP receiver in this test. One GraphQL request yields HTTP, express, GraphQL,
// PostgreSQL and Redis spans in one trace; no variable value or query string leaves.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createPrismaClient, type Db } from '@pulsewise/db';
import { createTestDatabase, type TestDatabase } from '@pulsewise/db/testing';
import { createTenant, PASSWORD, SIGN_IN } from '../src/test-support/fixtures.js';
import { deleteRedisKeys } from '../src/test-support/test-app.js';

const apiMain = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist/main.js');
const prefix = `pwtest:tracing:${randomBytes(4).toString('hex')}`;

interface ExportedSpan { traceId: string; name: string; kind: number; scope: string; attributes: Record<string, unknown> }
const spans: ExportedSpan[] = [];
const raw: string[] = [];

let receiver: Server;
let db: TestDatabase;
let prisma: Db;
let api: ChildProcess | undefined;
let apiUrl: string;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as AddressInfo).port;
      s.close(() => resolve(p));
    });
  });
}

beforeAll(async () => {
  receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      raw.push(body);
      if (req.url === '/v1/traces') {
        const parsed = JSON.parse(body) as { resourceSpans: { scopeSpans: { scope: { name: string }; spans: { traceId: string; name: string; kind: number; attributes: { key: string; value: Record<string, unknown> }[] }[] }[] }[] };
        for (const rs of parsed.resourceSpans) for (const ss of rs.scopeSpans) for (const s of ss.spans) {
          spans.push({ traceId: s.traceId, name: s.name, kind: s.kind, scope: ss.scope.name, attributes: Object.fromEntries(s.attributes.map((a) => [a.key, Object.values(a.value)[0]])) });
        }
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  db = await createTestDatabase('tracing');
  prisma = createPrismaClient(db.appUrl, { poolSize: 2 });
  await createTenant(prisma, { slug: 'acme', people: [{ email: 'hr@acme.test', roles: ['EMPLOYEE', 'HR_LEADER'] }] });

  const port = await freePort();
  apiUrl = `http://127.0.0.1:${port}`;
  api = spawn(process.execPath, [apiMain], {
    env: {
      ...process.env,
      NODE_OPTIONS: '',
      NODE_ENV: 'test',
      API_PORT: String(port),
      DATABASE_URL: db.appUrl,
      DATABASE_ADMIN_URL: db.adminUrl,
      DATABASE_POOL_SIZE: '2',
      REDIS_PREFIX: prefix,
      LOG_LEVEL: process.env.TEST_LOGS ? 'info' : 'silent',
      OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`,
      OTEL_BSP_SCHEDULE_DELAY: '100',
    },
    stdio: ['ignore', process.env.TEST_LOGS ? 'inherit' : 'ignore', 'inherit'],
  });
  const deadline = Date.now() + 30_000;
  for (;;) {
    const ok = await fetch(`${apiUrl}/health/live`).then((r) => r.ok, () => false);
    if (ok) break;
    if (api.exitCode !== null) throw new Error(`the API exited with ${api.exitCode}`);
    if (Date.now() > deadline) throw new Error('the API did not start');
    await new Promise((r) => setTimeout(r, 200));
  }
}, 60_000);

afterAll(async () => {
  if (api && api.exitCode === null) {
    const exited = new Promise((resolve) => api!.once('exit', resolve));
    api.kill('SIGTERM');
    await exited;
  }
  await new Promise((resolve) => receiver?.close(resolve));
  await prisma?.$disconnect();
  await db?.drop();
  await deleteRedisKeys(prefix);
});

it('exports HTTP, express, GraphQL, PostgreSQL and Redis spans of one request in one trace, without values', async () => {
  const response = await fetch(`${apiUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: SIGN_IN, variables: { input: { email: 'hr@acme.test', password: PASSWORD } } }),
  });
  expect(((await response.json()) as { data?: { signIn?: unknown } }).data?.signIn).toBeTruthy();
  const secret = 'trace-query-string-secret-77aa';
  await fetch(`${apiUrl}/graphql?query=${encodeURIComponent('query Q($t: String!) { pulse(token: $t) { state } }')}&variables=${encodeURIComponent(JSON.stringify({ t: secret }))}`, { headers: { 'apollo-require-preflight': '1' } });

  const deadline = Date.now() + 20_000;
  const signInTrace = () => spans.find((s) => s.scope.includes('instrumentation-graphql') && s.name.includes('signIn'))?.traceId;
  while (!signInTrace() || !spans.some((s) => s.traceId === signInTrace() && s.scope.includes('instrumentation-pg')) || !spans.some((s) => s.name.startsWith('query'))) {
    if (Date.now() > deadline) throw new Error(`spans did not arrive: ${JSON.stringify(spans.map((s) => [s.scope, s.name]))}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  const trace = spans.filter((s) => s.traceId === signInTrace());
  const scopes = new Set(trace.map((s) => s.scope.replace('@opentelemetry/instrumentation-', '')));
  expect([...scopes].sort()).toEqual(expect.arrayContaining(['express', 'graphql', 'http', 'ioredis', 'pg']));
  expect(trace.find((s) => s.scope.includes('instrumentation-http'))?.kind).toBe(2); // SERVER

  const exported = raw.join('\n');
  for (const value of [PASSWORD, 'hr@acme.test', secret]) expect(exported).not.toContain(value);
}, 60_000);
