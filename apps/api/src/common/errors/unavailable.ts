// Errors that mean "PostgreSQL or Redis is not reachable right now" — a restart, a
// failover, a network cut — as opposed to a bug. They leave as SERVICE_UNAVAILABLE
// (the client may retry) instead of INTERNAL_SERVER_ERROR.
const PRISMA_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024']);
// PostgreSQL SQLSTATEs: connection exceptions (08…), shutdown/cannot connect now (57P01–57P03).
const SQLSTATES = /^(08\d{3}|57P0[123])$/;
const NODE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENOTFOUND', 'ECONNABORTED']);
const MESSAGES = [
  /Can't reach database server/i,
  /Connection terminated/i,
  /Connection (is )?closed/i,
  /server closed the connection unexpectedly/i,
  /the database system is (shutting down|starting up)/i,
  /timeout exceeded when trying to connect/i,
  /Timed out fetching a new connection from the connection pool/i,
  /Stream isn't writeable and enableOfflineQueue/i,
  /Reached the max retries per request limit/i,
];

export function isServiceUnavailable(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 6; e = (e as { cause?: unknown }).cause, depth++) {
    if (typeof e !== 'object') return false;
    const { code, name, message } = e as { code?: unknown; name?: unknown; message?: unknown };
    if (typeof code === 'string' && (PRISMA_CODES.has(code) || SQLSTATES.test(code) || NODE_CODES.has(code))) return true;
    if (name === 'PrismaClientInitializationError' || name === 'MaxRetriesPerRequestError') return true;
    if (typeof message === 'string' && MESSAGES.some((m) => m.test(message))) return true;
    // Prisma driver-adapter errors carry the reason in `cause.kind`.
    const kind = (e as { cause?: { kind?: unknown } }).cause?.kind;
    if (kind === 'DatabaseNotReachable' || kind === 'ConnectionClosed' || kind === 'SocketTimeout' || kind === 'TooManyConnections') return true;
  }
  return false;
}
