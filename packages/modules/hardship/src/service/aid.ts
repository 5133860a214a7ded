import { notFound } from '@ufp/core/errors';
import { maskBankAccount } from '@ufp/core/pii/mask';
import { newId } from '@ufp/core/ids';
import { shanghaiDate } from '@ufp/core/clock';
import { write } from '@ufp/kit/write';
import type { z } from 'zod';
import { assertBudgetCoversGranted, assertOnFile, assertWithinCap, budgetExhausted, capExceeded } from '../domain/aid.js';
import type { Fund, Grant } from '../domain/file.js';
import { aidKindLabels } from '../domain/rules.js';
import { budgetMetrics, grantMetrics } from '../domain/workflow.js';
import { aidGranted, fundSet } from '../events.js';
import type { grantInput, revealBankAccountInput, setFundInput } from '../schemas.js';
import { province, store, thisYear, today, type Ctx } from './context.js';
import { cipherField, decryptOptional, encryptOptional } from './pii.js';
import { fileSummary, grantView } from './views.js';

/** The year's budgets by fund source, and what was granted by aid kind. */
export async function listFunds(ctx: Ctx, input: { year: number }) {
  const [funds, grants] = await Promise.all([store(ctx).funds(ctx.scope, input.year), store(ctx).allGrants(ctx.scope)]);
  const byKind: Record<string, number> = {};
  for (const g of grants) if (g.year === input.year) byKind[g.kind] = (byKind[g.kind] ?? 0) + g.amountFen;
  return { funds, byKind };
}

export async function setFund(ctx: Ctx, input: z.output<typeof setFundInput>) {
  const current = await store(ctx).fund(ctx.scope, input.year, input.source);
  const granted = current?.grantedFen ?? 0;
  assertBudgetCoversGranted(input.budgetFen, granted);
  const fund: Fund = { year: input.year, source: input.source, budgetFen: input.budgetFen, grantedFen: granted, remainingFen: input.budgetFen - granted, version: (current?.version ?? 0) + 1, updatedAt: ctx.deps.clock.now().toISOString() };
  return write(ctx, (uow) => {
    store(ctx).putFund(uow, ctx.scope, fund, current?.version ?? 0);
    const metrics = budgetMetrics(input.source, current?.budgetFen ?? 0, input.budgetFen);
    uow.emit(fundSet.create({ year: input.year, source: input.source, budgetFen: input.budgetFen, ...(Object.keys(metrics).length ? { metrics } : {}) }));
    uow.audit({ action: 'hardship.funds.set', entityType: 'hardship.fund', entityId: `${input.year}#${input.source}`, summary: `设置 ${input.year} 年帮扶资金预算（${input.source}）`, changes: { budgetFen: { from: current?.budgetFen, to: input.budgetFen } } });
    return fund;
  });
}

/**
 * A grant. The budget decrement and the household-year-kind cap increment are conditions
 * in the same transaction as the grant: concurrent grants cannot overspend either.
 */
export async function grant(ctx: Ctx, input: z.output<typeof grantInput>) {
  const files = store(ctx);
  const file = await files.getFile(ctx.scope, input.fileId);
  assertOnFile(file);
  const year = thisYear(ctx);
  const cap = (await files.rules(ctx.scope, year)).caps[input.kind];
  assertWithinCap(input.kind, input.amountFen, cap);
  const now = ctx.deps.clock.now();
  const grant: Grant = {
    grantId: newId(),
    tenantId: ctx.scope.tenantId,
    fileId: file.fileId,
    year,
    kind: input.kind,
    amountFen: input.amountFen,
    fundSource: input.fundSource,
    grantedOn: shanghaiDate(now),
    grantedBy: ctx.scope.actor.sub,
    note: input.note,
    bankAccountMasked: input.bankAccount ? maskBankAccount(input.bankAccount) : undefined,
    bankAccountEncrypted: await encryptOptional(ctx, input.bankAccount?.replace(/\s+/g, '') || undefined, cipherField.bankAccount),
    createdAt: now.toISOString(),
  };
  const result = await write(ctx, (uow) => {
    files.addGrant(uow, grant, cap, { budget: budgetExhausted(year, input.amountFen), cap: capExceeded(input.kind, cap) });
    files.markProvinceAid(uow, province(ctx.scope), year, file.provinceIndex, ctx.scope.tenantId);
    const { grantId, fileId, kind, amountFen, fundSource } = grant;
    uow.emit(aidGranted.create({ grantId, fileId, kind, amountFen, fundSource, year, metrics: grantMetrics(grant) }));
    uow.audit({ action: 'hardship.aid.grant', entityType: 'hardship.grant', entityId: grantId, summary: `发放${aidKindLabels[kind].zh} ${amountFen / 100} 元：困难档案 ${file.worker.nameMasked}` });
    return grantView(grant);
  });
  const others = (await files.otherTenantsAiding(province(ctx.scope), year, ctx.scope.tenantId, [file.provinceIndex])).get(file.provinceIndex);
  return { ...result, duplicate: others ? { year, otherFederations: others } : undefined };
}

/** The unmasked bank account of a grant; every read is audit-logged. */
export async function revealBankAccount(ctx: Ctx, input: z.output<typeof revealBankAccountInput>) {
  const grant = (await store(ctx).grantsOfFile(ctx.scope, input.fileId)).find((g) => g.grantId === input.grantId);
  if (!grant) throw notFound({ zh: '发放记录', en: 'Grant' });
  const value = await decryptOptional(ctx, grant.bankAccountEncrypted, cipherField.bankAccount);
  await write(ctx, (uow) => {
    uow.audit({ action: 'pii.reveal', entityType: 'hardship.grant', entityId: grant.grantId, summary: '查看帮扶发放银行账号（明文）' });
  });
  return { value };
}

/** Province-wide check: this tenant's households also aided by another federation in the year (counts only). */
export async function duplicates(ctx: Ctx, input: { year: number }) {
  const files = (await store(ctx).allFiles(ctx.scope)).filter((f) => f.status !== 'draft' && f.status !== 'rejected');
  const flagged = await store(ctx).otherTenantsAiding(province(ctx.scope), input.year, ctx.scope.tenantId, files.map((f) => f.provinceIndex));
  const on = today(ctx);
  return files.filter((f) => flagged.has(f.provinceIndex)).map((f) => ({ ...fileSummary(f, on), otherFederations: flagged.get(f.provinceIndex)! }));
}
