import { contractStatusLabels, contractTypeLabels, industryLabels, specialKindLabels } from './domain';
import { stepLabels } from './domain';
import type { RouterOutputs } from '../../api';
import { label, t } from '../../i18n';

/** A bilingual label record of the domain (contract types, steps, clock labels) in the current language. */
export const bi = label;

type Bilingual = { zh: string; en: string };

// The lists and labels are the domain's own (packages/core), so the console cannot drift from the API.
export {
  contractTypes as TYPES,
  specialKinds as SPECIAL_KINDS,
  industries as INDUSTRIES,
  contractStatuses as STATUSES,
} from './domain';
export const typeLabel: Record<string, Bilingual> = contractTypeLabels;
export const specialLabel: Record<string, Bilingual> = specialKindLabels;
export const industryLabel: Record<string, Bilingual> = industryLabels;
export const statusLabel: Record<string, Bilingual> = contractStatusLabels;
export const stepLabel: Record<string, Bilingual> = stepLabels;

/** The main path of the lifecycle, for the timeline. */
export const MAIN_PATH = ['create', 'offer.send', 'offer.reply', 'representatives.set', 'rounds.add', 'congress.record', 'sign', 'file', 'effective', 'publish'] as const;

export type Contract = RouterOutputs['contracts']['get'];
export type Clock = Contract['clocks'][number];
export type Side = keyof Contract['representatives'];
export const sideLabel: Record<Side, Bilingual> = { worker: { zh: '职工方', en: 'Workers' }, employer: { zh: '企业方', en: 'Employer' } };

export type RepSide = NonNullable<Contract['representatives'][Side]>;
export type Member = RepSide['members'][number];

/** The indices of a side's vacated seats. */
export const vacantSeats = (s: RepSide | undefined): Set<number> => new Set(s?.vacancies?.map((v) => v.memberIndex));

export const countLabel = (c?: 'natural' | 'working') => (c === 'working' ? t('contracts.workingDays') : t('contracts.naturalDays'));

export function clockText(k: Clock): string {
  const left =
    k.state === 'overdue'
      ? t('contracts.daysOverdue', { daysLeft: -k.daysLeft })
      : k.state === 'due_today'
        ? t('contracts.dueToday')
        : t('contracts.daysLeft', { daysLeft: k.daysLeft });
  const span = k.days !== undefined ? t('contracts.text', { days: k.days, count: countLabel(k.count) }) : '';
  // `dueOn` is the last day on which the act is in time; a review period ends in effect the day after.
  const effect = k.effectiveOn ? t('contracts.inEffectFromIfNo', { effectiveOn: k.effectiveOn }) : '';
  return `${bi(k.label)}${span}：${k.dueOn} · ${left}${effect}`;
}

export { shanghaiToday } from '../../format';
