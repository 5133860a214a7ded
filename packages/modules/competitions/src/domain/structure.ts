import { z } from 'zod';
import { invalid, type Bilingual } from '@ufp/core/errors';
import { CompetitionClass, StageKind } from './enums.js';
import { advancementRuleSchema } from './ranking.js';
import { ruleSettingsSchema } from './rule-pack.js';

/**
 * Competition → 赛项 (event, one trade) → stages (海选, 培训, 预赛, 复赛, 决赛). A competition picks a rule pack and keeps
 * its customised settings; each 赛项 runs some of the stages in their fixed order, every scored stage but the last with
 * an advancement rule (top N or top share; ties at the cut advance, ranking.ts). 培训 is not scored: nobody is cut there.
 */

const bilingual = z.object({ zh: z.string().min(1), en: z.string().min(1) });

export const competitionSchema = z.object({
  competitionId: z.string(),
  tenantId: z.string(),
  name: bilingual,
  class: z.enum(CompetitionClass.values),
  year: z.number().int(),
  /** The pack picked (code and version) and the settings in force after the competition's own changes. */
  rules: z.object({ packCode: z.string(), packVersion: z.number().int(), settings: ruleSettingsSchema }),
  /** The prize budget in fen (prizes.ts `assertWithinBudget`). */
  prizeBudgetFen: z.number().int().min(0).optional(),
  version: z.number().int(),
});
export type Competition = z.infer<typeof competitionSchema>;

export const stageSchema = z.object({
  kind: z.enum(StageKind.values),
  startsAt: z.string(),
  /** Who goes on to the next stage; absent for 培训 and for the last stage. */
  advancement: advancementRuleSchema.optional(),
});
export type Stage = z.infer<typeof stageSchema>;

export const eventSchema = z.object({
  eventId: z.string(),
  competitionId: z.string(),
  name: bilingual,
  /** The trade (工种) code: registration matches it and results.finalized carries it. */
  tradeCode: z.string().min(1),
  stages: z.array(stageSchema),
  version: z.number().int(),
});
export type CompetitionEvent = z.infer<typeof eventSchema>;

const order = (k: StageKind) => StageKind.values.indexOf(k);

/** What is wrong with a 赛项's stages (empty when none). */
export function stageProblems(stages: readonly Stage[]): Bilingual[] {
  if (stages.length === 0) return [{ zh: '赛项至少需要一个阶段', en: 'An event needs at least one stage' }];
  const problems: Bilingual[] = [];
  stages.forEach((s, i) => {
    const label = StageKind.labels[s.kind];
    const prev = stages[i - 1];
    if (prev && order(prev.kind) >= order(s.kind)) problems.push({ zh: `「${label.zh}」须排在「${StageKind.labels[prev.kind].zh}」之后且不重复`, en: `"${label.en}" must come after "${StageKind.labels[prev.kind].en}", once` });
    if (prev && Date.parse(prev.startsAt) > Date.parse(s.startsAt)) problems.push({ zh: `「${label.zh}」开始时间早于上一阶段`, en: `"${label.en}" starts before the stage before it` });
    const last = i === stages.length - 1;
    if (last && s.advancement) problems.push({ zh: `最后一个阶段「${label.zh}」没有晋级`, en: `The last stage "${label.en}" has no advancement` });
    if (s.kind === 'training' && s.advancement) problems.push({ zh: '培训阶段不评分、不设晋级', en: 'Training is not scored and cuts nobody' });
    if (!last && s.kind !== 'training' && !s.advancement) problems.push({ zh: `「${label.zh}」须设晋级规则（前 N 名或前百分比）`, en: `"${label.en}" needs an advancement rule (top N or top share)` });
  });
  return problems;
}

export function assertStages(stages: readonly Stage[]): void {
  const first = stageProblems(stages)[0];
  if (first) throw invalid(first, { field: 'stages' });
}

/** The stage after `kind` in this 赛项, or undefined after the last. */
export function stageAfter(event: Pick<CompetitionEvent, 'stages'>, kind: StageKind): Stage | undefined {
  const i = event.stages.findIndex((s) => s.kind === kind);
  return i < 0 ? undefined : event.stages[i + 1];
}

/** The stage whose ranks are final (prizes and honours come from it): the last one. */
export const finalStage = (event: Pick<CompetitionEvent, 'stages'>): Stage | undefined => event.stages[event.stages.length - 1];
