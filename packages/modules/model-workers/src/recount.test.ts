import { describe, expect, it } from 'vitest';
import type { Person } from './domain/person.js';
import { batchDeltas, nominationDeltas, notRecountable, peopleFigures, quotaDeltas } from './recount.js';

type Honour = Person['honours'][number];
const honour = (level: Honour['level'], year: number, revokedOn?: string) => ({ level, year, ...(revokedOn ? { revoked: { on: revokedOn } } : {}) }) as Honour;
const person = (over: Partial<Pick<Person, 'honours' | 'status' | 'statusHistory' | 'createdAt'>>) =>
  ({ honours: [], status: 'active', statusHistory: [{ status: 'active', on: '2020-01-01', by: 'u' }], createdAt: '2020-01-01T02:00:00.000Z', ...over }) as Pick<Person, 'honours' | 'status' | 'statusHistory' | 'createdAt'>;

describe('劳模 recount', () => {
  it('the honoured people of a past year are as they stood at its end: later honours, revocations and status changes do not count', () => {
    const p = person({ honours: [honour('city', 2024), honour('national', 2026)], status: 'retired', statusHistory: [{ status: 'active', on: '2020-01-01', by: 'u' }, { status: 'retired', on: '2026-03-01', by: 'u' }] });
    expect(peopleFigures([p], 2025, '2027-02-01')).toEqual({ 'modelWorkers.people': 1, 'modelWorkers.people.city': 1, 'modelWorkers.people.status.active': 1 });
    expect(peopleFigures([p], 2027, '2027-02-01')).toEqual({ 'modelWorkers.people': 1, 'modelWorkers.people.national': 1, 'modelWorkers.people.status.retired': 1 });
  });

  it('a person recorded after the year, or whose only honour was revoked by its end, is not counted', () => {
    expect(peopleFigures([person({ honours: [honour('city', 2024)], createdAt: '2026-06-01T02:00:00.000Z' })], 2025, '2027-02-01')).toEqual({});
    expect(peopleFigures([person({ honours: [honour('city', 2024, '2025-06-01')] })], 2025, '2027-02-01')).toEqual({});
    expect(peopleFigures([person({ honours: [honour('city', 2024, '2026-06-01')] })], 2025, '2027-02-01')).toMatchObject({ 'modelWorkers.people': 1 });
  });

  it('疗休养 places count in the year the batch starts, used as they stand; quota compliance once per campaign in the year recorded', () => {
    expect(batchDeltas([{ startsOn: '2026-07-01', capacity: 10, participants: [{ personId: 'a', nameMasked: '*', addedOn: '2026-06-01', addedBy: 'u' }] }])).toEqual([{ year: 2026, metrics: { 'modelWorkers.recuperation.places': 10, 'modelWorkers.recuperation.placesUsed': 1 } }]);
    const quota = { on: '2026-10-10', holds: false, count: 3, places: 3, placesHold: true, rules: [{ rule: 'womenMin' as const, percent: 60, limit: 2, holds: false }] };
    expect(quotaDeltas([{ quotaAtApproval: quota }, {}])).toEqual([{ year: 2026, metrics: { 'modelWorkers.quota.campaigns': 1, 'modelWorkers.quota.places.held': 1, 'modelWorkers.quota.broken.womenMin': 1 } }]);
  });

  it('counts each step a nomination took in the year of its day, by the campaign level', () => {
    const step = (on: string) => ({ by: 'u', on });
    const deltas = nominationDeltas('city', [
      { status: 'approved', nominated: step('2026-05-10'), reviewed: step('2026-06-01'), approved: { ...step('2027-01-05'), honourId: 'h' } },
      { status: 'withdrawn', nominated: step('2026-05-11'), closed: { ...step('2026-05-20'), reason: '撤回' } },
    ]);
    const inYear = (y: number) => deltas.filter((d) => d.year === y).flatMap((d) => Object.keys(d.metrics));
    expect(inYear(2026).sort()).toEqual(['modelWorkers.nominations.nominated', 'modelWorkers.nominations.nominated', 'modelWorkers.nominations.nominated.city', 'modelWorkers.nominations.nominated.city', 'modelWorkers.nominations.reviewed', 'modelWorkers.nominations.reviewed.city', 'modelWorkers.nominations.withdrawn', 'modelWorkers.nominations.withdrawn.city']);
    expect(inYear(2027).sort()).toEqual(['modelWorkers.nominations.approved', 'modelWorkers.nominations.approved.city']);
  });

  it('names only the below-threshold hand-overs as not recountable, with a reason', () => {
    expect(notRecountable.map((n) => n.key)).toEqual(['modelWorkers.surveys.belowThreshold']);
    expect(notRecountable[0]!.reason.zh).toMatch(/困难帮扶/);
  });
});
