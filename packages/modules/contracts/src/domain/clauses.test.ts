import { describe, expect, it } from 'vitest';
import { defaultCalendar } from '@ufp/core/calendar/calendar';
import { refusalOf } from '@ufp/core/errors';
import type { TenantScope } from '@ufp/core/tenancy/scope';
import { checkDraftForVote, clauseChanges } from './clauses.js';
import { aNegotiatingContract } from '../../test/fixtures.js';
import { defaultContractSettings, type Contract } from './contract.js';
import { addRound, recordCongress, type StepContext } from './steps.js';

const scope: TenantScope = { kind: 'tenant', tenantId: 't', divisionCode: '321281', actor: { sub: 'u1', roles: ['federation_staff'] } };
const FLOOR = 249_000;
const on = (today: string, minimumWageFen: number | undefined = FLOOR): StepContext => ({ now: new Date(`${today}T02:00:00Z`), today, scope, settings: { ...defaultContractSettings, minimumWageFen }, calendar: defaultCalendar });
const errorOf = (fn: () => unknown) => refusalOf(fn)!;
const negotiating = aNegotiatingContract;
const round = (no: number, amendments?: Partial<Contract['clauses']>) => ({ contractId: 'c1', heldOn: `2026-03-0${no}`, minutes: `第${no}轮`, openIssues: [], amendments });

describe('clauses change across rounds', () => {
  it('a change lists only the clauses whose value differs, from → to, a new clause without a from', () => {
    expect(clauseChanges({ wageGrowthPct: 5, minimumWageFen: FLOOR }, { wageGrowthPct: 5, minimumWageFen: 260_000, leave: '年休假10天' })).toEqual([
      { clause: 'minimumWageFen', from: FLOOR, to: 260_000 },
      { clause: 'leave', to: '年休假10天' },
    ]);
    expect(clauseChanges({ wageGrowthPct: 5 }, undefined)).toEqual([]);
    expect(clauseChanges({ wageGrowthPct: 5 }, {})).toEqual([]);
  });

  it('round 2 amends the wage clause: the contract holds the new version, the round the diff, the history says which', () => {
    const r1 = addRound(negotiating(), round(1), on('2026-03-09')).after;
    const d = addRound(r1, round(2, { wageGrowthPct: 6.5, minimumWageFen: 260_000 }), on('2026-03-09'));
    expect(d.after.clauses).toEqual({ wageGrowthPct: 6.5, minimumWageFen: 260_000 });
    expect(d.after.rounds[1]!.amendments).toEqual([{ clause: 'wageGrowthPct', from: 5, to: 6.5 }, { clause: 'minimumWageFen', from: FLOOR, to: 260_000 }]);
    expect(d.after.rounds[0]!.amendments).toBeUndefined();
    expect(d.after.history.at(-1)!.note).toBe('第2轮协商，修改条款 2 项（工资增长幅度（%）、最低工资（元/月）），待议事项 0 项');
  });

  it('a round cannot agree a wage below the floor (at the floor is fine); the refusal names the clause and the law', () => {
    const below = errorOf(() => addRound(negotiating(), round(1, { minimumWageFen: FLOOR - 1 }), on('2026-03-09')));
    expect(below).toMatchObject({ kind: 'invalid', details: { field: 'clauses.minimumWageFen', article: '劳动合同法第五十五条' } });
    expect(addRound(negotiating({ clauses: { minimumWageFen: 260_000 } }), round(1, { minimumWageFen: FLOOR }), on('2026-03-09')).after.clauses.minimumWageFen).toBe(FLOOR);
  });

  it('the vote re-checks the floors on the draft as the rounds left it: a floor raised since blocks it until a round amends the clause', () => {
    const drafted = addRound(negotiating(), round(1), on('2026-03-09')).after;
    const vote = { contractId: 'c1', heldOn: '2026-03-09', representativesTotal: 45, present: 41, approve: 39 }; // an industry draft: a majority of all
    const raised = on('2026-03-09', 262_000); // the local minimum wage went up after the draft was agreed
    const blocked = errorOf(() => recordCongress(drafted, vote, raised));
    expect(blocked).toMatchObject({ kind: 'conflict', details: { reason: 'below_legal_floor', field: 'clauses.minimumWageFen', minimumWageFen: 262_000 } });
    expect(blocked.text.zh).toMatch(/^草案不能提交职代会审议：最低工资条款 2490\.00 元低于当地最低工资标准 2620\.00 元/);
    const amended = addRound(drafted, round(2, { minimumWageFen: 262_000 }), raised).after;
    expect(recordCongress(amended, vote, raised).after.status).toBe('approved');
    expect(() => checkDraftForVote({ minimumWageFen: 262_000 }, { minimumWageFen: 262_000 })).not.toThrow();
    expect(() => checkDraftForVote({}, { minimumWageFen: 262_000 })).not.toThrow(); // no wage clause, no floor to meet
  });
});
