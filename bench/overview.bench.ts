// (c) HR's cultureOverview (the web app's own query): 12 months × 8 signals (5 from audited
// round releases, 3 imported) + 5 KPIs, for the whole organisation, under 50 concurrent
// clients (autocannon, loopback) — the built API as its own process — against a bare Fastify +
// pg endpoint returning the same stored rows, run the same way right after.
//
//   npx tsx bench/overview.bench.ts [--people 2000] [--connections 50] [--duration 30]
import { spawn } from 'node:child_process';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { createTestDatabase } from '../packages/db/src/testing/index.js';
import { addMonths, monthOf } from '../apps/api/src/modules/signals/months.js';
import { BENCH_PASSWORD, generate } from './generate.js';
import { deleteRedisKeys, emit, flags, fmtRatio, freePort, gql, log as logger, median, redisPrefix, ROOT, startServices, type Row } from './lib.js';

const log = logger('overview');
const f = flags();
const people = Number(f.people ?? 2_000);
const connections = Number(f.connections ?? 50);
const duration = Number(f.duration ?? 30);

const OVERVIEW = `query GetCultureOverview($orgUnitId: ID!, $from: String, $to: String) { cultureOverview(orgUnitId: $orgUnitId, from: $from, to: $to) {
  orgUnitId name from to months anonymityThreshold
  signals { signal { key name description unit healthyMin healthyMax source } points { month value hidden reason band n } trend { month value } }
  kpis { kpiId key name unit description orgUnitPath points { month value } } } }`;

interface Load { requests: number; rps: number; p50: number; p95: number; p99: number; errors: number; bytesPerResponse: number }

/** autocannon reports p90 and p97.5 but no p95: keep every response time and take it ourselves. */
async function load(url: string, request: { path: string; headers: Record<string, string>; body: string }, check: (body: string) => boolean): Promise<Load> {
  const times: number[] = [];
  let errors = 0;
  let bytes = 0;
  let bodies = 0;
  const instance = autocannon({
    url, connections, duration, timeout: 30,
    requests: [{ method: 'POST', path: request.path, headers: request.headers, body: request.body, onResponse: (status: number, body: string) => {
      bodies++;
      bytes += body.length;
      if (status !== 200 || !check(body)) errors++;
    } }],
  } as autocannon.Options);
  instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) => times.push(responseTime));
  const result = await instance;
  const sorted = times.sort((a, b) => a - b);
  const pct = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
  return { requests: result.requests.total, rps: result.requests.total / duration, p50: median(sorted), p95: pct(95), p99: pct(99), errors: errors + result.errors + result.timeouts + result.non2xx, bytesPerResponse: Math.round(bytes / Math.max(1, bodies)) };
}

const db = await createTestDatabase('bench_overview');
const prefix = redisPrefix('overview');
let services: Awaited<ReturnType<typeof startServices>> | undefined;
let baselineServer: ReturnType<typeof spawn> | undefined;
try {
  log(`generating ${people} people, 12 monthly rounds (aggregated by the worker's job), 12 months of imported signals, 5 KPIs…`);
  // No demographic cuts: the overview reads only uncut cells, and with two dimensions each of the
  // twelve audited aggregations takes minutes (see bench/README.md, aggregation).
  const gen = await generate({ people, rounds: 12, seed: 2, databaseUrl: db.appUrl, signalMonths: 12, aggregate: true, dimensions: [], log });
  services = await startServices({ databaseUrl: db.appUrl, adminUrl: db.adminUrl, prefix, api: true, apiPool: 20 });
  const apiUrl = services.apiUrl!;
  const token = (await gql(apiUrl, 'mutation($input: SignInInput!) { signIn(input: $input) { accessToken } }', { input: { email: gen.hrEmail, password: BENCH_PASSWORD } })).signIn.accessToken as string;
  const units = (await gql(apiUrl, '{ orgUnits { id path } }', {}, token)).orgUnits as { id: string; path: string }[];
  const rootId = units.find((u) => u.path === '')!.id;
  const to = monthOf(new Date());
  const from = addMonths(to, -11);
  const sample = (await gql(apiUrl, OVERVIEW, { orgUnitId: rootId, from, to }, token)).cultureOverview as { signals: { points: { value: number | null }[] }[]; kpis: unknown[]; months: string[] };
  const shape = { months: sample.months.length, signals: sample.signals.length, kpis: sample.kpis.length, pointsWithValue: sample.signals.flatMap((s) => s.points).filter((p) => p.value !== null).length };
  log(`overview of the whole organisation: ${JSON.stringify(shape)}`);

  // The API keeps computed overviews per tenant data version (OverviewCache), so the load below
  // measures mostly cache hits. The first read after a change recomputes: measure that too, one
  // request at a time, each after moving the version the way any write to a watched table does.
  const admin = new pg.Client({ connectionString: db.adminUrl });
  await admin.connect();
  const cold: number[] = [];
  for (let i = 0; i < 21; i++) {
    // (FORCE row-level security applies to the owner role too: the update runs in the tenant's context.)
    await admin.query(`BEGIN; SELECT set_config('app.tenant_id', '${gen.tenantId}', true); INSERT INTO tenant_data_versions AS v (tenant_id) VALUES ('${gen.tenantId}') ON CONFLICT (tenant_id) DO UPDATE SET version = v.version + 1; COMMIT`);
    const started = performance.now();
    await gql(apiUrl, OVERVIEW, { orgUnitId: rootId, from, to }, token);
    if (i > 0) cold.push(performance.now() - started); // the first one also warms the process
  }
  await admin.end();
  const coldMedian = median(cold.sort((a, b) => a - b));
  log(`first read after a change (cache miss), one at a time: median ${coldMedian.toFixed(0)} ms of ${cold.length}`);

  log(`API: ${connections} connections for ${duration} s…`);
  const ours = await load(apiUrl, { path: '/graphql', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query: OVERVIEW, variables: { orgUnitId: rootId, from, to } }) }, (b) => !b.includes('"errors"'));
  await services.stop();
  services = undefined;

  const port = await freePort();
  baselineServer = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'bench/overview-baseline-server.ts')], { env: { ...process.env, NODE_OPTIONS: '', DATABASE_URL: db.appUrl, TENANT_ID: gen.tenantId, PORT: String(port), POOL: '20' }, stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    baselineServer!.once('exit', (code) => reject(new Error(`baseline server exited with ${code}`)));
    baselineServer!.stdout!.on('data', (c: Buffer) => c.toString().includes('baseline ready') && resolve());
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const rows = (await (await fetch(`${baseUrl}/overview`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ orgUnitId: rootId, from, to }) })).json()) as Record<string, unknown[]>;
  log(`baseline returns ${Object.entries(rows).map(([k, v]) => `${v.length} ${k} rows`).join(', ')}`);
  log(`baseline: ${connections} connections for ${duration} s…`);
  const baseline = await load(baseUrl, { path: '/overview', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ orgUnitId: rootId, from, to }) }, (b) => b.startsWith('{"pulse"'));

  const row: Row = {
    id: 'overview',
    work: `cultureOverview ${shape.months} mo × ${shape.signals} signals + ${shape.kpis} KPIs, ${connections} clients × ${duration} s${duration < 30 ? '*' : ''}`,
    ours: `p95 ${ours.p95.toFixed(0)} ms, ${ours.rps.toFixed(0)} req/s, ${ours.errors} errors; after a change ${coldMedian.toFixed(0)} ms`,
    baseline: `p95 ${baseline.p95.toFixed(0)} ms, ${baseline.rps.toFixed(0)} req/s (Fastify+pg)`,
    ratio: `p95 ${fmtRatio(ours.p95 / baseline.p95)}; throughput ${((100 * ours.rps) / baseline.rps).toFixed(0)}%`,
    goal: 'p95 ≤ 50 ms; ≥ 50% of baseline throughput',
    met: ours.p95 <= 50 && ours.rps >= 0.5 * baseline.rps && ours.errors === 0 ? 'yes' : 'no',
    data: { people, units: gen.units, connections, duration, shape, coldMs: cold, coldMedianMs: coldMedian, baselineRows: Object.fromEntries(Object.entries(rows).map(([k, v]) => [k, v.length])), ours, baseline, aggregated: gen.aggregated },
  };
  emit([row]);
} finally {
  await services?.stop();
  if (baselineServer && baselineServer.exitCode === null) {
    baselineServer.kill('SIGTERM');
    await new Promise((r) => baselineServer!.once('exit', r));
  }
  await db.drop();
  await deleteRedisKeys(prefix);
}
