import type { z } from 'zod';
import { newId } from '@ufp/core/ids';
import { transition } from '@ufp/kit/transition';
import { write } from '@ufp/kit/write';
import { assign, checkAssignment, checkUnitsExist, itemNotFound, itemView } from '../domain/item.js';
import type { Item } from '../domain/model.js';
import { newCandidate, parsedTargets, proposalTargets } from '../domain/plan.js';
import { itemAssigned } from '../events.js';
import type { assignInput, itemPageInput, proposeInput, targetsTextInput } from '../schemas.js';
import { tenThingsStore, visibleItem, type Ctx } from './context.js';

/** Parses targetsText (without saving) for the live preview in the console. */
export const parseTargets = (input: z.infer<typeof targetsTextInput>) => parsedTargets(input.targetsText);

export async function propose(ctx: Ctx, input: z.infer<typeof proposeInput>): Promise<Item> {
  const store = tenThingsStore(ctx.deps);
  const plan = await store.getPlan(ctx.scope, input.planId);
  const targets = proposalTargets(plan, input);
  return write(ctx, (uow, now) => {
    const item = newCandidate(plan, input, targets, { itemId: newId(), proposedBy: ctx.scope.actor.sub }, now);
    store.addItem(uow, item);
    // The plan's version guards the candidate count and that the vote has not happened meanwhile.
    store.replacePlan(uow, plan, { ...plan, candidateCount: plan.candidateCount + 1, version: plan.version + 1, updatedAt: now.toISOString() });
    uow.audit({ action: 'tenThings.candidates.propose', entityType: 'tenThings.item', entityId: item.itemId, summary: `候选项目：${item.title}（${targets.length} 个指标）` });
    return item;
  });
}

export async function getItem(ctx: Ctx, input: z.infer<typeof itemPageInput>) {
  const store = tenThingsStore(ctx.deps);
  const item = await visibleItem(ctx, input.itemId);
  const [ledger, settings] = await Promise.all([store.ledger(ctx.scope, item.itemId, { cursor: input.cursor, limit: input.limit }), store.settings(ctx.scope.tenantId)]);
  return { item: itemView(item, ctx.deps.clock.now(), settings), ledger };
}

/** 责任状: lead department, co-responsible units and quarterly milestones of an adopted item. */
export async function assignItem(ctx: Ctx, input: z.infer<typeof assignInput>): Promise<Item> {
  const store = tenThingsStore(ctx.deps);
  const item = await store.getItem(ctx.scope, input.itemId);
  const checked = checkAssignment(item, input);
  const units = await Promise.all(checked.coUnitIds.map((u) => ctx.deps.units.get(ctx.scope, u).catch(() => undefined)));
  checkUnitsExist(checked.coUnitIds, units);
  return transition(
    ctx,
    {
      load: async () => item,
      missing: itemNotFound,
      decide: (before, assignment, { now, scope }) => ({
        after: assign(before, assignment, checked, scope.actor.sub, now),
        events: [itemAssigned.create({ planId: before.planId, itemId: before.itemId, coUnits: checked.coUnitIds.length })],
        audit: { action: 'tenThings.items.assign', entityType: 'tenThings.item', entityId: before.itemId, summary: `责任状：${before.title} 牵头 ${assignment.leadDept}，协办单位 ${checked.coUnitIds.length} 个` },
      }),
      save: (uow, after, before) => {
        store.replaceItem(uow, before, after);
        store.setTasks(uow, after, before.assignment?.coUnitIds ?? [], checked.coUnitIds);
      },
    },
    input,
  );
}

/** "My tasks": adopted items the reporter's unit is co-responsible for. */
export async function myTasks(ctx: Ctx) {
  const store = tenThingsStore(ctx.deps);
  const unitId = ctx.scope.unitId;
  if (!unitId) return { items: [] };
  const ids = await store.taskItemIds(ctx.scope, unitId);
  const [items, settings] = await Promise.all([Promise.all(ids.map((id) => store.itemById(ctx.scope.tenantId, id))), store.settings(ctx.scope.tenantId)]);
  const now = ctx.deps.clock.now();
  return { items: items.filter((i): i is Item => !!i && i.stage === 'adopted').map((i) => itemView(i, now, settings)) };
}
