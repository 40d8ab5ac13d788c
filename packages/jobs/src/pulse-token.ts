// Answer links: "<tenantId>.<256-bit secret>". The tenant part routes the lookup
// (every read is tenant-scoped); only sha256(secret) is stored.
import { createHash, randomBytes } from 'node:crypto';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SECRET = /^[A-Za-z0-9_-]{43}$/;

export function newPulseToken(tenantId: string): { token: string; tokenHash: string } {
  const secret = randomBytes(32).toString('base64url');
  return { token: `${tenantId}.${secret}`, tokenHash: hashPulseSecret(secret) };
}

export function hashPulseSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export function parsePulseToken(token: string): { tenantId: string; tokenHash: string } | null {
  const [tenantId, secret, extra] = token.trim().split('.');
  if (extra !== undefined || !tenantId || !secret || !UUID.test(tenantId) || !SECRET.test(secret)) return null;
  return { tenantId, tokenHash: hashPulseSecret(secret) };
}
