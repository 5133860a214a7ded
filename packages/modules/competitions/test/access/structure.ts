import type { AccessTable } from '@ufp/testing/access';

const staff = ['federation_admin', 'federation_staff'] as const;
const readers = [...staff, 'unit_reporter'] as const;

const stages = [
  { kind: 'preliminary', startsAt: '2026-07-01T01:00:00Z', advancement: { kind: 'topN', n: 10 } },
  { kind: 'final', startsAt: '2026-07-02T01:00:00Z' },
];
const registration = {
  opensAt: '2026-05-01T00:00:00+08:00',
  closesAt: '2026-06-20',
  trades: ['welder'],
  minGrade: 'grade4',
  ageLimits: [{ years: 35, wording: 'atMost', referenceDate: '2026-07-01', basis: { zh: '青年岗位能手', en: 'Youth post expert' } }],
};
const event = { name: '矩阵焊工赛项', tradeCode: 'welder', stages, registration };
const competition = { name: '矩阵职工技能竞赛', class: 'city', year: 2026, packCode: 'province-class1', overrides: { protestWindowMinutes: 60 } };
const part = { code: 'practical', kind: 'practical', name: { zh: '实操', en: 'Practical' }, weightBp: 10000, aspects: [{ code: 'seam', kind: 'marks', name: { zh: '焊缝', en: 'Seam' }, maxHundredths: 10000 }] };

/** 技能竞赛 structure and registration: staff set up, readers read; reporters register for their own unit. */
export const structureAccess: AccessTable = {
  'competitions.competitions.packs': { allow: readers, as: 'federation_admin', input: () => undefined },
  'competitions.competitions.create': { allow: staff, as: 'federation_admin', input: () => competition },
  'competitions.competitions.update': { allow: staff, as: 'federation_admin', input: () => ({ competitionId: 'no-such-competition', version: 1, ...competition }) },
  'competitions.competitions.get': { allow: readers, as: 'federation_admin', input: () => ({ competitionId: 'no-such-competition' }) },
  'competitions.competitions.list': { allow: readers, as: 'federation_admin', input: () => undefined },
  'competitions.events.create': { allow: staff, as: 'federation_admin', input: () => ({ competitionId: 'no-such-competition', ...event }) },
  'competitions.events.update': { allow: staff, as: 'federation_admin', input: () => ({ eventId: 'no-such-event', version: 1, ...event }) },
  'competitions.events.get': { allow: readers, as: 'federation_admin', input: () => ({ eventId: 'no-such-event' }) },
  'competitions.events.list': { allow: readers, as: 'federation_admin', input: () => ({ competitionId: 'no-such-competition' }) },
  'competitions.events.saveScheme': { allow: staff, as: 'federation_admin', input: () => ({ eventId: 'no-such-event', version: 1, startsAt: '2026-07-01T01:00:00Z', parts: [part] }) },
  'competitions.events.lockScheme': { allow: staff, as: 'federation_admin', input: () => ({ eventId: 'no-such-event', version: 1 }) },
  'competitions.events.setPanel': { allow: staff, as: 'federation_admin', input: () => ({ eventId: 'no-such-event', version: 1, judges: [{ userId: 'no-such-user', chief: true }], arbiters: ['no-such-arbiter'] }) },
  'competitions.events.panelCandidates': { allow: staff, as: 'federation_staff', input: () => ({ q: '裁判' }) },
  'competitions.contestants.register': {
    allow: readers,
    as: 'unit_reporter',
    input: (f) => ({ eventId: 'no-such-event', unitId: f.unitId, name: '矩阵选手', idNumber: '11010519491231002X', phone: '13912345678', gender: 'female', tradeCode: 'welder', skillGrade: 'grade3', member: true }),
  },
  'competitions.contestants.withdraw': { allow: readers, as: 'federation_admin', input: () => ({ eventId: 'no-such-event', contestantId: 'no-such-contestant', version: 1 }) },
  'competitions.contestants.list': { allow: readers, as: 'federation_admin', input: () => ({ eventId: 'no-such-event' }) },
  'competitions.contestants.export': { allow: staff, as: 'federation_admin', input: () => ({ eventId: 'no-such-event', lang: 'zh' }) },
};
