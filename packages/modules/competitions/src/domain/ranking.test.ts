import { describe, expect, it } from 'vitest';
import { advancement, advancementPlaces, rank, rankingEntry, type RankingEntry } from './ranking.js';
import { ruleSettingsSchema } from './rule-pack.js';

const settings = ruleSettingsSchema.parse({});
const noCascade = { tieBreak: [] };
/** A contestant with a total in hundredths (× 10000 bp = units), a time and 实操 / 理论 hundredths. */
const e = (id: string, total: number, time?: number, practical?: number, theory?: number): RankingEntry => ({
  contestantId: id,
  totalUnits: total * 10000,
  completionSeconds: time,
  partHundredths: { ...(practical === undefined ? {} : { practical }), ...(theory === undefined ? {} : { theory }) },
});
const ranks = (r: ReturnType<typeof rank>) => r.map((x) => `${x.contestantId}:${x.rank}`);

describe('shared ranks', () => {
  it('equal totals share a rank and the next rank skips: 1, 2, 2, 4', () => {
    const r = rank([e('D', 7000), e('B', 8000), e('A', 9000), e('C', 8000)], noCascade);
    expect(ranks(r)).toEqual(['A:1', 'B:2', 'C:2', 'D:4']);
    expect(r[1]).toMatchObject({ sharedWith: ['C'], tie: { tiedOnTotalWith: ['C'], steps: [], shared: true } });
    expect(r[1]!.tie!.explanation).toEqual({ zh: '总分 80.00 与 C 相同；并列第 2 名', en: 'Total 80.00 equal to C; shares rank 2' });
    expect(r[0]!.tie).toBeNull();
  });

  it('totals that print the same but differ in exact units do not tie', () => {
    const r = rank([{ contestantId: 'A', totalUnits: 80_000_001, partHundredths: {} }, { contestantId: 'B', totalUnits: 80_000_000, partHundredths: {} }], noCascade);
    expect(ranks(r)).toEqual(['A:1', 'B:2']);
  });
});

describe('the tie-break cascade (用时 → 实操 → 理论)', () => {
  it('step 1, completion time: the faster of two equal totals ranks first, and says so', () => {
    const r = rank([e('A', 8550, 3600, 6000, 2550), e('B', 8550, 3125, 5900, 2650)], settings);
    expect(ranks(r)).toEqual(['B:1', 'A:2']);
    expect(r[0]!.tie).toMatchObject({ tiedOnTotalWith: ['A'], steps: [{ rule: 'completionTime', value: 3125 }], shared: false });
    expect(r[0]!.tie!.explanation.zh).toBe('总分 85.50 与 A 相同；按完成用时（少者在前）：52:05（3125 秒）');
    expect(r[1]!.tie!.explanation.en).toBe('Total 85.50 equal to B; by Completion time (shorter first): 1:00:00 (3600 s)');
  });

  it('step 2, 实操: the same time passes to the practical score', () => {
    const r = rank([e('A', 8550, 3600, 6000, 2550), e('B', 8550, 3600, 6100, 2450)], settings);
    expect(ranks(r)).toEqual(['B:1', 'A:2']);
    expect(r[0]!.tie!.steps).toEqual([{ rule: 'practical', value: 6100 }]);
    expect(r[0]!.tie!.explanation.zh).toBe('总分 85.50 与 A 相同；按实操成绩（高者在前）：61.00 分');
  });

  it('step 3, 理论: the same time and 实操 pass to theory', () => {
    const r = rank([e('A', 8550, 3600, 6000, 2550), e('B', 8550, 3600, 6000, 2560)], settings);
    expect(ranks(r)).toEqual(['B:1', 'A:2']);
    expect(r[1]!.tie!.steps).toEqual([{ rule: 'theory', value: 2550 }]);
  });

  it('equal after every step: the rank is shared, and the explanation says the cascade did not separate them', () => {
    const r = rank([e('X', 9000), e('A', 8550, 3600, 6000, 2550), e('B', 8550, 3600, 6000, 2550), e('C', 8000)], settings);
    expect(ranks(r)).toEqual(['X:1', 'A:2', 'B:2', 'C:4']);
    expect(r[2]!.tie).toMatchObject({ shared: true, steps: [] });
  });

  it('three equal totals: time separates A from B and C; 实操 then separates B from C', () => {
    const r = rank([e('C', 8000, 4000, 5000), e('B', 8000, 4000, 5100), e('A', 8000, 3000, 4000)], settings);
    expect(ranks(r)).toEqual(['A:1', 'B:2', 'C:3']);
    expect(r[0]!.tie!.steps.map((s) => s.rule)).toEqual(['completionTime']);
    expect(r[1]!.tie!.steps.map((s) => s.rule)).toEqual(['completionTime', 'practical']);
    expect(r[1]!.tie!.explanation.zh).toBe('总分 80.00 与 A、C 相同；按完成用时（少者在前）：1:06:40（4000 秒）；按实操成绩（高者在前）：51.00 分');
  });

  it('no completion time (did not finish) sorts after any time', () => {
    expect(ranks(rank([e('A', 8000, undefined, 9000), e('B', 8000, 5000, 1000)], settings))).toEqual(['B:1', 'A:2']);
  });

  it('the cascade is the pack setting: 实操 alone ignores time', () => {
    expect(ranks(rank([e('A', 8000, 100, 5000), e('B', 8000, 200, 5100)], { tieBreak: ['practical'] }))).toEqual(['B:1', 'A:2']);
  });

  it('refuses a contestant twice', () => {
    expect(() => rank([e('A', 1), e('A', 2)], settings)).toThrow(/两次/);
  });
});

describe('advancement to the next stage', () => {
  const field = rank([e('A', 9000), e('B', 8800), e('C', 8500), e('D', 8500), e('E', 8000), e('F', 7000)], noCascade);

  it('top 3 with two tied at the cut: both advance (4 go on)', () => {
    expect(advancement(field, { kind: 'topN', n: 3 })).toEqual({ places: 3, advancing: ['A', 'B', 'C', 'D'], tiedAtCut: ['D'], eliminated: ['E', 'F'] });
  });

  it('top 4 exactly at the tie: 4 go on, nobody extra; top 2: the tie below the cut stays out', () => {
    expect(advancement(field, { kind: 'topN', n: 4 })).toMatchObject({ advancing: ['A', 'B', 'C', 'D'], tiedAtCut: [] });
    expect(advancement(field, { kind: 'topN', n: 2 })).toMatchObject({ advancing: ['A', 'B'], tiedAtCut: [], eliminated: ['C', 'D', 'E', 'F'] });
  });

  it('top share, rounded down, at least one: 30% of 10 = 3, of 11 = 3, of 47 = 14; 5% of 3 = 1', () => {
    expect([10, 11, 47].map((n) => advancementPlaces({ kind: 'topShare', shareBp: 3000 }, n))).toEqual([3, 3, 14]);
    expect(advancementPlaces({ kind: 'topShare', shareBp: 500 }, 3)).toBe(1);
    expect(advancementPlaces({ kind: 'topN', n: 30 }, 12)).toBe(12);
    expect(advancementPlaces({ kind: 'topN', n: 30 }, 0)).toBe(0);
    expect(advancement(field, { kind: 'topShare', shareBp: 5000 })).toMatchObject({ places: 3, advancing: ['A', 'B', 'C', 'D'], tiedAtCut: ['D'] });
  });
});

describe('a ranking entry from a score', () => {
  it('adds parts of the same kind and keeps the exact total', () => {
    const part = (code: string, kind: 'theory' | 'practical', hundredths: number) => ({ code, kind, weightBp: 0, hundredths, aspects: [] });
    const score = { totalUnits: 80_000_000, parts: [part('t', 'theory', 7000), part('p1', 'practical', 8000), part('p2', 'practical', 9000)] };
    expect(rankingEntry('A', score, 3600)).toEqual({ contestantId: 'A', totalUnits: 80_000_000, completionSeconds: 3600, partHundredths: { theory: 7000, practical: 17000 } });
    expect(rankingEntry('A', score)).not.toHaveProperty('completionSeconds');
  });
});
