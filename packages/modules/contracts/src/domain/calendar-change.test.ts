import { describe, expect, it } from 'vitest';
import { WorkCalendar } from '@ufp/core/calendar/calendar';
import { shippedNotices } from '@ufp/core/calendar/notices';
import { clockChanges } from './calendar-change.js';
import { defaultContractSettings, type ContractSettings } from './contract.js';
import { aContract as contract } from '../../test/fixtures.js';

const working: ContractSettings = { ...defaultContractSettings, dayCount: { ...defaultContractSettings.dayCount, review: 'working', filing: 'working' } };

const without2027 = new WorkCalendar(shippedNotices.filter((n) => n.year !== 2027));
// A made-up 2027 notice: 01-01 to 01-03 off, Sunday 01-10 worked.
const with2027 = new WorkCalendar([...shippedNotices.filter((n) => n.year !== 2027), { year: 2027, source: '测试', off: [['2027-01-01', '2027-01-03']], work: ['2027-01-10'] }]);
// Filed 12-22: 15 working days of review run into 2027.
const filedLate = contract({ status: 'filed', filing: { filedOn: '2026-12-22', dueOn: '2026-12-30', lateDays: 0 } });
const filedEarly = contract({ contractId: 'c2', status: 'filed', filing: { filedOn: '2026-03-02', dueOn: '2026-03-12', lateDays: 0 } });

describe('a holiday notice against a tenant’s open clocks', () => {
  it('counts a working-day review running into the new year as changed and no longer provisional', () => {
    expect(clockChanges([filedLate], working, '2026-12-23', without2027, with2027)).toEqual({ changed: 1, nowExact: 1 });
  });

  it('leaves a clock that ends before the year alone, and natural-day clocks too', () => {
    expect(clockChanges([filedEarly], working, '2026-03-03', without2027, with2027)).toEqual({ changed: 0, nowExact: 0 });
    expect(clockChanges([filedLate], defaultContractSettings, '2026-12-23', without2027, with2027)).toEqual({ changed: 0, nowExact: 0 });
  });

  it('finds nothing when the calendar does not change, and counts each tenant’s contracts together', () => {
    expect(clockChanges([filedLate, filedEarly], working, '2026-12-23', with2027, with2027)).toEqual({ changed: 0, nowExact: 0 });
    expect(clockChanges([filedLate, { ...filedLate, contractId: 'c3' }], working, '2026-12-23', without2027, with2027)).toEqual({ changed: 2, nowExact: 2 });
  });
});
