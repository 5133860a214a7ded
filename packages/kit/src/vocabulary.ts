import { defineEnum } from './enum.js';

/**
 * The national vocabulary more than one module speaks: the 劳模 ladder records honours and skill grades, a
 * skills competition recommends honours and raises grades, and the event between them carries these values.
 */

/** 职业技能等级 (the eight-grade ladder, 2022), lowest first after `none`: "up one grade" is the next value. */
export const SkillGrade = defineEnum({
  none: { zh: '无', en: 'None' },
  grade5: { zh: '初级工', en: 'Junior worker' },
  grade4: { zh: '中级工', en: 'Intermediate worker' },
  grade3: { zh: '高级工', en: 'Senior worker' },
  grade2: { zh: '技师', en: 'Technician' },
  grade1: { zh: '高级技师', en: 'Senior technician' },
  special: { zh: '特级技师', en: 'Special technician' },
  chief: { zh: '首席技师', en: 'Chief technician' },
});
export type SkillGrade = (typeof SkillGrade.values)[number];

/** The level of an honour (and of the 待遇 it carries). */
export const HonourLevel = defineEnum({
  national: { zh: '全国', en: 'National' },
  provincial: { zh: '省部级', en: 'Provincial / ministerial' },
  city: { zh: '市级', en: 'City' },
  county: { zh: '县级', en: 'County' },
});
export type HonourLevel = (typeof HonourLevel.values)[number];

/** 性别, as a person's record and a contestant's registration both carry it. */
export const Gender = defineEnum({ male: { zh: '男', en: 'Male' }, female: { zh: '女', en: 'Female' } });
export type Gender = (typeof Gender.values)[number];
