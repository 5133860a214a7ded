import { shanghaiDate } from '@ufp/core/clock';
import { staleVersion, type DomainError } from '@ufp/core/errors';
import type { DefinedEvent } from '@ufp/core/events';
import type { TenantScope } from '@ufp/core/tenancy/scope';
import type { AuditEntry, UnitOfWork } from '@ufp/db/unit-of-work';
import type { Context } from './trpc.js';
import { write } from './write.js';

export interface DecideContext {
  now: Date;
  /** The day in Asia/Shanghai. */
  today: string;
  scope: TenantScope;
}

/** What a pure `decide` returns: the new state, the events it publishes and the audit entry. Refusals are thrown `DomainError`s. */
export interface Decision<A> {
  after: A;
  events?: readonly DefinedEvent[];
  audit: AuditEntry;
}

export interface TransitionSpec<A extends { version: number }, I, R = A> {
  /** Reads the aggregate with its version. */
  load(): Promise<A | undefined>;
  missing(): DomainError;
  decide(before: A, input: I, ctx: DecideContext): Decision<A>;
  /** Writes `after` (version already bumped) with a condition on `before.version`; default writes of other items go here too. */
  save(uow: UnitOfWork, after: A, before: A): void;
  /** The version the caller last saw (optimistic lock from the client), when it sent one. */
  expectedVersion?: number;
  /** What the call answers, and what an idempotent replay answers (stored in the same transaction); the stored `after` when absent. */
  view?(after: A, ctx: DecideContext): R;
}

export type WriteCtx = Context & { scope: TenantScope };

/**
 * read with version → pure decide → one UnitOfWork (version check, outbox, audit, idempotency answer).
 * The result is the stored `after`, or `spec.view` of it.
 */
export async function transition<A extends { version: number }, I, R = A>(ctx: WriteCtx, spec: TransitionSpec<A, I, R>, input: I): Promise<R> {
  const before = await spec.load();
  if (!before) throw spec.missing();
  if (spec.expectedVersion !== undefined && spec.expectedVersion !== before.version) throw staleVersion();
  return write(ctx, (uow, now) => {
    const decideCtx = { now, today: shanghaiDate(now), scope: ctx.scope };
    const decision = spec.decide(before, input, decideCtx);
    const after = { ...decision.after, version: before.version + 1 };
    spec.save(uow, after, before);
    for (const event of decision.events ?? []) uow.emit(event);
    uow.audit(decision.audit);
    return spec.view ? spec.view(after, decideCtx) : (after as unknown as R);
  });
}

