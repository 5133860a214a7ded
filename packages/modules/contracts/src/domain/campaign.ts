import { dutyState, type WorkCalendar } from '@ufp/core/calendar/calendar';
import { conflict, invalid, notFound } from '@ufp/core/errors';
import { ruleDeadline, DUE_SOON_DAYS } from './clocks.js';
import { replyState, type ReplyState } from './campaign-states.js';
import { contractStatus, type Contract, type ContractSettings, type Side } from './contract.js';

export { MAX_CAMPAIGN_CONTRACTS, replyState, type ReplyState } from './campaign-states.js';

/**
 * 集中要约: one offer to bargain sent on one day to many enterprises (an industry or an area at once), each with its
 * own 20-day reply clock (《集体合同规定》第三十二条), followed on one board.
 */
export interface OfferCampaign {
  campaignId: string;
  tenantId: string;
  title: string;
  fromSide: Side;
  sentOn: string;
  contractIds: string[];
  createdBy: string;
  createdAt: string;
  version: number;
}

/** Refuses a campaign before anything is sent: every contract must exist, appear once and still be a draft. */
export function checkCampaignContracts(contractIds: readonly string[], found: ReadonlyMap<string, Contract>): Contract[] {
  const seen = new Set<string>();
  return contractIds.map((id, i) => {
    if (seen.has(id)) throw invalid({ zh: `第 ${i + 1} 份合同重复选择`, en: `Contract #${i + 1} is chosen twice` }, { field: `contractIds.${i}` });
    seen.add(id);
    const c = found.get(id);
    if (!c) throw notFound({ zh: `第 ${i + 1} 份集体合同`, en: `Collective contract #${i + 1}` });
    if (c.status !== 'draft') {
      const status = contractStatus.labels[c.status];
      throw conflict(
        { zh: `「${c.title}」${status.zh}，只能向草拟中的合同发出集中要约`, en: `"${c.title}" is ${status.en.toLowerCase()}: a campaign sends offers for drafts only` },
        { field: `contractIds.${i}`, status: c.status },
      );
    }
    return c;
  });
}

export interface CampaignRow {
  contractId: string;
  title: string;
  enterprise: string;
  state: ReplyState;
  /** The last day a written reply is in time. */
  dueOn?: string;
  daysLeft?: number;
  repliedOn?: string;
}

/** One enterprise's reply to an offer sent on `sentOn`, on `today` (a reply on the due day is in time). */
export function replyOf(c: Contract, sentOn: string, settings: ContractSettings, today: string, calendar: WorkCalendar): Omit<CampaignRow, 'contractId' | 'title' | 'enterprise'> {
  const { dueOn } = ruleDeadline('offerReply', sentOn, settings, calendar);
  const offer = c.offer?.sentOn === sentOn ? c.offer : undefined;
  if (offer?.repliedOn) {
    const state: ReplyState = offer.repliedOn > dueOn ? 'late' : offer.accepted ? 'accepted' : 'declined';
    return { state, dueOn, repliedOn: offer.repliedOn };
  }
  if (!offer || c.status !== 'offer_sent') return { state: 'closed', dueOn };
  const { daysLeft, state } = dutyState(today, dueOn, DUE_SOON_DAYS);
  return { state: state === 'overdue' ? 'overdue' : 'awaiting', dueOn, daysLeft };
}

export type CampaignCounts = Record<ReplyState, number> & { sent: number };

export interface CampaignBoard {
  campaignId: string;
  title: string;
  fromSide: Side;
  sentOn: string;
  counts: CampaignCounts;
  /** Replies in time ÷ replies due (in time, late, or overdue); null while none is due yet. */
  replyCompliance: number | null;
  rows: CampaignRow[];
}

/** The board of a campaign: each enterprise's reply, most urgent first, and the counts. */
export function campaignBoard(campaign: OfferCampaign, contracts: ReadonlyMap<string, Contract>, settings: ContractSettings, today: string, calendar: WorkCalendar): CampaignBoard {
  const rows: CampaignRow[] = campaign.contractIds.flatMap((id) => {
    const c = contracts.get(id);
    if (!c) return [];
    return [{ contractId: id, title: c.title, enterprise: c.employerParties[0]?.name ?? c.title, ...replyOf(c, campaign.sentOn, settings, today, calendar) }];
  });
  const urgency: ReplyState[] = ['overdue', 'awaiting', 'late', 'declined', 'accepted', 'closed'];
  rows.sort((a, b) => urgency.indexOf(a.state) - urgency.indexOf(b.state) || (a.daysLeft ?? 0) - (b.daysLeft ?? 0) || a.title.localeCompare(b.title, 'zh'));
  const counts = Object.fromEntries(replyState.values.map((s) => [s, rows.filter((r) => r.state === s).length])) as Record<ReplyState, number>;
  const due = counts.accepted + counts.declined + counts.late + counts.overdue;
  return {
    campaignId: campaign.campaignId,
    title: campaign.title,
    fromSide: campaign.fromSide,
    sentOn: campaign.sentOn,
    counts: { ...counts, sent: rows.length },
    replyCompliance: due === 0 ? null : (counts.accepted + counts.declined) / due,
    rows,
  };
}
