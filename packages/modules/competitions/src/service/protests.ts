import { conflict, DomainError, invalid } from '@ufp/core/errors';
import { newId } from '@ufp/core/ids';
import { write } from '@ufp/kit/write';
import type { z } from 'zod';
import { StageKind } from '../domain/enums.js';
import { assertResultsMutable, decideProtest, fileProtest, ProtestStatus } from '../domain/protest.js';
import type { ProtestItem } from '../items.js';
import type { decideProtestInput, fileProtestInput, listProtestsInput } from '../schemas/results.js';
import { resultsMissing, workNumbersMissing } from '../store.js';
import { store, type Ctx } from './context.js';
import { eventForPanel, isStaff, notOnPanel, panelRoles } from './panel-access.js';
import { loadStage, mappingOf, unitNames } from './results.js';

/**
 * 申诉: a contestant's unit (or the organiser's staff) files a protest while the provisional results' window is open
 * (both end instants included, on the platform clock); the 监督仲裁组 rules on it once. An upheld protest blocks the final
 * results until corrected results are published again (results.publish with a reason).
 */

type In<S extends z.ZodType> = z.output<S>;

export interface ProtestView {
  protestId: string;
  eventId: string;
  stage: StageKind;
  stageLabel: { zh: string; en: string };
  contestantId: string;
  /** Staff see the contestant and the unit; the panel sees the work number only (marking stays blind). */
  contestantName?: string;
  unitName?: string;
  workNumber?: string;
  grounds: string;
  filedAt: string;
  status: ProtestItem['status'];
  statusLabel: { zh: string; en: string };
  decidedAt: string | null;
  ruling: string | null;
  version: number;
}

const notOwnUnit = () => new DomainError('forbidden', { zh: '只能为本单位的选手提出申诉', en: "Protests are filed only for your own unit's contestants" }, { reason: 'not_own_unit' });

function protestView(p: ProtestItem, extra: Pick<ProtestView, 'contestantName' | 'unitName' | 'workNumber'>): ProtestView {
  return {
    protestId: p.protestId,
    eventId: p.eventId,
    stage: p.stage,
    stageLabel: StageKind.labels[p.stage],
    contestantId: p.contestantId,
    ...extra,
    grounds: p.grounds,
    filedAt: p.filedAt,
    status: p.status,
    statusLabel: ProtestStatus.labels[p.status],
    decidedAt: p.decidedAt ?? null,
    ruling: p.ruling ?? null,
    version: p.version,
  };
}

/** Files a protest for a contestant of the stage while its window is open. */
export async function file(ctx: Ctx, input: In<typeof fileProtestInput>): Promise<ProtestView> {
  const { event } = await loadStage(ctx, input.eventId, input.stage);
  const s = store(ctx);
  const tenantId = ctx.scope.tenantId;
  const contestant = await s.contestant(tenantId, input.eventId, input.contestantId);
  if (ctx.scope.unitId && contestant.unitId !== ctx.scope.unitId) throw notOwnUnit();
  const results = await s.findResults(tenantId, input.eventId, input.stage);
  if (!results) throw conflict({ zh: '本阶段成绩尚未公布，不能申诉', en: 'The results of this stage are not published: no protest can be filed' }, { field: 'stage', reason: 'results_not_published' });
  const wn = await s.findWorkNumbers(tenantId, input.eventId, input.stage);
  if (!wn) throw workNumbersMissing();
  const numbers = [...(await mappingOf(ctx, wn))].find(([, id]) => id === contestant.contestantId);
  if (!numbers) throw invalid({ zh: `该选手未参加「${StageKind.labels[input.stage].zh}」`, en: `This contestant did not take part in the ${StageKind.labels[input.stage].en}` }, { field: 'contestantId' });
  const protest = await write(ctx, (uow, now) => {
    const filed = fileProtest(results, { protestId: newId(), contestantId: contestant.contestantId }, now);
    const item: ProtestItem = { ...filed, tenantId, eventId: input.eventId, stage: input.stage, unitId: contestant.unitId, grounds: input.grounds, filedBy: ctx.scope.actor.sub, version: 1 };
    s.addProtest(uow, item);
    uow.audit({ action: 'competitions.protests.file', entityType: 'competitions.protest', entityId: item.protestId, summary: `就${event.name.zh}「${StageKind.labels[input.stage].zh}」成绩为选手 ${contestant.nameMasked} 提出申诉` });
    return item;
  });
  const units = await unitNames(ctx, [contestant.unitId]);
  return protestView(protest, { contestantName: contestant.nameMasked, unitName: units.get(contestant.unitId), workNumber: numbers[0] });
}

/**
 * The 赛项's protests: staff see them all with the contestant and unit; the panel (judges, chief judge, 监督仲裁组) all of
 * them on work numbers only (marking stays blind); a unit's reporter those of their own unit's contestants, with the
 * ruling, so the unit that protested learns the outcome.
 */
export async function list(ctx: Ctx, input: In<typeof listProtestsInput>): Promise<ProtestView[]> {
  const s = store(ctx);
  const event = await s.event(ctx.scope.tenantId, input.eventId);
  const staff = isStaff(ctx.scope);
  const onPanel = panelRoles(event, ctx.scope.actor.sub).length > 0;
  const ownUnit = staff || onPanel ? undefined : ctx.scope.unitId;
  if (!staff && !onPanel && !ownUnit) throw notOnPanel();
  const protests = (await s.protests(ctx.scope.tenantId, input.eventId)).filter((p) => !ownUnit || p.unitId === ownUnit);
  const named = staff || ownUnit !== undefined;
  const contestants = new Map((await s.contestants(ctx.scope.tenantId, input.eventId)).map((c) => [c.contestantId, c]));
  const units = named ? await unitNames(ctx, protests.map((p) => p.unitId)) : new Map<string, string>();
  const numbers = new Map<string, Map<string, string>>();
  for (const stage of new Set(protests.map((p) => p.stage))) {
    const wn = await s.findWorkNumbers(ctx.scope.tenantId, input.eventId, stage);
    if (wn) numbers.set(stage, new Map([...(await mappingOf(ctx, wn))].map(([n, id]) => [id, n])));
  }
  return protests.map((p) => {
    const workNumber = numbers.get(p.stage)?.get(p.contestantId);
    const c = contestants.get(p.contestantId);
    if (!named) return protestView(p, { workNumber });
    return protestView(p, { contestantName: staff ? c?.name : c?.nameMasked, unitName: units.get(p.unitId), workNumber });
  });
}

/** The 监督仲裁组 rules on an open protest (once); the results must still be provisional. */
export async function decide(ctx: Ctx, input: In<typeof decideProtestInput>): Promise<ProtestView> {
  const s = store(ctx);
  const tenantId = ctx.scope.tenantId;
  await eventForPanel(ctx, input.eventId, 'arbiter');
  const before = await s.protest(tenantId, input.eventId, input.protestId);
  const results = await s.findResults(tenantId, input.eventId, before.stage);
  if (!results) throw resultsMissing();
  assertResultsMutable(results);
  const after = await write(ctx, (uow, now) => {
    const decided = decideProtest(before, { outcome: input.outcome, ruling: input.ruling }, now);
    const item: ProtestItem = { ...before, ...decided, decidedBy: ctx.scope.actor.sub, version: before.version + 1 };
    s.saveProtest(uow, item, before.version);
    const outcome = ProtestStatus.labels[input.outcome].zh;
    uow.audit({ action: 'competitions.protests.decide', entityType: 'competitions.protest', entityId: item.protestId, summary: `监督仲裁组裁决申诉：${outcome}（${input.ruling}）`, changes: { status: { from: before.status, to: item.status } } });
    return item;
  });
  return protestView(after, {});
}
