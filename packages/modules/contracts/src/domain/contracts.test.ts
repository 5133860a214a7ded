import { describe, expect, it } from 'vitest';
import { defaultCalendar } from '@ufp/core/calendar/calendar';
import { refusalOf } from '@ufp/core/errors';
import { autoEffect, filingClockStart, filingTimeliness, openClocks, vacancyLateness } from './clocks.js';
import { defaultContractSettings, voteRuleOf, type Contract, type ContractSettings, type RepresentativeSide } from './contract.js';
import { assertStep, nextSteps, renewalOpensOn, termTransition } from './lifecycle.js';
import { changeDay, inForceMetrics, statusChangeMetrics, unitCoverageMetrics } from './metrics.js';
import { checkMinimumWage, checkRepresentatives, checkTerm, congressOutcome, voteFailureText, voteOutcome } from './rules.js';
import { aContract as contract } from '../../test/fixtures.js';

const working: ContractSettings = { ...defaultContractSettings, dayCount: { ...defaultContractSettings.dayCount, review: 'working', filing: 'working' } };

const errorOf = (fn: () => unknown) => refusalOf(fn)!;


describe('legal clocks', () => {
  it('gives the offer a reply clock of 20 natural days', () => {
    const [clock] = openClocks(contract({ status: 'offer_sent', offer: { sentOn: '2026-03-02', fromSide: 'worker' } }), defaultContractSettings, '2026-03-10');
    expect(clock).toMatchObject({ kind: 'offerReply', dueOn: '2026-03-22', daysLeft: 12, state: 'open', count: 'natural', days: 20 });
  });

  it('runs the review clock 15 working days across 国庆 2025 when the tenant counts working days', () => {
    expect(autoEffect('2025-09-26', working).review.dueOn).toBe('2025-10-23');
    expect(autoEffect('2025-09-26', defaultContractSettings).review.dueOn).toBe('2025-10-11');
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

  it('starts an industry or regional filing clock at the passage of the draft, an enterprise one at signing', () => {
    const congress = { representativesTotal: 40, approve: 21, passed: true, failed: [], rule: 'sector' as const, recordedOn: '2026-03-02' };
    const passed = contract({ status: 'approved', congress });
    expect(openClocks(passed, defaultContractSettings, '2026-03-05')).toEqual([expect.objectContaining({ kind: 'filing', from: '2026-03-02', dueOn: '2026-03-12' })]);
    const signedLater = contract({ status: 'signed', congress, signedOn: '2026-03-09' });
    expect(filingClockStart(signedLater)).toBe('2026-03-02');
    expect(openClocks(signedLater, defaultContractSettings, '2026-03-13')[0]).toMatchObject({ kind: 'filing', dueOn: '2026-03-12', state: 'overdue' });
    const enterprise = contract({ type: 'comprehensive', status: 'signed', congress: { ...congress, present: 30, rule: 'enterprise' }, signedOn: '2026-03-09' });
    expect(filingClockStart(enterprise)).toBe('2026-03-09');
    expect(openClocks(contract({ type: 'comprehensive', status: 'approved', congress: { ...congress, present: 30, rule: 'enterprise' } }), defaultContractSettings, '2026-03-05')).toEqual([]);
  });

  it('shows publish, yearly performance-check, renewal-window and expiry clocks for an effective contract', () => {
    const kinds = openClocks(contract({ status: 'effective', effectiveOn: '2026-01-10' }), defaultContractSettings, '2026-01-12').map((c) => c.kind);
    expect(kinds).toEqual(['publish', 'performanceCheck', 'renewalWindow', 'expiry']);
  });
});

describe('the review period and the day a contract takes effect (Art. 45, 47)', () => {
  it('lets the bureau object on day 15 and makes the contract effective on day 16', () => {
    const { review, effectiveOn } = autoEffect('2026-03-02', defaultContractSettings);
    expect(review).toMatchObject({ from: '2026-03-02', dueOn: '2026-03-17', days: 15, count: 'natural' });
    expect(effectiveOn).toBe('2026-03-18');
  });

  it('takes effect on the calendar day after the 15th working day, even when that day is a 国庆 holiday', () => {
    // 09-11 … 09-30 hold 15 working days (Sunday 09-28 is worked); 10-01 is the first day of 国庆.
    expect(autoEffect('2025-09-10', working)).toMatchObject({ review: { dueOn: '2025-09-30', count: 'working' }, effectiveOn: '2025-10-01' });
    // Across the holiday: 15 working days from 09-26 end on 10-23; effective 10-24.
    expect(autoEffect('2025-09-26', working)).toMatchObject({ review: { dueOn: '2025-10-23' }, effectiveOn: '2025-10-24' });
  });

  it('takes effect on the calendar day after a review period ending on the 春节 make-up Saturday', () => {
    // 2026-01-27 … 2026-02-14 hold 15 working days (Saturday 02-14 is worked); 02-15 starts 春节.
    expect(autoEffect('2026-01-26', working)).toMatchObject({ review: { dueOn: '2026-02-14' }, effectiveOn: '2026-02-15' });
    expect(defaultCalendar.isWorkday('2026-02-15')).toBe(false); // a rest day: it takes effect all the same
  });

  it('moves the last review day past a holiday when natural days are extended (Art. 203), and takes effect the day after', () => {
    const extended = { ...defaultContractSettings, extendOnRestDay: true };
    expect(autoEffect('2025-09-16', extended)).toMatchObject({ review: { dueOn: '2025-10-09', extendedFrom: '2025-10-01' }, effectiveOn: '2025-10-10' });
  });

  it('shows the review clock with its last objection day and the day the contract takes effect', () => {
    const filed = contract({ status: 'filed', filing: { filedOn: '2026-03-02', dueOn: '2026-03-12', lateDays: 0 } });
    expect(openClocks(filed, defaultContractSettings, '2026-03-17')).toEqual([expect.objectContaining({ kind: 'review', dueOn: '2026-03-17', effectiveOn: '2026-03-18', state: 'due_today', daysLeft: 0 })]);
  });

  it('keeps a provisional mark when the review runs into a year without a notice', () => {
    expect(autoEffect('2026-12-22', working).review.provisional?.years).toEqual([2027]);
  });
});

describe('"within N days of X": day N is the last day in time, day N+1 is overdue', () => {
  const stateOn = (c: Contract, day: string, settings = defaultContractSettings) => openClocks(c, settings, day).map((k) => `${k.kind}:${k.state}:${k.daysLeft}`);
  const offer = contract({ status: 'offer_sent', offer: { sentOn: '2026-03-02', fromSide: 'worker' } });

  it('the 20-day reply clock (Art. 32): due on day 20, overdue on day 21', () => {
    expect(stateOn(offer, '2026-03-22')).toEqual(['offerReply:due_today:0']);
    expect(stateOn(offer, '2026-03-23')).toEqual(['offerReply:overdue:-1']);
  });

  it('the 10-day filing clock (Art. 42): a filing on day 10 is in time, on day 11 one day late', () => {
    const signed = contract({ type: 'comprehensive', status: 'signed', signedOn: '2026-03-02' });
    expect(stateOn(signed, '2026-03-12')).toEqual(['filing:due_today:0']);
    expect(stateOn(signed, '2026-03-13')).toEqual(['filing:overdue:-1']);
    expect(filingTimeliness('2026-03-02', '2026-03-12', defaultContractSettings).lateDays).toBe(0);
    expect(filingTimeliness('2026-03-02', '2026-03-13', defaultContractSettings).lateDays).toBe(1);
  });

  it('the 10-working-day filing clock over 春节 2026: day 10 is 03-02, 03-03 is late', () => {
    // From 02-10: 02-11, 02-12, 02-13, Saturday 02-14, 02-24 … 02-27, Saturday 02-28, 03-02 → 10 working days.
    expect(filingTimeliness('2026-02-10', '2026-03-02', working)).toMatchObject({ lateDays: 0, due: { dueOn: '2026-03-02' } });
    expect(filingTimeliness('2026-02-10', '2026-03-03', working).lateDays).toBe(1);
  });

  it('the 15-day vacancy clock (Art. 31): refilled on day 15 in time, day 16 one day late', () => {
    const gone = contract({
      status: 'negotiating',
      representatives: { worker: { members: [{ name: '甲', role: '主席' }, { name: '乙', role: '委员' }, { name: '丙', role: '委员' }], chiefIndex: 0, setOn: '2026-03-01', vacancies: [{ memberIndex: 1, name: '乙', vacatedOn: '2026-03-10', reason: '辞任', recordedOn: '2026-03-10' }] } },
    });
    expect(stateOn(gone, '2026-03-25')).toEqual(['repVacancy:due_today:0']);
    expect(stateOn(gone, '2026-03-26')).toEqual(['repVacancy:overdue:-1']);
    expect(vacancyLateness('2026-03-10', '2026-03-25', defaultContractSettings)).toMatchObject({ lateDays: 0, due: { dueOn: '2026-03-25' } });
    expect(vacancyLateness('2026-03-10', '2026-03-26', defaultContractSettings).lateDays).toBe(1);
  });

  it('the vacancy clock follows the tenant when it counts working days', () => {
    const workingVacancy = { ...defaultContractSettings, dayCount: { ...defaultContractSettings.dayCount, repVacancy: 'working' as const } };
    // From Friday 2025-09-26: 15 working days end on 10-23 (国庆 and the make-up days counted).
    expect(vacancyLateness('2025-09-26', '2025-10-23', workingVacancy).lateDays).toBe(0);
    expect(vacancyLateness('2025-09-26', '2025-10-24', workingVacancy)).toMatchObject({ lateDays: 1, due: { dueOn: '2025-10-23' } });
  });

  it('the publish clock (local, 10 days from taking effect): due on day 10, overdue on day 11', () => {
    const effective = contract({ status: 'effective', effectiveOn: '2026-03-18' });
    expect(stateOn(effective, '2026-03-28')[0]).toBe('publish:due_today:0');
    expect(stateOn(effective, '2026-03-29')[0]).toBe('publish:overdue:-1');
  });

  it('the term: in force through its last day, expired from the day after', () => {
    expect(termTransition('expiring', '2026-12-31', '2026-12-31')).toBeUndefined();
    expect(termTransition('expiring', '2026-12-31', '2027-01-01')).toBe('expired');
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
  type M = { name: string; role: string; outsider?: boolean; femaleCommitteeHead?: boolean; personRef?: string };
  const m = (n: number, outsiders = 0, prefix = '代表'): M[] => Array.from({ length: n }, (_, i) => ({ name: `${prefix}${i}`, role: '职工', outsider: i >= n - outsiders }));
  const s = defaultContractSettings;
  const side = (members: M[], extra: Partial<RepresentativeSide> = {}): RepresentativeSide => ({ members, chiefIndex: 0, setOn: '2026-01-01', ...extra });
  const check = (input: { side?: 'worker' | 'employer'; members: M[]; chiefIndex?: number; femaleCommittee?: boolean }, c: Partial<Contract> = {}) =>
    checkRepresentatives({ side: 'worker', chiefIndex: 0, ...input }, contract(c), s);
  const rule = (fn: () => unknown) => errorOf(fn).details.rule;

  it('needs at least 3 per side (Art. 19): 2 fails, 3 passes', () => {
    expect(errorOf(() => check({ members: m(2) }))).toMatchObject({ kind: 'invalid', details: { rule: 'min_size', field: 'members', article: '《集体合同规定》第十九条' } });
    expect(() => check({ members: m(3) })).not.toThrow();
  });
  it('never lets an outside expert be the chief (Art. 23), whichever index the chief has', () => {
    const e = errorOf(() => check({ members: m(3, 1), chiefIndex: 2 }));
    expect(e.details).toMatchObject({ rule: 'outsider_chief', field: 'chiefIndex', memberIndex: 2 });
    expect(e.text.zh).toContain('第二十三条');
    expect(e.text.en).toContain('Art. 23');
    expect(() => check({ members: m(3, 1), chiefIndex: 1 })).not.toThrow();
  });
  it('allows outsiders up to a third of the side: 1 of 3 and 2 of 6, not 2 of 5', () => {
    expect(() => check({ members: m(3, 1) })).not.toThrow();
    expect(() => check({ members: m(6, 2) })).not.toThrow();
    expect(rule(() => check({ members: m(5, 2) }))).toBe('outsider_share');
  });
  it('needs equal sizes on both sides', () => {
    expect(() => check({ side: 'employer', members: m(4, 0, '企') }, { representatives: { worker: side(m(3)) } })).toThrow(/对等/);
    expect(() => check({ side: 'employer', members: m(3, 0, '企') }, { representatives: { worker: side(m(3)) } })).not.toThrow();
  });

  describe('no cross-holding (Art. 24)', () => {
    const workers = side([{ name: '张伟', role: '主席' }, { name: '李娜', role: '委员' }, { name: '王芳', role: '委员', personRef: 'A-017' }]);
    const employer = (third: M) => [{ name: '赵总', role: '总经理' }, { name: '钱经理', role: '人事' }, third];
    it('rejects a person already on the other side, matching names across spaces and full-width letters', () => {
      const e = errorOf(() => check({ side: 'employer', members: employer({ name: '张 伟', role: '财务' }) }, { representatives: { worker: workers } }));
      expect(e.details).toMatchObject({ rule: 'cross_holding', memberIndex: 2, article: '《集体合同规定》第二十四条' });
      expect(e.text.zh).toContain('不得相互兼任');
    });
    it('checks whichever side is set second', () => {
      const emp = side(employer({ name: '李娜', role: '财务' }));
      expect(rule(() => check({ members: workers.members }, { representatives: { employer: emp } }))).toBe('cross_holding');
    });
    it('tells namesakes apart only when both carry a reference, and the references differ', () => {
      expect(() => check({ side: 'employer', members: employer({ name: '王芳', role: '财务', personRef: 'B-220' }) }, { representatives: { worker: workers } })).not.toThrow();
      expect(rule(() => check({ side: 'employer', members: employer({ name: '王芳', role: '财务', personRef: 'a-017' }) }, { representatives: { worker: workers } }))).toBe('cross_holding');
      expect(rule(() => check({ side: 'employer', members: employer({ name: '王芳', role: '财务' }) }, { representatives: { worker: workers } }))).toBe('cross_holding');
      expect(() => check({ side: 'employer', members: employer({ name: '王芳芳', role: '财务', personRef: 'A-017' }) }, { representatives: { worker: workers } })).not.toThrow();
    });
    it('ignores a seat the other side has vacated', () => {
      const vacated = { ...workers, vacancies: [{ memberIndex: 0, name: '张伟', vacatedOn: '2026-01-05', reason: '调离', recordedOn: '2026-01-05' }] };
      expect(() => check({ side: 'employer', members: employer({ name: '张伟', role: '财务' }) }, { representatives: { worker: vacated } })).not.toThrow();
    });
    it('rejects the same person twice on one side', () => {
      expect(errorOf(() => check({ members: [...m(3), { name: '代表1', role: '委员' }] })).details).toMatchObject({ rule: 'duplicate', memberIndex: 3 });
    });
  });

  describe("the 女职工委员会 head (local rules)", () => {
    const head = (i: number, over: Partial<M> = {}) => m(3).map((x, j) => (j === i ? { ...x, femaleCommitteeHead: true, ...over } : x));
    it('is required on the worker side where the union has the committee, and not otherwise', () => {
      const e = errorOf(() => check({ members: m(3), femaleCommittee: true }));
      expect(e.details).toMatchObject({ rule: 'female_head_required', field: 'members' });
      expect(e.text.zh).toContain('地方规定');
      expect(() => check({ members: head(1), femaleCommittee: true })).not.toThrow();
      expect(() => check({ members: m(3) })).not.toThrow();
    });
    it('is always required for a 女职工权益保护 special contract, but not for other special kinds', () => {
      const female = { type: 'special' as const, specialKind: 'female_workers' as const };
      expect(rule(() => check({ members: m(3) }, female))).toBe('female_head_required');
      expect(() => check({ members: head(2) }, female)).not.toThrow();
      expect(() => check({ members: m(3) }, { type: 'special', specialKind: 'wage' })).not.toThrow();
      expect(() => check({ side: 'employer', members: m(3, 0, '企') }, female)).not.toThrow();
    });
    it('sits on the worker side only, once, and is no outsider', () => {
      expect(rule(() => check({ side: 'employer', members: head(0) }))).toBe('female_head_side');
      expect(rule(() => check({ side: 'employer', members: m(3), femaleCommittee: true }))).toBe('female_committee_side');
      expect(rule(() => check({ members: head(0).map((x, j) => (j === 1 ? { ...x, femaleCommitteeHead: true } : x)) }))).toBe('female_head_unique');
      expect(rule(() => check({ members: head(2, { outsider: true }), femaleCommittee: true }))).toBe('female_head_outsider');
    });
  });
});

describe('congress vote', () => {
  describe('enterprise rule (综合性/专项, Art. 36)', () => {
    it('passes with exactly 2/3 present and more than half of all approving', () => {
      expect(congressOutcome(30, 20, 16)).toMatchObject({ rule: 'enterprise', passed: true, failed: [] });
    });
    it('fails quorum one short of 2/3 present', () => {
      expect(congressOutcome(30, 19, 16)).toMatchObject({ passed: false, failed: ['quorum'], quorumNeeded: 20 });
    });
    it('fails the majority with exactly half of all approving, even if most of those present approve', () => {
      expect(congressOutcome(30, 20, 15)).toMatchObject({ passed: false, failed: ['majority'], approveNeeded: 16 });
    });
    it('reports both failed conditions and rejects impossible counts', () => {
      expect(congressOutcome(9, 5, 4).failed).toEqual(['quorum', 'majority']);
      expect(() => congressOutcome(10, 11, 1)).toThrow();
      expect(() => congressOutcome(10, 5, 6)).toThrow();
    });
    it('needs the number present', () => {
      expect(errorOf(() => voteOutcome('enterprise', { representativesTotal: 30, approve: 16 })).details).toMatchObject({ field: 'present' });
    });
  });
  describe('sector rule (行业性/区域性)', () => {
    it('passes with more than half of ALL representatives approving and no attendance quorum', () => {
      expect(voteOutcome('sector', { representativesTotal: 31, approve: 16 })).toMatchObject({ rule: 'sector', passed: true, failed: [], approveNeeded: 16 });
      expect(voteOutcome('sector', { representativesTotal: 31, present: 17, approve: 16 })).toMatchObject({ passed: true });
      expect(voteOutcome('sector', { representativesTotal: 31, approve: 16 }).quorumNeeded).toBeUndefined();
    });
    it('fails with exactly half approving, naming the sector denominator', () => {
      const o = voteOutcome('sector', { representativesTotal: 30, approve: 15 });
      expect(o).toMatchObject({ passed: false, failed: ['majority'], approveNeeded: 16 });
      expect(voteFailureText(o).zh).toContain('参加企业');
    });
    it('rejects approvals above the total, or above those present when given', () => {
      expect(() => voteOutcome('sector', { representativesTotal: 30, approve: 31 })).toThrow();
      expect(() => voteOutcome('sector', { representativesTotal: 30, present: 10, approve: 11 })).toThrow();
    });
    it('applies per contract type', () => {
      expect([voteRuleOf('comprehensive'), voteRuleOf('special'), voteRuleOf('industry'), voteRuleOf('regional')]).toEqual(['enterprise', 'enterprise', 'sector', 'sector']);
    });
  });
});

describe('representative vacancies (Art. 31)', () => {
  const reps = (vacancies?: RepresentativeSide['vacancies']): Contract['representatives'] => ({
    worker: { members: [{ name: '甲', role: '主席' }, { name: '乙', role: '委员' }, { name: '丙', role: '委员' }], chiefIndex: 0, setOn: '2026-03-01', ...(vacancies ? { vacancies } : {}) },
    employer: { members: [{ name: '丁', role: '总经理' }, { name: '戊', role: '人事' }, { name: '己', role: '财务' }], chiefIndex: 0, setOn: '2026-03-01' },
  });
  const gone = [{ memberIndex: 1, name: '乙', vacatedOn: '2026-03-10', reason: '辞任', recordedOn: '2026-03-10' }];
  const rounds = [{ no: 1, heldOn: '2026-03-05', minutes: '', openIssues: [] }];

  it('runs a 15 natural-day clock from the vacancy for that side', () => {
    const clocks = openClocks(contract({ status: 'negotiating', representatives: reps(gone), rounds }), defaultContractSettings, '2026-03-20');
    expect(clocks).toEqual([expect.objectContaining({ kind: 'repVacancy', side: 'worker', from: '2026-03-10', dueOn: '2026-03-25', days: 15, count: 'natural', state: 'open', basis: '《集体合同规定》第三十一条' })]);
    expect(openClocks(contract({ status: 'negotiating', representatives: reps(gone), rounds }), defaultContractSettings, '2026-03-26')[0]?.state).toBe('overdue');
    expect(openClocks(contract({ status: 'negotiating', representatives: reps(), rounds }), defaultContractSettings, '2026-03-20')).toEqual([]);
    expect(openClocks(contract({ status: 'terminated', representatives: reps(gone), rounds }), defaultContractSettings, '2026-03-20')).toEqual([]);
  });
  it('blocks a round, the vote and signing with a 409 naming the vacancy, and offers the refill first', () => {
    const c = contract({ status: 'negotiating', representatives: reps(gone), rounds });
    expect(nextSteps(c)).toEqual(['representatives.set', 'representatives.vacate']);
    for (const step of ['rounds.add', 'congress.record'] as const) {
      const e = errorOf(() => assertStep(c, step));
      expect(e).toMatchObject({ kind: 'conflict', details: { reason: 'vacancy', expected: ['representatives.set'], vacancies: [{ side: 'worker', name: '乙', vacatedOn: '2026-03-10' }] } });
      expect(e.text.zh).toContain('第三十一条');
    }
    const approved = contract({ status: 'approved', representatives: reps(gone), rounds });
    expect(errorOf(() => assertStep(approved, 'sign')).details.reason).toBe('vacancy');
    expect(() => assertStep(approved, 'representatives.set')).not.toThrow();
    expect(() => assertStep(contract({ status: 'approved', representatives: reps(), rounds }), 'representatives.set')).toThrow();
  });
  it('keeps the ordinary order error when the step is out of order anyway', () => {
    expect(errorOf(() => assertStep(contract({ status: 'negotiating', representatives: reps(gone), rounds }), 'sign')).details.reason).toBe('out_of_order');
  });
  it('lets a seat be vacated only while the representatives act', () => {
    expect(nextSteps(contract({ status: 'approved', representatives: reps(), rounds }))).toEqual(['sign', 'representatives.vacate']);
    expect(nextSteps(contract({ status: 'signed', representatives: reps(), rounds }))).toEqual(['file']);
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

  it('is in force from taking effect until it expires or is terminated, and the expiring gauge nets out', () => {
    const c = contract();
    const path = [statusChangeMetrics(c, 'filed', 'effective'), statusChangeMetrics(c, 'effective', 'expiring'), statusChangeMetrics(c, 'expiring', 'expired')];
    expect(path[0]).toEqual(inForceMetrics(c, 1));
    expect(path[1]).toEqual({ 'contracts.expiring90': 1 });
    expect(path[2]).toEqual({ ...inForceMetrics(c, -1), 'contracts.expiring90': -1, 'contracts.expired': 1 });
    const net: Record<string, number> = {};
    for (const m of path) for (const [k, v] of Object.entries(m)) net[k] = (net[k] ?? 0) + v;
    expect(Object.entries(net).filter(([, v]) => v !== 0)).toEqual([['contracts.expired', 1]]);
    expect(statusChangeMetrics(c, 'effective', 'terminated')).toEqual({ ...inForceMetrics(c, -1), 'contracts.terminated': 1 });
    expect(statusChangeMetrics(c, 'filed', 'terminated')).toEqual({ 'contracts.terminated': 1 });
  });

  it('covers a unit on its first contract in force and uncovers it when the last one ends', () => {
    expect(unitCoverageMetrics(0, 1)).toEqual({ 'contracts.unitsCovered': 1 });
    expect(unitCoverageMetrics(1, 2)).toEqual({});
    expect(unitCoverageMetrics(2, 1)).toEqual({});
    expect(unitCoverageMetrics(1, 0)).toEqual({ 'contracts.unitsCovered': -1 });
  });

  it('dates a tick-driven change on the day it happened, never before the contract took effect', () => {
    const c = { term: { start: '2026-01-01', end: '2026-12-31' } };
    expect(changeDay(c, 'effective', '2026-01-20')).toBe('2026-01-20');
    expect(changeDay(c, 'expiring', '2026-01-20')).toBe('2026-10-02');
    expect(changeDay(c, 'expired', '2026-01-20')).toBe('2027-01-01'); // in force at the end of 2026, out in 2027
    expect(changeDay({ term: { start: '2025-01-01', end: '2025-12-31' } }, 'expired', '2026-02-01')).toBe('2026-02-01');
  });
});
