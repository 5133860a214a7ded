/**
 * Hardship rule packs: one per tenant and year (DOMAIN.md §6, anchors §5). Every value is a
 * per-tenant setting; the defaults below are the ones the spec names.
 */

export const aidKinds = ['living', 'medical', 'education', 'festival', 'temporary', 'training'] as const;
export type AidKind = (typeof aidKinds)[number];

export const aidKindLabels: Record<AidKind, { zh: string; en: string }> = {
  living: { zh: '生活救助', en: 'Living assistance' },
  medical: { zh: '医疗救助', en: 'Medical assistance' },
  education: { zh: '金秋助学', en: 'Education (Golden Autumn)' },
  festival: { zh: '送温暖', en: 'Festival visits' },
  temporary: { zh: '临时救助', en: 'Temporary assistance' },
  training: { zh: '职业培训', en: 'Vocational training' },
};

export const fundSources = ['central', 'province', 'city', 'county', 'union', 'social'] as const;
export type FundSource = (typeof fundSources)[number];

export const fundSourceLabels: Record<FundSource, { zh: string; en: string }> = {
  central: { zh: '中央财政帮扶资金', en: 'Central fiscal fund' },
  province: { zh: '省级帮扶资金', en: 'Provincial fund' },
  city: { zh: '市级帮扶资金', en: 'City fund' },
  county: { zh: '县级帮扶资金', en: 'County fund' },
  union: { zh: '工会经费', en: 'Union dues' },
  social: { zh: '社会捐助', en: 'Donations' },
};

export interface HardshipRulePack {
  year: number;
  /** Local 低保 standard, per person per month, in fen. */
  dibaoMonthlyFen: number;
  /** 相对困难 line as a multiple of 低保 (default 2). */
  relativeMultiplier: number;
  /** 意外致困 when in-year hardship costs exceed this share of household income (default 0.8). */
  accidentalShare: number;
  /** Cap per aid kind per household per year, in fen. */
  caps: Record<AidKind, number>;
  /** The unit's investigation clock, in calendar days from submission (default 5). */
  investigationDays: number;
  /** Minimum days the public notice runs before review (default 5). */
  noticeDays: number;
  /** Follow-up monitoring after exit (脱困), in months (default 6). */
  followUpMonths: number;
  version: number;
  updatedAt?: string;
}

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
    version: 0,
  };
}
