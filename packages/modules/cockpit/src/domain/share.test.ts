import { describe, expect, it } from 'vitest';
import { assertRevocable, assertShareOpen, expiresAt, type ShareLink } from './share.js';

const link: ShareLink = { id: 'l1', code: '32', tokenHash: 'h', label: '', createdAt: '2026-06-01T00:00:00.000Z', createdBy: 'leader', expiresAt: '2026-06-01T02:00:00.000Z' };
const reason = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return (e as { details: { reason: string } }).details.reason;
  }
  return 'opened';
};

describe('a share link', () => {
  it('expires the given hours after it is made', () => expect(expiresAt(new Date('2026-06-01T00:00:00Z'), 2)).toBe('2026-06-01T02:00:00.000Z'));
  it('opens up to the instant before its expiry, not at it', () => {
    expect(reason(() => assertShareOpen(link, new Date('2026-06-01T01:59:59.999Z')))).toBe('opened');
    expect(reason(() => assertShareOpen(link, new Date('2026-06-01T02:00:00.000Z')))).toBe('share_expired');
  });
  it('names its expiry in Beijing time', () => expect(() => assertShareOpen(link, new Date('2026-06-02T00:00:00Z'))).toThrow('分享链接已于 2026-06-01 10:00（北京时间）过期'));
  it('does not open once revoked, or when unknown', () => {
    expect(reason(() => assertShareOpen({ ...link, revokedAt: '2026-06-01T00:30:00.000Z' }, new Date('2026-06-01T01:00:00Z')))).toBe('share_revoked');
    expect(reason(() => assertShareOpen(undefined, new Date()))).toBe('share_unknown');
  });
  it('is revoked once', () => {
    expect(assertRevocable(link)).toBe(link);
    expect(reason(() => assertRevocable({ ...link, revokedAt: 'x' }))).toBe('already_revoked');
  });
});
