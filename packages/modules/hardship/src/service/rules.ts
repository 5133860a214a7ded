import { changesBetween } from '@ufp/core/audit/changes';
import { notFound } from '@ufp/core/errors';
import { transition } from '@ufp/kit/transition';
import type { z } from 'zod';
import type { HardshipRulePack } from '../domain/rules.js';
import type { rulesInput } from '../schemas.js';
import { store, type Ctx } from './context.js';

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
            changes: changesBetween(current, after, ['dibaoMonthlyFen', 'relativeMultiplier', 'accidentalShare', 'caps', 'investigationDays', 'noticeDays', 'followUpMonths', 'requiredDocuments', 'educationPerStudent']),
          },
        };
      },
      save: (uow, after, before) => store(ctx).putRules(uow, ctx.scope, after, before.version),
    },
    input,
  );
}
