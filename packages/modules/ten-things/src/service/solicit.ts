import type { z } from 'zod';
import { newId } from '@ufp/core/ids';
import { write } from '@ufp/kit/write';
import type { Item } from '../domain/model.js';
import { targetsOf } from '../domain/plan.js';
import { checkProposal, mergeProposal, newProposal, shortlist as shortlistOf } from '../domain/solicit.js';
import type { mergeInput, shortlistInput, solicitInput } from '../schemas.js';
import { tenThingsStore, type Ctx } from './context.js';

/** 征集: a unit reporter proposes an item for the plan still collecting; staff shortlist or merge it later. */
export async function solicit(ctx: Ctx, input: z.infer<typeof solicitInput>): Promise<Item> {
  const store = tenThingsStore(ctx.deps);
  const plan = await store.getPlan(ctx.scope, input.planId);
  checkProposal(plan);
  const targets = targetsOf(plan, input);
  const unitId = ctx.scope.unitId;
  const unit = unitId ? await ctx.deps.units.get(ctx.scope, unitId).catch(() => undefined) : undefined;
  return write(ctx, (uow, now) => {
    const item = newProposal(plan, input, targets, { itemId: newId(), sub: ctx.scope.actor.sub, ...(unitId ? { unitId } : {}), ...(unit ? { unitName: unit.name } : {}) }, now);
    store.addItem(uow, item);
    // The plan's version guards the count and that the vote has not happened meanwhile.
    store.replacePlan(uow, plan, { ...plan, proposalCount: (plan.proposalCount ?? 0) + 1, version: plan.version + 1, updatedAt: now.toISOString() });
    uow.audit({ action: 'tenThings.candidates.solicit', entityType: 'tenThings.item', entityId: item.itemId, summary: `征集建议：${item.title}${unit ? `（${unit.name}）` : ''}` });
    return item;
  });
}

/** The plans collecting proposals and the reporter's own unit's proposals, with what became of each. */
export async function mySolicitations(ctx: Ctx) {
  const store = tenThingsStore(ctx.deps);
  const plans = (await store.listPlans(ctx.scope, {}, { limit: 20 })).items.filter((p) => p.status === 'collecting');
  const items = (await Promise.all(plans.map((p) => store.planItems(ctx.scope, p.planId)))).flat();
  const titles = new Map(items.map((i) => [i.itemId, i.title]));
  const mine = items.filter((i) => i.proposers?.some((p) => p.unitId !== undefined && p.unitId === ctx.scope.unitId));
  return {
    plans: plans.map((p) => ({ planId: p.planId, year: p.year, title: p.title })),
    proposals: mine.map((i) => ({ itemId: i.itemId, planId: i.planId, title: i.title, stage: i.stage, mergedIntoTitle: i.mergedInto ? titles.get(i.mergedInto) : undefined, createdAt: i.createdAt })),
  };
}

/** 初定: staff take a proposal onto the candidate list with its lead department (and budget). */
export async function shortlist(ctx: Ctx, input: z.infer<typeof shortlistInput>): Promise<Item> {
  const store = tenThingsStore(ctx.deps);
  const item = await store.getItem(ctx.scope, input.itemId);
  const plan = await store.getPlan(ctx.scope, item.planId);
  return write(ctx, (uow, now) => {
    const after = shortlistOf(plan, item, input, now);
    store.replacePlan(uow, plan, after.plan);
    store.replaceItem(uow, item, after.item);
    uow.audit({ action: 'tenThings.candidates.shortlist', entityType: 'tenThings.item', entityId: item.itemId, summary: `初定候选项目：${item.title}（牵头部门 ${input.leadDept}）`, changes: { stage: { from: item.stage, to: after.item.stage } } });
    return after.item;
  });
}

/** A duplicate proposal merged into another proposal or a candidate, which keeps every proposer. */
export async function merge(ctx: Ctx, input: z.infer<typeof mergeInput>): Promise<Item> {
  const store = tenThingsStore(ctx.deps);
  const [source, into] = await Promise.all([store.getItem(ctx.scope, input.itemId), store.getItem(ctx.scope, input.intoItemId)]);
  const plan = await store.getPlan(ctx.scope, source.planId);
  return write(ctx, (uow, now) => {
    const after = mergeProposal(plan, source, into, now);
    // The plan's version makes a merge and the vote exclusive.
    store.replacePlan(uow, plan, { ...plan, version: plan.version + 1, updatedAt: now.toISOString() });
    store.replaceItem(uow, source, after.source);
    store.replaceItem(uow, into, after.into);
    uow.audit({ action: 'tenThings.candidates.merge', entityType: 'tenThings.item', entityId: source.itemId, summary: `合并征集建议「${source.title}」到「${into.title}」` });
    return after.into;
  });
}
