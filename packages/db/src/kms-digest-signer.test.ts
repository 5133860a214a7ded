import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { GenerateMacCommand, VerifyMacCommand, type GenerateMacCommandOutput, type VerifyMacCommandOutput } from '@aws-sdk/client-kms';
import { describe, expect, it } from 'vitest';
import { sealDigest, checkDigest } from '@ufp/core/audit/chain';
import { KmsDigestSigner, type KmsMacClientLike } from './kms-digest-signer.js';

const KEY_ARN = 'arn:aws-cn:kms:cn-northwest-1:111122223333:key/aaaa1111-bb22-cc33-dd44-eeeeee555555';

/**
 * Boundary fake standing in for AWS KMS (not reachable from tests), keeping its observable contract
 * for HMAC keys: GenerateMac/VerifyMac with HMAC_SHA_256 on the named key only, and an invalid MAC
 * answered with KMSInvalidMacException (not MacValid: false).
 */
class FakeKmsMacBoundary implements KmsMacClientLike {
  readonly #key = randomBytes(32);
  readonly sent: (GenerateMacCommand | VerifyMacCommand)[] = [];
  send(command: GenerateMacCommand): Promise<GenerateMacCommandOutput>;
  send(command: VerifyMacCommand): Promise<VerifyMacCommandOutput>;
  async send(command: GenerateMacCommand | VerifyMacCommand): Promise<GenerateMacCommandOutput | VerifyMacCommandOutput> {
    this.sent.push(command);
    const { KeyId, MacAlgorithm, Message } = command.input;
    if (KeyId !== KEY_ARN) throw Object.assign(new Error('not found'), { name: 'NotFoundException' });
    if (MacAlgorithm !== 'HMAC_SHA_256') throw Object.assign(new Error('bad algorithm'), { name: 'InvalidKeyUsageException' });
    const mac = createHmac('sha256', this.#key).update(Buffer.from(Message!)).digest();
    if (command instanceof GenerateMacCommand) return { $metadata: {}, Mac: new Uint8Array(mac), KeyId: KEY_ARN, MacAlgorithm };
    const given = Buffer.from((command as VerifyMacCommand).input.Mac!);
    if (given.length !== mac.length || !timingSafeEqual(given, mac)) throw Object.assign(new Error('invalid mac'), { name: 'KMSInvalidMacException' });
    return { $metadata: {}, MacValid: true, KeyId: KEY_ARN, MacAlgorithm };
  }
}

describe('KmsDigestSigner (KMS HMAC key, boundary fake)', () => {
  it('signs a digest that verifies, and a digest re-signed elsewhere does not', async () => {
    const kms = new FakeKmsMacBoundary();
    const signer = new KmsDigestSigner(KEY_ARN, kms);
    const digest = await sealDigest('321281', [{ auditId: '01A', hash: 'h1' }], null, '2026-12-02T00:00:00.000Z', signer);
    expect(await checkDigest(digest, null, signer)).toBeUndefined();
    expect(digest.keyId).toBe(KEY_ARN);
    expect(kms.sent.map((c) => c.constructor.name)).toEqual(['GenerateMacCommand', 'VerifyMacCommand']);

    const otherKms = new KmsDigestSigner(KEY_ARN, new FakeKmsMacBoundary());
    const forged = await sealDigest('321281', [{ auditId: '01A', hash: 'h1' }], null, digest.sealedAt, otherKms);
    expect(await checkDigest(forged, null, signer)).toEqual({ kind: 'digest_bad_mac', digestSeq: 1 });
  });

  it('other KMS failures are not mistaken for a bad MAC', async () => {
    const signer = new KmsDigestSigner(KEY_ARN, new FakeKmsMacBoundary());
    await expect(signer.verify('m', 'AAAA', 'arn:aws-cn:kms:cn-northwest-1:111122223333:key/other')).rejects.toThrow('not found');
  });
});
