import { describe, expect, it } from 'vitest';
import { IndicatorDictionary, indicator, derivedIndicator } from '@ufp/core/rollups/indicators';
import { monthValues } from './trend.js';

const units = indicator('units.count', { module: 'units', kind: 'stock', unit: 'count' }, { zh: '基层工会数', en: 'Unions' }, { zh: '-', en: '-' });
const grants = indicator('hardship.aid.grants', { module: 'hardship', kind: 'flow', unit: 'count' }, { zh: '笔数', en: 'Grants' }, { zh: '-', en: '-' });
const covered = indicator('contracts.unitsCovered', { module: 'contracts', kind: 'stock', unit: 'count' }, { zh: '已建制', en: 'Covered' }, { zh: '-', en: '-' });
const dictionary = new IndicatorDictionary([units, grants, covered], [derivedIndicator('contracts.coverageRate', covered, 'units.count', 'basisPoints', { zh: '建制率', en: 'Rate' }, { zh: '-', en: '-' })]);

describe('a year month by month', () => {
  const months = new Map<number, Record<string, number>>([
    [2, { 'units.count': 2, 'hardship.aid.grants': 5, 'contracts.unitsCovered': 1 }],
    [5, { 'units.count': -1, 'hardship.aid.grants': 3 }],
  ]);
  const series = monthValues(dictionary, { 'units.count': 10, 'hardship.aid.grants': 99, 'contracts.unitsCovered': 4 }, months, 6);

  it('carries a stock from last year’s end and through months without change', () => {
    expect(series.map((m) => m?.['units.count'] ?? null)).toEqual([10, 12, 12, 12, 11, 11, null, null, null, null, null, null]);
  });
  it('counts a flow in its own month only, never last year’s', () => {
    expect(series.map((m) => m?.['hardship.aid.grants'] ?? 0).slice(0, 6)).toEqual([0, 5, 0, 0, 3, 0]);
  });
  it('computes a ratio from the month’s levels', () => {
    expect(series[0]!['contracts.coverageRate']).toBe(4_000);
    expect(series[1]!['contracts.coverageRate']).toBe(4_167);
  });
  it('has no value for months not reached yet', () => expect(series.slice(6).every((m) => m === null)).toBe(true));
});
