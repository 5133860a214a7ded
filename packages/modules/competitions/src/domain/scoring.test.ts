import { describe, expect, it } from 'vitest';
import { DomainError } from '@ufp/core/errors';
import { ruleSettingsSchema } from './rule-pack.js';
import type { Aspect, Part } from './scheme.js';
import { judgeSummaries } from './severity.js';
import { aspectScore, contestantScore, countedScores, judgeDeviations, marksText, roundHalfUp, type JudgeScore } from './scoring.js';

const settings = ruleSettingsSchema.parse({});
const name = (s: string) => ({ zh: s, en: s });
const marks100: Aspect = { code: 'm', kind: 'marks', name: name('实操'), maxHundredths: 10000 };
const judged: Aspect = { code: 'j', kind: 'judgement', name: name('工艺'), maxHundredths: 600, descriptors: ['不合格', '合格', '良好', '优秀'] };
const measured: Aspect = { code: 'x', kind: 'measurement', name: name('孔径'), maxHundredths: 400, unit: '0.01 mm', nominal: 1000, tolerance: 5 };
const judges = (...values: number[]): JudgeScore[] => values.map((value, i) => ({ judgeId: `J${i + 1}`, value }));

describe("a mark's panel score", () => {
  it('4 judges: all count (mean of 80, 85, 90, 95 = 87.50)', () => {
    const s = aspectScore(marks100, { aspectCode: 'm', scores: judges(8000, 8500, 9000, 9500) }, settings);
    expect(s).toEqual({ aspectCode: 'm', hundredths: 8750, dropped: null });
  });

  it('5 judges: the highest and the lowest are dropped (70 and 100 out; mean of 80, 85, 90 = 85)', () => {
    const s = aspectScore(marks100, { aspectCode: 'm', scores: judges(10000, 8000, 7000, 9000, 8500) }, settings);
    expect(s).toEqual({ aspectCode: 'm', hundredths: 8500, dropped: { low: 'J3', high: 'J1' } });
  });

  it('the number of judges that triggers the drop is the pack setting (4 when customised)', () => {
    expect(aspectScore(marks100, { aspectCode: 'm', scores: judges(8000, 8500, 9000, 9500) }, { dropHighLowMinJudges: 4 }).hundredths).toBe(8750);
    expect(countedScores(judges(8000, 8500, 9000, 9600), { dropHighLowMinJudges: 4 }).kept.map((k) => k.value)).toEqual([8500, 9000]);
  });

  it('among equal extremes the judge id decides which is dropped, whatever the entry order', () => {
    const a = countedScores(judges(2, 3, 3, 1, 1), settings);
    const b = countedScores([...judges(2, 3, 3, 1, 1)].reverse(), settings);
    expect(a.dropped).toEqual({ low: 'J4', high: 'J3' });
    expect(b.dropped).toEqual(a.dropped);
  });

  it('judgement 0–3: max × mean / 3, rounded half up once (6 marks, 2+2+3 → 4.67)', () => {
    expect(aspectScore(judged, { aspectCode: 'j', scores: judges(2, 2, 3) }, settings).hundredths).toBe(467);
    expect(aspectScore(judged, { aspectCode: 'j', scores: judges(3, 3, 3) }, settings).hundredths).toBe(600);
    expect(aspectScore(judged, { aspectCode: 'j', scores: judges(0, 0, 0) }, settings).hundredths).toBe(0);
  });

  it('refuses a judgement score of 4, a fraction, a mark over the maximum, a judge twice and no scores', () => {
    expect(() => aspectScore(judged, { aspectCode: 'j', scores: judges(2, 4, 3) }, settings)).toThrow(/0–3/);
    expect(() => aspectScore(judged, { aspectCode: 'j', scores: judges(2, 1.5, 3) }, settings)).toThrow(DomainError);
    expect(() => aspectScore(marks100, { aspectCode: 'm', scores: judges(10001) }, settings)).toThrow(/0 至 100 分/);
    expect(() => aspectScore(marks100, { aspectCode: 'm', scores: [{ judgeId: 'J1', value: 1 }, { judgeId: 'J1', value: 2 }] }, settings)).toThrow(/重复/);
    expect(() => aspectScore(marks100, { aspectCode: 'm', scores: [] }, settings)).toThrow(/尚无裁判评分/);
  });

  it('measurement: within the tolerance (inclusive) full marks, one unit beyond none', () => {
    expect(aspectScore(measured, { aspectCode: 'x', measured: 1005 }, settings)).toMatchObject({ hundredths: 400, withinTolerance: true });
    expect(aspectScore(measured, { aspectCode: 'x', measured: 995 }, settings)).toMatchObject({ hundredths: 400, withinTolerance: true });
    expect(aspectScore(measured, { aspectCode: 'x', measured: 1006 }, settings)).toMatchObject({ hundredths: 0, withinTolerance: false });
    expect(() => aspectScore(measured, { aspectCode: 'x', scores: judges(1) }, settings)).toThrow(/测量值/);
  });

  it('rounds half up', () => {
    expect([roundHalfUp(5, 2), roundHalfUp(7, 3), roundHalfUp(8, 3), roundHalfUp(0, 9)]).toEqual([3, 2, 3, 0]);
  });
});

describe('weighted totals', () => {
  const part = (code: string, kind: Part['kind'], weightBp: number, aspects: Aspect[]): Part => ({ code, kind, name: name(code), weightBp, aspects });
  const theory: Aspect = { ...marks100, code: 't', name: name('理论') };
  const practical: Aspect = { ...marks100, code: 'p', name: name('实操') };
  const defence: Aspect = { ...marks100, code: 'd', name: name('答辩') };

  it('30/70: 理论 80 and 实操 90.50 → 87.35, exact in units', () => {
    const scheme = { parts: [part('theory', 'theory', 3000, [theory]), part('practical', 'practical', 7000, [practical])] };
    const s = contestantScore(scheme, [{ aspectCode: 't', scores: judges(8000) }, { aspectCode: 'p', scores: judges(9050) }], settings);
    expect(s.parts.map((p) => p.hundredths)).toEqual([8000, 9050]);
    expect(s.totalUnits).toBe(87_350_000);
    expect(s.totalHundredths).toBe(8735);
    expect(marksText(s.totalHundredths)).toBe('87.35');
  });

  it('25/55/20 (理论/实操/答辩) weights each part (70.10, 80.70, 60.30 → 73.97)', () => {
    const scheme = { parts: [part('theory', 'theory', 2500, [theory]), part('practical', 'practical', 5500, [practical]), part('defence', 'defence', 2000, [defence])] };
    const inputs = [{ aspectCode: 't', scores: judges(7010) }, { aspectCode: 'p', scores: judges(8070) }, { aspectCode: 'd', scores: judges(6030) }];
    const s = contestantScore(scheme, inputs, settings);
    expect(s.totalUnits).toBe(7010 * 2500 + 8070 * 5500 + 6030 * 2000);
    expect(s.totalHundredths).toBe(7397);
  });

  it('30/70 of 33.30 and 66.60 is exactly 56.61 (the float sum is 56.609999999999985)', () => {
    const scheme = { parts: [part('theory', 'theory', 3000, [theory]), part('practical', 'practical', 7000, [practical])] };
    const s = contestantScore(scheme, [{ aspectCode: 't', scores: judges(3330) }, { aspectCode: 'p', scores: judges(6660) }], settings);
    expect(0.3 * 33.3 + 0.7 * 66.6).not.toBe(56.61);
    expect(s.totalUnits).toBe(56_610_000);
    expect(s.totalHundredths).toBe(5661);
  });

  it("a part sums its aspects' panel scores (measurement, judgement and marks together)", () => {
    const scheme = { parts: [part('practical', 'practical', 10000, [{ ...marks100, maxHundredths: 9000 }, measured, judged])] };
    const s = contestantScore(scheme, [{ aspectCode: 'm', scores: judges(8000, 7000, 9000) }, { aspectCode: 'x', measured: 1000 }, { aspectCode: 'j', scores: judges(3, 3, 2) }], settings);
    expect(s.parts[0]!.hundredths).toBe(8000 + 400 + 533);
  });

  it('refuses a total while an aspect is unmarked', () => {
    const scheme = { parts: [part('theory', 'theory', 3000, [theory]), part('practical', 'practical', 7000, [practical])] };
    expect(() => contestantScore(scheme, [{ aspectCode: 't', scores: judges(8000) }], settings)).toThrow(/尚未评分/);
  });
});

describe('judges who stray from the panel', () => {
  it('judgement: 2 points from the others’ median is flagged, exactly 1 point (the limit) is not', () => {
    const d = judgeDeviations(judged, judges(2, 2, 2, 3, 0), settings);
    expect(d.map((x) => [x.judgeId, x.flagged, x.deviationBp])).toEqual([
      ['J1', false, 0],
      ['J2', false, 0],
      ['J3', false, 0],
      ['J4', false, 3333],
      ['J5', true, -6667],
    ]);
  });

  it('marks: the spread limit is a share of the maximum (15% of 100 marks: 15.00 off passes, 15.01 is flagged)', () => {
    const at = judgeDeviations(marks100, judges(8000, 8000, 8000, 9500), settings);
    expect(at[3]).toMatchObject({ flagged: false, deviationBp: 1500 });
    const over = judgeDeviations(marks100, judges(8000, 8000, 8000, 9501), settings);
    expect(over[3]).toMatchObject({ flagged: true, deviationBp: 1501 });
    expect(judgeDeviations(marks100, judges(8000, 8000, 8000, 9501), { ...settings, marksSpreadMaxBp: 2000 })[3]!.flagged).toBe(false);
  });

  it('with fewer than 3 judges, or on a measurement, nobody is flagged', () => {
    expect(judgeDeviations(judged, judges(0, 3), settings)).toEqual([]);
    expect(judgeDeviations(measured, judges(0, 3, 3), settings)).toEqual([]);
  });

  it('summarises each judge over many marks: flags and leniency', () => {
    const all = [...judgeDeviations(judged, judges(2, 2, 2, 3, 0), settings), ...judgeDeviations(judged, judges(1, 1, 1, 2, 0), settings)];
    expect(judgeSummaries(all).find((s) => s.judgeId === 'J5')).toEqual({ judgeId: 'J5', marks: 2, flagged: 1, meanDeviationBp: -5000 });
    expect(judgeSummaries(all).find((s) => s.judgeId === 'J4')).toEqual({ judgeId: 'J4', marks: 2, flagged: 0, meanDeviationBp: 3333 });
  });
});
