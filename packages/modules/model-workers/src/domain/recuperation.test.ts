import { describe, expect, it } from 'vitest';
import { excludedByGap, lastWentOn, rotationOrder, type Batch } from './recuperation.js';
import type { Person } from './person.js';

const person = (id: string, level: 'national' | 'provincial' | 'city', birthDate = '1970-01-01', extra: Partial<Person> = {}): Person => ({
  personId: id, tenantId: 't', name: id, nameMasked: `${id}*`, idMasked: '', idEncrypted: '', idIndex: '', provinceIndex: '', gender: 'male', birthDate,
  ethnicity: '汉族', politicalStatus: 'masses', education: 'secondary', occupation: 'frontline', migrantWorker: false, skillGrade: 'none', employers: [], deputies: [],
  status: 'active', statusHistory: [], createdBy: '', version: 1, createdAt: '', updatedAt: '',
  honours: [{ honourId: `${id}-h`, code: 'x', title: { zh: 'x', en: 'x' }, category: 'model_worker', level, treatment: level, year: 2015, conferredBy: '', recordedBy: '', recordedAt: '' }],
  ...extra,
});
const batch = (startsOn: string, participants: string[] = []): Batch => ({
  batchId: startsOn, tenantId: 't', title: '', destination: '', startsOn, endsOn: startsOn, capacity: 10, minLevel: 'city',
  participants: participants.map((personId) => ({ personId, nameMasked: '', addedOn: startsOn, addedBy: '' })), version: 1, createdAt: '', updatedAt: '',
});

describe('疗休养 rotation', () => {
  const people = [person('a', 'city'), person('b', 'provincial'), person('c', 'city', '1960-01-01'), person('d', 'national')];

  it('never-gone first (higher treatment, then older), then whoever went longest ago', () => {
    const history = [batch('2021-05-01', ['d']), batch('2022-05-01', ['b'])];
    const order = rotationOrder(people, batch('2026-05-01'), lastWentOn(history), { gapYears: 3 });
    expect(order.map((c) => c.personId)).toEqual(['c', 'a', 'd', 'b']);
  });

  it('nobody twice within the gap: exactly gapYears before the start is allowed, a day later is not', () => {
    expect(rotationOrder(people, batch('2026-05-01'), lastWentOn([batch('2023-05-01', ['a'])]), { gapYears: 3 }).map((c) => c.personId)).toContain('a');
    expect(rotationOrder(people, batch('2026-05-01'), lastWentOn([batch('2023-05-02', ['a'])]), { gapYears: 3 }).map((c) => c.personId)).not.toContain('a');
  });

  it('a revoked honour, a deceased person and a level below the batch are left out', () => {
    const revoked = person('r', 'provincial', '1970-01-01');
    revoked.honours[0]!.revoked = { on: '2026-01-01', document: 'd', reason: 'r', by: 's' };
    const dead = person('x', 'national', '1950-01-01', { status: 'deceased' });
    const b = { ...batch('2026-05-01'), minLevel: 'provincial' };
    expect(rotationOrder([...people, revoked, dead], b, new Map(), { gapYears: 3 }).map((c) => c.personId)).toEqual(['d', 'b']);
  });

  it('those left out for the gap are listed with when they went and when they may go again; exactly gapYears before is not left out', () => {
    const history = [batch('2023-05-02', ['a']), batch('2024-06-01', ['d']), batch('2023-05-01', ['b'])];
    const out = excludedByGap(people, batch('2026-05-01'), lastWentOn(history), { gapYears: 3 });
    expect(out).toEqual([
      { personId: 'd', nameMasked: 'd*', level: 'national', lastWentOn: '2024-06-01', eligibleFrom: '2027-06-01' },
      { personId: 'a', nameMasked: 'a*', level: 'city', lastWentOn: '2023-05-02', eligibleFrom: '2026-05-02' },
    ]);
    expect(excludedByGap(people, batch('2026-05-01'), lastWentOn(history), { gapYears: 0 })).toEqual([]);
  });

  it('someone already in the batch, or below its level, is neither in the order nor left out', () => {
    const history = [batch('2025-05-01', ['a', 'b'])];
    const b = { ...batch('2026-05-01', ['b']), minLevel: 'provincial' };
    expect(excludedByGap(people, b, lastWentOn(history), { gapYears: 3 })).toEqual([]);
  });
});
