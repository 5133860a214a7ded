import { describe, expect, it } from 'vitest';
import { gradeAbove, honoursFor, type Finalist, type HonourContext } from './honours.js';
import type { RankedEntry } from './ranking.js';
import { customise, enterprisePack, provinceClass1Pack, type HonourRule } from './rule-pack.js';

const ranked = (n: number): RankedEntry[] => Array.from({ length: n }, (_, i) => ({ contestantId: `c${i + 1}`, rank: i + 1, totalUnits: 0, sharedWith: [], tie: null }));
const finalists = (n: number, grade: Finalist['skillGrade'] = 'grade3'): Finalist[] => Array.from({ length: n }, (_, i) => ({ contestantId: `c${i + 1}`, personId: `p${i + 1}`, birthDate: '1990-01-01', skillGrade: grade }));
const ctx: HonourContext = { competitionClass: 'provincial', tradeCode: 'crane_operator', referenceDate: '2026-06-01' };

describe('honours from final ranks (省一类竞赛规则)', () => {
  const out = honoursFor(ranked(22), finalists(22), provinceClass1Pack.settings, ctx);

  it('1st: 省五一劳动奖章 and 省技术能手 recommendations; 2nd–5th: 省技术能手', () => {
    expect(out[0]).toEqual({
      personId: 'p1',
      rank: 1,
      tradeCode: 'crane_operator',
      competitionClass: 'provincial',
      recommendations: [
        { honourCode: 'provincial_may_day_medal', level: 'provincial' },
        { honourCode: 'provincial_skills_expert', level: 'provincial' },
      ],
    });
    expect(out[4]).toMatchObject({ rank: 5, recommendations: [{ honourCode: 'provincial_skills_expert' }] });
    expect(out[4]!.skillGradeUp).toBeUndefined();
  });

  it('6th–20th: one skill grade up (高级工 → 技师); 21st and below: nothing', () => {
    expect(out[5]).toMatchObject({ rank: 6, recommendations: [], skillGradeUp: { from: 'grade3', to: 'grade2' } });
    expect(out.map((o) => o.rank).at(-1)).toBe(20);
    expect(out).toHaveLength(20);
  });

  it('carries ids, rank, trade and levels only: no birth date or name', () => {
    expect(Object.keys(out[5]!).sort()).toEqual(['competitionClass', 'personId', 'rank', 'recommendations', 'skillGradeUp', 'tradeCode']);
  });

  it('a shared 5th both get 技术能手', () => {
    const r = ranked(6);
    r[5] = { ...r[5]!, rank: 5 };
    expect(honoursFor(r, finalists(6), provinceClass1Pack.settings, ctx).filter((o) => o.recommendations.length).map((o) => o.personId)).toEqual(['p1', 'p2', 'p3', 'p4', 'p5', 'p6']);
  });

  it('enterprise rules give no honours', () => {
    expect(honoursFor(ranked(3), finalists(3), enterprisePack.settings, ctx)).toEqual([]);
  });
});

describe('rule conditions', () => {
  const youth: HonourRule = { fromRank: 1, toRank: 3, maxAge: 35, award: { kind: 'recommendation', honourCode: 'youth_post_expert', level: 'city', name: { zh: '青年岗位能手', en: 'Youth Post Expert' } } };
  const class1Only: HonourRule = { fromRank: 1, toRank: 1, classes: ['national_class1'], award: { kind: 'recommendation', honourCode: 'national_may_day_medal', level: 'national', name: { zh: '全国五一劳动奖章', en: 'National May Day Labour Medal' } } };
  const rules = customise(enterprisePack, { honours: [youth, class1Only] }).settings;

  it('an age-limited honour: exactly 35 at the reference date qualifies, 36 does not', () => {
    const f: Finalist[] = [
      { contestantId: 'c1', personId: 'p1', birthDate: '1991-06-01', skillGrade: 'grade3' },
      { contestantId: 'c2', personId: 'p2', birthDate: '1990-06-01', skillGrade: 'grade3' },
    ];
    expect(honoursFor(ranked(2), f, rules, ctx).map((o) => o.personId)).toEqual(['p1']);
  });

  it('a rule for some competition classes only', () => {
    expect(honoursFor(ranked(1), finalists(1), rules, ctx)).toEqual([]);
    expect(honoursFor(ranked(1), finalists(1), rules, { ...ctx, competitionClass: 'national_class1' })[0]!.recommendations).toEqual([{ honourCode: 'national_may_day_medal', level: 'national' }]);
  });

  it('grade up: 无 → 初级工, and none above 首席技师', () => {
    expect(gradeAbove('none')).toBe('grade5');
    expect(gradeAbove('grade1')).toBe('special');
    expect(gradeAbove('chief')).toBeUndefined();
    const up = customise(enterprisePack, { honours: [{ fromRank: 1, toRank: 1, award: { kind: 'skillGradeUp' } }] }).settings;
    expect(honoursFor(ranked(1), finalists(1, 'chief'), up, ctx)).toEqual([]);
  });
});
