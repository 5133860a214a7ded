import { platformAuditScope } from '@ufp/core/tenancy/scope';
import { tenantPrefix } from '@ufp/db/keys';
import type { AuditEntry } from '@ufp/db/unit-of-work';
import { TableDeadLetterSource, type RedriveSummary } from '@ufp/events/dead-letters';
import { write } from '@ufp/kit/write';
import type { z } from 'zod';
import { describeFilter, redriveAudit, replayAudit, requireFound, requireReplayed } from '../domain/dead-letter.js';
import type { deadLetterFilterInput, pageOnlyInput, redriveInput } from '../schemas.js';
import type { PlatformCtx, TenantCtx } from './context.js';

/** The consumer failures parked in the caller's own tenant. */
export const listParked = (ctx: TenantCtx, input: z.output<typeof pageOnlyInput>) => ctx.deps.deadLetters.list(tenantPrefix(ctx.scope.tenantId), input ?? {});

/** A tenant admin's replay of one parked letter, audited in the tenant's log whatever the outcome. */
export async function replay(ctx: TenantCtx, id: string): Promise<{ ok: true; outcome: string }> {
  const [first] = await ctx.deps.parkedLetters.redrive([TableDeadLetterSource.idOf(ctx.scope.tenantId, id)]);
  const result = requireFound(first);
  await write(ctx, (uow) => {
    uow.audit(replayAudit(id, result));
  });
  requireReplayed(result);
  return { ok: true as const, outcome: result.outcome };
}

/** Every dead letter the operator may see (table and, in AWS, the SQS queues), with counts per tenant and module. */
export const overview = (ctx: PlatformCtx, input: z.output<typeof deadLetterFilterInput> | undefined) => ctx.deps.deadLetterOffice.overview(input ?? {});

/** Written in the platform's own audit log (its own transaction: the redrive itself is not transactional). */
function auditInPlatformLog(ctx: PlatformCtx, entry: AuditEntry): Promise<void> {
  return write({ ...ctx, scope: platformAuditScope(ctx.actor) }, (uow) => {
    uow.audit(entry);
  });
}

/** Puts each event back where it failed: the letters named, or every redrivable one of a filter (MAX_REDRIVE per call). */
export async function redrive(ctx: PlatformCtx, input: z.output<typeof redriveInput>): Promise<RedriveSummary & { remaining: number }> {
  if (input.ids) {
    const summary = await ctx.deps.deadLetterOffice.redrive(input.ids);
    await auditInPlatformLog(ctx, redriveAudit(`选定 ${input.ids.length} 条`, summary));
    return { ...summary, remaining: 0 };
  }
  const filter = input.all ?? {};
  const summary = await ctx.deps.deadLetterOffice.redriveAll(filter);
  await auditInPlatformLog(ctx, redriveAudit(`全部：${describeFilter(filter)}`, summary));
  return summary;
}
