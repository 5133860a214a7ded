import { conflict, invalid } from '@ufp/core/errors';
import { defineEnum } from '@ufp/kit/enum';

/** How a grant reached the household (发放方式). */
export const PaymentChannel = defineEnum({
  bank_transfer: { zh: '银行转账', en: 'Bank transfer' },
  social_security_card: { zh: '社保卡发放', en: 'Social security card' },
  cash: { zh: '现金（签收）', en: 'Cash (signed receipt)' },
  other: { zh: '其他', en: 'Other' },
});
export type PaymentChannel = (typeof PaymentChannel.values)[number];

export interface Disbursement {
  paidOn: string;
  channel: PaymentChannel;
  /** The bank's or the cashier's voucher number (凭证号). */
  reference?: string;
  recordedBy: string;
  recordedAt: string;
}

/**
 * 发放登记: a grant is paid once, on a day between its grant and today; a bank transfer goes to the account recorded on
 * the grant, so a grant without one cannot be paid by transfer.
 */
export function checkDisbursement(grant: { grantedOn: string; bankAccountMasked?: string; disbursement?: Disbursement }, input: { paidOn: string; channel: PaymentChannel }, today: string): void {
  if (grant.disbursement) {
    throw conflict({ zh: `该笔资助已于 ${grant.disbursement.paidOn} 登记发放`, en: `This grant was recorded as paid on ${grant.disbursement.paidOn}` }, { reason: 'already_paid' });
  }
  if (input.paidOn < grant.grantedOn) throw invalid({ zh: `发放日期不能早于资助日期 ${grant.grantedOn}`, en: `The payment cannot precede the grant (${grant.grantedOn})` }, { field: 'paidOn' });
  if (input.paidOn > today) throw invalid({ zh: '发放日期不能晚于今天', en: 'The payment date cannot be in the future' }, { field: 'paidOn' });
  if (input.channel === 'bank_transfer' && !grant.bankAccountMasked) {
    throw invalid({ zh: '该笔资助未登记收款银行账号，不能登记为银行转账', en: 'The grant has no bank account on record; it cannot be paid by transfer' }, { field: 'channel' });
  }
}
