import type { RuleSettings } from './rule-pack.js';
import type { Scheme } from './scheme.js';
import { judgeDeviations, type AspectInput, type JudgeDeviation } from './scoring.js';

/**
 * 裁判宽严分析: how far each judge's scores sit from the rest of the panel, kept as sums (not means) so that stages,
 * events and seasons add up exactly, and a panel's consistency compared with other panels. Deviations are in basis
 * points of the aspect's scale (the same measure the chief judge's live flags use); no contestant, work number or
 * score leaves a stage: only these tallies.
 */

/** One judge's deviations over a set of marks: signed sum (+ lenient, − severe), absolute sum, flagged count. */
export interface JudgeTally {
  judgeId: string;
  marks: number;
  flagged: number;
  sumBp: number;
  sumAbsBp: number;
}

/** A panel (the judges of one 赛项 stage) as a whole: no judge is named. */
export interface PanelTally {
  judges: number;
  marks: number;
  flagged: number;
  sumAbsBp: number;
  /** Most lenient judge's mean minus most severe judge's mean: one harsh and one soft judge on the same panel. */
  biasSpreadBp: number;
}

/** Every judged mark of a stage against the other judges of that mark (marks with fewer than 3 judges have none), by work number then scheme order. */
export function stageDeviations(scheme: Pick<Scheme, 'parts'>, inputs: ReadonlyMap<string, readonly AspectInput[]>, settings: Pick<RuleSettings, 'judgementSpreadMaxPoints' | 'marksSpreadMaxBp'>): (JudgeDeviation & { workNumber: string })[] {
  const aspects = scheme.parts.flatMap((p) => p.aspects);
  const out: (JudgeDeviation & { workNumber: string })[] = [];
  for (const workNumber of [...inputs.keys()].sort()) {
    const marks = new Map(inputs.get(workNumber)!.map((m) => [m.aspectCode, m]));
    for (const aspect of aspects) {
      const input = marks.get(aspect.code);
      if (input && 'scores' in input) out.push(...judgeDeviations(aspect, input.scores, settings).map((d) => ({ ...d, workNumber })));
    }
  }
  return out;
}

/** Tallies per judge, sorted by judge id. */
export function judgeTallies(deviations: readonly JudgeDeviation[]): JudgeTally[] {
  const by = new Map<string, JudgeTally>();
  for (const d of deviations) {
    const t = by.get(d.judgeId) ?? { judgeId: d.judgeId, marks: 0, flagged: 0, sumBp: 0, sumAbsBp: 0 };
    by.set(d.judgeId, { ...t, marks: t.marks + 1, flagged: t.flagged + (d.flagged ? 1 : 0), sumBp: t.sumBp + d.deviationBp, sumAbsBp: t.sumAbsBp + Math.abs(d.deviationBp) });
  }
  return [...by.values()].sort((a, b) => a.judgeId.localeCompare(b.judgeId));
}

export interface JudgeSummary {
  judgeId: string;
  marks: number;
  flagged: number;
  /** Mean signed deviation (bp of the scale, rounded toward zero): above 0 lenient, below 0 severe. */
  meanDeviationBp: number;
}

/** Per judge over many marks: how often flagged, and how lenient or severe on average. Sorted by judge id. */
export const judgeSummaries = (deviations: readonly JudgeDeviation[]): JudgeSummary[] =>
  judgeTallies(deviations).map((t) => ({ judgeId: t.judgeId, marks: t.marks, flagged: t.flagged, meanDeviationBp: meanBp(t.sumBp, t.marks) }));

/** Tallies over many stages (of one judge, or of a panel's judges), added. */
export function addTallies(tallies: readonly Omit<JudgeTally, 'judgeId'>[]): Omit<JudgeTally, 'judgeId'> {
  return tallies.reduce((s, t) => ({ marks: s.marks + t.marks, flagged: s.flagged + t.flagged, sumBp: s.sumBp + t.sumBp, sumAbsBp: s.sumAbsBp + t.sumAbsBp }), { marks: 0, flagged: 0, sumBp: 0, sumAbsBp: 0 });
}

/** A mean in bp, rounded toward zero (0 over no marks). */
export const meanBp = (sum: number, marks: number): number => (marks ? Math.trunc(sum / marks) : 0);

export function panelTally(judges: readonly JudgeTally[]): PanelTally {
  const all = addTallies(judges);
  const means = judges.filter((j) => j.marks > 0).map((j) => meanBp(j.sumBp, j.marks));
  return { judges: judges.length, marks: all.marks, flagged: all.flagged, sumAbsBp: all.sumAbsBp, biasSpreadBp: means.length ? Math.max(...means) - Math.min(...means) : 0 };
}

/**
 * A judge's mean signed deviation beyond ±3% of the scale (a third of a point on a 0–3 judgement, 3 marks of 100) is a
 * lean, not noise: with the median of the others as the reference a balanced judge's mean stays near 0.
 */
export const SEVERITY_BAND_BP = 300;

export type SeverityBand = 'severe' | 'balanced' | 'lenient';

export function severityBand(meanDeviationBp: number): SeverityBand {
  if (meanDeviationBp <= -SEVERITY_BAND_BP) return 'severe';
  if (meanDeviationBp >= SEVERITY_BAND_BP) return 'lenient';
  return 'balanced';
}

/** Fewer panels than this and no panel is called an outlier: the comparison would mean nothing. */
export const OUTLIER_MIN_PANELS = 5;
/** Iglewicz and Hoaglin's cut for the modified z-score (0.6745 · (x − median) / MAD). */
export const OUTLIER_Z = 3.5;
/** The MAD is floored at 1% of the scale, so that a scope of near-identical panels does not call a 0.2% difference an outlier. */
const MAD_FLOOR_BP = 100;

const median = (values: readonly number[]): number => {
  const v = [...values].sort((a, b) => a - b);
  const m = Math.floor(v.length / 2);
  return v.length % 2 ? v[m]! : (v[m - 1]! + v[m]!) / 2;
};

export interface PanelComparison {
  /** The panel's mean absolute deviation (bp): how far its judges sit from each other. */
  meanAbsBp: number;
  /** Modified z-score × 100 (rounded), against the panels compared; null with too few panels. */
  zHundredths: number | null;
  outlier: boolean;
}

/**
 * Which panels disagree among themselves far more than the others (high side only: a very consistent panel is not a
 * problem). `panels` are all the panels of the scope; `compare` places one panel among them.
 */
export function comparePanels(panels: readonly Pick<PanelTally, 'marks' | 'sumAbsBp'>[]): { median: number; mad: number; compare: (p: Pick<PanelTally, 'marks' | 'sumAbsBp'>) => PanelComparison } {
  const values = panels.filter((p) => p.marks > 0).map((p) => meanBp(p.sumAbsBp, p.marks));
  const enough = values.length >= OUTLIER_MIN_PANELS;
  const mid = values.length ? median(values) : 0;
  const mad = Math.max(MAD_FLOOR_BP, values.length ? median(values.map((v) => Math.abs(v - mid))) : 0);
  return {
    median: Math.round(mid),
    mad: Math.round(mad),
    compare: (p) => {
      const meanAbsBp = meanBp(p.sumAbsBp, p.marks);
      if (!enough || p.marks === 0) return { meanAbsBp, zHundredths: null, outlier: false };
      const z = (0.6745 * (meanAbsBp - mid)) / mad;
      return { meanAbsBp, zHundredths: Math.round(z * 100), outlier: z > OUTLIER_Z };
    },
  };
}
