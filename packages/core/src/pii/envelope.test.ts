import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { FieldCiphertextError, createFieldCipher } from './envelope.js';
import { LocalKeyProvider, type DataKeyProvider, type EncryptionContext } from './keyring.js';

const member = { tenantId: 'T321281', field: 'member.idNumber' };

/** Wraps a real provider to count calls, and can be told to fail. */
function countingKeys(inner: DataKeyProvider = new LocalKeyProvider(randomBytes(32))) {
  const calls = { generate: [] as EncryptionContext[], decrypt: 0 };
  let failNextGenerate = false;
  const keys: DataKeyProvider = {
    async generateDataKey(context) {
      calls.generate.push(context);
      if (failNextGenerate) {
        failNextGenerate = false;
        throw new Error('key service unavailable');
      }
      return inner.generateDataKey(context);
    },
    async decryptDataKey(encrypted, context, keyId) {
      calls.decrypt++;
      return inner.decryptDataKey(encrypted, context, keyId);
    },
  };
  return { keys, calls, failNextGenerate: () => (failNextGenerate = true) };
}

function replacePart(ciphertext: string, index: number, replace: (part: Buffer) => Buffer): string {
  const parts = ciphertext.split('.');
  parts[index] = replace(Buffer.from(parts[index]!, 'base64url')).toString('base64url');
  return parts.join('.');
}

const flipLastBit = (buffer: Buffer) => {
  const copy = Buffer.from(buffer);
  copy[copy.length - 1]! ^= 1;
  return copy;
};

describe('createFieldCipher', () => {
  it('round-trips values, including empty and non-ASCII ones', async () => {
    const cipher = createFieldCipher({ keys: new LocalKeyProvider(randomBytes(32)) });
    for (const value of ['321281199001011234', '', '张三 · 欧阳娜娜 𠮷', 'x'.repeat(10_000)]) {
      expect(await cipher.decrypt(await cipher.encrypt(value, member), member)).toBe(value);
    }
  });

  it('emits a compact versioned string that does not contain the value', async () => {
    const cipher = createFieldCipher({ keys: new LocalKeyProvider(randomBytes(32)) });
    const ciphertext = await cipher.encrypt('321281199001011234', member);
    expect(ciphertext).toMatch(/^v1(\.[A-Za-z0-9_-]+){4}$/);
    expect(ciphertext).not.toContain('321281');
  });

  it('uses a fresh IV per value', async () => {
    const cipher = createFieldCipher({ keys: new LocalKeyProvider(randomBytes(32)) });
    const a = await cipher.encrypt('same', member);
    const b = await cipher.encrypt('same', member);
    expect(a).not.toBe(b);
    expect(a.split('.')[3]).not.toBe(b.split('.')[3]);
  });

  it('fails for a ciphertext moved to another tenant or field', async () => {
    const cipher = createFieldCipher({ keys: new LocalKeyProvider(randomBytes(32)) });
    const ciphertext = await cipher.encrypt('321281199001011234', member);
    await expect(cipher.decrypt(ciphertext, { ...member, tenantId: 'T321282' })).rejects.toThrow();
    await expect(cipher.decrypt(ciphertext, { ...member, field: 'member.phone' })).rejects.toThrow(FieldCiphertextError);
  });

  it('fails for a ciphertext moved to another tenant even when both data keys are cached', async () => {
    const cipher = createFieldCipher({ keys: new LocalKeyProvider(randomBytes(32)) });
    const ciphertext = await cipher.encrypt('secret', member);
    await cipher.encrypt('warm the other tenant', { ...member, tenantId: 'T2' });
    await expect(cipher.decrypt(ciphertext, { ...member, tenantId: 'T2' })).rejects.toThrow();
  });

  it.each([
    ['key id', 1, (b: Buffer) => Buffer.from(`${b.toString()}x`)],
    ['wrapped data key', 2, flipLastBit],
    ['IV', 3, flipLastBit],
    ['ciphertext', 4, (b: Buffer) => Buffer.concat([Buffer.from([b[0]! ^ 1]), b.subarray(1)])],
    ['tag', 4, flipLastBit],
  ])('detects a tampered %s', async (_name, index, tamper) => {
    const cipher = createFieldCipher({ keys: new LocalKeyProvider(randomBytes(32)) });
    const ciphertext = await cipher.encrypt('321281199001011234', member);
    await expect(cipher.decrypt(replacePart(ciphertext, index, tamper), member)).rejects.toThrow();
  });

  it.each(['', 'plain text', 'v2.a.b.c.d', 'v1.a.b.c', 'v1.a.b.c.d.e', 'v1.a.b.c+.d', 'v1.YQ.YQ.YQ.YQ'])(
    'rejects malformed ciphertext %j',
    async (ciphertext) => {
      const cipher = createFieldCipher({ keys: new LocalKeyProvider(randomBytes(32)) });
      await expect(cipher.decrypt(ciphertext, member)).rejects.toThrow(FieldCiphertextError);
    },
  );

  it('needs a tenant and a field', async () => {
    const cipher = createFieldCipher({ keys: new LocalKeyProvider(randomBytes(32)) });
    await expect(cipher.encrypt('x', { tenantId: '', field: 'f' })).rejects.toThrow(TypeError);
    await expect(cipher.encrypt('x', { tenantId: 't', field: '' })).rejects.toThrow(TypeError);
  });

  it('reuses one data key per tenant while it is fresh, bound to the tenant', async () => {
    let clock = 0;
    const { keys, calls } = countingKeys();
    const cipher = createFieldCipher({ keys, cacheTtlMs: 1000, now: () => clock });
    await Promise.all([cipher.encrypt('a', member), cipher.encrypt('b', member), cipher.encrypt('c', { ...member, field: 'x' })]);
    await cipher.encrypt('d', { ...member, tenantId: 'T2' });
    expect(calls.generate).toEqual([
      { tenantId: 'T321281', purpose: 'pii-field' },
      { tenantId: 'T2', purpose: 'pii-field' },
    ]);
    clock = 1000;
    await cipher.encrypt('e', member);
    expect(calls.generate).toHaveLength(3);
  });

  it('reads back its own values without unwrapping keys', async () => {
    const { keys, calls } = countingKeys();
    const cipher = createFieldCipher({ keys });
    const ciphertext = await cipher.encrypt('a', member);
    await cipher.decrypt(ciphertext, member);
    expect(calls.decrypt).toBe(0);
  });

  it('unwraps a data key once for a page of values', async () => {
    const { keys, calls } = countingKeys();
    const writer = createFieldCipher({ keys });
    const ciphertexts = await Promise.all(Array.from({ length: 20 }, (_, i) => writer.encrypt(`value ${i}`, member)));
    const reader = createFieldCipher({ keys });
    const values = await Promise.all(ciphertexts.map((c) => reader.decrypt(c, member)));
    expect(values[19]).toBe('value 19');
    expect(calls.decrypt).toBe(1);
  });

  it('does not cache a failed key request', async () => {
    const { keys, calls, failNextGenerate } = countingKeys();
    const cipher = createFieldCipher({ keys });
    failNextGenerate();
    await expect(cipher.encrypt('a', member)).rejects.toThrow('key service unavailable');
    expect(await cipher.decrypt(await cipher.encrypt('a', member), member)).toBe('a');
    expect(calls.generate).toHaveLength(2);
  });

  it('bounds the number of unwrapped keys it holds', async () => {
    const { keys, calls } = countingKeys();
    const writer = createFieldCipher({ keys });
    const tenants = ['T1', 'T2', 'T3'];
    const ciphertexts = await Promise.all(tenants.map((tenantId) => writer.encrypt('v', { tenantId, field: 'f' })));
    const reader = createFieldCipher({ keys, maxCachedKeys: 2 });
    for (const [i, tenantId] of tenants.entries()) await reader.decrypt(ciphertexts[i]!, { tenantId, field: 'f' });
    await reader.decrypt(ciphertexts[0]!, { tenantId: 'T1', field: 'f' });
    expect(calls.decrypt).toBe(4);
  });
});
