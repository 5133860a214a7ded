import { defineEnum } from '@ufp/kit/enum';
import { divRoundHalfUp, factorText, toBasisPoints, yuan, yuanExact, yuanShort } from './money.js';
import type { HardshipRulePack } from './rules.js';

/** A household's result under the rules: one of the three tiers, or not eligible. */
export const TierResult = defineEnum({
  deep: { zh: '深度困难', en: 'Deep hardship' },
  relative: { zh: '相对困难', en: 'Relative hardship' },
  accidental: { zh: '意外致困', en: 'Accidental hardship' },
  not_eligible: { zh: '不符合困难职工条件', en: 'Not eligible' },
});
export type TierResult = (typeof TierResult.values)[number];
export type Tier = Exclude<TierResult, 'not_eligible'>;
export const tiers = ['deep', 'relative', 'accidental'] as const satisfies readonly Tier[];
export const tierLabels = TierResult.labels;

/** Events that make a household 意外致困 on their own (DOMAIN.md §6). */
export const HardshipEvent = defineEnum({
  disaster: { zh: '遭受自然灾害', en: 'natural disaster' },
  serious_accident: { zh: '遭遇重大事故', en: 'serious accident' },
  major_illness: { zh: '本人或家庭成员患重大疾病', en: 'major illness in the household' },
  epidemic: { zh: '受重大疫情影响', en: 'major epidemic' },
});
export type HardshipEvent = (typeof HardshipEvent.values)[number];
export const hardshipEvents = HardshipEvent.values;
export const hardshipEventLabels = HardshipEvent.labels;

export interface HouseholdFigures {
  householdSize: number;
  /** Household annual disposable income, fen. */
  annualIncomeFen: number;
  /** 刚性支出 (rigid expenses) for the year, fen. */
  rigidExpensesFen: number;
  /** In-year hardship costs or losses, fen. */
  hardshipCostsFen?: number;
  events?: readonly HardshipEvent[];
  /** Eligibility extras; absent means "not applicable". */
  migrant?: { laborRelationMonths: number; unionMember: boolean };
  /** A child at a private school charging more than 2× the comparable public school, or studying abroad at own cost. */
  excludedSchooling?: boolean;
}

export interface TierAssessment {
  tier: TierResult;
  /** Per-capita monthly figure, fen, rounded half-up: the figure that was compared. */
  perCapitaMonthlyFen: number;
  /** One line per test, in Chinese, computed by the same code that decides. */
  explanation: string;
  explanationEn: string;
}

/**
 * Classifies a household under a rule pack and explains why, e.g.
 * "(48,000 − 12,000) ÷ 12 ÷ 3 = ¥1,000.00/人/月 < 2 × 低保 ¥780 = ¥1,560 ⇒ 相对困难".
 *
 * Rounding is explicit: the per-capita monthly figure is rounded half-up to the fen and that
 * rounded figure is compared with the lines, so the text and the decision never disagree.
 * Order: eligibility exclusions, then 深度, 相对, 意外致困.
 */
export function classifyHousehold(f: HouseholdFigures, rules: HardshipRulePack): TierAssessment {
  assertFigures(f);
  const net = f.annualIncomeFen - f.rigidExpensesFen;
  const perCapita = divRoundHalfUp(net, 12 * f.householdSize);
  const base = `(${yuan(f.annualIncomeFen)} − ${yuan(f.rigidExpensesFen)}) ÷ 12 ÷ ${f.householdSize} = ${yuanExact(perCapita)}/人/月`;
  const baseEn = `(${yuan(f.annualIncomeFen)} − ${yuan(f.rigidExpensesFen)}) ÷ 12 ÷ ${f.householdSize} = ${yuanExact(perCapita)} per person per month`;

  const exclusion = excluded(f);
  if (exclusion) return { tier: 'not_eligible', perCapitaMonthlyFen: perCapita, explanation: `${exclusion.zh} ⇒ ${tierLabels.not_eligible.zh}`, explanationEn: `${exclusion.en} ⇒ not eligible` };

  const dibao = rules.dibaoMonthlyFen;
  if (perCapita < dibao) {
    return done('deep', perCapita, `${base} < 低保 ${yuanShort(dibao)} ⇒ 深度困难`, `${baseEn} < subsistence line ${yuanShort(dibao)} ⇒ deep hardship`);
  }
  const relativeLine = divRoundHalfUp(dibao * toBasisPoints(rules.relativeMultiplier), 10_000);
  const m = factorText(rules.relativeMultiplier);
  if (perCapita < relativeLine) {
    return done(
      'relative',
      perCapita,
      `${base} < ${m} × 低保 ${yuanShort(dibao)} = ${yuanShort(relativeLine)} ⇒ 相对困难`,
      `${baseEn} < ${m} × subsistence line ${yuanShort(dibao)} = ${yuanShort(relativeLine)} ⇒ relative hardship`,
    );
  }
  const incomeLine = `${base} ≥ ${m} × 低保 ${yuanShort(dibao)} = ${yuanShort(relativeLine)}`;
  const incomeLineEn = `${baseEn} ≥ ${m} × subsistence line ${yuanShort(dibao)} = ${yuanShort(relativeLine)}`;

  const events = f.events ?? [];
  if (events.length > 0) {
    const what = events.map((e) => hardshipEventLabels[e].zh).join('、');
    const whatEn = events.map((e) => hardshipEventLabels[e].en).join(', ');
    return done('accidental', perCapita, `${incomeLine}；${what} ⇒ 意外致困`, `${incomeLineEn}; ${whatEn} ⇒ accidental hardship`);
  }
  const costs = f.hardshipCostsFen ?? 0;
  const costLine = divRoundHalfUp(f.annualIncomeFen * toBasisPoints(rules.accidentalShare), 10_000);
  const share = factorText(rules.accidentalShare, true);
  if (costs > 0) {
    const rel = costs > costLine ? '>' : '≤';
    const zh = `年内困难支出 ${yuanShort(costs)} ${rel} ${share} × 家庭年收入 ${yuanShort(f.annualIncomeFen)} = ${yuanShort(costLine)}`;
    const en = `in-year hardship costs ${yuanShort(costs)} ${rel} ${share} × household income ${yuanShort(f.annualIncomeFen)} = ${yuanShort(costLine)}`;
    if (costs > costLine) return done('accidental', perCapita, `${incomeLine}；${zh} ⇒ 意外致困`, `${incomeLineEn}; ${en} ⇒ accidental hardship`);
    return done('not_eligible', perCapita, `${incomeLine}；${zh} ⇒ 不符合困难职工条件`, `${incomeLineEn}; ${en} ⇒ not eligible`);
  }
  return done('not_eligible', perCapita, `${incomeLine} ⇒ 不符合困难职工条件`, `${incomeLineEn} ⇒ not eligible`);
}

function done(tier: TierResult, perCapitaMonthlyFen: number, explanation: string, explanationEn: string): TierAssessment {
  return { tier, perCapitaMonthlyFen, explanation, explanationEn };
}

function excluded(f: HouseholdFigures): { zh: string; en: string } | undefined {
  if (f.migrant) {
    if (!f.migrant.unionMember) return { zh: '农民工须为工会会员', en: 'A migrant worker must be a union member' };
    if (f.migrant.laborRelationMonths < 12) {
      return {
        zh: `农民工劳动关系 ${f.migrant.laborRelationMonths} 个月 < 12 个月`,
        en: `Migrant worker's labour relation ${f.migrant.laborRelationMonths} months < 12 months`,
      };
    }
  }
  if (f.excludedSchooling) {
    return { zh: '子女就读高收费民办学校（超过同类公办学校收费2倍）或自费留学', en: 'A child at a high-fee private school (over 2× public fees) or studying abroad at own cost' };
  }
  return undefined;
}

function assertFigures(f: HouseholdFigures): void {
  if (!Number.isInteger(f.householdSize) || f.householdSize < 1) throw new RangeError('householdSize must be a positive integer');
  for (const [name, v] of [['annualIncomeFen', f.annualIncomeFen], ['rigidExpensesFen', f.rigidExpensesFen], ['hardshipCostsFen', f.hardshipCostsFen ?? 0]] as const) {
    if (!Number.isSafeInteger(v) || v < 0) throw new RangeError(`${name} must be a non-negative integer number of fen`);
  }
}

/** Whole months between two ISO dates (employment start → application), floor. */
export function monthsBetween(fromIso: string, toIso: string): number {
  const [fy, fm, fd] = fromIso.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = toIso.split('-').map(Number) as [number, number, number];
  let months = (ty - fy) * 12 + (tm - fm);
  if (td < fd) months -= 1;
  return Math.max(0, months);
}
