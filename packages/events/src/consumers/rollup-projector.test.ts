import { describe, expect, it } from 'vitest';
import { addMetricsUpdate, freshnessGroup } from '@ufp/db/repositories/rollups';
import { monthWithin } from './rollup-projector.js';

describe('the month a delta is drawn in', () => {
  it('is the Asia/Shanghai month it happened (16:00 UTC on 31 January is 1 February there)', () => {
    expect(monthWithin(2026, new Date('2026-01-31T15:59:59Z'))).toBe(1);
    expect(monthWithin(2026, new Date('2026-01-31T16:00:00Z'))).toBe(2);
  });
  it('is the nearest end of the year for a delta that belongs to another year than it happened in', () => {
    expect(monthWithin(2026, new Date('2027-01-05T02:00:00Z'))).toBe(12);
    expect(monthWithin(2027, new Date('2026-12-20T02:00:00Z'))).toBe(1);
  });
});

describe('数据截至 stamps', () => {
  it('stamp each metric group an update touches once, with the event’s time, and count the event', () => {
    const update = addMetricsUpdate({ 'hardship.aid.amountFen': 100, 'hardship.aid.grants': 1, 'units.count': 1 }, '2026-06-01T00:00:00.000Z');
    expect(update.UpdateExpression).toBe('ADD #m0 :d0, #m1 :d1, #m2 :d2, #n :one SET #u0 = :at, #u1 = :at');
    expect(Object.values(update.ExpressionAttributeNames).filter((n) => n.startsWith('u:'))).toEqual(['u:hardship', 'u:units']);
    expect(freshnessGroup('units')).toBe('units');
  });
  it('are left out of a month row', () => expect(addMetricsUpdate({ 'units.count': 1 }).UpdateExpression).toBe('ADD #m0 :d0'));
});
