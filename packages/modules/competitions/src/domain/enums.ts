import { defineEnum } from '@ufp/kit/enum';
import { Gender, HonourLevel, SkillGrade } from '@ufp/kit/vocabulary';

export { Gender, HonourLevel, SkillGrade };

/** The competition module's enumerations (zod-free: the console reads the labels). */

/** 竞赛级别: 国家级一类/二类, 省级, 市级, 企业 (anchors §4 "Levels"). */
export const CompetitionClass = defineEnum({
  national_class1: { zh: '国家级一类', en: 'National, class 1' },
  national_class2: { zh: '国家级二类', en: 'National, class 2' },
  provincial: { zh: '省级', en: 'Provincial' },
  city: { zh: '市级', en: 'City' },
  enterprise: { zh: '企业', en: 'Enterprise' },
});
export type CompetitionClass = (typeof CompetitionClass.values)[number];

/** The stages of a 赛项, in order (the 兴发工匠杯 seed: 海选、培训、预赛、复赛、决赛). */
export const StageKind = defineEnum({
  audition: { zh: '海选', en: 'Open audition' },
  training: { zh: '培训', en: 'Training' },
  preliminary: { zh: '预赛', en: 'Preliminary' },
  semifinal: { zh: '复赛', en: 'Semi-final' },
  final: { zh: '决赛', en: 'Final' },
});
export type StageKind = (typeof StageKind.values)[number];

/** What a part of the marking scheme tests; the theory cap and the tie-break cascade refer to these. */
export const PartKind = defineEnum({
  theory: { zh: '理论', en: 'Theory' },
  practical: { zh: '实操', en: 'Practical' },
  defence: { zh: '答辩', en: 'Oral defence' },
  other: { zh: '其他', en: 'Other' },
});
export type PartKind = (typeof PartKind.values)[number];

/** The order of grades, `none` = 0 … `chief` = 7. */
export const gradeRank = (g: SkillGrade): number => SkillGrade.values.indexOf(g);

