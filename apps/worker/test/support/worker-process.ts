// The built worker as a real child process, for the tests that kill it (-9) or stop it (SIGTERM)
// mid-job. Build first: `npx turbo run build --filter=@pulsewise/worker` (npm test does).
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const workerMain = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/main.js');

export interface WorkerProcessOptions {
  databaseUrl: string;
  adminUrl: string;
  redisPrefix: string;
  /** Default: a port nothing listens on (the test sends no mail). */
  smtpUrl?: string;
  /** PULSEWISE_FAILPOINT: the worker kills itself (-9) when it reaches this point. */
  failpoint?: string;
  env?: Record<string, string>;
}

export function startWorker(options: WorkerProcessOptions): ChildProcess {
  return spawn(process.execPath, [workerMain], {
    env: {
      ...process.env,
      NODE_OPTIONS: '',
      DATABASE_URL: options.databaseUrl,
      DATABASE_ADMIN_URL: options.adminUrl,
      REDIS_PREFIX: options.redisPrefix,
      WORKER_LOCK_MS: '2000', // a killed worker's jobs become stalled, and are taken again, quickly
      SMTP_URL: options.smtpUrl ?? 'smtp://127.0.0.1:1',
      ...(options.failpoint ? { PULSEWISE_FAILPOINT: options.failpoint } : {}),
      ...options.env,
    },
    stdio: ['ignore', 'ignore', process.env.TEST_LOGS ? 'inherit' : 'pipe'], // TEST_LOGS=1 shows the workers' logs
  });
}

export function exited(child: ChildProcess): Promise<NodeJS.Signals | number | null> {
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve(signal ?? code)));
}

/** SIGTERM, and wait for the exit (a worker that already exited is left alone). */
export async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const done = exited(child);
  child.kill('SIGTERM');
  await done;
}

export async function waitFor(check: () => Promise<boolean>, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
