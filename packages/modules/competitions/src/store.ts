import { conflict, notFound, staleVersion } from '@ufp/core/errors';
import { keys, tenantPrefix } from '@ufp/db/keys';
import { batchGetAll, getItem, queryAll } from '@ufp/db/query';
import { parseStored } from '@ufp/db/stored';
import type { Table } from '@ufp/db/table';
import type { UnitOfWork } from '@ufp/db/unit-of-work';
import type { StageKind } from './domain/enums.js';
import {
  competitionItemSchema,
  completionTimeItemSchema,
  contestantItemSchema,
  eventItemSchema,
  panelReportItemSchema,
  protestItemSchema,
  resultsItemSchema,
  stageRollupItemSchema,
  scoreConflictItemSchema,
  scoreItemSchema,
  workNumbersItemSchema,
  type CompetitionItem,
  type CompletionTimeItem,
  type ContestantItem,
  type EventItem,
  type PanelReportItem,
  type StageRollupItem,
  type ProtestItem,
  type ResultsItem,
  type ScoreConflictItem,
  type ScoreItem,
  type WorkNumbersItem,
} from './items.js';

/**
 * Keys of the 技能竞赛 module. A tenant's competitions and 赛项 are tens a year: one partition each. Contestants, scores,
 * score conflicts and protests are partitioned per 赛项 (and stage), so a judge's sync and the scoreboard read one partition.
 */
export const competitionKeys = {
  competition: (tenantId: string, competitionId: string) => ({ pk: `${tenantPrefix(tenantId)}CMP#COMP`, sk: competitionId }),
  event: (tenantId: string, eventId: string) => ({ pk: `${tenantPrefix(tenantId)}CMP#EVENT`, sk: eventId }),
  contestantPartition: (tenantId: string, eventId: string) => `${tenantPrefix(tenantId)}CMP#CONT#${eventId}`,
  contestant: (tenantId: string, eventId: string, contestantId: string) => ({ pk: competitionKeys.contestantPartition(tenantId, eventId), sk: contestantId }),
  /** One registration per person and 赛项, keyed by the ID number's blind index. */
  contestantGuard: (tenantId: string, eventId: string, idIndex: string) => keys.uniqueGuard(tenantId, 'CMP_CONTESTANT', `${eventId}#${idIndex}`),
  workNumbers: (tenantId: string, eventId: string, stage: StageKind) => ({ pk: `${tenantPrefix(tenantId)}CMP#WN`, sk: `${eventId}#${stage}` }),
  scorePartition: (tenantId: string, eventId: string, stage: StageKind) => `${tenantPrefix(tenantId)}CMP#SCORE#${eventId}#${stage}`,
  score: (tenantId: string, eventId: string, stage: StageKind, workNumber: string, aspectCode: string, judgeId: string) => ({
    pk: competitionKeys.scorePartition(tenantId, eventId, stage),
    sk: `${workNumber}#${aspectCode}#${judgeId}`,
  }),
  scoreConflictPartition: (tenantId: string, eventId: string, stage: StageKind) => `${tenantPrefix(tenantId)}CMP#SCORECONFLICT#${eventId}#${stage}`,
  scoreConflict: (tenantId: string, eventId: string, stage: StageKind, workNumber: string, aspectCode: string, judgeId: string, clientId: string) => ({
    pk: competitionKeys.scoreConflictPartition(tenantId, eventId, stage),
    sk: `${workNumber}#${aspectCode}#${judgeId}#${clientId}`,
  }),
  /**
   * The scoreboard's projection: one item per work number holding the standing score of every mark (one attribute per
   * aspect and judge), written in the same transaction as the scores, so the big screen reads 200 small items rather
   * than 14,000 score items.
   */
  boardPartition: (tenantId: string, eventId: string, stage: StageKind) => `${tenantPrefix(tenantId)}CMP#BOARD#${eventId}#${stage}`,
  board: (tenantId: string, eventId: string, stage: StageKind, workNumber: string) => ({ pk: competitionKeys.boardPartition(tenantId, eventId, stage), sk: workNumber }),
  results: (tenantId: string, eventId: string, stage: StageKind) => ({ pk: `${tenantPrefix(tenantId)}CMP#RESULTS`, sk: `${eventId}#${stage}` }),
  protestPartition: (tenantId: string, eventId: string) => `${tenantPrefix(tenantId)}CMP#PROTEST#${eventId}`,
  protest: (tenantId: string, eventId: string, protestId: string) => ({ pk: competitionKeys.protestPartition(tenantId, eventId), sk: protestId }),
  completionTimePartition: (tenantId: string, eventId: string, stage: StageKind) => `${tenantPrefix(tenantId)}CMP#TIME#${eventId}#${stage}`,
  completionTime: (tenantId: string, eventId: string, stage: StageKind, workNumber: string) => ({ pk: competitionKeys.completionTimePartition(tenantId, eventId, stage), sk: workNumber }),
  /** 裁判宽严分析: one report per finalised stage, by year (a tenant's judging history is a few hundred stages at most). */
  panelReport: (tenantId: string, year: number, eventId: string, stage: StageKind) => ({ pk: `${tenantPrefix(tenantId)}CMP#PANELREPORT`, sk: `${year}#${eventId}#${stage}` }),
  /** The province's rows (rollup partition, no tenant prefix): one per finalised stage of any federation of the province. */
  stageRollupPartition: (province: string) => `R#${province}#CMP#STAGES`,
  stageRollup: (province: string, year: number, tenantId: string, eventId: string, stage: StageKind) => ({ pk: competitionKeys.stageRollupPartition(province), sk: `${year}#${tenantId}#${eventId}#${stage}` }),
};

export const competitionMissing = () => notFound({ zh: '竞赛', en: 'Competition' });
export const eventMissing = () => notFound({ zh: '赛项', en: 'Competition event' });
export const contestantMissing = () => notFound({ zh: '选手', en: 'Contestant' });
export const resultsMissing = () => notFound({ zh: '成绩', en: 'Results' });
export const protestMissing = () => notFound({ zh: '申诉', en: 'Protest' });
export const workNumbersMissing = () => notFound({ zh: '加密号', en: 'Work numbers' });
const alreadyRegistered = () => conflict({ zh: '此人已报名本赛项（每人每个赛项只报名一次）', en: 'This person is already registered for this event (once per event)' }, { field: 'idNumber', reason: 'already_registered' });

const competitionOf = (i: Record<string, unknown>) => parseStored(competitionItemSchema, i, 'competition');
const eventOf = (i: Record<string, unknown>) => parseStored(eventItemSchema, i, 'competition event');
const contestantOf = (i: Record<string, unknown>) => parseStored(contestantItemSchema, i, 'contestant');
const workNumbersOf = (i: Record<string, unknown>) => parseStored(workNumbersItemSchema, i, 'work numbers');
const scoreOf = (i: Record<string, unknown>) => parseStored(scoreItemSchema, i, 'score');
const scoreConflictOf = (i: Record<string, unknown>) => parseStored(scoreConflictItemSchema, i, 'score conflict');
const resultsOf = (i: Record<string, unknown>) => parseStored(resultsItemSchema, i, 'results');
const protestOf = (i: Record<string, unknown>) => parseStored(protestItemSchema, i, 'protest');

const partition = (table: Table, pk: string) => queryAll(table, { KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': pk } });

export class CompetitionStore {
  constructor(private readonly table: Table) {}

  // Competitions
  async findCompetition(tenantId: string, competitionId: string): Promise<CompetitionItem | undefined> {
    const item = await getItem<Record<string, unknown>>(this.table, competitionKeys.competition(tenantId, competitionId));
    return item && competitionOf(item);
  }
  async competition(tenantId: string, competitionId: string): Promise<CompetitionItem> {
    const c = await this.findCompetition(tenantId, competitionId);
    if (!c) throw competitionMissing();
    return c;
  }
  async competitions(tenantId: string): Promise<CompetitionItem[]> {
    const items = await partition(this.table, competitionKeys.competition(tenantId, '').pk);
    return items.map(competitionOf).sort((a, b) => b.year - a.year || b.createdAt.localeCompare(a.createdAt));
  }
  addCompetition(uow: UnitOfWork, c: CompetitionItem): void {
    uow.create({ ...competitionKeys.competition(c.tenantId, c.competitionId), kind: 'competitions.competition', ...c }, staleVersion());
  }
  saveCompetition(uow: UnitOfWork, after: CompetitionItem, expectedVersion: number): void {
    uow.replaceVersioned({ ...competitionKeys.competition(after.tenantId, after.competitionId), kind: 'competitions.competition', ...after }, expectedVersion, staleVersion());
  }

  // 赛项
  async findEvent(tenantId: string, eventId: string): Promise<EventItem | undefined> {
    const item = await getItem<Record<string, unknown>>(this.table, competitionKeys.event(tenantId, eventId));
    return item && eventOf(item);
  }
  async event(tenantId: string, eventId: string): Promise<EventItem> {
    const e = await this.findEvent(tenantId, eventId);
    if (!e) throw eventMissing();
    return e;
  }
  /** The tenant's 赛项 (all competitions, or one). */
  async events(tenantId: string, competitionId?: string): Promise<EventItem[]> {
    const items = await partition(this.table, competitionKeys.event(tenantId, '').pk);
    return items
      .map(eventOf)
      .filter((e) => competitionId === undefined || e.competitionId === competitionId)
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }
  addEvent(uow: UnitOfWork, e: EventItem): void {
    uow.create({ ...competitionKeys.event(e.tenantId, e.eventId), kind: 'competitions.event', ...e }, staleVersion());
  }
  saveEvent(uow: UnitOfWork, after: EventItem, expectedVersion: number): void {
    uow.replaceVersioned({ ...competitionKeys.event(after.tenantId, after.eventId), kind: 'competitions.event', ...after }, expectedVersion, staleVersion());
  }

  // Contestants
  async findContestant(tenantId: string, eventId: string, contestantId: string): Promise<ContestantItem | undefined> {
    const item = await getItem<Record<string, unknown>>(this.table, competitionKeys.contestant(tenantId, eventId, contestantId));
    return item && contestantOf(item);
  }
  async contestant(tenantId: string, eventId: string, contestantId: string): Promise<ContestantItem> {
    const c = await this.findContestant(tenantId, eventId, contestantId);
    if (!c) throw contestantMissing();
    return c;
  }
  async contestants(tenantId: string, eventId: string): Promise<ContestantItem[]> {
    const items = await partition(this.table, competitionKeys.contestantPartition(tenantId, eventId));
    return items.map(contestantOf).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }
  /** A new registration and its one-per-person guard, together. */
  addContestant(uow: UnitOfWork, c: ContestantItem): void {
    uow.create({ ...competitionKeys.contestantGuard(c.tenantId, c.eventId, c.idIndex), kind: 'competitions.contestantGuard', contestantId: c.contestantId }, alreadyRegistered());
    uow.create({ ...competitionKeys.contestant(c.tenantId, c.eventId, c.contestantId), kind: 'competitions.contestant', ...c }, staleVersion());
  }
  saveContestant(uow: UnitOfWork, after: ContestantItem, expectedVersion: number): void {
    uow.replaceVersioned({ ...competitionKeys.contestant(after.tenantId, after.eventId, after.contestantId), kind: 'competitions.contestant', ...after }, expectedVersion, staleVersion());
  }

  // Work numbers
  async findWorkNumbers(tenantId: string, eventId: string, stage: StageKind): Promise<WorkNumbersItem | undefined> {
    const item = await getItem<Record<string, unknown>>(this.table, competitionKeys.workNumbers(tenantId, eventId, stage));
    return item && workNumbersOf(item);
  }
  addWorkNumbers(uow: UnitOfWork, w: WorkNumbersItem, onExists = conflict({ zh: '本阶段已抽取加密号', en: 'Work numbers were already drawn for this stage' }, { reason: 'work_numbers_drawn' })): void {
    uow.create({ ...competitionKeys.workNumbers(w.tenantId, w.eventId, w.stage), kind: 'competitions.workNumbers', ...w }, onExists);
  }
  /** Records the reveal (the mapping itself never changes). */
  markRevealed(uow: UnitOfWork, w: WorkNumbersItem, at: string, by: string): void {
    uow.raw({
      Update: {
        TableName: this.table.name,
        Key: competitionKeys.workNumbers(w.tenantId, w.eventId, w.stage),
        UpdateExpression: 'SET revealedAt = if_not_exists(revealedAt, :at), revealedBy = if_not_exists(revealedBy, :by)',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':at': at, ':by': by },
      },
    });
  }

  // Scores
  async scores(tenantId: string, eventId: string, stage: StageKind): Promise<ScoreItem[]> {
    return (await partition(this.table, competitionKeys.scorePartition(tenantId, eventId, stage))).map(scoreOf);
  }
  /** The stored entries for these marks (one strongly consistent BatchGetItem per 100 keys: the sync classifies against what was just written), by sort key. */
  async scoresAt(tenantId: string, eventId: string, stage: StageKind, marks: readonly { workNumber: string; aspectCode: string; judgeId: string }[]): Promise<Map<string, ScoreItem>> {
    const wanted = [...new Map(marks.map((m) => [`${m.workNumber}#${m.aspectCode}#${m.judgeId}`, competitionKeys.score(tenantId, eventId, stage, m.workNumber, m.aspectCode, m.judgeId)])).values()];
    return new Map((await batchGetAll(this.table, wanted)).map((item) => [String(item.sk), scoreOf(item)]));
  }
  addScore(uow: UnitOfWork, s: ScoreItem, onExists = staleVersion()): void {
    uow.create({ ...competitionKeys.score(s.tenantId, s.eventId, s.stage, s.workNumber, s.aspectCode, s.judgeId), kind: 'competitions.score', ...s }, onExists);
  }
  saveScore(uow: UnitOfWork, after: ScoreItem, expectedVersion: number): void {
    uow.replaceVersioned({ ...competitionKeys.score(after.tenantId, after.eventId, after.stage, after.workNumber, after.aspectCode, after.judgeId), kind: 'competitions.score', ...after }, expectedVersion, staleVersion());
  }
  async scoreConflicts(tenantId: string, eventId: string, stage: StageKind): Promise<ScoreConflictItem[]> {
    return (await partition(this.table, competitionKeys.scoreConflictPartition(tenantId, eventId, stage))).map(scoreConflictOf);
  }
  /** A conflicting entry is kept once per client id (a re-sent conflicting batch does not pile up copies). */
  putScoreConflict(uow: UnitOfWork, c: ScoreConflictItem): void {
    uow.raw({
      Put: {
        TableName: this.table.name,
        Item: { ...competitionKeys.scoreConflict(c.tenantId, c.eventId, c.stage, c.workNumber, c.aspectCode, c.judgeId, c.clientId), kind: 'competitions.scoreConflict', ...c },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    });
  }
  saveScoreConflict(uow: UnitOfWork, c: ScoreConflictItem): void {
    uow.raw({ Put: { TableName: this.table.name, Item: { ...competitionKeys.scoreConflict(c.tenantId, c.eventId, c.stage, c.workNumber, c.aspectCode, c.judgeId, c.clientId), kind: 'competitions.scoreConflict', ...c } } });
  }

  // Results
  async findResults(tenantId: string, eventId: string, stage: StageKind): Promise<ResultsItem | undefined> {
    const item = await getItem<Record<string, unknown>>(this.table, competitionKeys.results(tenantId, eventId, stage));
    return item && resultsOf(item);
  }
  addResults(uow: UnitOfWork, r: ResultsItem): void {
    uow.create({ ...competitionKeys.results(r.tenantId, r.eventId, r.stage), kind: 'competitions.results', ...r }, conflict({ zh: '本阶段成绩已公布', en: 'Results of this stage were already published' }, { reason: 'results_published' }));
  }
  saveResults(uow: UnitOfWork, after: ResultsItem, expectedVersion: number): void {
    uow.replaceVersioned({ ...competitionKeys.results(after.tenantId, after.eventId, after.stage), kind: 'competitions.results', ...after }, expectedVersion, staleVersion());
  }
  /** Every stage's results of the tenant (the rollups and the result list read these; tens a year). */
  async allResults(tenantId: string): Promise<ResultsItem[]> {
    return (await partition(this.table, competitionKeys.results(tenantId, '', 'final').pk)).map(resultsOf);
  }

  // Protests
  async protests(tenantId: string, eventId: string): Promise<ProtestItem[]> {
    return (await partition(this.table, competitionKeys.protestPartition(tenantId, eventId))).map(protestOf).sort((a, b) => a.filedAt.localeCompare(b.filedAt));
  }
  async protest(tenantId: string, eventId: string, protestId: string): Promise<ProtestItem> {
    const item = await getItem<Record<string, unknown>>(this.table, competitionKeys.protest(tenantId, eventId, protestId));
    if (!item) throw protestMissing();
    return protestOf(item);
  }
  addProtest(uow: UnitOfWork, p: ProtestItem): void {
    uow.create({ ...competitionKeys.protest(p.tenantId, p.eventId, p.protestId), kind: 'competitions.protest', ...p }, staleVersion());
  }
  saveProtest(uow: UnitOfWork, after: ProtestItem, expectedVersion: number): void {
    uow.replaceVersioned({ ...competitionKeys.protest(after.tenantId, after.eventId, after.protestId), kind: 'competitions.protest', ...after }, expectedVersion, staleVersion());
  }

  // ── Judging (service/judging.ts) ───────────────────────────────────────────────────────
  /** One judge's entries of a stage (the judge's sheet: never another judge's scores leave the store for it). */
  async scoresBy(tenantId: string, eventId: string, stage: StageKind, judgeId: string): Promise<ScoreItem[]> {
    const items = await queryAll(this.table, {
      KeyConditionExpression: 'pk = :pk',
      FilterExpression: 'judgeId = :j',
      ExpressionAttributeValues: { ':pk': competitionKeys.scorePartition(tenantId, eventId, stage), ':j': judgeId },
    });
    return items.map(scoreOf);
  }

  // ── Results area additions (results, protests, public pages) ──
  /** Every stage's work numbers of one 赛项 (one query: the scoreboard finds the stage being marked). */
  async workNumbersOfEvent(tenantId: string, eventId: string): Promise<WorkNumbersItem[]> {
    const items = await queryAll(this.table, { KeyConditionExpression: 'pk = :pk AND begins_with(sk, :e)', ExpressionAttributeValues: { ':pk': competitionKeys.workNumbers(tenantId, eventId, 'final').pk, ':e': `${eventId}#` } });
    return items.map(workNumbersOf);
  }
  /** Every stage's results of one 赛项 (one query). */
  async resultsOfEvent(tenantId: string, eventId: string): Promise<ResultsItem[]> {
    const items = await queryAll(this.table, { KeyConditionExpression: 'pk = :pk AND begins_with(sk, :e)', ExpressionAttributeValues: { ':pk': competitionKeys.results(tenantId, eventId, 'final').pk, ':e': `${eventId}#` } });
    return items.map(resultsOf);
  }

  // ── The scoreboard's projection ──
  /** Sets the standing marks of one work number on the board (an upsert: one UpdateItem whatever else the transaction holds). */
  touchBoard(uow: UnitOfWork, tenantId: string, eventId: string, stage: StageKind, workNumber: string, marks: readonly BoardMark[], at: string): void {
    const names: Record<string, string> = { '#at': 'updatedAt' };
    const values: Record<string, unknown> = { ':at': at };
    const sets = marks.map((m, i) => {
      names[`#m${i}`] = `${BOARD_MARK}${m.aspectCode}${BOARD_SEP}${m.judgeId}`;
      values[`:m${i}`] = m.value;
      return `#m${i} = :m${i}`;
    });
    uow.raw({
      Update: {
        TableName: this.table.name,
        Key: competitionKeys.board(tenantId, eventId, stage, workNumber),
        UpdateExpression: `SET ${[...sets, '#at = :at'].join(', ')}`,
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      },
    });
  }
  /** The board of a stage: each work number's standing marks, and when it last changed. */
  async board(tenantId: string, eventId: string, stage: StageKind): Promise<{ marks: Map<string, BoardMark[]>; updatedAt?: string }> {
    const items = await partition(this.table, competitionKeys.boardPartition(tenantId, eventId, stage));
    const marks = new Map(
      items.map((item) => [
        String(item.sk),
        Object.entries(item).flatMap(([name, value]) => {
          if (!name.startsWith(BOARD_MARK)) return [];
          const [aspectCode, judgeId] = name.slice(BOARD_MARK.length).split(BOARD_SEP) as [string, string];
          return [{ aspectCode, judgeId, value: Number(value) }];
        }),
      ]),
    );
    const updatedAt = items.reduce<string | undefined>((latest, item) => (typeof item.updatedAt === 'string' && (!latest || item.updatedAt > latest) ? item.updatedAt : latest), undefined);
    return { marks, updatedAt };
  }

  // 完成用时
  async completionTimes(tenantId: string, eventId: string, stage: StageKind): Promise<CompletionTimeItem[]> {
    const items = await partition(this.table, competitionKeys.completionTimePartition(tenantId, eventId, stage));
    return items.map((i) => parseStored(completionTimeItemSchema, i, 'completion time'));
  }
  /** A first record (`before` absent) or a correction of the version read. */
  putCompletionTime(uow: UnitOfWork, item: CompletionTimeItem, before?: number): void {
    const full = { ...competitionKeys.completionTime(item.tenantId, item.eventId, item.stage, item.workNumber), kind: 'competitions.completionTime', ...item };
    if (before === undefined) uow.create(full, staleVersion());
    else uow.replaceVersioned(full, before, staleVersion());
  }

  // 裁判宽严分析 (written with the final results of a stage)
  addPanelReport(uow: UnitOfWork, report: PanelReportItem, province: string, rollup: StageRollupItem): void {
    const recorded = () => conflict({ zh: '本阶段的评判分析已记录', en: 'The judging analysis of this stage is already recorded' }, { reason: 'already_recorded' });
    uow.create({ ...competitionKeys.panelReport(report.tenantId, report.year, report.eventId, report.stage), kind: 'competitions.panelReport', ...report }, recorded());
    uow.create({ ...competitionKeys.stageRollup(province, rollup.year, rollup.tenantId, rollup.eventId, rollup.stage), kind: 'competitions.stageRollup', ...rollup }, recorded());
  }
  async panelReports(tenantId: string): Promise<PanelReportItem[]> {
    const items = await partition(this.table, competitionKeys.panelReport(tenantId, 0, '', 'final').pk);
    return items.map((i) => parseStored(panelReportItemSchema, i, 'panel report'));
  }
  async stageRollups(province: string): Promise<StageRollupItem[]> {
    const items = await partition(this.table, competitionKeys.stageRollupPartition(province));
    return items.map((i) => parseStored(stageRollupItemSchema, i, 'stage rollup'));
  }
}

/** A standing mark as the board keeps it. */
export interface BoardMark {
  aspectCode: string;
  judgeId: string;
  value: number;
}
/** Board attribute names: `m` + aspect code + U+001F + judge id (neither a code nor an id contains a control character). */
const BOARD_MARK = 'm\u001f';
const BOARD_SEP = '\u001f';
