import { describe, expect, it } from 'vitest';
import { refusalOf } from '@ufp/core/errors';
import type { TenantScope } from '@ufp/core/tenancy/scope';
import { aContract } from '../../test/fixtures.js';
import { openClocks, overdueClockIds, unmarkAnswered } from './clocks.js';
import { defaultContractSettings as settings, type Contract } from './contract.js';
import { contractYearSpan, owedContractYear } from './performance.js';
import { checkPerformance } from './steps.js';

const scope: TenantScope = { kind: 'tenant', tenantId: 't', divisionCode: '321281', actor: { sub: 'u1', roles: ['federation_staff'] } };
const on = (today: string) => ({ now: new Date(`${today}T02:00:00Z`), today, scope });
const errorOf = (fn: () => unknown) => refusalOf(fn)!;
// In effect from 2026-03-16 for a term to 2028-12-31: contract years end 2027-03-15, 2028-03-15, then the term's end.
const effective = (over: Partial<Contract> = {}) => aContract({ status: 'effective', effectiveOn: '2026-03-16', publishedOn: '2026-03-20', term: { start: '2026-01-01', end: '2028-12-31' }, ...over });
const check = (checkedOn: string, over: Record<string, unknown> = {}) => ({
  contractId: 'c1',
  checkedOn,
  checkers: ['王主席', '钱经理'],
  items: [{ item: '工资增幅按约定执行', kept: true }, { item: '高温津贴', kept: false, note: '7月未发放' }],
  findings: '总体履约，高温津贴待补发',
  reportedToCongress: true,
  ...over,
});
const perfClock = (c: Contract, today: string) => openClocks(c, settings, today).find((k) => k.kind === 'performanceCheck');

describe('contract years (履约监督)', () => {
  it('a contract year runs from the effective date to the day before its anniversary, the last cut at the term end', () => {
    const c = { effectiveOn: '2026-03-16', term: { start: '2026-01-01', end: '2028-12-31' } };
    expect(contractYearSpan(c, 1)).toEqual({ from: '2026-03-16', dueOn: '2027-03-15' });
    expect(contractYearSpan(c, 3)).toEqual({ from: '2028-03-16', dueOn: '2028-12-31' });
  });

  it('the owed year is the earliest begun without a check; none before the contract takes effect', () => {
    expect(owedContractYear(aContract(), '2026-05-01')).toBeUndefined();
    expect(owedContractYear(effective(), '2027-03-16')).toMatchObject({ contractYear: 1, dueOn: '2027-03-15' });
    const first = effective({ performanceChecks: [{ contractYear: 1, checkedOn: '2026-12-01', findings: '良好' }] });
    expect(owedContractYear(first, '2027-03-15')).toBeUndefined(); // year 2 has not begun
    expect(owedContractYear(first, '2027-03-16')).toMatchObject({ contractYear: 2, from: '2027-03-16', dueOn: '2028-03-15' });
  });
});

describe('the yearly check clock', () => {
  it('is open, due soon from 30 days before the contract year ends, due on its last day and overdue the day after', () => {
    expect(perfClock(effective(), '2027-02-12')).toMatchObject({ contractYear: 1, dueOn: '2027-03-15', state: 'open', daysLeft: 31 });
    expect(perfClock(effective(), '2027-02-13')).toMatchObject({ state: 'due_soon', label: { zh: '第1合同年度履约检查', en: 'Yearly performance check (contract year 1)' } });
    expect(perfClock(effective(), '2027-03-15')).toMatchObject({ state: 'due_today' });
    expect(perfClock(effective(), '2027-03-16')).toMatchObject({ state: 'overdue', daysLeft: -1 });
  });

  it('an overdue check is an overdue duty (marked by the tick, counted in contracts.clocks.overdue); a late check unmarks it', () => {
    expect(overdueClockIds(effective(), settings, '2027-03-15')).toEqual([]);
    expect(overdueClockIds(effective(), settings, '2027-03-16')).toEqual(['performanceCheck']);
    const marked = effective({ overdueClocks: ['performanceCheck'] });
    const d = unmarkAnswered(marked, checkPerformance(marked, check('2027-03-20'), on('2027-03-20')), settings, '2027-03-20');
    expect(d.after.overdueClocks).toBeUndefined();
    expect(d.events?.at(-1)?.data).toMatchObject({ overdueClocks: [], metrics: { 'contracts.clocks.overdue': -1 } });
  });
});

describe('recording a check', () => {
  it('records who checked, the items kept and not kept, and the report to the 职代会; in time on the year’s last day', () => {
    const d = checkPerformance(effective(), check('2027-03-15'), on('2027-03-15'));
    expect(d.after.performanceChecks).toEqual([
      { contractYear: 1, checkedOn: '2027-03-15', checkers: ['王主席', '钱经理'], items: check('').items, findings: '总体履约，高温津贴待补发', reportedToCongress: true, dueOn: '2027-03-15', onTime: true },
    ]);
    expect(d.after.history.at(-1)).toMatchObject({ step: 'performance.check', on: '2027-03-15', note: '第1合同年度履约检查：2 项中 1 项未履行，已向职代会报告' });
    expect(d.audit).toMatchObject({ action: 'contracts.performance.check', entityId: 'c1' });
  });

  it('a check a day late answers the year it was owed for, marked late', () => {
    const d = checkPerformance(effective(), check('2027-03-16', { reportedToCongress: false }), on('2027-03-20'));
    expect(d.after.performanceChecks[0]).toMatchObject({ contractYear: 1, onTime: false, dueOn: '2027-03-15' });
    expect(d.after.history.at(-1)!.note).toContain('逾期');
  });

  it('a second check in the same contract year is a 409 naming the date; the next year takes one from its first day', () => {
    const once = checkPerformance(effective(), check('2026-12-01'), on('2026-12-01')).after;
    expect(errorOf(() => checkPerformance(once, check('2027-03-15'), on('2027-03-15')))).toMatchObject({ kind: 'conflict', details: { field: 'checkedOn', reason: 'already_checked' } });
    expect(checkPerformance(once, check('2027-03-16'), on('2027-03-16')).after.performanceChecks[1]).toMatchObject({ contractYear: 2, onTime: true });
  });

  it('refuses a check dated before the contract took effect, in the future, or reported before it was made', () => {
    expect(errorOf(() => checkPerformance(effective(), check('2026-03-15'), on('2026-04-01'))).details).toMatchObject({ field: 'checkedOn' });
    expect(errorOf(() => checkPerformance(effective(), check('2026-04-02'), on('2026-04-01'))).details).toMatchObject({ field: 'checkedOn' });
    expect(errorOf(() => checkPerformance(effective(), check('2026-04-01', { reportedOn: '2026-03-31' }), on('2026-04-01'))).details).toMatchObject({ field: 'reportedOn' });
  });

  it('is out of order before the contract is in effect (409 naming the state)', () => {
    expect(errorOf(() => checkPerformance(aContract({ status: 'signed' }), check('2026-04-01'), on('2026-04-01')))).toMatchObject({ kind: 'conflict', details: { reason: 'out_of_order', status: 'signed' } });
  });
});
