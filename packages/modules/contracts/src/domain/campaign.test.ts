import { describe, expect, it } from 'vitest';
import { defaultCalendar } from '@ufp/core/calendar/calendar';
import type { DomainError } from '@ufp/core/errors';
import { aContract } from '../../test/fixtures.js';
import { campaignBoard, checkCampaignContracts, replyOf, type OfferCampaign } from './campaign.js';
import { defaultContractSettings, type Contract } from './contract.js';

const settings = defaultContractSettings;
const sentOn = '2026-03-02';
// 20 natural days from 2026-03-02: the last day in time is 2026-03-22.
const DUE = '2026-03-22';
const offered = (over: Partial<Contract> = {}) => aContract({ status: 'offer_sent', offer: { sentOn, fromSide: 'worker' }, ...over });
const refusal = (f: () => unknown): DomainError => {
  try {
    f();
  } catch (e) {
    return e as DomainError;
  }
  throw new Error('not refused');
};

describe('choosing the contracts of a campaign', () => {
  const drafts = new Map(['a', 'b'].map((id) => [id, aContract({ contractId: id, title: `合同${id}` })]));
  it('takes drafts, in the order chosen', () => {
    expect(checkCampaignContracts(['b', 'a'], drafts).map((c) => c.contractId)).toEqual(['b', 'a']);
  });
  it('refuses a contract chosen twice, naming its place', () => {
    const e = refusal(() => checkCampaignContracts(['a', 'b', 'a'], drafts));
    expect([e.kind, e.details.field]).toEqual(['invalid', 'contractIds.2']);
  });
  it('refuses a contract that is not the tenant’s (or does not exist) as not found', () => {
    expect(refusal(() => checkCampaignContracts(['a', 'x'], drafts)).kind).toBe('not_found');
  });
  it('refuses a contract past its draft with 409 naming it and its status', () => {
    const moved = new Map([...drafts, ['c', aContract({ contractId: 'c', title: '已发要约的合同', status: 'offer_sent' })]]);
    const e = refusal(() => checkCampaignContracts(['a', 'c'], moved));
    expect(e.kind).toBe('conflict');
    expect(e.text.zh).toBe('「已发要约的合同」已发要约，只能向草拟中的合同发出集中要约');
    expect(e.details).toMatchObject({ field: 'contractIds.1', status: 'offer_sent' });
  });
});

describe('an enterprise’s reply on the board', () => {
  const at = (today: string, c: Contract) => replyOf(c, sentOn, settings, today, defaultCalendar);
  it('awaits the reply up to and including the 20th day, then is overdue', () => {
    expect(at('2026-03-21', offered())).toMatchObject({ state: 'awaiting', dueOn: DUE, daysLeft: 1 });
    expect(at(DUE, offered())).toMatchObject({ state: 'awaiting', daysLeft: 0 });
    expect(at('2026-03-23', offered())).toMatchObject({ state: 'overdue', daysLeft: -1 });
  });
  it('counts a reply on the due day as in time, a day later as late, whatever it said', () => {
    expect(at('2026-04-01', offered({ status: 'negotiating', offer: { sentOn, fromSide: 'worker', repliedOn: DUE, accepted: true } })).state).toBe('accepted');
    expect(at('2026-04-01', offered({ status: 'offer_declined', offer: { sentOn, fromSide: 'worker', repliedOn: DUE, accepted: false } })).state).toBe('declined');
    expect(at('2026-04-01', offered({ status: 'negotiating', offer: { sentOn, fromSide: 'worker', repliedOn: '2026-03-23', accepted: true } }))).toMatchObject({ state: 'late', repliedOn: '2026-03-23' });
  });
  it('shows a contract ended before any reply as closed, not overdue', () => {
    expect(at('2026-04-01', offered({ status: 'terminated', terminated: { reason: '企业注销', on: '2026-03-10' } })).state).toBe('closed');
  });
});

describe('the campaign board', () => {
  const campaign: OfferCampaign = { campaignId: 'k', tenantId: 't', title: '快递行业集中要约', fromSide: 'worker', sentOn, contractIds: ['a', 'b', 'c', 'd', 'gone'], createdBy: 'u', createdAt: '', version: 1 };
  const contracts = new Map<string, Contract>([
    ['a', offered({ contractId: 'a', title: '甲', status: 'negotiating', offer: { sentOn, fromSide: 'worker', repliedOn: '2026-03-05', accepted: true } })],
    ['b', offered({ contractId: 'b', title: '乙' })],
    ['c', offered({ contractId: 'c', title: '丙', status: 'negotiating', offer: { sentOn, fromSide: 'worker', repliedOn: '2026-03-25', accepted: true } })],
    ['d', offered({ contractId: 'd', title: '丁', status: 'offer_declined', offer: { sentOn, fromSide: 'worker', repliedOn: '2026-03-06', accepted: false } })],
  ]);
  it('counts every state, lists the overdue first and measures replies in time against replies due', () => {
    const board = campaignBoard(campaign, contracts, settings, '2026-03-30', defaultCalendar);
    expect(board.counts).toEqual({ sent: 4, awaiting: 0, overdue: 1, accepted: 1, declined: 1, late: 1, closed: 0 });
    expect(board.rows.map((r) => r.title)).toEqual(['乙', '丙', '丁', '甲']);
    expect(board.replyCompliance).toBe(2 / 4);
  });
  it('has no compliance figure while no reply is due yet', () => {
    const early = campaignBoard({ ...campaign, contractIds: ['b'] }, contracts, settings, '2026-03-05', defaultCalendar);
    expect(early.counts).toMatchObject({ sent: 1, awaiting: 1 });
    expect(early.replyCompliance).toBeNull();
  });
});
