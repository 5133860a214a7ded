import { shanghaiDate, shanghaiYear } from '@ufp/core/clock';
import { blindIndex } from '@ufp/core/pii/blind-index';
import type { TenantScope } from '@ufp/core/tenancy/scope';
import type { ApiDeps } from '@ufp/kit/deps';
import type { Context } from '@ufp/kit/trpc';
import { CompetitionStore } from '../store.js';

/** A tenant procedure's context. */
export type Ctx = Context & { scope: TenantScope };
type WithDeps = { deps: ApiDeps };

export const store = (ctx: WithDeps) => new CompetitionStore(ctx.deps.table);
export const today = (ctx: WithDeps) => shanghaiDate(ctx.deps.clock.now());
export const thisYear = (ctx: WithDeps) => shanghaiYear(ctx.deps.clock.now());

/** The cipher fields of the module (the encryption context names what a ciphertext is). */
export const cipherField = {
  idNumber: 'competitions.contestant.idNumber',
  phone: 'competitions.contestant.phone',
  /** A stage's work number ↔ contestant mapping (JSON). */
  workNumbers: 'competitions.workNumbers',
  /** The person a finalized result hands to 劳模 (`competitions.results.finalized`). */
  handoff: 'competitions.results.handoff',
} as const;
export type CipherField = (typeof cipherField)[keyof typeof cipherField];

export const encrypt = (ctx: Ctx, value: string, field: CipherField) => ctx.deps.cipher.encrypt(value, { tenantId: ctx.scope.tenantId, field });
export const decrypt = (ctx: Ctx, ciphertext: string, field: CipherField) => ctx.deps.cipher.decrypt(ciphertext, { tenantId: ctx.scope.tenantId, field });

/** One registration per person and 赛项: the ID number's blind index, scoped to the 赛项. */
export const contestantIndex = (ctx: Ctx, eventId: string, idNumber: string) =>
  blindIndex(idNumber, { key: ctx.deps.blindIndexKey, purpose: `competitions.idNumber#${ctx.scope.tenantId}#${eventId}` });
