import { changesBetween } from '@ufp/core/audit/changes';
import { notFound } from '@ufp/core/errors';
import { transition } from '@ufp/kit/transition';
import type { z } from 'zod';
import { checkThresholds } from '../domain/item.js';
import { ReportCycle, type TenThingsSettings } from '../domain/status.js';
import type { settingsInput } from '../schemas.js';
import { tenThingsStore, type Ctx } from './context.js';

type Settings = TenThingsSettings & { version: number };

export const getSettings = (ctx: Ctx): Promise<Settings> => tenThingsStore(ctx.deps).settings(ctx.scope.tenantId);

/** The tenant's vote cap and risk thresholds; the first save creates them (version 0 = defaults). */
export async function updateSettings(ctx: Ctx, input: z.infer<typeof settingsInput>): Promise<Settings> {
  const { version, ...settings } = input;
  checkThresholds(settings);
  const store = tenThingsStore(ctx.deps);
  return transition<Settings, TenThingsSettings>(
    ctx,
    {
      load: () => store.settings(ctx.scope.tenantId),
      missing: () => notFound({ zh: '十件实事设置', en: 'Ten-things settings' }),
      expectedVersion: version,
      decide: (before, next) => ({
        after: { ...next, version: before.version },
        audit: {
          action: 'tenThings.settings.update',
          entityType: 'tenThings.settings',
          entityId: ctx.scope.tenantId,
          summary: `十件实事设置：最多 ${next.maxAdopted} 项，风险阈值 ${next.atRiskPoints}/${next.behindPoints}，${ReportCycle.label(next.reportCycle)}报送进度，测评有效须 ${next.evaluationFloorPercent}% 代表参评`,
          changes: changesBetween(before, next, ['maxAdopted', 'atRiskPoints', 'behindPoints', 'reportCycle', 'evaluationFloorPercent']),
        },
      }),
      save: (uow, after, before) => store.putSettings(uow, ctx.scope.tenantId, withoutVersion(after), before.version),
    },
    settings,
  );
}

const withoutVersion = ({ version: _version, ...settings }: Settings): TenThingsSettings => settings;
