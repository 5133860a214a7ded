import { describe, expect, it } from 'vitest';
import { auditEntryHash, canonicalJson, checkDigest, checkDigestEntries, sealDigest, type AuditDigest } from './chain.js';
import { HmacDigestSigner } from './hmac-signer.js';

const signer = new HmacDigestSigner(Buffer.alloc(32, 1));
const entry = (auditId: string, summary = `entry ${auditId}`) => {
  const item: Record<string, unknown> = { pk: 'T#x#AUDIT', sk: auditId, kind: 'audit', auditId, tenantId: 'x', summary };
  return { auditId, item: { ...item, hash: auditEntryHash(item) } };
};

describe('canonicalJson', () => {
  it('is the same for the same value whatever the key order, and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: undefined } })).toBe(canonicalJson({ a: { d: [1, { x: 1, y: 2 }] }, b: 1 }));
    expect(canonicalJson({ a: '中文', n: 1.5, t: true, z: null })).toBe('{"a":"中文","n":1.5,"t":true,"z":null}');
  });
});

describe('auditEntryHash', () => {
  it('covers every attribute but the keys and the hash itself', () => {
    const { item } = entry('01A');
    expect(auditEntryHash({ ...item, pk: 'elsewhere', sk: 'other', hash: 'whatever' })).toBe(item.hash);
    expect(auditEntryHash({ ...item, summary: 'changed' })).not.toBe(item.hash);
    expect(auditEntryHash({ ...item, extra: 1 })).not.toBe(item.hash);
  });
});

describe('digests', () => {
  const entries = ['01A', '01B', '01C'].map((id) => entry(id));
  const sealed = () => sealDigest('x', entries.map((e) => ({ auditId: e.auditId, hash: e.item.hash as string })), null, '2026-01-01T00:00:00Z', signer);

  it('a digest over the stored entries checks clean; each kind of tampering is named', async () => {
    const d = await sealed();
    expect(d).toMatchObject({ seq: 1, fromId: '01A', toId: '01C', previousHash: null });
    expect(checkDigestEntries(d, entries)).toEqual([]);
    expect(checkDigestEntries(d, [entries[0]!, entries[2]!])).toEqual([{ kind: 'entry_deleted', auditId: '01B', digestSeq: 1 }]);
    expect(checkDigestEntries(d, [entries[0]!, { ...entries[1]!, item: { ...entries[1]!.item, summary: 'x' } }, entries[2]!])).toEqual([{ kind: 'entry_modified', auditId: '01B', at: undefined, digestSeq: 1 }]);
    expect(checkDigestEntries(d, [...entries, entry('01BB')])).toEqual([{ kind: 'entry_inserted', auditId: '01BB', at: undefined, digestSeq: 1 }]);
  });

  it('a chain links each digest to the one before; a gap, a relink or an edit is found', async () => {
    const first = await sealed();
    const second = await sealDigest('x', [{ auditId: '01D', hash: 'h' }], first, '2026-01-02T00:00:00Z', signer);
    expect(second).toMatchObject({ seq: 2, previousHash: first.digestHash });
    expect(await checkDigest(first, null, signer)).toBeUndefined();
    expect(await checkDigest(second, first, signer)).toBeUndefined();
    expect(await checkDigest(second, null, signer)).toEqual({ kind: 'digest_missing', digestSeq: 1 });
    const third = await sealDigest('x', [{ auditId: '01E', hash: 'h' }], second, '2026-01-03T00:00:00Z', signer);
    expect(await checkDigest(third, first, signer)).toEqual({ kind: 'digest_missing', digestSeq: 2 });
    const relinked: AuditDigest = await sealDigest('x', [{ auditId: '01D', hash: 'h' }], { seq: 1, digestHash: 'other' }, '2026-01-02T00:00:00Z', signer);
    expect(await checkDigest(relinked, first, signer)).toEqual({ kind: 'digest_chain_broken', digestSeq: 2 });
    expect(await checkDigest({ ...first, sealedAt: '2027-01-01T00:00:00Z' }, null, signer)).toEqual({ kind: 'digest_modified', digestSeq: 1 });
  });

  it('a MAC from another key, or under another key id, is refused', async () => {
    const forger = new HmacDigestSigner(Buffer.alloc(32, 2));
    const forged = await sealDigest('x', [{ auditId: '01A', hash: 'h' }], null, '2026-01-01T00:00:00Z', forger);
    expect(await checkDigest(forged, null, signer)).toEqual({ kind: 'digest_bad_mac', digestSeq: 1 });
    expect(await signer.verify('m', await signer.mac('m'), 'another-key')).toBe(false);
  });
});
