import { Redis } from 'ioredis';

/** Deletes every key a test file wrote under its own Redis prefix (queues, answer buffer, limits). */
export async function deleteRedisKeys(prefix: string): Promise<void> {
  const redis = new Redis({ maxRetriesPerRequest: 1 });
  try {
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length) await redis.del(...keys);
  } finally {
    await redis.quit();
  }
}
