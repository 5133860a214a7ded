import { changesBetween } from '@ufp/core/audit/changes';
import { notFound } from '@ufp/core/errors';
import type { Context } from '@ufp/kit/trpc';
import { transition } from '@ufp/kit/transition';
import type { z } from 'zod';
import type { HardshipRulePack } from '../domain/rules.js';
import { classifyHousehold, tierLabels } from '../domain/tier.js';
import type { noticesInput, rulesInput, selfTestInput } from '../schemas.js';
import { activeTenant, publicScope, store, thisYear, today, type Ctx } from './context.js';

export function getRules(ctx: Ctx, input: { year: number }) {
  return store(ctx).rules(ctx.scope, input.year);
}

/** The year's rule pack (the defaults until a pack is set: version 0). */
export function setRules(ctx: Ctx, input: z.output<typeof rulesInput>) {
  return transition(
    ctx,
    {
      load: () => store(ctx).rules(ctx.scope, input.year),
      missing: () => notFound({ zh: '帮扶规则', en: 'Rule pack' }), // never: a year without a pack reads as the defaults
      expectedVersion: input.version,
      decide: (current, pack, { now }) => {
        const after: HardshipRulePack = { ...pack, updatedAt: now.toISOString() };
        return {
          after,
          audit: {
            action: 'hardship.rules.set',
            entityType: 'hardship.rules',
            entityId: String(pack.year),
            summary: `设置 ${pack.year} 年困难帮扶规则：低保 ${pack.dibaoMonthlyFen / 100} 元/人/月`,
            changes: changesBetween(current, after, ['dibaoMonthlyFen', 'relativeMultiplier', 'accidentalShare', 'caps', 'investigationDays', 'noticeDays', 'followUpMonths']),
          },
        };
      },
      save: (uow, after, before) => store(ctx).putRules(uow, ctx.scope, after, before.version),
    },
    input,
  );
}

/** Public self-test: the same rule code the caseworkers use. Nothing is stored or logged. */
export async function selfTest(ctx: Context, input: z.output<typeof selfTestInput>) {
  const tenant = await activeTenant(ctx, input.tenantId);
  const year = input.year ?? thisYear(ctx);
  const rules = await store(ctx).rules(publicScope(tenant), year);
  const migrant = input.migrantMonths === undefined ? undefined : { laborRelationMonths: input.migrantMonths, unionMember: true };
  const result = classifyHousehold({ ...input, migrant }, rules);
  return { ...result, tierLabel: tierLabels[result.tier].zh, tierLabelEn: tierLabels[result.tier].en, year, dibaoMonthlyFen: rules.dibaoMonthlyFen };
}

/** Public 公示 list: masked name and ID and the tier only — never income or illness. */
export async function notices(ctx: Context, input: z.output<typeof noticesInput>) {
  const tenant = await activeTenant(ctx, input.tenantId);
  const files = await store(ctx).allFiles(publicScope(tenant), 'noticed');
  const on = today(ctx);
  return {
    tenant: { id: tenant.id, name: tenant.name },
    items: files
      .filter((f) => f.status === 'noticed' && f.noticeStartsOn && f.noticeStartsOn <= on)
      .sort((a, b) => (a.noticeStartsOn ?? '').localeCompare(b.noticeStartsOn ?? ''))
      .map((f) => ({ nameMasked: f.worker.nameMasked, idMasked: f.worker.idMasked, tier: f.tier, tierLabel: tierLabels[f.tier].zh, startsOn: f.noticeStartsOn!, endsOn: f.noticeEndsOn! })),
  };
}
