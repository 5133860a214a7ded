import { createHmac } from 'node:crypto';
import { z } from 'zod';
import { shanghaiDate } from '@ufp/core/clock';
import { invalid, notFound, staleVersion } from '@ufp/core/errors';
import { evidenceRef } from '@ufp/core/evidence/model';
import { newId } from '@ufp/core/ids';
import { reversalOf, round2, type LedgerEntry } from '@ufp/core/ten-things/ledger';
import { adoptionMetrics, ratingMetrics, withEntry } from '@ufp/core/ten-things/apply';
import { itemCategories, type Item, type Plan } from '@ufp/core/ten-things/model';
import { itemProgress, itemStatuses, planSummary, type ItemProgress, type ItemStatus } from '@ufp/core/ten-things/status';
import { linkableEventTypes, parseTargetsText, targetsTextError, type Target } from '@ufp/core/ten-things/targets';
import { changesBetween } from '@ufp/core/audit/changes';
import { checkTieResolution, tallyVote } from '@ufp/core/ten-things/vote';
import type { TenantScope } from '@ufp/core/tenancy/scope';
import { limits } from '@ufp/core/validation/limits';
import { isoDateSchema, recordId, text } from '@ufp/core/validation/zod';
import type { TenThingsRepository } from '@ufp/db/repositories/ten-things';
import { retryStale, type UnitOfWork } from '@ufp/db/unit-of-work';
import { xlsxFile } from '@ufp/kit/excel';
import { idInput, langInput, pageInput } from '@ufp/kit/schemas';
import { publicProcedure, publicTenant, router, tenantProcedure, type Context } from '@ufp/kit/trpc';
import { write } from '@ufp/kit/write';
import { evidenceForEntry, tenThingsEvidenceRouter } from './evidence.js';
import { annualWorkbook } from './report.js';
import { admins, anyone, staff, tenThingsRepo, visibleItem, type Ctx } from './router-shared.js';

const MAX_CANDIDATES = 40;

const linkInput = z.object({
  eventType: z.enum(linkableEventTypes),
  filter: z.record(z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,39}$/), z.union([text({ max: 60 }), z.number(), z.boolean()])).optional(),
  measure: z.union([z.literal('count'), z.string().regex(/^sum:[A-Za-z][A-Za-z0-9_]{0,39}$/)]) as z.ZodType<'count' | `sum:${string}`>,
});
const targetInput = z.object({
  indicator: text(limits.tenThings.indicator),
  unit: text(limits.tenThings.unit),
  comparator: z.enum(['gte', 'eq', 'lte']),
  target: z.number().positive().max(1e10),
  baseline: z.number().min(0).max(1e10).optional(),
  deadline: isoDateSchema.optional(),
  link: linkInput.optional(),
});

export const tenThingsRouter = router({
  settings: router({
    get: staff.query(async ({ ctx }) => tenThingsRepo(ctx.deps).settings(ctx.scope.tenantId)),
    update: admins
      .input(
        z.object({
          version: z.number().int().min(0),
          maxAdopted: z.number().int().min(1).max(30),
          atRiskPoints: z.number().min(1).max(100),
          behindPoints: z.number().min(1).max(100),
        }),
      )
      .mutation(async ({ ctx, input }) => {
        if (input.behindPoints <= input.atRiskPoints) {
          throw invalid({ zh: '“落后”阈值须大于“有风险”阈值', en: 'The behind threshold must exceed the at-risk threshold' }, { field: 'behindPoints' });
        }
        const { version, ...settings } = input;
        const before = await tenThingsRepo(ctx.deps).settings(ctx.scope.tenantId);
        return write(ctx, (uow) => {
          tenThingsRepo(ctx.deps).putSettings(uow, ctx.scope.tenantId, settings, version);
          uow.audit({
            action: 'tenThings.settings.update',
            entityType: 'tenThings.settings',
            entityId: ctx.scope.tenantId,
            summary: `十件实事设置：最多 ${settings.maxAdopted} 项，风险阈值 ${settings.atRiskPoints}/${settings.behindPoints}`,
            changes: changesBetween(before, settings, ['maxAdopted', 'atRiskPoints', 'behindPoints']),
          });
          return { ...settings, version: version + 1 };
        });
      }),
  }),

  plans: router({
    create: admins.input(z.object({ year: z.number().int().min(2000).max(2100), title: text(limits.tenThings.planTitle) })).mutation(async ({ ctx, input }) =>
      write(ctx, (uow, now) => {
        const plan: Plan = {
          planId: newId(),
          tenantId: ctx.scope.tenantId,
          year: input.year,
          title: input.title,
          status: 'collecting',
          candidateCount: 0,
          version: 1,
          createdAt: now.toISOString(),
          updatedAt: now.toISOString(),
        };
        tenThingsRepo(ctx.deps).addPlan(uow, plan);
        uow.emit({ type: 'tenThings.plan.created', data: { planId: plan.planId, year: plan.year } });
        uow.audit({ action: 'tenThings.plans.create', entityType: 'tenThings.plan', entityId: plan.planId, summary: `新建 ${plan.year} 年十件实事计划：${plan.title}` });
        return plan;
      }),
    ),

    list: staff.input(z.object({ ...pageInput, year: z.number().int().min(2000).max(2100).optional() }).optional()).query(async ({ ctx, input }) =>
      tenThingsRepo(ctx.deps).listPlans(ctx.scope, { year: input?.year }, { cursor: input?.cursor, limit: input?.limit }),
    ),

    /** The plan with every item's targets, running totals, completion and status — read from items only, never the ledger. */
    get: staff.input(z.object({ planId: idInput })).query(async ({ ctx, input }) => planView(ctx, input.planId)),

    /** 票决 preview: the quorum and adoption result as recordVote would compute it, without saving. */
    previewVote: admins.input(voteInput()).query(async ({ ctx, input }) => {
      const settings = await tenThingsRepo(ctx.deps).settings(ctx.scope.tenantId);
      return tallyVote({ ...input, maxAdopted: settings.maxAdopted });
    }),

    recordVote: admins.input(voteInput()).mutation(async ({ ctx, input }) => {
      const repo = tenThingsRepo(ctx.deps);
      const [plan, items, settings] = await Promise.all([repo.getPlan(ctx.scope, input.planId), repo.planItems(ctx.scope, input.planId), repo.settings(ctx.scope.tenantId)]);
      if (plan.vote) throw invalid({ zh: '该计划已完成票决，票决结果不可更改', en: 'The vote is recorded and cannot be changed' }, { field: 'planId' });
      const byId = new Map(items.map((i) => [i.itemId, i]));
      input.ballots.forEach((b, i) => {
        if (!byId.has(b.candidateId)) throw invalid({ zh: '候选项目不属于该计划', en: 'Candidate is not in this plan' }, { field: `ballots.${i}.candidateId` });
      });
      const outcome = tallyVote({ ...input, maxAdopted: settings.maxAdopted });
      const tied = new Set(outcome.tie?.candidateIds ?? []);
      return write(ctx, (uow, now) => {
        const after: Plan = {
          ...plan,
          status: outcome.tie ? 'tie_pending' : 'adopted',
          vote: {
            representativesTotal: input.representativesTotal,
            present: input.present,
            quorumRequired: outcome.quorum.required,
            maxAdopted: settings.maxAdopted,
            results: outcome.results,
            adopted: outcome.adopted,
            tie: outcome.tie,
            recordedAt: now.toISOString(),
            recordedBy: ctx.scope.actor.sub,
          },
          version: plan.version + 1,
          updatedAt: now.toISOString(),
        };
        repo.replacePlan(uow, plan, after);
        const votes = new Map(outcome.results.map((r) => [r.candidateId, r]));
        const adopted = adoptItems(ctx, uow, repo, items, new Set(outcome.adopted), tied, votes, now);
        if (adopted.length) emitAdopted(uow, after, adopted, now, settings);
        uow.audit({
          action: 'tenThings.plans.recordVote',
          entityType: 'tenThings.plan',
          entityId: plan.planId,
          summary: `票决：应到 ${input.representativesTotal} 人，实到 ${input.present} 人，通过 ${outcome.adopted.length} 项${outcome.tie ? `，${outcome.tie.candidateIds.length} 项得票并列待全会决定 ${outcome.tie.seats} 项` : ''}`,
        });
        return { plan: after, outcome };
      });
    }),

    /** The plenary's decision on a tie reported by the vote: recorded once, like the vote itself. */
    resolveTie: admins.input(z.object({ planId: idInput, candidateIds: z.array(idInput).max(30) })).mutation(async ({ ctx, input }) => {
      const repo = tenThingsRepo(ctx.deps);
      const [plan, items, settings] = await Promise.all([repo.getPlan(ctx.scope, input.planId), repo.planItems(ctx.scope, input.planId), repo.settings(ctx.scope.tenantId)]);
      const tie = plan.vote?.tie;
      if (!plan.vote || !tie || plan.vote.tieResolution) throw invalid({ zh: '该计划没有待决定的并列票', en: 'There is no open tie in this plan' }, { field: 'planId' });
      checkTieResolution(tie, input.candidateIds);
      return write(ctx, (uow, now) => {
        const after: Plan = {
          ...plan,
          status: 'adopted',
          vote: { ...plan.vote!, tieResolution: { candidateIds: input.candidateIds, recordedAt: now.toISOString(), recordedBy: ctx.scope.actor.sub } },
          version: plan.version + 1,
          updatedAt: now.toISOString(),
        };
        repo.replacePlan(uow, plan, after);
        const tiedItems = items.filter((i) => tie.candidateIds.includes(i.itemId));
        const adopted = adoptItems(ctx, uow, repo, tiedItems, new Set(input.candidateIds), new Set(), new Map(), now);
        if (adopted.length) emitAdopted(uow, after, adopted, now, settings);
        uow.audit({ action: 'tenThings.plans.resolveTie', entityType: 'tenThings.plan', entityId: plan.planId, summary: `全会决定并列项目：通过 ${input.candidateIds.length} 项` });
        return after;
      });
    }),
  }),

  candidates: router({
    /** Parses targetsText (without saving) for the live preview in the console. */
    parse: staff.input(z.object({ targetsText: text(limits.tenThings.targetsText) })).query(({ input }) => {
      const r = parseTargetsText(input.targetsText);
      if (!r.ok) throw targetsTextError(r);
      return r.value;
    }),

    propose: staff
      .input(
        z.object({
          planId: idInput,
          title: text(limits.tenThings.title),
          description: text(limits.tenThings.description).optional(),
          category: z.enum(itemCategories),
          leadDept: text(limits.tenThings.leadDept),
          budgetFen: z.number().int().min(0).max(1e13).optional(),
          targets: z.array(targetInput).max(20).optional(),
          targetsText: text(limits.tenThings.targetsText).optional(),
        }),
      )
      .mutation(async ({ ctx, input }) => {
        const repo = tenThingsRepo(ctx.deps);
        const plan = await repo.getPlan(ctx.scope, input.planId);
        if (plan.status !== 'collecting') throw invalid({ zh: '计划已票决，不能再提交候选项目', en: 'The plan has been voted; no more candidates' }, { field: 'planId' });
        if (plan.candidateCount >= MAX_CANDIDATES) throw invalid({ zh: `候选项目最多 ${MAX_CANDIDATES} 个`, en: `At most ${MAX_CANDIDATES} candidates` }, { field: 'planId' });
        const targets: Target[] = [...(input.targets ?? [])];
        if (input.targetsText) {
          const parsed = parseTargetsText(input.targetsText);
          if (!parsed.ok) throw targetsTextError(parsed);
          targets.push(...parsed.value.targets);
        }
        if (targets.length === 0) throw invalid({ zh: '请至少填写一个量化指标', en: 'Give at least one quantified target' }, { field: 'targetsText' });
        if (targets.length > 20) throw invalid({ zh: '指标最多 20 个', en: 'At most 20 targets' }, { field: 'targets' });
        targets.forEach((t, i) => {
          if (t.deadline && !t.deadline.startsWith(String(plan.year))) {
            throw invalid({ zh: `截止日期须在 ${plan.year} 年内`, en: `The deadline must fall in ${plan.year}` }, { field: `targets.${i}.deadline` });
          }
        });
        return write(ctx, (uow, now) => {
          const item: Item = {
            itemId: newId(),
            planId: plan.planId,
            tenantId: ctx.scope.tenantId,
            year: plan.year,
            title: input.title,
            description: input.description || undefined,
            category: input.category,
            leadDept: input.leadDept,
            budgetFen: input.budgetFen,
            targets,
            stage: 'candidate',
            achieved: targets.map(() => 0),
            entryCount: 0,
            satisfaction: { sum: 0, count: 0 },
            proposedBy: ctx.scope.actor.sub,
            version: 1,
            createdAt: now.toISOString(),
            updatedAt: now.toISOString(),
          };
          repo.addItem(uow, item);
          // The plan's version guards the candidate count and that the vote has not happened meanwhile.
          repo.replacePlan(uow, plan, { ...plan, candidateCount: plan.candidateCount + 1, version: plan.version + 1, updatedAt: now.toISOString() });
          uow.audit({ action: 'tenThings.candidates.propose', entityType: 'tenThings.item', entityId: item.itemId, summary: `候选项目：${item.title}（${targets.length} 个指标）` });
          return item;
        });
      }),
  }),

  items: router({
    get: anyone.input(z.object({ itemId: idInput, ...pageInput })).query(async ({ ctx, input }) => {
      const repo = tenThingsRepo(ctx.deps);
      const item = await visibleItem(ctx, input.itemId);
      const [ledger, settings] = await Promise.all([repo.ledger(ctx.scope, item.itemId, { cursor: input.cursor, limit: input.limit }), repo.settings(ctx.scope.tenantId)]);
      return { item: itemView(item, ctx.deps.clock.now(), settings), ledger };
    }),

    /** 责任状: lead department, co-responsible units and quarterly milestones of an adopted item. */
    assign: admins
      .input(
        z.object({
          itemId: idInput,
          version: z.number().int().min(1),
          leadDept: text(limits.tenThings.leadDept),
          coUnitIds: z.array(idInput).max(50),
          milestones: z.array(z.object({ quarter: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]), share: z.number().min(0).max(100) })).max(4),
        }),
      )
      .mutation(async ({ ctx, input }) => {
        const repo = tenThingsRepo(ctx.deps);
        const item = await repo.getItem(ctx.scope, input.itemId);
        if (item.stage !== 'adopted') throw invalid({ zh: '只有票决通过的项目才能签订责任状', en: 'Only adopted items get a responsibility assignment' }, { field: 'itemId' });
        if (input.version !== item.version) throw staleVersion();
        const milestones = [...input.milestones].sort((a, b) => a.quarter - b.quarter);
        milestones.forEach((m, i) => {
          if (i > 0 && milestones[i - 1]!.quarter === m.quarter) throw invalid({ zh: '季度重复', en: 'Quarter listed twice' }, { field: `milestones.${i}.quarter` });
          if (i > 0 && m.share < milestones[i - 1]!.share) throw invalid({ zh: '季度节点的累计进度不能下降', en: 'Cumulative milestone shares cannot decrease' }, { field: `milestones.${i}.share` });
        });
        const coUnitIds = [...new Set(input.coUnitIds)];
        const units = await Promise.all(coUnitIds.map((u) => ctx.deps.units.get(ctx.scope, u).catch(() => undefined)));
        const missing = coUnitIds.findIndex((_, i) => !units[i]);
        if (missing >= 0) throw invalid({ zh: '协办单位不存在', en: 'Co-responsible unit not found' }, { field: `coUnitIds.${missing}` });
        return write(ctx, (uow, now) => {
          const after: Item = {
            ...item,
            assignment: { leadDept: input.leadDept, coUnitIds, milestones, assignedAt: now.toISOString(), assignedBy: ctx.scope.actor.sub },
            leadDept: input.leadDept,
            version: item.version + 1,
            updatedAt: now.toISOString(),
          };
          repo.replaceItem(uow, item, after);
          repo.setTasks(uow, after, item.assignment?.coUnitIds ?? [], coUnitIds);
          uow.emit({ type: 'tenThings.item.assigned', data: { planId: item.planId, itemId: item.itemId, coUnits: coUnitIds.length } });
          uow.audit({ action: 'tenThings.items.assign', entityType: 'tenThings.item', entityId: item.itemId, summary: `责任状：${item.title} 牵头 ${input.leadDept}，协办单位 ${coUnitIds.length} 个` });
          return after;
        });
      }),

    /** "My tasks": adopted items the reporter's unit is co-responsible for. */
    mine: tenantProcedure(['unit_reporter']).query(async ({ ctx }) => {
      const repo = tenThingsRepo(ctx.deps);
      const unitId = ctx.scope.unitId;
      if (!unitId) return { items: [] };
      const ids = await repo.taskItemIds(ctx.scope, unitId);
      const [items, settings] = await Promise.all([Promise.all(ids.map((id) => repo.itemById(ctx.scope.tenantId, id))), repo.settings(ctx.scope.tenantId)]);
      const now = ctx.deps.clock.now();
      return { items: items.filter((i): i is Item => !!i && i.stage === 'adopted').map((i) => itemView(i, now, settings)) };
    }),
  }),

  evidence: tenThingsEvidenceRouter,

  progress: router({
    report: anyone
      .input(
        z.object({
          itemId: idInput,
          targetIndex: z.number().int().min(0).max(19),
          quantity: z.number().positive().max(1e9),
          occurredOn: isoDateSchema,
          note: text(limits.tenThings.note).optional(),
          evidenceIds: z
            .array(idInput)
            .max(10)
            .refine((ids) => new Set(ids).size === ids.length, { message: '佐证材料重复\u241eThe same evidence is listed twice' })
            .optional(),
        }),
      )
      .mutation(async ({ ctx, input }) => {
        return retryStale(async () => {
          const item = await visibleItem(ctx, input.itemId);
          if (item.stage !== 'adopted') throw invalid({ zh: '只有票决通过的项目才能填报进度', en: 'Progress is reported on adopted items only' }, { field: 'itemId' });
          const target = item.targets[input.targetIndex];
          if (!target) throw invalid({ zh: '指标不存在', en: 'No such target' }, { field: 'targetIndex' });
          if (target.link) throw invalid({ zh: '该指标由业务事件自动统计，不能手工填报', en: 'This target is fed by events and cannot be reported by hand' }, { field: 'targetIndex' });
          const today = shanghaiDate(ctx.deps.clock.now());
          if (input.occurredOn > today) throw invalid({ zh: '发生日期不能晚于今天', en: 'The date cannot be in the future' }, { field: 'occurredOn' });
          if (!input.occurredOn.startsWith(String(item.year))) throw invalid({ zh: `发生日期须在 ${item.year} 年内`, en: `The date must fall in ${item.year}` }, { field: 'occurredOn' });
          const evidence = await evidenceForEntry(ctx, item, input.evidenceIds ?? []);
          return write(ctx, async (uow, now) => {
            const entry: LedgerEntry = {
              entryId: newId(),
              itemId: item.itemId,
              planId: item.planId,
              targetIndex: input.targetIndex,
              quantity: input.quantity,
              occurredOn: input.occurredOn,
              entryType: 'report',
              note: input.note || undefined,
              evidenceIds: evidence.length ? evidence.map((e) => e.evidenceId) : undefined,
              evidence: evidence.length ? evidence.map(evidenceRef) : undefined,
              reporter: ctx.scope.actor.sub,
              reporterUnitId: ctx.scope.unitId,
              recordedAt: now.toISOString(),
            };
            const repo = tenThingsRepo(ctx.deps);
            for (const e of evidence) repo.attachEvidence(uow, ctx.scope.tenantId, e, entry.entryId, now.toISOString());
            const settings = await repo.settings(ctx.scope.tenantId);
            return applyEntry(ctx, uow, item, entry, now, settings);
          });
        });
      }),

    /** A reversing entry (negated quantity, with a reason); the original stays in the ledger, marked reversed. */
    correct: staff.input(z.object({ itemId: idInput, entryId: idInput, reason: text(limits.tenThings.reason) })).mutation(async ({ ctx, input }) =>
      retryStale(async () => {
        const repo = tenThingsRepo(ctx.deps);
        const item = await repo.getItem(ctx.scope, input.itemId);
        const original = await repo.getEntry(ctx.scope, item.itemId, input.entryId);
        const now = ctx.deps.clock.now();
        const reversal = reversalOf(original, input.reason, { entryId: newId(), reporter: ctx.scope.actor.sub, today: shanghaiDate(now), now: now.toISOString() });
        const settings = await repo.settings(ctx.scope.tenantId);
        return write(ctx, (uow, at) => {
          repo.markReversed(uow, ctx.scope.tenantId, original, reversal.entryId);
          return applyEntry(ctx, uow, item, reversal, at, settings);
        });
      }),
    ),
  }),

  reports: router({
    annual: staff.input(z.object({ planId: idInput })).query(async ({ ctx, input }) => annualReport(ctx, input.planId)),
    /** The annual report as an Excel workbook (base64), one row per target. */
    annualXlsx: staff.input(z.object({ planId: idInput, lang: langInput })).query(async ({ ctx, input }) => {
      const lang = input.lang ?? 'zh';
      const report = await annualReport(ctx, input.planId);
      const { bytes, rows } = await annualWorkbook(report, lang);
      return xlsxFile(lang === 'zh' ? `${report.plan.year}-十件实事年度报告.xlsx` : `${report.plan.year}-ten-things-annual-report.xlsx`, bytes, rows);
    }),
  }),

  /** No login: the satisfaction page behind each adopted item's public link (QR code). */
  public: router({
    item: publicProcedure.input(z.object({ tenantId: recordId(40), itemId: idInput })).query(async ({ ctx, input }) => {
      const { item, tenant } = await publicItem(ctx, input.tenantId, input.itemId);
      return {
        tenantName: tenant.name,
        year: item.year,
        title: item.title,
        description: item.description,
        targets: item.targets.map((t) => ({ indicator: t.indicator, unit: t.unit, comparator: t.comparator, target: t.target })),
        satisfaction: satisfactionOf(item),
      };
    }),
    rate: publicProcedure
      .input(z.object({ tenantId: recordId(40), itemId: idInput, score: z.number().int().min(1).max(5) }))
      .mutation(async ({ ctx, input }) => {
        const { item, tenant } = await publicItem(ctx, input.tenantId, input.itemId);
        const scope: TenantScope = { kind: 'tenant', tenantId: tenant.id, divisionCode: tenant.divisionCode, actor: { sub: 'public', roles: [] } };
        const now = ctx.deps.clock.now();
        // The client is keyed by a keyed hash of its address: the address itself is never stored.
        const client = createHmac('sha256', ctx.deps.blindIndexKey).update(`rate|${ctx.clientIp ?? 'unknown'}`).digest('base64url').slice(0, 22);
        const repo = tenThingsRepo(ctx.deps);
        // A fresh correlation id: the client's own x-correlation-id header must not travel into the tenant's log.
        await write({ ...ctx, scope, correlationId: newId() }, (uow) => {
          repo.guardRating(uow, tenant.id, item.itemId, shanghaiDate(now), client, now);
          repo.addRating(uow, tenant.id, item.itemId, input.score);
          uow.emit({ type: 'tenThings.item.rated', data: { planId: item.planId, itemId: item.itemId, score: input.score, year: item.year, metrics: ratingMetrics(input.score) } });
          // Anonymous: the entry records that one rating was counted, never who or from where.
          uow.audit({ action: 'tenThings.public.rate', entityType: 'tenThings.item', entityId: item.itemId, summary: `收到匿名满意度评价 1 条：${item.title}` });
        });
        const sum = item.satisfaction.sum + input.score;
        const count = item.satisfaction.count + 1;
        return { mean: round2(sum / count), count };
      }),
  }),
});

function voteInput() {
  return z.object({
    planId: idInput,
    representativesTotal: z.number().int().min(1).max(10_000),
    present: z.number().int().min(0).max(10_000),
    ballots: z
      .array(z.object({ candidateId: idInput, for: z.number().int().min(0).max(10_000), against: z.number().int().min(0).max(10_000), abstain: z.number().int().min(0).max(10_000) }))
      .min(1)
      .max(MAX_CANDIDATES),
  });
}

/** Applies a ledger entry: the entry, the item's new running totals (versioned), the event with rollup deltas, the audit. */
function applyEntry(ctx: Ctx, uow: UnitOfWork, item: Item, entry: LedgerEntry, now: Date, settings: { atRiskPoints: number; behindPoints: number }) {
  const repo = tenThingsRepo(ctx.deps);
  const after = withEntry(item, entry, now, settings);
  repo.addEntry(uow, ctx.scope.tenantId, entry);
  repo.replaceItem(uow, item, after.item);
  for (const e of after.events) uow.emit(e);
  uow.audit({
    action: entry.entryType === 'correction' ? 'tenThings.progress.correct' : 'tenThings.progress.report',
    entityType: 'tenThings.item',
    entityId: item.itemId,
    summary:
      entry.entryType === 'correction'
        ? `冲正 ${item.title} 指标${entry.targetIndex + 1} 的记录 ${entry.reverses}（${entry.quantity}）：${entry.reason}`
        : `填报 ${item.title} 指标${entry.targetIndex + 1}：+${entry.quantity} ${item.targets[entry.targetIndex]?.unit ?? ''}`,
  });
  return { entry, item: itemView(after.item, now, settings) };
}

function adoptItems(ctx: Ctx, uow: UnitOfWork, repo: TenThingsRepository, items: Item[], adoptedIds: Set<string>, tied: Set<string>, votes: Map<string, { for: number; against: number; abstain: number; rank?: number }>, now: Date): Item[] {
  const adopted: Item[] = [];
  for (const item of items) {
    const v = votes.get(item.itemId);
    const stage = adoptedIds.has(item.itemId) ? 'adopted' : tied.has(item.itemId) ? 'tied' : 'not_adopted';
    const status: ItemStatus | undefined = stage === 'adopted' ? itemProgress(item, now).status : undefined;
    const after: Item = {
      ...item,
      stage,
      ...(v ? { votes: { for: v.for, against: v.against, abstain: v.abstain, rank: v.rank } } : {}),
      status,
      completionBp: stage === 'adopted' ? 0 : undefined,
      version: item.version + 1,
      updatedAt: now.toISOString(),
    };
    repo.replaceItem(uow, item, after);
    if (stage === 'adopted') {
      adopted.push(after);
      after.targets.forEach((t, targetIndex) => {
        if (t.link) repo.registerLink(uow, ctx.scope.tenantId, { itemId: item.itemId, planId: item.planId, targetIndex, link: t.link });
      });
    }
  }
  return adopted;
}

function emitAdopted(uow: UnitOfWork, plan: Plan, adopted: Item[], _now: Date, _settings: unknown) {
  const metrics = adoptionMetrics(adopted.map((i) => i.status ?? 'on_track'));
  uow.emit({ type: 'tenThings.plan.adopted', data: { planId: plan.planId, year: plan.year, adopted: adopted.length, itemIds: adopted.map((i) => i.itemId), metrics } });
}

function satisfactionOf(item: Item) {
  const { sum, count } = item.satisfaction;
  return { mean: count ? round2(sum / count) : null, count };
}

export type ItemView = ReturnType<typeof itemView>;
function itemView(item: Item, now: Date, settings: { atRiskPoints: number; behindPoints: number }) {
  const progress: ItemProgress | undefined = item.stage === 'adopted' ? itemProgress(item, now, settings) : undefined;
  return { ...item, progress, satisfaction: { ...item.satisfaction, ...satisfactionOf(item) } };
}

async function planView(ctx: Ctx, planId: string) {
  const repo = tenThingsRepo(ctx.deps);
  const [plan, items, settings] = await Promise.all([repo.getPlan(ctx.scope, planId), repo.planItems(ctx.scope, planId), repo.settings(ctx.scope.tenantId)]);
  const now = ctx.deps.clock.now();
  const views = items.map((i) => itemView(i, now, settings));
  const adopted = views.filter((v) => v.stage === 'adopted');
  const summary = planSummary(adopted.map((v) => v.progress!));
  return { plan, items: views, summary, settings, asOf: shanghaiDate(now) };
}

async function annualReport(ctx: Ctx, planId: string) {
  const view = await planView(ctx, planId);
  const rows = view.items
    .filter((i) => i.stage === 'adopted')
    .flatMap((i) =>
      i.targets.map((t, idx) => ({
        itemId: i.itemId,
        item: i.title,
        leadDept: i.assignment?.leadDept ?? i.leadDept,
        indicator: t.indicator,
        comparator: t.comparator,
        target: t.target,
        unit: t.unit,
        achieved: i.achieved[idx] ?? 0,
        completion: i.progress!.targets[idx] ?? 0,
        status: i.progress!.status,
        satisfactionMean: i.satisfaction.mean,
        satisfactionCount: i.satisfaction.count,
      })),
    );
  return { plan: view.plan, summary: view.summary, asOf: view.asOf, rows, statuses: itemStatuses };
}
export type AnnualReport = Awaited<ReturnType<typeof annualReport>>;

async function publicItem(ctx: Context, tenantId: string, itemId: string) {
  const tenant = await publicTenant(ctx, tenantId, () => notFound({ zh: '实事项目', en: 'Ten-things item' }));
  const item = await tenThingsRepo(ctx.deps).itemById(tenant.id, itemId);
  if (!item || item.stage !== 'adopted') throw notFound({ zh: '实事项目', en: 'Ten-things item' });
  return { item, tenant };
}

