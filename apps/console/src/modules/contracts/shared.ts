import { contractStatusLabels, contractTypeLabels, industryLabels, specialKindLabels } from '@ufp/core/contracts/contract';
import { stepLabels } from '@ufp/core/contracts/lifecycle';
import type { RouterOutputs } from '../../api';
import { lang } from '../../i18n';

/** Bilingual text for the 集体合同 pages (zh-CN first); follows the language switch. */
export const tx = (zh: string, en: string): string => (lang() === 'en' ? en : zh);
export const bi = (b: { zh: string; en: string } | undefined): string => (b ? tx(b.zh, b.en) : '');

type Bilingual = { zh: string; en: string };

// The lists and labels are the domain's own (packages/core), so the console cannot drift from the API.
export {
  contractTypes as TYPES,
  specialKinds as SPECIAL_KINDS,
  industries as INDUSTRIES,
  contractStatuses as STATUSES,
} from '@ufp/core/contracts/contract';
export const typeLabel: Record<string, Bilingual> = contractTypeLabels;
export const specialLabel: Record<string, Bilingual> = specialKindLabels;
export const industryLabel: Record<string, Bilingual> = industryLabels;
export const statusLabel: Record<string, Bilingual> = contractStatusLabels;
export const stepLabel: Record<string, Bilingual> = stepLabels;

/** The main path of the lifecycle, for the timeline. */
export const MAIN_PATH = ['create', 'offer.send', 'offer.reply', 'representatives.set', 'rounds.add', 'congress.record', 'sign', 'file', 'effective', 'publish'] as const;

export type Contract = RouterOutputs['contracts']['get'];
export type Clock = Contract['clocks'][number];
export type Side = 'worker' | 'employer';
export const sideLabel: Record<Side, Bilingual> = { worker: { zh: '职工方', en: 'Workers' }, employer: { zh: '企业方', en: 'Employer' } };

export type RepSide = NonNullable<Contract['representatives'][Side]>;
export type Member = RepSide['members'][number];

/** The indices of a side's vacated seats. */
export const vacantSeats = (s: RepSide | undefined): Set<number> => new Set(s?.vacancies?.map((v) => v.memberIndex));

export const countLabel = (c?: 'natural' | 'working') => (c === 'working' ? tx('工作日', 'working days') : tx('自然日', 'natural days'));

export function clockText(k: Clock): string {
  const left =
    k.state === 'overdue'
      ? tx(`已逾期 ${-k.daysLeft} 天`, `${-k.daysLeft} days overdue`)
      : k.state === 'due_today'
        ? tx('今日到期', 'due today')
        : tx(`剩余 ${k.daysLeft} 天`, `${k.daysLeft} days left`);
  const span = k.days !== undefined ? tx(`（${k.days}个${countLabel(k.count)}）`, ` (${k.days} ${countLabel(k.count)})`) : '';
  // `dueOn` is the last day on which the act is in time; a review period ends in effect the day after.
  const effect = k.effectiveOn ? tx(` · 无异议则 ${k.effectiveOn} 起生效`, ` · in effect from ${k.effectiveOn} if no objection`) : '';
  return `${bi(k.label)}${span}：${k.dueOn} · ${left}${effect}`;
}

/** Today in Shanghai as the browser sees it (server clocks come with each contract). */
export const todayIso = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
