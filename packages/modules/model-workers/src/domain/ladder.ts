import { z } from 'zod';
import { HonourCategory, HonourLevel, levelRank } from './enums.js';

/**
 * The honour ladder (荣誉体系): which honours exist, their level, the treatment (待遇) they carry,
 * how long an honour excludes a second nomination for it, and what a nominee must already hold.
 * The platform operator maintains it; these are the shipped defaults (DOMAIN.md §4, anchors §3).
 */

export { HonourCategory, HonourLevel, levelRank } from './enums.js';

export const honourTypeSchema = z.object({
  code: z.string(),
  name: z.object({ zh: z.string(), en: z.string() }),
  category: z.enum(HonourCategory.values),
  level: z.enum(HonourLevel.values),
  /** 享受…待遇: the treatment level the honour carries (its own level when absent). */
  treatment: z.enum(HonourLevel.values).optional(),
  /** A holder may not be nominated for the same honour again within this many years (the round's period). */
  periodYears: z.number().int().min(1).max(50),
  /** A nominee must already hold an honour of at least this level (e.g. 全国五一 needs 省级 or above). */
  prerequisiteLevel: z.enum(HonourLevel.values).optional(),
  /** Retired from the ladder: kept for the people who hold it, offered for no new campaign. */
  retired: z.boolean().optional(),
});
export type HonourType = z.infer<typeof honourTypeSchema>;

const t = (code: string, zh: string, en: string, category: HonourCategory, level: HonourLevel, periodYears: number, extra: Partial<HonourType> = {}): HonourType => ({
  code,
  name: { zh, en },
  category,
  level,
  periodYears,
  ...extra,
});

/** Highest first. 全国劳模 every 5 years; 五一奖章 yearly (so the exclusion is that year's round). */
export const defaultLadder: readonly HonourType[] = [
  t('national_model_worker', '全国劳动模范', 'National Model Worker', 'model_worker', 'national', 5),
  t('national_advanced_worker', '全国先进工作者', 'National Advanced Worker', 'advanced_worker', 'national', 5),
  t('great_craftsman', '大国工匠', 'Great Craftsman of the Nation', 'craftsman', 'national', 1),
  t('national_may_day_medal', '全国五一劳动奖章', 'National May Day Labour Medal', 'may_day_medal', 'national', 1, { treatment: 'provincial', prerequisiteLevel: 'provincial' }),
  t('national_skills_expert', '全国技术能手', 'National Technical Expert', 'skills_expert', 'national', 1),
  t('provincial_model_worker', '省部级劳动模范', 'Provincial Model Worker', 'model_worker', 'provincial', 5),
  t('provincial_advanced_worker', '省部级先进工作者', 'Provincial Advanced Worker', 'advanced_worker', 'provincial', 5),
  t('provincial_may_day_medal', '省五一劳动奖章', 'Provincial May Day Labour Medal', 'may_day_medal', 'provincial', 1),
  t('provincial_craftsman', '省工匠', 'Provincial Craftsman', 'craftsman', 'provincial', 1),
  t('provincial_skills_expert', '省技术能手', 'Provincial Technical Expert', 'skills_expert', 'provincial', 1),
  t('city_model_worker', '市级劳动模范', 'City Model Worker', 'model_worker', 'city', 5),
  t('city_craftsman', '市工匠', 'City Craftsman', 'craftsman', 'city', 1),
];

export const ladderSchema = z.object({ honours: z.array(honourTypeSchema) });

/** The treatment level an honour gives its holder (享受…待遇). */
export const treatmentOf = (h: Pick<HonourType, 'level' | 'treatment'>): HonourLevel => h.treatment ?? h.level;

export const findHonour = (ladder: readonly HonourType[], code: string): HonourType | undefined => ladder.find((h) => h.code === code);

/** The ladder sorted highest first (level, then the order given). */
export function sortLadder(ladder: readonly HonourType[]): HonourType[] {
  return ladder.map((h, i) => ({ h, i })).sort((a, b) => levelRank[b.h.level] - levelRank[a.h.level] || a.i - b.i).map(({ h }) => h);
}
