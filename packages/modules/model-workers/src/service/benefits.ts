import { conflict, invalid } from '@ufp/core/errors';
import { newId } from '@ufp/core/ids';
import { write } from '@ufp/kit/write';
import type { z } from 'zod';
import { BenefitKind, entitlement, grantSlot, type BenefitAmounts } from '../domain/benefits.js';
import { HonourLevel } from '../domain/ladder.js';
import { benefitGranted } from '../events.js';
import { benefitGrantMetrics } from '../metrics-deltas.js';
import type { GrantBenefitInput, setBenefitAmountsInput, setBenefitBudgetInput } from '../schemas/surveys.js';
import { personMissing } from '../store.js';
import { BenefitStore, type BenefitBudget, type BenefitGrant } from '../survey-store.js';
import { store, today, userNames, type Ctx } from './context.js';

type In<S extends z.ZodType> = z.output<S>;

const benefits = (ctx: Ctx) => new BenefitStore(ctx.deps.table);
const yuan = (fen: number) => `¥${(fen / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
const noBudget = (year: number) => conflict({ zh: `尚未设置 ${year} 年劳模待遇预算`, en: `No ${year} budget for model-worker benefits yet` }, { field: 'grantedOn', reason: 'no_budget' });
const overBudget = (year: number, remaining: number | undefined, amount: number) =>
  conflict(
    { zh: `${year} 年劳模待遇预算不足：本次 ${yuan(amount)}，剩余 ${yuan(remaining ?? 0)}`, en: `The ${year} benefits budget is short: ${yuan(amount)} asked, ${yuan(remaining ?? 0)} left` },
    { field: 'amountFen', reason: 'budget_exceeded' },
  );

/** The year's budget (zero when not set) and the amounts by kind and level. */
export async function budgets(ctx: Ctx, input: { year: number }) {
  const repo = benefits(ctx);
  const [budget, amounts] = await Promise.all([repo.budget(ctx.scope.tenantId, input.year), repo.amounts(ctx.scope.tenantId)]);
  return {
    year: input.year,
    budget: budget ?? { year: input.year, budgetFen: 0, grantedFen: 0, remainingFen: 0, version: 0, updatedAt: null },
    amounts: amounts.amounts,
    amountsVersion: amounts.version,
  };
}

/** Sets a year's budget; never below what is already granted. */
export async function setBudget(ctx: Ctx, input: In<typeof setBenefitBudgetInput>) {
  const before = await benefits(ctx).budget(ctx.scope.tenantId, input.year);
  const granted = before?.grantedFen ?? 0;
  if (input.budgetFen < granted) throw invalid({ zh: `预算不能少于已发放的 ${yuan(granted)}`, en: `The budget cannot be below the ${yuan(granted)} already granted` }, { field: 'budgetFen' });
  return write(ctx, (uow, now) => {
    const after: BenefitBudget = { year: input.year, budgetFen: input.budgetFen, grantedFen: granted, remainingFen: input.budgetFen - granted, version: input.version + 1, updatedAt: now.toISOString() };
    benefits(ctx).putBudget(uow, ctx.scope.tenantId, after, input.version);
    uow.audit({ action: 'modelWorkers.benefits.setBudget', entityType: 'modelWorkers.benefitBudget', entityId: String(input.year), summary: `设置 ${input.year} 年劳模待遇预算 ${yuan(input.budgetFen)}`, changes: { budgetFen: { from: before?.budgetFen ?? 0, to: input.budgetFen } } });
    return after;
  });
}

/** Sets the amounts by kind and treatment level (a per-tenant setting). */
export async function setAmounts(ctx: Ctx, input: In<typeof setBenefitAmountsInput>) {
  const before = await benefits(ctx).amounts(ctx.scope.tenantId);
  return write(ctx, (uow, now) => {
    benefits(ctx).putAmounts(uow, ctx.scope.tenantId, input.amounts, input.version, now.toISOString());
    uow.audit({ action: 'modelWorkers.benefits.setAmounts', entityType: 'modelWorkers.benefitAmounts', entityId: 'amounts', summary: `修改劳模待遇标准：${describe(input.amounts)}`, changes: { amounts: { from: describe(before.amounts), to: describe(input.amounts) } } });
    return { amounts: input.amounts, version: input.version + 1 };
  });
}

const describe = (a: BenefitAmounts) => BenefitKind.values.map((k) => `${BenefitKind.labels[k].zh} ${HonourLevel.values.map((l) => `${HonourLevel.labels[l].zh}${a[k][l] / 100}`).join('/')}`).join('；');

async function quoteFor(ctx: Ctx, input: GrantBenefitInput) {
  if (input.grantedOn > today(ctx)) throw invalid({ zh: `发放日期 ${input.grantedOn} 晚于今天`, en: `Grant date ${input.grantedOn} is after today` }, { field: 'grantedOn' });
  const person = await store(ctx).findPerson(ctx.scope, input.personId);
  if (!person) throw personMissing();
  const year = Number(input.grantedOn.slice(0, 4));
  const repo = benefits(ctx);
  const [{ amounts }, budget] = await Promise.all([repo.amounts(ctx.scope.tenantId), repo.budget(ctx.scope.tenantId, year)]);
  const due = entitlement(person, input.kind, input.grantedOn, amounts, input.amountFen);
  if (!budget) throw noBudget(year);
  if (budget.remainingFen < due.amountFen) throw overBudget(year, budget.remainingFen, due.amountFen);
  return { person, year, due, budget };
}

/** What a grant would pay and leave in the budget (the confirmation reads it), or the refusal it would meet. */
export async function quote(ctx: Ctx, input: GrantBenefitInput) {
  const { person, year, due, budget } = await quoteFor(ctx, input);
  return { personId: person.personId, nameMasked: person.nameMasked, kind: input.kind, year, level: due.level, amountFen: due.amountFen, reducedBy: due.reducedBy, remainingFen: budget.remainingFen, remainingAfterFen: budget.remainingFen - due.amountFen };
}

/**
 * Grants a benefit at the person's treatment level on the grant day, against the year's budget (a conditional
 * decrement in the same transaction: never below zero). Refused for a revoked honour (naming it and its day),
 * a deceased person or a revoked title, and a second 春节慰问 in a year or 荣誉津贴 in a month.
 */
export async function grant(ctx: Ctx, input: GrantBenefitInput) {
  const { person, year, due, budget } = await quoteFor(ctx, input);
  const slot = grantSlot(input.kind, person.personId, input.grantedOn);
  const kindLabel = BenefitKind.labels[input.kind];
  return write(ctx, (uow, now) => {
    const grant: BenefitGrant = {
      grantId: newId(),
      tenantId: ctx.scope.tenantId,
      personId: person.personId,
      personNameMasked: person.nameMasked,
      unitId: person.unitId,
      benefit: input.kind,
      level: due.level,
      amountFen: due.amountFen,
      year,
      grantedOn: input.grantedOn,
      note: input.note,
      grantedBy: ctx.scope.actor.sub,
      createdAt: now.toISOString(),
    };
    benefits(ctx).addGrant(uow, grant, slot, {
      budget: overBudget(year, undefined, due.amountFen),
      slot: conflict(
        { zh: `${person.nameMasked} 已领取${input.kind === 'spring_festival' ? ` ${year} 年` : ` ${input.grantedOn.slice(0, 7)} 月`}的${kindLabel.zh}`, en: `${kindLabel.en} already granted to this person for this ${input.kind === 'spring_festival' ? 'year' : 'month'}` },
        { field: 'kind', reason: 'already_granted' },
      ),
    });
    uow.emit(benefitGranted.create({ grantId: grant.grantId, kind: input.kind, level: due.level, amountFen: due.amountFen, year, metrics: benefitGrantMetrics(input.kind, due.amountFen) }));
    uow.audit({
      action: 'modelWorkers.benefits.grant',
      entityType: 'modelWorkers.benefitGrant',
      entityId: grant.grantId,
      summary: `向 ${person.nameMasked} 发放${kindLabel.zh} ${yuan(due.amountFen)}（${HonourLevel.labels[due.level].zh}待遇，${input.grantedOn}）${due.reducedBy ? `；「${due.reducedBy.title}」已于 ${due.reducedBy.revokedOn} 撤销，按较低级别发放` : ''}`,
    });
    return { ...grant, reducedBy: due.reducedBy, remainingAfterFen: budget.remainingFen - due.amountFen };
  });
}

/** The year's grants, newest first, with the total (a person's only when `personId` is given). */
export async function list(ctx: Ctx, input: { year: number; personId?: string }) {
  const [grants, names] = await Promise.all([benefits(ctx).grants(ctx.scope.tenantId, input.year), userNames(ctx)]);
  const items = grants.filter((g) => !input.personId || g.personId === input.personId).map((g) => ({ ...g, grantedByName: names.get(g.grantedBy) }));
  return { year: input.year, items, totalFen: items.reduce((sum, g) => sum + g.amountFen, 0) };
}
