#!/usr/bin/env node
// End-to-end runner: (a) builds the web app, (b) serves it with `vite preview`, (c) runs the
// e2e test files with node's test runner (TypeScript through tsx) in Debian's Chromium, and
// (d) tears everything down — also on failure or Ctrl-C.
//
//   npm run e2e -w @pulsewise/web                 # everything
//   npm run e2e -w @pulsewise/web -- sign-in      # only files whose name contains "sign-in"
//
// Environment:
//   E2E_SKIP_BUILD=1     reuse the existing dist/
//   E2E_PORT=4173        port for `vite preview` (not 5173, so it can run next to `npm start`)
//   E2E_API_URL          where preview proxies /graphql (default: $API_URL or http://127.0.0.1:4000)
//   CHROMIUM_PATH        default /usr/bin/chromium
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const webDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const testsDir = join(webDir, 'e2e', 'tests');
const port = Number(process.env.E2E_PORT ?? 4173);
const host = '127.0.0.1';
const baseUrl = `http://${host}:${port}`;
const apiUrl = process.env.E2E_API_URL ?? process.env.API_URL ?? 'http://127.0.0.1:4000';
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const filters = process.argv.slice(2).filter((a) => !a.startsWith('-'));

const children = new Set();
let shuttingDown = false;

function log(message) {
  console.log(`[e2e] ${message}`);
}

/** Spawns a process in its own process group so that teardown also ends its children. */
function start(command, args, options = {}) {
  const child = spawn(command, args, { cwd: webDir, stdio: 'inherit', detached: true, ...options });
  children.add(child);
  child.on('exit', () => children.delete(child));
  return child;
}

function run(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = start(command, args, options);
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

async function teardown() {
  if (shuttingDown) return;
  shuttingDown = true;
  for (const child of children) {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
  }
  const deadline = Date.now() + 5_000;
  while (children.size > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  for (const child of children) {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
  }
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, async () => {
    await teardown();
    process.exit(130);
  });
}

async function waitForHttp(url, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000}s`);
}

async function main() {
  if (!existsSync(chromium)) {
    console.error(`[e2e] Chromium not found at ${chromium}. Install it: apt-get update && apt-get install -y chromium`);
    return 1;
  }

  // (a) build
  if (process.env.E2E_SKIP_BUILD === '1' && existsSync(join(webDir, 'dist', 'index.html'))) {
    log('reusing dist/ (E2E_SKIP_BUILD=1)');
  } else {
    log('building the web app');
    const code = await run('npm', ['run', 'build']);
    if (code !== 0) return code;
  }

  // (b) serve
  log(`serving dist/ with vite preview on ${baseUrl} (proxying /graphql to ${apiUrl})`);
  const vite = join(dirname(require.resolve('vite/package.json')), 'bin', 'vite.js');
  const preview = start(process.execPath, [vite, 'preview', '--host', host, '--port', String(port), '--strictPort'], {
    env: { ...process.env, API_URL: apiUrl },
  });
  const previewExited = new Promise((_, reject) =>
    preview.on('exit', (code) => {
      if (!shuttingDown) reject(new Error(`vite preview exited early (code ${code}) — is port ${port} in use?`));
    }),
  );
  previewExited.catch(() => undefined);
  await Promise.race([waitForHttp(`${baseUrl}/`, 30_000), previewExited]);

  // (c) test
  const files = readdirSync(testsDir)
    .filter((f) => /\.e2e\.(ts|mjs)$/.test(f))
    .filter((f) => filters.length === 0 || filters.some((needle) => f.includes(needle)))
    .sort()
    .map((f) => join(testsDir, f));
  if (files.length === 0) {
    console.error(`[e2e] no test files match ${filters.join(', ')}`);
    return 1;
  }
  log(`running ${files.map((f) => relative(webDir, f)).join(', ')}`);
  const code = await run(
    process.execPath,
    ['--import', 'tsx', '--test', '--test-reporter=spec', '--test-concurrency=2', ...files],
    { env: { ...process.env, E2E_BASE_URL: baseUrl, CHROMIUM_PATH: chromium, E2E_API_URL: apiUrl } },
  );
  log(`screenshots: ${relative(process.cwd(), join(webDir, 'e2e', 'artifacts'))}/`);
  return code;
}

let exitCode = 1;
try {
  exitCode = await main();
} catch (error) {
  console.error('[e2e]', error instanceof Error ? error.message : error);
} finally {
  // (d) tear down
  await teardown();
}
process.exit(exitCode);
