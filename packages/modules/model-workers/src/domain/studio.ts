import { z } from 'zod';
import { changesBetween } from '@ufp/core/audit/changes';
import { conflict, invalid } from '@ufp/core/errors';
import { AchievementKind, LeaderFlag, ReviewOutcome, SevenHas, StudioLevel } from './visit-enums.js';
import type { Decision, DecideContext } from '@ufp/kit/transition';
import { honoursInForce, type Person } from './person.js';

/** 劳模/工匠创新工作室: level, 领衔人 (a person record), members, the "七有" checklist, achievements and the annual review. */

export { AchievementKind, LeaderFlag, ReviewOutcome, SevenHas, StudioLevel };


export const achievementSchema = z.object({
  kind: z.enum(AchievementKind.values),
  title: z.string(),
  year: z.number().int(),
  /** Economic value in fen, where there is one. */
  valueFen: z.number().int().optional(),
});
export type Achievement = z.infer<typeof achievementSchema>;

export const reviewSchema = z.object({ year: z.number().int(), outcome: z.enum(ReviewOutcome.values), note: z.string().optional(), on: z.string(), by: z.string() });

export const sevenHasSchema = z.object(Object.fromEntries(SevenHas.values.map((k) => [k, z.boolean()])) as Record<SevenHas, z.ZodBoolean>);
export type SevenHasChecklist = z.infer<typeof sevenHasSchema>;

export const studioSchema = z.object({
  studioId: z.string(),
  tenantId: z.string(),
  name: z.string(),
  level: z.enum(StudioLevel.values),
  leaderId: z.string(),
  members: z.array(z.string()),
  foundedOn: z.string(),
  unitId: z.string().optional(),
  sevenHas: sevenHasSchema,
  achievements: z.array(achievementSchema),
  reviews: z.array(reviewSchema),
  createdBy: z.string(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Studio = z.infer<typeof studioSchema>;

export type StudioFields = Pick<Studio, 'name' | 'level' | 'leaderId' | 'members' | 'foundedOn' | 'unitId' | 'sevenHas' | 'achievements'>;

/** How many of the 七有 are ticked (7: the studio meets the standard). */
export const sevenHasCount = (c: SevenHasChecklist) => SevenHas.values.filter((k) => c[k]).length;

/** The leader's flag on a day: deceased, revoked (the title, or every honour), no honour in force, or none. */
export function leaderFlag(leader: Pick<Person, 'status' | 'honours'>, on: string): LeaderFlag | null {
  if (leader.status === 'deceased') return 'deceased';
  if (leader.status === 'revoked') return 'revoked';
  if (honoursInForce(leader, on).length > 0) return null;
  return leader.honours.length > 0 ? 'revoked' : 'no_honour';
}

/**
 * A studio's fields: founded not after today; a 领衔人 who is deceased or revoked cannot be named (one already
 * named is flagged, not removed); achievements not before 1949 nor after this year, their value not negative.
 */
export function assertStudioFields(fields: StudioFields, leader: Pick<Person, 'status' | 'honours' | 'nameMasked'>, today: string, leaderChanged: boolean): void {
  if (fields.foundedOn > today) throw invalid({ zh: `成立日期 ${fields.foundedOn} 晚于今天`, en: `The founding date ${fields.foundedOn} is after today` }, { field: 'foundedOn' });
  if (leaderChanged && (leader.status === 'deceased' || leader.status === 'revoked')) {
    throw invalid({ zh: `${leader.nameMasked} 已去世或称号已撤销，不能担任领衔人`, en: `${leader.nameMasked} is deceased or revoked and cannot lead a studio` }, { field: 'leaderId' });
  }
  const year = Number(today.slice(0, 4));
  fields.achievements.forEach((a, i) => {
    if (a.year > year) throw invalid({ zh: `第 ${i + 1} 项成果的年度 ${a.year} 晚于今年`, en: `Achievement ${i + 1}: year ${a.year} is after this year` }, { field: `achievements.${i}.year` });
  });
}

const studioAudit = (before: Studio | undefined, after: Studio, action: string, summary: string) => ({
  action,
  entityType: 'modelWorkers.studio',
  entityId: after.studioId,
  summary,
  changes: changesBetween(before ? auditView(before) : undefined, auditView(after), ['name', 'level', 'leaderId', 'sevenHas', 'achievements', 'reviews']),
});

const auditView = (s: Studio) => ({
  name: s.name,
  level: s.level,
  leaderId: s.leaderId,
  sevenHas: SevenHas.values.filter((k) => s.sevenHas[k]).map((k) => SevenHas.labels[k].zh).join('、'),
  achievements: s.achievements.length,
  reviews: s.reviews.map((r) => `${r.year} ${ReviewOutcome.labels[r.outcome].zh}`).join('；'),
});

export const createStudioAudit = (after: Studio) => studioAudit(undefined, after, 'modelWorkers.studios.create', `登记创新工作室「${after.name}」（${StudioLevel.labels[after.level].zh}，七有 ${sevenHasCount(after.sevenHas)}/7）`);

export function updateStudio(before: Studio, fields: StudioFields, leader: Pick<Person, 'status' | 'honours' | 'nameMasked'>, ctx: DecideContext): Decision<Studio> {
  assertStudioFields(fields, leader, ctx.today, fields.leaderId !== before.leaderId);
  const after: Studio = { ...before, ...fields, updatedAt: ctx.now.toISOString() };
  return { after, audit: studioAudit(before, after, 'modelWorkers.studios.update', `修改创新工作室「${after.name}」`) };
}

/** The annual review: one per year, from the founding year to this year. */
export function reviewStudio(before: Studio, input: { year: number; outcome: ReviewOutcome; note?: string }, ctx: DecideContext): Decision<Studio> {
  const thisYear = Number(ctx.today.slice(0, 4));
  const founded = Number(before.foundedOn.slice(0, 4));
  if (input.year > thisYear) throw invalid({ zh: `考核年度 ${input.year} 晚于今年`, en: `Review year ${input.year} is after this year` }, { field: 'year' });
  if (input.year < founded) throw invalid({ zh: `考核年度早于工作室成立年度（${founded}）`, en: `Review year is before the studio was founded (${founded})` }, { field: 'year' });
  if (before.reviews.some((r) => r.year === input.year)) throw conflict({ zh: `${input.year} 年度考核已登记`, en: `The ${input.year} review is already recorded` }, { field: 'year' });
  const review = { year: input.year, outcome: input.outcome, note: input.note, on: ctx.today, by: ctx.scope.actor.sub };
  const after: Studio = { ...before, reviews: [...before.reviews, review].sort((a, b) => b.year - a.year), updatedAt: ctx.now.toISOString() };
  return { after, audit: studioAudit(before, after, 'modelWorkers.studios.review', `创新工作室「${before.name}」${input.year} 年度考核：${ReviewOutcome.labels[input.outcome].zh}`) };
}

/** The latest review's outcome, or null when never reviewed. */
export const latestReview = (s: Pick<Studio, 'reviews'>) => [...s.reviews].sort((a, b) => b.year - a.year)[0] ?? null;
