import { describe, expect, it } from 'vitest';
import type { DecideContext } from '@ufp/kit/transition';
import type { Person } from './person.js';
import { assertStudioFields, latestReview, leaderFlag, reviewStudio, sevenHasCount, updateStudio, type Studio, type StudioFields } from './studio.js';

const ctx = (today: string): DecideContext => ({ now: new Date(`${today}T04:00:00Z`), today, scope: { kind: 'tenant', tenantId: 't', divisionCode: '321281', actor: { sub: 'staff', roles: ['federation_staff'] } } });
const honour = { honourId: 'h', code: 'x', title: { zh: 'x', en: 'x' }, category: 'model_worker' as const, level: 'city' as const, treatment: 'city' as const, year: 2015, conferredBy: '', recordedBy: '', recordedAt: '' };
const leader = (extra: Partial<Person> = {}) => ({ status: 'active' as Person['status'], honours: [honour], nameMasked: '王*', ...extra });
const allTicked = { venue: true, equipment: true, team: true, projects: true, rules: true, funding: true, results: true };
const fields: StudioFields = { name: '王建国焊接创新工作室', level: 'city', leaderId: 'p1', members: ['李四'], foundedOn: '2020-05-01', sevenHas: { ...allTicked, funding: false }, achievements: [{ kind: 'patent', title: '一种焊接夹具', year: 2024, valueFen: 5_000_000 }] };
const studio: Studio = { ...fields, studioId: 's1', tenantId: 't', reviews: [], createdBy: 's', version: 1, createdAt: '', updatedAt: '' };

describe('the 七有 checklist', () => {
  it('counts the ticks: 7 means the standard is met', () => {
    expect(sevenHasCount(allTicked)).toBe(7);
    expect(sevenHasCount(fields.sevenHas)).toBe(6);
  });
});

describe('the 领衔人', () => {
  it('is flagged when deceased, revoked, with every honour revoked, or with no honour; not otherwise', () => {
    expect(leaderFlag(leader(), '2026-05-10')).toBeNull();
    expect(leaderFlag(leader({ status: 'retired' }), '2026-05-10')).toBeNull();
    expect(leaderFlag(leader({ status: 'deceased' }), '2026-05-10')).toBe('deceased');
    expect(leaderFlag(leader({ status: 'revoked' }), '2026-05-10')).toBe('revoked');
    expect(leaderFlag(leader({ honours: [{ ...honour, revoked: { on: '2026-05-10', document: 'd', reason: 'r', by: 's' } }] }), '2026-05-10')).toBe('revoked');
    expect(leaderFlag(leader({ honours: [{ ...honour, revoked: { on: '2026-05-11', document: 'd', reason: 'r', by: 's' } }] }), '2026-05-10')).toBeNull();
    expect(leaderFlag(leader({ honours: [] }), '2026-05-10')).toBe('no_honour');
  });

  it('a deceased or revoked person cannot be named leader; one already leading stays (flagged) through an edit', () => {
    expect(() => assertStudioFields(fields, leader({ status: 'deceased' }), '2026-05-10', true)).toThrow(/不能担任领衔人/);
    expect(() => assertStudioFields(fields, leader({ status: 'revoked' }), '2026-05-10', true)).toThrow(/不能担任领衔人/);
    expect(() => updateStudio(studio, { ...fields, members: ['李四', '赵五'] }, leader({ status: 'deceased' }), ctx('2026-05-10'))).not.toThrow();
  });
});

describe('studio fields', () => {
  it('founded today is fine, tomorrow is refused; an achievement of this year is fine, next year refused', () => {
    expect(() => assertStudioFields({ ...fields, foundedOn: '2026-05-10' }, leader(), '2026-05-10', true)).not.toThrow();
    expect(() => assertStudioFields({ ...fields, foundedOn: '2026-05-11' }, leader(), '2026-05-10', true)).toThrow(/成立日期/);
    expect(() => assertStudioFields({ ...fields, achievements: [{ kind: 'result', title: 't', year: 2026 }] }, leader(), '2026-05-10', true)).not.toThrow();
    expect(() => assertStudioFields({ ...fields, achievements: [{ kind: 'result', title: 't', year: 2027 }] }, leader(), '2026-05-10', true)).toThrow(/第 1 项成果/);
  });

  it('an edit is audited with what changed', () => {
    const d = updateStudio(studio, { ...fields, sevenHas: allTicked }, leader(), ctx('2026-05-10'));
    expect(d.audit.changes).toHaveProperty('sevenHas');
    expect(d.audit.changes).not.toHaveProperty('name');
  });
});

describe('the annual review', () => {
  it('one per year, from the founding year to this year', () => {
    const reviewed = reviewStudio(studio, { year: 2020, outcome: 'passed' }, ctx('2026-05-10')).after;
    expect(() => reviewStudio(studio, { year: 2019, outcome: 'passed' }, ctx('2026-05-10'))).toThrow(/早于工作室成立年度/);
    expect(() => reviewStudio(studio, { year: 2027, outcome: 'passed' }, ctx('2026-05-10'))).toThrow(/晚于今年/);
    expect(() => reviewStudio(reviewed, { year: 2020, outcome: 'excellent' }, ctx('2026-05-10'))).toThrow(/已登记/);
    const twice = reviewStudio(reviewed, { year: 2026, outcome: 'excellent' }, ctx('2026-05-10')).after;
    expect(latestReview(twice)).toMatchObject({ year: 2026, outcome: 'excellent' });
    expect(latestReview(studio)).toBeNull();
  });
});
