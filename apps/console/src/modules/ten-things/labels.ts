import type { RouterOutputs } from '../../api';
import { lang, t, type DictKey } from '../../i18n';

// 十件实事 labels (zh-CN first, English beside). Kept with the module so that the shared dictionaries only carry
// the navigation entries; `tt` follows the console's language switch.



export const CATEGORIES: Record<string, [string, string]> = {
  skills: ['技能提升', 'Skills'],
  culture: ['文化阅读', 'Culture'],
  care: ['关爱服务', 'Care'],
  health: ['健康体检', 'Health'],
  legal: ['法律服务', 'Legal'],
  women: ['女职工', 'Women workers'],
  new_forms: ['新就业形态', 'New forms of work'],
  platform: ['平台建设', 'Platform'],
  other: ['其他', 'Other'],
};
export const categoryLabel = (c: string) => (CATEGORIES[c] ?? [c, c])[lang() === 'en' ? 1 : 0];

export type Status = NonNullable<ItemV['progress']>['status'];
export const STATUSES = ['done', 'on_track', 'at_risk', 'behind', 'overdue'] as const satisfies readonly Status[];
export const statusLabel = (s: string) => t(`tenThings.status.${s}` as DictKey);
export const comparatorSign = (c: string) => (c === 'gte' ? '≥' : c === 'lte' ? '≤' : '');
export const pct = (n: number | undefined) => `${Math.round((n ?? 0) * 1000) / 10}%`;
export const todayIso = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

export type PlanViewV = RouterOutputs['tenThings']['plans']['get'];
export type PlanV = PlanViewV['plan'];
export type ItemV = PlanViewV['items'][number];
export type TargetV = ItemV['targets'][number];
