import { describe, expect, it } from 'vitest';
import { DomainError } from '@ufp/core/errors';
import type { TenantScope } from '@ufp/core/tenancy/scope';
import { checkAssignment, checkReport, checkThresholds, checkUnitsExist, checkVisible } from './item.js';
import type { Item } from './model.js';

const item = (over: Partial<Item> = {}): Item => ({
  itemId: 'i1',
  planId: 'p1',
  tenantId: 't1',
  year: 2024,
  title: '宣讲',
  category: 'skills',
  leadDept: '宣教部',
  targets: [{ indicator: '宣讲', unit: '场', comparator: 'gte', target: 20 }, { indicator: '资助', unit: '人', comparator: 'gte', target: 5, link: { eventType: 'hardship.aid.granted', measure: 'count' } }],
  stage: 'adopted',
  achieved: [0, 0],
  entryCount: 0,
  satisfaction: { sum: 0, count: 0 },
  proposedBy: 'u',
  version: 3,
  createdAt: 'x',
  updatedAt: 'x',
  ...over,
});
const reporter = (unitId: string): TenantScope => ({ kind: 'tenant', tenantId: 't1', divisionCode: '321281', unitId, actor: { sub: 'r', roles: ['unit_reporter'] } });
const assignment = { version: 3, leadDept: '宣教部', coUnitIds: ['u1', 'u1'], milestones: [{ quarter: 2 as const, share: 50 }, { quarter: 1 as const, share: 20 }] };

describe('item rules', () => {
  it('shows a reporter only items of their unit', () => {
    const assigned = item({ assignment: { leadDept: 'x', coUnitIds: ['u1'], milestones: [], assignedAt: 'x', assignedBy: 'x' } });
    expect(checkVisible(reporter('u1'), assigned)).toBe(assigned);
    expect(() => checkVisible(reporter('u2'), assigned)).toThrow(DomainError);
  });

  it('needs the behind threshold above the at-risk one', () => {
    expect(() => checkThresholds({ atRiskPoints: 20, behindPoints: 20 })).toThrow(/阈值/);
    expect(() => checkThresholds({ atRiskPoints: 15, behindPoints: 30 })).not.toThrow();
  });

  it('assigns adopted items at the version seen, milestones sorted and never falling, units once', () => {
    expect(checkAssignment(item(), assignment)).toEqual({ milestones: [{ quarter: 1, share: 20 }, { quarter: 2, share: 50 }], coUnitIds: ['u1'] });
    expect(() => checkAssignment(item({ stage: 'candidate' }), assignment)).toThrow(/票决通过/);
    expect(() => checkAssignment(item(), { ...assignment, version: 2 })).toThrow(DomainError);
    expect(() => checkAssignment(item(), { ...assignment, milestones: [{ quarter: 1, share: 60 }, { quarter: 2, share: 50 }] })).toThrow(/不能下降/);
    expect(() => checkAssignment(item(), { ...assignment, milestones: [{ quarter: 1, share: 10 }, { quarter: 1, share: 20 }] })).toThrow(/季度重复/);
    expect(() => checkUnitsExist(['u1', 'u2'], [{}, undefined])).toThrow(expect.objectContaining({ details: expect.objectContaining({ field: 'coUnitIds.1' }) }));
  });

  it('takes progress by hand on hand-fed targets, within the plan year and not in the future', () => {
    const report = { itemId: 'i1', targetIndex: 0, quantity: 1, occurredOn: '2024-05-01' };
    expect(() => checkReport(item(), report, '2024-06-01')).not.toThrow();
    expect(() => checkReport(item(), { ...report, targetIndex: 1 }, '2024-06-01')).toThrow(/自动统计/);
    expect(() => checkReport(item(), { ...report, targetIndex: 5 }, '2024-06-01')).toThrow(/指标不存在/);
    expect(() => checkReport(item(), report, '2024-04-30')).toThrow(/晚于今天/);
    expect(() => checkReport(item(), { ...report, occurredOn: '2023-12-31' }, '2024-06-01')).toThrow(/2024 年内/);
    expect(() => checkReport(item({ stage: 'candidate' }), report, '2024-06-01')).toThrow(/票决通过/);
  });
});
