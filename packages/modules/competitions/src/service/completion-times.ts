import { conflict, invalid } from '@ufp/core/errors';
import { write } from '@ufp/kit/write';
import type { z } from 'zod';
import { assertCompletionTime, durationText, practicalTimeLimitSeconds } from '../domain/completion.js';
import { StageKind } from '../domain/enums.js';
import type { CompletionTimeItem } from '../items.js';
import type { recordTimesInput } from '../schemas/judging.js';
import { store, type Ctx } from './context.js';
import { assertScoredStage } from './judging.js';
import { eventForStaffOrPanel } from './panel-access.js';
import { assertScoresOpen, schemeOf, stageNumbers } from './score-reading.js';

type In<S extends z.ZodType> = z.output<S>;

export const timeView = (t: CompletionTimeItem) => ({ workNumber: t.workNumber, seconds: t.seconds, recordedAt: t.recordedAt });

/**
 * 完成用时 (the chief judge or the organiser's staff): per work number, on the blind numbers, within the practical time
 * limit; corrected while the stage's scores are open (before publication, or after an upheld protest), like scores.
 * The whole call applies or nothing does (a bad entry names its row).
 */
export async function recordTimes(ctx: Ctx, input: In<typeof recordTimesInput>) {
  const event = await eventForStaffOrPanel(ctx, input.eventId, 'chief');
  assertScoredStage(event, input.stage);
  const scheme = schemeOf(event);
  await assertScoresOpen(ctx, event.eventId, input.stage);
  const numbers = await stageNumbers(ctx, event, input.stage);
  if (!numbers.drawn) throw conflict({ zh: '本阶段尚未抽取加密号，不能记录完成用时', en: 'No work numbers were drawn for this stage: completion times cannot be recorded' }, { field: 'stage', reason: 'work_numbers_not_drawn' });
  const drawn = new Set(numbers.drawn.numbers);
  const limit = practicalTimeLimitSeconds(scheme);
  const seen = new Set<string>();
  input.entries.forEach((e, i) => {
    if (!drawn.has(e.workNumber)) throw invalid({ zh: `加密号 ${e.workNumber} 不是本阶段的加密号`, en: `${e.workNumber} is not a work number of this stage` }, { field: `entries.${i}.workNumber` });
    if (seen.has(e.workNumber)) throw invalid({ zh: `加密号 ${e.workNumber} 重复`, en: `Work number ${e.workNumber} is given twice` }, { field: `entries.${i}.workNumber` });
    seen.add(e.workNumber);
    assertCompletionTime(e.seconds, limit, `entries.${i}.seconds`);
  });
  const s = store(ctx);
  const existing = new Map((await s.completionTimes(ctx.scope.tenantId, event.eventId, input.stage)).map((t) => [t.workNumber, t]));
  const saved = await write(ctx, (uow, now) => {
    const items = input.entries.map((e) => {
      const before = existing.get(e.workNumber);
      const item: CompletionTimeItem = { tenantId: ctx.scope.tenantId, eventId: event.eventId, stage: input.stage, workNumber: e.workNumber, seconds: e.seconds, recordedBy: ctx.scope.actor.sub, recordedAt: now.toISOString(), version: (before?.version ?? 0) + 1 };
      s.putCompletionTime(uow, item, before?.version);
      return { item, before };
    });
    const lines = items.map(({ item, before }) => `${item.workNumber} ${durationText(item.seconds)}${before ? `（原 ${durationText(before.seconds)}）` : ''}`);
    uow.audit({
      action: 'competitions.judging.recordTimes',
      entityType: 'competitions.completionTimes',
      entityId: `${event.eventId}#${input.stage}`,
      summary: `记录${event.name.zh}「${StageKind.labels[input.stage].zh}」完成用时 ${items.length} 份：${lines.slice(0, 10).join('，')}${lines.length > 10 ? ' 等' : ''}`,
    });
    return items.map(({ item }) => item);
  });
  return { limitSeconds: limit ?? null, times: saved.map(timeView) };
}
