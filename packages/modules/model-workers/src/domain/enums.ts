import { defineEnum } from '@ufp/kit/enum';
import { Gender, HonourLevel, SkillGrade } from '@ufp/kit/vocabulary';

export { Gender, HonourLevel, SkillGrade };

/** The person record's enumerations (zod-free: the console reads the labels). */

export const PersonStatus = defineEnum({
  active: { zh: '在职', en: 'In work' },
  retired: { zh: '退休', en: 'Retired' },
  deceased: { zh: '去世', en: 'Deceased' },
  revoked: { zh: '撤销', en: 'Title revoked' },
});
export type PersonStatus = (typeof PersonStatus.values)[number];

/** 在职 → 退休 → 去世; 撤销 (the whole title) from any living state. Deceased and revoked are final. */
export const nextStatuses: Record<PersonStatus, readonly PersonStatus[]> = {
  active: ['retired', 'deceased', 'revoked'],
  retired: ['deceased', 'revoked', 'active'],
  deceased: [],
  revoked: [],
};


export const PoliticalStatus = defineEnum({
  cpc_member: { zh: '中共党员', en: 'CPC member' },
  cpc_probationary: { zh: '中共预备党员', en: 'CPC probationary member' },
  cyl_member: { zh: '共青团员', en: 'Communist Youth League member' },
  democratic_party: { zh: '民主党派', en: 'Democratic party member' },
  masses: { zh: '群众', en: 'No party affiliation' },
});

export const Education = defineEnum({
  postgraduate: { zh: '研究生', en: 'Postgraduate' },
  bachelor: { zh: '大学本科', en: 'Bachelor' },
  college: { zh: '大专', en: 'College' },
  secondary: { zh: '中专/高中', en: 'Secondary / vocational' },
  junior: { zh: '初中及以下', en: 'Junior secondary or below' },
});

/** 人大代表 / 政协委员. */
export const DeputyBody = defineEnum({ npc: { zh: '人大代表', en: "People's Congress deputy" }, cppcc: { zh: '政协委员', en: 'CPPCC member' } });
export type DeputyBody = (typeof DeputyBody.values)[number];

/** 人员类别 (the quota rules count these). */
export const Occupation = defineEnum({
  frontline: { zh: '一线工人', en: 'Front-line worker' },
  technical: { zh: '专业技术人员', en: 'Professional / technical staff' },
  manager: { zh: '企业负责人', en: 'Enterprise head' },
  civil_servant: { zh: '机关事业单位人员', en: 'Public-sector staff' },
  farmer: { zh: '农民', en: 'Farmer' },
  other: { zh: '其他', en: 'Other' },
});
export type Occupation = (typeof Occupation.values)[number];

/** Higher is more senior: national 4 … county 1. */
export const levelRank: Record<HonourLevel, number> = { national: 4, provincial: 3, city: 2, county: 1 };

export const HonourCategory = defineEnum({
  model_worker: { zh: '劳动模范', en: 'Model worker' },
  advanced_worker: { zh: '先进工作者', en: 'Advanced worker' },
  may_day_medal: { zh: '五一劳动奖章', en: 'May Day Labour Medal' },
  craftsman: { zh: '工匠', en: 'Craftsman' },
  skills_expert: { zh: '技术能手', en: 'Technical expert' },
});
export type HonourCategory = (typeof HonourCategory.values)[number];

/** A nomination's status (domain/nomination.ts; here so events.ts reads it without the domain's imports). */
export const NominationStatus = defineEnum({
  nominated: { zh: '基层推荐', en: 'Nominated' },
  reviewed: { zh: '县级审核通过', en: 'County review passed' },
  approved: { zh: '审批通过', en: 'Approved' },
  rejected: { zh: '未通过', en: 'Rejected' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn' },
});
export type NominationStatus = (typeof NominationStatus.values)[number];

/** The kinds of 劳模 benefit (domain/benefits.ts; here so events.ts reads it without the domain's imports). */
export const BenefitKind = defineEnum({
  special_subsidy: { zh: '专项补助', en: 'Special subsidy' },
  honour_allowance: { zh: '荣誉津贴', en: 'Honour allowance' },
  spring_festival: { zh: '春节慰问', en: 'Spring Festival visit' },
});
export type BenefitKind = (typeof BenefitKind.values)[number];
