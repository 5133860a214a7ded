import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { DataKey, DataKeyProvider, EncryptionContext } from './keyring.js';

/** Where a value lives: a ciphertext only decrypts under the same tenant and field. */
export interface FieldContext {
  tenantId: string;
  field: string;
}

export interface FieldCipher {
  encrypt(plaintext: string, context: FieldContext): Promise<string>;
  decrypt(ciphertext: string, context: FieldContext): Promise<string>;
}

export interface FieldCipherOptions {
  keys: DataKeyProvider;
  /** How long a data key is reused for encryption and kept unwrapped for decryption. */
  cacheTtlMs?: number;
  /** Upper bound on unwrapped data keys held for decryption. */
  maxCachedKeys?: number;
  now?: () => number;
}

/** Ciphertext is malformed or failed authentication (tampered, or moved to another tenant/field). */
export class FieldCiphertextError extends Error {
  override name = 'FieldCiphertextError';
}

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const BASE64URL = /^[A-Za-z0-9_-]+$/;
const DEFAULT_TTL_MS = 5 * 60 * 1000;
const DEFAULT_MAX_CACHED_KEYS = 1000;

interface CacheEntry<T> {
  value: Promise<T>;
  expiresAt: number;
}

/**
 * Envelope encryption for single fields: `v1.<keyId>.<wrapped data key>.<iv>.<ciphertext‖tag>`,
 * each part base64url. One data key per tenant is reused for `cacheTtlMs`, so a burst of
 * writes or a page of reads costs one key-provider call rather than one per value.
 */
export function createFieldCipher(options: FieldCipherOptions): FieldCipher {
  const { keys } = options;
  const ttlMs = options.cacheTtlMs ?? DEFAULT_TTL_MS;
  const maxCachedKeys = options.maxCachedKeys ?? DEFAULT_MAX_CACHED_KEYS;
  const now = options.now ?? Date.now;
  const encryptionKeys = new Map<string, CacheEntry<DataKey>>();
  const decryptionKeys = new Map<string, CacheEntry<Buffer>>();

  function cached<T>(cache: Map<string, CacheEntry<T>>, key: string, load: () => Promise<T>): Promise<T> {
    const hit = cache.get(key);
    if (hit && hit.expiresAt > now()) return hit.value;
    const entry: CacheEntry<T> = { value: load(), expiresAt: now() + ttlMs };
    cache.delete(key);
    cache.set(key, entry);
    if (cache.size > maxCachedKeys) cache.delete(cache.keys().next().value!);
    entry.value.catch(() => {
      if (cache.get(key) === entry) cache.delete(key);
    });
    return entry.value;
  }

  const unwrapCacheKey = (tenantId: string, keyId: string, wrapped: string) => `${tenantId}\u0000${keyId}\u0000${wrapped}`;

  return {
    async encrypt(plaintext, context) {
      assertContext(context);
      const dataKey = await cached(encryptionKeys, context.tenantId, async () => {
        const generated = await keys.generateDataKey(dataKeyContext(context.tenantId));
        // Reading back what this instance wrote needs no provider call.
        const wrapped = generated.encrypted.toString('base64url');
        cached(decryptionKeys, unwrapCacheKey(context.tenantId, generated.keyId, wrapped), async () => generated.plaintext);
        return generated;
      });
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', dataKey.plaintext, iv);
      cipher.setAAD(valueAad(context));
      const sealed = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
      return [
        VERSION,
        Buffer.from(dataKey.keyId, 'utf8').toString('base64url'),
        dataKey.encrypted.toString('base64url'),
        iv.toString('base64url'),
        sealed.toString('base64url'),
      ].join('.');
    },

    async decrypt(ciphertext, context) {
      assertContext(context);
      const parsed = parseCiphertext(ciphertext);
      const wrapped = parsed.wrappedKey.toString('base64url');
      const key = await cached(decryptionKeys, unwrapCacheKey(context.tenantId, parsed.keyId, wrapped), () =>
        keys.decryptDataKey(parsed.wrappedKey, dataKeyContext(context.tenantId), parsed.keyId),
      );
      const decipher = createDecipheriv('aes-256-gcm', key, parsed.iv);
      decipher.setAAD(valueAad(context));
      decipher.setAuthTag(parsed.sealed.subarray(parsed.sealed.length - TAG_BYTES));
      try {
        const body = parsed.sealed.subarray(0, parsed.sealed.length - TAG_BYTES);
        return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
      } catch (cause) {
        throw new FieldCiphertextError('Field ciphertext failed authentication (tampered, or another tenant/field)', {
          cause,
        });
      }
    },
  };
}

function dataKeyContext(tenantId: string): EncryptionContext {
  return { tenantId, purpose: 'pii-field' };
}

function valueAad({ tenantId, field }: FieldContext): Buffer {
  return Buffer.from(JSON.stringify([VERSION, tenantId, field]), 'utf8');
}

function assertContext({ tenantId, field }: FieldContext): void {
  if (!tenantId || !field) throw new TypeError('Field encryption needs a non-empty tenantId and field');
}

function parseCiphertext(ciphertext: string) {
  const parts = ciphertext.split('.');
  if (parts.length !== 5 || parts[0] !== VERSION || !parts.slice(1).every((part) => BASE64URL.test(part))) {
    throw new FieldCiphertextError('Not a v1 field ciphertext');
  }
  const [keyId, wrappedKey, iv, sealed] = parts.slice(1).map((part) => Buffer.from(part, 'base64url')) as [
    Buffer,
    Buffer,
    Buffer,
    Buffer,
  ];
  if (iv.length !== IV_BYTES || sealed.length < TAG_BYTES) throw new FieldCiphertextError('Not a v1 field ciphertext');
  return { keyId: keyId.toString('utf8'), wrappedKey, iv, sealed };
}
