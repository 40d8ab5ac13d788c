// A real API for integration tests: its own database (real migrations, via the
// template clone), its own Redis key prefix, listening on a random loopback port.
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { createPrismaClient, type Db } from '@pulsewise/db';
import { createTestDatabase, type SeededTemplate, type TestDatabase } from '@pulsewise/db/testing';
import { Redis } from 'ioredis';
import type { NestExpressApplication } from '@nestjs/platform-express';

export interface GraphqlResult<T = Record<string, unknown>> {
  data?: T | null;
  errors?: { message: string; path?: string[]; extensions?: Record<string, unknown> & { code?: string } }[];
}

export interface CallOptions {
  token?: string;
  cookie?: string;
  headers?: Record<string, string>;
}

export interface TestApp {
  app: NestExpressApplication;
  db: TestDatabase;
  /** A Prisma client on the app role, for fixtures (RLS applies: use withTenant/withPlatform). */
  prisma: Db;
  url: string;
  redisPrefix: string;
  gql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, options?: CallOptions): Promise<GraphqlResult<T> & { status: number; setCookie: string[] }>;
  close(): Promise<void>;
}

/**
 * `seeded`: start from that template's data (e.g. the demo organisation) instead of an empty database.
 * `replicaOf`: a second API instance on the same database and Redis prefix (a replica behind a load
 * balancer); closing it leaves the database and Redis keys to the first.
 */
export async function startTestApp(label: string, env: Record<string, string> = {}, seeded?: SeededTemplate, options: { replicaOf?: TestApp } = {}): Promise<TestApp> {
  const shared = options.replicaOf;
  const db = shared?.db ?? (await createTestDatabase(label, seeded));
  const redisPrefix = shared?.redisPrefix ?? `pwtest:${label}:${randomBytes(4).toString('hex')}`;
  Object.assign(process.env, {
    NODE_ENV: 'test',
    DATABASE_URL: db.appUrl,
    DATABASE_ADMIN_URL: db.adminUrl,
    REDIS_PREFIX: redisPrefix,
    DATABASE_POOL_SIZE: '5',
    ...env,
  });
  const { createApp } = await import('../bootstrap-app.js');
  // TEST_LOGS=1 shows the API's own log (internal errors are logged there, never sent to clients).
  const app = await createApp(process.env.TEST_LOGS ? {} : { logger: false });
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  const url = `http://127.0.0.1:${port}/graphql`;
  const prisma = createPrismaClient(db.appUrl, { poolSize: 3 });

  return {
    app,
    db,
    prisma,
    url,
    redisPrefix,
    async gql(query, variables = {}, options = {}) {
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
          ...(options.cookie ? { cookie: options.cookie } : {}),
          ...(options.headers ?? {}),
        },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as GraphqlResult<never>;
      return { ...body, status: response.status, setCookie: response.headers.getSetCookie() };
    },
    async close() {
      await app.close();
      await prisma.$disconnect();
      if (shared) return;
      await db.drop();
      await deleteRedisKeys(redisPrefix);
    },
  };
}

/** Leaves nothing behind in Redis: every key under the test's prefix goes. */
export async function deleteRedisKeys(prefix: string): Promise<void> {
  const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { maxRetriesPerRequest: 1 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    await redis.quit();
  }
}
