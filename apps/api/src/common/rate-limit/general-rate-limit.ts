// The general limit on every GraphQL and REST request, per client IP and per access
// token, applied before the body is read. A refused request gets HTTP 429 with
// Retry-After and a body the client already understands: GraphQL-shaped on /graphql,
// the REST error shape on /api, SCIM's error format (RFC 7644 §3.12) on /scim.
import type { NextFunction, Request, Response } from 'express';
import { ErrorCode } from '../errors/domain-error.js';
import { clientIpKey, credentialKey } from './client-key.js';
import { RateLimited, type RateLimits } from './rate-limits.js';

export function sendRateLimited(res: Response, refusal: RateLimited, shape: 'graphql' | 'rest' | 'scim'): void {
  const error = { code: ErrorCode.TOO_MANY_REQUESTS, message: refusal.message, retryAfterSeconds: refusal.retryAfterSeconds };
  res.status(429).setHeader('Retry-After', String(refusal.retryAfterSeconds));
  if (shape === 'scim') res.type('application/scim+json').send(JSON.stringify({ schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'], status: '429', detail: error.message }));
  else if (shape === 'graphql') res.json({ errors: [{ message: error.message, extensions: { code: error.code, retryAfterSeconds: error.retryAfterSeconds } }] });
  else res.json({ ok: false, error });
}

export function generalRateLimit(limits: RateLimits) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    if (req.method === 'OPTIONS') return next(); // CORS preflights carry no credentials and do no work
    try {
      const header = req.headers.authorization;
      // Access tokens and import keys alike: the bearer credential, hashed.
      if (header?.startsWith('Bearer ')) await limits.consume('token', credentialKey(header.slice(7).trim()));
      await limits.consume('ip', clientIpKey(req.ip));
      next();
    } catch (error) {
      if (error instanceof RateLimited) return sendRateLimited(res, error, req.baseUrl.startsWith('/api') ? 'rest' : req.baseUrl.startsWith('/scim') ? 'scim' : 'graphql');
      next(error);
    }
  };
}
