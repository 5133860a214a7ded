import { describe, expect, it } from 'vitest';
import { credentialKey, readCredential, signCredential } from './credential.js';

const key = credentialKey(Buffer.alloc(32, 7));
const claims = { tenantId: '321281', personId: '01JABCDEF', expiresOn: '2027-05-10' };

describe('the 劳模 credential', () => {
  it('reads back what it signed, and carries no name or ID number', () => {
    const token = signCredential(claims, key);
    expect(readCredential(token, key, '2026-05-10')).toEqual({ ok: true, claims });
    expect(Buffer.from(token.split('.')[0]!, 'base64url').toString()).toBe('{"v":1,"t":"321281","p":"01JABCDEF","e":"2027-05-10"}');
  });

  it('valid on its last day, expired the day after', () => {
    const token = signCredential(claims, key);
    expect(readCredential(token, key, '2027-05-10').ok).toBe(true);
    expect(readCredential(token, key, '2027-05-11')).toEqual({ ok: false, reason: 'expired' });
  });

  it('a changed character, another key or a token from another tenant’s claims is invalid', () => {
    const token = signCredential(claims, key);
    const body = Buffer.from(JSON.stringify({ v: 1, t: '321282', p: '01JABCDEF', e: '2027-05-10' })).toString('base64url');
    expect(readCredential(`${body}.${token.split('.')[1]}`, key, '2026-05-10')).toEqual({ ok: false, reason: 'invalid' });
    expect(readCredential(signCredential(claims, credentialKey(Buffer.alloc(32, 8))), key, '2026-05-10').ok).toBe(false);
    expect(readCredential(`${token}x`, key, '2026-05-10').ok).toBe(false);
    expect(readCredential('nonsense', key, '2026-05-10').ok).toBe(false);
  });

  it('every other last character is invalid, including those a base64url decoder reads as the same bytes', () => {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    for (const n of [1, 2, 3, 4, 5, 6, 7, 8]) {
      const token = signCredential({ ...claims, personId: `01JABCDEF${n}` }, key);
      const others = [...alphabet].filter((c) => c !== token.at(-1)).map((c) => token.slice(0, -1) + c);
      // Four spellings decode to the signature's bytes: only the one signed is accepted.
      expect(others.filter((t) => Buffer.from(t.split('.')[1]!, 'base64url').equals(Buffer.from(token.split('.')[1]!, 'base64url')))).toHaveLength(3);
      expect(others.filter((t) => readCredential(t, key, '2026-05-10').ok)).toEqual([]);
    }
  });
});
