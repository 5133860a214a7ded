import { conflict, DomainError, invalid, notFound } from '@ufp/core/errors';
import { retryStale } from '@ufp/db/unit-of-work';
import { write } from '@ufp/kit/write';
import type { z } from 'zod';
import { practicalTimeLimitSeconds } from '../domain/completion.js';
import { StageKind } from '../domain/enums.js';
import { judgeSummaries, stageDeviations } from '../domain/severity.js';
import { ConflictReason, drawWorkNumbers as drawNumbers } from '../domain/work-numbers.js';
import type { EventItem, ScoreConflictItem, ScoreItem, WorkNumbersItem } from '../items.js';
import type { declareConflictInput, eventIdInput, resolveConflictInput, stageInput } from '../schemas/judging.js';
import { cipherField, encrypt, store, type Ctx } from './context.js';
import { eventForPanel, eventForStaffOrPanel, panelJudge, panelRoles } from './panel-access.js';
import { aspectInputs, aspectsOf, assertScoresOpen, countedEntries, isJudged, resultsPublished, schemeOf, settingsOf, stageNumbers } from './score-reading.js';

export { recordTimes } from './completion-times.js';
export { submitScores } from './submit-scores.js';

type In<S extends z.ZodType> = z.output<S>;

const stageLabel = (stage: StageKind) => StageKind.labels[stage];

/** The stage must be one of the 赛项's, and scored (培训 is not). */
export function assertScoredStage(event: EventItem, stage: StageKind): void {
  if (!event.stages.some((s) => s.kind === stage)) {
    throw invalid({ zh: `本赛项没有「${stageLabel(stage).zh}」阶段`, en: `This event has no "${stageLabel(stage).en}" stage` }, { field: 'stage' });
  }
  if (stage === 'training') throw invalid({ zh: '培训阶段不评分', en: 'Training is not scored' }, { field: 'stage' });
}

async function assertNotPublished(ctx: Ctx, eventId: string, stage: StageKind): Promise<void> {
  if (await store(ctx).findResults(ctx.scope.tenantId, eventId, stage)) throw resultsPublished();
}

/** The 赛项 where the caller has a panel role (judge, chief judge, 监督仲裁组). */
export async function mine(ctx: Ctx) {
  const [events, competitions] = await Promise.all([store(ctx).events(ctx.scope.tenantId), store(ctx).competitions(ctx.scope.tenantId)]);
  const names = new Map(competitions.map((c) => [c.competitionId, c.name]));
  return events
    .map((e) => ({ e, roles: panelRoles(e, ctx.scope.actor.sub) }))
    .filter(({ roles }) => roles.length > 0)
    .map(({ e, roles }) => ({ eventId: e.eventId, eventName: e.name, competitionName: names.get(e.competitionId) ?? null, roles, stages: e.stages }));
}

/** Unit id → name, for the units named (a name that cannot be read shows as —). */
async function unitNames(ctx: Ctx, unitIds: readonly string[]): Promise<Map<string, string>> {
  const scope = { ...ctx.scope, unitId: undefined };
  const pairs = await Promise.all([...new Set(unitIds)].map(async (id) => [id, await ctx.deps.units.get(scope, id).then((u) => u.name, () => '—')] as const));
  return new Map(pairs);
}

/** The registered contestants as a judge sees them to declare conflicts: name and unit, never an ID number. */
export async function conflictList(ctx: Ctx, input: In<typeof eventIdInput>) {
  const event = await eventForPanel(ctx, input.eventId, 'judge');
  const contestants = (await store(ctx).contestants(ctx.scope.tenantId, event.eventId)).filter((c) => c.status === 'registered');
  const units = await unitNames(ctx, contestants.map((c) => c.unitId));
  const me = ctx.scope.actor.sub;
  return contestants.map((c) => ({
    contestantId: c.contestantId,
    name: c.name,
    unitName: units.get(c.unitId) ?? '—',
    declared: event.conflicts.some((d) => d.judgeId === me && d.contestantId === c.contestantId),
  }));
}

/** A judge declares a conflict with a contestant (any time before the contestant's stage has published results); declaring twice changes nothing. */
export async function declareConflict(ctx: Ctx, input: In<typeof declareConflictInput>) {
  return retryStale(async () => {
    const event = await eventForPanel(ctx, input.eventId, 'judge');
    const me = ctx.scope.actor.sub;
    const contestant = await store(ctx).contestant(ctx.scope.tenantId, event.eventId, input.contestantId);
    await assertNotPublished(ctx, event.eventId, contestant.stage);
    const answer = { eventId: event.eventId, contestantId: contestant.contestantId, reason: input.reason, declared: true };
    if (event.conflicts.some((d) => d.judgeId === me && d.contestantId === contestant.contestantId)) return answer;
    return write(ctx, (uow, now) => {
      const after: EventItem = { ...event, conflicts: [...event.conflicts, { judgeId: me, contestantId: contestant.contestantId, reason: input.reason, declaredAt: now.toISOString() }], version: event.version + 1, updatedAt: now.toISOString() };
      store(ctx).saveEvent(uow, after, event.version);
      const reason = ConflictReason.labels[input.reason];
      uow.audit({ action: 'competitions.judging.declareConflict', entityType: 'competitions.event', entityId: event.eventId, summary: `裁判声明回避选手 ${contestant.contestantId}（${reason.zh}）` });
      return answer;
    });
  });
}

/** Blind numbers for the registered contestants of a stage, once per stage: the mapping sealed, the numbers in clear. */
export async function drawWorkNumbers(ctx: Ctx, input: In<typeof stageInput>) {
  const s = store(ctx);
  const event = await s.event(ctx.scope.tenantId, input.eventId);
  assertScoredStage(event, input.stage);
  const drawnAlready = () => conflict({ zh: `「${stageLabel(input.stage).zh}」已抽取加密号`, en: `Work numbers were already drawn for "${stageLabel(input.stage).en}"` }, { reason: 'work_numbers_drawn' });
  if (await s.findWorkNumbers(ctx.scope.tenantId, event.eventId, input.stage)) throw drawnAlready();
  const contestants = (await s.contestants(ctx.scope.tenantId, event.eventId)).filter((c) => c.status === 'registered' && c.stage === input.stage);
  if (contestants.length === 0) throw conflict({ zh: `「${stageLabel(input.stage).zh}」没有在册选手，无法抽号`, en: `No registered contestant is in "${stageLabel(input.stage).en}" to draw for` }, { reason: 'no_contestants' });
  const others = await Promise.all(event.stages.filter((st) => st.kind !== input.stage).map((st) => s.findWorkNumbers(ctx.scope.tenantId, event.eventId, st.kind)));
  const taken = new Set(others.flatMap((w) => w?.numbers ?? []));
  const settings = await settingsOf(ctx, event);
  const drawn = drawNumbers(contestants.map((c) => c.contestantId), settings, taken);
  const sealedMapping = await encrypt(ctx, JSON.stringify(drawn.mapping), cipherField.workNumbers);
  return write(ctx, (uow, now) => {
    const item: WorkNumbersItem = { tenantId: ctx.scope.tenantId, eventId: event.eventId, stage: input.stage, numbers: drawn.numbers, sealedMapping, drawnAt: now.toISOString(), drawnBy: ctx.scope.actor.sub };
    s.addWorkNumbers(uow, item, drawnAlready());
    uow.audit({ action: 'competitions.judging.drawWorkNumbers', entityType: 'competitions.workNumbers', entityId: `${event.eventId}#${input.stage}`, summary: `抽取「${stageLabel(input.stage).zh}」加密号 ${drawn.numbers.length} 个` });
    return { stage: input.stage, count: drawn.numbers.length };
  });
}

const entryView = (s: Pick<ScoreItem, 'workNumber' | 'aspectCode' | 'value' | 'clientId' | 'recordedAt'>) => ({ workNumber: s.workNumber, aspectCode: s.aspectCode, value: s.value, clientId: s.clientId, recordedAt: s.recordedAt });
const conflictView = (c: ScoreConflictItem) => ({ ...entryView(c), existingClientId: c.existingClientId, existingValue: c.existingValue });

/** A judge's sheet: the scheme, the numbers they may mark, their own entries and unresolved conflicts — never another judge's scores. */
export async function sheet(ctx: Ctx, input: In<typeof stageInput>) {
  const event = await eventForPanel(ctx, input.eventId, 'judge');
  const me = ctx.scope.actor.sub;
  const scheme = schemeOf(event);
  const [numbers, own, conflicts] = await Promise.all([
    stageNumbers(ctx, event, input.stage),
    store(ctx).scoresBy(ctx.scope.tenantId, event.eventId, input.stage, me),
    store(ctx).scoreConflicts(ctx.scope.tenantId, event.eventId, input.stage),
  ]);
  return {
    eventId: event.eventId,
    stage: input.stage,
    scheme: { parts: scheme.parts, locked: scheme.lockedAt !== undefined || Date.parse(scheme.startsAt) <= ctx.deps.clock.now().getTime() },
    workNumbers: [...numbers.markableBy(me)].sort(),
    mine: own.map(entryView).sort((a, b) => a.workNumber.localeCompare(b.workNumber) || a.aspectCode.localeCompare(b.aspectCode)),
    conflicts: conflicts.filter((c) => c.judgeId === me && !c.resolvedAt).map(conflictView),
  };
}

/** The judge picks which of their entries for a mark stands: the stored one, or a conflicting one (which replaces it). */
export async function resolveConflict(ctx: Ctx, input: In<typeof resolveConflictInput>) {
  const event = await eventForPanel(ctx, input.eventId, 'judge');
  panelJudge(event, ctx.scope.actor.sub);
  await assertScoresOpen(ctx, event.eventId, input.stage);
  const me = ctx.scope.actor.sub;
  const s = store(ctx);
  const open = (await s.scoreConflicts(ctx.scope.tenantId, event.eventId, input.stage)).filter((c) => c.judgeId === me && c.workNumber === input.workNumber && c.aspectCode === input.aspectCode && !c.resolvedAt);
  if (open.length === 0) throw notFound({ zh: '待处理的评分冲突', en: 'Open score conflict' });
  const stored = (await s.scoresAt(ctx.scope.tenantId, event.eventId, input.stage, [{ workNumber: input.workNumber, aspectCode: input.aspectCode, judgeId: me }])).values().next().value as ScoreItem | undefined;
  const picked = open.find((c) => c.clientId === input.keepClientId);
  if (!picked && stored?.clientId !== input.keepClientId) {
    throw invalid({ zh: '要保留的评分不是此项的已存评分或冲突评分', en: 'The entry to keep is neither the stored entry nor a conflicting one of this mark' }, { field: 'keepClientId' });
  }
  return write(ctx, (uow, now) => {
    const at = now.toISOString();
    let standing = stored!;
    if (picked) {
      const { existingClientId: _e, existingValue: _v, resolvedAt: _r, ...entry } = picked;
      const replaced = stored ? [...stored.replacedClientIds, stored.clientId] : [];
      standing = { ...entry, enteredAt: at, version: (stored?.version ?? 0) + 1, replacedClientIds: replaced };
      if (stored) s.saveScore(uow, standing, stored.version);
      else s.addScore(uow, standing);
      s.touchBoard(uow, ctx.scope.tenantId, event.eventId, input.stage, standing.workNumber, [{ aspectCode: standing.aspectCode, judgeId: standing.judgeId, value: standing.value }], at);
    }
    for (const c of open) s.saveScoreConflict(uow, { ...c, resolvedAt: at });
    uow.audit({
      action: 'competitions.judging.resolveConflict',
      entityType: 'competitions.scores',
      entityId: `${event.eventId}#${input.stage}`,
      summary: `裁判处理评分冲突：加密号 ${input.workNumber} 评分项 ${input.aspectCode} 保留${picked ? '冲突评分' : '原评分'}（${standing.value}），关闭冲突 ${open.length} 条`,
    });
    return { ...entryView(standing), kept: picked ? ('conflicting' as const) : ('stored' as const), resolved: open.length };
  });
}

/** Progress and live outliers for the chief judge (or staff): entered vs expected per number, flagged deviations, open conflicts. */
export async function panel(ctx: Ctx, input: In<typeof stageInput>) {
  const event = await eventForStaffOrPanel(ctx, input.eventId, 'chief');
  const scheme = schemeOf(event);
  const [numbers, scores, conflicts, settings, times, scoresOpen] = await Promise.all([
    stageNumbers(ctx, event, input.stage),
    store(ctx).scores(ctx.scope.tenantId, event.eventId, input.stage),
    store(ctx).scoreConflicts(ctx.scope.tenantId, event.eventId, input.stage),
    settingsOf(ctx, event),
    store(ctx).completionTimes(ctx.scope.tenantId, event.eventId, input.stage),
    assertScoresOpen(ctx, event.eventId, input.stage).then(
      () => true,
      (e: unknown) => {
        if (e instanceof DomainError) return false;
        throw e;
      },
    ),
  ]);
  const seconds = new Map(times.map((t) => [t.workNumber, t.seconds]));
  const aspects = [...aspectsOf(scheme).values()];
  const judged = aspects.filter(isJudged);
  const counted = countedEntries(scheme, scores, numbers);
  const workNumbers = numbers.drawn?.numbers ?? [];
  const progress = workNumbers.map((n) => {
    const mine = counted.filter((s) => s.workNumber === n);
    return { workNumber: n, entered: mine.length, expected: numbers.judgesFor(n).length * judged.length + (aspects.length - judged.length), completionSeconds: seconds.get(n) ?? null };
  });
  const deviations = stageDeviations(scheme, aspectInputs(scheme, counted), settings);
  const names = new Map(event.panel.judges.map((j) => [j.userId, j.name]));
  return {
    eventId: event.eventId,
    stage: input.stage,
    progress,
    flags: deviations.filter((d) => d.flagged).map((d) => ({ ...d, judgeName: names.get(d.judgeId) ?? null })),
    judges: judgeSummaries(deviations).map((j) => ({ ...j, name: names.get(j.judgeId) ?? null })),
    conflicts: conflicts.filter((c) => !c.resolvedAt).length,
    /** 完成用时: the practical time limit, and whether the tie-break cascade uses completion time at all. */
    timeLimitSeconds: practicalTimeLimitSeconds(scheme) ?? null,
    timesUsed: settings.tieBreak.includes('completionTime'),
    /** Whether scores (and times) can still change: before publication, or after an upheld protest. */
    scoresOpen,
  };
}
