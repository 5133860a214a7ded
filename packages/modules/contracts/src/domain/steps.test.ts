import { describe, expect, it } from 'vitest';
import { defaultCalendar } from '@ufp/core/calendar/calendar';
import { refusalOf } from '@ufp/core/errors';
import type { TenantScope } from '@ufp/core/tenancy/scope';
import { defaultContractSettings, type Contract } from './contract.js';
import { checkNewContract, newContract } from './create.js';
import { decideDaily } from './daily.js';
import { changeSettings } from './settings.js';
import { file, renew, sendOffer, sign, terminate, type StepContext } from './steps.js';
import { aFilingPackage } from '../../test/fixtures.js';

const scope: TenantScope = { kind: 'tenant', tenantId: 't', divisionCode: '321281', actor: { sub: 'u1', name: '张三', roles: ['federation_staff'] } };
const on = (today: string): StepContext => ({ now: new Date(`${today}T02:00:00Z`), today, scope, settings: defaultContractSettings, calendar: defaultCalendar });

const errorOf = (fn: () => unknown) => refusalOf(fn)!;

const contract = (over: Partial<Contract> = {}): Contract => ({
  contractId: 'c1',
  tenantId: 't',
  title: '兴化钢铁集体合同',
  type: 'comprehensive',
  unitId: 'u-1',
  employerParties: [{ name: '江苏兴化钢铁制品有限公司' }],
  coveredEnterprises: 1,
  coveredEmployees: 620,
  term: { start: '2026-01-01', end: '2028-12-31' },
  clauses: { wageGrowthPct: 5 },
  status: 'draft',
  representatives: {},
  rounds: [],
  performanceChecks: [],
  history: [],
  version: 3,
  createdAt: '',
  updatedAt: '',
  ...over,
});

describe('lifecycle steps, decided without a database', () => {
  it('sends the offer: the new status, a history entry by the caller and the audit entry', () => {
    const d = sendOffer(contract(), { contractId: 'c1', sentOn: '2026-03-01', fromSide: 'worker' }, on('2026-03-02'));
    expect(d.after).toMatchObject({ status: 'offer_sent', offer: { sentOn: '2026-03-01', fromSide: 'worker' }, updatedAt: '2026-03-02T02:00:00.000Z' });
    expect(d.after.history).toEqual([{ step: 'offer.send', on: '2026-03-01', at: '2026-03-02T02:00:00.000Z', by: 'u1', note: '职工方发出协商要约，20日内书面回应' }]);
    expect(d.audit).toMatchObject({ action: 'contracts.offer.send', entityId: 'c1', changes: { status: { from: 'draft', to: 'offer_sent' } } });
  });

  it('refuses a date in the future (400 on the field) before the order, and a step out of order (409)', () => {
    expect(errorOf(() => sendOffer(contract({ status: 'signed' }), { contractId: 'c1', sentOn: '2026-03-03', fromSide: 'worker' }, on('2026-03-02')))).toMatchObject({ kind: 'invalid', details: { field: 'sentOn' } });
    expect(errorOf(() => sendOffer(contract({ status: 'signed' }), { contractId: 'c1', sentOn: '2026-03-01', fromSide: 'worker' }, on('2026-03-02')))).toMatchObject({ kind: 'conflict', details: { reason: 'out_of_order', expected: ['file'] } });
  });

  it('signs with the signed event and its flow metric', () => {
    const d = sign(contract({ status: 'approved', congress: { representativesTotal: 45, present: 41, approve: 39, passed: true, failed: [], rule: 'enterprise', recordedOn: '2026-03-01' } }), { contractId: 'c1', signedOn: '2026-03-02' }, on('2026-03-02'));
    expect(d.events).toEqual([{ type: 'contracts.contract.signed', data: { contractId: 'c1', type: 'comprehensive', metrics: { 'contracts.signed': 1 } } }]);
  });

  it('files with the due day and the lateness of the 10-day filing clock', () => {
    const d = file(contract({ status: 'signed', signedOn: '2026-03-02' }), { contractId: 'c1', filedOn: '2026-03-13', files: aFilingPackage() }, on('2026-03-13'));
    expect(d.after.filing).toMatchObject({ filedOn: '2026-03-13', dueOn: '2026-03-12', lateDays: 1 });
  });

  it('opens renewal only in the 3 months before expiry, with a draft successor for the next term', () => {
    const inForce = contract({ status: 'effective', effectiveOn: '2026-01-20', signedOn: '2026-01-01' });
    expect(errorOf(() => renew(inForce, { successorId: 'c2' }, on('2028-09-29')))).toMatchObject({ kind: 'conflict', details: { reason: 'renewal_not_open', opensOn: '2028-09-30' } });
    const d = renew(inForce, { successorId: 'c2' }, on('2028-10-01'));
    expect(d.after.successorId).toBe('c2');
    expect(d.successor).toMatchObject({ contractId: 'c2', predecessorId: 'c1', status: 'draft', title: '兴化钢铁集体合同（续签）', term: { start: '2029-01-01', end: '2031-12-31' }, version: 1 });
    expect(d.successor.signedOn).toBeUndefined();
    expect(d.events?.[0]).toMatchObject({ type: 'contracts.contract.renewed', data: { successorId: 'c2', metrics: { 'contracts.renewed': 1, 'contracts.created': 1 } } });
  });

  it('terminates an in-force contract: out of force, and its unit uncovered when it was the last', () => {
    const d = terminate(contract({ status: 'effective', effectiveOn: '2026-01-20' }), { contractId: 'c1', reason: '企业破产', unitInForce: 1 }, on('2026-06-01'));
    expect(d.unitInForce).toBe(0);
    expect(d.events?.[0]?.data).toMatchObject({ metrics: { 'contracts.inForce': -1, 'contracts.terminated': 1, 'contracts.unitsCovered': -1 } });
    expect(errorOf(() => terminate(contract({ status: 'expired' }), { contractId: 'c1', reason: 'x' }, on('2026-06-01'))).kind).toBe('conflict');
  });
});

describe('the daily clock, decided without a database', () => {
  const filed = contract({ status: 'filed', signedOn: '2026-03-01', filing: { filedOn: '2026-03-02', dueOn: '2026-03-11', lateDays: 0 } });
  const day = (today: string, unitInForce?: number) => ({ today, at: `${today}T16:00:00.000Z`, by: 'system:daily-tick', settings: defaultContractSettings, calendar: defaultCalendar, unitInForce });

  it('changes nothing before the review period has passed', () => {
    expect(decideDaily(filed, day('2026-03-17'))).toBeUndefined();
  });

  it('takes effect on day 16 with one event dated that day and the unit covered', () => {
    const d = decideDaily(filed, day('2026-03-20', 0))!;
    expect(d.after).toMatchObject({ status: 'effective', effectiveOn: '2026-03-18' });
    expect(d.steps).toMatchObject([{ step: 'effective', on: '2026-03-18' }]);
    expect(d.unitInForce).toBe(1);
    expect(d.events).toEqual([
      expect.objectContaining({ type: 'contracts.contract.effective', data: expect.objectContaining({ effectiveOn: '2026-03-18', year: 2026, metrics: expect.objectContaining({ 'contracts.inForce': 1, 'contracts.unitsCovered': 1 }) }) }),
    ]);
  });

  it('starts expiring 90 days before the end and expires after it, the unit uncovered then', () => {
    const expiring = decideDaily(contract({ status: 'effective', effectiveOn: '2026-01-20' }), day('2028-10-15', 1))!;
    expect(expiring.after.status).toBe('expiring');
    expect(expiring.events).toMatchObject([{ type: 'contracts.contract.expiring', data: { termEnd: '2028-12-31', metrics: { 'contracts.expiring90': 1 } } }]);
    expect(expiring.unitInForce).toBe(1);
    const expired = decideDaily(expiring.after, day('2029-01-02', 1))!;
    expect(expired.after.status).toBe('expired');
    expect(expired.events).toMatchObject([{ type: 'contracts.contract.expired', data: { year: 2029, metrics: { 'contracts.inForce': -1, 'contracts.unitsCovered': -1 } } }]);
    expect(expired.unitInForce).toBe(0);
  });
});

describe('a new contract and the settings', () => {
  const input = { type: 'special' as const, unitId: 'u-1', employerParties: [{ name: '靖江市船舶制造有限公司' }], coveredEnterprises: 1, coveredEmployees: 1380, term: { start: '2026-01-01', end: '2026-12-31' }, clauses: { minimumWageFen: 240000 } };

  it('needs the special kind, and a minimum-wage clause not below the local minimum', () => {
    expect(errorOf(() => checkNewContract(input, '321282', {})).details).toMatchObject({ field: 'specialKind' });
    expect(errorOf(() => checkNewContract({ ...input, specialKind: 'wage' }, '321282', { minimumWageFen: 249000 })).details).toMatchObject({ field: 'clauses.minimumWageFen' });
  });

  it('titles a special contract after its unit, kind and year, with the created event', () => {
    const d = newContract({ ...input, specialKind: 'wage' }, { ...on('2025-12-01'), contractId: 'c9', unitName: '靖江船舶工会' });
    expect(d.after).toMatchObject({ title: '靖江船舶工会2026年工资专项集体合同', status: 'draft', history: [{ step: 'create', on: '2025-12-01', by: 'u1' }] });
    expect(d.events?.[0]).toMatchObject({ type: 'contracts.contract.created', data: { contractId: 'c9', metrics: { 'contracts.created': 1 } } });
  });

  it('clears the minimum wage on null and audits only what changed', () => {
    const d = changeSettings({ ...defaultContractSettings, minimumWageFen: 249000, version: 2 }, { version: 2, minimumWageFen: null, dayCount: { review: 'working' } });
    expect(d.after.minimumWageFen).toBeUndefined();
    expect(d.after.dayCount).toMatchObject({ review: 'working', filing: 'natural' });
    expect(Object.keys(d.audit.changes ?? {}).sort()).toEqual(['dayCount', 'minimumWageFen']);
  });
});
