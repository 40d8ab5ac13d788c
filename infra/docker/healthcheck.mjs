// Container health checks for the api and worker images (the slim runtime has no curl).
//
//   node healthcheck.mjs api          GET /health/ready on API_PORT: 200 when PostgreSQL and Redis answer.
//   node healthcheck.mjs worker       GET /metrics on WORKER_METRICS_PORT, which the worker serves only
//                                     when METRICS_TOKEN is set. Any HTTP answer (even 401 or 503) means the
//                                     worker's event loop is running; no answer within the timeout is a failure.
//                                     Without METRICS_TOKEN the worker listens on nothing, so the check can only
//                                     confirm that Redis (the queues it lives on) answers a PING.
//
// Exit code 0 = healthy, 1 = unhealthy (Docker HEALTHCHECK and Kubernetes exec probes read it).
import { connect } from 'node:net';
import { request } from 'node:http';

const TIMEOUT_MS = Number(process.env.HEALTHCHECK_TIMEOUT_MS ?? 4000);
const mode = process.argv[2];

function httpStatus(port, path) {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET', timeout: TIMEOUT_MS }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('timeout', () => req.destroy(new Error(`no answer within ${TIMEOUT_MS} ms`)));
    req.on('error', reject);
    req.end();
  });
}

function redisPing(url) {
  const u = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect({ host: u.hostname, port: Number(u.port || 6379), timeout: TIMEOUT_MS });
    let buffered = '';
    socket.on('connect', () => {
      const password = decodeURIComponent(u.password);
      const username = decodeURIComponent(u.username);
      if (password) socket.write(username ? `AUTH ${username} ${password}\r\n` : `AUTH ${password}\r\n`);
      socket.write('PING\r\n');
    });
    socket.on('data', (chunk) => {
      buffered += chunk.toString();
      if (buffered.includes('+PONG')) {
        socket.end();
        resolve();
      } else if (buffered.startsWith('-')) {
        socket.destroy();
        reject(new Error(buffered.split('\r\n')[0]));
      }
    });
    socket.on('timeout', () => socket.destroy(new Error(`no answer within ${TIMEOUT_MS} ms`)));
    socket.on('error', reject);
  });
}

try {
  if (mode === 'api') {
    const status = await httpStatus(Number(process.env.API_PORT ?? 4000), '/health/ready');
    if (status !== 200) throw new Error(`/health/ready answered ${status}`);
  } else if (mode === 'worker') {
    if (process.env.METRICS_TOKEN) await httpStatus(Number(process.env.WORKER_METRICS_PORT ?? 9465), '/metrics');
    else await redisPing(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  } else {
    throw new Error('usage: node healthcheck.mjs api|worker');
  }
  process.exit(0);
} catch (error) {
  console.error(`unhealthy: ${error.message}`);
  process.exit(1);
}
