import { describe, expect, it } from 'vitest';
import { periodOf, reportDue } from './report-due.js';

const item = (over: Record<string, unknown> = {}) => ({
  year: 2024,
  stage: 'adopted' as const,
  status: 'on_track' as const,
  targets: [{ indicator: '宣讲', unit: '场', comparator: 'gte' as const, target: 20 }],
  // Signed 2024-02-10 08:30 in Shanghai.
  assignment: { leadDept: '宣教部', coUnitIds: ['u1'], milestones: [], assignedAt: '2024-02-10T00:30:00.000Z', assignedBy: 'a' },
  lastReportedOn: undefined as string | undefined,
  ...over,
});

describe('the 监督 reporting periods', () => {
  it('are the months or quarters of the calendar, leap years included', () => {
    expect(periodOf('monthly', '2024-02-15')).toEqual({ label: '2024-02', start: '2024-02-01', end: '2024-02-29' });
    expect(periodOf('monthly', '2025-02-01')).toEqual({ label: '2025-02', start: '2025-02-01', end: '2025-02-28' });
    expect(periodOf('monthly', '2024-12-31')).toEqual({ label: '2024-12', start: '2024-12-01', end: '2024-12-31' });
    expect(periodOf('quarterly', '2024-05-20')).toEqual({ label: '2024-Q2', start: '2024-04-01', end: '2024-06-30' });
    expect(periodOf('quarterly', '2024-10-01')).toEqual({ label: '2024-Q4', start: '2024-10-01', end: '2024-12-31' });
  });
});

describe('a report due', () => {
  it('is reminded in the last five days of a period without a report, not before', () => {
    expect(reportDue(item(), 'monthly', '2024-03-26')).toBeUndefined();
    expect(reportDue(item(), 'monthly', '2024-03-27')).toEqual({ kind: 'reminder', period: periodOf('monthly', '2024-03-27') });
    expect(reportDue(item(), 'monthly', '2024-03-31')?.kind).toBe('reminder');
    expect(reportDue(item(), 'quarterly', '2024-06-25')).toBeUndefined();
    expect(reportDue(item(), 'quarterly', '2024-06-26')?.period.label).toBe('2024-Q2');
  });

  it('is not owed once a report was made in the period', () => {
    expect(reportDue(item({ lastReportedOn: '2024-03-01' }), 'monthly', '2024-03-28')).toBeUndefined();
    expect(reportDue(item({ lastReportedOn: '2024-02-29' }), 'monthly', '2024-03-28')?.kind).toBe('reminder');
  });

  it('is overdue after the period ended without one, until a report comes', () => {
    expect(reportDue(item({ lastReportedOn: '2024-02-20' }), 'monthly', '2024-04-01')).toEqual({ kind: 'overdue', period: periodOf('monthly', '2024-03-01') });
    expect(reportDue(item({ lastReportedOn: '2024-02-20' }), 'monthly', '2024-04-15')?.kind).toBe('overdue');
    expect(reportDue(item({ lastReportedOn: '2024-04-02' }), 'monthly', '2024-04-15')).toBeUndefined();
    // The plan year's last period is overdue in January; February asks nothing more.
    expect(reportDue(item({ lastReportedOn: '2024-11-05' }), 'monthly', '2025-01-03')?.period.label).toBe('2024-12');
    expect(reportDue(item({ lastReportedOn: '2024-11-05' }), 'monthly', '2025-02-03')).toBeUndefined();
  });

  it('starts with the first period that began after the 责任状 was signed', () => {
    // Signed 2024-02-10: February is not owed, March is.
    expect(reportDue(item(), 'monthly', '2024-02-27')).toBeUndefined();
    expect(reportDue(item(), 'monthly', '2024-03-05')).toBeUndefined();
    // Signed on the first day of a period (Shanghai time, 2024-03-01 07:00 = 02-29 23:00 UTC): that period is owed.
    expect(reportDue(item({ assignment: { ...item().assignment, assignedAt: '2024-02-29T23:00:00.000Z' } }), 'monthly', '2024-03-28')?.period.label).toBe('2024-03');
  });

  it('is asked of no item that is done, unassigned, not adopted, or counted only from linked events', () => {
    expect(reportDue(item({ status: 'done' }), 'monthly', '2024-03-28')).toBeUndefined();
    expect(reportDue(item({ assignment: undefined }), 'monthly', '2024-03-28')).toBeUndefined();
    expect(reportDue(item({ stage: 'candidate' }), 'monthly', '2024-03-28')).toBeUndefined();
    expect(reportDue(item({ targets: [{ indicator: '资助', unit: '人', comparator: 'gte', target: 5, link: { eventType: 'hardship.aid.granted' } }] }), 'monthly', '2024-03-28')).toBeUndefined();
  });
});
