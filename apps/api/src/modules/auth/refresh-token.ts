// Refresh tokens: "<tenantId>.<sessionId>.<secret>" in an httpOnly cookie. Only
// sha256(secret) is stored; the secret rotates on every refresh, and presenting
// an old secret revokes the session (a stolen token is only good once).
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export const REFRESH_COOKIE = 'pw_refresh';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export function secretMatches(secret: string, storedHash: string): boolean {
  const a = Buffer.from(hashSecret(secret), 'hex');
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

export function formatRefreshToken(tenantId: string, sessionId: string, secret: string): string {
  return `${tenantId}.${sessionId}.${secret}`;
}

export function parseRefreshToken(value: string | undefined): { tenantId: string; sessionId: string; secret: string } | null {
  if (!value) return null;
  const [tenantId, sessionId, secret, extra] = value.split('.');
  if (extra !== undefined || !tenantId || !sessionId || !secret || !UUID.test(tenantId) || !UUID.test(sessionId)) return null;
  return { tenantId, sessionId, secret };
}
