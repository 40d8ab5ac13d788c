// Load: 200 concurrent clients for 60 s against a mixed workload on loopback — HR's
// dashboard reads (releaseResults, cultureOverview) on the seeded demo organisation and
// pulse submissions with fresh single-use links — through the built API and worker
// running as their own processes, exactly as deployed (JSON logs on, metrics on).
// Fails (exit 1) on any error: a non-200, a GraphQL error, a timeout or a socket error.
//
//   npm run build -w @pulsewise/api -w @pulsewise/worker   # (or npx turbo run build)
//   npx tsx bench/load-mixed.ts                             # CONNECTIONS=200 DURATION=60
//
// Not part of `npm test`. Uses its own database cloned from the seeded demo template and
// its own Redis prefix; never the shared development database.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { Redis } from 'ioredis';
import { createPrismaClient, withTenant } from '@pulsewise/db';
import { createTestDatabase } from '../packages/db/src/testing/index.js';
import { DEMO_TEMPLATE } from '../prisma/demo-template.js';
import { DEMO_PASSWORD } from '../prisma/seed.js';
import { openRoundWithLinks } from '../apps/api/src/test-support/pulse-links.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CONNECTIONS = Number(process.env.CONNECTIONS ?? 200);
const DURATION = Number(process.env.DURATION ?? 60);
/** Single-use links prepared up front (the demo organisation has 394 people: one round each per 394). */
const LINKS = Number(process.env.LINKS ?? 4_000);
const prefix = `pwbench:load:${randomBytes(4).toString('hex')}`;

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => resolve(p));
    });
  });

const log = (message: string) => console.log(`[load-mixed] ${message}`);

log('cloning the seeded demo database (the first run of the day seeds the template: a few minutes)…');
const db = await createTestDatabase('loadmixed', DEMO_TEMPLATE);
const prisma = createPrismaClient(db.appUrl, { poolSize: 2 });
const children: ChildProcess[] = [];

async function cleanUp(): Promise<void> {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  await Promise.all(children.map((c) => (c.exitCode === null ? new Promise((r) => c.once('exit', r)) : undefined)));
  await prisma.$disconnect();
  await db.drop();
  const redis = new Redis({ maxRetriesPerRequest: 1 });
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
    if (keys.length) await redis.del(...keys);
    cursor = next;
  } while (cursor !== '0');
  await redis.quit();
}

try {
  const [{ id: tenantId }] = (await prisma.$queryRaw<{ id: string }[]>`SELECT tenant_id AS id FROM auth_find_accounts('hr@acme.example')`) as [{ id: string }];
  const people = await withTenant(prisma, tenantId!, (tx) => tx.person.findMany({ where: { active: true }, select: { id: true, orgUnitId: true } }));
  const links: { token: string; answers: unknown[] }[] = [];
  const roundIds: string[] = [];
  while (links.length < LINKS) {
    const round = await openRoundWithLinks(prisma, tenantId!, people);
    roundIds.push(round.roundId);
    for (const [i, token] of round.tokens.entries()) {
      links.push({
        token,
        answers: [
          { questionId: round.scaleQuestionIds[0], value: 1 + (i % 5) },
          { questionId: round.scaleQuestionIds[1], value: 1 + ((i * 7) % 5) },
          ...(i % 4 === 0 ? [{ questionId: round.commentQuestionId, text: 'More focus time, fewer late meetings.' }] : []),
        ],
      });
    }
  }
  log(`${links.length} answer links in ${Math.ceil(links.length / people.length)} open rounds for ${people.length} people`);

  const port = await freePort();
  const env = {
    ...process.env,
    NODE_OPTIONS: '',
    NODE_ENV: 'production',
    JWT_SECRET: randomBytes(32).toString('hex'),
    SECRETS_KEY: randomBytes(32).toString('hex'),
    DATABASE_URL: db.appUrl,
    DATABASE_ADMIN_URL: db.adminUrl,
    DATABASE_BOOTSTRAP_URL: 'off',
    REDIS_PREFIX: prefix,
    API_PORT: String(port),
    METRICS_TOKEN: 'load-bench-metrics-token',
    WORKER_METRICS_PORT: '0',
    SMTP_URL: 'smtp://127.0.0.1:1',
    LOG_LEVEL: 'info',
    // One transaction per request holds a connection for the request's life: size the pool for the concurrency.
    DATABASE_POOL_SIZE: process.env.DATABASE_POOL_SIZE ?? '40',
    // 200 simulated clients share one loopback IP and one HR token here (in production they would not):
    // the per-IP and per-token limits are off; the per-link and guessed-link limits still apply.
    RATE_LIMIT_IP: 'off',
    RATE_LIMIT_TOKEN: 'off',
    RATE_LIMIT_PULSE_IP: 'off',
  };
  const api = spawn(process.execPath, [path.join(ROOT, 'apps/api/dist/main.js')], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  const worker = spawn(process.execPath, [path.join(ROOT, 'apps/worker/dist/main.js')], { env: { ...env, DATABASE_POOL_SIZE: '5' }, stdio: ['ignore', 'ignore', 'inherit'] });
  children.push(api, worker);
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; !(await fetch(`${base}/health/ready`).then((r) => r.ok, () => false)); i++) {
    if (i > 300 || api.exitCode !== null) throw new Error('the API did not start');
    await new Promise((r) => setTimeout(r, 100));
  }

  const gql = async (query: string, variables: Record<string, unknown>, token?: string) => {
    const response = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify({ query, variables }) });
    const body = (await response.json()) as { data?: Record<string, any>; errors?: unknown[] };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data!;
  };
  const signedIn = await gql('mutation($input: SignInInput!) { signIn(input: $input) { accessToken } }', { input: { email: 'hr@acme.example', password: DEMO_PASSWORD } });
  const hr = signedIn.signIn.accessToken as string;
  const releases = (await gql('{ releases { id status } }', {}, hr)).releases as { id: string; status: string }[];
  const releaseId = releases.find((r) => r.status === 'PUBLISHED')!.id;
  const units = (await gql('{ orgUnits { id path } }', {}, hr)).orgUnits as { id: string; path: string }[];
  const rootId = units.find((u) => u.path === '')!.id;
  const divisions = units.filter((u) => u.path && !u.path.includes('/')).map((u) => u.id);

  const RESULTS = `query GetReleaseResults($releaseId: ID!, $orgUnitId: ID, $dimension: String) { releaseResults(releaseId: $releaseId, orgUnitId: $orgUnitId, dimension: $dimension) {
    orgUnitId dimension commentsAvailable release { id label status withheldReason k dimensions } questions { key text min max }
    rows { orgUnitId name isSelectedUnit direct hasChildren dimensionValue hidden reason respondents responseRate values { questionKey hidden reason band mean favourableShare answered } } } }`;
  const OVERVIEW = `query GetCultureOverview($orgUnitId: ID!) { cultureOverview(orgUnitId: $orgUnitId) {
    orgUnitId name from to months anonymityThreshold signals { signal { key name unit healthyMin healthyMax source } points { month value hidden reason band n } trend { month value } }
    kpis { kpiId key name unit orgUnitPath points { month value } } } }`;
  const SUBMIT = 'mutation SubmitPulse($token: String!, $answers: [PulseAnswerInput!]!) { submitPulse(token: $token, answers: $answers) { received message } }';

  const headers = { 'content-type': 'application/json', authorization: `Bearer ${hr}` };
  const counts = { releaseResults: 0, cultureOverview: 0, submitPulse: 0, accepted: 0 };
  const failures: string[] = [];
  let graphqlErrors = 0;
  let nextLink = 0;
  let nextUnit = 0;
  const check = (kind: keyof typeof counts) => (status: number, body: string) => {
    counts[kind]++;
    if (status !== 200 || body.includes('"errors"')) {
      graphqlErrors++;
      if (failures.length < 5) failures.push(`${kind} ${status} ${body.slice(0, 300)}`);
    } else if (kind === 'submitPulse' && body.includes('"received":true')) counts.accepted++;
  };
  const read = (kind: 'releaseResults' | 'cultureOverview') => ({
    method: 'POST' as const,
    path: '/graphql',
    headers,
    setupRequest: (req: any) => {
      const unit = [rootId, ...divisions][nextUnit++ % (divisions.length + 1)];
      return { ...req, body: JSON.stringify(kind === 'releaseResults' ? { query: RESULTS, variables: { releaseId, orgUnitId: unit } } : { query: OVERVIEW, variables: { orgUnitId: unit } }) };
    },
    onResponse: check(kind),
  });
  const submit = {
    method: 'POST' as const,
    path: '/graphql',
    headers: { 'content-type': 'application/json' },
    setupRequest: (req: any) => {
      const link = links[nextLink++];
      if (!link) return { ...req, headers, body: JSON.stringify({ query: OVERVIEW, variables: { orgUnitId: rootId } }) }; // out of links: a read instead
      return { ...req, body: JSON.stringify({ query: SUBMIT, variables: { token: link.token, answers: link.answers } }) };
    },
    onResponse: (status: number, body: string) => (body.includes('cultureOverview') ? check('cultureOverview') : check('submitPulse'))(status, body),
  };

  log(`${CONNECTIONS} connections for ${DURATION} s: releaseResults, cultureOverview, submitPulse, releaseResults, cultureOverview, submitPulse (1/3 submissions)…`);
  const result = await autocannon({ url: base, connections: CONNECTIONS, duration: DURATION, timeout: 30, requests: [read('releaseResults'), read('cultureOverview'), submit] });

  // Every accepted answer is flagged once in PostgreSQL. (A few more may be: requests still in
  // flight when the clock stopped were processed, but autocannon no longer counts their answers.)
  const responded = await withTenant(prisma, tenantId!, (tx) => tx.pulseInvitation.count({ where: { responded: true, roundId: { in: roundIds } } }));
  const metrics = await fetch(`${base}/metrics`, { headers: { authorization: 'Bearer load-bench-metrics-token' } }).then((r) => r.text());
  const summary = {
    when: new Date().toISOString(),
    machine: `${(await import('node:os')).cpus().length} cores (${(await import('node:os')).cpus()[0]?.model ?? '?'}), node ${process.version}`,
    connections: CONNECTIONS,
    durationSeconds: DURATION,
    requests: result.requests.total,
    requestsPerSecond: { mean: result.requests.average, p50: result.requests.p50, min: result.requests.min },
    latencyMs: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max, mean: result.latency.average },
    byOperation: counts,
    respondedInvitations: responded,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    graphqlErrors,
    failures,
    apiGraphqlErrorsMetric: metrics.split('\n').filter((l) => l.startsWith('pulsewise_graphql_errors_total')),
  };
  mkdirSync(path.join(ROOT, 'tmp'), { recursive: true });
  writeFileSync(path.join(ROOT, 'tmp/load-mixed.json'), JSON.stringify(summary, null, 2));
  console.log(JSON.stringify(summary, null, 2));
  const ok = result.errors === 0 && result.timeouts === 0 && result.non2xx === 0 && graphqlErrors === 0 && responded >= counts.accepted && responded <= counts.accepted + CONNECTIONS;
  log(ok ? 'zero errors' : 'FAILED: see above');
  process.exitCode = ok ? 0 : 1;
} finally {
  await cleanUp();
}
