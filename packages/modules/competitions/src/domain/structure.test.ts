import { describe, expect, it } from 'vitest';
import { assertStages, competitionSchema, finalStage, stageAfter, stageProblems, type Stage } from './structure.js';
import { customise, provinceClass1Pack } from './rule-pack.js';

const s = (kind: Stage['kind'], day: number, advancement?: Stage['advancement']): Stage => ({ kind, startsAt: `2026-0${day}-01T00:00:00.000Z`, ...(advancement ? { advancement } : {}) });

describe('stages of a 赛项', () => {
  const full = [s('audition', 3, { kind: 'topShare', shareBp: 3000 }), s('training', 4), s('preliminary', 5, { kind: 'topN', n: 30 }), s('semifinal', 6, { kind: 'topN', n: 12 }), s('final', 7)];

  it('海选 → 培训 → 预赛 → 复赛 → 决赛, each scored stage but the last with an advancement rule', () => {
    expect(stageProblems(full)).toEqual([]);
    expect(stageAfter({ stages: full }, 'preliminary')?.kind).toBe('semifinal');
    expect(stageAfter({ stages: full }, 'final')).toBeUndefined();
    expect(finalStage({ stages: full })?.kind).toBe('final');
    expect(stageProblems([s('final', 7)])).toEqual([]);
  });

  it('refuses stages out of order or twice, a cut after the last stage or at training, a missing cut', () => {
    expect(stageProblems([s('final', 7), s('preliminary', 8)]).map((p) => p.zh)).toContain('「预赛」须排在「决赛」之后且不重复');
    expect(stageProblems([s('preliminary', 5, { kind: 'topN', n: 3 }), s('final', 4)]).map((p) => p.zh)).toEqual(['「决赛」开始时间早于上一阶段']);
    expect(stageProblems([s('final', 7, { kind: 'topN', n: 3 })])[0]!.zh).toBe('最后一个阶段「决赛」没有晋级');
    expect(stageProblems([s('training', 4, { kind: 'topN', n: 3 }), s('final', 7)])[0]!.zh).toBe('培训阶段不评分、不设晋级');
    expect(stageProblems([s('preliminary', 5), s('final', 7)])[0]!.zh).toBe('「预赛」须设晋级规则（前 N 名或前百分比）');
    expect(() => assertStages([])).toThrow(/至少需要一个阶段/);
  });
});

describe('a competition', () => {
  it('keeps the pack it picked and its customised settings', () => {
    const c = competitionSchema.parse({
      competitionId: 'c1',
      tenantId: 't1',
      name: { zh: '2026 工匠杯', en: '2026 Craftsman Cup' },
      class: 'provincial',
      year: 2026,
      rules: customise(provinceClass1Pack, { protestWindowMinutes: 60 }),
      version: 1,
    });
    expect(c.rules).toMatchObject({ packCode: 'province-class1', settings: { protestWindowMinutes: 60, theoryWeightMaxBp: 3000 } });
  });
});
