import { shanghaiDate, shanghaiYear } from '@ufp/core/clock';
import { blindIndex } from '@ufp/core/pii/blind-index';
import type { TenantScope } from '@ufp/core/tenancy/scope';
import type { ApiDeps } from '@ufp/kit/deps';
import type { Context } from '@ufp/kit/trpc';
import { ModelWorkerStore } from '../store.js';
import { provinceOf } from '@ufp/core/rollups/scopes';

/** A tenant procedure's context. */
export type Ctx = Context & { scope: TenantScope };
type WithDeps = { deps: ApiDeps };

export const store = (ctx: WithDeps) => new ModelWorkerStore(ctx.deps.table, ctx.deps.cursors);
export const today = (ctx: WithDeps) => shanghaiDate(ctx.deps.clock.now());
export const thisYear = (ctx: WithDeps) => shanghaiYear(ctx.deps.clock.now());
export const province = (scope: { divisionCode: string }) => provinceOf(scope.divisionCode);

/** The cipher fields of the module (the encryption context names what a ciphertext is). */
export const cipherField = {
  idNumber: 'modelWorkers.person.idNumber',
  phone: 'modelWorkers.person.phone',
  survey: 'modelWorkers.survey',
  /** The household a survey hands to the hardship module (`modelWorkers.survey.submitted`). */
  handoff: 'modelWorkers.survey.handoff',
  /** A 助企行 request's enterprise contact (name and phone, as JSON). */
  visitContact: 'modelWorkers.visit.contact',
} as const;
export type CipherField = (typeof cipherField)[keyof typeof cipherField];

export const encrypt = (ctx: Ctx, value: string, field: CipherField) => ctx.deps.cipher.encrypt(value, { tenantId: ctx.scope.tenantId, field });
export const decrypt = (ctx: Ctx, ciphertext: string, field: CipherField) => ctx.deps.cipher.decrypt(ciphertext, { tenantId: ctx.scope.tenantId, field });

/** Blind indexes of an ID number: tenant-scoped (one record per person) and province-scoped (one person across federations). */
export function personIndexes(ctx: Ctx, idNumber: string) {
  return {
    idIndex: blindIndex(idNumber, { key: ctx.deps.blindIndexKey, purpose: `modelWorkers.idNumber#${ctx.scope.tenantId}` }),
    provinceIndex: blindIndex(idNumber, { key: ctx.deps.blindIndexKey, purpose: `modelWorkers.idNumber.province#${province(ctx.scope)}` }),
  };
}

/** Who is who in the tenant's user directory (user id → name). */
export async function userNames(ctx: WithDeps & { scope: TenantScope }): Promise<Map<string, string>> {
  const users = await ctx.deps.users.all(ctx.scope);
  return new Map(users.map((u) => [u.userId, u.name]));
}
