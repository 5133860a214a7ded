import { conflict, notFound, staleVersion } from '@ufp/core/errors';
import { maskBankAccount, maskIdNumber } from '@ufp/core/pii/mask';
import { newId } from '@ufp/core/ids';
import { shanghaiDate } from '@ufp/core/clock';
import { write } from '@ufp/kit/write';
import type { z } from 'zod';
import { assertBudgetCoversGranted, assertCanDecide, assertOnFile, assertWithinCap, assertWithinStudentAmount, budgetExhausted, capExceeded, identifiedStudent, needsApproval, studentAlreadyAided, type GrantStudent } from '../domain/aid.js';
import type { Fund, Grant, GrantRequest, HardshipFile } from '../domain/file.js';
import { aidKindLabels, fundSourceLabels, SchoolLevel, type AidKind, type HardshipRulePack } from '../domain/rules.js';
import { checkDisbursement, PaymentChannel } from '../domain/disbursement.js';
import { exportWorkbook, xlsxFile, type ExportSheet } from '@ufp/kit/excel';
import { budgetMetrics, grantMetrics } from '../domain/workflow.js';
import { aidGranted, fundSet } from '../events.js';
import type { approveGrantInput, declineGrantInput, disburseInput, grantInput, reconciliationInput, revealBankAccountInput, setFundInput } from '../schemas.js';
import { province, store, thisYear, today, type Ctx } from './context.js';
import { cipherField, decryptHousehold, decryptOptional, encryptOptional, indexes } from './pii.js';
import type { GrantLimit } from '../store.js';
import { fileSummary, grantRequestView, grantView } from './views.js';

/** The year's budgets by fund source, and what was granted by aid kind (临时救助 without a file included). */
export async function listFunds(ctx: Ctx, input: { year: number }) {
  const [funds, grants, temporary] = await Promise.all([store(ctx).funds(ctx.scope, input.year), store(ctx).allGrants(ctx.scope), store(ctx).temporaryAids(ctx.scope, input.year)]);
  const byKind: Record<string, number> = {};
  for (const g of grants) if (g.year === input.year) byKind[g.kind] = (byKind[g.kind] ?? 0) + g.amountFen;
  // 临时救助 without a file draws on the same budgets (once converted it is one of the file's grants, counted above).
  for (const a of temporary) if (a.status === 'open') byKind.temporary = (byKind.temporary ?? 0) + a.amountFen;
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
 * What bounds a grant, checked here for the one grant alone (the rest are conditions of its transaction): the
 * household's yearly cap of the kind, or for 金秋助学 the student — a member of the household other than the
 * worker, known by their ID number (on file, or as the grant form gives it), within the level's amount per
 * student, and one grant per student per year (the guard's condition).
 */
async function grantLimit(
  ctx: Ctx,
  file: HardshipFile,
  rules: HardshipRulePack,
  grant: { kind: AidKind; amountFen: number; year: number; student?: GrantStudent & { idNumber?: string } },
): Promise<GrantLimit> {
  // An education request made before grants named their student has none: the household cap it was made under applies.
  if (grant.kind !== 'education' || !grant.student) {
    const capFen = rules.caps[grant.kind];
    assertWithinCap(grant.kind, grant.amountFen, capFen);
    return { capFen, onOver: capExceeded(grant.kind, capFen) };
  }
  // The number typed on the form is blind-indexed and masked here; only its index is kept (on the grant and the guard).
  const { idNumber, ...chosen } = grant.student;
  const typed = idNumber ? { idIndex: indexes(ctx, idNumber).idIndex, idMasked: maskIdNumber(idNumber) } : undefined;
  const student = identifiedStudent(file, (await decryptHousehold(ctx, file)).members, chosen, typed);
  assertWithinStudentAmount(student, grant.amountFen, rules);
  return { student, onRepeat: studentAlreadyAided(grant.year) };
}

/** The student a limit identified (the grant records who the guard was kept for), or none. */
const limitStudent = (limit: GrantLimit) => ('student' in limit ? { student: limit.student } : {});

/**
 * A grant. The budget decrement and the grant's limit (the household-year-kind cap, or the 金秋助学 student's
 * once-a-year guard) are conditions in the same transaction as the grant: concurrent grants cannot overspend either.
 * A grant above the rule pack's approval threshold is only requested here: a second staff member approves it
 * (`approve`), and only then is it paid from the budget.
 */
export async function grant(ctx: Ctx, input: z.output<typeof grantInput>) {
  const files = store(ctx);
  const file = await files.getFile(ctx.scope, input.fileId);
  assertOnFile(file);
  const year = thisYear(ctx);
  const rules = await files.rules(ctx.scope, year);
  const limit = await grantLimit(ctx, file, rules, { ...input, year });
  const now = ctx.deps.clock.now();
  const fields = {
    grantId: newId(),
    tenantId: ctx.scope.tenantId,
    fileId: file.fileId,
    year,
    kind: input.kind,
    amountFen: input.amountFen,
    fundSource: input.fundSource,
    ...limitStudent(limit),
    note: input.note,
    bankAccountMasked: input.bankAccount ? maskBankAccount(input.bankAccount) : undefined,
    bankAccountEncrypted: await encryptOptional(ctx, input.bankAccount?.replace(/\s+/g, '') || undefined, cipherField.bankAccount),
    createdAt: now.toISOString(),
  };
  if (needsApproval(input.amountFen, rules)) {
    const request: GrantRequest = { ...fields, status: 'pending', requestedBy: ctx.scope.actor.sub, requestedOn: shanghaiDate(now), version: 1 };
    return write(ctx, (uow) => {
      files.addGrantRequest(uow, request);
      uow.audit({
        action: 'hardship.aid.request',
        entityType: 'hardship.grant',
        entityId: request.grantId,
        summary: `申请发放${aidKindLabels[input.kind].zh}${studentNote(request)} ${input.amountFen / 100} 元：困难档案 ${file.worker.nameMasked}（超过审批额度 ${rules.grantApprovalAboveFen! / 100} 元，待另一名工作人员审批）`,
      });
      return { ...grantRequestView(request), pendingApproval: true as const, duplicate: undefined };
    });
  }
  const grant: Grant = { ...fields, grantedOn: shanghaiDate(now), grantedBy: ctx.scope.actor.sub };
  return { ...(await payGrant(ctx, file, grant, limit)), pendingApproval: false as const };
}

/** The audit summary's mention of a 金秋助学 student: the member's place and the level, never the name. */
const studentNote = (g: { student?: GrantStudent }) => (g.student ? `（第${g.student.memberIndex + 1}位家庭成员，${SchoolLevel.labels[g.student.level].zh}）` : '');

/**
 * Pays a grant: the grant with its budget and limit conditions, the province mark, the event and the audit entry in one
 * transaction (`request` decided in the same one when it is an approval); then whether other federations of the
 * province aided the person this year.
 */
async function payGrant(ctx: Ctx, file: HardshipFile, grant: Grant, limit: GrantLimit, request?: { before: GrantRequest; after: GrantRequest }) {
  const files = store(ctx);
  const result = await write(ctx, (uow) => {
    files.addGrant(uow, grant, limit, budgetExhausted(grant.year, grant.amountFen));
    files.markProvinceAid(uow, province(ctx.scope), grant.year, file.provinceIndex, ctx.scope.tenantId);
    if (request) files.replaceGrantRequest(uow, request.before, request.after);
    const { grantId, fileId, kind, amountFen, fundSource, year } = grant;
    // A 金秋助学 grant is one student's (the 十件实事 "资助N人" sums `students`); never who the student is.
    uow.emit(aidGranted.create({ grantId, fileId, kind, amountFen, fundSource, year, ...(grant.student ? { students: 1 } : {}), metrics: grantMetrics(grant) }));
    uow.audit({
      action: request ? 'hardship.aid.approve' : 'hardship.aid.grant',
      entityType: 'hardship.grant',
      entityId: grantId,
      summary: `${request ? '审批通过并' : ''}发放${aidKindLabels[kind].zh}${studentNote(grant)} ${amountFen / 100} 元：困难档案 ${file.worker.nameMasked}`,
    });
    return grantView(grant);
  });
  const others = (await files.otherTenantsAiding(province(ctx.scope), grant.year, ctx.scope.tenantId, [file.provinceIndex])).get(file.provinceIndex);
  return { ...result, duplicate: others ? { year: grant.year, otherFederations: others } : undefined };
}

async function pendingRequest(ctx: Ctx, input: { fileId: string; grantId: string; version: number }) {
  const request = await store(ctx).grantRequest(ctx.scope, input.fileId, input.grantId);
  if (!request) throw notFound({ zh: '发放申请', en: 'Grant request' });
  if (request.version !== input.version) throw staleVersion();
  assertCanDecide(request, ctx.scope.actor.sub);
  return request;
}

/** 审批: a second staff member approves a large grant, which is then paid (budget and limit checked as for any grant). */
export async function approve(ctx: Ctx, input: z.output<typeof approveGrantInput>) {
  const request = await pendingRequest(ctx, input);
  const file = await store(ctx).getFile(ctx.scope, request.fileId);
  assertOnFile(file);
  const limit = await grantLimit(ctx, file, await store(ctx).rules(ctx.scope, request.year), request);
  const on = today(ctx);
  const { status: _s, requestedBy, requestedOn: _r, decidedBy: _d, decidedOn: _o, declineReason: _x, version: _v, ...fields } = request;
  const grant: Grant = { ...fields, ...limitStudent(limit), grantedOn: on, grantedBy: requestedBy, approvedBy: ctx.scope.actor.sub, createdAt: ctx.deps.clock.now().toISOString() };
  const after: GrantRequest = { ...request, status: 'approved', decidedBy: ctx.scope.actor.sub, decidedOn: on, version: request.version + 1 };
  return payGrant(ctx, file, grant, limit, { before: request, after });
}

/** 驳回: the request is closed with the reason; nothing is paid. */
export async function decline(ctx: Ctx, input: z.output<typeof declineGrantInput>) {
  const request = await pendingRequest(ctx, input);
  const after: GrantRequest = { ...request, status: 'declined', decidedBy: ctx.scope.actor.sub, decidedOn: today(ctx), declineReason: input.reason, version: request.version + 1 };
  return write(ctx, (uow) => {
    store(ctx).replaceGrantRequest(uow, request, after);
    uow.audit({ action: 'hardship.aid.decline', entityType: 'hardship.grant', entityId: request.grantId, summary: `驳回发放申请 ${request.amountFen / 100} 元：${input.reason}` });
    return grantRequestView(after);
  });
}

/** The tenant's grants awaiting approval, oldest first (the approver's queue). */
export async function pending(ctx: Ctx) {
  const requests = await store(ctx).pendingGrantRequests(ctx.scope);
  return requests.sort((a, b) => a.createdAt.localeCompare(b.createdAt)).map(grantRequestView);
}

/** The unmasked bank account of a grant; every read is audit-logged. */
export async function revealBankAccount(ctx: Ctx, input: z.output<typeof revealBankAccountInput>) {
  const grant = await store(ctx).grant(ctx.scope, input.fileId, input.grantId);
  if (!grant) throw notFound({ zh: '发放记录', en: 'Grant' });
  const value = await decryptOptional(ctx, grant.bankAccountEncrypted, cipherField.bankAccount);
  await write(ctx, (uow) => {
    uow.audit({ action: 'pii.reveal', entityType: 'hardship.grant', entityId: grant.grantId, summary: '查看帮扶发放银行账号（明文）' });
  });
  return { value };
}

/** 发放登记: the day and the way a grant reached the household, with the voucher number; recorded once. */
export async function disburse(ctx: Ctx, input: z.output<typeof disburseInput>) {
  const grant = await store(ctx).grant(ctx.scope, input.fileId, input.grantId);
  if (!grant) throw notFound({ zh: '发放记录', en: 'Grant' });
  checkDisbursement(grant, input, today(ctx));
  return write(ctx, (uow, now) => {
    const disbursement = { paidOn: input.paidOn, channel: input.channel, ...(input.reference ? { reference: input.reference } : {}), recordedBy: ctx.scope.actor.sub, recordedAt: now.toISOString() };
    store(ctx).recordDisbursement(uow, grant, disbursement, conflict({ zh: '该笔资助已登记发放', en: 'This grant is already recorded as paid' }, { reason: 'already_paid' }));
    uow.audit({
      action: 'hardship.aid.disburse',
      entityType: 'hardship.grant',
      entityId: grant.grantId,
      summary: `登记发放：${aidKindLabels[grant.kind].zh} ${(grant.amountFen / 100).toFixed(2)} 元，${input.paidOn} ${PaymentChannel.label(input.channel)}${input.reference ? `，凭证号 ${input.reference}` : ''}`,
    });
    return grantView({ ...grant, disbursement });
  });
}

type Reconciled = Grant & { holder?: string };
const reconciliationSheet: ExportSheet<Reconciled>['columns'] = [
  { zh: '发放编号', en: 'Grant no.', kind: 'text', width: 28, value: (g) => g.grantId },
  { zh: '档案编号', en: 'File no.', kind: 'text', width: 28, value: (g) => g.fileId },
  { zh: '帮扶类别', en: 'Aid kind', kind: 'label', labels: aidKindLabels, width: 24, value: (g) => g.kind },
  { zh: '资金来源', en: 'Fund source', kind: 'label', labels: fundSourceLabels, width: 20, value: (g) => g.fundSource },
  { zh: '金额（元）', en: 'Amount (yuan)', kind: 'money', value: (g) => g.amountFen },
  { zh: '资助日期', en: 'Granted on', kind: 'date', value: (g) => g.grantedOn },
  { zh: '发放状态', en: 'Payment', kind: 'text', width: 10, value: (g) => (g.disbursement ? '已发放' : '未发放') },
  { zh: '发放日期', en: 'Paid on', kind: 'date', value: (g) => g.disbursement?.paidOn },
  { zh: '发放方式', en: 'Channel', kind: 'label', labels: PaymentChannel.labels, width: 16, value: (g) => g.disbursement?.channel },
  { zh: '凭证号', en: 'Voucher no.', kind: 'text', width: 20, value: (g) => g.disbursement?.reference },
  { zh: '收款账号（脱敏）', en: 'Bank account (masked)', kind: 'text', width: 24, value: (g) => g.bankAccountMasked },
];

interface SourceTotal {
  fundSource: Grant['fundSource'];
  grants: number;
  grantedFen: number;
  paidFen: number;
}
const totalsSheet: ExportSheet<SourceTotal>['columns'] = [
  { zh: '资金来源', en: 'Fund source', kind: 'label', labels: fundSourceLabels, width: 20, value: (t) => t.fundSource },
  { zh: '笔数', en: 'Grants', kind: 'count', value: (t) => t.grants },
  { zh: '资助金额（元）', en: 'Granted (yuan)', kind: 'money', value: (t) => t.grantedFen },
  { zh: '已发放（元）', en: 'Paid (yuan)', kind: 'money', value: (t) => t.paidFen },
  { zh: '未发放（元）', en: 'Unpaid (yuan)', kind: 'money', value: (t) => t.grantedFen - t.paidFen },
];

/**
 * 对账表: the year's grants against their payments (paid or not, when, how, voucher, masked account) and the totals per
 * fund source, for the finance office's reconciliation; no ID number or name leaves, and the export is audit-logged.
 */
export async function reconciliation(ctx: Ctx, input: z.output<typeof reconciliationInput>) {
  const grants = (await store(ctx).allGrants(ctx.scope)).filter((g) => g.year === input.year).sort((a, b) => a.grantedOn.localeCompare(b.grantedOn) || a.grantId.localeCompare(b.grantId));
  const totals = new Map<Grant['fundSource'], SourceTotal>();
  for (const g of grants) {
    const t = totals.get(g.fundSource) ?? { fundSource: g.fundSource, grants: 0, grantedFen: 0, paidFen: 0 };
    t.grants++;
    t.grantedFen += g.amountFen;
    if (g.disbursement) t.paidFen += g.amountFen;
    totals.set(g.fundSource, t);
  }
  const lang = input.lang ?? 'zh';
  const { bytes, rows } = await exportWorkbook(lang, [
    { name: { zh: `${input.year}年发放对账`, en: `Payments ${input.year}` }, columns: reconciliationSheet, rows: grants },
    { name: { zh: '按资金来源汇总', en: 'By fund source' }, columns: totalsSheet, rows: [...totals.values()] },
  ]);
  await write(ctx, (uow) => {
    uow.audit({ action: 'hardship.aid.reconciliation', entityType: 'hardship.grant', entityId: `reconciliation-${input.year}`, summary: `导出 ${input.year} 年发放对账表：${grants.length} 笔，已发放 ${grants.filter((g) => g.disbursement).length} 笔` });
  });
  return xlsxFile(lang === 'zh' ? `${input.year}年困难帮扶发放对账表.xlsx` : `hardship-payments-${input.year}.xlsx`, bytes, rows);
}

/** Province-wide check: this tenant's households also aided by another federation in the year (counts only). */
export async function duplicates(ctx: Ctx, input: { year: number }) {
  const files = (await store(ctx).allFiles(ctx.scope)).filter((f) => f.status !== 'draft' && f.status !== 'rejected');
  const flagged = await store(ctx).otherTenantsAiding(province(ctx.scope), input.year, ctx.scope.tenantId, files.map((f) => f.provinceIndex));
  const on = today(ctx);
  return files.filter((f) => flagged.has(f.provinceIndex)).map((f) => ({ ...fileSummary(f, on), otherFederations: flagged.get(f.provinceIndex)! }));
}
