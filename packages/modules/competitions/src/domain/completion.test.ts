import { describe, expect, it } from 'vitest';
import { DomainError } from '@ufp/core/errors';
import { assertCompletionTime, durationText, parseDuration, practicalTimeLimitSeconds } from './completion.js';
import type { Part } from './scheme.js';
import { refusal } from '@ufp/testing/refusal';

const name = { zh: '部分', en: 'Part' };
const part = (code: string, kind: Part['kind'], timeLimitMinutes?: number): Part => ({ code, kind, name, weightBp: 5000, aspects: [], ...(timeLimitMinutes === undefined ? {} : { timeLimitMinutes }) });

describe('the practical time limit', () => {
  it("adds the practical parts' limits; theory and defence limits do not count", () => {
    expect(practicalTimeLimitSeconds({ parts: [part('T', 'theory', 90), part('P1', 'practical', 120), part('P2', 'practical', 60), part('D', 'defence', 15)] })).toBe(180 * 60);
  });

  it('is undefined when no practical part sets one (a part without a limit adds nothing)', () => {
    expect(practicalTimeLimitSeconds({ parts: [part('T', 'theory', 90), part('P', 'practical')] })).toBeUndefined();
    expect(practicalTimeLimitSeconds({ parts: [part('P1', 'practical'), part('P2', 'practical', 30)] })).toBe(1800);
  });
});

describe('a completion time', () => {
  it('at the limit is accepted; one second beyond is refused naming both times', () => {
    expect(() => assertCompletionTime(10_800, 10_800, 'entries.0.seconds')).not.toThrow();
    const e = refusal(() => assertCompletionTime(10_801, 10_800, 'entries.0.seconds'));
    expect(e.message).toMatch(/^完成用时 3:00:01 超过实操限时 3:00:00（到时即停止操作）/);
    expect(e.details).toMatchObject({ field: 'entries.0.seconds', reason: 'over_time_limit', limitSeconds: 10_800 });
  });

  it('must be a positive whole number of seconds; without a limit any such time is accepted', () => {
    expect(() => assertCompletionTime(0, undefined, 's')).toThrow(/正整数秒/);
    expect(() => assertCompletionTime(61.5, undefined, 's')).toThrow(DomainError);
    expect(() => assertCompletionTime(1, undefined, 's')).not.toThrow();
    expect(() => assertCompletionTime(999_999, undefined, 's')).not.toThrow();
  });

  it('reads as m:ss under an hour and h:mm:ss from an hour', () => {
    expect([durationText(59), durationText(3599), durationText(3600), durationText(7509)]).toEqual(['0:59', '59:59', '1:00:00', '2:05:09']);
  });
});

describe('what a time-keeper types', () => {
  it('reads h:mm:ss, m:ss (minutes past 59 allowed), plain seconds and the full-width colon', () => {
    expect([parseDuration('1:25:30'), parseDuration('85:30'), parseDuration('5130'), parseDuration(' 1：00：00 '), parseDuration('0:59')]).toEqual([5130, 5130, 5130, 3600, 59]);
  });

  it('refuses 60 seconds or minutes in a field, more than three fields, and anything not digits', () => {
    for (const text of ['1:60', '1:60:00', '1:00:60', '1:2:3:4', '1.5', '', 'abc', '-5', '1::2']) expect(parseDuration(text), text).toBeNull();
  });

  it('round-trips what it shows', () => {
    for (const s of [59, 3599, 3600, 7509, 86_399]) expect(parseDuration(durationText(s))).toBe(s);
  });
});
