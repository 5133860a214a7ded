import { createHmac } from 'node:crypto';
import { shanghaiDate } from '@ufp/core/clock';
import { conflict, notFound } from '@ufp/core/errors';
import { newId } from '@ufp/core/ids';
import type { TenantScope } from '@ufp/core/tenancy/scope';
import { publicTenant, type Context } from '@ufp/kit/trpc';
import { write } from '@ufp/kit/write';
import type { z } from 'zod';
import { CampaignStore, nominationMissing, objectionMissing } from '../campaign-store.js';
import { close } from '../domain/nomination.js';
import { assertObjectionWindow, decideObjection, publicityPhase, type Objection } from '../domain/publicity.js';
import type { campaignIdInput, decideObjectionInput, objectInput, publicNoticeInput } from '../schemas/campaigns.js';
import { today, type Ctx } from './context.js';
import { campaigns } from './campaigns.js';
import { stepped } from './nominations.js';

type In<S extends z.ZodType> = z.output<S>;

const noNotice = () => notFound({ zh: '公示', en: 'Public notice' });

/** The tenant named by a public link, and the scope its audit entries are written under (the public has no account). */
async function publicScope(ctx: Context, tenantId: string) {
  const tenant = await publicTenant(ctx, tenantId, noNotice);
  const scope: TenantScope = { kind: 'tenant', tenantId: tenant.id, divisionCode: tenant.divisionCode, actor: { sub: 'public', roles: [] } };
  return { tenant, scope };
}

/**
 * The public 公示 page (no login): the list on notice with masked names, the union and the short 事迹,
 * never an ID number. Only a campaign whose 公示 has started shows anything.
 */
export async function notice(ctx: Context, input: In<typeof publicNoticeInput>) {
  const { tenant, scope } = await publicScope(ctx, input.tenantId);
  const c = await new CampaignStore(ctx.deps.table).findCampaign(tenant.id, input.campaignId);
  const on = shanghaiDate(ctx.deps.clock.now());
  if (!c || publicityPhase(c, on) === 'none' || publicityPhase(c, on) === 'upcoming') throw noNotice();
  const list = (await new CampaignStore(ctx.deps.table).nominations(tenant.id, c.campaignId)).filter((n) => n.status === 'reviewed' || n.status === 'approved');
  const unitIds = [...new Set(list.map((n) => n.unitId).filter((u): u is string => !!u))];
  const units = new Map(await Promise.all(unitIds.map(async (u) => [u, (await ctx.deps.units.get(scope, u).catch(() => undefined))?.name ?? ''] as const)));
  return {
    federation: tenant.name,
    title: c.title,
    honour: c.honour,
    year: c.year,
    publicity: { startsOn: c.publicity!.startsOn, endsOn: c.publicity!.endsOn },
    phase: publicityPhase(c, on),
    entries: list.map((n) => ({ nominationId: n.nominationId, nameMasked: n.nameMasked, unitName: (n.unitId && units.get(n.unitId)) || null, occupation: n.occupation, deedsShort: n.deedsShort })),
  };
}

/**
 * 公示异议 from the public: only while the 公示 runs, against a nominee on the list. One per client,
 * nominee and day (the client is a keyed hash of its address, as the 十件实事 rating does; the address is
 * never stored), and the platform's fair-use limit per anonymous client applies on top.
 */
export async function submit(ctx: Context, input: In<typeof objectInput>) {
  const { tenant, scope } = await publicScope(ctx, input.tenantId);
  const repo = new CampaignStore(ctx.deps.table);
  const c = await repo.findCampaign(tenant.id, input.campaignId);
  if (!c) throw noNotice();
  const now = ctx.deps.clock.now();
  const on = shanghaiDate(now);
  assertObjectionWindow(c, on);
  const n = await repo.findNomination(tenant.id, c.campaignId, input.nominationId);
  if (!n || (n.status !== 'reviewed' && n.status !== 'approved')) throw nominationMissing();
  const client = createHmac('sha256', ctx.deps.blindIndexKey).update(`mwObjection|${ctx.clientIp ?? 'unknown'}`).digest('base64url').slice(0, 22);
  const objection: Objection = { objectionId: newId(), tenantId: tenant.id, campaignId: c.campaignId, nominationId: n.nominationId, text: input.text, receivedOn: on, receivedAt: now.toISOString(), version: 1 };
  // A fresh correlation id: the client's own x-correlation-id header must not travel into the tenant's log.
  await write({ ...ctx, scope, correlationId: newId() }, (uow) => {
    repo.addObjection(uow, objection, client, now);
    uow.audit({ action: 'modelWorkers.objections.submit', entityType: 'modelWorkers.objection', entityId: objection.objectionId, summary: `收到对 ${n.nameMasked} 的公示异议（评选「${c.title}」）` });
  });
  return { objectionId: objection.objectionId, receivedOn: on };
}

/** Staff: the objections to a campaign's list, with the nominee each concerns. */
export async function list(ctx: Ctx, input: In<typeof campaignIdInput>) {
  const repo = campaigns(ctx);
  const [objections, nominations] = await Promise.all([repo.objections(ctx.scope.tenantId, input.campaignId), repo.nominations(ctx.scope.tenantId, input.campaignId)]);
  const byId = new Map(nominations.map((n) => [n.nominationId, n]));
  return objections.map((o) => ({ ...o, nameMasked: byId.get(o.nominationId)?.nameMasked ?? null, name: byId.get(o.nominationId)?.name ?? null }));
}

/** A decision on an objection; an upheld objection rejects the nomination in the same transaction. */
export async function decide(ctx: Ctx, input: In<typeof decideObjectionInput>) {
  const repo = campaigns(ctx);
  const before = await repo.findObjection(ctx.scope.tenantId, input.campaignId, input.objectionId);
  if (!before) throw objectionMissing();
  if (input.version !== undefined && input.version !== before.version) throw conflict({ zh: '该异议已被他人处理，请刷新后重试', en: 'This objection was changed by someone else: reload and try again' }, { reason: 'stale_version' });
  const [n, roster, c] = await Promise.all([repo.findNomination(ctx.scope.tenantId, input.campaignId, before.nominationId), repo.roster(ctx.scope.tenantId, input.campaignId), repo.getCampaign(ctx.scope.tenantId, input.campaignId)]);
  if (!n) throw nominationMissing();
  return write(ctx, (uow, now) => {
    const d = { now, today: today(ctx), scope: ctx.scope };
    const decision = decideObjection(before, input, d);
    repo.saveObjection(uow, { ...decision.after, version: before.version + 1 }, before.version);
    uow.audit(decision.audit);
    if (input.outcome === 'upheld' && (n.status === 'nominated' || n.status === 'reviewed')) {
      const rejected = close(n, { to: 'rejected', reason: `公示异议成立：${input.reason}` }, d);
      repo.saveNomination(uow, { ...rejected.after, version: n.version + 1 }, n.version);
      repo.putRoster(uow, roster, roster.entries.filter((e) => e.nominationId !== n.nominationId));
      uow.emit(stepped(c, n, 'rejected'));
      uow.audit(rejected.audit);
    }
    return { ...decision.after, version: before.version + 1 };
  });
}
