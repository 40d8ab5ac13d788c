// Secrets Pulsewise must be able to read back (a tenant's OIDC client secret) are
// stored encrypted with AES-256-GCM. The key is derived from SECRETS_KEY; the
// tenant id is bound in as additional data, so a ciphertext copied into another
// tenant's row does not decrypt.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

const VERSION = 'v1';

export class SecretBox {
  private readonly key: Buffer;
  constructor(secretsKey: string) {
    // A fixed, labelled derivation: any string of ≥ 32 characters becomes a 256-bit key.
    this.key = createHash('sha256').update('pulsewise:secret-box:v1:').update(secretsKey).digest();
  }

  seal(plaintext: string, context: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [VERSION, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), data.toString('base64url')].join('.');
  }

  /** The plaintext, or null when the value was not sealed with this key for this context (or was altered). */
  open(sealed: string, context: string): string | null {
    const [version, iv, tag, data, extra] = sealed.split('.');
    if (version !== VERSION || !iv || !tag || data === undefined || extra !== undefined) return null;
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'));
      decipher.setAAD(Buffer.from(context, 'utf8'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
    } catch {
      return null;
    }
  }
}
