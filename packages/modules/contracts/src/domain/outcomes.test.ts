import { describe, expect, it } from 'vitest';
import { defaultCalendar } from '@ufp/core/calendar/calendar';
import type { TenantScope } from '@ufp/core/tenancy/scope';
import { valuesFromDeltas } from '@ufp/kit/recount';
import { aContract, aReviewOpinion } from '../../test/fixtures.js';
import { contractIndicators } from '../metrics.js';
import { contractDeltas } from '../recount.js';
import { defaultContractSettings as settings, type Contract } from './contract.js';
import { decideDaily } from './daily.js';
import { missedDuties, outcomeMetrics, settle } from './outcomes.js';
import { checkPerformance, recordReview, replyToOffer, type StepContext } from './steps.js';

const scope: TenantScope = { kind: 'tenant', tenantId: 't', divisionCode: '321281', actor: { sub: 'u1', roles: ['federation_staff'] } };
const on = (today: string): StepContext => ({ now: new Date(`${today}T02:00:00Z`), today, scope, settings, calendar: defaultCalendar });
const offered = aContract({ status: 'offer_sent', offer: { sentOn: '2026-03-02', fromSide: 'worker' } }); // reply due 2026-03-22
const reply = (repliedOn: string) => ({ contractId: 'c1', repliedOn, accepted: true });
const metricsOf = (d: { events?: readonly { data: unknown }[] }) => d.events?.map((e) => (e.data as { metrics?: unknown }).metrics);

describe('offer reply compliance (要约 20 日回应)', () => {
  it('a reply on the 20th day is in time, the next day is not', () => {
    expect(metricsOf(replyToOffer(offered, reply('2026-03-22'), on('2026-03-22')))).toEqual([{ 'contracts.offers.replyDue': 1, 'contracts.offers.repliedInTime': 1 }]);
    const late = replyToOffer(offered, reply('2026-03-23'), on('2026-03-23'));
    expect(metricsOf(late)).toEqual([{ 'contracts.offers.replyDue': 1 }]);
    expect(late.after.outcomes).toEqual([{ duty: 'offerReply', ref: '2026-03-02', on: '2026-03-22', kept: false }]);
    expect(late.after.history.at(-1)!.note).toContain('超过20日回应期限');
  });

  it('the tick counts an unanswered offer once, from the day after its last day; the late reply then counts nothing more', () => {
    expect(missedDuties(offered, settings, '2026-03-22', defaultCalendar)).toEqual([]);
    const missed = missedDuties(offered, settings, '2026-03-23', defaultCalendar);
    expect(missed).toEqual([{ duty: 'offerReply', ref: '2026-03-02', on: '2026-03-22', kept: false }]);
    const marked = settle(offered, missed[0]!).after;
    expect(missedDuties(marked, settings, '2026-03-24', defaultCalendar)).toEqual([]);
    expect(replyToOffer(marked, reply('2026-03-25'), on('2026-03-25')).events).toEqual([]);
  });

  it('a new offer after a refusal is a duty of its own', () => {
    const refused = replyToOffer(offered, { ...reply('2026-03-10'), accepted: false }, on('2026-03-10')).after;
    const again = { ...refused, status: 'offer_sent' as const, offer: { sentOn: '2026-04-01', fromSide: 'worker' as const } };
    expect(metricsOf(replyToOffer(again, reply('2026-04-05'), on('2026-04-05')))).toEqual([{ 'contracts.offers.replyDue': 1, 'contracts.offers.repliedInTime': 1 }]);
  });
});

describe('review outcomes (审查：期满无异议生效 / 提出异议)', () => {
  const filed = aContract({ status: 'filed', signedOn: '2026-03-01', filing: { filedOn: '2026-03-02', dueOn: '2026-03-11', lateDays: 0 } }); // review to 2026-03-17
  it('taking effect on day 16 counts as deemed effective on the one effective event, in the year of the effect', () => {
    const d = decideDaily(filed, { today: '2026-03-18', at: '2026-03-18T00:00:00Z', by: 'tick', settings, calendar: defaultCalendar })!;
    expect(d.events).toHaveLength(1);
    expect(d.events[0]).toMatchObject({ type: 'contracts.contract.effective', data: { year: 2026, metrics: { 'contracts.inForce': 1, 'contracts.review.deemedEffective': 1 } } });
    expect(d.after.outcomes).toEqual([{ duty: 'review', ref: '2026-03-02', on: '2026-03-18', kept: true }]);
  });
  it('an objection counts as objected', () => {
    const d = recordReview(filed, { contractId: 'c1', objectionOn: '2026-03-17', opinion: '条款不合法', opinionEvidenceId: 'opinion', opinionFile: aReviewOpinion() }, on('2026-03-17'));
    expect(metricsOf(d)).toEqual([{ 'contracts.review.objected': 1 }]);
  });
});

describe('yearly check outcomes (履约检查按期完成)', () => {
  const effective = (over: Partial<Contract> = {}) => aContract({ status: 'effective', effectiveOn: '2026-03-16', term: { start: '2026-01-01', end: '2028-12-31' }, ...over });
  const check = (checkedOn: string) => ({ contractId: 'c1', checkedOn, checkers: ['王某'], items: [{ item: '工资', kept: true }], findings: '良好', reportedToCongress: true });
  it('a check by the year’s last day counts due and on time, in the year of that last day', () => {
    const d = checkPerformance(effective(), check('2027-03-15'), on('2027-03-15'));
    expect(d.events?.[0]?.data).toMatchObject({ duty: 'performanceCheck', kept: true, year: 2027, metrics: { 'contracts.checks.due': 1, 'contracts.checks.onTime': 1 } });
  });
  it('every ended contract year without a check is missed once, years of long neglect included', () => {
    expect(missedDuties(effective(), settings, '2028-03-16', defaultCalendar).map((o) => [o.ref, o.on])).toEqual([['1', '2027-03-15'], ['2', '2028-03-15']]);
    expect(missedDuties(effective({ performanceChecks: [{ contractYear: 1, checkedOn: '2026-10-01', findings: '' }] }), settings, '2028-03-16', defaultCalendar).map((o) => o.ref)).toEqual(['2']);
  });
});

describe('recount of the outcomes', () => {
  it('gives what the events gave: by the year of each outcome, counts only', () => {
    const c = { ...aContract(), history: [], outcomes: [{ duty: 'offerReply' as const, ref: '2025-12-01', on: '2025-12-21', kept: true }, { duty: 'performanceCheck' as const, ref: '1', on: '2026-12-01', kept: false }, { duty: 'review' as const, ref: '2026-01-05', on: '2026-01-21', kept: true }] };
    const values = (year: number) => valuesFromDeltas(contractIndicators, year, contractDeltas([c]));
    expect(values(2025)).toEqual(outcomeMetrics({ duty: 'offerReply', kept: true }));
    expect(values(2026)).toEqual({ 'contracts.checks.due': 1, 'contracts.review.deemedEffective': 1 });
  });
});
