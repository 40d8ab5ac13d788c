import { Module } from '@nestjs/common';
import { ResponseBuffer } from '@pulsewise/jobs';
import type { Redis } from 'ioredis';
import { AppConfigService } from '../../common/config/app-config.service.js';
import { REDIS } from '../../common/redis/redis.module.js';
import { PulseRepository } from './pulse.repository.js';
import { PulseResolver } from './pulse.resolver.js';
import { PulseService } from './pulse.service.js';

@Module({
  providers: [
    PulseRepository,
    PulseService,
    PulseResolver,
    { provide: ResponseBuffer, inject: [REDIS, AppConfigService], useFactory: (redis: Redis, config: AppConfigService) => new ResponseBuffer(redis, config.values.REDIS_PREFIX) },
  ],
})
export class ResponsesModule {}
