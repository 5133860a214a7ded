import type { z } from 'zod';
import { shanghaiDate } from '@ufp/core/clock';
import { notFound } from '@ufp/core/errors';
import { newId } from '@ufp/core/ids';
import type { UnitOfWork } from '@ufp/db/unit-of-work';
import { transition, type Decision } from '@ufp/kit/transition';
import { write } from '@ufp/kit/write';
import { itemView, planSummaryOf } from '../domain/item.js';
import type { Plan } from '../domain/model.js';
import { newPlan, recordVote as recordVoteOn, resolveTie as resolveTieOf, voteOutcome, withoutItems, type Decided, type PlanWithItems } from '../domain/plan.js';
import { tallyVote } from '../domain/vote.js';
import { checkEvaluation, closePlan as closePlanOf, evaluationFloor, recordEvaluation } from '../domain/evaluation.js';
import { planCreated } from '../events.js';
import type { evaluationInput, planCreateInput, planInput, planListInput, tieInput, voteInput } from '../schemas.js';
import type { TenThingsStore } from '../store.js';
import { tenThingsStore, type Ctx } from './context.js';

export async function createPlan(ctx: Ctx, input: z.infer<typeof planCreateInput>): Promise<Plan> {
  return write(ctx, (uow, now) => {
    const plan = newPlan({ planId: newId(), ...input }, ctx.scope, now);
    tenThingsStore(ctx.deps).addPlan(uow, plan);
    uow.emit(planCreated.create({ planId: plan.planId, year: plan.year }));
    uow.audit({ action: 'tenThings.plans.create', entityType: 'tenThings.plan', entityId: plan.planId, summary: `新建 ${plan.year} 年十件实事计划：${plan.title}` });
    return plan;
  });
}

export const listPlans = (ctx: Ctx, input: z.infer<typeof planListInput>) =>
  tenThingsStore(ctx.deps).listPlans(ctx.scope, { year: input?.year }, { cursor: input?.cursor, limit: input?.limit });

/** The plan with every item's targets, running totals, completion and status — read from items only, never the ledger. */
export async function planView(ctx: Ctx, planId: string) {
  const store = tenThingsStore(ctx.deps);
  const [plan, items, settings] = await Promise.all([store.getPlan(ctx.scope, planId), store.planItems(ctx.scope, planId), store.settings(ctx.scope.tenantId)]);
  const now = ctx.deps.clock.now();
  const views = items.map((i) => itemView(i, now, settings));
  // The least number of representatives whose forms make the year-end 测评 valid (the console states it).
  const floor = plan.vote ? evaluationFloor(plan.vote.representativesTotal, settings.evaluationFloorPercent) : undefined;
  return { plan, items: views, summary: planSummaryOf(views), settings, evaluationFloor: floor, asOf: shanghaiDate(now) };
}

/** 票决 preview: the quorum and adoption result as recordVote would compute it, without saving. */
export async function previewVote(ctx: Ctx, input: z.infer<typeof voteInput>) {
  const settings = await tenThingsStore(ctx.deps).settings(ctx.scope.tenantId);
  return tallyVote({ ...input, maxAdopted: settings.maxAdopted });
}

export async function recordVote(ctx: Ctx, input: z.infer<typeof voteInput>) {
  const store = tenThingsStore(ctx.deps);
  const settings = await store.settings(ctx.scope.tenantId);
  let outcome: ReturnType<typeof voteOutcome> | undefined;
  const after = await transition(
    ctx,
    {
      ...planWithItems(ctx, store, input.planId),
      decide: (before, vote, { now, scope }) => {
        outcome = voteOutcome(before, vote, settings);
        return decision(recordVoteOn(before, vote, outcome, settings, scope.actor.sub, now), {
          action: 'tenThings.plans.recordVote',
          summary: `票决：应到 ${vote.representativesTotal} 人，实到 ${vote.present} 人，通过 ${outcome.adopted.length} 项${outcome.tie ? `，${outcome.tie.candidateIds.length} 项得票并列待全会决定 ${outcome.tie.seats} 项` : ''}`,
        });
      },
    },
    input,
  );
  return { plan: withoutItems(after), outcome: outcome! };
}

/** The plenary's decision on a tie reported by the vote: recorded once, like the vote itself. */
export async function resolveTie(ctx: Ctx, input: z.infer<typeof tieInput>): Promise<Plan> {
  const store = tenThingsStore(ctx.deps);
  const after = await transition(
    ctx,
    {
      ...planWithItems(ctx, store, input.planId),
      decide: (before, { candidateIds }, { now, scope }) =>
        decision(resolveTieOf(before, candidateIds, scope.actor.sub, now), { action: 'tenThings.plans.resolveTie', summary: `全会决定并列项目：通过 ${candidateIds.length} 项` }),
    },
    input,
  );
  return withoutItems(after);
}

/** The year-end 测评: the representatives' forms per adopted item, valid above the tenant's floor; again until closed. */
export async function evaluate(ctx: Ctx, input: z.infer<typeof evaluationInput>): Promise<Plan> {
  const store = tenThingsStore(ctx.deps);
  const { evaluationFloorPercent } = await store.settings(ctx.scope.tenantId);
  const after = await transition(
    ctx,
    {
      ...planWithItems(ctx, store, input.planId),
      decide: (before, evaluation, { now, scope }) => {
        checkEvaluation(before, evaluation, evaluationFloorPercent);
        return decision(recordEvaluation(before, evaluation, evaluationFloorPercent, scope.actor.sub, now), {
          action: 'tenThings.plans.evaluate',
          summary: `年终测评：参评代表 ${evaluation.respondents} / ${before.vote!.representativesTotal} 人，${evaluation.items.length} 个项目`,
        });
      },
    },
    input,
  );
  return withoutItems(after);
}

/** 结项 after the 测评: the plan and its items refuse every change from then on (409 naming the state). */
export async function close(ctx: Ctx, input: z.infer<typeof planInput>): Promise<Plan> {
  const store = tenThingsStore(ctx.deps);
  const after = await transition(
    ctx,
    {
      ...planWithItems(ctx, store, input.planId),
      decide: (before, _input, { now, scope }) => decision(closePlanOf(before, scope.actor.sub, now), { action: 'tenThings.plans.close', summary: `${before.year} 年十件实事计划结项：${before.title}` }),
    },
    input,
  );
  return withoutItems(after);
}

/** A plan read with its items; saving writes the plan and every item the decision changed (links of adopted ones too). */
function planWithItems(ctx: Ctx, store: TenThingsStore, planId: string) {
  return {
    load: async (): Promise<PlanWithItems> => {
      const [plan, items] = await Promise.all([store.getPlan(ctx.scope, planId), store.planItems(ctx.scope, planId)]);
      return { ...plan, items };
    },
    missing: () => notFound({ zh: '十件实事计划', en: 'Ten-things plan' }),
    save: (uow: UnitOfWork, after: PlanWithItems, before: PlanWithItems) => {
      store.replacePlan(uow, before, withoutItems(after));
      after.items.forEach((item, i) => {
        const previous = before.items[i]!;
        if (item === previous) return;
        store.replaceItem(uow, previous, item);
        if (item.stage === 'adopted') store.registerLinks(uow, item);
      });
    },
  };
}

function decision(decided: Decided, audit: { action: string; summary: string }): Decision<PlanWithItems> {
  return { after: decided.after, events: decided.events, audit: { ...audit, entityType: 'tenThings.plan', entityId: decided.after.planId } };
}
