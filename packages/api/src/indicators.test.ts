import { figureText, PER_DENOMINATOR } from '@ufp/core/rollups/format';
import { describe, expect, it } from 'vitest';
import { contractStatus, contractType, industry } from '@ufp/contracts/domain/contract';
import { contractStepMetrics, statusChangeMetrics, unitCoverageMetrics } from '@ufp/contracts/domain/metrics';
import { overdueMetrics as contractOverdueMetrics } from '@ufp/contracts/domain/clocks';
import { outcomeMetrics as contractOutcomeMetrics } from '@ufp/contracts/domain/outcomes';
import { aidKinds, fundSources } from '@ufp/hardship/domain/rules';
import { tierLabels } from '@ufp/hardship/domain/tier';
import { approvalMetrics, budgetMetrics, fileMetricDeltas, fileStatuses, grantMetrics } from '@ufp/hardship/domain/workflow';
import { overdueMetrics } from '@ufp/hardship/domain/clocks';
import { adoptionMetrics, doneOnTimeMetrics, itemStatusMetrics, progressMetrics, ratingMetrics } from '@ufp/ten-things/domain/apply';
import { itemStatuses } from '@ufp/ten-things/domain/status';
import { HonourLevel } from '@ufp/model-workers/domain/ladder';
import { nominationApprovalMetrics } from '@ufp/model-workers/domain/nomination';
import { unitTypes } from '@ufp/core/units/unit';
import { unitMetricDeltas } from '@ufp/platform/domain/unit';
import { PersonStatus } from '@ufp/model-workers/domain/enums';
import { honourMetrics } from '@ufp/model-workers/domain/person';
import { BenefitKind } from '@ufp/model-workers/domain/benefits';
import { NominationStatus } from '@ufp/model-workers/domain/nomination';
import { defaultQuotaRules, quotaState } from '@ufp/model-workers/domain/quota';
import { visitMetrics } from '@ufp/model-workers/domain/visits';
import { contestantRegisteredMetrics, resultsFinalizedMetrics } from '@ufp/competitions/metrics-deltas';
import { benefitGrantMetrics, nominationStepMetrics, quotaComplianceMetrics, recuperationMetrics, surveyBelowThresholdMetrics, surveySubmittedMetrics } from '@ufp/model-workers/metrics-deltas';
import type { YearDeltas } from '@ufp/core/rollups/indicators';
import { indicatorDictionary as dictionary } from './modules.js';

const [contractStatuses, contractTypes, industries] = [contractStatus.values, contractType.values, industry.values];

const { indicators, derived: derivedIndicators } = dictionary;
const indicatorOf = (key: string) => dictionary.indicatorOf(key);
const kindOf = (key: string) => dictionary.kindOf(key);
const valuesForYear = (year: number, partitions: readonly YearDeltas[]) => dictionary.valuesForYear(year, partitions);
const derivedValues = (values: Record<string, number>) => dictionary.derivedValues(values);

/**
 * Every metric key an emitter can produce, from the emitters themselves run over every value of the enums they
 * take (not a grep of the source): units, hardship files/approvals/grants, contract steps and status changes, unit
 * coverage, and 十件实事 adoption/progress/status/ratings.
 */
function emittedKeys(): Set<string> {
  const out = new Set<string>();
  const add = (m: Record<string, number>) => Object.keys(m).forEach((k) => out.add(k));
  for (const type of unitTypes) {
    add(unitMetricDeltas(undefined, { type, memberCount: 10 }));
    add(unitMetricDeltas({ type, memberCount: 10 }, { type, memberCount: 12 }));
  }
  const tierValues = Object.keys(tierLabels) as (keyof typeof tierLabels)[];
  for (const fromStatus of fileStatuses) for (const toStatus of fileStatuses) for (const a of tierValues) for (const b of tierValues) add(fileMetricDeltas({ status: fromStatus, tier: a }, { status: toStatus, tier: b }));
  add(approvalMetrics(7));
  for (const kind of aidKinds) for (const fundSource of fundSources) add(grantMetrics({ kind, fundSource, amountFen: 100 }));
  for (const fundSource of fundSources) add(budgetMetrics(fundSource, 0, 100));
  add(overdueMetrics(1));
  for (const m of Object.values(contractStepMetrics)) add(m);
  for (const type of contractTypes) {
    for (const industry of [...industries, undefined]) {
      for (const wageGrowthPct of [5, undefined]) {
        const c = { type, scope: industry ? { industry } : undefined, coveredEmployees: 10, coveredEnterprises: 1, clauses: { wageGrowthPct } };
        for (const from of contractStatuses) for (const to of contractStatuses) add(statusChangeMetrics(c, from, to));
      }
    }
  }
  add(unitCoverageMetrics(0, 1));
  add(contractOverdueMetrics(1));
  for (const duty of ['offerReply', 'review', 'performanceCheck'] as const) for (const kept of [true, false]) add(contractOutcomeMetrics({ duty, kept }));
  add(adoptionMetrics(itemStatuses, 1));
  add(doneOnTimeMetrics(false, true));
  for (const from of itemStatuses) {
    for (const to of itemStatuses) {
      add(itemStatusMetrics(from, to));
      for (const entryType of ['report', 'correction', 'linked'] as const) add(progressMetrics(entryType, 100, from, to));
    }
  }
  add(ratingMetrics(5));
  for (const level of HonourLevel.values) {
    for (const status of PersonStatus.values) {
      const honours = [{ honourId: 'h', code: 'c', title: { zh: '', en: '' }, category: 'model_worker' as const, level, treatment: level, year: 2020, conferredBy: '', recordedBy: '', recordedAt: '' }];
      add(honourMetrics(undefined, { honours, status }, '2026-01-01'));
    }
  }
  for (const level of HonourLevel.values) add(nominationApprovalMetrics(level));
  for (const status of NominationStatus.values) for (const level of HonourLevel.values) add(nominationStepMetrics(status, level));
  for (const kind of BenefitKind.values) add(benefitGrantMetrics(kind, 100));
  for (const first of [true, false]) add(surveySubmittedMetrics(first));
  add(surveyBelowThresholdMetrics());
  add(recuperationMetrics({ capacity: 10, used: 1 }));
  add(visitMetrics({ personIds: ['a', 'b'], problemsSolved: 2, peopleTrained: 30 }));
  add(contestantRegisteredMetrics());
  add(resultsFinalizedMetrics({ winners: 3, honoursRecommended: 2, gradeRaises: 1 }));
  // A list keeping every rule, one breaking every rule (women and 农民工 rules on) and one over its places.
  const allRules = { ...defaultQuotaRules, womenMin: 30, migrantMin: 10 };
  const keeps = { occupation: 'frontline', gender: 'female', migrantWorker: true } as const;
  const breaks = { occupation: 'manager', gender: 'male', migrantWorker: false } as const;
  for (const [entries, places] of [[[keeps], 5], [[breaks], 5], [[keeps, keeps], 1]] as const) add(quotaComplianceMetrics(quotaState(entries, allRules, places)));
  return out;
}

describe('the indicator dictionary', () => {
  it('declares every metric key any emitter can produce, and nothing no emitter produces', () => {
    const emitted = emittedKeys();
    expect([...emitted].filter((k) => !indicatorOf(k))).toEqual([]);
    expect(indicators.map((i) => i.key).filter((k) => !emitted.has(k))).toEqual([]);
  });

  it('has one entry per key, each with a kind, a unit, a format and zh/en label and definition', () => {
    expect(new Set(indicators.map((i) => i.key)).size).toBe(indicators.length);
    for (const i of [...indicators, ...derivedIndicators]) {
      expect(['stock', 'flow', 'period']).toContain(i.kind);
      expect(['count', 'people', 'fen', 'basisPoints', 'days', 'points']).toContain(i.unit);
      expect(i.label.zh && i.label.en && i.definition.zh && i.definition.en, i.key).toBeTruthy();
    }
  });

  it('reads every count with a counter word and compares a normalised indicator by a size the rollups carry', () => {
    const shown = [...indicators, ...derivedIndicators];
    expect(shown.filter((i) => i.unit === 'count' && i.format === 'integer' && !i.noun?.zh).map((i) => i.key)).toEqual([]);
    for (const i of shown.filter((i) => i.per)) {
      expect(['count', 'people', 'fen'], i.key).toContain(i.unit);
      expect(indicatorOf(PER_DENOMINATOR[i.per!]), i.key).toBeDefined();
    }
    expect(figureText(360_000, indicatorOf('hardship.aid.amountFen')!, 'zh')).toBe('¥3,600');
    expect(figureText(10_000, derivedIndicators.find((d) => d.key === 'contracts.coverageRate')!, 'zh')).toBe('100%');
  });

  it('labels a family member from its suffix enum: 送温暖, 深度困难, 快递行业', () => {
    expect(indicatorOf('hardship.aid.amountFen.festival')).toMatchObject({ family: 'hardship.aid.amountFen.<kind>', kind: 'flow', unit: 'fen', format: 'yuan', label: { zh: '发放额·送温暖' } });
    expect(indicatorOf('hardship.aid.amountFen.source.union')).toMatchObject({ family: 'hardship.aid.amountFen.source.<source>', label: { zh: '发放额·工会经费' } });
    expect(indicatorOf('hardship.households.deep')).toMatchObject({ kind: 'stock', label: { zh: '在档户数·深度困难', en: 'On file: Deep hardship' } });
    expect(indicatorOf('contracts.inForce.byIndustry.express')).toMatchObject({ kind: 'stock', label: { zh: '生效·快递行业' } });
  });

  it('declares the stocks the leadership reads as stock, the year’s activity as flow and 十件实事 as its plan’s period', () => {
    const stocks = ['units.count', 'units.members', 'hardship.households', 'hardship.households.relative', 'contracts.inForce', 'contracts.coveredEmployees', 'contracts.unitsCovered', 'contracts.expiring90'];
    expect(stocks.map(kindOf)).toEqual(stocks.map(() => 'stock'));
    const flows = ['hardship.aid.grants', 'hardship.aid.amountFen', 'hardship.approvals', 'hardship.exits', 'contracts.signed', 'contracts.expired', 'contracts.terminated'];
    expect(flows.map(kindOf)).toEqual(flows.map(() => 'flow'));
    expect(['tenThings.items.adopted', 'tenThings.items.on_track', 'tenThings.progress.reports'].map(kindOf)).toEqual(['period', 'period', 'period']);
  });

  it('declares the cockpit alerts: overdue legal clocks as stocks, the hardship budget as a flow beside what is granted, 按期完成 as its plan’s period', () => {
    expect(['contracts.clocks.overdue', 'hardship.clocks.overdue'].map(kindOf)).toEqual(['stock', 'stock']);
    expect(['hardship.budgetFen', 'hardship.budgetFen.source.union', 'hardship.aid.amountFen'].map(kindOf)).toEqual(['flow', 'flow', 'flow']);
    expect(kindOf('tenThings.items.doneOnTime')).toBe('period');
    expect(indicatorOf('hardship.budgetFen.source.union')).toMatchObject({ family: 'hardship.budgetFen.source.<source>', unit: 'fen', label: { zh: '预算·工会经费' } });
    expect(indicatorOf('contracts.clocks.overdue')?.definition.zh).toContain('逾期法定时限 = ');
    expect(derivedIndicators.find((d) => d.key === 'hardship.budgetSpentRate')).toMatchObject({ numerator: 'hardship.aid.amountFen', denominator: 'hardship.budgetFen', unit: 'basisPoints' });
    expect(derivedIndicators.find((d) => d.key === 'tenThings.onTimeRate')).toMatchObject({ numerator: 'tenThings.items.doneOnTime', denominator: 'tenThings.items.done', unit: 'basisPoints' });
    const d = derivedValues({ 'hardship.aid.amountFen': 90_000, 'hardship.budgetFen': 100_000, 'tenThings.items.doneOnTime': 2, 'tenThings.items.done': 3 });
    expect([d['hardship.budgetSpentRate'], d['tenThings.onTimeRate']]).toEqual([9_000, 6_667]);
  });

  it('declares 建制率 with its inputs and definition, and every derived indicator reads inputs of one kind', () => {
    const rate = derivedIndicators.find((d) => d.key === 'contracts.coverageRate')!;
    expect(rate).toMatchObject({ numerator: 'contracts.unitsCovered', denominator: 'units.count', unit: 'basisPoints', kind: 'stock', label: { zh: '建制率' } });
    expect(rate.definition.zh).toContain('已签订集体合同');
    expect(rate.definition.zh).toContain('÷ 基层工会总数');
    for (const d of derivedIndicators) {
      expect(indicatorOf(d.numerator)?.kind, d.key).toBe(d.kind);
      expect(indicatorOf(d.denominator)?.kind, d.key).toBe(d.kind);
    }
  });
});

describe('stock and flow arithmetic', () => {
  const partitions: YearDeltas[] = [
    { year: 2026, metrics: { 'units.count': 5, 'units.members': 500, 'hardship.aid.amountFen': 10_000, 'contracts.inForce': 2, 'tenThings.items.adopted': 10 } },
    { year: 2027, metrics: { 'units.count': 1, 'units.members': -40, 'hardship.aid.amountFen': 3_000, 'contracts.inForce': -1, 'tenThings.items.adopted': 8 } },
    { year: 2028, metrics: { 'units.count': 1 } },
  ];

  it('a stock is the sum of its deltas up to the end of the year; a flow and a period indicator are the year’s own', () => {
    expect(valuesForYear(2026, partitions)).toEqual({ 'units.count': 5, 'units.members': 500, 'hardship.aid.amountFen': 10_000, 'contracts.inForce': 2, 'tenThings.items.adopted': 10 });
    expect(valuesForYear(2027, partitions)).toEqual({ 'units.count': 6, 'units.members': 460, 'hardship.aid.amountFen': 3_000, 'contracts.inForce': 1, 'tenThings.items.adopted': 8 });
  });

  it('a stock carries into a year with no activity, and a flow of that year is absent', () => {
    const quiet = valuesForYear(2029, partitions);
    expect(quiet).toEqual({ 'units.count': 7, 'units.members': 460, 'contracts.inForce': 1 });
  });

  it('ignores later years, whatever order the partitions come in', () => {
    expect(valuesForYear(2026, [...partitions].reverse())).toEqual(valuesForYear(2026, partitions));
    expect(valuesForYear(2025, partitions)).toEqual({});
  });

  it('reads a key outside the dictionary as a flow of its own year', () => {
    expect(valuesForYear(2027, [{ year: 2026, metrics: { 'x.unknown': 3 } }, { year: 2027, metrics: { 'x.unknown': 1 } }])).toEqual({ 'x.unknown': 1 });
  });

  it('derives 建制率 in basis points and averages with one decimal; none where the denominator is 0', () => {
    const d = derivedValues({ 'contracts.unitsCovered': 2, 'units.count': 3, 'hardship.daysToApproval': 23, 'hardship.approvals': 3, 'contracts.wageGrowth.sumBp': 1300, 'contracts.wageGrowth.count': 2 });
    expect(d['contracts.coverageRate']).toBe(6667);
    expect(d['hardship.averageDaysToApproval']).toBe(7.7);
    expect(d['contracts.wageGrowth.average']).toBe(650);
    expect(d['tenThings.satisfaction']).toBeNull();
  });
});
