import { z } from 'zod';
import { defineEnum } from '@ufp/kit/enum';
import { DEFAULT_REQUIRED_DOCUMENTS, DocumentKind } from './document-kinds.js';

/**
 * Hardship rule packs: one per tenant and year (DOMAIN.md §6, anchors §5). Every value is a
 * per-tenant setting; the defaults below are the ones the spec names.
 */

export const AidKind = defineEnum({
  living: { zh: '生活救助', en: 'Living assistance' },
  medical: { zh: '医疗救助', en: 'Medical assistance' },
  education: { zh: '金秋助学', en: 'Education (Golden Autumn)' },
  festival: { zh: '送温暖', en: 'Festival visits' },
  temporary: { zh: '临时救助', en: 'Temporary assistance' },
  training: { zh: '职业培训', en: 'Vocational training' },
});
export type AidKind = (typeof AidKind.values)[number];
export const aidKinds = AidKind.values;
export const aidKindLabels = AidKind.labels;

export const FundSource = defineEnum({
  central: { zh: '中央财政帮扶资金', en: 'Central fiscal fund' },
  province: { zh: '省级帮扶资金', en: 'Provincial fund' },
  city: { zh: '市级帮扶资金', en: 'City fund' },
  county: { zh: '县级帮扶资金', en: 'County fund' },
  union: { zh: '工会经费', en: 'Union dues' },
  social: { zh: '社会捐助', en: 'Donations' },
  model_worker: { zh: '劳模专项资金', en: 'Model-worker special fund' },
});
export type FundSource = (typeof FundSource.values)[number];
export const fundSources = FundSource.values;
export const fundSourceLabels = FundSource.labels;

/** The school level of a 金秋助学 student (anchors §5): 高等教育 or 高中（含中职）. */
export const SchoolLevel = defineEnum({
  higher: { zh: '高等教育', en: 'Higher education' },
  high_school: { zh: '高中（含中职）', en: 'High school (incl. secondary vocational)' },
});
export type SchoolLevel = (typeof SchoolLevel.values)[number];

/** 金秋助学 per student of an on-file (建档) household, in fen, by school level (anchors §5: ¥5,000 / ¥3,000). */
export const DEFAULT_EDUCATION_PER_STUDENT: Record<SchoolLevel, number> = { higher: 500_000, high_school: 300_000 };

export const hardshipRulePackSchema = z.object({
  year: z.number().int(),
  /** Local 低保 standard, per person per month, in fen. */
  dibaoMonthlyFen: z.number().int(),
  /** 相对困难 line as a multiple of 低保 (default 2). */
  relativeMultiplier: z.number(),
  /** 意外致困 when in-year hardship costs exceed this share of household income (default 0.8). */
  accidentalShare: z.number(),
  /**
   * Cap per aid kind per household per year, in fen. Not applied to 金秋助学 (`education`): that is limited per
   * student — `educationPerStudent` by school level, one grant per student per year — so a household with two
   * students gets both students' amounts.
   */
  caps: z.object(Object.fromEntries(AidKind.values.map((k) => [k, z.number().int()])) as Record<AidKind, z.ZodNumber>),
  /** The unit's investigation clock, in calendar days from submission (default 5). */
  investigationDays: z.number().int(),
  /** Minimum days the public notice runs before review (default 5). */
  noticeDays: z.number().int(),
  /** Follow-up monitoring after exit (脱困), in months (default 6). */
  followUpMonths: z.number().int(),
  /** A grant above this many fen needs a second staff member's approval (大额发放双人审批); none when unset. */
  grantApprovalAboveFen: z.number().int().optional(),
  /** The documents a file must carry before its notice and review (default 申请表 and 收入核对授权书); packs stored before the setting read the default. */
  requiredDocuments: z.array(z.enum(DocumentKind.values)).default([...DEFAULT_REQUIRED_DOCUMENTS]),
  /** 金秋助学 per student and year by school level, in fen; packs stored before the setting read the defaults. */
  educationPerStudent: z.object({ higher: z.number().int(), high_school: z.number().int() }).default({ ...DEFAULT_EDUCATION_PER_STUDENT }),
  version: z.number().int(),
  updatedAt: z.string().optional(),
});
export type HardshipRulePack = z.infer<typeof hardshipRulePackSchema>;

/** The defaults a tenant starts from until it sets its own pack for the year. */
export function defaultRulePack(year: number): HardshipRulePack {
  return {
    year,
    dibaoMonthlyFen: 78_000,
    relativeMultiplier: 2,
    accidentalShare: 0.8,
    caps: {
      living: 1_200_000,
      medical: 3_000_000,
      education: 500_000,
      festival: 200_000,
      temporary: 500_000,
      training: 300_000,
    },
    investigationDays: 5,
    noticeDays: 5,
    followUpMonths: 6,
    requiredDocuments: [...DEFAULT_REQUIRED_DOCUMENTS],
    educationPerStudent: { ...DEFAULT_EDUCATION_PER_STUDENT },
    version: 0,
  };
}
