import type { Context } from '@ufp/kit/trpc';
import type { z } from 'zod';
import { classifyHousehold, tierLabels } from '../domain/tier.js';
import type { noticesInput, selfTestInput } from '../schemas.js';
import { activeTenant, publicScope, store, thisYear, today } from './context.js';

/** What anyone may read of a federation without signing in: the self-test and the 公示 board. */

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
