// SCIM bearer tokens. Like signal import keys, the secret names its tenant (row-level
// security needs the tenant before any lookup) and carries 256 random bits; only its
// SHA-256 hash is stored.
import { createHash, randomBytes } from 'node:crypto';

const FORMAT = /^pws_([0-9a-f]{32})_([A-Za-z0-9_-]{43})$/;

export function newScimToken(tenantId: string): { secret: string; hash: string } {
  const secret = `pws_${tenantId.replace(/-/g, '')}_${randomBytes(32).toString('base64url')}`;
  return { secret, hash: hashScimToken(secret) };
}

export function hashScimToken(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** The tenant a well-formed token belongs to, or null. Says nothing about whether the token is valid. */
export function tenantOfScimToken(secret: string): string | null {
  const m = FORMAT.exec(secret);
  if (!m) return null;
  const hex = m[1]!;
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
