import { describe, expect, it } from 'vitest';
import { itemDueOn, statusOnDay, withEntry } from './apply.js';
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

describe('items done on time', () => {
  const due = item({ targets: [{ indicator: '宣讲', unit: '场', comparator: 'gte', target: 20, deadline: '2024-06-30' }], achieved: [19], status: 'behind' });
  const entry = (entryType: 'report' | 'correction', quantity: number) => ({ entryId: 'e', itemId: 'i1', planId: 'p1', targetIndex: 0, quantity, occurredOn: '2024-06-30', entryType, reporter: 'u', recordedAt: at });

  it('counts an item completed on its due date (Asia/Shanghai) as done on time', () => {
    const r = withEntry(due, entry('report', 1), new Date('2024-06-30T15:59:00Z'), settings);
    expect(r.item).toMatchObject({ status: 'done', doneOnTime: true });
    expect(r.events[0]!.data).toMatchObject({ year: 2024, metrics: { 'tenThings.items.done': 1, 'tenThings.items.doneOnTime': 1 } });
  });

  it('does not count an item completed the day after its due date', () => {
    const r = withEntry(due, entry('report', 1), new Date('2024-06-30T16:00:00Z'), settings);
    expect(r.item).toMatchObject({ status: 'done', doneOnTime: false });
    expect(r.events[0]!.data.metrics).toMatchObject({ 'tenThings.items.done': 1 });
    expect(r.events[0]!.data.metrics).not.toHaveProperty(['tenThings.items.doneOnTime']);
  });

  it('takes back the on-time count when a correction undoes the completion, and keeps the mark while the item stays done', () => {
    const done = withEntry(due, entry('report', 2), new Date('2024-06-20T02:00:00Z'), settings).item;
    const more = withEntry(done, entry('report', 1), new Date('2024-08-01T02:00:00Z'), settings);
    expect(more.item.doneOnTime).toBe(true);
    expect(more.events[0]!.data.metrics).not.toHaveProperty(['tenThings.items.doneOnTime']);
    const undone = withEntry(more.item, entry('correction', -5), new Date('2024-08-02T02:00:00Z'), settings);
    expect(undone.item.status).toBe('overdue');
    expect(undone.item).not.toHaveProperty('doneOnTime');
    expect(undone.events[0]!.data.metrics).toMatchObject({ 'tenThings.items.done': -1, 'tenThings.items.doneOnTime': -1 });
  });

  it('is due on the last of its targets’ deadlines, 31 December of the plan year by default', () => {
    expect(itemDueOn(item())).toBe('2024-12-31');
    const two = item({ targets: [{ indicator: 'a', unit: '场', comparator: 'gte', target: 1, deadline: '2024-09-30' }, { indicator: 'b', unit: '场', comparator: 'gte', target: 1, deadline: '2024-03-31' }] });
    expect(itemDueOn(two)).toBe('2024-09-30');
    expect(itemDueOn({ ...two, targets: [...two.targets, { indicator: 'c', unit: '场', comparator: 'gte', target: 1 }] })).toBe('2024-12-31');
  });
});
