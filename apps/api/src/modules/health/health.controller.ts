import { Controller, Get, HttpException, HttpStatus, Inject } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { Public } from '../../common/auth/roles.decorator.js';
import { PrismaService } from '../../common/database/prisma.service.js';
import { REDIS } from '../../common/redis/redis.module.js';

@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly prisma: PrismaService,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  /** The process is up (for restarts). */
  @Get('live')
  live() {
    return { status: 'ok' };
  }

  /** PostgreSQL and Redis both answer (for load balancers). */
  @Get('ready')
  async ready() {
    const timeout = <T>(p: Promise<T>) => Promise.race([p, new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), 2_000))]);
    const [postgres, redis] = await Promise.all([
      timeout(this.prisma.client.$queryRaw`SELECT 1`).then(() => 'ok', () => 'down'),
      timeout(this.redis.ping()).then(() => 'ok', () => 'down'),
    ]);
    const body = { status: postgres === 'ok' && redis === 'ok' ? 'ok' : 'unavailable', postgres, redis };
    if (body.status !== 'ok') throw new HttpException(body, HttpStatus.SERVICE_UNAVAILABLE);
    return body;
  }
}
