import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { link, mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/** Non-secret key/value pairs a data key is bound to (KMS "encryption context"). */
export type EncryptionContext = Readonly<Record<string, string>>;

export interface DataKey {
  plaintext: Buffer;
  encrypted: Buffer;
  /** Identifies the master key that wrapped `encrypted`; stored beside it in ciphertexts. */
  keyId: string;
}

/** Port: issues and unwraps per-tenant data keys (KMS in AWS, a local master key offline). */
export interface DataKeyProvider {
  generateDataKey(context: EncryptionContext): Promise<DataKey>;
  /** `keyId` is the id returned with the data key; providers may use it to pin or check the master key. */
  decryptDataKey(encrypted: Buffer, context: EncryptionContext, keyId?: string): Promise<Buffer>;
}

const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** Order-independent, unambiguous encoding of a context, used as AES-GCM additional data. */
export function encodeEncryptionContext(context: EncryptionContext): Buffer {
  const entries = Object.entries(context).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Buffer.from(JSON.stringify(entries), 'utf8');
}

/**
 * Offline stand-in for KMS: a 32-byte master key wraps data keys with AES-256-GCM, the
 * encryption context bound as additional data. Wrapped key = iv ‖ ciphertext ‖ tag.
 */
export class LocalKeyProvider implements DataKeyProvider {
  readonly keyId: string;
  readonly #masterKey: Buffer;

  constructor(masterKey: Buffer) {
    if (masterKey.length !== KEY_BYTES) throw new RangeError(`Master key must be ${KEY_BYTES} bytes`);
    this.#masterKey = Buffer.from(masterKey);
    const fingerprint = createHash('sha256').update('ufp-local-master-key:').update(masterKey).digest('hex');
    this.keyId = `local:${fingerprint.slice(0, 16)}`;
  }

  /**
   * Reads the base64 master key at `path`, or creates one there with mode 0600. Creation is
   * atomic (write a private temp file, then hard-link it into place) so concurrent processes
   * starting together agree on one key and never read a half-written file.
   */
  static async fromKeyFile(path: string): Promise<LocalKeyProvider> {
    const existing = await readKeyFile(path);
    if (existing) return new LocalKeyProvider(existing);
    await mkdir(dirname(path), { recursive: true, mode: 0o700 });
    const temp = `${path}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
    await writeFile(temp, `${randomBytes(KEY_BYTES).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
    try {
      await link(temp, path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      await unlink(temp);
    }
    const created = await readKeyFile(path);
    if (!created) throw new Error(`Master key file ${path} vanished after creation`);
    return new LocalKeyProvider(created);
  }

  async generateDataKey(context: EncryptionContext): Promise<DataKey> {
    const plaintext = randomBytes(KEY_BYTES);
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.#masterKey, iv);
    cipher.setAAD(encodeEncryptionContext(context));
    const encrypted = Buffer.concat([iv, cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
    return { plaintext, encrypted, keyId: this.keyId };
  }

  async decryptDataKey(encrypted: Buffer, context: EncryptionContext, keyId?: string): Promise<Buffer> {
    if (keyId !== undefined && keyId !== this.keyId) {
      throw new Error(`Data key was wrapped by master key ${keyId}, this provider holds ${this.keyId}`);
    }
    if (encrypted.length !== IV_BYTES + KEY_BYTES + TAG_BYTES) throw new Error('Malformed wrapped data key');
    const decipher = createDecipheriv('aes-256-gcm', this.#masterKey, encrypted.subarray(0, IV_BYTES));
    decipher.setAAD(encodeEncryptionContext(context));
    decipher.setAuthTag(encrypted.subarray(IV_BYTES + KEY_BYTES));
    try {
      return Buffer.concat([decipher.update(encrypted.subarray(IV_BYTES, IV_BYTES + KEY_BYTES)), decipher.final()]);
    } catch (cause) {
      throw new Error('Data key failed authentication (wrong master key or encryption context)', { cause });
    }
  }
}

async function readKeyFile(path: string): Promise<Buffer | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const key = Buffer.from(text.trim(), 'base64');
  if (key.length !== KEY_BYTES) throw new Error(`Master key file ${path} does not hold a base64 ${KEY_BYTES}-byte key`);
  return key;
}
