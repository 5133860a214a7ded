import { describe, expect, it } from 'vitest';
import { DomainError } from '@ufp/core/errors';
import { assertMayMark, conflictsOf, drawWorkNumbers, markableBy, panelFor, type Contestant, type DeclaredConflict } from './work-numbers.js';

/** A scripted "random" source that replays the given draws. */
const script = (...draws: number[]) => {
  let i = 0;
  return () => draws[i++ % draws.length]!;
};

describe('blind work numbers (加密号)', () => {
  it('draws a unique number of the pack’s digits for each contestant; judges see the numbers only, sorted', () => {
    const w = drawWorkNumbers(['c1', 'c2', 'c3'], { workNumberDigits: 4 }, new Set(), script(7000, 12, 7000, 500));
    expect(w.mapping).toEqual([
      { contestantId: 'c1', workNumber: '8000' },
      { contestantId: 'c2', workNumber: '1012' },
      { contestantId: 'c3', workNumber: '1500' },
    ]);
    expect(w.numbers).toEqual(['1012', '1500', '8000']);
  });

  it('skips numbers already taken in the 赛项', () => {
    expect(drawWorkNumbers(['c9'], { workNumberDigits: 3 }, new Set(['100']), script(0, 1)).mapping).toEqual([{ contestantId: 'c9', workNumber: '101' }]);
  });

  it('with the real random source, 900 three-digit numbers are all distinct and in range', () => {
    const ids = Array.from({ length: 900 }, (_, i) => `c${i}`);
    const w = drawWorkNumbers(ids, { workNumberDigits: 3 });
    expect(new Set(w.numbers).size).toBe(900);
    expect(w.numbers.every((n) => /^[1-9]\d{2}$/.test(n))).toBe(true);
  });

  it('refuses more contestants than numbers, and a contestant twice', () => {
    expect(() => drawWorkNumbers(Array.from({ length: 901 }, (_, i) => `c${i}`), { workNumberDigits: 3 })).toThrow(/最多 900 个/);
    expect(() => drawWorkNumbers(['c1'], { workNumberDigits: 3 }, new Set(Array.from({ length: 900 }, (_, i) => String(100 + i))))).toThrow(DomainError);
    expect(() => drawWorkNumbers(['c1', 'c1'], { workNumberDigits: 4 })).toThrow(/重复/);
  });
});

describe('judges’ conflicts', () => {
  const contestants: Contestant[] = [
    { contestantId: 'c1', unitId: 'u1' },
    { contestantId: 'c2', unitId: 'u2' },
    { contestantId: 'c3', unitId: 'u3' },
  ];
  const judge = { judgeId: 'j1', unitId: 'u1' };
  const declared: DeclaredConflict[] = [
    { judgeId: 'j1', contestantId: 'c2', reason: 'relative' },
    { judgeId: 'j2', contestantId: 'c3', reason: 'other' },
  ];

  it('keeps a judge from declared conflicts and from contestants of the own unit', () => {
    expect(conflictsOf(judge, contestants, declared)).toEqual([
      { judgeId: 'j1', contestantId: 'c2', reason: 'relative' },
      { judgeId: 'j1', contestantId: 'c1', reason: 'same_unit' },
    ]);
    expect(markableBy(judge, contestants, declared).map((c) => c.contestantId)).toEqual(['c3']);
    expect(markableBy({ judgeId: 'j3' }, contestants, declared)).toHaveLength(3);
  });

  it('the panel for a contestant leaves out judges in conflict with them', () => {
    const judges = [judge, { judgeId: 'j2', unitId: 'u9' }, { judgeId: 'j3' }];
    expect(panelFor(contestants[2]!, judges, declared).map((j) => j.judgeId)).toEqual(['j1', 'j3']);
    expect(panelFor(contestants[0]!, judges, declared).map((j) => j.judgeId)).toEqual(['j2', 'j3']);
  });

  it('refuses a recused judge’s mark without saying why (403)', () => {
    try {
      assertMayMark(judge, contestants[0]!, declared);
      expect.unreachable();
    } catch (e) {
      expect(e).toMatchObject({ kind: 'forbidden', text: { zh: '您须回避该作品，不能评分' } });
    }
    expect(() => assertMayMark(judge, contestants[2]!, declared)).not.toThrow();
  });
});
