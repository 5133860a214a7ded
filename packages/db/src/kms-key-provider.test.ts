import { randomBytes } from 'node:crypto';
import {
  DecryptCommand,
  GenerateDataKeyCommand,
  type DecryptCommandOutput,
  type GenerateDataKeyCommandOutput,
} from '@aws-sdk/client-kms';
import { createFieldCipher } from '@ufp/core/pii/envelope';
import { LocalKeyProvider } from '@ufp/core/pii/keyring';
import { describe, expect, it } from 'vitest';
import { KmsKeyProvider, type KmsClientLike } from './kms-key-provider.js';

const KEY_ARN = 'arn:aws-cn:kms:cn-north-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const ALIAS = 'alias/ufp-pii';

/**
 * Boundary fake standing in for AWS KMS, which is not reachable from tests. It keeps KMS's
 * observable contract: data keys bound to the EncryptionContext, Decrypt refusing another
 * context or a KeyId other than the wrapping key, responses carrying the key ARN.
 */
class FakeKmsBoundary implements KmsClientLike {
  readonly sent: Array<GenerateDataKeyCommand | DecryptCommand> = [];
  generateOverride: Partial<GenerateDataKeyCommandOutput> | undefined;
  readonly #wrapping = new LocalKeyProvider(randomBytes(32));

  send(command: GenerateDataKeyCommand): Promise<GenerateDataKeyCommandOutput>;
  send(command: DecryptCommand): Promise<DecryptCommandOutput>;
  async send(command: GenerateDataKeyCommand | DecryptCommand): Promise<GenerateDataKeyCommandOutput | DecryptCommandOutput> {
    this.sent.push(command);
    if (command instanceof GenerateDataKeyCommand) {
      const { KeyId, KeySpec, EncryptionContext = {} } = command.input;
      if (KeyId !== ALIAS && KeyId !== KEY_ARN) throw kmsError('NotFoundException');
      if (KeySpec !== 'AES_256') throw kmsError('ValidationException');
      const dataKey = await this.#wrapping.generateDataKey(EncryptionContext);
      return {
        $metadata: {},
        KeyId: KEY_ARN,
        Plaintext: new Uint8Array(dataKey.plaintext),
        CiphertextBlob: new Uint8Array(dataKey.encrypted),
        ...this.generateOverride,
      };
    }
    const { KeyId, CiphertextBlob, EncryptionContext = {} } = command.input;
    if (KeyId !== undefined && KeyId !== ALIAS && KeyId !== KEY_ARN) throw kmsError('IncorrectKeyException');
    try {
      const plaintext = await this.#wrapping.decryptDataKey(Buffer.from(CiphertextBlob!), EncryptionContext);
      return { $metadata: {}, KeyId: KEY_ARN, Plaintext: new Uint8Array(plaintext) };
    } catch {
      throw kmsError('InvalidCiphertextException');
    }
  }
}

function kmsError(name: string): Error {
  return Object.assign(new Error(name), { name });
}

const context = { tenantId: 'T321281', purpose: 'pii-field' };

describe('KmsKeyProvider', () => {
  it('asks KMS for an AES-256 data key bound to the encryption context', async () => {
    const kms = new FakeKmsBoundary();
    const provider = new KmsKeyProvider({ keyId: ALIAS, client: kms });
    const dataKey = await provider.generateDataKey(context);

    expect(kms.sent[0]).toBeInstanceOf(GenerateDataKeyCommand);
    expect(kms.sent[0]!.input).toEqual({ KeyId: ALIAS, KeySpec: 'AES_256', EncryptionContext: context });
    expect(dataKey.plaintext).toBeInstanceOf(Buffer);
    expect(dataKey.plaintext).toHaveLength(32);
    expect(dataKey.encrypted).toBeInstanceOf(Buffer);
    expect(dataKey.keyId).toBe(KEY_ARN);
  });

  it('decrypts a data key, pinned to the key that wrapped it', async () => {
    const kms = new FakeKmsBoundary();
    const provider = new KmsKeyProvider({ keyId: ALIAS, client: kms });
    const dataKey = await provider.generateDataKey(context);
    const plaintext = await provider.decryptDataKey(dataKey.encrypted, context, dataKey.keyId);

    expect(plaintext).toEqual(dataKey.plaintext);
    expect(kms.sent[1]).toBeInstanceOf(DecryptCommand);
    expect(kms.sent[1]!.input).toEqual({ CiphertextBlob: dataKey.encrypted, EncryptionContext: context, KeyId: KEY_ARN });
  });

  it('falls back to the configured key when no key id is given', async () => {
    const kms = new FakeKmsBoundary();
    const provider = new KmsKeyProvider({ keyId: ALIAS, client: kms });
    const dataKey = await provider.generateDataKey(context);
    await provider.decryptDataKey(dataKey.encrypted, context);
    expect(kms.sent[1]!.input).toMatchObject({ KeyId: ALIAS });
  });

  it('surfaces KMS refusing another encryption context', async () => {
    const provider = new KmsKeyProvider({ keyId: ALIAS, client: new FakeKmsBoundary() });
    const dataKey = await provider.generateDataKey(context);
    await expect(provider.decryptDataKey(dataKey.encrypted, { ...context, tenantId: 'T2' })).rejects.toThrow(
      'InvalidCiphertextException',
    );
  });

  it('rejects incomplete or wrong-sized data keys from KMS', async () => {
    const kms = new FakeKmsBoundary();
    const provider = new KmsKeyProvider({ keyId: ALIAS, client: kms });
    kms.generateOverride = { Plaintext: undefined };
    await expect(provider.generateDataKey(context)).rejects.toThrow(/no plaintext/);
    kms.generateOverride = { Plaintext: new Uint8Array(16) };
    await expect(provider.generateDataKey(context)).rejects.toThrow(/16-byte/);
  });

  it('backs field encryption end to end', async () => {
    const kms = new FakeKmsBoundary();
    const provider = new KmsKeyProvider({ keyId: ALIAS, client: kms });
    const ciphertext = await createFieldCipher({ keys: provider }).encrypt('321281199001011234', {
      tenantId: 'T321281',
      field: 'member.idNumber',
    });

    const reader = createFieldCipher({ keys: provider });
    expect(await reader.decrypt(ciphertext, { tenantId: 'T321281', field: 'member.idNumber' })).toBe('321281199001011234');
    await expect(reader.decrypt(ciphertext, { tenantId: 'T321282', field: 'member.idNumber' })).rejects.toThrow(
      'InvalidCiphertextException',
    );
    expect(kms.sent.map((c) => c.constructor.name)).toEqual(['GenerateDataKeyCommand', 'DecryptCommand', 'DecryptCommand']);
  });
});
