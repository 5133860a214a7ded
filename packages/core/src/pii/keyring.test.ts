import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LocalKeyProvider, encodeEncryptionContext } from './keyring.js';

const context = { tenantId: 'T1', purpose: 'pii-field' };

describe('LocalKeyProvider', () => {
  it('wraps and unwraps a 32-byte data key', async () => {
    const keys = new LocalKeyProvider(randomBytes(32));
    const dataKey = await keys.generateDataKey(context);
    expect(dataKey.plaintext).toHaveLength(32);
    expect(dataKey.encrypted.includes(dataKey.plaintext)).toBe(false);
    expect(dataKey.keyId).toBe(keys.keyId);
    expect(await keys.decryptDataKey(dataKey.encrypted, { purpose: 'pii-field', tenantId: 'T1' }, dataKey.keyId)).toEqual(
      dataKey.plaintext,
    );
  });

  it('refuses another encryption context', async () => {
    const keys = new LocalKeyProvider(randomBytes(32));
    const { encrypted } = await keys.generateDataKey(context);
    await expect(keys.decryptDataKey(encrypted, { ...context, tenantId: 'T2' })).rejects.toThrow(/authentication/);
    await expect(keys.decryptDataKey(encrypted, { tenantId: 'T1' })).rejects.toThrow(/authentication/);
  });

  it('refuses a data key wrapped by another master key', async () => {
    const { encrypted, keyId } = await new LocalKeyProvider(randomBytes(32)).generateDataKey(context);
    const other = new LocalKeyProvider(randomBytes(32));
    await expect(other.decryptDataKey(encrypted, context, keyId)).rejects.toThrow(/different|holds/);
    await expect(other.decryptDataKey(encrypted, context)).rejects.toThrow(/authentication/);
  });

  it('refuses a tampered wrapped key', async () => {
    const keys = new LocalKeyProvider(randomBytes(32));
    const { encrypted } = await keys.generateDataKey(context);
    encrypted[20]! ^= 1;
    await expect(keys.decryptDataKey(encrypted, context)).rejects.toThrow();
    await expect(keys.decryptDataKey(encrypted.subarray(1), context)).rejects.toThrow(/Malformed/);
  });

  it('needs a 32-byte master key', () => {
    expect(() => new LocalKeyProvider(randomBytes(16))).toThrow(RangeError);
  });

  it('encodes contexts independently of key order', () => {
    expect(encodeEncryptionContext({ a: '1', b: '2' })).toEqual(encodeEncryptionContext({ b: '2', a: '1' }));
    expect(encodeEncryptionContext({ a: 'b=c' })).not.toEqual(encodeEncryptionContext({ 'a=b': 'c' }));
  });
});

describe('LocalKeyProvider.fromKeyFile', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ufp-keyring-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('creates the key file with mode 0600 and reuses it', async () => {
    const path = join(dir, 'nested', 'master.key');
    const first = await LocalKeyProvider.fromKeyFile(path);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect(Buffer.from((await readFile(path, 'utf8')).trim(), 'base64')).toHaveLength(32);

    const second = await LocalKeyProvider.fromKeyFile(path);
    expect(second.keyId).toBe(first.keyId);
    const dataKey = await first.generateDataKey(context);
    expect(await second.decryptDataKey(dataKey.encrypted, context, dataKey.keyId)).toEqual(dataKey.plaintext);
  });

  it('settles on one key when several processes create it at once', async () => {
    const path = join(dir, 'master.key');
    const providers = await Promise.all(Array.from({ length: 8 }, () => LocalKeyProvider.fromKeyFile(path)));
    expect(new Set(providers.map((p) => p.keyId)).size).toBe(1);
  });

  it('rejects a key file that does not hold a 32-byte key', async () => {
    const path = join(dir, 'master.key');
    await writeFile(path, 'c2hvcnQ=\n', { mode: 0o600 });
    await expect(LocalKeyProvider.fromKeyFile(path)).rejects.toThrow(/32-byte/);
  });
});
