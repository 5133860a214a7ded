import { describe, expect, it } from 'vitest';
import { honoursFor } from './honours.js';
import { prizesFor, totalFen } from './prizes.js';
import { finalise, finalResultHash, publishProvisional, verifyFinalResults } from './protest.js';
import { stageResults } from './results.js';
import { enterprisePack, provinceClass1Pack } from './rule-pack.js';
import type { Scheme } from './scheme.js';

const name = (s: string) => ({ zh: s, en: s });
/** 理论 30% (one computer-marked paper) / 实操 70% (judged marks 90 + a measured dimension 10). */
const scheme: Scheme = {
  schemeId: 's1',
  competitionId: 'c1',
  eventId: 'e1',
  startsAt: '2026-06-01T01:00:00.000Z',
  parts: [
    { code: 'theory', kind: 'theory', name: name('理论'), weightBp: 3000, aspects: [{ code: 'paper', kind: 'marks', name: name('试卷'), maxHundredths: 10000 }] },
    {
      code: 'practical',
      kind: 'practical',
      name: name('实操'),
      weightBp: 7000,
      timeLimitMinutes: 120,
      aspects: [
        { code: 'work', kind: 'marks', name: name('作品'), maxHundredths: 9000 },
        { code: 'bore', kind: 'measurement', name: name('孔径'), maxHundredths: 1000, unit: '0.01 mm', nominal: 2000, tolerance: 2 },
      ],
    },
  ],
};
const panel = (...v: number[]) => v.map((value, i) => ({ judgeId: `J${i + 1}`, value }));
const entry = (id: string, paper: number, work: number[], bore: number, completionSeconds?: number) => ({
  contestantId: id,
  inputs: [{ aspectCode: 'paper', scores: panel(paper) }, { aspectCode: 'work', scores: panel(...work) }, { aspectCode: 'bore', measured: bore }],
  completionSeconds,
});

describe('a final, end to end: marks → ranks → prizes, honours, sealed results', () => {
  const marks = [
    entry('A', 8000, [8000, 8500, 9000, 7000, 8800], 2001, 5400),
    entry('B', 9000, [8000, 8200, 8100, 8300, 8400], 2003, 5000),
    entry('C', 8000, [8000, 8500, 9000, 7100, 8800], 2001, 5000),
    entry('D', 7000, [6000, 6000, 6000], 2000),
  ];
  const results = stageResults(scheme, 'final', marks, enterprisePack.settings);

  it('drops high/low on the 5-judge work mark, scores the measurement by tolerance, weights 30/70 and breaks the A/C tie on time', () => {
    // A: work (8000+8500+8800)/3 = 8433, bore 1000 → 实操 9433; total 8000×0.3 + 9433×0.7 = 9003.1 → 90.03
    // C: the same counted marks (7100 dropped instead of 7000) → the same total; C was faster.
    // B: work 8200, bore out of tolerance → 实操 8200; total 9000×0.3 + 8200×0.7 = 84.40. D: 3 judges, nothing dropped: 70.00.
    expect(results.lines.map((l) => [l.contestantId, l.rank, l.totalHundredths])).toEqual([
      ['C', 1, 9003],
      ['A', 2, 9003],
      ['B', 3, 8440],
      ['D', 4, 7000],
    ]);
    expect(results.lines[0]!.tie!.steps).toEqual([{ rule: 'completionTime', value: 5000 }]);
    expect(results.lines[0]!.parts).toEqual([{ code: 'theory', hundredths: 8000 }, { code: 'practical', hundredths: 9433 }]);
  });

  it('pays prizes, derives honours and seals the results with a hash that detects a change', () => {
    expect(totalFen(prizesFor(results.lines, enterprisePack.settings.prizes))).toBe(10_000_000 + 5_000_000 + 3_000_000 + 2_000_000);
    const finalists = results.lines.map((l) => ({ contestantId: l.contestantId, personId: `p-${l.contestantId}`, birthDate: '1990-01-01', skillGrade: 'grade3' as const }));
    const honours = honoursFor(results.lines, finalists, provinceClass1Pack.settings, { competitionClass: 'provincial', tradeCode: 'fitter', referenceDate: '2026-06-01' });
    expect(honours[0]).toMatchObject({ personId: 'p-C', rank: 1, recommendations: [{ honourCode: 'provincial_may_day_medal' }, { honourCode: 'provincial_skills_expert' }] });
    const provisional = publishProvisional(new Date('2026-06-01T10:00:00.000Z'), enterprisePack.settings);
    const final = finalise(provisional, [], results, new Date('2026-06-01T12:00:00.001Z'));
    expect(final.hash).toBe(finalResultHash(results));
    expect(verifyFinalResults(final, { ...results, lines: results.lines.slice(1) })).toBe(false);
  });
});
