// `npm start`: the whole product on this machine — migrate, seed the demo
// organisation if the database is empty, build, then run the API (:4000/graphql),
// the worker, the web app (:5173) and a local SMTP sink (:1025) together.
import { spawn } from 'node:child_process';
import { requireServices, env } from './services.mjs';
import { run } from './run.mjs';

await requireServices();
await run('npx', ['turbo', 'run', 'build', '--output-logs=errors-only']);
await run('npm', ['run', 'db:migrate', '--silent']);
await run('npm', ['run', 'db:seed', '--silent']);

const processes = [
  ['mail', 'node', ['scripts/mail-sink.mjs']],
  // Node flags as the images run them (infra/docker/*.Dockerfile).
  ['api', 'node', ['--max-semi-space-size=32', 'apps/api/dist/main.js']],
  ['worker', 'node', ['--max-semi-space-size=32', 'apps/worker/dist/main.js']],
  ['web', 'npm', ['run', 'preview', '-w', '@pulsewise/web', '--silent']],
];
const children = processes.map(([name, command, args]) => {
  const child = spawn(command, args, { env: { ...env, FORCE_COLOR: '0', NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  const prefix = `${name.padEnd(6)}| `;
  for (const stream of [child.stdout, child.stderr]) {
    let buffered = '';
    stream.on('data', (chunk) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) process.stdout.write(prefix + line + '\n');
    });
  }
  child.on('exit', (code) => {
    console.log(`${prefix}exited with ${code}`);
    shutdown(code ?? 1);
  });
  return child;
});

console.log('\nPulsewise is starting: web http://localhost:5173 · API http://localhost:4000/graphql · sign in with the demo accounts in README.md\n');

let stopping = false;
function shutdown(code) {
  if (stopping) return;
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 3000).unref();
}
process.on('SIGINT', () => shutdown(0));
process.on('SIGTERM', () => shutdown(0));
