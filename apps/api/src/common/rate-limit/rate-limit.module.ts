import { Global, Module } from '@nestjs/common';
import { RateLimits } from './rate-limits.js';

/** The request limits (see rate-limits.ts); global so any resolver can use @RateLimit. */
@Global()
@Module({ providers: [RateLimits], exports: [RateLimits] })
export class RateLimitModule {}
