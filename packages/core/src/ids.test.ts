import { describe, expect, it, vi } from 'vitest';
import { decodeTime } from 'ulid';
import { idsFrom, idsUpTo, newId } from './ids.js';

const ULID = /^[0-9A-HJKMNP-TV-Z]{26}$/;

describe('newId', () => {
  it('mints ULIDs whose time part is the minting millisecond', () => {
    const before = Date.now();
    const id = newId();
    expect(id).toMatch(ULID);
    expect(decodeTime(id)).toBeGreaterThanOrEqual(before);
    expect(decodeTime(id)).toBeLessThanOrEqual(Date.now());
  });

  it('sorts a burst in minting order and never repeats (200,000 ids)', () => {
    const ids = Array.from({ length: 200_000 }, newId);
    for (let i = 1; i < ids.length; i++) if (!(ids[i - 1]! < ids[i]!)) throw new Error(`${ids[i - 1]} !< ${ids[i]}`);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id) => ULID.test(id))).toBe(true);
  });

  it('keeps increasing when the clock steps back', () => {
    const now = vi.spyOn(Date, 'now');
    try {
      now.mockReturnValue(4_102_444_800_000);
      const a = newId();
      now.mockReturnValue(4_102_444_799_000);
      const b = newId();
      expect(b > a).toBe(true);
      expect(b.slice(0, 10)).toBe(a.slice(0, 10));
    } finally {
      now.mockRestore();
    }
  });

  it('draws fresh randomness for each new millisecond (the random parts differ)', () => {
    const now = vi.spyOn(Date, 'now');
    try {
      const randoms = new Set<string>();
      for (let ms = 0; ms < 1000; ms++) {
        now.mockReturnValue(5_000_000_000_000 + ms);
        randoms.add(newId().slice(10));
      }
      expect(randoms.size).toBe(1000);
    } finally {
      now.mockRestore();
    }
  });

  it('falls between idsFrom and idsUpTo of its millisecond', () => {
    const id = newId();
    const at = new Date(decodeTime(id));
    expect(idsFrom(at) <= id && id <= idsUpTo(at)).toBe(true);
    expect(id < idsFrom(new Date(at.getTime() + 1))).toBe(true);
  });
});
