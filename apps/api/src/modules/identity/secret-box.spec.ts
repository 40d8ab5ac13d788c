import { SecretBox } from './secret-box.js';

describe('SecretBox (AES-256-GCM)', () => {
  const box = new SecretBox('a-test-key-that-is-long-enough-0123456789');

  it('opens what it sealed, for the same context only', () => {
    const sealed = box.seal('client-secret', 'tenant-a');
    expect(sealed).not.toContain('client-secret');
    expect(box.open(sealed, 'tenant-a')).toBe('client-secret');
    expect(box.open(sealed, 'tenant-b')).toBeNull();
    expect(new SecretBox('another-key-that-is-long-enough-0123456789').open(sealed, 'tenant-a')).toBeNull();
  });

  it('uses a fresh IV each time and detects any change', () => {
    const a = box.seal('same', 't');
    const b = box.seal('same', 't');
    expect(a).not.toBe(b);
    const [v, iv, tag, data] = a.split('.');
    // The first character: all six of its bits are data (the last one's low bits can be padding).
    const flipped = `${data!.startsWith('A') ? 'B' : 'A'}${data!.slice(1)}`;
    expect(box.open([v, iv, tag, flipped].join('.'), 't')).toBeNull();
    expect(box.open('v1.garbage', 't')).toBeNull();
    expect(box.open('v2.a.b.c', 't')).toBeNull();
  });
});
