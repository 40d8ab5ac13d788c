// Graceful shutdown of the API on SIGTERM/SIGINT: stop accepting connections, let the
// requests in flight finish (up to a grace period), close keep-alive connections as they
// fall idle, and only then tear the app down (PostgreSQL pool, Redis, queues). Nest's own
// shutdown hooks would close the database before the HTTP server, failing those requests.
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { INestApplication, LoggerService } from '@nestjs/common';

// Requests whose handler has not finished. A client that hangs up does not stop its
// request (the socket closes, the resolvers and their transaction carry on), so open
// sockets alone cannot tell when it is safe to close the database: a request counts as
// finished when its handler ends the response (Apollo does so after its plugins' last
// step, the request transaction's commit).
let requestsInFlight = 0;

export function trackInFlight(_req: IncomingMessage, res: ServerResponse, next: () => void): void {
  requestsInFlight++;
  const end = res.end.bind(res);
  let finished = false;
  res.end = ((...args: Parameters<ServerResponse['end']>) => {
    if (!finished) {
      finished = true;
      requestsInFlight--;
    }
    return end(...args);
  }) as ServerResponse['end'];
  next();
}

export function requestsStillRunning(): number {
  return requestsInFlight;
}

export async function drainHttpServer(server: Server, graceMs: number): Promise<'drained' | 'timeout'> {
  const closed = new Promise<'drained'>((resolve) => server.close(() => resolve('drained')));
  const idle = setInterval(() => server.closeIdleConnections(), 100);
  let timer: NodeJS.Timeout | undefined;
  const grace = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), graceMs)));
  const settled = closed.then(async () => {
    while (requestsInFlight > 0) await new Promise((r) => setTimeout(r, 50));
    return 'drained' as const;
  });
  try {
    return await Promise.race([settled, grace]);
  } finally {
    clearInterval(idle);
    clearTimeout(timer);
    server.closeAllConnections();
  }
}

export function shutDownGracefully(app: INestApplication, logger: LoggerService, graceMs = 25_000): void {
  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.log(`${signal}: no new connections; finishing requests in flight`);
    const outcome = await drainHttpServer(app.getHttpServer() as Server, graceMs);
    if (outcome === 'timeout') logger.warn(`requests still running after ${graceMs} ms were cut`);
    await app.close();
    process.exit(0);
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, (s) => void stop(s));
}
