import { clientIpKey, credentialKey } from './client-key.js';

it('counts an IPv4 client by its address, also when it arrives IPv4-mapped', () => {
  expect(clientIpKey('203.0.113.7')).toBe('203.0.113.7');
  expect(clientIpKey('::ffff:203.0.113.7')).toBe('203.0.113.7');
  expect(clientIpKey(undefined)).toBe('unknown');
});

it('counts an IPv6 client by its /64, however the address is written', () => {
  const key = '2001:db8:0:1::/64';
  expect(clientIpKey('2001:db8:0:1::1')).toBe(key);
  expect(clientIpKey('2001:0db8:0000:0001:ffff:ffff:ffff:ffff')).toBe(key);
  expect(clientIpKey('2001:db8::1:0:0:0:5')).toBe(key);
  expect(clientIpKey('2001:db8:0:2::1')).not.toBe(key);
  expect(clientIpKey('::1')).toBe('0:0:0:0::/64');
});

it('never uses a credential itself as a key', () => {
  const secret = 'pwk_0123456789abcdef0123456789abcdef_secret';
  expect(credentialKey(secret)).not.toContain('secret');
  expect(credentialKey(secret)).toHaveLength(32);
  expect(credentialKey(secret)).toBe(credentialKey(secret));
  expect(credentialKey(`${secret}x`)).not.toBe(credentialKey(secret));
});
