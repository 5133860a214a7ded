import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.js';
import { autoEffectiveOn, filingTimeliness, openClocks } from './clocks.js';
import { defaultContractSettings, type Contract, type ContractSettings } from './contract.js';
import { assertStep, nextSteps, renewalOpensOn, termTransition } from './lifecycle.js';
import { inForceMetrics, inForceYears } from './metrics.js';
import { checkMinimumWage, checkRepresentatives, checkTerm, congressOutcome } from './rules.js';

const working: ContractSettings = { ...defaultContractSettings, dayCount: { ...defaultContractSettings.dayCount, review: 'working', filing: 'working' } };

function errorOf(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError');
}

const contract = (over: Partial<Contract> = {}): Contract => ({
  contractId: 'c1',
  tenantId: 't',
  title: '快递行业集体合同',
  type: 'industry',
  scope: { industry: 'express' },
  employerParties: [{ name: '某快递企业协会' }],
  coveredEnterprises: 12,
  coveredEmployees: 1800,
  term: { start: '2026-01-01', end: '2028-12-31' },
  clauses: { wageGrowthPct: 5.5 },
  status: 'draft',
  representatives: {},
  rounds: [],
  performanceChecks: [],
  history: [],
  version: 1,
  createdAt: '',
  updatedAt: '',
  ...over,
});

describe('legal clocks', () => {
  it('gives the offer a reply clock of 20 natural days', () => {
    const [clock] = openClocks(contract({ status: 'offer_sent', offer: { sentOn: '2026-03-02', fromSide: 'worker' } }), defaultContractSettings, '2026-03-10');
    expect(clock).toMatchObject({ kind: 'offerReply', dueOn: '2026-03-22', daysLeft: 12, state: 'open', count: 'natural', days: 20 });
  });

  it('runs the review clock 15 working days across 国庆 2025 when the tenant counts working days', () => {
    expect(autoEffectiveOn('2025-09-26', working).dueOn).toBe('2025-10-23');
    expect(autoEffectiveOn('2025-09-26', defaultContractSettings).dueOn).toBe('2025-10-11');
  });

  it('flags a filing made one day after the 10-day filing clock as one day late', () => {
    expect(filingTimeliness('2026-03-02', '2026-03-12', defaultContractSettings).lateDays).toBe(0);
    expect(filingTimeliness('2026-03-02', '2026-03-13', defaultContractSettings)).toMatchObject({ lateDays: 1, due: { dueOn: '2026-03-12' } });
  });

  it('reports a review clock running into 2027 as provisional with the reason', () => {
    const [clock] = openClocks(contract({ status: 'filed', filing: { filedOn: '2026-12-22', dueOn: '2026-12-30', lateDays: 0 } }), working, '2026-12-23');
    expect(clock?.provisional?.years).toEqual([2027]);
  });

  it('marks clocks due soon, due today and overdue', () => {
    const c = contract({ status: 'signed', signedOn: '2026-03-02' });
    expect(openClocks(c, defaultContractSettings, '2026-03-10')[0]?.state).toBe('due_soon');
    expect(openClocks(c, defaultContractSettings, '2026-03-12')[0]?.state).toBe('due_today');
    expect(openClocks(c, defaultContractSettings, '2026-03-13')[0]).toMatchObject({ state: 'overdue', daysLeft: -1 });
  });

  it('shows publish, renewal-window and expiry clocks for an effective contract', () => {
    const kinds = openClocks(contract({ status: 'effective', effectiveOn: '2026-01-10' }), defaultContractSettings, '2026-01-12').map((c) => c.kind);
    expect(kinds).toEqual(['publish', 'renewalWindow', 'expiry']);
  });
});

describe('term and floor', () => {
  it('accepts 1 to 3 years and rejects anything else with the bounds', () => {
    expect(() => checkTerm({ start: '2026-01-01', end: '2026-12-31' })).not.toThrow();
    expect(() => checkTerm({ start: '2026-01-01', end: '2028-12-31' })).not.toThrow();
    expect(errorOf(() => checkTerm({ start: '2026-01-01', end: '2026-12-30' })).details).toMatchObject({ field: 'term.end' });
    expect(errorOf(() => checkTerm({ start: '2026-01-01', end: '2029-01-01' })).kind).toBe('invalid');
  });

  it('rejects a minimum-wage clause below the local minimum citing 劳动合同法 Art. 55', () => {
    const e = errorOf(() => checkMinimumWage(240000, { minimumWageFen: 249000 }));
    expect(e.text.zh).toContain('第五十五条');
    expect(e.details.field).toBe('clauses.minimumWageFen');
    expect(() => checkMinimumWage(249000, { minimumWageFen: 249000 })).not.toThrow();
  });
});

describe('representatives', () => {
  const m = (n: number, outsiders = 0) => Array.from({ length: n }, (_, i) => ({ name: `代表${i}`, role: '职工', outsider: i >= n - outsiders }));
  const s = defaultContractSettings;
  it('needs at least 3 per side and a chief who is not an outsider', () => {
    expect(() => checkRepresentatives('worker', m(2), 0, undefined, s)).toThrow(/不少于3人/);
    expect(() => checkRepresentatives('worker', m(3, 1), 2, undefined, s)).toThrow(/首席/);
  });
  it('allows outsiders up to a third of the side', () => {
    expect(() => checkRepresentatives('worker', m(3, 1), 0, undefined, s)).not.toThrow();
    expect(() => checkRepresentatives('worker', m(5, 2), 0, undefined, s)).toThrow(/1\/3/);
  });
  it('needs equal sizes on both sides', () => {
    expect(() => checkRepresentatives('employer', m(4), 0, { members: m(3), chiefIndex: 0, setOn: '2026-01-01' }, s)).toThrow(/对等/);
  });
});

describe('congress vote', () => {
  it('passes with exactly 2/3 present and more than half of all approving', () => {
    expect(congressOutcome(30, 20, 16)).toMatchObject({ passed: true, failed: [] });
  });
  it('fails quorum one short of 2/3 present', () => {
    expect(congressOutcome(30, 19, 16)).toMatchObject({ passed: false, failed: ['quorum'] });
  });
  it('fails the majority with exactly half of all approving, even if most of those present approve', () => {
    expect(congressOutcome(30, 20, 15)).toMatchObject({ passed: false, failed: ['majority'], approveNeeded: 16 });
  });
  it('reports both failed conditions and rejects impossible counts', () => {
    expect(congressOutcome(9, 5, 4).failed).toEqual(['quorum', 'majority']);
    expect(() => congressOutcome(10, 11, 1)).toThrow();
    expect(() => congressOutcome(10, 5, 6)).toThrow();
  });
});

describe('lifecycle order', () => {
  it('names the expected next step when a step is out of order', () => {
    const e = errorOf(() => assertStep(contract({ status: 'signed', signedOn: '2026-03-02' }), 'publish'));
    expect(e.kind).toBe('conflict');
    expect(e.details).toMatchObject({ expected: ['file'], status: 'signed' });
    expect(e.text.zh).toContain('报送审查');
  });
  it('asks for representatives, then a round, then the vote', () => {
    expect(nextSteps(contract({ status: 'negotiating' }))[0]).toBe('representatives.set');
    const reps = { members: [], chiefIndex: 0, setOn: '' };
    expect(nextSteps(contract({ status: 'negotiating', representatives: { worker: reps, employer: reps } }))[0]).toBe('rounds.add');
    expect(nextSteps(contract({ status: 'negotiating', representatives: { worker: reps, employer: reps }, rounds: [{ no: 1, heldOn: '', minutes: '', openIssues: [] }] }))[0]).toBe('congress.record');
  });
  it('lets a contract be terminated until it is closed', () => {
    expect(() => assertStep(contract({ status: 'negotiating' }), 'terminate')).not.toThrow();
    expect(() => assertStep(contract({ status: 'expired' }), 'terminate')).toThrow();
  });
  it('moves an in-force contract to expiring 90 days before the end and to expired after it', () => {
    expect(termTransition('effective', '2026-12-31', '2026-10-01')).toBe(undefined);
    expect(termTransition('effective', '2026-12-31', '2026-10-02')).toBe('expiring');
    expect(termTransition('expiring', '2026-12-31', '2026-12-31')).toBe(undefined);
    expect(termTransition('expiring', '2026-12-31', '2027-01-01')).toBe('expired');
    expect(renewalOpensOn('2026-12-31')).toBe('2026-09-30');
  });
});

describe('rollup metrics', () => {
  it('counts an in-force contract by type and industry with covered employees and wage growth in basis points', () => {
    expect(inForceMetrics(contract(), 1)).toEqual({
      'contracts.inForce': 1,
      'contracts.inForce.byType.industry': 1,
      'contracts.inForce.byIndustry.express': 1,
      'contracts.coveredEmployees': 1800,
      'contracts.coveredEnterprises': 12,
      'contracts.wageGrowth.sumBp': 550,
      'contracts.wageGrowth.count': 1,
    });
  });

  it('counts a contract in every year it is in force, and only later years when terminated', () => {
    expect(inForceYears('2025-10-23', '2027-09-30')).toEqual([2025, 2026, 2027]);
    expect(inForceYears('2025-10-23', '2027-09-30', 2027)).toEqual([2027]);
    expect(inForceYears('2025-10-23', '2027-09-30', 2028)).toEqual([]);
  });
});
