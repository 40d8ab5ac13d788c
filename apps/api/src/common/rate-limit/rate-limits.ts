// Every request limit of the API in one place, counted in Redis so that the limits
// hold across API replicas (fixed windows, rate-limiter-flexible). Each limit comes
// from configuration ("<requests>/<seconds>"). While Redis is unreachable each replica
// counts in memory instead (the insurance limiter): the limits get looser for a moment
// rather than every request failing.
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { RateLimitRule } from '@pulsewise/config';
import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { AppConfigService } from '../config/app-config.service.js';
import { DomainError, ErrorCode } from '../errors/domain-error.js';
import { REDIS } from '../redis/redis.module.js';

export const LIMITS = {
  /** Every request, per client IP. */
  ip: 'RATE_LIMIT_IP',
  /** Every request carrying an access token, per token. */
  token: 'RATE_LIMIT_TOKEN',
  pulseIp: 'RATE_LIMIT_PULSE_IP',
  pulseLink: 'RATE_LIMIT_PULSE_LINK',
  /** Counts failures (unknown answer links), not requests: see `recordFailure`. */
  pulseGuessesIp: 'RATE_LIMIT_PULSE_GUESSES_IP',
  importTenant: 'RATE_LIMIT_IMPORT_TENANT',
  importKey: 'RATE_LIMIT_IMPORT_KEY',
} as const;
export type LimitName = keyof typeof LIMITS;

/** TOO_MANY_REQUESTS with the wait in `extensions.retryAfterSeconds` (and `Retry-After` on plain HTTP). */
export class RateLimited extends DomainError {
  constructor(
    readonly limit: LimitName,
    readonly retryAfterSeconds: number,
  ) {
    super(ErrorCode.TOO_MANY_REQUESTS, message(limit, retryAfterSeconds), { retryAfterSeconds });
  }
}

function message(limit: LimitName, seconds: number): string {
  const wait = seconds < 90 ? `${seconds} second${seconds === 1 ? '' : 's'}` : `${Math.ceil(seconds / 60)} minutes`;
  switch (limit) {
    case 'pulseGuessesIp':
      return `Too many invalid pulse links from your network. Try again in ${wait}.`;
    case 'importTenant':
      return `Your organisation has run too many imports recently. Try again in ${wait}.`;
    case 'importKey':
      return `Too many imports with these credentials. Try again in ${wait}.`;
    default:
      return `Too many requests. Please slow down and try again in ${wait}.`;
  }
}

@Injectable()
export class RateLimits {
  private readonly logger = new Logger('RateLimits');
  private readonly limiters = new Map<LimitName, RateLimiterRedis>();

  constructor(@Inject(REDIS) private readonly redis: Redis, config: AppConfigService) {
    const prefix = `${config.values.REDIS_PREFIX}:rl`;
    for (const [name, variable] of Object.entries(LIMITS) as [LimitName, (typeof LIMITS)[LimitName]][]) {
      const rule: RateLimitRule | null = config.values[variable];
      if (!rule) continue; // "off"
      const options = { keyPrefix: `${prefix}:${name}`, points: rule.points, duration: rule.seconds, blockDuration: rule.seconds };
      this.limiters.set(
        name,
        new RateLimiterRedis({ ...options, storeClient: redis, rejectIfRedisNotReady: true, insuranceLimiter: new RateLimiterMemory(options) }),
      );
    }
  }

  /** Counts one request against `limit` for `key`; throws RateLimited once the window's allowance is used up. */
  async consume(limit: LimitName, key: string): Promise<void> {
    const limiter = this.limiters.get(limit);
    if (!limiter) return;
    try {
      await limiter.consume(key);
    } catch (rejection) {
      throw this.refusal(limit, key, rejection);
    }
  }

  /** Throws RateLimited while `key` has used up `limit`, without counting anything. */
  async assertNotExhausted(limit: LimitName, key: string): Promise<void> {
    const limiter = this.limiters.get(limit);
    if (!limiter) return;
    // The common case (not exhausted) in one plain GET of the limiter's counter, which the
    // auto-pipelined connection batches with other requests' commands; the library's own read
    // (MULTI GET PTTL EXEC, always a write of its own) only when a refusal needs its expiry.
    // Redis unreachable: not exhausted, as before (the insurance limiter counts consumes only).
    const consumed = await this.redis.get(limiter.getKey(key)).catch(() => null);
    if (consumed === null || Number(consumed) < limiter.points) return;
    const state = await limiter.get(key).catch(() => null);
    if (state && state.consumedPoints >= limiter.points) throw this.refusal(limit, key, state);
  }

  /** Counts a failure (e.g. an unknown answer link) against `limit`; what it exhausts is refused by `assertNotExhausted`. */
  async recordFailure(limit: LimitName, key: string): Promise<void> {
    await this.limiters
      .get(limit)
      ?.consume(key)
      .catch(() => undefined); // already over: the block is what matters, and it is in place
  }

  private refusal(limit: LimitName, key: string, rejection: unknown): unknown {
    if (!(rejection instanceof RateLimiterRes)) return rejection; // not a limit: should not happen with the insurance limiter
    const retryAfterSeconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
    // Once per window, not per refused request (a flood would flood the log too). The key names an
    // IP or a tenant, never a credential (those are hashed before they get here).
    if (rejection.consumedPoints === (this.limiters.get(limit)?.points ?? 0) + 1) this.logger.warn(`rate limit ${limit} reached for ${key} (retry in ${retryAfterSeconds}s)`);
    return new RateLimited(limit, retryAfterSeconds);
  }
}
