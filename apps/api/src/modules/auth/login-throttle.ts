// Brute-force protection for sign-in, kept in Redis so it holds across API
// replicas: consecutive failures per email+IP block quickly, failures per email
// from anywhere lock the account for longer, failures per IP cap credential stuffing.
import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { REDIS } from '../../common/redis/redis.module.js';
import { AppConfigService } from '../../common/config/app-config.service.js';
import { DomainError, ErrorCode } from '../../common/errors/domain-error.js';

const unavailable = () => new DomainError(ErrorCode.SERVICE_UNAVAILABLE, 'Sign-in is briefly unavailable. Please try again in a minute.');

@Injectable()
export class LoginThrottle {
  private readonly byEmailAndIp: RateLimiterRedis;
  private readonly byEmail: RateLimiterRedis;
  private readonly byIp: RateLimiterRedis;

  constructor(@Inject(REDIS) redis: Redis, config: AppConfigService) {
    const prefix = `${config.values.REDIS_PREFIX}:login`;
    this.byEmailAndIp = new RateLimiterRedis({ storeClient: redis, keyPrefix: `${prefix}:email-ip`, points: 5, duration: 15 * 60, blockDuration: 15 * 60 });
    this.byEmail = new RateLimiterRedis({ storeClient: redis, keyPrefix: `${prefix}:email`, points: 20, duration: 60 * 60, blockDuration: 60 * 60 });
    this.byIp = new RateLimiterRedis({ storeClient: redis, keyPrefix: `${prefix}:ip`, points: 100, duration: 24 * 60 * 60, blockDuration: 24 * 60 * 60 });
  }

  /** Throws TOO_MANY_REQUESTS while any limit is exhausted. */
  async assertAllowed(email: string, ip: string): Promise<void> {
    let states: (RateLimiterRes | null)[];
    try {
      states = await Promise.all([this.byEmailAndIp.get(`${email}|${ip}`), this.byEmail.get(email), this.byIp.get(ip)]);
    } catch {
      throw unavailable();
    }
    const limits = [this.byEmailAndIp, this.byEmail, this.byIp];
    const blocked = states.filter((state, i): state is RateLimiterRes => state !== null && state.consumedPoints >= limits[i]!.points);
    if (blocked.length) throw tooMany(Math.max(...blocked.map((s) => s.msBeforeNext)));
  }

  async recordFailure(email: string, ip: string): Promise<void> {
    try {
      const results = await Promise.all([this.byEmailAndIp.consume(`${email}|${ip}`), this.byEmail.consume(email), this.byIp.consume(ip)]);
      // The failure that uses up a limit already says so, rather than one attempt later.
      const exhausted = results.filter((r) => r.remainingPoints <= 0);
      if (exhausted.length) throw tooMany(Math.max(...exhausted.map((r) => r.msBeforeNext)));
    } catch (result) {
      if (result instanceof DomainError) throw result;
      if (result instanceof RateLimiterRes) throw tooMany(result.msBeforeNext);
      throw unavailable();
    }
  }

  async recordSuccess(email: string, ip: string): Promise<void> {
    await this.byEmailAndIp.delete(`${email}|${ip}`).catch(() => undefined);
  }
}

function tooMany(msBeforeNext: number): DomainError {
  const retryAfterSeconds = Math.max(1, Math.ceil(msBeforeNext / 1000));
  const minutes = Math.ceil(retryAfterSeconds / 60);
  return new DomainError(ErrorCode.TOO_MANY_REQUESTS, `Too many sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`, { retryAfterSeconds });
}
