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
    expect(update.UpdateExpression).toBe('ADD #m0 :d0, #m1 :d1, #m2 :d2, #n :events SET #u0 = :at, #u1 = :at');
    expect(Object.values(update.ExpressionAttributeNames).filter((n) => n.startsWith('u:'))).toEqual(['u:hardship', 'u:units']);
    expect(freshnessGroup('units')).toBe('units');
  });
  it('are left out of a month row', () => expect(addMetricsUpdate({ 'units.count': 1 }).UpdateExpression).toBe('ADD #m0 :d0'));
});

describe('a 数据截至 stamp only moves forward', () => {
  const at = '2026-06-01T00:00:00.000Z';
  it('is set on condition that each group it touches is stamped at or before the event', () => {
    const update = addMetricsUpdate({ 'units.count': 1, 'hardship.aid.grants': 1 }, at);
    expect(update.ConditionExpression).toBe('(attribute_not_exists(#u0) OR #u0 <= :at) AND (attribute_not_exists(#u1) OR #u1 <= :at)');
  });
  it('rebuilt after a later event got there first, stamps only the groups still behind, pinned to what was read', () => {
    const update = addMetricsUpdate({ 'units.count': 1, 'hardship.aid.grants': 1 }, at, { units: '2026-06-02T00:00:00.000Z', hardship: at });
    expect(update.UpdateExpression).toBe('ADD #m0 :d0, #m1 :d1, #n :events SET #u1 = :at');
    expect(update.ConditionExpression).toBe('#u0 = :h0 AND #u1 = :h1');
    expect(update.ExpressionAttributeValues).toMatchObject({ ':h0': '2026-06-02T00:00:00.000Z', ':h1': at, ':at': at });
  });
  it('rebuilt when every group is ahead, adds the deltas and sets no stamp (no unused value)', () => {
    const update = addMetricsUpdate({ 'units.count': 1 }, at, { units: '2026-06-02T00:00:00.000Z' });
    expect(update.UpdateExpression).toBe('ADD #m0 :d0, #n :events');
    expect(update.ExpressionAttributeValues).not.toHaveProperty(':at');
  });
  it('rebuilt for a group never stamped, sets it on condition it is still absent', () => {
    const update = addMetricsUpdate({ 'units.count': 1 }, at, {});
    expect(update.ConditionExpression).toBe('attribute_not_exists(#u0)');
    expect(update.UpdateExpression).toBe('ADD #m0 :d0, #n :events SET #u0 = :at');
  });
  it('counts the events whose deltas were summed into it', () => expect(addMetricsUpdate({ 'units.count': 3 }, at, undefined, 3).ExpressionAttributeValues[':events']).toBe(3));
});
