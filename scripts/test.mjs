// `npm test`: every test of every workspace against the real PostgreSQL and
// Redis — type-checks, generated-code staleness, Jest (unit + integration, one
// database per test file), the web unit tests, and the browser end-to-end tests
// in headless Chromium — then one closing line with the totals.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { env, requireServices } from './services.mjs';
import { run } from './run.mjs';

await requireServices();
mkdirSync('tmp', { recursive: true });
const totals = { passed: 0, failed: 0 };
const failures = [];

async function step(name, fn) {
  console.log(`\n▶ ${name}`);
  try {
    await fn();
  } catch (error) {
    failures.push(`${name}: ${error.message}`);
  }
}

function runCapturing(command, args, options = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { env: { ...env, ...(options.env ?? {}) }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    for (const stream of [child.stdout, child.stderr]) {
      stream.on('data', (chunk) => {
        output += chunk.toString();
        (stream === child.stdout ? process.stdout : process.stderr).write(chunk);
      });
    }
    child.on('exit', (code) => resolve({ code: code ?? 1, output }));
  });
}

await step('type-check every workspace', () => run('npx', ['turbo', 'run', 'typecheck', '--output-logs=errors-only']));
// The fault tests run the built worker as a real process (so it can be killed with SIGKILL).
await step('build the api and worker', () => run('npx', ['turbo', 'run', 'build', '--filter=@pulsewise/api', '--filter=@pulsewise/worker', '--output-logs=errors-only']));
await step('generated web types match the committed API schema', () => run('npm', ['run', 'codegen:check', '-w', '@pulsewise/web', '--silent']));

await step('jest: packages, api and worker (unit + integration)', async () => {
  rmSync('tmp/jest-results.json', { force: true });
  const code = await run('npx', ['jest', '--json', '--outputFile=tmp/jest-results.json', ...(process.env.CI ? ['--maxWorkers=2'] : [])], {
    env: { NODE_OPTIONS: '--experimental-vm-modules --no-warnings=ExperimentalWarning' },
  }).then(() => 0, (e) => e.code ?? 1);
  const results = JSON.parse(readFileSync('tmp/jest-results.json', 'utf8'));
  totals.passed += results.numPassedTests;
  totals.failed += results.numFailedTests;
  if (code !== 0 && results.numFailedTests === 0) throw new Error(`jest exited with ${code} (a suite failed to run)`);
  if (results.numFailedTests) throw new Error(`${results.numFailedTests} failed`);
});

await step('vitest: web unit tests', async () => {
  rmSync('tmp/vitest-results.json', { force: true });
  const code = await run('npx', ['vitest', 'run', '--root', 'apps/web', '--reporter=default', '--reporter=json', '--outputFile.json=../../tmp/vitest-results.json']).then(() => 0, (e) => e.code ?? 1);
  const results = JSON.parse(readFileSync('tmp/vitest-results.json', 'utf8'));
  totals.passed += results.numPassedTests;
  totals.failed += results.numFailedTests;
  if (code !== 0) throw new Error(`vitest exited with ${code}`);
});

await step('end-to-end: web app in headless Chromium', async () => {
  const { code, output } = await runCapturing('npm', ['run', 'e2e', '-w', '@pulsewise/web', '--silent']);
  const count = (label) => [...output.matchAll(new RegExp(`^(?:ℹ|#) ${label} (\\d+)$`, 'gm'))].reduce((sum, m) => sum + Number(m[1]), 0);
  totals.passed += count('pass');
  totals.failed += count('fail');
  if (code !== 0) throw new Error(`e2e exited with ${code}`);
});

console.log('');
for (const failure of failures) console.log(`✗ ${failure}`);
console.log(`tests: ${totals.passed} passed, ${totals.failed} failed`);
process.exit(failures.length ? 1 : 0);
