import { defineEnum } from '@ufp/kit/enum';
import type { Gender, Occupation } from './enums.js';

type GenderValue = (typeof Gender.values)[number];

/**
 * The live quota check of a nomination list (anchors §3 "Quota constraints"): 企业负责人 at most a share,
 * 一线工人 + 专业技术人员 at least a share, women and 农民工 at least a share when the campaign sets one, and
 * the list no longer than the places allotted. Pure: the list in, the state out — the console shows it
 * after every add and remove, and `whatIf` shows the state a change would leave BEFORE it is saved.
 *
 * Shares are compared in integers (count × 1000 against limit‰ × total), so exactly 22% of 50 (11)
 * holds a "≤ 22%" rule and 12 breaks it; no float rounding decides a boundary.
 */

export const QuotaRule = defineEnum({
  managerMax: { zh: '企业负责人占比', en: 'Share of enterprise heads' },
  frontlineTechnicalMin: { zh: '一线工人和专业技术人员占比', en: 'Share of front-line and technical staff' },
  womenMin: { zh: '女性占比', en: 'Share of women' },
  migrantMin: { zh: '农民工占比', en: 'Share of migrant workers' },
});
export type QuotaRule = (typeof QuotaRule.values)[number];

/** Per-campaign quota settings, in percent (one decimal at most); 0 switches a minimum rule off. */
export interface QuotaRules {
  managerMax: number;
  frontlineTechnicalMin: number;
  womenMin: number;
  migrantMin: number;
}

/** The defaults a new campaign starts from (the 全国劳模 notices: ≤ 22% and ≥ 55%); every campaign may change them. */
export const defaultQuotaRules: QuotaRules = { managerMax: 22, frontlineTechnicalMin: 55, womenMin: 0, migrantMin: 0 };

/** What the check needs to know of each entry on the list (read from the person record). */
export interface QuotaEntry {
  occupation: Occupation;
  gender: GenderValue;
  migrantWorker: boolean;
}

export interface RuleState {
  rule: QuotaRule;
  kind: 'max' | 'min';
  /** How many entries the rule counts, out of `total`. */
  count: number;
  total: number;
  /** The share in percent, one decimal (display). */
  percent: number;
  limit: number;
  holds: boolean;
}

export interface QuotaState {
  count: number;
  places: number;
  placesHold: boolean;
  rules: RuleState[];
  holds: boolean;
}

const counters: Record<QuotaRule, { kind: 'max' | 'min'; counts: (e: QuotaEntry) => boolean }> = {
  managerMax: { kind: 'max', counts: (e) => e.occupation === 'manager' },
  frontlineTechnicalMin: { kind: 'min', counts: (e) => e.occupation === 'frontline' || e.occupation === 'technical' },
  womenMin: { kind: 'min', counts: (e) => e.gender === 'female' },
  migrantMin: { kind: 'min', counts: (e) => e.migrantWorker },
};

/** Whether `count` of `total` keeps a rule of `limit` percent (exact integer arithmetic; an empty list keeps every rule). */
export function ruleHolds(kind: 'max' | 'min', count: number, total: number, limit: number): boolean {
  const permille = Math.round(limit * 10);
  return kind === 'max' ? count * 1000 <= permille * total : count * 1000 >= permille * total;
}

const percentOf = (count: number, total: number) => (total === 0 ? 0 : Math.round((count * 1000) / total) / 10);

/** The state of a list against the campaign's rules and places. A minimum rule of 0 is off and not listed. */
export function quotaState(entries: readonly QuotaEntry[], rules: QuotaRules, places: number): QuotaState {
  const total = entries.length;
  const states = QuotaRule.values
    .filter((rule) => counters[rule].kind === 'max' || rules[rule] > 0)
    .map((rule): RuleState => {
      const { kind, counts } = counters[rule];
      const count = entries.filter(counts).length;
      return { rule, kind, count, total, percent: percentOf(count, total), limit: rules[rule], holds: ruleHolds(kind, count, total, rules[rule]) };
    });
  const placesHold = total <= places;
  return { count: total, places, placesHold, rules: states, holds: placesHold && states.every((s) => s.holds) };
}

/** "企业负责人占比 23.1% > 22%" / "Share of enterprise heads 23.1% > 22%". */
export function ruleBreach(s: RuleState): { zh: string; en: string } {
  const op = s.kind === 'max' ? '>' : '<';
  return { zh: `${QuotaRule.labels[s.rule].zh} ${s.percent}% ${op} ${s.limit}%`, en: `${QuotaRule.labels[s.rule].en} ${s.percent}% ${op} ${s.limit}%` };
}

export interface WhatIf {
  before: QuotaState;
  after: QuotaState;
  /** Rules that hold now and would not after the change. */
  breaks: RuleState[];
  /** The change would put more people on the list than the places. */
  overPlaces: boolean;
  /** The warning to show, one sentence per broken rule ("加入后 企业负责人占比 23.1% > 22%"). */
  warnings: { zh: string; en: string }[];
}

/** The state after adding and/or removing entries, and which rules the change would break. */
export function whatIf(current: readonly QuotaEntry[], change: { add?: QuotaEntry; removeIndex?: number }, rules: QuotaRules, places: number): WhatIf {
  const next = current.filter((_, i) => i !== change.removeIndex);
  if (change.add) next.push(change.add);
  const before = quotaState(current, rules, places);
  const after = quotaState(next, rules, places);
  const breaks = after.rules.filter((s) => !s.holds && before.rules.find((b) => b.rule === s.rule)?.holds !== false);
  const overPlaces = !after.placesHold && before.placesHold;
  const verb = change.add ? (change.removeIndex !== undefined ? { zh: '调整后', en: 'After the change' } : { zh: '加入后', en: 'After adding' }) : { zh: '移出后', en: 'After removing' };
  const warnings = [
    ...breaks.map((s) => {
      const b = ruleBreach(s);
      return { zh: `${verb.zh} ${b.zh}`, en: `${verb.en}: ${b.en}` };
    }),
    ...(overPlaces ? [{ zh: `${verb.zh} 推荐人数 ${after.count} 超过名额 ${places}`, en: `${verb.en}: ${after.count} nominees exceed the ${places} places` }] : []),
  ];
  return { before, after, breaks, overPlaces, warnings };
}
