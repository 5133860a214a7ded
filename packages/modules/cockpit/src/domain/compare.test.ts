import { describe, expect, it } from 'vitest';
import { median, rankFederations, type FederationValues } from './compare.js';

const fed = (code: string, value: number | null, members = 10_000, units = 100): FederationValues => ({ tenantId: code, name: `${code}总工会`, divisionCode: code, value, size: { members, units } });

describe('ranking federations', () => {
  it('puts the highest first, ties sharing a rank (1, 2, 2, 4), then by division code', () => {
    const { rows } = rankFederations([fed('320102', 5), fed('320101', 9), fed('320104', 1), fed('320103', 5)], { format: 'integer' }, 'raw');
    expect(rows.map((r) => [r.divisionCode, r.rank])).toEqual([
      ['320101', 1],
      ['320102', 2],
      ['320103', 2],
      ['320104', 4],
    ]);
  });

  it('puts the lowest first when lower is better (days to approval)', () => {
    const { rows } = rankFederations([fed('a', 12), fed('b', 3), fed('c', 7)], { format: 'decimal1', better: 'lower' }, 'raw');
    expect(rows.map((r) => r.divisionCode)).toEqual(['b', 'c', 'a']);
  });

  it('leaves a federation without a value unranked and last, out of the median', () => {
    const { rows, median: m } = rankFederations([fed('a', null), fed('b', 4), fed('c', 2)], { format: 'percent' }, 'raw');
    expect(rows.map((r) => [r.divisionCode, r.rank])).toEqual([
      ['b', 1],
      ['c', 2],
      ['a', null],
    ]);
    expect(m).toBe(3);
  });

  it('ranks per 10,000 members, so a small federation with few cases can lead a large one with more', () => {
    const { rows, median: m } = rankFederations([fed('big', 40, 200_000), fed('small', 6, 10_000), fed('none', 3, 0)], { format: 'integer' }, 'members');
    expect(rows.map((r) => [r.divisionCode, r.measure, r.rank])).toEqual([
      ['small', 6, 1],
      ['big', 2, 2],
      ['none', null, null],
    ]);
    expect(m).toBe(4);
  });

  it('ranks per 100 grassroots unions', () => {
    const { rows } = rankFederations([fed('a', 30, 1, 300), fed('b', 30, 1, 150)], { format: 'integer' }, 'units');
    expect(rows.map((r) => [r.divisionCode, r.measure])).toEqual([
      ['b', 20],
      ['a', 10],
    ]);
  });
});

describe('the median', () => {
  it('is the middle value, or the mean of the two middle ones', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([1, 2])).toBe(1.5);
    expect(median([7])).toBe(7);
    expect(median([])).toBeNull();
  });
});
