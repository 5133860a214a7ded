import { describe, expect, it } from 'vitest';
import { defaultCalendar } from '@ufp/core/calendar/calendar';
import { refusalOf } from '@ufp/core/errors';
import type { TenantScope } from '@ufp/core/tenancy/scope';
import { aNegotiatingContract } from '../../test/fixtures.js';
import { checkSkillGradeWages, checkTypeClauses, clauseChanges, clauseFits, normalClauses } from './clauses.js';
import { defaultContractSettings, type Contract, type SkillGradeWage } from './contract.js';
import { addRound, recordCongress, type StepContext } from './steps.js';

const scope: TenantScope = { kind: 'tenant', tenantId: 't', divisionCode: '321281', actor: { sub: 'u1', roles: ['federation_staff'] } };
const FLOOR = 249_000;
const on = (today: string, minimumWageFen: number | undefined = FLOOR): StepContext => ({ now: new Date(`${today}T02:00:00Z`), today, scope, settings: { ...defaultContractSettings, minimumWageFen }, calendar: defaultCalendar });
const errorOf = (fn: () => unknown) => refusalOf(fn)!;
const steps = (...fen: number[]): SkillGradeWage[] => (['junior', 'intermediate', 'senior', 'technician', 'senior_technician'] as const).slice(0, fen.length).map((grade, i) => ({ grade, monthlyFen: fen[i]! }));

const wageSpecial = { type: 'special' as const, specialKind: 'wage' as const };
const negotiating = (over: Partial<Contract> = {}): Contract => aNegotiatingContract({ ...wageSpecial, scope: undefined, ...over });
const round = (no: number, amendments?: Partial<Contract['clauses']>) => ({ contractId: 'c1', heldOn: `2026-03-0${no}`, minutes: `第${no}轮`, openIssues: [], amendments });
const vote = { contractId: 'c1', heldOn: '2026-03-09', representativesTotal: 45, present: 41, approve: 39 };

describe('type-specific clauses go on their type only', () => {
  it('女职工 protections fit a 女职工权益保护 contract and are refused on a 综合性 one, naming the field and the type', () => {
    const clauses = { femaleProtections: { items: ['pregnancy' as const] } };
    expect(() => checkTypeClauses({ type: 'special', specialKind: 'female_workers' }, clauses, 'clauses')).not.toThrow();
    const e = errorOf(() => checkTypeClauses({ type: 'comprehensive' }, clauses, 'clauses'));
    expect(e).toMatchObject({ kind: 'invalid', details: { field: 'clauses.femaleProtections', reason: 'clause_not_for_type', type: 'comprehensive' } });
    expect(e.text.zh).toBe('「女职工特殊保护」只适用于女职工权益保护专项集体合同，本合同为综合性集体合同');
    expect(e.text.en).toContain('comprehensive');
  });

  it('能级工资 steps fit 工资专项 and 能级工资 contracts, not another special kind nor an industry contract', () => {
    expect(clauseFits({ type: 'special', specialKind: 'wage' }, 'skillGradeWages')).toBe(true);
    expect(clauseFits({ type: 'special', specialKind: 'skill_level_wage' }, 'skillGradeWages')).toBe(true);
    expect(clauseFits({ type: 'special', specialKind: 'safety' }, 'skillGradeWages')).toBe(false);
    expect(clauseFits({ type: 'industry' }, 'skillGradeWages')).toBe(false);
    expect(clauseFits({ type: 'industry' }, 'minimumWageFen')).toBe(true); // the common clauses fit every contract
  });

  it('safety items fit a 劳动安全卫生 contract only; in a round the refusal names the amendment', () => {
    expect(clauseFits({ type: 'special', specialKind: 'safety' }, 'safetyItems')).toBe(true);
    expect(clauseFits({ type: 'special', specialKind: 'female_workers' }, 'safetyItems')).toBe(false);
    const e = errorOf(() => addRound(negotiating(), round(1, { safetyItems: ['高温作业防护'] }), on('2026-03-09')));
    expect(e).toMatchObject({ kind: 'invalid', details: { field: 'amendments.safetyItems', specialKind: 'wage' } });
  });
});

describe('能级工资 steps', () => {
  it('equal neighbouring steps pass; one fen less at a higher grade is refused naming both grades', () => {
    expect(checkSkillGradeWages(steps(FLOOR, FLOOR, 300_000), undefined, { minimumWageFen: FLOOR })).toHaveLength(3);
    const e = errorOf(() => checkSkillGradeWages(steps(FLOOR, 300_000, 299_999), undefined, { minimumWageFen: FLOOR }));
    expect(e).toMatchObject({ kind: 'invalid', details: { field: 'clauses.skillGradeWages', grade: 'senior', reason: 'decreasing_step' } });
    expect(e.text.zh).toBe('能级工资不得随等级提高而降低：「高级工」2999.99 元低于「中级工」3000.00 元');
  });

  it('the order given does not matter: steps are read and stored lowest grade first', () => {
    const given: SkillGradeWage[] = [{ grade: 'technician', monthlyFen: 500_000 }, { grade: 'junior', monthlyFen: 260_000 }];
    expect(checkSkillGradeWages(given, undefined, {}).map((s) => s.grade)).toEqual(['junior', 'technician']);
    expect(normalClauses({ skillGradeWages: given }).skillGradeWages!.map((s) => s.grade)).toEqual(['junior', 'technician']);
    const inverted: SkillGradeWage[] = [{ grade: 'technician', monthlyFen: 260_000 }, { grade: 'junior', monthlyFen: 500_000 }];
    expect(errorOf(() => checkSkillGradeWages(inverted, undefined, {})).details).toMatchObject({ reason: 'decreasing_step', grade: 'technician' });
  });

  it('a grade listed twice is refused', () => {
    const twice: SkillGradeWage[] = [{ grade: 'senior', monthlyFen: 300_000 }, { grade: 'senior', monthlyFen: 300_000 }];
    expect(errorOf(() => checkSkillGradeWages(twice, undefined, {})).details).toMatchObject({ reason: 'duplicate_grade', grade: 'senior' });
  });

  it('the lowest step may equal the local minimum wage but not fall one fen below it (劳动合同法 Art. 55)', () => {
    expect(() => checkSkillGradeWages(steps(FLOOR), undefined, { minimumWageFen: FLOOR })).not.toThrow();
    const e = errorOf(() => checkSkillGradeWages(steps(FLOOR - 1, 300_000), undefined, { minimumWageFen: FLOOR }));
    expect(e).toMatchObject({ kind: 'invalid', details: { field: 'clauses.skillGradeWages', grade: 'junior', article: '劳动合同法第五十五条' } });
    expect(e.text.zh).toMatch(/^能级工资最低档「初级工」：最低工资条款 2489\.99 元低于当地最低工资标准 2490\.00 元/);
    expect(() => checkSkillGradeWages(steps(1), undefined, {})).not.toThrow(); // no local minimum configured
  });

  it("the lowest step may equal the contract's own minimum-wage clause but not fall below it", () => {
    expect(() => checkSkillGradeWages(steps(260_000), 260_000, {})).not.toThrow();
    expect(errorOf(() => checkSkillGradeWages(steps(259_999), 260_000, {})).details).toMatchObject({ reason: 'below_contract_minimum', grade: 'junior' });
  });
});

describe('type-specific clauses across rounds', () => {
  it('a round changes the steps: the diff is by content, the same steps again are no change', () => {
    const s = steps(260_000, 300_000);
    expect(clauseChanges({ skillGradeWages: s }, { skillGradeWages: steps(260_000, 300_000) })).toEqual([]);
    const d = addRound(negotiating({ clauses: { minimumWageFen: FLOOR, skillGradeWages: s } }), round(1, { skillGradeWages: steps(260_000, 320_000) }), on('2026-03-09'));
    expect(d.after.rounds[0]!.amendments).toEqual([{ clause: 'skillGradeWages', from: s, to: steps(260_000, 320_000) }]);
    expect(d.after.history.at(-1)!.note).toContain('能级工资标准');
  });

  it('a round cannot agree steps below the floor nor falling with the grade', () => {
    expect(errorOf(() => addRound(negotiating(), round(1, { skillGradeWages: steps(FLOOR - 1) }), on('2026-03-09'))).details).toMatchObject({ field: 'clauses.skillGradeWages' });
    expect(errorOf(() => addRound(negotiating(), round(1, { skillGradeWages: steps(300_000, 290_000) }), on('2026-03-09'))).details).toMatchObject({ reason: 'decreasing_step' });
  });

  it('the vote re-checks the steps on the version put to it: a local minimum raised above the lowest step blocks the vote (409)', () => {
    // No minimum-wage clause of its own: the steps are the contract's wage floor.
    const drafted = addRound(negotiating({ clauses: { wageGrowthPct: 5 } }), round(1, { skillGradeWages: steps(FLOOR, 300_000) }), on('2026-03-09')).after;
    const raised = on('2026-03-09', 255_000); // the local minimum wage went up after the round
    const blocked = errorOf(() => recordCongress(drafted, vote, raised));
    expect(blocked).toMatchObject({ kind: 'conflict', details: { reason: 'below_legal_floor', field: 'clauses.skillGradeWages', grade: 'junior' } });
    expect(blocked.text.zh).toMatch(/^草案不能提交职代会审议：能级工资最低档「初级工」/);
    const amended = addRound(drafted, round(2, { skillGradeWages: steps(255_000, 300_000) }), raised).after;
    expect(recordCongress(amended, vote, raised).after.status).toBe('approved');
  });
});
