import { shanghaiDateTime } from '@ufp/core/clock';
import { DomainError } from '@ufp/core/errors';

/** A meeting-screen link lasts 1 hour to 7 days; a day unless the reader says otherwise. */
export const SHARE_HOURS = { min: 1, max: 168, default: 24 } as const;

export interface ShareLink {
  id: string;
  code: string;
  /** The sha-256 of the token: the token itself is shown once and never stored. */
  tokenHash: string;
  label: string;
  createdAt: string;
  createdBy: string;
  expiresAt: string;
  revokedAt?: string;
}

export const expiresAt = (now: Date, hours: number): string => new Date(now.getTime() + hours * 3_600_000).toISOString();

/** A link opens while it is neither revoked nor past its expiry (the expiry instant itself is past). */
export function assertShareOpen(link: ShareLink | undefined, now: Date): ShareLink {
  if (!link) throw new DomainError('not_found', { zh: '分享链接无效', en: 'This share link is not valid' }, { reason: 'share_unknown' });
  if (link.revokedAt) throw new DomainError('forbidden', { zh: '分享链接已被撤销', en: 'This share link has been revoked' }, { reason: 'share_revoked' });
  if (now.toISOString() >= link.expiresAt) {
    const at = shanghaiDateTime(new Date(link.expiresAt));
    throw new DomainError('forbidden', { zh: `分享链接已于 ${at}（北京时间）过期`, en: `This share link expired at ${at} (Beijing time)` }, { reason: 'share_expired', expiresAt: link.expiresAt });
  }
  return link;
}

export function assertRevocable(link: ShareLink | undefined): ShareLink {
  if (!link) throw new DomainError('not_found', { zh: '分享链接不存在', en: 'Share link not found' }, { field: 'id' });
  if (link.revokedAt) throw new DomainError('conflict', { zh: '分享链接已撤销', en: 'The share link is already revoked' }, { field: 'id', reason: 'already_revoked' });
  return link;
}
