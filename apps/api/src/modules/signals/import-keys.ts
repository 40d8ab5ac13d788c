// Per-tenant API keys for HR systems. The secret names its tenant (so the request
// can be scoped before any lookup: row-level security needs the tenant first) and
// carries 256 random bits; only its SHA-256 hash is stored.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

const PREFIX = 'pwk';
const FORMAT = /^pwk_([0-9a-f]{32})_([A-Za-z0-9_-]{43})$/;

export function newImportKey(tenantId: string): { secret: string; hash: string } {
  const secret = `${PREFIX}_${tenantId.replace(/-/g, '')}_${randomBytes(32).toString('base64url')}`;
  return { secret, hash: hashImportKey(secret) };
}

export function hashImportKey(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** The tenant a well-formed key belongs to, or null. Says nothing about whether the key is valid. */
export function tenantOfImportKey(secret: string): string | null {
  const m = FORMAT.exec(secret);
  if (!m) return null;
  const hex = m[1]!;
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && timingSafeEqual(x, y);
}
