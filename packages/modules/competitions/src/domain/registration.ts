import { z } from 'zod';
import { conflict, invalid, type Bilingual } from '@ufp/core/errors';
import { defineEnum } from '@ufp/kit/enum';
import { gradeRank, SkillGrade } from './enums.js';
import { instantText } from './time.js';

/**
 * Who may enter a 赛项: units register their own members, within the registration window, in an accepted trade, at an
 * accepted skill grade, and within any age limit an award requires (e.g. 青年岗位能手: 35周岁以下). Every refusal names
 * the rule it applies, in both languages.
 *
 * Age is in full years (周岁) at the rule's reference date. The wording decides the boundary, as 民法典 第1259条 reads
 * it: "以上、以下、以内、届满" include the number, "不满、超过、以外" do not. So "35周岁以下" admits someone of exactly 35
 * (up to the day before the 36th birthday), "不满35周岁" does not.
 */

export const AgeWording = defineEnum({
  atMost: { zh: '周岁以下（含）', en: 'years or younger' },
  under: { zh: '不满周岁', en: 'under' },
  atLeast: { zh: '周岁以上（含）', en: 'years or older' },
  over: { zh: '超过周岁', en: 'over' },
});
export type AgeWording = (typeof AgeWording.values)[number];

export const ageLimitSchema = z.object({
  years: z.number().int().min(1).max(100),
  wording: z.enum(AgeWording.values),
  /** The day age is counted at (e.g. the competition's first day or 12-31 of the year, as the notice says). */
  referenceDate: z.string(),
  /** What requires it (e.g. 青年岗位能手), shown in the refusal. */
  basis: z.object({ zh: z.string(), en: z.string() }).optional(),
});
export type AgeLimit = z.infer<typeof ageLimitSchema>;

export const registrationRulesSchema = z.object({
  opensAt: z.string(),
  closesAt: z.string(),
  /** Trade codes (工种) the 赛项 accepts. */
  trades: z.array(z.string().min(1)).min(1),
  minGrade: z.enum(SkillGrade.values).optional(),
  maxGrade: z.enum(SkillGrade.values).optional(),
  ageLimits: z.array(ageLimitSchema).default([]),
});
export type RegistrationRules = z.infer<typeof registrationRulesSchema>;

export const RegistrationRule = defineEnum({
  window: { zh: '报名时间', en: 'Registration window' },
  unit: { zh: '由所在单位报名', en: 'Registered by own unit' },
  membership: { zh: '工会会员', en: 'Union membership' },
  trade: { zh: '工种', en: 'Trade' },
  grade: { zh: '职业技能等级', en: 'Skill grade' },
  age: { zh: '年龄', en: 'Age' },
});
export type RegistrationRule = (typeof RegistrationRule.values)[number];

/** What the check reads of the person (the service decrypts nothing for it: the birth date is a plain field of the member). */
export interface Applicant {
  personId: string;
  unitId: string;
  member: boolean;
  birthDate: string;
  trade: string;
  skillGrade: SkillGrade;
}

export interface Refusal {
  rule: RegistrationRule;
  field: string;
  text: Bilingual;
}

/** Age in full years (周岁) on `date`: the birthday itself counts (born 02-29: from 03-01 in a common year). */
export function ageOn(birthDate: string, date: string): number {
  const years = Number(date.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return date.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

/** The limit in words: "35周岁以下（含）" / "35 years or younger". */
export function ageLimitText(limit: Pick<AgeLimit, 'years' | 'wording'>): Bilingual {
  const n = limit.years;
  switch (limit.wording) {
    case 'atMost':
      return { zh: `${n}周岁以下（含${n}周岁）`, en: `${n} years or younger` };
    case 'under':
      return { zh: `不满${n}周岁`, en: `under ${n}` };
    case 'atLeast':
      return { zh: `${n}周岁以上（含${n}周岁）`, en: `${n} years or older` };
    case 'over':
      return { zh: `超过${n}周岁`, en: `over ${n}` };
  }
}

export function meetsAgeLimit(age: number, limit: Pick<AgeLimit, 'years' | 'wording'>): boolean {
  switch (limit.wording) {
    case 'atMost':
      return age <= limit.years;
    case 'under':
      return age < limit.years;
    case 'atLeast':
      return age >= limit.years;
    case 'over':
      return age > limit.years;
  }
}

/** Every rule the applicant fails, in the order above (empty: eligible). `now` is the platform clock. */
export function registrationRefusals(rules: RegistrationRules, applicant: Applicant, registeringUnitId: string, now: Date): Refusal[] {
  const out: Refusal[] = [];
  const t = now.getTime();
  if (t < Date.parse(rules.opensAt) || t > Date.parse(rules.closesAt)) {
    const [from, to] = [instantText(rules.opensAt), instantText(rules.closesAt)];
    out.push({ rule: 'window', field: 'eventId', text: { zh: `报名时间为 ${from.zh} 至 ${to.zh}，现在不在报名时间内`, en: `Registration runs from ${from.en} to ${to.en}; it is not open now` } });
  }
  if (applicant.unitId !== registeringUnitId) out.push({ rule: 'unit', field: 'personId', text: { zh: '只能由所在单位为本单位职工报名', en: "Only the person's own unit can register them" } });
  if (!applicant.member) out.push({ rule: 'membership', field: 'personId', text: { zh: '须为工会会员', en: 'Must be a union member' } });
  if (!rules.trades.includes(applicant.trade)) out.push({ rule: 'trade', field: 'trade', text: { zh: `本赛项只接受工种：${rules.trades.join('、')}`, en: `This event accepts the trades: ${rules.trades.join(', ')}` } });
  const g = gradeRank(applicant.skillGrade);
  const own = SkillGrade.labels[applicant.skillGrade];
  if (rules.minGrade && g < gradeRank(rules.minGrade)) {
    const min = SkillGrade.labels[rules.minGrade];
    out.push({ rule: 'grade', field: 'skillGrade', text: { zh: `职业技能等级须为${min.zh}及以上（本人：${own.zh}）`, en: `The skill grade must be ${min.en} or above (theirs: ${own.en})` } });
  }
  if (rules.maxGrade && g > gradeRank(rules.maxGrade)) {
    const max = SkillGrade.labels[rules.maxGrade];
    out.push({ rule: 'grade', field: 'skillGrade', text: { zh: `职业技能等级须为${max.zh}及以下（本人：${own.zh}）`, en: `The skill grade must be ${max.en} or below (theirs: ${own.en})` } });
  }
  for (const limit of rules.ageLimits) {
    const age = ageOn(applicant.birthDate, limit.referenceDate);
    if (meetsAgeLimit(age, limit)) continue;
    const words = ageLimitText(limit);
    const basis = limit.basis ? { zh: `（${limit.basis.zh}）`, en: ` (${limit.basis.en})` } : { zh: '', en: '' };
    out.push({ rule: 'age', field: 'birthDate', text: { zh: `年龄须${words.zh}${basis.zh}：截至 ${limit.referenceDate} 为 ${age} 周岁`, en: `Age must be ${words.en}${basis.en}: ${age} on ${limit.referenceDate}` } });
  }
  return out;
}

/** Refuses with the first failed rule: outside the window a conflict (409), otherwise invalid naming the field. */
export function assertEligible(rules: RegistrationRules, applicant: Applicant, registeringUnitId: string, now: Date): void {
  const first = registrationRefusals(rules, applicant, registeringUnitId, now)[0];
  if (!first) return;
  const details = { field: first.field, rule: first.rule };
  throw first.rule === 'window' ? conflict(first.text, details) : invalid(first.text, details);
}
