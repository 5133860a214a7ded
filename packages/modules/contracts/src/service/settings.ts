import { shanghaiDate } from '@ufp/core/clock';
import { staleVersion } from '@ufp/core/errors';
import { transition, type WriteCtx } from '@ufp/kit/transition';
import type { ContractSettings } from '../domain/contract.js';
import { changeSettings } from '../domain/settings.js';
import type { SettingsInput } from '../schemas.js';
import { ContractRepository, workCalendar } from '../store.js';

/** The tenant's rule settings, with the calendar's covered years and today for the clocks' context. */
export async function get(ctx: WriteCtx) {
  const [settings, calendar] = await Promise.all([new ContractRepository(ctx.deps.table).settings(ctx.scope.tenantId), workCalendar(ctx.deps.table)]);
  return { ...settings, coveredYears: calendar.coveredYears(), today: shanghaiDate(ctx.deps.clock.now()) };
}

/** Changes the rule settings at the version the admin saw (a stale one is refused). */
export async function set(ctx: WriteCtx, input: SettingsInput): Promise<ContractSettings> {
  const store = new ContractRepository(ctx.deps.table);
  const after = await transition(
    ctx,
    {
      load: () => store.settings(ctx.scope.tenantId),
      missing: staleVersion,
      expectedVersion: input.version,
      decide: (before, i) => changeSettings(before, i),
      save: (uow, after, before) => store.saveSettings(uow, ctx.scope.tenantId, after, before.version),
    },
    input,
  );
  return { ...after };
}
