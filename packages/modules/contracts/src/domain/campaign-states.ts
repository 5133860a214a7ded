import { defineEnum } from '@ufp/kit/enum';

/**
 * The most contracts one 集中要约 sends to: the offers, the campaign and its audit entry are one transaction (all sent
 * or none), and a transaction holds 100 items.
 */
export const MAX_CAMPAIGN_CONTRACTS = 90;

/** Where one enterprise's reply to a campaign's offer stands. */
export const replyState = defineEnum({
  awaiting: { zh: '待回应', en: 'Awaiting reply' },
  overdue: { zh: '逾期未回应', en: 'Reply overdue' },
  accepted: { zh: '已同意协商', en: 'Accepted' },
  declined: { zh: '已拒绝', en: 'Declined' },
  late: { zh: '逾期后回应', en: 'Replied late' },
  closed: { zh: '已终止', en: 'Closed' },
});
export type ReplyState = (typeof replyState.values)[number];
