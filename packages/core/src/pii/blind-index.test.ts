import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { blindIndex } from './blind-index.js';

const key = randomBytes(32);
const idNumbers = { key, purpose: 'member.idNumber' };

describe('blindIndex', () => {
  it('is deterministic and opaque', () => {
    const index = blindIndex('11010519491231002X', idNumbers);
    expect(index).toBe(blindIndex('11010519491231002X', idNumbers));
    expect(index).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(index).not.toContain('110105');
  });

  it('normalises case, surrounding space and full-width characters', () => {
    const canonical = blindIndex('11010519491231002X', idNumbers);
    expect(blindIndex(' 11010519491231002x\n', idNumbers)).toBe(canonical);
    expect(blindIndex('１１０１０５１９４９１２３１００２Ｘ', idNumbers)).toBe(canonical);
  });

  it('separates purposes and keys', () => {
    const value = '13812345678';
    const phone = blindIndex(value, { key, purpose: 'member.phone' });
    expect(blindIndex(value, { key, purpose: 'member.idNumber' })).not.toBe(phone);
    expect(blindIndex(value, { key: randomBytes(32), purpose: 'member.phone' })).not.toBe(phone);
  });

  it('distinguishes different values', () => {
    expect(blindIndex('11010519491231002X', idNumbers)).not.toBe(blindIndex('110105194912310021', idNumbers));
  });

  it('refuses weak keys, empty purposes and empty values', () => {
    expect(() => blindIndex('x', { key: randomBytes(16), purpose: 'p' })).toThrow(RangeError);
    expect(() => blindIndex('x', { key, purpose: '' })).toThrow(TypeError);
    expect(() => blindIndex('  ', idNumbers)).toThrow(RangeError);
  });
});
