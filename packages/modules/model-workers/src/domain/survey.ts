import { z } from 'zod';
import { defineEnum } from '@ufp/kit/enum';

/**
 * The annual 劳模生活状况调查 (anchors §3 item 1: the ACFTU 劳模管理系统's survey): income of the person and the
 * spouse, the household and its members' income, health, insurance, housing, employment status, difficulties and the
 * 困难类别. Filled by the person's unit or by staff; one per person per year (a re-submission is a versioned
 * correction). The answers are personal data: stored only encrypted.
 */

export const EmploymentStatus = defineEnum({
  employed: { zh: '在职', en: 'Employed' },
  retired: { zh: '离退休', en: 'Retired' },
  laid_off: { zh: '下岗', en: 'Laid off' },
  self_employed: { zh: '自谋职业', en: 'Self-employed' },
});
export type EmploymentStatus = (typeof EmploymentStatus.values)[number];

export const HousingType = defineEnum({
  owned: { zh: '自有住房', en: 'Own home' },
  rented: { zh: '租房', en: 'Rented' },
  public_rental: { zh: '公租房/廉租房', en: 'Public rental' },
  relatives: { zh: '借住亲友', en: 'Living with relatives' },
  none: { zh: '无固定住所', en: 'No fixed home' },
});
export type HousingType = (typeof HousingType.values)[number];

export const HardshipCategory = defineEnum({
  none: { zh: '无', en: 'None' },
  low_income: { zh: '低收入', en: 'Low income' },
  illness: { zh: '因病致困', en: 'Illness' },
  disability: { zh: '因残致困', en: 'Disability' },
  disaster: { zh: '因灾致困', en: 'Disaster' },
  unemployment: { zh: '失业/下岗', en: 'Unemployment' },
  schooling: { zh: '子女教育', en: "Children's schooling" },
  other: { zh: '其他', en: 'Other' },
});
export type HardshipCategory = (typeof HardshipCategory.values)[number];

export const surveyMemberSchema = z.object({ relation: z.string(), name: z.string(), annualIncomeFen: z.number().int().optional(), health: z.string().optional() });

/** The answers (encrypted as one JSON). Money in fen; the household counts the person, the spouse and the members. */
export const surveyAnswersSchema = z.object({
  personIncomeFen: z.number().int(),
  spouseIncomeFen: z.number().int().optional(),
  /** Other household members (children, parents …): the person and the spouse are not listed here. */
  members: z.array(surveyMemberSchema),
  householdSize: z.number().int(),
  rigidExpensesFen: z.number().int().optional(),
  illness: z.boolean(),
  health: z.string().optional(),
  pensionInsurance: z.boolean(),
  medicalInsurance: z.boolean(),
  housingType: z.enum(HousingType.values),
  housingAreaM2: z.number(),
  employmentStatus: z.enum(EmploymentStatus.values),
  difficulties: z.string().optional(),
  hardshipCategory: z.enum(HardshipCategory.values),
});
export type SurveyAnswers = z.infer<typeof surveyAnswersSchema>;

/** The household's annual income: the person's, the spouse's and every member's. */
export function householdIncomeFen(a: Pick<SurveyAnswers, 'personIncomeFen' | 'spouseIncomeFen' | 'members'>): number {
  return a.personIncomeFen + (a.spouseIncomeFen ?? 0) + a.members.reduce((sum, m) => sum + (m.annualIncomeFen ?? 0), 0);
}

/** What a year-on-year comparison can flag. */
export const SurveyChange = defineEnum({
  income_down: { zh: '家庭年收入下降', en: 'Household income fell' },
  personal_income_down: { zh: '本人年收入下降', en: 'Personal income fell' },
  new_illness: { zh: '新发疾病', en: 'New illness' },
  housing_changed: { zh: '住房情况变化', en: 'Housing changed' },
  insurance_lost: { zh: '失去社会保险', en: 'Lost social insurance' },
  employment_changed: { zh: '就业状况变化', en: 'Employment status changed' },
  household_changed: { zh: '家庭人口变化', en: 'Household size changed' },
  newly_in_hardship: { zh: '新报困难类别', en: 'Newly reports hardship' },
});
export type SurveyChange = (typeof SurveyChange.values)[number];

export interface SurveyFlag {
  code: SurveyChange;
  zh: string;
  en: string;
}

/** How far an income must fall, year on year, to be flagged (percent; strictly more than this). */
export const DEFAULT_INCOME_DROP_PERCENT = 20;

const yuan = (fen: number) => `¥${(fen / 100).toLocaleString('en-US', { minimumFractionDigits: 0, maximumFractionDigits: 2 })}`;

/** The fall from `before` to `after` in whole percent (rounded down), 0 when it did not fall. */
export function dropPercent(before: number, after: number): number {
  if (before <= 0 || after >= before) return 0;
  return Math.floor(((before - after) * 100) / before);
}

/**
 * What changed since last year's survey (none on a first survey): income down by more than `dropThreshold` percent
 * (household or personal), a new illness, housing type or area changed, a lost 养老/医疗 insurance, employment
 * status or household size changed, and a 困难类别 reported where there was none.
 */
export function surveyChanges(previous: SurveyAnswers | undefined, current: SurveyAnswers, dropThreshold = DEFAULT_INCOME_DROP_PERCENT): SurveyFlag[] {
  if (!previous) return [];
  const flags: SurveyFlag[] = [];
  const flag = (code: SurveyChange, zh: string, en: string) => flags.push({ code, zh, en });
  const label = SurveyChange.labels;

  const before = householdIncomeFen(previous);
  const after = householdIncomeFen(current);
  const household = dropPercent(before, after);
  if (household > dropThreshold) flag('income_down', `${label.income_down.zh} ${household}%（${yuan(before)} → ${yuan(after)}）`, `${label.income_down.en} by ${household}% (${yuan(before)} → ${yuan(after)})`);
  const personal = dropPercent(previous.personIncomeFen, current.personIncomeFen);
  if (personal > dropThreshold) {
    flag('personal_income_down', `${label.personal_income_down.zh} ${personal}%（${yuan(previous.personIncomeFen)} → ${yuan(current.personIncomeFen)}）`, `${label.personal_income_down.en} by ${personal}%`);
  }
  if (current.illness && !previous.illness) flag('new_illness', label.new_illness.zh, label.new_illness.en);
  if (current.housingType !== previous.housingType) {
    flag('housing_changed', `住房由「${HousingType.labels[previous.housingType].zh}」变为「${HousingType.labels[current.housingType].zh}」`, `Housing: ${HousingType.labels[previous.housingType].en} → ${HousingType.labels[current.housingType].en}`);
  } else if (current.housingAreaM2 !== previous.housingAreaM2) {
    flag('housing_changed', `住房面积 ${previous.housingAreaM2}㎡ → ${current.housingAreaM2}㎡`, `Housing area ${previous.housingAreaM2} m² → ${current.housingAreaM2} m²`);
  }
  const lost = [...(previous.pensionInsurance && !current.pensionInsurance ? [['养老保险', 'pension insurance']] : []), ...(previous.medicalInsurance && !current.medicalInsurance ? [['医疗保险', 'medical insurance']] : [])];
  if (lost.length) flag('insurance_lost', `失去${lost.map((l) => l[0]).join('、')}`, `Lost ${lost.map((l) => l[1]).join(' and ')}`);
  if (current.employmentStatus !== previous.employmentStatus) {
    flag('employment_changed', `就业状况：${EmploymentStatus.labels[previous.employmentStatus].zh} → ${EmploymentStatus.labels[current.employmentStatus].zh}`, `Employment: ${EmploymentStatus.labels[previous.employmentStatus].en} → ${EmploymentStatus.labels[current.employmentStatus].en}`);
  }
  if (current.householdSize !== previous.householdSize) flag('household_changed', `家庭人口 ${previous.householdSize} → ${current.householdSize} 人`, `Household ${previous.householdSize} → ${current.householdSize}`);
  if (current.hardshipCategory !== 'none' && previous.hardshipCategory === 'none') {
    flag('newly_in_hardship', `新报困难类别：${HardshipCategory.labels[current.hardshipCategory].zh}`, `Newly reports hardship: ${HardshipCategory.labels[current.hardshipCategory].en}`);
  }
  return flags;
}
