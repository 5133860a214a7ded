import { describe, expect, it } from 'vitest';
import { statusOnDay, withEntry } from './apply.js';
import type { Item } from './model.js';

const settings = { atRiskPoints: 15, behindPoints: 30 };
const item = (over: Partial<Item> = {}): Item => ({
  itemId: 'i1',
  planId: 'p1',
  tenantId: 't1',
  year: 2024,
  title: '宣讲',
  category: 'skills',
  leadDept: '宣教部',
  targets: [{ indicator: '宣讲', unit: '场', comparator: 'gte', target: 20 }],
  stage: 'adopted',
  achieved: [6],
  entryCount: 1,
  satisfaction: { sum: 0, count: 0 },
  status: 'on_track',
  completionBp: 3000,
  proposedBy: 'u',
  version: 3,
  createdAt: 'x',
  updatedAt: 'x',
  ...over,
});
const at = '2024-09-15T16:05:00.000Z';

describe('the status of an item as days pass', () => {
  it('changes nothing while the status holds', () => {
    expect(statusOnDay(item(), '2024-03-01', settings, at)).toBeUndefined();
  });

  it('moves an on-track item to behind as the year runs on, with rollup deltas that move one item between statuses', () => {
    const r = statusOnDay(item(), '2024-09-15', settings, at)!;
    expect(r).toMatchObject({ from: 'on_track', to: 'behind' });
    expect(r.item).toMatchObject({ status: 'behind', version: 4, updatedAt: at, achieved: [6], completionBp: 3000 });
    expect(r.event).toMatchObject({ type: 'tenThings.item.statusChanged', data: { itemId: 'i1', from: 'on_track', to: 'behind', year: 2024, metrics: { 'tenThings.items.on_track': -1, 'tenThings.items.behind': 1 } } });
  });

  it('turns an unmet item overdue the day after its deadline, and a rerun of the same day changes nothing', () => {
    const first = statusOnDay(item({ status: 'behind' }), '2025-01-01', settings, at)!;
    expect(first.to).toBe('overdue');
    expect(statusOnDay(first.item, '2025-01-01', settings, at)).toBeUndefined();
  });

  it('uses the tenant thresholds', () => {
    expect(statusOnDay(item(), '2024-06-20', settings, at)?.to).toBe('at_risk');
    expect(statusOnDay(item(), '2024-06-20', { atRiskPoints: 25, behindPoints: 40 }, at)).toBeUndefined();
  });

  it('leaves candidates and done items alone', () => {
    expect(statusOnDay(item({ stage: 'candidate', status: undefined }), '2024-12-01', settings, at)).toBeUndefined();
    expect(statusOnDay(item({ achieved: [20], status: 'done' }), '2025-03-01', settings, at)).toBeUndefined();
  });

  it('agrees with the status a report computes on the same day', () => {
    const entry = { entryId: 'e', itemId: 'i1', planId: 'p1', targetIndex: 0, quantity: 1, occurredOn: '2024-09-15', entryType: 'report' as const, reporter: 'u', recordedAt: at };
    const reported = withEntry(item(), entry, new Date(at), settings).item;
    expect(statusOnDay(reported, '2024-09-16', settings, at)).toBeUndefined();
  });
});
