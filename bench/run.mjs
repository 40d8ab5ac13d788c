#!/usr/bin/env node
// `npm run bench`: every benchmark, each in its own process against its own fresh database
// and Redis prefix, then one table (work, ours, baseline, ratio, goal, met) and
// bench/results/<date>.json. Not part of `npm test`; timings never decide a test.
//
//   npm run bench                                   # everything at the default sizes (< 10 min on 2 cores)
//   npm run bench -- aggregation                    # one benchmark (or several: aggregation web)
//   node bench/run.mjs aggregation --people 10000   # flags go to every selected benchmark…
//   node bench/run.mjs --fanout.people 20000        # …or, prefixed, to one of them
//   node bench/run.mjs --aggregation.people 10000   # the aggregation at 10k only (by default 10k and 100k)
//   node bench/run.mjs --skip-build                 # don't (re)build the API, worker and web app first
//
// Benchmarks: aggregation (a, b), overview (c), submit (d), fanout (e), web (f); see bench/README.md.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { requireServices } from '../scripts/services.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BENCHES = ['aggregation', 'overview', 'submit', 'fanout', 'web'];

const args = process.argv.slice(2);
const selected = args.filter((a, i) => !a.startsWith('--') && !(i > 0 && args[i - 1].startsWith('--') && !args[i - 1].includes('=') && !isSwitch(args[i - 1])));
function isSwitch(flag) {
  return ['--100k', '--skip-build'].includes(flag);
}
for (const name of selected) if (!BENCHES.includes(name)) {
  console.error(`Unknown benchmark "${name}". Choose from: ${BENCHES.join(', ')}`);
  process.exit(2);
}
const names = selected.length ? selected : BENCHES;
const flagsFor = (name) => {
  const out = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (!a.startsWith('--') || isSwitch(a)) continue;
    const [key, inline] = a.slice(2).split(/=(.*)/s, 2);
    const value = inline ?? (args[i + 1] && !args[i + 1].startsWith('--') ? args[++i] : 'true');
    const dot = key.indexOf('.');
    if (dot > 0 && key.slice(0, dot) !== name) continue;
    out.push(`--${dot > 0 ? key.slice(dot + 1) : key}`, value);
  }
  // --100k: kept for old command lines; the 100k aggregation is part of the default run now.
  return out;
};

function run(command, commandArgs, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, commandArgs, { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, ...env } });
    child.on('exit', (code) => resolve(code ?? 1));
  });
}

await requireServices();
if (!args.includes('--skip-build')) {
  console.error('[bench] building the API, worker and web app (turbo: cached when unchanged)…');
  const code = await run('npx', ['turbo', 'run', 'build', '--filter=@pulsewise/api', '--filter=@pulsewise/worker', '--filter=@pulsewise/web', '--output-logs=errors-only'], { TURBO_TELEMETRY_DISABLED: '1', PRISMA_SCHEMA_ENGINE_BINARY: '/bin/false' });
  if (code !== 0) {
    console.error('[bench] the build failed');
    process.exit(1);
  }
}

// The machine is shared: keep its load average for the record.
const loads = [];
const sampler = setInterval(() => loads.push(os.loadavg()[0]), 5_000);
const started = new Date();
const rows = [];
const tmp = path.join(ROOT, 'tmp');
mkdirSync(tmp, { recursive: true });
for (const name of names) {
  const out = path.join(tmp, `bench-${name}-${process.pid}.json`);
  rmSync(out, { force: true });
  const t0 = performance.now();
  console.error(`\n[bench] ▶ ${name} ${flagsFor(name).join(' ')}`);
  const code = await run(process.execPath, ['--import', 'tsx', path.join('bench', `${name}.bench.ts`), ...flagsFor(name)], { BENCH_OUT: out, NODE_OPTIONS: '' });
  const seconds = (performance.now() - t0) / 1000;
  console.error(`[bench] ◀ ${name}: ${code === 0 ? 'done' : `FAILED (exit ${code})`} in ${seconds.toFixed(0)} s`);
  if (code === 0 && existsSync(out)) {
    for (const row of JSON.parse(readFileSync(out, 'utf8'))) rows.push({ ...row, seconds: +seconds.toFixed(1) });
    rmSync(out, { force: true });
  } else {
    rows.push({ id: name, work: name, ours: `failed (exit ${code}; see the log above)`, baseline: '—', ratio: '—', goal: '—', met: 'no', data: {}, seconds: +seconds.toFixed(1) });
  }
  if (name === 'aggregation' && !rows.some((r) => r.id === 'aggregation-100k')) {
    rows.push({ id: 'aggregation-100k', work: 'The same at 100k people', ours: 'not run (--aggregation.people without 100000)', baseline: '—', ratio: '—', goal: '< 30 s, ~linear', met: 'not run', data: {} });
  }
}
clearInterval(sampler);
loads.push(os.loadavg()[0]);

// The table.
const columns = [['work', 'Work'], ['ours', 'Ours'], ['baseline', 'Baseline (same run)'], ['ratio', 'Ratio'], ['goal', 'Goal'], ['met', 'Met?']];
const widths = columns.map(([key, title]) => Math.max(title.length, ...rows.map((r) => String(r[key]).length)));
const cell = (text, w) => text.padEnd(w);
const line = (values) => `| ${values.map((v, i) => cell(String(v), widths[i])).join(' | ')} |`;
const sortedLoads = [...loads].sort((a, b) => a - b);
const machine = {
  nproc: os.cpus().length,
  cpu: os.cpus()[0]?.model ?? 'unknown',
  memoryGb: +(os.totalmem() / 2 ** 30).toFixed(1),
  uname: `${os.type()} ${os.hostname()} ${os.release()} ${os.version()} ${os.machine()}`,
  node: process.version,
  loadAverage1m: { min: sortedLoads[0], median: sortedLoads[Math.floor(sortedLoads.length / 2)], max: sortedLoads.at(-1) },
};
console.log('');
console.log(line(columns.map(([, title]) => title)));
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const r of rows) console.log(line(columns.map(([key]) => r[key])));
console.log(`\n${machine.nproc} cores (${machine.cpu}), ${machine.node}; 1-minute load average during the run ${machine.loadAverage1m.min?.toFixed(1)}–${machine.loadAverage1m.max?.toFixed(1)} (median ${machine.loadAverage1m.median?.toFixed(1)}). Ratio = ours ÷ baseline, both measured in this run. * shorter or smaller than the issue's figure by default (flags: bench/README.md).`);

// bench/results/<date>.json: one file per day; a later run of some benchmarks replaces their rows.
const resultsDir = path.join(ROOT, 'bench/results');
mkdirSync(resultsDir, { recursive: true });
const file = path.join(resultsDir, `${started.toISOString().slice(0, 10)}.json`);
const previous = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : { runs: [] };
// A "not run" placeholder replaces nothing (an earlier opt-in 100k measurement stays).
const ids = new Set(rows.filter((r) => r.met !== 'not run').map((r) => r.id));
const results = {
  updatedAt: new Date().toISOString(),
  runs: [...previous.runs.filter((run) => !run.rows.filter((r) => r.met !== 'not run').every((r) => ids.has(r.id))), { startedAt: started.toISOString(), finishedAt: new Date().toISOString(), args, machine, rows }],
};
writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
console.log(`Written to ${path.relative(ROOT, file)}`);
process.exit(rows.some((r) => r.ours.startsWith('failed')) ? 1 : 0);
