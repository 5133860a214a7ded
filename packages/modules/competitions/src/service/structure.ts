import { conflict, invalid } from '@ufp/core/errors';
import { newId } from '@ufp/core/ids';
import { transition, type DecideContext, type Decision } from '@ufp/kit/transition';
import { write } from '@ufp/kit/write';
import { isActive } from '@ufp/db/repositories/users';
import { gradeRank, StageKind } from '../domain/enums.js';
import { builtInPacks, customise, findPack } from '../domain/rule-pack.js';
import { assertSchemeEditable, lockScheme as lockDomainScheme, type Scheme } from '../domain/scheme.js';
import { assertStages, type Stage } from '../domain/structure.js';
import type { CompetitionItem, EventItem, Panel } from '../items.js';
import type { CreateCompetitionInput, CreateEventInput, SaveSchemeInput, SetPanelInput, UpdateCompetitionInput, UpdateEventInput } from '../schemas/structure.js';
import { competitionMissing, eventMissing } from '../store.js';
import { store, type Ctx } from './context.js';
import { activeCount, competitionView, eventSummary, eventView, type CompetitionView, type EventSummary, type EventView } from './views.js';

/**
 * 技能竞赛 structure: competitions on a rule pack (with their own changes listed), 赛项 with stages and registration
 * rules, the marking scheme (saved as a draft, locked valid) and the panel (judges, chief judge, 监督仲裁组).
 */

// ── competitions ───────────────────────────────────────────────────────────────────────

export const packs = () => builtInPacks.map((p) => ({ code: p.code, version: p.version, name: p.name, settings: p.settings }));

function rulesOf(input: Pick<CreateCompetitionInput, 'packCode' | 'overrides'>) {
  const pack = findPack(input.packCode);
  if (!pack) throw invalid({ zh: `没有代码为 ${input.packCode} 的规则包`, en: `There is no rule pack with the code ${input.packCode}` }, { field: 'packCode' });
  return customise(pack, input.overrides ?? {});
}

function competitionFields(input: CreateCompetitionInput) {
  return {
    name: { zh: input.name, en: input.nameEn ?? input.name },
    class: input.class,
    year: input.year,
    rules: rulesOf(input),
    prizeBudgetFen: input.prizeBudgetFen,
    coOrganisers: input.coOrganisers ?? [],
    publishNames: input.publishNames ?? false,
  };
}

export async function createCompetition(ctx: Ctx, input: CreateCompetitionInput): Promise<CompetitionView> {
  const now = ctx.deps.clock.now().toISOString();
  const competition: CompetitionItem = {
    competitionId: newId(),
    tenantId: ctx.scope.tenantId,
    ...competitionFields(input),
    version: 1,
    createdAt: now,
    updatedAt: now,
    createdBy: ctx.scope.actor.sub,
  };
  const view = competitionView(competition);
  return write(ctx, (uow) => {
    store(ctx).addCompetition(uow, competition);
    const changed = view.differences.map((d) => d.label.zh).join('、');
    uow.audit({ action: 'competitions.competition.create', entityType: 'competitions.competition', entityId: competition.competitionId, summary: `新建竞赛「${input.name}」（${competition.year} 年，规则包 ${competition.rules.packCode}${changed ? `，调整：${changed}` : ''}）` });
    return view;
  });
}

/** Every stage's results of these 赛项: a 赛项 with results published is past changing its structure. */
async function anyResultsPublished(ctx: Ctx, events: readonly EventItem[]): Promise<boolean> {
  const found = await Promise.all(events.flatMap((e) => e.stages.map((s) => store(ctx).findResults(ctx.scope.tenantId, e.eventId, s.kind))));
  return found.some((r) => r !== undefined);
}
const resultsPublished = (what: { zh: string; en: string }) =>
  conflict({ zh: `${what.zh}已有公布的成绩，不能再修改`, en: `${what.en} already has published results and can no longer change` }, { reason: 'results_published' });

export async function updateCompetition(ctx: Ctx, input: UpdateCompetitionInput): Promise<CompetitionView> {
  const events = await store(ctx).events(ctx.scope.tenantId, input.competitionId);
  if (await anyResultsPublished(ctx, events)) throw resultsPublished({ zh: '本竞赛的赛项', en: 'An event of this competition' });
  const fields = competitionFields(input);
  return transition(
    ctx,
    {
      load: () => store(ctx).findCompetition(ctx.scope.tenantId, input.competitionId),
      missing: competitionMissing,
      expectedVersion: input.version,
      decide: (before, _input, { now }) => ({
        after: { ...before, ...fields, updatedAt: now.toISOString() },
        audit: { action: 'competitions.competition.update', entityType: 'competitions.competition', entityId: before.competitionId, summary: `修改竞赛「${fields.name.zh}」` },
      }),
      save: (uow, after, before) => store(ctx).saveCompetition(uow, after, before.version),
      view: (after) => competitionView(after),
    },
    input,
  );
}

async function summaries(ctx: Ctx, events: readonly EventItem[]): Promise<EventSummary[]> {
  const now = ctx.deps.clock.now();
  const counts = await Promise.all(events.map(async (e) => activeCount(await store(ctx).contestants(ctx.scope.tenantId, e.eventId))));
  return events.map((e, i) => eventSummary(e, counts[i]!, now));
}

export async function getCompetition(ctx: Ctx, input: { competitionId: string }): Promise<CompetitionView & { events: EventSummary[] }> {
  const [competition, events] = await Promise.all([store(ctx).competition(ctx.scope.tenantId, input.competitionId), store(ctx).events(ctx.scope.tenantId, input.competitionId)]);
  return { ...competitionView(competition), events: await summaries(ctx, events) };
}

export async function listCompetitions(ctx: Ctx): Promise<CompetitionView[]> {
  return (await store(ctx).competitions(ctx.scope.tenantId)).map(competitionView);
}

// ── 赛项 ───────────────────────────────────────────────────────────────────────────────

type EventFields = Pick<CreateEventInput, 'name' | 'nameEn' | 'tradeCode' | 'stages' | 'registration'>;

function checkedEventFields(input: EventFields): Pick<EventItem, 'name' | 'tradeCode' | 'stages' | 'registration'> {
  const stages: Stage[] = input.stages.map((s) => ({ kind: s.kind, startsAt: s.startsAt, ...(s.advancement ? { advancement: s.advancement } : {}) }));
  assertStages(stages);
  const r = input.registration;
  if (Date.parse(r.opensAt) > Date.parse(r.closesAt)) throw invalid({ zh: '报名截止时间早于报名开始时间', en: 'Registration closes before it opens' }, { field: 'registration.closesAt' });
  if (r.minGrade && r.maxGrade && gradeRank(r.minGrade) > gradeRank(r.maxGrade)) {
    throw invalid({ zh: '最低职业技能等级高于最高等级', en: 'The lowest skill grade is above the highest' }, { field: 'registration.maxGrade' });
  }
  return {
    name: { zh: input.name, en: input.nameEn ?? input.name },
    tradeCode: input.tradeCode,
    stages,
    registration: { opensAt: r.opensAt, closesAt: r.closesAt, trades: [...new Set(r.trades)], minGrade: r.minGrade, maxGrade: r.maxGrade, ageLimits: r.ageLimits ?? [] },
  };
}

async function viewOf(ctx: Ctx, e: EventItem, competition?: Pick<CompetitionItem, 'name'>): Promise<EventView> {
  const [c, contestants] = await Promise.all([competition ?? store(ctx).competition(ctx.scope.tenantId, e.competitionId), store(ctx).contestants(ctx.scope.tenantId, e.eventId)]);
  return eventView(e, c, activeCount(contestants), ctx.scope.actor.sub, ctx.deps.clock.now());
}

export async function createEvent(ctx: Ctx, input: CreateEventInput): Promise<EventView> {
  const competition = await store(ctx).competition(ctx.scope.tenantId, input.competitionId);
  const now = ctx.deps.clock.now();
  const event: EventItem = {
    eventId: newId(),
    tenantId: ctx.scope.tenantId,
    competitionId: competition.competitionId,
    ...checkedEventFields(input),
    panel: { judges: [], arbiters: [] },
    conflicts: [],
    version: 1,
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
    createdBy: ctx.scope.actor.sub,
  };
  return write(ctx, (uow) => {
    store(ctx).addEvent(uow, event);
    const stages = event.stages.map((s) => StageKind.labels[s.kind].zh).join('→');
    uow.audit({ action: 'competitions.event.create', entityType: 'competitions.event', entityId: event.eventId, summary: `竞赛「${competition.name.zh}」新建赛项「${event.name.zh}」（${stages}）` });
    return eventView(event, competition, 0, ctx.scope.actor.sub, now);
  });
}

/** A versioned change of one 赛项: loaded in the tenant (404), decided, saved, answered as the EventView. */
async function changeEvent<I extends { eventId: string; version: number }>(ctx: Ctx, input: I, decide: (before: EventItem, input: I, dc: DecideContext, competition: CompetitionItem) => Decision<EventItem>): Promise<EventView> {
  const before = await store(ctx).event(ctx.scope.tenantId, input.eventId);
  const [competition, contestants] = await Promise.all([store(ctx).competition(ctx.scope.tenantId, before.competitionId), store(ctx).contestants(ctx.scope.tenantId, before.eventId)]);
  return transition(
    ctx,
    {
      load: () => store(ctx).findEvent(ctx.scope.tenantId, input.eventId),
      missing: eventMissing,
      expectedVersion: input.version,
      decide: (b, i, dc) => decide(b, i, dc, competition),
      save: (uow, after, b) => store(ctx).saveEvent(uow, after, b.version),
      view: (after, dc) => eventView(after, competition, activeCount(contestants), ctx.scope.actor.sub, dc.now),
    },
    input,
  );
}

export async function updateEvent(ctx: Ctx, input: UpdateEventInput): Promise<EventView> {
  const existing = await store(ctx).event(ctx.scope.tenantId, input.eventId);
  if (await anyResultsPublished(ctx, [existing])) throw resultsPublished({ zh: '本赛项', en: 'This event' });
  const fields = checkedEventFields(input);
  return changeEvent(ctx, input, (before, _i, { now }) => ({
    after: { ...before, ...fields, updatedAt: now.toISOString() },
    audit: { action: 'competitions.event.update', entityType: 'competitions.event', entityId: before.eventId, summary: `修改赛项「${fields.name.zh}」` },
  }));
}

export async function getEvent(ctx: Ctx, input: { eventId: string }): Promise<EventView> {
  return viewOf(ctx, await store(ctx).event(ctx.scope.tenantId, input.eventId));
}

export async function listEvents(ctx: Ctx, input: { competitionId?: string } | undefined): Promise<EventSummary[]> {
  return summaries(ctx, await store(ctx).events(ctx.scope.tenantId, input?.competitionId));
}

// ── the marking scheme ──────────────────────────────────────────────────────────────────

/** When the scheme locks at the latest: the first scored stage's start (培训 is not scored). */
export function schemeStartsAt(stages: readonly Stage[]): string {
  return (stages.find((s) => s.kind !== 'training') ?? stages[0]!).startsAt;
}

/** Saves the scheme as a draft (not yet checked whole: `lockScheme` refuses an invalid one); 409 once locked. */
export async function saveScheme(ctx: Ctx, input: SaveSchemeInput): Promise<EventView> {
  return changeEvent(ctx, input, (before, i, { now }) => {
    if (before.scheme) assertSchemeEditable(before.scheme, now);
    const scheme: Scheme = {
      schemeId: before.scheme?.schemeId ?? newId(),
      competitionId: before.competitionId,
      eventId: before.eventId,
      startsAt: i.startsAt ?? schemeStartsAt(before.stages),
      parts: i.parts,
    };
    assertSchemeEditable(scheme, now);
    return {
      after: { ...before, scheme, updatedAt: now.toISOString() },
      audit: { action: 'competitions.event.saveScheme', entityType: 'competitions.event', entityId: before.eventId, summary: `保存赛项「${before.name.zh}」评分方案（${scheme.parts.length} 个部分）` },
    };
  });
}

export async function lockScheme(ctx: Ctx, input: { eventId: string; version: number }): Promise<EventView> {
  return changeEvent(ctx, input, (before, _i, dc, competition) => {
    if (!before.scheme) throw invalid({ zh: '本赛项还没有评分方案', en: 'This event has no marking scheme yet' }, { field: 'eventId', reason: 'no_scheme' });
    const scheme = lockDomainScheme(before.scheme, competition.rules.settings, dc.now);
    return {
      after: { ...before, scheme, updatedAt: dc.now.toISOString() },
      audit: { action: 'competitions.event.lockScheme', entityType: 'competitions.event', entityId: before.eventId, summary: `锁定赛项「${before.name.zh}」评分方案` },
    };
  });
}

// ── the panel ──────────────────────────────────────────────────────────────────────────

/** The panel from the tenant's directory: active users only, names from there; one chief; judges are not arbiters. */
async function panelOf(ctx: Ctx, input: SetPanelInput): Promise<Panel> {
  const users = new Map((await ctx.deps.users.all(ctx.scope)).map((u) => [u.userId, u]));
  const active = (userId: string, field: string) => {
    const user = users.get(userId);
    if (!user || !isActive(user)) throw invalid({ zh: `${userId} 不是本工会的在用用户`, en: `${userId} is not an active user of this federation` }, { field });
    return user;
  };
  const judgeIds = input.judges.map((j) => j.userId);
  if (new Set(judgeIds).size !== judgeIds.length) throw invalid({ zh: '裁判名单有重复的人', en: 'A judge is listed twice' }, { field: 'judges' });
  if (new Set(input.arbiters).size !== input.arbiters.length) throw invalid({ zh: '监督仲裁组名单有重复的人', en: 'An arbiter is listed twice' }, { field: 'arbiters' });
  if (input.judges.filter((j) => j.chief).length > 1) throw invalid({ zh: '裁判长只能有一位', en: 'There can be only one chief judge' }, { field: 'judges' });
  const both = input.arbiters.find((a) => judgeIds.includes(a));
  if (both) {
    throw invalid({ zh: `${users.get(both)?.name ?? both} 不能既是裁判又是监督仲裁组成员（监督仲裁组独立于裁判组）`, en: `${users.get(both)?.name ?? both} cannot be both a judge and an arbiter (the arbitration group is independent of the judges)` }, { field: 'arbiters', reason: 'judge_and_arbiter' });
  }
  return {
    judges: input.judges.map((j) => {
      const user = active(j.userId, 'judges');
      return { userId: j.userId, name: user.name, chief: j.chief, ...(user.unitId ? { unitId: user.unitId } : {}) };
    }),
    arbiters: input.arbiters.map((a) => ({ userId: a, name: active(a, 'arbiters').name })),
  };
}

export async function setPanel(ctx: Ctx, input: SetPanelInput): Promise<EventView> {
  const existing = await store(ctx).event(ctx.scope.tenantId, input.eventId);
  if (await anyResultsPublished(ctx, [existing])) throw resultsPublished({ zh: '本赛项', en: 'This event' });
  const panel = await panelOf(ctx, input);
  return changeEvent(ctx, input, (before, _i, { now }) => ({
    after: { ...before, panel, updatedAt: now.toISOString() },
    audit: {
      action: 'competitions.event.setPanel',
      entityType: 'competitions.event',
      entityId: before.eventId,
      summary: `设置赛项「${before.name.zh}」裁判组：裁判 ${panel.judges.map((j) => (j.chief ? `${j.name}（裁判长）` : j.name)).join('、') || '无'}；监督仲裁组 ${panel.arbiters.map((a) => a.name).join('、') || '无'}`,
    },
  }));
}

/** At most this many people in one answer of `panelCandidates` (the search narrows it). */
const PANEL_CANDIDATES = 50;

/**
 * Whom staff may put on a panel: the tenant's active directory users (name and unit only), whose name contains `q`.
 * Staff other than admins cannot read the user directory itself (`users.list`), yet they set up the panel.
 */
export async function panelCandidates(ctx: Ctx, input: { q?: string }) {
  const q = input.q?.trim() ?? '';
  const users = (await ctx.deps.users.all(ctx.scope)).filter((u) => isActive(u) && (q === '' || u.name.includes(q)));
  return users
    .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'))
    .slice(0, PANEL_CANDIDATES)
    .map((u) => ({ userId: u.userId, name: u.name, unitId: u.unitId ?? null }));
}
