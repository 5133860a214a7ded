import { For } from 'solid-js';
import type { OutputOf } from '../../api';
import { t } from '../../i18n';

export { PersonPicker, type ChosenPerson, type PersonRow } from '../model-workers/PersonPicker';
export type RequestRow = OutputOf<'modelWorkers.visits.list'>[number];
export type RequestDetail = OutputOf<'modelWorkers.visits.get'>;
export type Suggestion = OutputOf<'modelWorkers.visits.suggest'>[number];
export type StudioRow = OutputOf<'modelWorkers.studios.list'>[number];
export type StudioDetail = OutputOf<'modelWorkers.studios.get'>;

export const STATUSES = ['open', 'matched', 'in_progress', 'closed'] as const;
export const LEVELS = ['national', 'provincial', 'city', 'county'] as const;
export const SEVEN = ['venue', 'equipment', 'team', 'projects', 'rules', 'funding', 'results'] as const;
export const KINDS = ['patent', 'innovation', 'result'] as const;
export const OUTCOMES = ['excellent', 'passed', 'failed'] as const;
export const OCCUPATIONS = ['frontline', 'technical', 'manager', 'civil_servant', 'farmer', 'other'] as const;

/** "焊工、数控车工, 电工" → ['焊工', '数控车工', '电工']. */
export const splitList = (text: string) => text.split(/[、,，;；\n]/).map((s) => s.trim()).filter(Boolean);

export { parseYuan, shanghaiToday, yuan } from '../../format';

/** The 七有 as ticks: ✓ met, ○ missing, each with its name for a screen reader. */
export function SevenTicks(props: { checklist: Record<(typeof SEVEN)[number], boolean> }) {
  return (
    <ul class="mwv-seven" aria-label={t('mwVisits.studios.sevenHas')}>
      <For each={SEVEN}>
        {(k) => (
          <li class={props.checklist[k] ? 'mwv-seven__on' : 'mwv-seven__off'} title={t(`mwVisits.seven.${k}`)}>
            <span aria-hidden="true">{props.checklist[k] ? '✓' : '○'}</span>
            {t(`mwVisits.seven.${k}`).replace(/^有/, '')}
            <span class="visually-hidden">{props.checklist[k] ? t('mwVisits.studios.ticked') : t('mwVisits.studios.missing')}</span>
          </li>
        )}
      </For>
    </ul>
  );
}
