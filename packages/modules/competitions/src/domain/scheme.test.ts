import { describe, expect, it } from 'vitest';
import { DomainError } from '@ufp/core/errors';
import { assertSchemeEditable, assertSchemeValid, isSchemeLocked, lockScheme, percent, schemeProblems, type Aspect, type Part, type Scheme } from './scheme.js';
import { refusal as thrown } from '@ufp/testing/refusal';

const marks = (code: string, maxHundredths: number): Aspect => ({ code, kind: 'marks', name: { zh: code, en: code }, maxHundredths });
const part = (code: string, kind: Part['kind'], weightBp: number, aspects: Aspect[] = [marks(`${code}-all`, 10000)]): Part => ({ code, kind, name: { zh: code, en: code }, weightBp, aspects });
const scheme = (parts: Part[]): Scheme => ({ schemeId: 's1', competitionId: 'c1', eventId: 'e1', startsAt: '2026-06-01T01:00:00.000Z', parts });
const settings = { theoryWeightMaxBp: 3000 };


describe('marking scheme weights', () => {
  it('accepts 30/70 and 25/55/20 (理论/实操/答辩)', () => {
    expect(schemeProblems(scheme([part('theory', 'theory', 3000), part('practical', 'practical', 7000)]), settings)).toEqual([]);
    expect(schemeProblems(scheme([part('t', 'theory', 2500), part('p', 'practical', 5500), part('d', 'defence', 2000)]), settings)).toEqual([]);
  });

  it('theory exactly 30% passes the default cap, 30.01% is refused naming the cap', () => {
    expect(schemeProblems(scheme([part('t', 'theory', 3000), part('p', 'practical', 7000)]), settings)).toEqual([]);
    const err = thrown(() => assertSchemeValid(scheme([part('t', 'theory', 3001), part('p', 'practical', 6999)]), settings));
    expect(err).toMatchObject({ kind: 'invalid', details: { field: 'parts.weightBp' } });
    expect(err.text.zh).toBe('理论权重 30.01% 超过规则上限 30%');
    expect(err.text.en).toBe("Theory weighs 30.01%, over the rule's cap of 30%");
  });

  it('the cap comes from the competition rules: two theory parts count together', () => {
    const s = scheme([part('t1', 'theory', 2000), part('t2', 'theory', 2000), part('p', 'practical', 6000)]);
    expect(schemeProblems(s, settings)[0]!.text.zh).toBe('理论权重 40% 超过规则上限 30%');
    expect(schemeProblems(s, { theoryWeightMaxBp: 4000 })).toEqual([]);
  });

  it('weights must add up to exactly 100%', () => {
    expect(schemeProblems(scheme([part('t', 'theory', 3000), part('p', 'practical', 6999)]), settings)[0]!.text.zh).toBe('各部分权重合计 99.99%，应为 100%');
    expect(schemeProblems(scheme([]), settings)[0]!.field).toBe('parts');
  });

  it("each part's aspects total 100 marks; codes are unique", () => {
    const p = part('p', 'practical', 7000, [marks('a', 6000), marks('b', 3999)]);
    expect(schemeProblems(scheme([part('t', 'theory', 3000), p]), settings).map((x) => x.text.zh)).toEqual(['「p」各评分项满分合计 99.99 分，应为 100 分']);
    const dup = schemeProblems(scheme([part('t', 'theory', 3000, [marks('a', 10000)]), part('p', 'practical', 7000, [marks('a', 10000)])]), settings);
    expect(dup.map((x) => x.text.zh)).toEqual(['评分项代码重复：a']);
  });

  it('formats basis points as percent', () => {
    expect([percent(3000), percent(3001), percent(2550), percent(10000)]).toEqual(['30%', '30.01%', '25.5%', '100%']);
  });
});

describe('locking the scheme', () => {
  const s = scheme([part('t', 'theory', 3000), part('p', 'practical', 7000)]);
  const before = new Date('2026-06-01T00:59:59.999Z');
  const start = new Date('2026-06-01T01:00:00.000Z');

  it('is editable until the instant the 赛项 starts, and a change from that instant is a 409', () => {
    expect(() => assertSchemeEditable(s, before)).not.toThrow();
    expect(isSchemeLocked(s, start)).toBe(true);
    const err = thrown(() => assertSchemeEditable(s, start));
    expect(err).toMatchObject({ kind: 'conflict', details: { reason: 'scheme_locked' } });
    expect(err.text.zh).toBe('评分方案已于 2026-06-01 09:00 锁定，不能再修改');
  });

  it('staff may lock a valid scheme earlier; after that a change is a 409', () => {
    const locked = lockScheme(s, settings, new Date('2026-05-30T02:00:00.000Z'));
    expect(locked.lockedAt).toBe('2026-05-30T02:00:00.000Z');
    expect(thrown(() => assertSchemeEditable(locked, new Date('2026-05-30T02:00:00.001Z'))).text.en).toContain('locked at 2026-05-30 10:00 (UTC+8)');
    expect(() => lockScheme(locked, settings, new Date('2026-05-31T00:00:00.000Z'))).toThrow(DomainError);
  });

  it('an invalid scheme cannot be locked', () => {
    expect(thrown(() => lockScheme(scheme([part('t', 'theory', 4000), part('p', 'practical', 6000)]), settings, before)).kind).toBe('invalid');
  });
});
