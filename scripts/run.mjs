import { spawn } from 'node:child_process';
import { env } from './services.mjs';

/** Runs a command, streaming its output; rejects with its exit code. */
export function run(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'inherit', env: { ...env, ...(options.env ?? {}) }, cwd: options.cwd });
    child.on('exit', (code, signal) => (code === 0 ? resolve() : reject(Object.assign(new Error(`${command} ${args.join(' ')} exited with ${code ?? signal}`), { code: code ?? 1 }))));
  });
}
