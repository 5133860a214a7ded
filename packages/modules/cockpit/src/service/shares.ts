import { createHash, randomBytes } from 'node:crypto';
import { DomainError } from '@ufp/core/errors';
import { newId } from '@ufp/core/ids';
import { platformAuditScope, type TenantScope } from '@ufp/core/tenancy/scope';
import { write } from '@ufp/kit/write';
import { assertRevocable, assertShareOpen, expiresAt, SHARE_HOURS, type ShareLink } from '../domain/share.js';
import { drillScope } from '../domain/scope.js';
import { CockpitStore } from '../store.js';
import { readerOf, type Reader, type RollupCtx } from './context.js';
import { overview } from './overview.js';

const hashOf = (token: string) => createHash('sha256').update(token).digest('base64url');

/** The caller's own log: their federation's, or the platform's for a leader who has none. */
function auditScope(ctx: RollupCtx): TenantScope {
  const actor = ctx.rollupScope.actor;
  return ctx.claims.tenantId ? { kind: 'tenant', tenantId: ctx.claims.tenantId, divisionCode: '', actor } : platformAuditScope(actor);
}

const store = (ctx: Pick<RollupCtx, 'deps'>) => new CockpitStore(ctx.deps.table, ctx.deps.indicators);

/** A view without the token's hash: what the list and the creator see. */
const shown = ({ tokenHash: _hash, ...link }: ShareLink) => link;

/**
 * A read-only link to a scope's cockpit for a meeting screen: the token is shown once (only its hash is stored),
 * names its scope, and opens until it expires or is revoked. Whoever holds it reads that scope's aggregates and
 * nothing else: no records, no drilling above it.
 */
export async function createShare(ctx: RollupCtx, input: { scope?: string; hours?: number; label?: string }) {
  const code = drillScope(readerOf(ctx).scope, input.scope);
  const token = `${code}.${randomBytes(24).toString('base64url')}`;
  return write({ ...ctx, scope: auditScope(ctx) }, (uow, now) => {
    const link: ShareLink = { id: newId(), code, tokenHash: hashOf(token), label: input.label ?? '', createdAt: now.toISOString(), createdBy: ctx.rollupScope.actor.sub, expiresAt: expiresAt(now, input.hours ?? SHARE_HOURS.default) };
    store(ctx).addShare(uow, link);
    uow.audit({ action: 'cockpit.shares.create', entityType: 'shareLink', entityId: link.id, summary: `创建驾驶舱分享链接（范围 ${code}，${link.expiresAt} 前有效）${link.label ? `：${link.label}` : ''}` });
    return { ...shown(link), token };
  });
}

/** The links of the reader's scope (theirs and their colleagues'), newest first, with whether each still opens. */
export async function listShares(ctx: RollupCtx) {
  const now = ctx.deps.clock.now().toISOString();
  const links = await store(ctx).shares(ctx.rollupScope.code);
  return { items: links.map((l) => ({ ...shown(l), open: !l.revokedAt && now < l.expiresAt })) };
}

export async function revokeShare(ctx: RollupCtx, input: { id: string }) {
  const link = assertRevocable((await store(ctx).shares(ctx.rollupScope.code)).find((l) => l.id === input.id));
  return write({ ...ctx, scope: auditScope(ctx) }, (uow, now) => {
    store(ctx).revokeShare(uow, link, now.toISOString());
    uow.audit({ action: 'cockpit.shares.revoke', entityType: 'shareLink', entityId: link.id, summary: `撤销驾驶舱分享链接（范围 ${link.code}）` });
    return { ...shown(link), revokedAt: now.toISOString(), open: false };
  });
}

/** The reader a share token stands for: its scope, every module, nothing more; and the link (its expiry, its label). */
export async function sharedReader(ctx: Pick<RollupCtx, 'deps'>, token: string): Promise<Reader & { link: { label: string; expiresAt: string } }> {
  const code = token.split('.')[0] ?? '';
  if (!/^\d{2}(\d{2}(\d{2})?)?$/.test(code)) throw new DomainError('not_found', { zh: '分享链接无效', en: 'This share link is not valid' }, { reason: 'share_unknown' });
  const link = assertShareOpen(await store(ctx).shareByHash(code, hashOf(token)), ctx.deps.clock.now());
  return { scope: { code: link.code }, deps: ctx.deps, link: { label: link.label, expiresAt: link.expiresAt } };
}

/** A meeting screen's overview: the scope's, with when the link stops opening. */
export async function sharedOverview(ctx: Pick<RollupCtx, 'deps'>, input: { token: string; scope?: string; year?: number }) {
  const reader = await sharedReader(ctx, input.token);
  return { ...(await overview(reader, input)), share: reader.link };
}
