import { describe, expect, it } from 'vitest';
import { divRoundHalfUp, yuan, yuanExact, yuanShort } from './money.js';

describe('fen arithmetic', () => {
  it('rounds half away from zero', () => {
    expect(divRoundHalfUp(5, 2)).toBe(3);
    expect(divRoundHalfUp(-5, 2)).toBe(-3);
    expect(divRoundHalfUp(4, 3)).toBe(1);
    expect(divRoundHalfUp(2_807_982, 36)).toBe(78_000);
  });
  it('refuses fractions and a zero denominator', () => {
    expect(() => divRoundHalfUp(1.5, 2)).toThrow(RangeError);
    expect(() => divRoundHalfUp(1, 0)).toThrow(RangeError);
  });
  it('formats yuan with grouping', () => {
    expect(yuan(4_800_000)).toBe('48,000');
    expect(yuan(61_250)).toBe('612.50');
    expect(yuanExact(100_000)).toBe('¥1,000.00');
    expect(yuanShort(78_000)).toBe('¥780');
    expect(yuanShort(-50)).toBe('−¥0.50');
  });
});
