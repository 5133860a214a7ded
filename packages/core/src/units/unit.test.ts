import { describe, expect, it } from 'vitest';
import { unitMetricDeltas } from './unit.js';

describe('unit rollup deltas', () => {
  it('a new unit adds one unit, its members and its type', () => {
    expect(unitMetricDeltas(undefined, { type: 'enterprise', memberCount: 120 })).toEqual({
      'units.count': 1,
      'units.members': 120,
      'units.byType.enterprise': 1,
    });
  });
  it('a member-count change moves only the members figure', () => {
    expect(unitMetricDeltas({ type: 'enterprise', memberCount: 120 }, { type: 'enterprise', memberCount: 100 })).toEqual({
      'units.members': -20,
    });
  });
  it('a type change moves the unit between type buckets', () => {
    expect(unitMetricDeltas({ type: 'enterprise', memberCount: 5 }, { type: 'industry', memberCount: 5 })).toEqual({
      'units.byType.enterprise': -1,
      'units.byType.industry': 1,
    });
  });
});
