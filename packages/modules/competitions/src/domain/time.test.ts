import { describe, expect, it } from 'vitest';
import { beijingTime, instantText } from './time.js';

describe('instants in refusals', () => {
  it('are shown in Beijing time to the minute, across the UTC day boundary', () => {
    expect(beijingTime('2026-06-01T10:00:00.000Z')).toBe('2026-06-01 18:00');
    expect(beijingTime('2026-05-31T16:30:59.999Z')).toBe('2026-06-01 00:30');
    expect(instantText('2026-12-31T16:00:00.000Z')).toEqual({ zh: '2027-01-01 00:00', en: '2027-01-01 00:00 (UTC+8)' });
  });
});
