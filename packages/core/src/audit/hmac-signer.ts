import { createHmac, timingSafeEqual } from 'node:crypto';
import type { DigestSigner } from './chain.js';

/**
 * Signs audit digests with HMAC-SHA256 under a key held outside the table (locally a key file in
 * DATA_DIR/keys; in AWS the KMS HMAC key plays this role, see db/kms-digest-signer.ts).
 */
export class HmacDigestSigner implements DigestSigner {
  constructor(
    private readonly key: Buffer,
    readonly keyId = 'local-hmac-1',
  ) {
    if (key.length < 32) throw new Error('audit digest key must have at least 32 bytes');
  }

  async mac(message: string): Promise<string> {
    return createHmac('sha256', this.key).update(message).digest('base64url');
  }

  async verify(message: string, mac: string, keyId: string): Promise<boolean> {
    if (keyId !== this.keyId) return false;
    const expected = Buffer.from(await this.mac(message));
    const given = Buffer.from(mac);
    return expected.length === given.length && timingSafeEqual(expected, given);
  }
}
