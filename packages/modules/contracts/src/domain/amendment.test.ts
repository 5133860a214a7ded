import { describe, expect, it } from 'vitest';
import { defaultCalendar } from '@ufp/core/calendar/calendar';
import { refusalOf } from '@ufp/core/errors';
import type { TenantScope } from '@ufp/core/tenancy/scope';
import { aContract } from '../../test/fixtures.js';
import { amendmentLinks, checkAmendable, closeAmendment } from './amendment.js';
import { defaultContractSettings, type Contract, type ContractStatus } from './contract.js';
import { decideDaily } from './daily.js';
import { nextSteps } from './lifecycle.js';
import { statusChangeMetrics } from './metrics.js';
import { amend, renew, sign, terminate, type StepContext } from './steps.js';

const scope: TenantScope = { kind: 'tenant', tenantId: 't', divisionCode: '321281', actor: { sub: 'u1', name: '张三', roles: ['federation_staff'] } };
const on = (today: string): StepContext => ({ now: new Date(`${today}T02:00:00Z`), today, scope, settings: defaultContractSettings, calendar: defaultCalendar });
const errorOf = (fn: () => unknown) => refusalOf(fn)!;

const inForce = (over: Partial<Contract> = {}) => aContract({ contractId: 'p1', status: 'effective', effectiveOn: '2026-01-10', unitId: 'u1', history: [], version: 4, ...over });
const opened = () => amend(inForce(), { amendmentId: 'a1' }, on('2026-06-01'));

describe('opening an amendment (变更, 《集体合同规定》第四十、四十一条)', () => {
  it('opens a draft of the same type, parties, coverage, term and clauses, linked both ways, with a history entry on the parent', () => {
    const d = opened();
    expect(d.after.amendment).toEqual({ contractId: 'a1', openedOn: '2026-06-01' });
    expect(d.after.history.at(-1)).toMatchObject({ step: 'amend', on: '2026-06-01', by: 'u1' });
    expect(d.after.status).toBe('effective');
    const a = d.amendment;
    expect(a).toMatchObject({ contractId: 'a1', amends: 'p1', status: 'draft', type: 'industry', term: { start: '2026-01-01', end: '2028-12-31' }, clauses: { wageGrowthPct: 5.5 }, coveredEmployees: 1800, rounds: [], representatives: {}, version: 1 });
    expect(a.title).toBe('快递行业集体合同（变更协议）');
    expect(a.effectiveOn).toBeUndefined();
    expect(a.amendment).toBeUndefined();
    expect(d.events ?? []).toEqual([]); // not a contract created: nothing counts
    expect(nextSteps(a)).toEqual(['offer.send']);
  });

  it('opens on an expiring contract too', () => {
    expect(amend(inForce({ status: 'expiring' }), { amendmentId: 'a1' }, on('2028-10-10')).after.amendment?.contractId).toBe('a1');
  });

  it.each<ContractStatus>(['draft', 'negotiating', 'signed', 'filed', 'expired', 'terminated', 'merged'])('refuses a contract that is %s (not in force)', (status) => {
    const e = errorOf(() => amend(inForce({ status }), { amendmentId: 'a1' }, on('2026-06-01')));
    expect(e.kind).toBe('conflict');
    expect(e.details).toMatchObject({ reason: 'not_in_force', status });
    expect(e.text.zh).toContain('生效期内');
  });

  it('refuses a second amendment while one is open, naming it', () => {
    const e = errorOf(() => amend(opened().after, { amendmentId: 'a2' }, on('2026-06-02')));
    expect(e.kind).toBe('conflict');
    expect(e.details).toMatchObject({ reason: 'amendment_open', amendmentId: 'a1' });
    expect(e.text.zh).toContain('a1');
  });

  it('refuses an amendment of an amendment, whatever its status', () => {
    for (const status of ['draft', 'effective'] as const) {
      const e = errorOf(() => checkAmendable(inForce({ status, amends: 'p0' })));
      expect(e.details).toMatchObject({ reason: 'amendment_of_amendment', amends: 'p0' });
    }
  });

  it('offers 变更 as a next step only in force, with none open and not on an amendment', () => {
    expect(nextSteps(inForce())).toContain('amend');
    expect(nextSteps(opened().after)).not.toContain('amend');
    expect(nextSteps(inForce({ amends: 'p0' }))).not.toContain('amend');
  });

  it('refuses to terminate the parent while an amendment is open', () => {
    const e = errorOf(() => terminate(opened().after, { contractId: 'p1', reason: '企业破产' }, on('2026-06-03')));
    expect(e.details).toMatchObject({ reason: 'amendment_open', amendmentId: 'a1' });
  });

  it('a renewal successor carries neither the open amendment nor the past ones', () => {
    const parent = { ...opened().after, status: 'expiring' as const, amendments: [{ contractId: 'a0', openedOn: '2026-02-01', closedOn: '2026-03-01', outcome: 'merged' as const }] };
    const { successor } = renew(parent, { successorId: 's1' }, on('2028-10-10'));
    expect(successor.amendment).toBeUndefined();
    expect(successor.amendments).toBeUndefined();
  });
});

describe('the amendment never counts as a contract of its own', () => {
  it('its signature is not a contract signed', () => {
    const approved = { ...opened().amendment, status: 'approved' as const, congress: { representativesTotal: 10, present: 8, approve: 6, passed: true, failed: [], recordedOn: '2026-06-10' } };
    const d = sign(approved, { contractId: 'a1', signedOn: '2026-06-11' }, on('2026-06-11'));
    expect(d.events?.[0]?.data).not.toHaveProperty('metrics');
  });
  it('its status changes move no stock', () => {
    const a = opened().amendment;
    expect(statusChangeMetrics(a, 'filed', 'effective')).toEqual({});
    expect(statusChangeMetrics(a, 'negotiating', 'terminated')).toEqual({});
  });
});

describe('the amendment taking effect (审查期满无异议) merges into the contract', () => {
  const filed = (over: Partial<Contract> = {}) => ({ ...opened().amendment, status: 'filed' as const, clauses: { wageGrowthPct: 7 }, signedOn: '2026-07-01', filing: { filedOn: '2026-07-02', dueOn: '2026-07-11', lateDays: 0 }, ...over }); // review to 2026-07-17
  const daily = (a: Contract, parent?: Contract, today = '2026-07-18') => decideDaily(a, { today, at: `${today}T00:00:00Z`, by: 'tick', settings: defaultContractSettings, calendar: defaultCalendar, parent });

  it('not before the review period ends', () => {
    expect(daily(filed(), opened().after, '2026-07-17')).toBeUndefined();
  });

  it('ends merged, not effective: no in-force stock, the review deemed kept', () => {
    const d = daily(filed(), opened().after)!;
    expect(d.after).toMatchObject({ status: 'merged', effectiveOn: '2026-07-18' });
    expect(d.after.history.at(-1)).toMatchObject({ step: 'merged', on: '2026-07-18' });
    expect(d.events.map((e) => e.type)).toEqual(['contracts.contract.dutySettled']);
    expect(d.unitInForce).toBeUndefined();
    expect(d.steps).toEqual([expect.objectContaining({ step: 'merged' })]);
  });

  it('ends terminated when the parent is no longer in force or no longer waits for it', () => {
    const expired = { ...opened().after, status: 'expired' as const };
    expect(daily(filed(), expired)!.after).toMatchObject({ status: 'terminated', terminated: { reason: expect.stringContaining('已到期') } });
    expect(daily(filed(), inForce())!.after.status).toBe('terminated');
    expect(daily(filed(), undefined)!.after.status).toBe('terminated');
  });

  it('the parent takes its clauses, names the changes, clears the marker and moves only the wage-growth stock', () => {
    const parent = opened().after;
    const d = closeAmendment(parent, { amendment: filed(), outcome: 'merged', on: '2026-07-18', at: '2026-07-18T00:00:00Z', by: 'tick' });
    expect(d.after.clauses).toEqual({ wageGrowthPct: 7 });
    expect(d.after.amendment).toBeUndefined();
    expect(d.after.amendments).toEqual([{ contractId: 'a1', openedOn: '2026-06-01', closedOn: '2026-07-18', outcome: 'merged', changes: [{ clause: 'wageGrowthPct', from: 5.5, to: 7 }] }]);
    expect(d.after.history.at(-1)).toMatchObject({ step: 'amendment.merged', note: expect.stringContaining('工资增长幅度') });
    expect(d.after.status).toBe('effective');
    expect(d.events).toEqual([expect.objectContaining({ type: 'contracts.contract.amended', data: expect.objectContaining({ amendmentId: 'a1', metrics: { 'contracts.wageGrowth.sumBp': 150 } }) })]);
  });

  it('an ended amendment leaves the clauses as they were and clears the marker', () => {
    const parent = opened().after;
    const d = closeAmendment(parent, { amendment: filed(), outcome: 'ended', on: '2026-07-18', at: '2026-07-18T00:00:00Z', by: 'u1', reason: '双方协商一致放弃' });
    expect(d.after.clauses).toEqual(parent.clauses);
    expect(d.after.amendment).toBeUndefined();
    expect(d.after.amendments?.[0]).toMatchObject({ outcome: 'ended' });
    expect(d.events).toEqual([]);
  });

  it('refuses to close an amendment the parent does not wait for', () => {
    expect(errorOf(() => closeAmendment(inForce(), { amendment: filed(), outcome: 'merged', on: '2026-07-18', at: '', by: 'tick' })).details).toMatchObject({ reason: 'no_such_amendment' });
  });

  it('links: the parent shows its open and past amendments, the amendment what it amends', () => {
    const { after: parent, amendment } = opened();
    expect(amendmentLinks(parent, [amendment])).toEqual({ openAmendment: { contractId: 'a1', title: amendment.title, status: 'draft', openedOn: '2026-06-01' }, pastAmendments: [] });
    expect(amendmentLinks(amendment, [parent]).amends).toEqual({ contractId: 'p1', title: parent.title, status: 'effective' });
  });
});

describe('the recount', () => {
  it('replays nothing of an amendment but its duties', async () => {
    const { contractChanges } = await import('../recount.js');
    const a = { ...opened().amendment, status: 'merged' as const, history: [{ step: 'create', on: '2026-06-01', at: '2026-06-01T00:00:00Z', by: 'u1' }, { step: 'sign', on: '2026-07-01', at: '2026-07-01T00:00:00Z', by: 'u1' }, { step: 'merged', on: '2026-07-18', at: '2026-07-18T00:00:00Z', by: 'tick' }] };
    expect(contractChanges(a)).toEqual({ steps: [], changes: [] });
  });
});
