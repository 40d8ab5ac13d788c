import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from './generated/prisma/client.js';

export type Db = PrismaClient;
/** The client handed to callbacks inside an interactive transaction. */
export type Tx = Omit<PrismaClient, '$connect' | '$disconnect' | '$on' | '$transaction' | '$extends'>;

/**
 * One client per process, over node-postgres through Prisma's driver adapter (no Rust engine).
 * `connectTimeoutMs` bounds opening a connection: without it an unreachable server (a dropped
 * route, a failover) leaves requests waiting on the operating system's TCP timeout — minutes.
 */
export function createPrismaClient(connectionString: string, options: { poolSize?: number; connectTimeoutMs?: number } = {}): PrismaClient {
  const adapter = new PrismaPg({ connectionString, max: options.poolSize ?? 10, connectionTimeoutMillis: options.connectTimeoutMs ?? 5_000 });
  return new PrismaClient({ adapter });
}

export type PgPool = pg.Pool;
export type PgPoolClient = pg.PoolClient;

/**
 * The same client, together with the node-postgres pool it runs on, for a hot path that must
 * spend fewer round trips than Prisma's interactive transactions allow (submitPulse). Still one
 * pool per process: Prisma and that path share its connections. Closing the client ends the pool.
 */
export function createPrismaClientWithPool(connectionString: string, options: { poolSize?: number; connectTimeoutMs?: number } = {}): { client: PrismaClient; pool: PgPool } {
  const pool = new pg.Pool({ connectionString, max: options.poolSize ?? 10, connectionTimeoutMillis: options.connectTimeoutMs ?? 5_000 });
  return { client: new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) }), pool };
}

/**
 * Runs `body` on one connection checked out of `pool`, for hot paths that send their own
 * transaction as raw SQL (BEGIN, the tenant, statements, COMMIT in as few messages as possible).
 * When `body` throws, the transaction is rolled back. A checked-out connection that dies between
 * queries emits 'error' with nobody else listening — unhandled, that would take the process down —
 * so it is caught here; such a connection, or one that cannot even roll back (after a failed
 * COMMIT there is no transaction left and ROLLBACK only warns), is dropped from the pool rather
 * than reused.
 */
export async function withPooledConnection<T>(pool: PgPool, body: (client: PgPoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  const onError = (error: Error) => (broken = error);
  client.on('error', onError);
  try {
    return await body(client);
  } catch (error) {
    await client.query('ROLLBACK').catch((e: Error) => (broken = e));
    throw error;
  } finally {
    client.off('error', onError);
    client.release(broken);
  }
}
