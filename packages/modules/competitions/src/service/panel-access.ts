import { DomainError } from '@ufp/core/errors';
import type { Role } from '@ufp/core/roles';
import type { TenantScope } from '@ufp/core/tenancy/scope';
import type { EventItem, PanelJudge } from '../items.js';
import { store, type Ctx } from './context.js';

/**
 * Panel roles of a 赛项 (judge, chief judge, 监督仲裁组) are not platform roles: they are the 赛项's `panel`, user ids of the
 * tenant's directory. The router's tier lets the tenant's users in; these checks decide who of them may act on a 赛项.
 * A missing 赛项 is 404 before any panel check (load it with `eventFor…`).
 */
export type PanelRole = 'judge' | 'chief' | 'arbiter';
export const PANEL_ROLES: readonly PanelRole[] = ['judge', 'chief', 'arbiter'];

type WithPanel = Pick<EventItem, 'panel'>;

/** The caller is not on the 赛项's panel (in the role needed): 403 `not_on_panel`. */
export const notOnPanel = () =>
  new DomainError('forbidden', { zh: '您不是本赛项的裁判或监督仲裁人员，无此权限', en: 'You are not on the panel of this event in the role this needs' }, { reason: 'not_on_panel' });

/** The roles `sub` holds on this 赛项's panel: judge (any judge entry), chief (a judge with `chief`), arbiter (监督仲裁组). */
export function panelRoles(event: WithPanel, sub: string): PanelRole[] {
  const judge = event.panel.judges.find((j) => j.userId === sub);
  const roles: PanelRole[] = [];
  if (judge) roles.push('judge');
  if (judge?.chief) roles.push('chief');
  if (event.panel.arbiters.some((a) => a.userId === sub)) roles.push('arbiter');
  return roles;
}

/** Refuses (403 `not_on_panel`) unless `sub` holds `role` (or one of `roles`) on the panel. */
export function assertPanelRole(event: WithPanel, sub: string, role: PanelRole | readonly PanelRole[]): void {
  const wanted = typeof role === 'string' ? [role] : role;
  const held = panelRoles(event, sub);
  if (!wanted.some((r) => held.includes(r))) throw notOnPanel();
}

/** The caller's judge entry (their unit keeps them from its contestants); 403 `not_on_panel` when they judge nothing here. */
export function panelJudge(event: WithPanel, sub: string): PanelJudge {
  const judge = event.panel.judges.find((j) => j.userId === sub);
  if (!judge) throw notOnPanel();
  return judge;
}

const STAFF: readonly Role[] = ['federation_admin', 'federation_staff'];
/** Federation staff (admin or staff) of the tenant: the organiser, who may act without a panel role. */
export const isStaff = (scope: TenantScope): boolean => scope.actor.roles.some((r) => STAFF.includes(r));

/** The 赛项 (404 first), then the caller must hold one of `roles` on its panel (403). */
export async function eventForPanel(ctx: Ctx, eventId: string, roles: PanelRole | readonly PanelRole[]): Promise<EventItem> {
  const event = await store(ctx).event(ctx.scope.tenantId, eventId);
  assertPanelRole(event, ctx.scope.actor.sub, roles);
  return event;
}

/** The 赛项 (404 first), then the caller must be staff or hold one of `roles` on its panel (403). */
export async function eventForStaffOrPanel(ctx: Ctx, eventId: string, roles: PanelRole | readonly PanelRole[]): Promise<EventItem> {
  const event = await store(ctx).event(ctx.scope.tenantId, eventId);
  if (!isStaff(ctx.scope)) assertPanelRole(event, ctx.scope.actor.sub, roles);
  return event;
}
