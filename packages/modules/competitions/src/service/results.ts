import { shanghaiDate } from '@ufp/core/clock';
import { conflict, invalid, type Bilingual } from '@ufp/core/errors';
import type { TenantScope } from '@ufp/core/tenancy/scope';
import { exportWorkbook, XLSX_CONTENT_TYPE, type ExportSheet } from '@ufp/kit/excel';
import { write } from '@ufp/kit/write';
import type { UnitOfWork } from '@ufp/db/unit-of-work';
import type { z } from 'zod';
import { SkillGrade, StageKind } from '../domain/enums.js';
import { honoursFor, type Finalist, type WinnerOutcome } from '../domain/honours.js';
import { assertWithinBudget, prizesFor, type PrizeAward } from '../domain/prizes.js';
import { assertResultsMutable, finalise, publishProvisional, type Protest } from '../domain/protest.js';
import { advancement, type RankedEntry, type TieInfo } from '../domain/ranking.js';
import { stageResults, type ContestantMarks, type ResultLine, type StageResults } from '../domain/results.js';
import { TieBreakRule } from '../domain/rule-pack.js';
import { isSchemeLocked, type Scheme } from '../domain/scheme.js';
import { finalStage, stageAfter } from '../domain/structure.js';
import { resultsFinalized, resultsPublished, type Winner } from '../events.js';
import { resultsFinalizedMetrics } from '../metrics-deltas.js';
import type { CompetitionItem, ContestantItem, EventItem, ProtestItem, ResultsItem, ScoreItem, WorkNumbersItem } from '../items.js';
import type { gradeRaisesInput, publishInput, stageInput } from '../schemas/results.js';
import { resultsMissing, workNumbersMissing } from '../store.js';
import { recordPanel, stageTallies } from './analytics.js';
import { cipherField, decrypt, encrypt, store, type Ctx } from './context.js';
import { assertPanelRole, isStaff } from './panel-access.js';
import { isJudged, stageScores, workNumberMapping } from './score-reading.js';

/**
 * 成绩: provisional results from the stage's scores (on work numbers: blind until the 解密), the protest window, final
 * results sealed with their hash, advancement to the next stage or the hand-over of winners to 劳模, the 解密 by the
 * 监督仲裁组 (audited), and the 人社 grade-raise list.
 */

type In<S extends z.ZodType> = z.output<S>;
type StageRef = In<typeof stageInput>;

const staffCaller = (ctx: Ctx) => isStaff(ctx.scope);

// ── loading ──────────────────────────────────────────────────────────────────────────────────────────────────────────

export interface StageContext {
  event: EventItem;
  competition: CompetitionItem;
}

/** The 赛项 (404 first), its competition, and the stage, which the 赛项 must run. */
export async function loadStage(ctx: { deps: Ctx['deps']; scope: TenantScope }, eventId: string, stage: StageKind): Promise<StageContext> {
  const s = store(ctx);
  const event = await s.event(ctx.scope.tenantId, eventId);
  const competition = await s.competition(ctx.scope.tenantId, event.competitionId);
  if (!event.stages.some((x) => x.kind === stage)) {
    throw invalid({ zh: `本赛项没有「${StageKind.labels[stage].zh}」阶段`, en: `This event has no ${StageKind.labels[stage].en} stage` }, { field: 'stage' });
  }
  return { event, competition };
}

export const isLastStage = (event: EventItem, stage: StageKind) => finalStage(event)?.kind === stage;

/** The work-number mapping of a stage, decrypted (never leaves the service but through the audited reveal). */
export async function mappingOf(ctx: Ctx, wn: WorkNumbersItem): Promise<Map<string, string>> {
  return new Map((await workNumberMapping(ctx, wn)).map((m) => [m.workNumber, m.contestantId]));
}

export const asContent = (item: ResultsItem) => item.content as unknown as StageResults;

/** The domain's view of stored protests. */
export const domainProtests = (items: readonly ProtestItem[]): Protest[] =>
  items.map((p) => ({ protestId: p.protestId, contestantId: p.contestantId, filedAt: p.filedAt, status: p.status, decidedAt: p.decidedAt, ruling: p.ruling }));

// ── marks → results ──────────────────────────────────────────────────────────────────────────────────────────────────

/**
 * Marks entered against marks expected, per work number: each judged aspect by every panel judge who may mark the work
 * (recusal applied, as the chief judge's panel counts them; at least one), each measurement once.
 */
export function markingProgress(scheme: Scheme, workNumbers: readonly string[], counted: readonly ScoreItem[], judgesFor: (workNumber: string) => string[]): Map<string, { entered: number; expected: number }> {
  const aspects = scheme.parts.flatMap((p) => p.aspects);
  const out = new Map<string, { entered: number; expected: number }>();
  for (const wn of workNumbers) {
    const judges = Math.max(1, judgesFor(wn).length);
    let entered = 0;
    let expected = 0;
    for (const a of aspects) {
      const n = counted.filter((x) => x.workNumber === wn && x.aspectCode === a.code).length;
      const want = isJudged(a) ? judges : 1;
      expected += want;
      entered += Math.min(want, n);
    }
    out.set(wn, { entered, expected });
  }
  return out;
}

/** Computes a stage's results from its counted scores; refuses (409) while marks are missing or conflicts unresolved. */
async function computeResults(ctx: Ctx, { event, competition }: StageContext, stage: StageKind): Promise<StageResults> {
  const scheme = event.scheme;
  if (!scheme || !isSchemeLocked(scheme, ctx.deps.clock.now())) throw conflict({ zh: '评分方案尚未锁定，不能公布成绩', en: 'The marking scheme is not locked: results cannot be published' }, { field: 'stage', reason: 'scheme_not_locked' });
  const [{ numbers, counted, inputs }, conflicts, times] = await Promise.all([
    stageScores(ctx, event, stage),
    store(ctx).scoreConflicts(ctx.scope.tenantId, event.eventId, stage),
    store(ctx).completionTimes(ctx.scope.tenantId, event.eventId, stage),
  ]);
  if (!numbers.drawn) throw conflict({ zh: '本阶段尚未抽取加密号，没有可公布的成绩', en: 'No work numbers were drawn for this stage: there are no results to publish' }, { field: 'stage', reason: 'work_numbers_not_drawn' });
  const workNumbers = numbers.drawn.numbers;
  const progress = [...markingProgress(scheme, workNumbers, counted, numbers.judgesFor).values()];
  const missing = progress.reduce((n, p) => n + p.expected - p.entered, 0);
  if (missing > 0) {
    const works = progress.filter((p) => p.entered < p.expected).length;
    throw conflict({ zh: `还有 ${works} 份作品缺少 ${missing} 项评分，评分完成后才能公布成绩`, en: `${missing} mark(s) are missing on ${works} work(s): publish once marking is complete` }, { field: 'stage', reason: 'marks_missing', missing, works });
  }
  const open = conflicts.filter((c) => !c.resolvedAt).length;
  if (open) throw conflict({ zh: `还有 ${open} 项评分冲突待裁判确认`, en: `${open} conflicting score(s) await the judge's choice` }, { field: 'stage', reason: 'score_conflicts', conflicts: open });
  // A work without a recorded completion time sorts after those with one at the tie-break's time step.
  const seconds = new Map(times.map((t) => [t.workNumber, t.seconds]));
  const marks: ContestantMarks[] = workNumbers.map((wn) => ({ contestantId: wn, inputs: inputs.get(wn) ?? [], ...(seconds.has(wn) ? { completionSeconds: seconds.get(wn)! } : {}) }));
  return stageResults(scheme, stage, marks, competition.rules.settings);
}

// ── the view ─────────────────────────────────────────────────────────────────────────────────────────────────────────

export interface TieView {
  decidedBy: TieBreakRule | 'shared';
  explanation: Bilingual;
}

/** Which rule decided a tie on total (the last step of the cascade that split it), or that the rank is shared. */
export function tieView(tie: TieInfo | null | undefined): TieView | null {
  if (!tie) return null;
  const last = tie.steps[tie.steps.length - 1];
  return { decidedBy: tie.shared || !last ? 'shared' : last.rule, explanation: tie.explanation };
}

export interface ResultsLineView {
  rank: number;
  workNumber: string;
  name?: string;
  unitName?: string;
  totalHundredths: number;
  parts: { code: string; hundredths: number }[];
  completionSeconds: number | null;
  tie: TieView | null;
}

export interface ResultsView {
  eventId: string;
  stage: StageKind;
  status: ResultsItem['status'];
  publishedAt: string;
  protestWindowEndsAt: string;
  finalizedAt: string | null;
  hash: string | null;
  revealed: boolean;
  lines: ResultsLineView[];
  revisions: ResultsItem['revisions'];
  protests: { open: number; upheld: number; dismissed: number };
  /** Final stage only: prizes by the competition's rule (on work numbers until the reveal). */
  prizes: (PrizeAward & { workNumber: string })[];
  prizesTotalFen: number;
  version: number;
}

/** The names of revealed work numbers: in full for staff, masked for unit reporters. */
async function revealedNames(ctx: Ctx, wn: WorkNumbersItem | undefined): Promise<Map<string, { name: string; unitName: string }>> {
  if (!wn?.revealedAt) return new Map();
  const mapping = await mappingOf(ctx, wn);
  const contestants = new Map((await store(ctx).contestants(ctx.scope.tenantId, wn.eventId)).map((c) => [c.contestantId, c]));
  const units = await unitNames(ctx, [...contestants.values()].map((c) => c.unitId));
  const full = staffCaller(ctx);
  const out = new Map<string, { name: string; unitName: string }>();
  for (const [number, id] of mapping) {
    const c = contestants.get(id);
    if (c) out.set(number, { name: full ? c.name : c.nameMasked, unitName: units.get(c.unitId) ?? '' });
  }
  return out;
}

/** Unit names for ids (read with the tenant's scope: a reporter sees other units' names on a results list). */
export async function unitNames(ctx: { deps: Ctx['deps']; scope: TenantScope }, unitIds: readonly string[]): Promise<Map<string, string>> {
  const scope = { ...ctx.scope, unitId: undefined };
  const ids = [...new Set(unitIds)];
  const found = await Promise.all(ids.map((id) => ctx.deps.units.get(scope, id).then((u) => u.name, () => '')));
  return new Map(ids.map((id, i) => [id, found[i]!]));
}

export function prizesOf(event: EventItem, competition: CompetitionItem, stage: StageKind, lines: readonly RankedEntry[]): PrizeAward[] {
  return isLastStage(event, stage) ? prizesFor(lines, competition.rules.settings.prizes) : [];
}

async function view(ctx: Ctx, { event, competition }: StageContext, item: ResultsItem): Promise<ResultsView> {
  const s = store(ctx);
  const [wn, protests] = await Promise.all([s.findWorkNumbers(ctx.scope.tenantId, event.eventId, item.stage), s.protests(ctx.scope.tenantId, event.eventId)]);
  const names = await revealedNames(ctx, wn);
  const content = asContent(item);
  const mine = protests.filter((p) => p.stage === item.stage);
  const prizes = prizesOf(event, competition, item.stage, content.lines);
  return {
    eventId: item.eventId,
    stage: item.stage,
    status: item.status,
    publishedAt: item.publishedAt,
    protestWindowEndsAt: item.protestWindowEndsAt,
    finalizedAt: item.finalizedAt ?? null,
    hash: item.hash ?? null,
    revealed: Boolean(wn?.revealedAt),
    lines: content.lines.map((l: ResultLine) => ({
      rank: l.rank,
      workNumber: l.contestantId,
      ...names.get(l.contestantId),
      totalHundredths: l.totalHundredths,
      parts: l.parts,
      completionSeconds: l.completionSeconds ?? null,
      tie: tieView(l.tie),
    })),
    revisions: item.revisions,
    protests: { open: mine.filter((p) => p.status === 'open').length, upheld: mine.filter((p) => p.status === 'upheld').length, dismissed: mine.filter((p) => p.status === 'dismissed').length },
    prizes: prizes.map((p) => ({ ...p, workNumber: p.contestantId })),
    prizesTotalFen: prizes.reduce((n, p) => n + p.amountFen, 0),
    version: item.version,
  };
}

// ── procedures ───────────────────────────────────────────────────────────────────────────────────────────────────────

export async function get(ctx: Ctx, input: StageRef): Promise<ResultsView> {
  const sc = await loadStage(ctx, input.eventId, input.stage);
  const item = await store(ctx).findResults(ctx.scope.tenantId, input.eventId, input.stage);
  if (!item) throw resultsMissing();
  return view(ctx, sc, item);
}

/** A republish needs a protest upheld since the last publication, and a reason. */
function assertRepublishable(before: ResultsItem, protests: readonly ProtestItem[], reason: string | undefined): void {
  assertResultsMutable(before);
  const upheld = protests.filter((p) => p.stage === before.stage && p.status === 'upheld' && p.decidedAt !== undefined && p.decidedAt > before.publishedAt);
  if (!upheld.length) throw conflict({ zh: '成绩已公布；只有申诉成立后才能更正并重新公布', en: 'The results are published; they are published again only after an upheld protest' }, { field: 'stage', reason: 'results_published' });
  if (!reason) throw invalid({ zh: '重新公布成绩须说明更正原因', en: 'Publishing again needs the reason for the correction' }, { field: 'reason' });
}

/** Publishes provisional results (staff or the chief judge): the protest window opens. */
export async function publish(ctx: Ctx, input: In<typeof publishInput>): Promise<ResultsView> {
  const sc = await loadStage(ctx, input.eventId, input.stage);
  if (!staffCaller(ctx)) assertPanelRole(sc.event, ctx.scope.actor.sub, 'chief');
  const s = store(ctx);
  const before = await s.findResults(ctx.scope.tenantId, input.eventId, input.stage);
  if (before) assertRepublishable(before, await s.protests(ctx.scope.tenantId, input.eventId), input.reason);
  const content = await computeResults(ctx, sc, input.stage);
  const settings = sc.competition.rules.settings;
  if (isLastStage(sc.event, input.stage) && sc.competition.prizeBudgetFen !== undefined) assertWithinBudget(prizesFor(content.lines, settings.prizes), sc.competition.prizeBudgetFen);
  const item = await write(ctx, (uow, now) => {
    const state = publishProvisional(now, settings);
    const revisions = [...(before?.revisions ?? []), { at: state.publishedAt, by: ctx.scope.actor.sub, reason: input.reason ?? '首次公布' }];
    const after: ResultsItem = { tenantId: ctx.scope.tenantId, competitionId: sc.event.competitionId, eventId: sc.event.eventId, stage: input.stage, content: content as unknown as ResultsItem['content'], ...state, revisions, version: (before?.version ?? 0) + 1 };
    if (before) s.saveResults(uow, after, before.version);
    else s.addResults(uow, after);
    uow.emit(resultsPublished.create({ competitionId: after.competitionId, eventId: after.eventId, stage: after.stage, revision: revisions.length, protestWindowEndsAt: after.protestWindowEndsAt }));
    const label = `${sc.event.name.zh}「${StageKind.labels[input.stage].zh}」`;
    uow.audit({ action: 'competitions.results.publish', entityType: 'competitions.results', entityId: `${after.eventId}#${after.stage}`, summary: before ? `重新公布${label}成绩（第 ${revisions.length} 版）：${input.reason}` : `公布${label}成绩（${content.lines.length} 份作品），申诉期至 ${after.protestWindowEndsAt}` });
    return after;
  });
  return view(ctx, sc, item);
}

/** Advancing contestants move to the next stage (everyone tied at the cut too); moves beyond one transaction follow it. */
function advancementMoves(sc: StageContext, stage: StageKind, content: StageResults, mapping: Map<string, string>, contestants: Map<string, ContestantItem>): ContestantItem[] {
  const next = stageAfter(sc.event, stage);
  const rule = sc.event.stages.find((x) => x.kind === stage)?.advancement;
  if (!next || !rule) return [];
  const { advancing } = advancement(content.lines, rule);
  return advancing.flatMap((wn) => {
    const c = contestants.get(mapping.get(wn) ?? '');
    return c && c.stage === stage && c.status === 'registered' ? [c] : [];
  });
}

const moveTo = (s: ReturnType<typeof store>, uow: UnitOfWork, cs: readonly ContestantItem[], stage: StageKind, now: Date) => {
  for (const c of cs) s.saveContestant(uow, { ...c, stage, version: c.version + 1, updatedAt: now.toISOString() }, c.version);
};

/** What the honour rules give the last stage's ranks (work numbers mapped to contestants; contestant id as person id). */
export function outcomesOf(sc: StageContext, content: StageResults, mapping: Map<string, string>, contestants: Map<string, ContestantItem>): WinnerOutcome[] {
  const ranked = content.lines.map((l) => ({ ...l, contestantId: mapping.get(l.contestantId) ?? l.contestantId }));
  const finalists: Finalist[] = ranked.flatMap((l) => {
    const c = contestants.get(l.contestantId);
    return c ? [{ contestantId: c.contestantId, personId: c.contestantId, birthDate: c.birthDate, skillGrade: c.skillGrade }] : [];
  });
  const last = finalStage(sc.event)!;
  // Ages for an age-limited honour are counted on the day the last stage starts.
  return honoursFor(ranked, finalists, sc.competition.rules.settings, { competitionClass: sc.competition.class, tradeCode: sc.event.tradeCode, referenceDate: shanghaiDate(new Date(last.startsAt)) });
}

/** The winners as 劳模 receives them: honours, grade raises, the person sealed under the hand-over cipher field. */
async function sealWinners(ctx: Ctx, outcomes: readonly WinnerOutcome[], contestants: Map<string, ContestantItem>): Promise<Winner[]> {
  return Promise.all(
    outcomes.map(async (o): Promise<Winner> => {
      const c = contestants.get(o.personId)!;
      const person = { name: c.name, idNumber: await decrypt(ctx, c.idCipher, cipherField.idNumber), gender: c.gender, birthDate: c.birthDate, unitId: c.unitId, skillGrade: c.skillGrade };
      return { contestantId: c.contestantId, rank: o.rank, recommendations: o.recommendations, ...(o.skillGradeUp ? { skillGradeUp: o.skillGradeUp } : {}), sealedPerson: await encrypt(ctx, JSON.stringify(person), cipherField.handoff) };
    }),
  );
}

const BATCH = 80;

/** Makes provisional results final (staff): after the window, no protest open or upheld-unrevised; sealed with the hash. */
export async function finalize(ctx: Ctx, input: StageRef): Promise<ResultsView> {
  const sc = await loadStage(ctx, input.eventId, input.stage);
  const s = store(ctx);
  const tenantId = ctx.scope.tenantId;
  const before = await s.findResults(tenantId, input.eventId, input.stage);
  if (!before) throw resultsMissing();
  const protests = (await s.protests(tenantId, input.eventId)).filter((p) => p.stage === input.stage);
  const content = asContent(before);
  // Refuses early (the same check runs again on the instant of the write).
  finalise(before, domainProtests(protests), before.content, ctx.deps.clock.now());
  const wn = await s.findWorkNumbers(tenantId, input.eventId, input.stage);
  if (!wn) throw workNumbersMissing();
  const [mapping, list] = await Promise.all([mappingOf(ctx, wn), s.contestants(tenantId, input.eventId)]);
  const contestants = new Map(list.map((c) => [c.contestantId, c]));
  const last = isLastStage(sc.event, input.stage);
  const prizes = prizesOf(sc.event, sc.competition, input.stage, content.lines);
  if (last && sc.competition.prizeBudgetFen !== undefined) assertWithinBudget(prizes, sc.competition.prizeBudgetFen);
  const moves = last ? [] : advancementMoves(sc, input.stage, content, mapping, contestants);
  const outcomes = last ? outcomesOf(sc, content, mapping, contestants) : [];
  const handover = last ? { outcomes, winners: await sealWinners(ctx, outcomes, contestants) } : undefined;
  const next = stageAfter(sc.event, input.stage);
  const tallies = await stageTallies(ctx, sc.event, input.stage, sc.competition.rules.settings);
  const counts = last ? finalCounts(prizes, outcomes) : { winners: 0, honoursRecommended: 0, gradeRaises: 0 };
  const item = await write(ctx, (uow, now) => {
    const state = finalise(before, domainProtests(protests), before.content, now);
    const after: ResultsItem = { ...before, ...state, version: before.version + 1 };
    s.saveResults(uow, after, before.version);
    if (next) moveTo(s, uow, moves.slice(0, BATCH), next.kind, now);
    if (handover) uow.emit(finalizedEvent(sc, after, handover.winners, counts));
    recordPanel(ctx, s, uow, sc, after, tallies, { contestants: wn.numbers.length, lastStage: last, winners: counts.winners, honoursRecommended: counts.honoursRecommended });
    const label = `${sc.event.name.zh}「${StageKind.labels[input.stage].zh}」`;
    uow.audit({ action: 'competitions.results.finalize', entityType: 'competitions.results', entityId: `${after.eventId}#${after.stage}`, summary: `${label}成绩确认为最终成绩（哈希 ${after.hash}）${next ? `，${moves.length} 人晋级「${StageKind.labels[next.kind].zh}」` : ''}` });
    return after;
  });
  for (let i = BATCH; next && i < moves.length; i += BATCH) {
    await write({ ...ctx, idempotency: undefined }, (uow, now) => moveTo(s, uow, moves.slice(i, i + BATCH), next.kind, now));
  }
  return view(ctx, sc, item);
}

function finalizedEvent(sc: StageContext, after: ResultsItem, winners: Winner[], counts: FinalCounts) {
  return resultsFinalized.create({
    competitionId: sc.competition.competitionId,
    eventId: sc.event.eventId,
    stage: after.stage,
    competitionClass: sc.competition.class,
    tradeCode: sc.event.tradeCode,
    eventName: { zh: sc.event.name.zh, en: sc.event.name.en },
    competitionName: { zh: sc.competition.name.zh, en: sc.competition.name.en },
    resultsHash: after.hash!,
    finalizedAt: after.finalizedAt!,
    winners,
    year: sc.competition.year,
    metrics: resultsFinalizedMetrics(counts),
  });
}

type FinalCounts = Parameters<typeof resultsFinalizedMetrics>[0];

/** What a 赛项's final results produced: winners (获奖次或荣誉推荐, each person once), honours recommended, grade raises. */
function finalCounts(prizes: readonly PrizeAward[], outcomes: readonly WinnerOutcome[]): FinalCounts {
  const prizeWinners = new Set(prizes.map((p) => p.contestantId));
  const honoured = outcomes.filter((o) => o.recommendations.length).length;
  return {
    // Prize places are on work numbers, honour recommendations on contestants: the overlap is counted once.
    winners: prizeWinners.size + Math.max(0, honoured - overlap(prizes, outcomes)),
    honoursRecommended: outcomes.reduce((n, o) => n + o.recommendations.length, 0),
    gradeRaises: outcomes.filter((o) => o.skillGradeUp).length,
  };
}

/** Honoured contestants who also won a prize (prizes are by rank: the same ranks). */
function overlap(prizes: readonly PrizeAward[], outcomes: readonly WinnerOutcome[]): number {
  const prizeRanks = new Map<number, number>();
  for (const p of prizes) prizeRanks.set(p.rank, (prizeRanks.get(p.rank) ?? 0) + 1);
  let n = 0;
  for (const o of outcomes.filter((x) => x.recommendations.length)) {
    const left = prizeRanks.get(o.rank) ?? 0;
    if (left > 0) {
      n++;
      prizeRanks.set(o.rank, left - 1);
    }
  }
  return n;
}

/** 解密 (监督仲裁组 only, after final results; audited): who is behind each work number. */
export async function reveal(ctx: Ctx, input: StageRef) {
  const sc = await loadStage(ctx, input.eventId, input.stage);
  assertPanelRole(sc.event, ctx.scope.actor.sub, 'arbiter');
  const s = store(ctx);
  const item = await s.findResults(ctx.scope.tenantId, input.eventId, input.stage);
  if (item?.status !== 'final') throw conflict({ zh: '成绩确认为最终成绩后才能解密', en: 'Work numbers are revealed only after the results are final' }, { field: 'stage', reason: 'results_not_final' });
  const wn = await s.findWorkNumbers(ctx.scope.tenantId, input.eventId, input.stage);
  if (!wn) throw workNumbersMissing();
  const mapping = await mappingOf(ctx, wn);
  const contestants = new Map((await s.contestants(ctx.scope.tenantId, input.eventId)).map((c) => [c.contestantId, c]));
  const units = await unitNames(ctx, [...contestants.values()].map((c) => c.unitId));
  await write(ctx, (uow, now) => {
    s.markRevealed(uow, wn, now.toISOString(), ctx.scope.actor.sub);
    uow.audit({ action: 'competitions.results.reveal', entityType: 'competitions.workNumbers', entityId: `${wn.eventId}#${wn.stage}`, summary: `解密${sc.event.name.zh}「${StageKind.labels[wn.stage].zh}」加密号（${mapping.size} 个）`, fields: ['workNumbers'] });
  });
  return [...mapping]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([workNumber, contestantId]) => {
      const c = contestants.get(contestantId);
      return { workNumber, contestantId, name: c?.name ?? '', unitName: c ? (units.get(c.unitId) ?? '') : '' };
    });
}

interface RaiseRow {
  name: string;
  idMasked: string;
  unitName: string;
  tradeCode: string;
  from: SkillGrade;
  to: SkillGrade;
  rank: number;
  eventName: string;
}

const raiseColumns: ExportSheet<RaiseRow>['columns'] = [
  { zh: '姓名', en: 'Name', kind: 'text', width: 12, value: (r) => r.name },
  { zh: '身份证号（脱敏）', en: 'ID number (masked)', kind: 'text', width: 22, value: (r) => r.idMasked },
  { zh: '工作单位', en: 'Unit', kind: 'text', width: 28, value: (r) => r.unitName },
  { zh: '职业（工种）', en: 'Trade', kind: 'text', width: 14, value: (r) => r.tradeCode },
  { zh: '原技能等级', en: 'Grade held', kind: 'label', labels: SkillGrade.labels, width: 14, value: (r) => r.from },
  { zh: '晋升等级', en: 'Raised to', kind: 'label', labels: SkillGrade.labels, width: 14, value: (r) => r.to },
  { zh: '名次', en: 'Rank', kind: 'integer', width: 8, value: (r) => r.rank },
  { zh: '赛项', en: 'Event', kind: 'text', width: 24, value: (r) => r.eventName },
];

/** 技能等级晋升名单 (for 人社): every grade raise of the competition's final results, masked ID numbers. */
export async function gradeRaises(ctx: Ctx, input: In<typeof gradeRaisesInput>) {
  const s = store(ctx);
  const lang = input.lang ?? 'zh';
  const competition = await s.competition(ctx.scope.tenantId, input.competitionId);
  const rows: RaiseRow[] = [];
  for (const event of await s.events(ctx.scope.tenantId, competition.competitionId)) {
    const last = finalStage(event);
    const item = last && (await s.findResults(ctx.scope.tenantId, event.eventId, last.kind));
    const wn = last && (await s.findWorkNumbers(ctx.scope.tenantId, event.eventId, last.kind));
    if (!item || item.status !== 'final' || !wn) continue;
    const [mapping, list] = await Promise.all([mappingOf(ctx, wn), s.contestants(ctx.scope.tenantId, event.eventId)]);
    const contestants = new Map(list.map((c) => [c.contestantId, c]));
    const outcomes = outcomesOf({ event, competition }, asContent(item), mapping, contestants);
    const units = await unitNames(ctx, list.map((c) => c.unitId));
    for (const o of outcomes.filter((x) => x.skillGradeUp)) {
      const c = contestants.get(o.personId)!;
      rows.push({ name: c.name, idMasked: c.idMasked, unitName: units.get(c.unitId) ?? '', tradeCode: event.tradeCode, from: o.skillGradeUp!.from, to: o.skillGradeUp!.to, rank: o.rank, eventName: event.name[lang] });
    }
  }
  const { bytes, rows: n } = await exportWorkbook(lang, [{ name: { zh: '技能等级晋升名单', en: 'Skill grade raises' }, columns: raiseColumns, rows }]);
  await write(ctx, (uow) => {
    uow.audit({ action: 'competitions.results.gradeRaises', entityType: 'competitions.competition', entityId: competition.competitionId, summary: `导出${competition.name.zh}技能等级晋升名单（${rows.length} 人）` });
  });
  // The contract's file answer (as contestants.export): { fileName, contentBase64 }, with the type and the row count.
  return { fileName: `grade-raises-${competition.year}-${competition.competitionId}.xlsx`, contentType: XLSX_CONTENT_TYPE, contentBase64: bytes.toString('base64'), rows: n };
}
