// Shared pieces of the benchmarks (bench/run.mjs runs each bench/<name>.bench.ts in its own process).
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** One line of the results table. `ratio` is always ours ÷ baseline of the same run (see bench/README.md). */
export interface Row {
  id: string;
  work: string;
  ours: string;
  baseline: string;
  ratio: string;
  goal: string;
  met: 'yes' | 'no' | 'n/a' | 'not run';
  /** Raw figures (every repetition), statuses, sizes: what the JSON results keep. */
  data: Record<string, unknown>;
}

export const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

export const fmtMs = (ms: number): string => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(ms < 10 ? 1 : 0)} ms`);
export const fmtRatio = (r: number): string => `${r >= 100 ? r.toFixed(0) : r >= 10 ? r.toFixed(1) : r >= 0.1 ? r.toFixed(2) : r.toPrecision(2)}×`;

export async function repeat(times: number, f: (i: number) => Promise<void>): Promise<number[]> {
  const ms: number[] = [];
  for (let i = 0; i < times; i++) {
    const t0 = performance.now();
    await f(i);
    ms.push(performance.now() - t0);
  }
  return ms;
}

export function flags(argv = process.argv.slice(2)): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith('--')) continue;
    const eq = a.indexOf('=');
    if (eq > 0) out[a.slice(2, eq)] = a.slice(eq + 1);
    else if (argv[i + 1] !== undefined && !argv[i + 1]!.startsWith('--')) out[a.slice(2)] = argv[++i]!;
    else out[a.slice(2)] = 'true';
  }
  return out;
}

export const log = (name: string) => (message: string) => console.error(`[${name}] ${message}`);

/** Hands the rows to bench/run.mjs (BENCH_OUT) or prints them when run alone. */
export function emit(rows: Row[]): void {
  if (process.env.BENCH_OUT) writeFileSync(process.env.BENCH_OUT, JSON.stringify(rows, null, 2));
  else for (const r of rows) console.log(`${r.work}\n  ours ${r.ours} | baseline ${r.baseline} | ratio ${r.ratio} | goal ${r.goal} | met: ${r.met}\n  ${JSON.stringify(r.data)}`);
}

export const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => resolve(p));
    });
  });

export const redisPrefix = (label: string) => `pwbench:${label}:${randomBytes(4).toString('hex')}`;

export async function deleteRedisKeys(prefix: string): Promise<void> {
  const redis = new Redis({ maxRetriesPerRequest: 1 });
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
    if (keys.length) await redis.del(...keys);
    cursor = next;
  } while (cursor !== '0');
  await redis.quit();
}

/** BENCH_API_NODE_ARGS / BENCH_WORKER_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=tmp/prof" to profile a run. */
// BENCH_WORKER_ENTRY runs another build of the worker (a copy of an earlier dist/, to alternate old and new code).
// The Node flags the images run the API and the worker with (infra/docker/*.Dockerfile) come first.
const nodeArgs = (which: 'API' | 'WORKER'): string[] => ['--max-semi-space-size=32', ...(process.env[`BENCH_${which}_NODE_ARGS`] ?? '').split(' ').filter(Boolean)];

export interface Services {
  apiUrl?: string;
  children: ChildProcess[];
  stop(): Promise<void>;
}

/** The built API and/or worker as their own processes, as deployed (NODE_ENV=production, JSON logs at warn). */
export async function startServices(options: { databaseUrl: string; adminUrl?: string; prefix: string; api?: boolean; worker?: boolean; smtpUrl?: string; apiPool?: number; workerPool?: number; extraEnv?: Record<string, string> }): Promise<Services> {
  const children: ChildProcess[] = [];
  const port = await freePort();
  const env = {
    ...process.env,
    NODE_OPTIONS: '',
    NODE_ENV: 'production',
    JWT_SECRET: randomBytes(32).toString('hex'),
    SECRETS_KEY: randomBytes(32).toString('hex'),
    DATABASE_URL: options.databaseUrl,
    DATABASE_ADMIN_URL: options.adminUrl ?? options.databaseUrl.replace('pulsewise_app@', 'pulsewise_owner@'),
    DATABASE_BOOTSTRAP_URL: 'off',
    REDIS_PREFIX: options.prefix,
    API_PORT: String(port),
    METRICS_TOKEN: 'bench-metrics-token',
    WORKER_METRICS_PORT: '0',
    SMTP_URL: options.smtpUrl ?? 'smtp://127.0.0.1:1',
    LOG_LEVEL: 'warn',
    // Every bench client shares one loopback address (and the readers one token): the per-IP and
    // per-token limits would measure the rate limiter, not the service. Per-link limits stay.
    RATE_LIMIT_IP: 'off',
    RATE_LIMIT_TOKEN: 'off',
    RATE_LIMIT_PULSE_IP: 'off',
    ...(options.extraEnv ?? {}),
  };
  const stop = async () => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
    await Promise.all(children.map((c) => (c.exitCode === null ? new Promise((r) => c.once('exit', r)) : undefined)));
  };
  try {
    let apiUrl: string | undefined;
    if (options.api) {
      const api = spawn(process.execPath, [...nodeArgs('API'), path.join(ROOT, 'apps/api/dist/main.js')], { env: { ...env, DATABASE_POOL_SIZE: String(options.apiPool ?? 20) }, stdio: ['ignore', 'ignore', 'inherit'] });
      children.push(api);
      apiUrl = `http://127.0.0.1:${port}`;
      for (let i = 0; !(await fetch(`${apiUrl}/health/ready`).then((r) => r.ok, () => false)); i++) {
        if (i > 600 || api.exitCode !== null) throw new Error('the API did not start (build it: npx turbo run build --filter=@pulsewise/api)');
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    if (options.worker) {
      const worker = spawn(process.execPath, [...nodeArgs('WORKER'), process.env.BENCH_WORKER_ENTRY ?? path.join(ROOT, 'apps/worker/dist/main.js')], { env: { ...env, LOG_LEVEL: 'info', DATABASE_POOL_SIZE: String(options.workerPool ?? 10) }, stdio: ['ignore', 'pipe', 'inherit'] });
      children.push(worker);
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('the worker did not start in 60 s')), 60_000);
        worker.once('exit', (code) => reject(new Error(`the worker exited with ${code}`)));
        let buffered = '';
        worker.stdout!.on('data', (chunk: Buffer) => {
          buffered += chunk.toString();
          if (buffered.includes('Worker started')) {
            clearTimeout(timer);
            buffered = '';
            resolve();
          }
          if (buffered.length > 100_000) buffered = buffered.slice(-1000);
        });
      });
    }
    return { apiUrl, children, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

export async function gql<T = Record<string, any>>(apiUrl: string, query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> {
  const response = await fetch(`${apiUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify({ query, variables }) });
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data!;
}
