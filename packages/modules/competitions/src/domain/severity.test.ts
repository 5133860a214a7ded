import { describe, expect, it } from 'vitest';
import { ruleSettingsSchema } from './rule-pack.js';
import type { Scheme } from './scheme.js';
import type { AspectInput, JudgeDeviation } from './scoring.js';
import { addTallies, comparePanels, judgeTallies, meanBp, OUTLIER_MIN_PANELS, panelTally, SEVERITY_BAND_BP, severityBand, stageDeviations } from './severity.js';

const settings = ruleSettingsSchema.parse({});
const name = (s: string) => ({ zh: s, en: s });
const scheme: Pick<Scheme, 'parts'> = {
  parts: [
    {
      code: 'P',
      kind: 'practical',
      name: name('实操'),
      weightBp: 10000,
      aspects: [
        { code: 'm', kind: 'marks', name: name('质量'), maxHundredths: 10000 },
        { code: 'j', kind: 'judgement', name: name('工艺'), maxHundredths: 600, descriptors: ['不合格', '合格', '良好', '优秀'] },
        { code: 'x', kind: 'measurement', name: name('孔径'), maxHundredths: 400, unit: '0.01 mm', nominal: 1000, tolerance: 5 },
      ],
    },
  ],
};
const marked = (code: string, ...values: number[]): AspectInput => ({ aspectCode: code, scores: values.map((value, i) => ({ judgeId: `J${i + 1}`, value })) });
const dev = (judgeId: string, deviationBp: number, flagged = false): JudgeDeviation => ({ judgeId, aspectCode: 'm', deviationBp, flagged });

describe("a stage's deviations", () => {
  it('take every judged mark (marks and judgement, not measurement) against the other judges, by work number', () => {
    const inputs = new Map<string, AspectInput[]>([
      ['0002', [marked('m', 8000, 8000, 8000), { aspectCode: 'x', measured: 1000 }]],
      ['0001', [marked('j', 2, 2, 3), marked('m', 8000, 8000, 6000)]],
    ]);
    const d = stageDeviations(scheme, inputs, settings);
    expect(d.map((x) => `${x.workNumber}:${x.aspectCode}:${x.judgeId}`)).toEqual(['0001:m:J1', '0001:m:J2', '0001:m:J3', '0001:j:J1', '0001:j:J2', '0001:j:J3', '0002:m:J1', '0002:m:J2', '0002:m:J3']);
    // J3 gave 60 where the others gave 80: −20 points of 100 = −2000 bp, beyond the 15% spread limit.
    expect(d.find((x) => x.workNumber === '0001' && x.aspectCode === 'm' && x.judgeId === 'J3')).toMatchObject({ deviationBp: -2000, flagged: true });
  });

  it('a mark with two judges gives none (who strays is undecidable)', () => {
    expect(stageDeviations(scheme, new Map([['0001', [marked('m', 9000, 5000)]]]), settings)).toEqual([]);
  });
});

describe('tallies', () => {
  it('keep sums per judge, so stages add up exactly; the mean rounds toward zero', () => {
    const t = judgeTallies([dev('J2', -500, false), dev('J1', 700, true), dev('J2', -200), dev('J1', 0)]);
    expect(t).toEqual([
      { judgeId: 'J1', marks: 2, flagged: 1, sumBp: 700, sumAbsBp: 700 },
      { judgeId: 'J2', marks: 2, flagged: 0, sumBp: -700, sumAbsBp: 700 },
    ]);
    expect(addTallies(t)).toEqual({ marks: 4, flagged: 1, sumBp: 0, sumAbsBp: 1400 });
    expect([meanBp(-700, 2), meanBp(701, 2), meanBp(5, 0)]).toEqual([-350, 350, 0]);
  });

  it("a panel's tally names no judge and spans its most lenient to its most severe judge", () => {
    const p = panelTally(judgeTallies([dev('J1', 600), dev('J2', -400), dev('J3', 0), dev('J1', 400)]));
    expect(p).toEqual({ judges: 3, marks: 4, flagged: 0, sumAbsBp: 1400, biasSpreadBp: 900 });
    expect(Object.keys(p)).not.toContain('judgeId');
    expect(panelTally([])).toEqual({ judges: 0, marks: 0, flagged: 0, sumAbsBp: 0, biasSpreadBp: 0 });
  });
});

describe('severity bands', () => {
  it(`±${SEVERITY_BAND_BP} bp is the edge: at it the judge leans, one short of it they are balanced`, () => {
    expect(severityBand(-SEVERITY_BAND_BP)).toBe('severe');
    expect(severityBand(-SEVERITY_BAND_BP + 1)).toBe('balanced');
    expect(severityBand(0)).toBe('balanced');
    expect(severityBand(SEVERITY_BAND_BP - 1)).toBe('balanced');
    expect(severityBand(SEVERITY_BAND_BP)).toBe('lenient');
  });
});

describe('outlier panels', () => {
  const panel = (meanAbs: number, marks = 100) => ({ marks, sumAbsBp: meanAbs * marks });

  it(`need ${OUTLIER_MIN_PANELS} panels to compare: with one fewer none is an outlier, however far`, () => {
    const few = [panel(500), panel(520), panel(480), panel(5000)];
    expect(few).toHaveLength(OUTLIER_MIN_PANELS - 1);
    expect(comparePanels(few).compare(panel(5000))).toEqual({ meanAbsBp: 5000, zHundredths: null, outlier: false });
    const enough = [...few, panel(510)];
    expect(comparePanels(enough).compare(panel(5000)).outlier).toBe(true);
  });

  it('a panel is an outlier above a modified z of 3.5 and not at it (the MAD floored at 1% of the scale)', () => {
    // median 500, MAD 20 → floored to 100: z = 0.6745 · (x − 500) / 100; 3.5 ↔ x ≈ 1018.9.
    const scope = [panel(480), panel(490), panel(500), panel(510), panel(520), panel(530)];
    const c = comparePanels([...scope, panel(1019)]);
    expect(c.median).toBe(510);
    const at = comparePanels(scope);
    expect(at.median).toBe(505);
    expect(at.mad).toBe(100);
    expect(at.compare(panel(1023)).outlier).toBe(false); // z = 0.6745 · 518 / 100 = 3.49
    expect(at.compare(panel(1024))).toEqual({ meanAbsBp: 1024, zHundredths: 350, outlier: true }); // 3.5007
  });

  it('only the high side: a very consistent panel is not flagged; a panel with no marks is not compared', () => {
    const scope = [panel(500), panel(600), panel(700), panel(800), panel(900), panel(0, 0)];
    const c = comparePanels(scope);
    expect(c.compare(panel(0, 50)).outlier).toBe(false);
    expect(c.compare(panel(0, 50)).zHundredths).toBeLessThan(0);
    expect(c.compare(panel(0, 0)).zHundredths).toBeNull();
    expect(c.median).toBe(700);
  });
});
