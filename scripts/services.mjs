// Shared by start/test: make sure PostgreSQL and Redis answer before doing anything,
// with a message that says how to start them.
import net from 'node:net';

function reachable(host, port, timeoutMs = 1500) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

export async function requireServices() {
  const pg = new URL(process.env.DATABASE_ADMIN_URL ?? 'postgresql://127.0.0.1:5432');
  const redis = new URL(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  const checks = [
    ['PostgreSQL', pg.hostname, Number(pg.port || 5432), 'pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start   (or: docker compose up -d postgres)'],
    ['Redis', redis.hostname, Number(redis.port || 6379), 'redis-server --daemonize yes --appendonly yes   (or: docker compose up -d redis)'],
  ];
  const missing = [];
  for (const [name, host, port, hint] of checks) if (!(await reachable(host, port))) missing.push(`  ${name} is not answering on ${host}:${port}. Start it with:\n    ${hint}`);
  if (missing.length) {
    console.error(`Pulsewise needs PostgreSQL and Redis running:\n${missing.join('\n')}`);
    process.exit(1);
  }
}

export const env = { ...process.env, TURBO_TELEMETRY_DISABLED: '1', PRISMA_SCHEMA_ENGINE_BINARY: '/bin/false', FORCE_COLOR: process.env.FORCE_COLOR ?? '1' };
