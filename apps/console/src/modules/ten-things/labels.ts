import type { RouterInputs, RouterOutputs } from '../../api';
import { t, tMaybe, type DictKey } from '../../i18n';

// Small helpers of the 十件实事 pages and the API's shapes they show (aliases of the router's types).
// Their labels are the module's dictionary (`i18n/`, `tenThings.*` keys, read with `t`).

/** The item categories (as the API's `tenThings.candidates.propose` takes them); labels: `tenThings.category.*`. */
export const CATEGORIES = ['skills', 'culture', 'care', 'health', 'legal', 'women', 'new_forms', 'platform', 'other'] as const satisfies readonly RouterInputs['tenThings']['candidates']['propose']['category'][];
export const categoryLabel = (c: string) => tMaybe(`tenThings.category.${c}`, c);

export type Status = NonNullable<ItemV['progress']>['status'];
export const STATUSES = ['done', 'on_track', 'at_risk', 'behind', 'overdue'] as const satisfies readonly Status[];
export const statusLabel = (s: string) => t(`tenThings.status.${s}` as DictKey);
export const comparatorSign = (c: string) => (c === 'gte' ? '≥' : c === 'lte' ? '≤' : '');
export const pct = (n: number | undefined) => `${Math.round((n ?? 0) * 1000) / 10}%`;
export { shanghaiToday } from '../../format';

export type PlanViewV = RouterOutputs['tenThings']['plans']['get'];
export type PlanV = PlanViewV['plan'];
export type ItemV = PlanViewV['items'][number];
export type TargetV = ItemV['targets'][number];
