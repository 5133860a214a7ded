import { z } from 'zod';
import { canonicalJson } from '@ufp/core/audit/chain';
import { invalid, type Bilingual } from '@ufp/core/errors';
import { defineEnum } from '@ufp/kit/enum';
import { CompetitionClass, HonourLevel } from './enums.js';
import { assertPrizeRule } from './prizes.js';

/**
 * A rule pack: every setting of a competition's scoring, results, prizes and honours, as data with defaults
 * (DOMAIN.md §5). A competition picks a pack ("省一类竞赛规则") and may customise it; `differencesFromPack` lists what it
 * changed, with bilingual labels, so reviewers see where a competition departs from the rules it claims.
 *
 * Units: weights and shares in basis points (10000 = 100%), money in integer fen, times in minutes.
 */

/** The tie-break cascade's steps (anchors §4: "faster completion → higher 操作 → higher 理论 → shared rank"). */
export const TieBreakRule = defineEnum({
  completionTime: { zh: '完成用时（少者在前）', en: 'Completion time (shorter first)' },
  practical: { zh: '实操成绩（高者在前）', en: 'Practical score (higher first)' },
  theory: { zh: '理论成绩（高者在前）', en: 'Theory score (higher first)' },
  defence: { zh: '答辩成绩（高者在前）', en: 'Oral defence score (higher first)' },
});
export type TieBreakRule = (typeof TieBreakRule.values)[number];

const fen = z.number().int().min(0);
const bp = z.number().int().min(0).max(10000);
const bilingual = z.object({ zh: z.string().min(1), en: z.string().min(1) });

/** Prizes by rank: a table of rank ranges, each place paid `amountFen` (every contestant sharing a rank in range is paid). */
export const prizeByRankSchema = z.object({
  kind: z.literal('byRank'),
  table: z.array(z.object({ fromRank: z.number().int().min(1), toRank: z.number().int().min(1), label: bilingual, amountFen: fen })),
});
/** Prizes by share of the field: 一等奖 the first 10%, 二等奖 the next 20% … (cumulative shares, counted down from the top). */
export const prizeByShareSchema = z.object({
  kind: z.literal('byShare'),
  tiers: z.array(z.object({ code: z.string().min(1), label: bilingual, shareBp: bp.min(1), amountFen: fen })),
});
export const prizeRuleSchema = z.discriminatedUnion('kind', [prizeByRankSchema, prizeByShareSchema]);
export type PrizeRule = z.infer<typeof prizeRuleSchema>;

/** What an honour rule gives: a recommendation for an honour of the ladder, or one skill grade up. */
export const honourAwardSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('recommendation'), honourCode: z.string().min(1), level: z.enum(HonourLevel.values), name: bilingual }),
  z.object({ kind: z.literal('skillGradeUp') }),
]);
export type HonourAward = z.infer<typeof honourAwardSchema>;

/** Final ranks `fromRank`–`toRank` of a competition of one of `classes` (all when absent) get `award`; `maxAge` for a youth award. */
export const honourRuleSchema = z.object({
  fromRank: z.number().int().min(1),
  toRank: z.number().int().min(1),
  classes: z.array(z.enum(CompetitionClass.values)).min(1).optional(),
  /** Age in full years at the competition's reference date, at most (e.g. 35 for 青年岗位能手). */
  maxAge: z.number().int().min(1).max(100).optional(),
  award: honourAwardSchema,
});
export type HonourRule = z.infer<typeof honourRuleSchema>;

export const ruleSettingsSchema = z.object({
  /** Theory parts together weigh at most this (住建部 2015: 理论 ≤ 30% for construction trades). */
  theoryWeightMaxBp: bp.default(3000),
  /** With at least this many judges on a mark the highest and the lowest are dropped (one local rule: 5). */
  dropHighLowMinJudges: z.number().int().min(3).max(99).default(5),
  /** A judge's 0–3 judgement score further than this from the median of the other judges is flagged. */
  judgementSpreadMaxPoints: z.number().int().min(1).max(3).default(1),
  /** A judge's direct mark further than this share of the aspect's maximum from the other judges' median is flagged. */
  marksSpreadMaxBp: bp.min(1).default(1500),
  /** Equal totals are separated by these, in order; still equal after the last one, they share the rank. */
  tieBreak: z.array(z.enum(TieBreakRule.values)).default(['completionTime', 'practical', 'theory']),
  /** Minutes after provisional results during which a protest is taken (监督仲裁组, "within 2 hours"). */
  protestWindowMinutes: z.number().int().min(0).max(7 * 24 * 60).default(120),
  prizes: prizeRuleSchema.default({ kind: 'byRank', table: [] }),
  honours: z.array(honourRuleSchema).default([]),
  /** Digits of a blind work number (加密号). */
  workNumberDigits: z.number().int().min(3).max(8).default(4),
});
export type RuleSettings = z.infer<typeof ruleSettingsSchema>;
export type RuleSettingsInput = z.input<typeof ruleSettingsSchema>;
export type SettingKey = keyof RuleSettings;

/** The bilingual name of every setting (what the differences list and the console show). */
export const settingLabels: Record<SettingKey, Bilingual> = {
  theoryWeightMaxBp: { zh: '理论权重上限', en: 'Theory weight cap' },
  dropHighLowMinJudges: { zh: '去掉最高最低分的最少裁判数', en: 'Judges needed to drop the highest and lowest' },
  judgementSpreadMaxPoints: { zh: '评价分偏离上限（0–3 分制）', en: 'Judgement score spread limit (0–3 scale)' },
  marksSpreadMaxBp: { zh: '打分偏离上限（占满分比例）', en: 'Mark spread limit (share of the maximum)' },
  tieBreak: { zh: '同分排序规则', en: 'Tie-break cascade' },
  protestWindowMinutes: { zh: '申诉期（分钟）', en: 'Protest window (minutes)' },
  prizes: { zh: '奖金规则', en: 'Prize rule' },
  honours: { zh: '荣誉与技能等级规则', en: 'Honour and skill grade rules' },
  workNumberDigits: { zh: '加密号位数', en: 'Work number digits' },
};

export const rulePackSchema = z.object({
  code: z.string().min(1),
  name: bilingual,
  version: z.number().int().min(1),
  settings: ruleSettingsSchema,
});
export type RulePack = z.infer<typeof rulePackSchema>;

/** A competition's rules: the pack it picked (code and version) and the settings in force after its changes. */
export interface CustomRules {
  packCode: string;
  packVersion: number;
  settings: RuleSettings;
}

const yuan = (n: number) => n * 100;

/**
 * 省一类竞赛规则. Prizes by share (2012 national notice: 一等奖 10% / 二等奖 20% / 三等奖 30%); honours from the 陕西 2017
 * mapping (一类 第1名 → 省五一劳动奖章, 前5 → 省技术能手) and 振兴杯 2006 (6–20名 → up one grade). Sources: anchors §4.
 */
export const provinceClass1Pack: RulePack = rulePackSchema.parse({
  code: 'province-class1',
  name: { zh: '省一类竞赛规则', en: 'Provincial class-1 competition rules' },
  version: 1,
  settings: {
    prizes: {
      kind: 'byShare',
      tiers: [
        { code: 'first', label: { zh: '一等奖', en: 'First prize' }, shareBp: 1000, amountFen: 0 },
        { code: 'second', label: { zh: '二等奖', en: 'Second prize' }, shareBp: 2000, amountFen: 0 },
        { code: 'third', label: { zh: '三等奖', en: 'Third prize' }, shareBp: 3000, amountFen: 0 },
      ],
    },
    honours: [
      { fromRank: 1, toRank: 1, award: { kind: 'recommendation', honourCode: 'provincial_may_day_medal', level: 'provincial', name: { zh: '省五一劳动奖章', en: 'Provincial May Day Labour Medal' } } },
      { fromRank: 1, toRank: 5, award: { kind: 'recommendation', honourCode: 'provincial_skills_expert', level: 'provincial', name: { zh: '省技术能手', en: 'Provincial Technical Expert' } } },
      { fromRank: 6, toRank: 20, award: { kind: 'skillGradeUp' } },
    ],
  },
});

/** 企业赛规则: prizes by rank from the 兴发工匠杯 seed (第1名 10万元, 第2名 5万元, 第3名 3万元, 第4～6名 各2万元); no honours. */
export const enterprisePack: RulePack = rulePackSchema.parse({
  code: 'enterprise',
  name: { zh: '企业赛规则', en: 'Enterprise competition rules' },
  version: 1,
  settings: {
    prizes: {
      kind: 'byRank',
      table: [
        { fromRank: 1, toRank: 1, label: { zh: '第一名', en: 'First place' }, amountFen: yuan(100_000) },
        { fromRank: 2, toRank: 2, label: { zh: '第二名', en: 'Second place' }, amountFen: yuan(50_000) },
        { fromRank: 3, toRank: 3, label: { zh: '第三名', en: 'Third place' }, amountFen: yuan(30_000) },
        { fromRank: 4, toRank: 6, label: { zh: '第四至六名', en: 'Fourth to sixth place' }, amountFen: yuan(20_000) },
      ],
    },
  },
});

export const builtInPacks: readonly RulePack[] = [provinceClass1Pack, enterprisePack];

export const findPack = (code: string, packs: readonly RulePack[] = builtInPacks): RulePack | undefined => packs.find((p) => p.code === code);

/** The pack's rules as a competition starts from them (no changes yet). */
export const fromPack = (pack: RulePack): CustomRules => ({ packCode: pack.code, packVersion: pack.version, settings: pack.settings });

/**
 * A competition's rules: the pack's settings with `overrides` laid over them (a setting is replaced whole: an array or a
 * prize table is not merged). A value the schema refuses is an `invalid` naming the setting.
 */
export function customise(pack: RulePack, overrides: Partial<RuleSettingsInput>): CustomRules {
  const unknown = Object.keys(overrides).find((k) => !(k in settingLabels));
  if (unknown !== undefined) throw invalid({ zh: `没有名为 ${unknown} 的规则设置`, en: `There is no setting named ${unknown}` }, { field: `settings.${unknown}` });
  const parsed = ruleSettingsSchema.safeParse({ ...pack.settings, ...overrides });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const key = String(issue.path[0] ?? '') as SettingKey;
    const label = settingLabels[key] ?? { zh: key, en: key };
    throw invalid({ zh: `规则设置「${label.zh}」的值无效`, en: `Invalid value for the setting "${label.en}"` }, { field: `settings.${issue.path.join('.')}` });
  }
  assertPrizeRule(parsed.data.prizes);
  const reversed = parsed.data.honours.find((h) => h.fromRank > h.toRank);
  if (reversed) throw invalid({ zh: `荣誉规则名次范围 ${reversed.fromRank}–${reversed.toRank} 起止颠倒`, en: `Honour rule rank range ${reversed.fromRank}–${reversed.toRank} is reversed` }, { field: 'settings.honours' });
  return { packCode: pack.code, packVersion: pack.version, settings: parsed.data };
}

export interface SettingDifference {
  key: SettingKey;
  label: Bilingual;
  /** The pack's value and the competition's. */
  pack: unknown;
  custom: unknown;
}

/** Every setting where the competition's rules differ from its pack's, in the settings' order (compared as canonical JSON). */
export function differencesFromPack(pack: RulePack, custom: CustomRules): SettingDifference[] {
  if (custom.packCode !== pack.code || custom.packVersion !== pack.version) {
    throw invalid({ zh: `本竞赛选用的规则包是 ${custom.packCode} 第 ${custom.packVersion} 版，不是 ${pack.code} 第 ${pack.version} 版`, en: `The competition uses the pack ${custom.packCode} v${custom.packVersion}, not ${pack.code} v${pack.version}` }, { field: 'packCode' });
  }
  const keys = Object.keys(settingLabels) as SettingKey[];
  return keys
    .filter((k) => canonicalJson(pack.settings[k]) !== canonicalJson(custom.settings[k]))
    .map((k) => ({ key: k, label: settingLabels[k], pack: pack.settings[k], custom: custom.settings[k] }));
}
