#!/usr/bin/env node
// End-to-end runner. Every run gets its own real backend, so the tests always exercise the web
// app against a real API (nothing is ever skipped):
//
//   (a) builds the API, worker and their packages (turbo) and the web app;
//   (b) starts an SMTP sink in this process (support/mail-sink.mjs), creates a fresh database
//       from the migrated template (@pulsewise/db/testing), seeds the demo organisation
//       (prisma/seed.ts) and starts the API and the worker on it, on free ports with their own
//       Redis key prefix, and waits for GET /health/ready;
//   (c) serves dist/ with `vite preview` proxying /graphql to that API, plus a second preview
//       whose proxy points at a port nothing listens on (the "API down" test);
//   (d) runs the e2e test files with node's test runner (TypeScript through tsx) in Debian's
//       Chromium;
//   (e) tears everything down — on success, failure or Ctrl-C: stops every child, drops the
//       database, deletes the run's Redis keys, closes the SMTP sink. Its output ends with the
//       test runner's summary (`ℹ pass N`, `ℹ fail N`, …), which the root `npm test` adds up.
//
//   npm run e2e -w @pulsewise/web                 # everything
//   npm run e2e -w @pulsewise/web -- sign-in      # only files whose name contains "sign-in"
//
// Needs PostgreSQL (DATABASE_BOOTSTRAP_URL, default postgres@127.0.0.1:5432, to create the
// database) and Redis (REDIS_URL, default 127.0.0.1:6379). Nothing on fixed ports except the
// web app's preferred 4173; runs next to `npm start` (4000/5173/1025).
//
// Environment:
//   E2E_SKIP_BUILD=1     reuse the existing builds (web dist/, apps/api/dist, apps/worker/dist)
//   E2E_PORT             port for `vite preview` (default 4173, or a free port when 4173 is taken)
//   CHROMIUM_PATH        default /usr/bin/chromium
//
// Given to the tests (see support/backend.ts, support/database.ts and support/mail.ts): E2E_BASE_URL,
// E2E_API_URL, E2E_API_DOWN_BASE_URL, E2E_MAIL_URL, E2E_DATABASE_URL, CHROMIUM_PATH. Logs of the API, worker and previews go to
// e2e/artifacts/logs/, emails to e2e/artifacts/mail/.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { startMailSink } from './support/mail-sink.mjs';

const require = createRequire(import.meta.url);
const e2eDir = dirname(fileURLToPath(import.meta.url));
const webDir = join(e2eDir, '..');
const rootDir = join(webDir, '..', '..');
const testsDir = join(e2eDir, 'tests');
const artifactsDir = process.env.E2E_ARTIFACTS_DIR ?? join(e2eDir, 'artifacts');
const logsDir = join(artifactsDir, 'logs');
const host = '127.0.0.1';
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const skipBuild = process.env.E2E_SKIP_BUILD === '1';
const filters = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const redisPrefix = `pwe2e:${randomBytes(6).toString('hex')}`;
const baseEnv = { ...process.env, TURBO_TELEMETRY_DISABLED: '1', PRISMA_SCHEMA_ENGINE_BINARY: '/bin/false' };

const children = new Set();
/** @type {Promise<import('@pulsewise/db/testing').TestDatabase> | null} */
let databasePromise = null;
/** @type {Awaited<ReturnType<typeof startMailSink>> | null} */
let mailSink = null;
let redisUsed = false;
let shuttingDown = false;
/** The test runner's closing summary, held back so that it is the last thing printed. */
const summaryLines = [];

function log(message) {
  console.log(`[e2e] ${message}`);
}

function assertRunning() {
  if (shuttingDown) throw new Error('stopped');
}

/** Spawns a process in its own process group so that teardown also ends its children. */
function start(command, args, options = {}) {
  assertRunning();
  const child = spawn(command, args, { cwd: webDir, stdio: 'inherit', detached: true, ...options });
  children.add(child);
  child.on('exit', () => children.delete(child));
  child.on('error', () => children.delete(child));
  return child;
}

function run(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = start(command, args, options);
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

/**
 * A long-running service whose output goes to e2e/artifacts/logs/<name>.log; the last lines are
 * kept for error messages. `exited` rejects if it stops before teardown.
 */
function service(name, command, args, options = {}) {
  mkdirSync(logsDir, { recursive: true });
  const file = createWriteStream(join(logsDir, `${name}.log`));
  const child = start(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
  const tail = [];
  const listeners = new Set();
  let pending = '';
  for (const stream of [child.stdout, child.stderr]) {
    stream.on('data', (chunk) => {
      file.write(chunk);
      pending += chunk.toString();
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        tail.push(line);
        if (tail.length > 80) tail.shift();
        for (const listener of listeners) listener(line);
      }
    });
  }
  const exited = new Promise((_, reject) =>
    child.on('exit', (code, signal) => {
      file.end();
      if (!shuttingDown) reject(new Error(`${name} exited early (${signal ?? `code ${code}`})\n${output()}`));
    }),
  );
  exited.catch(() => undefined);
  function output() {
    const text = [...tail, pending].join('\n').trim();
    return text ? `--- last output of ${name} (full log: ${relative(process.cwd(), join(logsDir, `${name}.log`))}) ---\n${text}\n---` : `(${name} printed nothing)`;
  }
  /** Resolves when a line of output matches. */
  function waitForLine(pattern, timeoutMs) {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        listeners.delete(listener);
        reject(new Error(`${name} did not print ${pattern} within ${timeoutMs / 1000}s\n${output()}`));
      }, timeoutMs);
      const listener = (line) => {
        if (!pattern.test(line)) return;
        clearTimeout(timer);
        listeners.delete(listener);
        resolve();
      };
      listeners.add(listener);
      if (tail.some((line) => pattern.test(line))) listener(tail.find((line) => pattern.test(line)));
    });
  }
  return { child, exited, output, waitForLine };
}

/** A port nothing listens on right now (the OS picks it). */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, host, () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function portIsFree(port) {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, host, () => server.close(() => resolve(true)));
  });
}

async function waitForHttp(url, timeoutMs, { exited, describe = () => '' } = {}) {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  const poll = (async () => {
    while (Date.now() < deadline && !shuttingDown) {
      try {
        const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
        if (response.status === 200) return;
        last = `HTTP ${response.status} ${(await response.text()).slice(0, 200)}`;
      } catch (error) {
        last = error instanceof Error ? (error.cause?.code ?? error.message) : String(error);
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`${url} did not answer 200 within ${timeoutMs / 1000}s (last: ${last})\n${describe()}`);
  })();
  await (exited ? Promise.race([poll, exited]) : poll);
}

async function deleteRedisKeys(prefix) {
  const { Redis } = await import('ioredis');
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1, connectTimeout: 3_000, retryStrategy: () => null, lazyConnect: true });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    let cursor = '0';
    let deleted = 0;
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      if (keys.length) deleted += await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
    return deleted;
  } finally {
    redis.disconnect();
  }
}

async function stopChildren() {
  for (const child of children) {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
  }
  const deadline = Date.now() + 8_000;
  while (children.size > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  for (const child of children) {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
  }
  // Give SIGKILLed processes a moment to go so their connections close before the database drops.
  const killDeadline = Date.now() + 2_000;
  while (children.size > 0 && Date.now() < killDeadline) await new Promise((r) => setTimeout(r, 50));
}

let teardownPromise = null;
function teardown() {
  teardownPromise ??= (async () => {
    shuttingDown = true;
    const problems = [];
    await stopChildren();
    if (databasePromise) {
      const database = await databasePromise.catch(() => null);
      if (database) {
        await database.drop().then(
          () => log(`dropped database ${database.name}`),
          (error) => problems.push(`could not drop database ${database.name}: ${error.message}`),
        );
      }
    }
    if (redisUsed) {
      await deleteRedisKeys(redisPrefix).then(
        (count) => log(`deleted ${count} Redis keys under ${redisPrefix}:`),
        (error) => problems.push(`could not delete Redis keys under ${redisPrefix}: ${error.message}`),
      );
    }
    if (mailSink) {
      const received = mailSink.count;
      await mailSink.close().then(
        () => log(`SMTP sink closed (${received} email${received === 1 ? '' : 's'} received)`),
        (error) => problems.push(`could not close the SMTP sink: ${error.message}`),
      );
    }
    for (const problem of problems) console.error(`[e2e] teardown: ${problem}`);
    return problems.length === 0;
  })();
  return teardownPromise;
}

let signalled = false;
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, async () => {
    if (signalled) {
      console.error('[e2e] still cleaning up…');
      return;
    }
    signalled = true;
    console.error(`\n[e2e] ${signal}: tearing down`);
    await teardown();
    process.exit(130);
  });
}

async function buildBackend() {
  if (skipBuild) {
    for (const file of ['apps/api/dist/main.js', 'apps/worker/dist/main.js', 'packages/db/dist/testing/index.js']) {
      if (!existsSync(join(rootDir, file))) throw new Error(`E2E_SKIP_BUILD=1 but ${file} is missing — build first (npx turbo run build)`);
    }
    log('reusing the API and worker builds (E2E_SKIP_BUILD=1)');
    return;
  }
  log('building the API, the worker and their packages');
  const code = await run(
    'npx',
    ['turbo', 'run', 'build', '--filter=@pulsewise/db', '--filter=@pulsewise/api', '--filter=@pulsewise/worker', '--output-logs=errors-only'],
    { cwd: rootDir, env: baseEnv },
  );
  if (code !== 0) throw new Error(`building the API and worker failed (exit code ${code})`);
}

async function buildWeb() {
  if (skipBuild && existsSync(join(webDir, 'dist', 'index.html'))) {
    log('reusing dist/ (E2E_SKIP_BUILD=1)');
    return;
  }
  log('building the web app');
  const code = await run('npm', ['run', 'build'], { env: baseEnv });
  if (code !== 0) throw new Error(`building the web app failed (exit code ${code})`);
}

/** A fresh database with the migrations applied, seeded with the demo organisation. */
async function prepareDatabase() {
  const { createTestDatabase } = await import('@pulsewise/db/testing');
  assertRunning();
  databasePromise = createTestDatabase('e2e');
  const database = await databasePromise;
  log(`created database ${database.name}; seeding the demo organisation`);
  const seeding = service('seed', process.execPath, [
    '--import', 'tsx', '--input-type=module', '-e',
    'const { seed } = await import(process.env.E2E_SEED_MODULE); console.log(`seed: ${await seed(process.env.DATABASE_URL)}`);',
  ], {
    cwd: rootDir,
    env: { ...baseEnv, NODE_ENV: 'test', DATABASE_URL: database.appUrl, DATABASE_ADMIN_URL: database.adminUrl, E2E_SEED_MODULE: pathToFileURL(join(rootDir, 'prisma', 'seed.ts')).href },
  });
  const code = await new Promise((resolve) => seeding.child.on('exit', (c, signal) => resolve(c ?? (signal ? 1 : 0))));
  assertRunning();
  if (code !== 0) throw new Error(`seeding failed (exit code ${code})\n${seeding.output()}`);
  const result = seeding.output().match(/seed: (\S+)/)?.[1];
  if (result !== 'seeded') throw new Error(`the seed did not seed a fresh database (said ${result ?? 'nothing'})\n${seeding.output()}`);
  return database;
}

/** The API and the worker on the run's database, Redis prefix and SMTP sink. */
async function startBackend(database, webUrl) {
  const apiPort = await freePort();
  const apiUrl = `http://${host}:${apiPort}`;
  const env = {
    ...baseEnv,
    NODE_ENV: 'test',
    DATABASE_URL: database.appUrl,
    DATABASE_ADMIN_URL: database.adminUrl,
    DATABASE_POOL_SIZE: '5',
    API_PORT: String(apiPort),
    REDIS_URL: redisUrl,
    REDIS_PREFIX: redisPrefix,
    SMTP_URL: mailSink.smtpUrl,
    PUBLIC_WEB_URL: webUrl,
    WEB_ORIGIN: webUrl,
    FORCE_COLOR: '0',
    NO_COLOR: '1',
  };
  redisUsed = true;
  log(`starting the API on ${apiUrl} and the worker (Redis prefix ${redisPrefix}:, SMTP ${mailSink.smtpUrl})`);
  const api = service('api', process.execPath, [join(rootDir, 'apps/api/dist/main.js')], { cwd: rootDir, env });
  const worker = service('worker', process.execPath, [join(rootDir, 'apps/worker/dist/main.js')], { cwd: rootDir, env });
  await Promise.all([
    waitForHttp(`${apiUrl}/health/ready`, 30_000, { exited: api.exited, describe: api.output }),
    Promise.race([worker.waitForLine(/Worker started/, 30_000), worker.exited]),
  ]);
  log('API ready, worker started');
  return { apiUrl, api, worker };
}

async function preview(name, port, apiUrl) {
  const vite = join(dirname(require.resolve('vite/package.json')), 'bin', 'vite.js');
  const url = `http://${host}:${port}`;
  const server = service(name, process.execPath, [vite, 'preview', '--host', host, '--port', String(port), '--strictPort'], {
    env: { ...baseEnv, API_URL: apiUrl },
  });
  await waitForHttp(`${url}/`, 30_000, { exited: server.exited, describe: server.output });
  return { url, server };
}

/** Runs the tests, streaming their output but holding back the closing `ℹ …` summary lines. */
function runTests(files, env) {
  return new Promise((resolve, reject) => {
    const child = start(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', '--test-concurrency=2', ...files], {
      env,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let pending = '';
    const summary = /^ℹ (tests|suites|pass|fail|cancelled|skipped|todo|duration_ms) [\d.]+$/;
    const onLine = (line) => {
      const plain = line.replace(/\x1b\[[0-9;]*m/g, '');
      if (summary.test(plain)) summaryLines.push(plain);
      else process.stdout.write(`${line}\n`);
    };
    child.stdout.on('data', (chunk) => {
      pending += chunk.toString();
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      lines.forEach(onLine);
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (pending) onLine(pending);
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

async function main() {
  const startedAt = Date.now();
  if (!existsSync(chromium)) {
    console.error(`[e2e] Chromium not found at ${chromium}. Install it: apt-get update && apt-get install -y chromium`);
    return 1;
  }
  const files = readdirSync(testsDir)
    .filter((f) => /\.e2e\.(ts|mjs)$/.test(f))
    .filter((f) => filters.length === 0 || filters.some((needle) => f.includes(needle)))
    .sort()
    .map((f) => join(testsDir, f));
  if (files.length === 0) {
    console.error(`[e2e] no test files match ${filters.join(', ')}`);
    return 1;
  }

  let port = Number(process.env.E2E_PORT ?? 4173);
  if (!process.env.E2E_PORT && !(await portIsFree(port))) {
    const taken = port;
    port = await freePort();
    log(`port ${taken} is taken; serving the web app on ${port} instead`);
  }
  const baseUrl = `http://${host}:${port}`;

  // (b) first, so that everything started from here on is torn down.
  mailSink = await startMailSink({ dir: join(artifactsDir, 'mail') });
  log(`SMTP sink on ${mailSink.smtpUrl}, its messages at ${mailSink.httpUrl}/messages`);

  // (a) + (b): the web build runs while the backend is built and started.
  const [, backend] = await Promise.all([
    buildWeb(),
    (async () => {
      await buildBackend();
      const database = await prepareDatabase();
      return { ...(await startBackend(database, baseUrl)), database };
    })(),
  ]);

  // (c)
  const deadApiUrl = `http://${host}:${await freePort()}`;
  const [web, webApiDown] = await Promise.all([
    preview('preview', port, backend.apiUrl),
    preview('preview-api-down', await freePort(), deadApiUrl),
  ]);
  log(`serving dist/ on ${web.url} (proxying /graphql to ${backend.apiUrl}), and on ${webApiDown.url} with the API down`);
  log(`backend ready after ${((Date.now() - startedAt) / 1000).toFixed(1)}s`);

  // (d)
  log(`running ${files.map((f) => relative(webDir, f)).join(', ')}`);
  const code = await runTests(files, {
    ...process.env,
    E2E_BASE_URL: web.url,
    E2E_API_URL: backend.apiUrl,
    E2E_API_DOWN_BASE_URL: webApiDown.url,
    E2E_MAIL_URL: mailSink.httpUrl,
    // The application role (row-level security applies): tests set app.tenant_id per transaction.
    E2E_DATABASE_URL: backend.database.appUrl,
    CHROMIUM_PATH: chromium,
  });
  if (shuttingDown) return 130;
  // A crashed API or worker fails the run even if no test noticed.
  for (const [name, svc] of [['API', backend.api], ['worker', backend.worker]]) {
    if (svc.child.exitCode !== null || svc.child.signalCode !== null) {
      console.error(`[e2e] the ${name} stopped during the tests\n${svc.output()}`);
      return 1;
    }
  }
  if (code !== 0) log(`logs of the API, worker and previews: ${relative(process.cwd(), logsDir)}/`);
  log(`screenshots: ${relative(process.cwd(), artifactsDir)}/ · total ${((Date.now() - startedAt) / 1000).toFixed(1)}s`);
  return code;
}

let exitCode = 1;
try {
  exitCode = await main();
} catch (error) {
  if (!signalled) console.error('[e2e]', error instanceof Error ? error.message : error);
} finally {
  // (e)
  if (!(await teardown()) && exitCode === 0) exitCode = 1;
}
if (summaryLines.length > 0) console.log(summaryLines.join('\n'));
process.exit(exitCode);
