import type { GenerateMacCommand, GenerateMacCommandOutput, VerifyMacCommand, VerifyMacCommandOutput } from '@aws-sdk/client-kms';
import type { DigestSigner } from '@ufp/core/audit/chain';
import { kmsSdk } from './kms.js';

/** The part of `KMSClient` this adapter uses; lets tests inject a fake at the AWS boundary. */
export interface KmsMacClientLike {
  send(command: GenerateMacCommand): Promise<GenerateMacCommandOutput>;
  send(command: VerifyMacCommand): Promise<VerifyMacCommandOutput>;
}

/**
 * Signs audit digests with a KMS HMAC key (KeySpec HMAC_256, usage GENERATE_VERIFY_MAC): the key never
 * leaves KMS, so whoever can rewrite the table still cannot produce a valid digest. The sealing job may
 * GenerateMac; the API (audit.verify) may only VerifyMac.
 */
export class KmsDigestSigner implements DigestSigner {
  constructor(
    readonly keyId: string,
    private readonly client: KmsMacClientLike,
  ) {}

  async mac(message: string): Promise<string> {
    const { GenerateMacCommand } = await kmsSdk();
    const out = await this.client.send(new GenerateMacCommand({ KeyId: this.keyId, MacAlgorithm: 'HMAC_SHA_256', Message: Buffer.from(message) }));
    if (!out.Mac) throw new Error('KMS GenerateMac returned no MAC');
    return Buffer.from(out.Mac).toString('base64url');
  }

  async verify(message: string, mac: string, keyId: string): Promise<boolean> {
    const { VerifyMacCommand } = await kmsSdk();
    try {
      const out = await this.client.send(new VerifyMacCommand({ KeyId: keyId, MacAlgorithm: 'HMAC_SHA_256', Message: Buffer.from(message), Mac: Buffer.from(mac, 'base64url') }));
      return out.MacValid === true;
    } catch (err) {
      // KMS answers an invalid MAC with KMSInvalidMacException rather than MacValid: false.
      if ((err as { name?: string }).name === 'KMSInvalidMacException') return false;
      throw err;
    }
  }
}
