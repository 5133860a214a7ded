import type { DecryptCommand, DecryptCommandOutput, GenerateDataKeyCommand, GenerateDataKeyCommandOutput } from '@aws-sdk/client-kms';
import { kmsSdk, lazyKmsClient } from './kms.js';
import type { DataKey, DataKeyProvider, EncryptionContext } from '@ufp/core/pii/keyring';

/** The part of `KMSClient` this adapter uses; lets tests inject a fake at the AWS boundary. */
export interface KmsClientLike {
  send(command: GenerateDataKeyCommand): Promise<GenerateDataKeyCommandOutput>;
  send(command: DecryptCommand): Promise<DecryptCommandOutput>;
}

export interface KmsKeyProviderOptions {
  /** Key id, key ARN or alias of the symmetric KMS key that wraps the data keys. */
  keyId: string;
  client?: KmsClientLike;
}

const DATA_KEY_BYTES = 32;

export class KmsKeyProvider implements DataKeyProvider {
  readonly #keyId: string;
  readonly #client: KmsClientLike;

  constructor({ keyId, client }: KmsKeyProviderOptions) {
    this.#keyId = keyId;
    this.#client = client ?? lazyKmsClient({});
  }

  async generateDataKey(context: EncryptionContext): Promise<DataKey> {
    const { GenerateDataKeyCommand } = await kmsSdk();
    const output = await this.#client.send(
      new GenerateDataKeyCommand({ KeyId: this.#keyId, KeySpec: 'AES_256', EncryptionContext: { ...context } }),
    );
    if (!output.Plaintext || !output.CiphertextBlob || !output.KeyId) {
      throw new Error('KMS GenerateDataKey returned no plaintext, ciphertext or key id');
    }
    const plaintext = Buffer.from(output.Plaintext);
    if (plaintext.length !== DATA_KEY_BYTES) throw new Error(`KMS returned a ${plaintext.length}-byte data key`);
    // KMS answers with the key ARN even when asked by alias; storing that keeps old values
    // decryptable after the alias is pointed at another key.
    return { plaintext, encrypted: Buffer.from(output.CiphertextBlob), keyId: output.KeyId };
  }

  async decryptDataKey(encrypted: Buffer, context: EncryptionContext, keyId?: string): Promise<Buffer> {
    const { DecryptCommand } = await kmsSdk();
    const output = await this.#client.send(
      new DecryptCommand({ CiphertextBlob: encrypted, EncryptionContext: { ...context }, KeyId: keyId ?? this.#keyId }),
    );
    if (!output.Plaintext) throw new Error('KMS Decrypt returned no plaintext');
    return Buffer.from(output.Plaintext);
  }
}
