import { describe, expect, it } from 'vitest';
import type { DecideContext } from '@ufp/kit/transition';
import type { Person } from './person.js';
import { assertVisitRange, logVisit, matchPeople, rankMatches, selectVisitLogs, skillMatches, visitMetrics, visitsPerPerson, visitTotals, type ServiceRequest } from './visits.js';

const ctx = (today: string): DecideContext => ({ now: new Date(`${today}T04:00:00Z`), today, scope: { kind: 'tenant', tenantId: 't', divisionCode: '321281', actor: { sub: 'staff', roles: ['federation_staff'] } } });
const person = (id: string, trade: string | undefined, level: 'national' | 'provincial' | 'city' = 'city', extra: Partial<Person> = {}): Person => ({
  personId: id, tenantId: 't', name: id, nameMasked: `${id}*`, idMasked: '', idEncrypted: '', idIndex: '', provinceIndex: '', gender: 'male', birthDate: '1970-01-01',
  ethnicity: '汉族', politicalStatus: 'masses', education: 'secondary', occupation: 'frontline', migrantWorker: false, skillGrade: 'none', trade, employers: [], deputies: [],
  status: 'active', statusHistory: [], createdBy: '', version: 1, createdAt: '', updatedAt: '',
  honours: [{ honourId: `${id}-h`, code: 'x', title: { zh: 'x', en: 'x' }, category: 'model_worker', level, treatment: level, year: 2015, conferredBy: '', recordedBy: '', recordedAt: '' }],
  ...extra,
});
const request: ServiceRequest = {
  requestId: 'r1', tenantId: 't', enterprise: '兴化某不锈钢厂', need: '焊缝开裂', skills: ['焊工', '数控'], contactEncrypted: 'x', contactNameMasked: '张*', phoneMasked: '139****1234',
  status: 'open', matchedPersonIds: [], filedOn: '2026-03-01', filedBy: 's', visitCount: 0, problemsSolved: 0, peopleTrained: 0, version: 1, createdAt: '', updatedAt: '',
};
const visit = { visitId: 'v1', visitedOn: '2026-03-10', problemsSolved: 3, peopleTrained: 25, closes: false };

describe('skill matching', () => {
  it('matches when the trade contains the skill or the skill the trade, ignoring spaces and case', () => {
    expect(skillMatches('电焊工', ['焊工'])).toEqual(['焊工']);
    expect(skillMatches('数控', ['数控车工'])).toEqual(['数控车工']);
    expect(skillMatches('CNC 车工', ['cnc车工'])).toEqual(['cnc车工']);
    expect(skillMatches('钳工', ['焊工'])).toEqual([]);
    expect(skillMatches(undefined, ['焊工'])).toEqual([]);
  });
});

describe('matching 劳模工匠 to a request', () => {
  it('ranks more skills matched first, then fewer visits this year, then the higher level', () => {
    const people = [person('a', '焊工'), person('b', '数控焊工'), person('c', '焊工', 'national'), person('d', '钳工')];
    const order = rankMatches(people, request, new Map([['c', 2]]), '2026-03-05');
    expect(order.map((m) => m.personId)).toEqual(['b', 'a', 'c']);
    expect(order[0]).toMatchObject({ skillMatches: ['焊工', '数控'], visitsThisYear: 0 });
    expect(order[2]!.visitsThisYear).toBe(2);
  });

  it('with equal load the higher treatment level goes first; one visit more moves a person behind', () => {
    const people = [person('a', '焊工', 'city'), person('z', '焊工', 'provincial')];
    expect(rankMatches(people, request, new Map(), '2026-03-05').map((m) => m.personId)).toEqual(['z', 'a']);
    expect(rankMatches(people, request, new Map([['z', 1]]), '2026-03-05').map((m) => m.personId)).toEqual(['a', 'z']);
  });

  it('leaves out the deceased, the revoked and anyone whose honours are all revoked by the day', () => {
    const revokedHonour = person('r', '焊工');
    revokedHonour.honours = revokedHonour.honours.map((h) => ({ ...h, revoked: { on: '2026-03-05', document: 'd', reason: 'r', by: 's' } }));
    const people = [person('dead', '焊工', 'city', { status: 'deceased' }), person('rev', '焊工', 'city', { status: 'revoked' }), revokedHonour, person('ok', '焊工', 'city', { status: 'retired' })];
    expect(rankMatches(people, request, new Map(), '2026-03-05').map((m) => m.personId)).toEqual(['ok']);
    // the day before the revocation the honour is still in force
    expect(rankMatches([revokedHonour], request, new Map(), '2026-03-04').map((m) => m.personId)).toEqual(['r']);
  });

  it('an occupation asked for matches without a skill, behind anyone matching a skill', () => {
    const people = [person('tech', '钳工', 'city', { occupation: 'technical' }), person('w', '焊工')];
    expect(rankMatches(people, { skills: ['焊工'], occupation: 'technical' }, new Map(), '2026-03-05').map((m) => [m.personId, m.occupationMatch])).toEqual([['w', false], ['tech', true]]);
    expect(rankMatches(people, { skills: ['焊工'] }, new Map(), '2026-03-05').map((m) => m.personId)).toEqual(['w']);
  });

  it('counts visits per person in the year only', () => {
    const counts = visitsPerPerson([{ personIds: ['a', 'b'], visitedOn: '2026-01-01' }, { personIds: ['a'], visitedOn: '2026-12-31' }, { personIds: ['a'], visitedOn: '2025-12-31' }], 2026);
    expect(Object.fromEntries(counts)).toEqual({ a: 2, b: 1 });
  });

  it('matching marks a request 已匹配 and refuses someone who cannot serve', () => {
    expect(matchPeople(request, [person('a', '焊工')], ctx('2026-03-05')).after).toMatchObject({ status: 'matched', matchedPersonIds: ['a'] });
    expect(() => matchPeople(request, [person('dead', '焊工', 'city', { status: 'deceased' })], ctx('2026-03-05'))).toThrow(/已去世/);
    expect(() => matchPeople({ ...request, status: 'closed', closedOn: '2026-03-04' }, [person('a', '焊工')], ctx('2026-03-05'))).toThrow(/办结/);
  });
});

describe('logging a visit', () => {
  it('adds to the totals, leaves the request in service and emits the numbers with the visit year, no name', () => {
    const { decision, visit: v } = logVisit(request, visit, [person('a', '焊工'), person('b', '焊工')], ctx('2026-03-10'));
    expect(decision.after).toMatchObject({ status: 'in_progress', visitCount: 1, problemsSolved: 3, peopleTrained: 25, lastVisitOn: '2026-03-10' });
    expect(v.personIds).toEqual(['a', 'b']);
    const data = decision.events![0]!.data as Record<string, unknown>;
    expect(data).toMatchObject({ requestId: 'r1', problemsSolved: 3, peopleTrained: 25, workers: 2, year: 2026, metrics: { 'modelWorkers.visits': 1, 'modelWorkers.visits.workerTimes': 2, 'modelWorkers.visits.problemsSolved': 3, 'modelWorkers.visits.peopleTrained': 25 } });
    expect(JSON.stringify(data)).not.toContain('兴化');
  });

  it('a closing visit closes the request; a closed request takes no more visits', () => {
    const closed = logVisit(request, { ...visit, closes: true }, [person('a', '焊工')], ctx('2026-03-12')).decision.after;
    expect(closed).toMatchObject({ status: 'closed', closedOn: '2026-03-12' });
    expect(() => logVisit(closed, visit, [person('a', '焊工')], ctx('2026-03-12'))).toThrow(/办结/);
  });

  it('the visit day may be the filing day or today, not before or after', () => {
    expect(() => logVisit(request, { ...visit, visitedOn: '2026-03-01' }, [person('a', '焊工')], ctx('2026-03-10'))).not.toThrow();
    expect(() => logVisit(request, { ...visit, visitedOn: '2026-02-28' }, [person('a', '焊工')], ctx('2026-03-10'))).toThrow(/早于需求登记日期/);
    expect(() => logVisit(request, { ...visit, visitedOn: '2026-03-11' }, [person('a', '焊工')], ctx('2026-03-10'))).toThrow(/晚于今天/);
  });

  it('refuses nobody, the same person twice, and a person deceased by the visit day', () => {
    expect(() => logVisit(request, visit, [], ctx('2026-03-10'))).toThrow(/请选择/);
    expect(() => logVisit(request, visit, [person('a', '焊工'), person('a', '焊工')], ctx('2026-03-10'))).toThrow(/重复/);
    expect(() => logVisit(request, visit, [person('d', '焊工', 'city', { status: 'deceased' })], ctx('2026-03-10'))).toThrow(/已去世/);
  });

  it('a visit solving nothing still counts as a visit and 人次 sent, with no zero deltas', () => {
    expect(visitMetrics({ personIds: ['a'], problemsSolved: 0, peopleTrained: 0 })).toEqual({ 'modelWorkers.visits': 1, 'modelWorkers.visits.workerTimes': 1 });
  });
});

describe('the visit log across requests', () => {
  const v = (visitId: string, visitedOn: string, personIds: string[], problemsSolved: number, peopleTrained = 0) => ({ visitId, visitedOn, personIds, problemsSolved, peopleTrained });
  const all = [v('a', '2026-01-31', ['p1'], 0, 10), v('b', '2026-02-01', ['p1', 'p2'], 2, 30), v('c', '2026-02-28', ['p2'], 1, 5), v('d', '2026-03-01', ['p1'], 0, 0), v('e', '2026-02-28', ['p1'], 3, 7)];

  it('keeps both ends of the day range and nothing outside it, newest first (on one day the later id, minted later, first)', () => {
    expect(selectVisitLogs(all, { from: '2026-02-01', to: '2026-02-28' }).map((x) => x.visitId)).toEqual(['e', 'c', 'b']);
    expect(selectVisitLogs(all, { to: '2026-01-31' }).map((x) => x.visitId)).toEqual(['a']);
    expect(selectVisitLogs(all, { from: '2026-03-01' }).map((x) => x.visitId)).toEqual(['d']);
  });

  it('filters by a person who went and by solved or not (a visit solving none is "not solved")', () => {
    expect(selectVisitLogs(all, { personId: 'p2' }).map((x) => x.visitId)).toEqual(['c', 'b']);
    expect(selectVisitLogs(all, { solved: true }).map((x) => x.visitId)).toEqual(['e', 'c', 'b']);
    expect(selectVisitLogs(all, { solved: false }).map((x) => x.visitId)).toEqual(['d', 'a']);
  });

  it('totals visits, 人次 sent, problems solved and workers trained', () => {
    expect(visitTotals(selectVisitLogs(all, { from: '2026-02-01', to: '2026-02-28' }))).toEqual({ visits: 3, workerTimes: 4, problemsSolved: 6, peopleTrained: 42 });
    expect(visitTotals([])).toEqual({ visits: 0, workerTimes: 0, problemsSolved: 0, peopleTrained: 0 });
  });

  it('refuses a start after the end at the end field; one day as both ends is a range', () => {
    expect(() => assertVisitRange({ from: '2026-02-02', to: '2026-02-01' })).toThrow(expect.objectContaining({ kind: 'invalid', details: { field: 'to' } }));
    expect(() => assertVisitRange({ from: '2026-02-01', to: '2026-02-01' })).not.toThrow();
  });
});
