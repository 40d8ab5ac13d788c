// What the rate limits count by. Credentials (answer links, access tokens, import
// keys) are hashed before they become Redis keys: Redis must never hold a secret.
import { createHash } from 'node:crypto';
import { isIPv6 } from 'node:net';

/** A short, stable, one-way name for a credential. */
export function credentialKey(secret: string): string {
  return createHash('sha256').update(secret).digest('base64url').slice(0, 32);
}

/**
 * The client address as a rate-limit key. IPv4-mapped IPv6 counts as the IPv4
 * address; other IPv6 addresses count per /64, since anyone holding one address
 * holds the 2^64 around it.
 */
export function clientIpKey(ip: string | undefined): string {
  if (!ip) return 'unknown';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return mapped[1]!;
  if (!isIPv6(ip)) return ip;
  const [head = '', tail = ''] = ip.split('::');
  const left = head ? head.split(':') : [];
  const right = ip.includes('::') && tail ? tail.split(':') : [];
  const groups = ip.includes('::') ? [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right] : left;
  return `${groups
    .slice(0, 4)
    .map((g) => (parseInt(g, 16) || 0).toString(16))
    .join(':')}::/64`;
}
