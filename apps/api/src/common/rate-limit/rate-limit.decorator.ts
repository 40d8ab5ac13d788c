// @RateLimit(spec) on a resolver: tighter limits than the general per-IP/per-token
// one, for the operations an attacker would hammer (answer links, imports).
// The guard counts before the resolver runs (after the auth guard, so the viewer
// is known); the interceptor counts failed answers (e.g. unknown answer links).
import { applyDecorators, Injectable, SetMetadata, UseGuards, UseInterceptors, type CallHandler, type CanActivate, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Request } from 'express';
import { catchError, type Observable } from 'rxjs';
import { DomainError, type ErrorCode } from '../errors/domain-error.js';
import type { RequestContext } from '../graphql/request-context.js';
import { clientIpKey, credentialKey } from './client-key.js';
import { RateLimits, type LimitName } from './rate-limits.js';

export interface RateLimitSpec {
  /** Per value of this argument (a credential such as an answer link; hashed before use). */
  perArgument?: { name: string; limit: LimitName };
  perIp?: LimitName;
  /** Per signed-in person (their "key" to the operation). */
  perPerson?: LimitName;
  perTenant?: LimitName;
  /** Answers with one of these codes count against `limit` for the client IP, which is refused once it is used up. */
  ipFailures?: { codes: ErrorCode[]; limit: LimitName };
}

/** `pulse` / `submitPulse`: per link and per IP, and an IP that keeps presenting unknown links is shut out. */
export const PULSE_LIMITS: RateLimitSpec = {
  ipFailures: { codes: ['NOT_FOUND'], limit: 'pulseGuessesIp' },
  perArgument: { name: 'token', limit: 'pulseLink' },
  perIp: 'pulseIp',
};

/** CSV imports: per person and per tenant (shared with POST /api/signal-observations). */
export const IMPORT_LIMITS: RateLimitSpec = { perPerson: 'importKey', perTenant: 'importTenant' };

const RATE_LIMIT_KEY = 'pulsewise:rate-limit';

function callOf(context: ExecutionContext): { req: Request; ctx?: RequestContext; args: Record<string, unknown> } {
  if (context.getType() === 'http') return { req: context.switchToHttp().getRequest<Request>(), args: {} };
  const gql = GqlExecutionContext.create(context);
  const ctx = gql.getContext<RequestContext>();
  return { req: ctx.req, ctx, args: gql.getArgs<Record<string, unknown>>() };
}

@Injectable()
export class RateLimitGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly limits: RateLimits,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const spec = this.reflector.get<RateLimitSpec | undefined>(RATE_LIMIT_KEY, context.getHandler());
    if (!spec) return true;
    const { req, ctx, args } = callOf(context);
    const ip = clientIpKey(req.ip);
    if (spec.ipFailures) await this.limits.assertNotExhausted(spec.ipFailures.limit, ip);
    // Narrowest first: a request refused for its own credential does not use up its network's or tenant's allowance.
    const value = spec.perArgument ? args[spec.perArgument.name] : undefined;
    if (spec.perArgument && typeof value === 'string') await this.limits.consume(spec.perArgument.limit, credentialKey(value));
    if (spec.perPerson && ctx?.viewer) await this.limits.consume(spec.perPerson, `person:${ctx.viewer.personId}`);
    if (spec.perIp) await this.limits.consume(spec.perIp, ip);
    if (spec.perTenant && ctx?.viewer) await this.limits.consume(spec.perTenant, ctx.viewer.tenantId);
    return true;
  }
}

@Injectable()
export class RateLimitFailureInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly limits: RateLimits,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const failures = this.reflector.get<RateLimitSpec | undefined>(RATE_LIMIT_KEY, context.getHandler())?.ipFailures;
    if (!failures) return next.handle();
    return next.handle().pipe(
      catchError(async (error: unknown) => {
        if (error instanceof DomainError && failures.codes.includes(error.code)) await this.limits.recordFailure(failures.limit, clientIpKey(callOf(context).req.ip));
        throw error;
      }),
    );
  }
}

/** Applies `spec` to a resolver (in addition to the general per-IP and per-token limits). */
export const RateLimit = (spec: RateLimitSpec) => applyDecorators(SetMetadata(RATE_LIMIT_KEY, spec), UseGuards(RateLimitGuard), UseInterceptors(RateLimitFailureInterceptor));
