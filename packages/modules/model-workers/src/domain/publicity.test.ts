import { describe, expect, it } from 'vitest';
import { WorkCalendar } from '@ufp/core/calendar/calendar';
import type { DecideContext } from '@ufp/kit/transition';
import type { Campaign } from './campaign.js';
import { assertObjectionWindow, decideObjection, publicityEndsOn, publicityPhase, startPublicity, type Objection } from './publicity.js';

const calendar = new WorkCalendar();
const ctx = (today: string): DecideContext => ({ now: new Date(`${today}T04:00:00Z`), today, scope: { kind: 'tenant', tenantId: 't', divisionCode: '321281', actor: { sub: 'staff', roles: ['federation_staff'] } } });

describe('公示 on working days', () => {
  it('5 working days from Wednesday 2026-09-30 run across 国庆 (10-01…10-07 off, Saturday 10-10 a working day) to Monday 2026-10-12', () => {
    // 09-30 (1), 10-08 (2), 10-09 (3), 10-10 调休上班 (4), 10-12 (5)
    expect(publicityEndsOn(calendar, '2026-09-30', 5)).toBe('2026-10-12');
  });

  it('an ordinary week: Monday + 5 working days ends on Friday; a start on Saturday counts from Monday', () => {
    expect(publicityEndsOn(calendar, '2026-06-08', 5)).toBe('2026-06-12');
    expect(publicityEndsOn(calendar, '2026-06-06', 5)).toBe('2026-06-12');
  });

  it('objections are taken from the first to the last day of the notice only', () => {
    const c = { publicity: { startsOn: '2026-09-30', endsOn: '2026-10-12', by: 's' } };
    expect(publicityPhase(c, '2026-09-29')).toBe('upcoming');
    expect(() => assertObjectionWindow(c, '2026-09-29')).toThrow(/不在公示期内/);
    expect(() => assertObjectionWindow(c, '2026-09-30')).not.toThrow();
    expect(() => assertObjectionWindow(c, '2026-10-12')).not.toThrow();
    expect(() => assertObjectionWindow(c, '2026-10-13')).toThrow(/不在公示期内/);
    expect(publicityPhase(c, '2026-10-13')).toBe('ended');
    expect(() => assertObjectionWindow({}, '2026-10-01')).toThrow(/尚未公示/);
  });

  it('the notice needs a reviewed list with nobody still awaiting review', () => {
    const c = { status: 'open', publicityDays: 5, campaignId: 'c', title: '评选' } as Campaign;
    expect(() => startPublicity(c, { startsOn: '2026-09-30', endsOn: '2026-10-12', reviewed: 0, awaitingReview: 0 }, ctx('2026-09-30'))).toThrow(/没有通过县级审核/);
    expect(() => startPublicity(c, { startsOn: '2026-09-30', endsOn: '2026-10-12', reviewed: 3, awaitingReview: 1 }, ctx('2026-09-30'))).toThrow(/待县级审核/);
    expect(startPublicity(c, { startsOn: '2026-09-30', endsOn: '2026-10-12', reviewed: 3, awaitingReview: 0 }, ctx('2026-09-30')).after).toMatchObject({ status: 'publicity', publicity: { endsOn: '2026-10-12' } });
  });

  it('an objection is decided once', () => {
    const o: Objection = { objectionId: 'o', tenantId: 't', campaignId: 'c', nominationId: 'n', text: '异议内容', receivedOn: '2026-10-08', receivedAt: '', version: 1 };
    const decided = decideObjection(o, { outcome: 'dismissed', reason: '经核实' }, ctx('2026-10-09')).after;
    expect(decided.decision).toMatchObject({ outcome: 'dismissed', by: 'staff', on: '2026-10-09' });
    expect(() => decideObjection(decided, { outcome: 'upheld', reason: '再议' }, ctx('2026-10-09'))).toThrow(/已于 2026-10-09 处理/);
  });
});
