import { describe, expect, it } from 'vitest';
import { parseLoginId } from './login-id.js';

describe('login identifiers', () => {
  it.each([
    ['13812345678', 'phone', '13812345678'],
    [' 13812345678 ', 'phone', '13812345678'],
    ['wang.li', 'account', 'wang.li'],
    ['Wang_Li-2', 'account', 'wang_li-2'],
    // Pasted from WeChat or Word: the same normalisation as every phone field.
    ['+86 138-1234-5678', 'phone', '13812345678'],
    ['１３８１２３４５６７８', 'phone', '13812345678'],
  ])('accepts %j as a %s login (%s)', (raw, kind, value) => {
    expect(parseLoginId(raw)).toEqual({ ok: true, kind, value });
  });

  it.each(['1381234567', '23812345678', '0523-86123456', 'ab', '2wang', 'wang li', '王丽', 'a'.repeat(41), ''])('refuses %j with a bilingual reason', (raw) => {
    const result = parseLoginId(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.reason.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(result.reason.en).toMatch(/^[\x20-\x7e–]+$/);
    }
  });
});
