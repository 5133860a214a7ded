import { addMonths } from '../calendar/dates.js';
import { conflict } from '../errors.js';
import { contractStatusLabels, type Contract, type ContractStatus } from './contract.js';

export const lifecycleSteps = [
  'offer.send',
  'offer.reply',
  'representatives.set',
  'rounds.add',
  'congress.record',
  'sign',
  'file',
  'review.record',
  'publish',
  'performance.check',
  'renew',
  'terminate',
] as const;
export type LifecycleStep = (typeof lifecycleSteps)[number];

export const stepLabels: Record<LifecycleStep | 'effective' | 'expiring' | 'expired' | 'create', { zh: string; en: string }> = {
  create: { zh: '建立台账', en: 'Created' },
  'offer.send': { zh: '发出要约', en: 'Send the offer' },
  'offer.reply': { zh: '要约回应', en: 'Reply to the offer' },
  'representatives.set': { zh: '确定协商代表', en: 'Name the representatives' },
  'rounds.add': { zh: '协商会议', en: 'Bargaining round' },
  'congress.record': { zh: '职代会审议', en: 'Congress vote' },
  sign: { zh: '首席代表签字', en: 'Sign' },
  file: { zh: '报送审查', en: 'File for review' },
  'review.record': { zh: '审查意见', en: 'Review opinion' },
  effective: { zh: '生效', en: 'Effective' },
  publish: { zh: '向职工公布', en: 'Publish' },
  'performance.check': { zh: '履约检查', en: 'Performance check' },
  expiring: { zh: '进入到期提醒', en: 'Expiring' },
  renew: { zh: '续签', en: 'Renew' },
  expired: { zh: '期满终止', en: 'Expired' },
  terminate: { zh: '解除', en: 'Terminate' },
};

/** The steps open from a contract's current state, the usual next one first. */
export function nextSteps(c: Pick<Contract, 'status' | 'representatives' | 'rounds' | 'publishedOn' | 'successorId'>): LifecycleStep[] {
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
      return steps;
    }
    case 'expired':
      return ['performance.check'];
    case 'terminated':
      return [];
  }
}

/** Whether `step` may run now; otherwise a 409 naming the expected next step. */
export function assertStep(c: Contract, step: LifecycleStep): void {
  if (step === 'terminate') {
    if (c.status === 'expired' || c.status === 'terminated') throw outOfOrder(c, step, []);
    return;
  }
  const open = nextSteps(c);
  if (!open.includes(step)) throw outOfOrder(c, step, open);
}

function outOfOrder(c: Contract, step: LifecycleStep, expected: LifecycleStep[]) {
  const status = contractStatusLabels[c.status];
  const next = expected[0];
  return conflict(
    {
      zh: next
        ? `当前状态为「${status.zh}」，不能进行「${stepLabels[step].zh}」；下一步应为「${stepLabels[next].zh}」`
        : `当前状态为「${status.zh}」，合同已终结，不能进行「${stepLabels[step].zh}」`,
      en: next
        ? `The contract is ${status.en.toLowerCase()}: "${stepLabels[step].en}" is out of order; the next step is "${stepLabels[next].en}"`
        : `The contract is ${status.en.toLowerCase()} and closed: "${stepLabels[step].en}" is not possible`,
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
