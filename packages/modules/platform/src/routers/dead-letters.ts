import { z } from 'zod';
import { conflict } from '@ufp/core/errors';
import { platformAuditScope, type Actor } from '@ufp/core/tenancy/scope';
import { tenantPrefix } from '@ufp/db/keys';
import { deadLetterMissing } from '@ufp/db/repositories/dead-letters';
import { UnitOfWork } from '@ufp/db/unit-of-work';
import { deadLetterSourceKinds, MAX_REDRIVE, TableDeadLetterSource, type RedriveSummary } from '@ufp/events/dead-letters';
import { limits } from '@ufp/core/validation/limits';
import { recordId, text } from '@ufp/core/validation/zod';
import { idInput, pageInput } from '@ufp/kit/schemas';
import type { ApiDeps } from '@ufp/kit/deps';
import { platformProcedure, router, tenantProcedure } from '@ufp/kit/trpc';
import { write } from '@ufp/kit/write';

const admins = tenantProcedure(['federation_admin']);

/** A tenant admin's own tenant: the consumer failures parked there, and a replay of one. */
export const deadLettersRouter = router({
  list: admins.input(z.object(pageInput).optional()).query(({ ctx, input }) => ctx.deps.deadLetters.list(tenantPrefix(ctx.scope.tenantId), input ?? {})),
  replay: admins.input(z.object({ id: idInput })).mutation(async ({ ctx, input }) => {
    const [result] = await ctx.deps.parkedLetters.redrive([TableDeadLetterSource.idOf(ctx.scope.tenantId, input.id)]);
    if (!result || result.outcome === 'notFound') throw deadLetterMissing();
    await write(ctx, (uow) => {
      uow.audit({ action: 'deadLetters.replay', entityType: 'deadLetter', entityId: input.id, summary: `重放死信 ${input.id}：${result.outcome}` });
    });
    if (result.outcome === 'failed') {
      throw conflict({ zh: `重放失败，处理器仍然报错：${result.reason ?? ''}`, en: `Replay failed, the consumer still fails: ${result.reason ?? ''}` }, { reason: 'consumer_failed' });
    }
    return { ok: true as const, outcome: result.outcome };
  }),
});

const filterInput = z.object({
  tenantId: recordId(limits.deadLetters.tenantId.max).optional(),
  module: text(limits.deadLetters.module).optional(),
  source: z.enum(deadLetterSourceKinds).optional(),
});

/** `table/<tenant>/<letter>` or `sqs/<queue>/<message>[/<sequence>]`, as the list hands them out. */
const letterId = z
  .string()
  .max(300)
  .refine((v) => /^(table|sqs)\/[^/\s]{1,100}\/[^/\s]{1,100}(\/\d{1,60})?$/.test(v), { message: '死信编号格式不正确', params: { en: 'Malformed dead-letter id' } });

const redriveInput = z
  .object({
    ids: z.array(letterId).min(1).max(MAX_REDRIVE).optional(),
    /** Every redrivable letter matching this filter ({} = all), up to MAX_REDRIVE per call. */
    all: filterInput.optional(),
  })
  .superRefine((v, ctx) => {
    if (!v.ids === !v.all) {
      ctx.addIssue({ code: 'custom', message: '请指定要重新投递的死信（ids）或筛选条件下的全部（all），二者选一', params: { en: 'Give either the letters to redrive (ids) or all of a filter (all), not both' } });
    }
  });

const outcomeZh: Record<string, string> = { processed: '已处理', duplicate: '此前已处理', redriven: '已重新投递', failed: '失败', notFound: '未找到', notRedrivable: '无法重新投递' };

/** One entry in the platform's own audit log per redrive, with what happened to each letter. */
async function auditRedrive(ctx: { deps: ApiDeps; correlationId: string; actor: Actor }, what: string, summary: RedriveSummary): Promise<void> {
  const uow = new UnitOfWork(ctx.deps.table, { scope: platformAuditScope(ctx.actor), correlationId: ctx.correlationId, now: ctx.deps.clock.now() });
  const outcomes = summary.results.map((r) => `${r.id}${r.copyOf ? '（副本）' : ''}：${outcomeZh[r.outcome] ?? r.outcome}`);
  uow.audit({
    action: 'platform.deadLetters.redrive',
    entityType: 'deadLetter',
    entityId: summary.results.length === 1 ? summary.results[0]!.id : `${summary.results.length}`,
    summary: `重新投递死信（${what}）：成功 ${summary.succeeded}，失败 ${summary.failed}，跳过 ${summary.skipped}。${outcomes.slice(0, 20).join('；')}${outcomes.length > 20 ? '；…' : ''}`.slice(0, 2000),
    changes: { outcomes: { to: summary.results.map(({ id, outcome, copyOf }) => ({ id, outcome, ...(copyOf ? { copyOf } : {}) })) } },
  });
  await uow.commit();
}

/**
 * The platform operator's dead letters across every tenant and holder (the table; in AWS also the
 * rule, Pipe and consumer-failure SQS queues): one view, counts per tenant and module, and a
 * redrive that puts each event back where it failed, audited in the platform's own log. Events
 * carry ids and numbers only, so the operator sees no tenant's personal data here.
 */
export const platformDeadLettersRouter = router({
  list: platformProcedure.input(filterInput.optional()).query(({ ctx, input }) => ctx.deps.deadLetterOffice.overview(input ?? {})),
  redrive: platformProcedure.input(redriveInput).mutation(async ({ ctx, input }) => {
    if (input.ids) {
      const summary = await ctx.deps.deadLetterOffice.redrive(input.ids);
      await auditRedrive(ctx, `选定 ${input.ids.length} 条`, summary);
      return { ...summary, remaining: 0 };
    }
    const filter = input.all ?? {};
    const summary = await ctx.deps.deadLetterOffice.redriveAll(filter);
    const described = Object.entries(filter).map(([k, v]) => `${k}=${v}`).join('，') || '全部';
    await auditRedrive(ctx, `全部：${described}`, summary);
    return summary;
  }),
});
