import { describe, expect, it } from 'vitest';
import { changeText, figureText, normalised, normalisedText, percentText, unitText, yuanText } from './format.js';

const count = { format: 'integer', unit: 'count', noun: { zh: '家', en: 'unions' } } as const;
const people = { format: 'integer', unit: 'people' } as const;
const money = { format: 'yuan', unit: 'fen' } as const;
const rate = { format: 'percent', unit: 'basisPoints' } as const;

describe('money is read in yuan, with 万 and 亿 for large sums, never in fen', () => {
  it('keeps sums under ¥10,000 in yuan (360,000 fen is ¥3,600, not 360,000)', () => {
    expect(yuanText(360_000, 'zh')).toBe('¥3,600');
    expect(yuanText(999_999, 'zh')).toBe('¥9,999.99');
    expect(yuanText(12_345, 'zh')).toBe('¥123.45');
  });
  it('switches to 万 at ¥10,000 and to 亿 at ¥100,000,000', () => {
    expect(yuanText(1_000_000, 'zh')).toBe('¥1万');
    expect(yuanText(3_650_000, 'zh')).toBe('¥3.65万');
    expect(yuanText(12_500_000, 'zh')).toBe('¥12.5万');
    expect(yuanText(360_000_000, 'zh')).toBe('¥360万');
    expect(yuanText(9_999_999_999, 'zh')).toBe('¥10000万');
    expect(yuanText(10_000_000_000, 'zh')).toBe('¥1亿');
    expect(yuanText(12_345_678_900, 'zh')).toBe('¥1.23亿');
  });
  it('reads thousands and millions in English', () => {
    expect(yuanText(999_900, 'en')).toBe('¥9,999');
    expect(yuanText(1_000_000, 'en')).toBe('¥10k');
    expect(yuanText(12_500_000, 'en')).toBe('¥125k');
    expect(yuanText(100_000_000, 'en')).toBe('¥1m');
  });
  it('shows a negative sum with its sign', () => expect(yuanText(-1_250_000, 'zh')).toBe('-¥1.25万'));
});

describe('figures carry their unit', () => {
  it('reads basis points as a percentage with at most one decimal', () => {
    expect(percentText(10_000)).toBe('100%');
    expect(percentText(8_750)).toBe('87.5%');
    expect(percentText(8_755)).toBe('87.6%');
    expect(percentText(0)).toBe('0%');
  });
  it('puts the counter word after a count, 人 after people, nothing for a bare count', () => {
    expect(figureText(1234, count, 'zh')).toBe('1,234 家');
    expect(figureText(1234, people, 'zh')).toBe('1,234 人');
    expect(figureText(5, { format: 'integer', unit: 'count' }, 'zh')).toBe('5');
    expect(figureText(2.25, { format: 'decimal1', unit: 'days' }, 'zh')).toBe('2.3 天');
  });
  it('shows — for no value, never 0', () => {
    expect(figureText(null, rate, 'zh')).toBe('—');
    expect(figureText(undefined, money, 'zh')).toBe('—');
    expect(figureText(Number.NaN, count, 'zh')).toBe('—');
  });
  it('names the unit of a column', () => {
    expect(unitText(money, 'zh')).toBe('元');
    expect(unitText(rate, 'zh')).toBe('%');
    expect(unitText(count, 'en')).toBe('unions');
  });
});

describe('normalisation compares federations of different size', () => {
  it('counts per 10,000 members and per 100 grassroots unions', () => {
    expect(normalised(30, 120_000, 'members', 'integer')).toBe(2.5);
    expect(normalised(45, 300, 'units', 'integer')).toBe(15);
    expect(normalised(1, 3, 'units', 'integer')).toBe(33.33);
  });
  it('keeps money in whole fen per 10,000 members', () => expect(normalised(1_000_001, 30_000, 'members', 'yuan')).toBe(333_334));
  it('has no value for a federation with no members or units on record', () => {
    expect(normalised(5, 0, 'members', 'integer')).toBeNull();
    expect(normalised(5, Number.NaN, 'units', 'integer')).toBeNull();
  });
  it('reads the basis after the unit', () => {
    expect(normalisedText(2.5, count, 'members', 'zh')).toBe('2.50 家 · 每万名职工');
    expect(normalisedText(333_334, money, 'members', 'zh')).toBe('¥3,333.34 · 每万名职工');
    expect(normalisedText(null, count, 'units', 'zh')).toBe('—');
  });
});

describe('year-on-year change', () => {
  it('moves a rate in percentage points', () => {
    expect(changeText(8_750, 8_520, rate, 'zh')).toBe('+2.3 个百分点');
    expect(changeText(8_000, 8_520, rate, 'en')).toBe('−5.2 pts');
    expect(changeText(8_000, 8_000, rate, 'zh')).toBe('±0 个百分点');
  });
  it('moves anything else by its own share', () => {
    expect(changeText(1_125, 1_000, count, 'zh')).toBe('+12.5%');
    expect(changeText(900, 1_000, money, 'zh')).toBe('−10%');
  });
  it('has no change with nothing to compare against', () => {
    expect(changeText(5, 0, count, 'zh')).toBe('—');
    expect(changeText(0, 0, count, 'zh')).toBe('±0%');
    expect(changeText(5, undefined, count, 'zh')).toBe('—');
    expect(changeText(null, 5, count, 'zh')).toBe('—');
  });
});
