import { describe, expect, it } from 'vitest';
import { overdueClockIds, tickOverdueMarks, unmarkAnswered } from './clocks.js';
import { defaultContractSettings as settings, type Contract } from './contract.js';

const contract = (over: Partial<Contract> = {}): Contract => ({
  contractId: 'c1',
  tenantId: 't',
  title: '某公司工资专项集体合同',
  type: 'special',
  employerParties: [{ name: '某公司' }],
  coveredEnterprises: 1,
  coveredEmployees: 300,
  term: { start: '2026-06-01', end: '2028-05-31' },
  clauses: {},
  status: 'draft',
  representatives: {},
  rounds: [],
  performanceChecks: [],
  history: [],
  version: 3,
  createdAt: '',
  updatedAt: '',
  ...over,
});
const offer = contract({ status: 'offer_sent', offer: { sentOn: '2026-03-02', fromSide: 'worker' } }); // reply due 2026-03-22
const audit = { action: 'contracts.offer.reply', entityType: 'contract', entityId: 'c1', summary: '' };

describe('overdue legal clocks (contracts.clocks.overdue)', () => {
  it('marks the offer reply clock the day after its last day, not on it', () => {
    expect(tickOverdueMarks(offer, settings, '2026-03-22')).toEqual({ overdueClocks: undefined, delta: 0 });
    expect(tickOverdueMarks(offer, settings, '2026-03-23')).toEqual({ overdueClocks: ['offerReply'], delta: 1 });
  });

  it('marks the filing clock the day after the 10th day from signing', () => {
    const signed = contract({ status: 'signed', signedOn: '2026-03-02' });
    expect(overdueClockIds(signed, settings, '2026-03-12')).toEqual([]);
    expect(overdueClockIds(signed, settings, '2026-03-13')).toEqual(['filing']);
  });

  it('counts a marked clock once: the tick again that day or the next changes nothing', () => {
    const marked = { ...offer, overdueClocks: ['offerReply'] };
    expect(tickOverdueMarks(marked, settings, '2026-03-23').delta).toBe(0);
    expect(tickOverdueMarks(marked, settings, '2026-03-24')).toEqual({ overdueClocks: ['offerReply'], delta: 0 });
  });

  it('unmarks the clock a step answers, with a −1 event in the same decision; an unmarked contract passes unchanged', () => {
    const marked = { ...offer, overdueClocks: ['offerReply'] };
    const replied: Contract = { ...marked, status: 'negotiating', offer: { ...offer.offer!, repliedOn: '2026-03-25', accepted: true } };
    const d = unmarkAnswered(marked, { after: replied, events: [], audit }, settings, '2026-03-25');
    expect(d.after).not.toHaveProperty('overdueClocks');
    expect(d.events).toEqual([{ type: 'contracts.contract.overdue', data: { contractId: 'c1', type: 'special', overdueClocks: [], metrics: { 'contracts.clocks.overdue': -1 } } }]);
    const plain = { after: { ...offer, status: 'negotiating' as const }, events: [], audit };
    expect(unmarkAnswered(offer, plain, settings, '2026-03-25')).toBe(plain);
    const stillLate = { after: { ...marked, rounds: [] }, events: [], audit };
    expect(unmarkAnswered(marked, stillLate, settings, '2026-03-25')).toBe(stillLate);
  });
});
