import { Global, Inject, Injectable, Logger, Module, type OnModuleDestroy } from '@nestjs/common';
import { Redis } from 'ioredis';
import { AppConfigService } from '../config/app-config.service.js';

export const REDIS = Symbol('REDIS');

@Injectable()
class RedisLifecycle implements OnModuleDestroy {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}
  async onModuleDestroy(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}

/**
 * The API's own Redis connection (rate limits, lockouts, the response buffer). Commands fail
 * fast while Redis is down instead of queueing, so callers can answer SERVICE_UNAVAILABLE
 * rather than hang; ioredis reconnects by itself. Auto-pipelining sends the commands issued in
 * one event-loop turn — by all the requests in flight — in one write (same order, same replies):
 * under load each submitPulse's rate-limit and buffer commands otherwise cost a socket write each.
 */
@Global()
@Module({
  providers: [
    {
      provide: REDIS,
      inject: [AppConfigService],
      useFactory: (config: AppConfigService) => {
        const redis = new Redis(config.values.REDIS_URL, { maxRetriesPerRequest: 1, enableOfflineQueue: false, lazyConnect: false, enableAutoPipelining: true });
        const logger = new Logger('Redis');
        redis.on('error', (error) => logger.warn(`Redis: ${error.message}`));
        return redis;
      },
    },
    RedisLifecycle,
  ],
  exports: [REDIS],
})
export class RedisModule {}
