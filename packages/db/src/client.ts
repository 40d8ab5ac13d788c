import { PrismaPg } from '@prisma/adapter-pg';
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
