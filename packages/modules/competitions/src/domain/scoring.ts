import { invalid } from '@ufp/core/errors';
import type { PartKind } from './enums.js';
import type { RuleSettings } from './rule-pack.js';
import { ALL_WEIGHT_BP, type Aspect, type Scheme } from './scheme.js';

/**
 * Scores in exact integers. A judge scores a judgement aspect 0–3 or a marks aspect in hundredths of a mark; a measurement
 * aspect takes one measured value. An aspect's panel score is rounded half up to hundredths of a mark ONCE (the only
 * rounding); a part is the sum of its aspects (out of 10000 hundredths = 100 marks); the weighted total is kept exact as
 * Σ part hundredths × weight bp ("total units": 1 unit = 1/1,000,000 of a mark) and only shown rounded to hundredths.
 * Ranking compares the exact units, so two totals that print the same can still differ.
 */

export interface JudgeScore {
  judgeId: string;
  /** 0–3 for a judgement aspect; hundredths of a mark (0 … the aspect's maximum) for a marks aspect. */
  value: number;
}

/** What was entered for one aspect of one contestant: the judges' scores, or the measured value. */
export type AspectInput = { aspectCode: string; scores: readonly JudgeScore[] } | { aspectCode: string; measured: number };

export interface AspectScore {
  aspectCode: string;
  hundredths: number;
  /** The judges whose highest and lowest scores were dropped (≥ the pack's number of judges on the mark). */
  dropped: { high: string; low: string } | null;
  /** Measurement aspects: whether the value was within tolerance. */
  withinTolerance?: boolean;
}

/** Rounds num/den half up, for num ≥ 0 and den > 0. */
export const roundHalfUp = (num: number, den: number): number => Math.floor((2 * num + den) / (2 * den));

/**
 * The scores that count: with at least `dropHighLowMinJudges` judges the lowest and the highest are dropped (one each;
 * among equal scores the judge id decides which, so the result never depends on entry order).
 */
export function countedScores(scores: readonly JudgeScore[], settings: Pick<RuleSettings, 'dropHighLowMinJudges'>): { kept: JudgeScore[]; dropped: AspectScore['dropped'] } {
  const sorted = [...scores].sort((a, b) => a.value - b.value || a.judgeId.localeCompare(b.judgeId));
  if (sorted.length < settings.dropHighLowMinJudges) return { kept: sorted, dropped: null };
  return { kept: sorted.slice(1, -1), dropped: { low: sorted[0]!.judgeId, high: sorted[sorted.length - 1]!.judgeId } };
}

const refuse = (aspect: Aspect, zh: string, en: string) => invalid({ zh: `评分项「${aspect.name.zh}」${zh}`, en: `Aspect "${aspect.name.en}": ${en}` }, { field: 'scores', aspectCode: aspect.code });

function checkScores(aspect: Aspect, scores: readonly JudgeScore[]): void {
  if (scores.length === 0) throw refuse(aspect, '尚无裁判评分', 'no judge has scored it');
  const max = aspect.kind === 'judgement' ? 3 : aspect.maxHundredths;
  for (const s of scores) {
    if (!Number.isInteger(s.value) || s.value < 0 || s.value > max) {
      throw aspect.kind === 'judgement' ? refuse(aspect, '评价分只能是 0–3 的整数', 'a judgement score is a whole number 0–3') : refuse(aspect, `分数须在 0 至 ${max / 100} 分之间（精确到 0.01）`, `marks are 0 to ${max / 100} in hundredths`);
    }
  }
  if (new Set(scores.map((s) => s.judgeId)).size !== scores.length) throw refuse(aspect, '同一裁判评分重复', 'a judge scored it twice');
}

/** The panel score of one aspect for one contestant. */
export function aspectScore(aspect: Aspect, input: AspectInput, settings: Pick<RuleSettings, 'dropHighLowMinJudges'>): AspectScore {
  if (aspect.kind === 'measurement') {
    if (!('measured' in input) || !Number.isInteger(input.measured)) throw refuse(aspect, `须录入一个测量值（单位 ${aspect.unit}，整数）`, `needs one measured value (an integer of ${aspect.unit})`);
    const within = Math.abs(input.measured - aspect.nominal) <= aspect.tolerance;
    return { aspectCode: aspect.code, hundredths: within ? aspect.maxHundredths : 0, dropped: null, withinTolerance: within };
  }
  if (!('scores' in input)) throw refuse(aspect, '须由裁判评分', 'needs judge scores');
  checkScores(aspect, input.scores);
  const { kept, dropped } = countedScores(input.scores, settings);
  const sum = kept.reduce((s, x) => s + x.value, 0);
  // judgement: max × mean(0–3) / 3; marks: the mean of the kept marks.
  const hundredths = aspect.kind === 'judgement' ? roundHalfUp(aspect.maxHundredths * sum, 3 * kept.length) : roundHalfUp(sum, kept.length);
  return { aspectCode: aspect.code, hundredths, dropped };
}

export interface PartScore {
  code: string;
  kind: PartKind;
  weightBp: number;
  /** Out of 10000 (100 marks). */
  hundredths: number;
  aspects: AspectScore[];
}

export interface ContestantScore {
  parts: PartScore[];
  /** Σ part hundredths × weight bp: exact, what ranking compares (1 mark = 1,000,000 units). */
  totalUnits: number;
  /** The total rounded half up to hundredths of a mark (what is printed). */
  totalHundredths: number;
}

/** A contestant's part scores and weighted total; every aspect of the scheme must be marked. */
export function contestantScore(scheme: Pick<Scheme, 'parts'>, inputs: readonly AspectInput[], settings: Pick<RuleSettings, 'dropHighLowMinJudges'>): ContestantScore {
  const byCode = new Map(inputs.map((i) => [i.aspectCode, i]));
  const parts = scheme.parts.map((part): PartScore => {
    const aspects = part.aspects.map((aspect) => {
      const input = byCode.get(aspect.code);
      if (!input) throw refuse(aspect, '尚未评分', 'has not been marked');
      return aspectScore(aspect, input, settings);
    });
    return { code: part.code, kind: part.kind, weightBp: part.weightBp, hundredths: aspects.reduce((s, a) => s + a.hundredths, 0), aspects };
  });
  const totalUnits = parts.reduce((s, p) => s + p.hundredths * p.weightBp, 0);
  return { parts, totalUnits, totalHundredths: roundHalfUp(totalUnits, ALL_WEIGHT_BP) };
}

/** "85.5" for 8550 hundredths. */
export const marksText = (hundredths: number): string => (hundredths / 100).toFixed(2);

export interface JudgeDeviation {
  judgeId: string;
  aspectCode: string;
  /** The judge's score minus the median of the other judges, as a share of the aspect's scale (bp, signed: + lenient). */
  deviationBp: number;
  flagged: boolean;
}

/** Twice the median (an integer even when the median is a half). */
function doubledMedian(values: readonly number[]): number {
  const v = [...values].sort((a, b) => a - b);
  const m = Math.floor(v.length / 2);
  return v.length % 2 ? 2 * v[m]! : v[m - 1]! + v[m]!;
}

/**
 * Each judge's score on one aspect against the median of the OTHER judges; flagged beyond the pack's spread limit
 * (judgement: points on the 0–3 scale; marks: a share of the aspect's maximum). Needs at least 3 judges (with 2, who
 * strays is undecidable); a measurement aspect has no judges' scores.
 */
export function judgeDeviations(aspect: Aspect, scores: readonly JudgeScore[], settings: Pick<RuleSettings, 'judgementSpreadMaxPoints' | 'marksSpreadMaxBp'>): JudgeDeviation[] {
  if (aspect.kind === 'measurement' || scores.length < 3) return [];
  const scale = aspect.kind === 'judgement' ? 3 : aspect.maxHundredths;
  return scores.map((s) => {
    const diff2 = 2 * s.value - doubledMedian(scores.filter((o) => o.judgeId !== s.judgeId).map((o) => o.value));
    const flagged = aspect.kind === 'judgement' ? Math.abs(diff2) > 2 * settings.judgementSpreadMaxPoints : Math.abs(diff2) * 10000 > 2 * settings.marksSpreadMaxBp * scale;
    const deviationBp = Math.sign(diff2) * roundHalfUp(Math.abs(diff2) * 10000, 2 * scale);
    return { judgeId: s.judgeId, aspectCode: aspect.code, deviationBp, flagged };
  });
}
