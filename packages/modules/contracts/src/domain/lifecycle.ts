import { addMonths } from '@ufp/core/calendar/dates';
import { conflict } from '@ufp/core/errors';
import { defineEnum } from '@ufp/kit/enum';
import { bargainingSide, contractStatus, type Contract, type ContractStatus, type Side, type Vacancy } from './contract.js';

/** The steps a caller takes, in the usual order. */
export const lifecycleStep = defineEnum({
  'offer.send': { zh: '发出要约', en: 'Send the offer' },
  'offer.reply': { zh: '要约回应', en: 'Reply to the offer' },
  'representatives.set': { zh: '确定协商代表', en: 'Name the representatives' },
  'representatives.vacate': { zh: '协商代表空缺', en: 'Record a vacant seat' },
  'rounds.add': { zh: '协商会议', en: 'Bargaining round' },
  'congress.record': { zh: '职代会审议', en: 'Congress vote' },
  sign: { zh: '首席代表签字', en: 'Sign' },
  file: { zh: '报送审查', en: 'File for review' },
  'review.record': { zh: '审查意见', en: 'Review opinion' },
  publish: { zh: '向职工公布', en: 'Publish' },
  'performance.check': { zh: '履约检查', en: 'Performance check' },
  renew: { zh: '续签', en: 'Renew' },
  amend: { zh: '变更合同', en: 'Amend' },
  terminate: { zh: '解除', en: 'Terminate' },
});
export type LifecycleStep = (typeof lifecycleStep.values)[number];

/** What a history entry records: the caller's steps, the ledger's creation and the daily clock's status changes. */
export const historyStep = defineEnum({
  create: { zh: '建立台账', en: 'Created' },
  ...lifecycleStep.labels,
  effective: { zh: '生效', en: 'Effective' },
  expiring: { zh: '进入到期提醒', en: 'Expiring' },
  expired: { zh: '期满终止', en: 'Expired' },
  merged: { zh: '变更生效，并入原合同', en: 'In effect, merged into the contract' },
  'amendment.merged': { zh: '变更生效', en: 'Amendment in effect' },
  'amendment.ended': { zh: '变更终止', en: 'Amendment ended' },
});
export type HistoryStep = (typeof historyStep.values)[number];

/** Open vacancies per side (Art. 31), earliest first. */
export function openVacancies(c: Pick<Contract, 'representatives'>): (Vacancy & { side: Side })[] {
  return (['worker', 'employer'] as const)
    .flatMap((side) => (c.representatives[side]?.vacancies ?? []).map((v) => ({ ...v, side })))
    .sort((a, b) => a.vacatedOn.localeCompare(b.vacatedOn));
}

/**
 * Steps that need both sides at full strength: a bargaining round (equal numbers, Art. 19), the
 * vote on the draft the chiefs formed in those rounds (Art. 34–36) and the chiefs' signature
 * (Art. 37). Replies, filing, review and publication do not involve the representatives.
 */
export const fullSideSteps: readonly LifecycleStep[] = ['rounds.add', 'congress.record', 'sign'];

/** Statuses in which the representatives act for the contract and a seat can fall vacant. */
export const bargainingStatuses: readonly ContractStatus[] = ['offer_sent', 'negotiating', 'approved'];

type StepView = Pick<Contract, 'status' | 'representatives' | 'rounds' | 'publishedOn' | 'successorId' | 'amends' | 'amendment'>;

/** The steps open from a contract's current state, the usual next one first. */
export function nextSteps(c: StepView): LifecycleStep[] {
  const steps = orderSteps(c);
  const anySide = !!c.representatives.worker || !!c.representatives.employer;
  if (!anySide || !bargainingStatuses.includes(c.status)) return steps;
  if (openVacancies(c).length) return ['representatives.set', ...steps.filter((s) => s !== 'representatives.set' && !fullSideSteps.includes(s)), 'representatives.vacate'];
  return [...steps, 'representatives.vacate'];
}

function orderSteps(c: StepView): LifecycleStep[] {
  switch (c.status) {
    case 'draft':
    case 'offer_declined':
      return ['offer.send'];
    case 'offer_sent':
      return ['offer.reply', 'representatives.set'];
    case 'negotiating': {
      const repsDone = !!c.representatives.worker && !!c.representatives.employer;
      if (!repsDone) return ['representatives.set'];
      return c.rounds.length === 0 ? ['rounds.add', 'representatives.set'] : ['congress.record', 'rounds.add', 'representatives.set'];
    }
    case 'approved':
      return ['sign'];
    case 'signed':
      return ['file'];
    case 'filed':
      return ['review.record'];
    case 'effective':
    case 'expiring': {
      const steps: LifecycleStep[] = [];
      if (!c.publishedOn) steps.push('publish');
      steps.push('performance.check');
      if (!c.successorId) steps.push('renew');
      if (!c.amendment && !c.amends) steps.push('amend');
      return steps;
    }
    case 'expired':
      return ['performance.check'];
    case 'terminated':
    case 'merged':
      return [];
  }
}

/** Whether `step` may run now; otherwise a 409 naming the expected next step. */
export function assertStep(c: Contract, step: LifecycleStep): void {
  if (step === 'terminate') {
    if (c.status === 'expired' || c.status === 'terminated' || c.status === 'merged') throw outOfOrder(c, step, []);
    return;
  }
  const open = nextSteps(c);
  if (open.includes(step)) return;
  const vacancies = openVacancies(c);
  if (vacancies.length && fullSideSteps.includes(step) && orderSteps(c).includes(step)) throw vacant(step, vacancies);
  throw outOfOrder(c, step, open);
}

/** 409: the step needs full sides and a seat is empty (Art. 31). */
function vacant(step: LifecycleStep, vacancies: (Vacancy & { side: Side })[]) {
  const list = (lang: 'zh' | 'en') =>
    vacancies
      .map((v) => (lang === 'zh' ? `${bargainingSide.labels[v.side].zh}「${v.name}」（${v.vacatedOn} 起）` : `${v.side} side "${v.name}" (since ${v.vacatedOn})`))
      .join(lang === 'zh' ? '、' : ', ');
  return conflict(
    {
      zh: `协商代表空缺：${list('zh')}。须在空缺之日起15日内补足（《集体合同规定》第三十一条），补足前不能进行「${lifecycleStep.labels[step].zh}」；下一步应为「${lifecycleStep.labels['representatives.set'].zh}」`,
      en: `Representative seat vacant: ${list('en')}. Refill within 15 days (Art. 31); "${lifecycleStep.labels[step].en}" waits until then; the next step is "${lifecycleStep.labels['representatives.set'].en}"`,
    },
    { reason: 'vacancy', step, expected: ['representatives.set'], vacancies: vacancies.map(({ side, name, vacatedOn, memberIndex }) => ({ side, name, vacatedOn, memberIndex })) },
  );
}

function outOfOrder(c: Contract, step: LifecycleStep, expected: LifecycleStep[]) {
  const status = contractStatus.labels[c.status];
  const next = expected[0];
  return conflict(
    {
      zh: next
        ? `当前状态为「${status.zh}」，不能进行「${lifecycleStep.labels[step].zh}」；下一步应为「${lifecycleStep.labels[next].zh}」`
        : `当前状态为「${status.zh}」，合同已终结，不能进行「${lifecycleStep.labels[step].zh}」`,
      en: next
        ? `The contract is ${status.en.toLowerCase()}: "${lifecycleStep.labels[step].en}" is out of order; the next step is "${lifecycleStep.labels[next].en}"`
        : `The contract is ${status.en.toLowerCase()} and closed: "${lifecycleStep.labels[step].en}" is not possible`,
    },
    { reason: 'out_of_order', status: c.status, step, expected },
  );
}

/** Renewal may be requested within the 3 months before expiry (Art. 38). */
export const renewalOpensOn = (termEnd: string): string => addMonths(termEnd, -3);

/** The state the daily clock moves an in-force contract to on `today`, if any. */
export function termTransition(status: ContractStatus, termEnd: string, today: string, expiringDays = 90): 'expiring' | 'expired' | undefined {
  if (status !== 'effective' && status !== 'expiring') return undefined;
  if (today > termEnd) return 'expired';
  if (status === 'effective' && daysUntil(today, termEnd) <= expiringDays) return 'expiring';
  return undefined;
}

function daysUntil(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}
