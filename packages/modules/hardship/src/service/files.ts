import { notFound, refusalOf, type Bilingual } from '@ufp/core/errors';
import { transition } from '@ufp/kit/transition';
import { write } from '@ufp/kit/write';
import type { z } from 'zod';
import { fileClocks, needsAttention } from '../domain/clocks.js';
import { fileSearch } from '../domain/search.js';
import type { HardshipFile } from '../domain/file.js';
import { tierLabels } from '../domain/tier.js';
import {
  addMonths,
  allowedActions,
  approvalMetrics,
  assertConsent,
  assertEmploymentStarted,
  assertFollowUpVisit,
  assertHouseholdEditable,
  assertNoticeStart,
  assertReviewable,
  assertStillEligible,
  assertVisitHappened,
  daysBetween,
  investigationDueOn,
  isStale,
  nextStatus,
  noticeEndsOn,
} from '../domain/workflow.js';
import { assertRequiredDocuments } from '../domain/documents.js';
import { fileApproved, fileCreated, fileExited, fileReentered, fileRejected, fileReverified, fileSubmitted } from '../events.js';
import type {
  createInput,
  exitInput,
  followUpInput,
  investigateInput,
  listFilesInput,
  publishNoticeInput,
  reenterInput,
  revealInput,
  reverifyInput,
  reviewInput,
  submitInput,
  updateHouseholdInput,
} from '../schemas.js';
import { fileMissing } from '../store.js';
import { province, store, thisYear, today, userNames, type Ctx } from './context.js';
import { assessAndSeal, buildFile, cipherField, decrypt, decryptHousehold, decryptOptional, encrypt, householdMemberIndexes, indexes } from './pii.js';
import { documentsOfFile } from './documents.js';
import { runStep } from './step.js';
import { fileSummary, grantRequestView, grantView, studentNow } from './views.js';
import { memberIdIndexesByPlace } from '../domain/household-identity.js';

type In<S extends z.ZodType> = z.output<S>;

/** A unit reporter files for their own unit; staff for any unit of the tenant. */
export async function create(ctx: Ctx, input: In<typeof createInput>) {
  if (ctx.scope.unitId && ctx.scope.unitId !== input.unitId) throw notFound({ zh: '基层工会', en: 'Union' });
  await ctx.deps.units.get(ctx.scope, input.unitId);
  const on = today(ctx);
  assertEmploymentStarted(input.worker.employmentStart, on);
  const rules = await store(ctx).rules(ctx.scope, thisYear(ctx));
  const { file, assessment } = await buildFile(ctx, input, rules, on);
  return write(ctx, (uow) => {
    store(ctx).addFile(uow, file);
    uow.emit(fileCreated.create({ fileId: file.fileId, unitId: file.unitId, tier: file.tier }));
    uow.audit({ action: 'hardship.files.create', entityType: 'hardship.file', entityId: file.fileId, summary: `新建困难档案 ${file.worker.nameMasked}（${tierLabels[file.tier].zh}），已取得本人核对授权` });
    return { ...fileSummary(file, on), explanation: assessment.explanation, explanationEn: assessment.explanationEn };
  });
}

/** The whole file, decrypted for the caseworker: every such read is audit-logged. */
export async function get(ctx: Ctx, input: { fileId: string }) {
  const files = store(ctx);
  const file = await files.getFile(ctx.scope, input.fileId);
  const on = today(ctx);
  const [grants, requests, household, findings, names, rules] = await Promise.all([
    files.grantsOfFile(ctx.scope, file.fileId),
    ctx.scope.unitId ? [] : files.grantRequestsOfFile(ctx.scope, file.fileId),
    decryptHousehold(ctx, file),
    file.findingsEncrypted ? decrypt(ctx, file.findingsEncrypted, cipherField.findings) : undefined,
    userNames(ctx),
    files.rules(ctx.scope, thisYear(ctx)),
  ]);
  const papers = await documentsOfFile(ctx, file, rules, names);
  const dup = ctx.scope.unitId ? new Map<string, number>() : await files.otherTenantsAiding(province(ctx.scope), thisYear(ctx), ctx.scope.tenantId, [file.provinceIndex]);
  const fields = ['household.members', 'household.income', 'household.health', ...(findings === undefined ? [] : ['findings'])];
  await write(ctx, (uow) => {
    uow.audit({ action: 'pii.read', entityType: 'hardship.file', entityId: file.fileId, summary: `查看困难档案 ${file.worker.nameMasked} 的家庭成员、收入与健康状况${findings === undefined ? '' : '及调查结论'}（解密）`, fields });
  });
  const others = dup.get(file.provinceIndex);
  const places = memberIdIndexesByPlace(file, household.members);
  const reviewer = ctx.scope.actor.sub;
  const blocked: { approve?: Bilingual; reject?: Bilingual } =
    file.status === 'noticed' ? { approve: refusalOf(() => assertReviewable(file, reviewer, 'approve', on))?.text, reject: refusalOf(() => assertReviewable(file, reviewer, 'reject', on))?.text } : {};
  return {
    ...fileSummary(file, on),
    household,
    findings,
    timeline: file.timeline.map((e) => ({ ...e, actorName: names.get(e.actor) })),
    createdByName: names.get(file.createdBy),
    /** 帮扶材料 on the file, the kinds the rule pack requires before the notice and review, and those still missing. */
    ...papers,
    grants: grants.map((g) => ({ ...grantView(g), student: studentNow(g.student, places, household.members), grantedByName: names.get(g.grantedBy), approvedByName: g.approvedBy && names.get(g.approvedBy) })),
    /** Large grants awaiting a second staff member, and those declined (approved ones are among `grants`); `mine`: requested by this user, who cannot approve it. */
    grantRequests: requests
      .filter((r) => r.status !== 'approved')
      .map((r) => ({ ...grantRequestView(r), student: studentNow(r.student, places, household.members), requestedByName: names.get(r.requestedBy), mine: r.requestedBy === ctx.scope.actor.sub })),
    actions: allowedActions(file.status),
    /** Why an open step cannot be taken by this user yet (公示 still running, the submitter reviewing …): shown disabled with the reason. */
    blocked,
    duplicate: others ? { year: thisYear(ctx), otherFederations: others } : undefined,
    stale: file.status === 'approved' && isStale(file.updatedAt.slice(0, 10), on),
  };
}

/** A page of files, newest first, narrowed on the server (see `listFilesInput`); each with who created it, by name. */
export async function list(ctx: Ctx, input: In<typeof listFilesInput>) {
  const search = fileSearch(input?.q);
  const filter = {
    status: input?.status,
    unitId: input?.unitId,
    imported: input?.imported,
    idIndex: search?.kind === 'idNumber' ? indexes(ctx, search.idNumber).idIndex : undefined,
    fileIdPrefix: search?.kind === 'fileId' ? search.prefix : undefined,
    name: search?.kind === 'name' ? search.text : undefined,
  };
  const [page, names] = await Promise.all([store(ctx).listFiles(ctx.scope, filter, { cursor: input?.cursor, limit: input?.limit }), userNames(ctx)]);
  const on = today(ctx);
  return { items: page.items.map((f) => ({ ...fileSummary(f, on), createdByName: names.get(f.createdBy) })), nextCursor: page.nextCursor };
}

/**
 * The caseworker queue: applications in progress, and files on record or exited whose
 * re-verification or follow-up is due soon or overdue. Nearest clock first (`fileClocks`, as the
 * daily tick), then files awaiting their notice (no clock), oldest first.
 */
export async function queue(ctx: Ctx) {
  const files = await store(ctx).allFiles(ctx.scope);
  const on = today(ctx);
  const inProgress = new Set(['submitted', 'investigated', 'noticed']);
  return files
    .map((f) => fileSummary(f, on))
    .filter((f) => inProgress.has(f.status) || f.clocks.some(needsAttention))
    .sort((a, b) => (a.dueOn ?? '9999').localeCompare(b.dueOn ?? '9999') || a.updatedAt.localeCompare(b.updatedAt));
}

/** Files on record unchanged for a year, files never assisted (the ACFTU checks), and follow-ups due. */
export async function attention(ctx: Ctx) {
  const [files, grants] = await Promise.all([store(ctx).allFiles(ctx.scope), store(ctx).allGrants(ctx.scope)]);
  const on = today(ctx);
  const assisted = new Set(grants.map((g) => g.fileId));
  const onFile = files.filter((f) => f.status === 'approved');
  const followUps = files.filter((f) => fileClocks(f, on).some((c) => c.kind === 'followUp' && (c.state === 'due_today' || c.state === 'overdue')));
  return {
    stale: onFile.filter((f) => isStale(f.updatedAt.slice(0, 10), on)).map((f) => fileSummary(f, on)),
    neverAssisted: onFile.filter((f) => !assisted.has(f.fileId)).map((f) => fileSummary(f, on)),
    followUpsDue: followUps.map((f) => fileSummary(f, on)),
  };
}

export async function submit(ctx: Ctx, input: In<typeof submitInput>) {
  const rules = await store(ctx).rules(ctx.scope, thisYear(ctx));
  const recordsConsent = input.consentConfirmed === true;
  return runStep(ctx, input, {
    action: 'submit',
    check: (f) => assertConsent(f, input.consentConfirmed),
    change: (_f, on) => ({ consentGiven: true, submittedBy: ctx.scope.actor.sub, submittedOn: on, investigationDueOn: investigationDueOn(on, rules.investigationDays) }),
    event: fileSubmitted,
    auditText: recordsConsent ? '提交申请（已取得职工本人同意核对家庭经济状况）' : '提交申请',
  });
}

export async function investigate(ctx: Ctx, input: In<typeof investigateInput>) {
  assertVisitHappened(input.visitedOn, today(ctx));
  const findingsEncrypted = await encrypt(ctx, input.findings, cipherField.findings);
  return runStep(ctx, input, { action: 'investigate', change: () => ({ visitedOn: input.visitedOn, findingsEncrypted }), auditText: '登记入户调查' });
}

/** 评议公示: the step that puts the file before the federation's review, so it needs every document the rule pack requires. */
export async function publishNotice(ctx: Ctx, input: In<typeof publishNoticeInput>) {
  const [rules, documents] = await Promise.all([store(ctx).rules(ctx.scope, thisYear(ctx)), store(ctx).documentsOfFile(ctx.scope, input.fileId)]);
  return runStep(ctx, input, {
    action: 'publishNotice',
    check: (f, on) => {
      nextStatus(f.status, 'publishNotice'); // a file not yet investigated hears that first, not what papers it lacks
      assertNoticeStart(f, input.startsOn, on);
      assertRequiredDocuments(rules.requiredDocuments, documents);
    },
    change: () => ({ noticeStartsOn: input.startsOn, noticeEndsOn: noticeEndsOn(input.startsOn, rules.noticeDays) }),
    auditText: '发布公示',
  });
}

/** 评议 by staff other than the submitter, after the notice has run its days. */
export function review(ctx: Ctx, input: In<typeof reviewInput>) {
  const approve = input.decision === 'approve';
  const reviewer = ctx.scope.actor.sub;
  return runStep(ctx, input, {
    action: input.decision,
    check: (f, on) => assertReviewable(f, reviewer, input.decision, on),
    change: (_f, on) => (approve ? { reviewedBy: reviewer, approvedOn: on, lastVerifiedOn: on } : { reviewedBy: reviewer }),
    event: approve ? fileApproved : fileRejected,
    // Average days from application to 建档 = daysToApproval ÷ approvals (an anchors §9 indicator).
    metrics: (f, on) => (approve && f.submittedOn ? approvalMetrics(daysBetween(f.submittedOn, on)) : {}),
    auditText: approve ? '审核通过并建档' : '审核不通过',
  });
}

/** Yearly re-verification: new figures recompute the tier with this year's rule pack. */
export async function reverify(ctx: Ctx, input: In<typeof reverifyInput>) {
  const step = { action: 'reverify', event: fileReverified, auditText: '年度复核' } as const;
  if (!input.household) return runStep(ctx, input, { ...step, change: (_f, on) => ({ lastVerifiedOn: on }) });
  const file = await store(ctx).getFile(ctx.scope, input.fileId);
  const rules = await store(ctx).rules(ctx.scope, thisYear(ctx));
  const { employmentStart } = await decryptHousehold(ctx, file);
  const memberIdIndexes = householdMemberIndexes(ctx, file.idIndex, input.household);
  const { assessment, householdEncrypted } = await assessAndSeal(ctx, input.household, { migrant: file.worker.migrant, employmentStart }, today(ctx), rules);
  const household = input.household;
  return runStep(
    ctx,
    input,
    {
      ...step,
      check: () => assertStillEligible(assessment.tier),
      change: (_f, on) => ({ lastVerifiedOn: on, tier: assessment.tier, rulesYear: rules.year, householdSize: household.members.length, householdEncrypted, memberIdIndexes }),
    },
    file,
  );
}

/** Corrects household figures before the notice; the tier and its explanation are recomputed. */
export async function updateHousehold(ctx: Ctx, input: In<typeof updateHouseholdInput>) {
  const files = store(ctx);
  const file = await files.getFile(ctx.scope, input.fileId);
  const rules = await files.rules(ctx.scope, thisYear(ctx));
  const { employmentStart } = await decryptHousehold(ctx, file);
  const memberIdIndexes = householdMemberIndexes(ctx, file.idIndex, input.household);
  const { assessment, householdEncrypted } = await assessAndSeal(ctx, input.household, { migrant: file.worker.migrant, employmentStart }, today(ctx), rules);
  return transition(
    ctx,
    {
      load: async () => file,
      missing: fileMissing,
      expectedVersion: input.version,
      decide: (before, household, { now, today: on }) => {
        assertHouseholdEditable(before.status);
        const at = now.toISOString();
        const after: HardshipFile = {
          ...before,
          tier: assessment.tier,
          rulesYear: rules.year,
          householdSize: household.members.length,
          householdEncrypted,
          memberIdIndexes,
          updatedAt: at,
          timeline: [...before.timeline, { at, action: 'updateHousehold', actor: ctx.scope.actor.sub, on }],
        };
        const tierChange: Record<string, { from: unknown; to: unknown }> = before.tier !== after.tier ? { tier: { from: before.tier, to: after.tier } } : {};
        return {
          after,
          audit: { action: 'hardship.files.updateHousehold', entityType: 'hardship.file', entityId: after.fileId, summary: `修改困难档案 ${after.worker.nameMasked} 的家庭情况`, changes: { householdFigures: { from: '***', to: '***' }, ...tierChange } },
        };
      },
      save: (uow, after, before) => files.replaceFile(uow, before, after),
      view: (after, { today: on }) => ({ ...fileSummary(after, on), explanation: assessment.explanation, explanationEn: assessment.explanationEn }),
    },
    input.household,
  );
}

export async function exit(ctx: Ctx, input: In<typeof exitInput>) {
  const rules = await store(ctx).rules(ctx.scope, thisYear(ctx));
  return runStep(ctx, input, { action: 'exit', change: (_f, on) => ({ exitedOn: on, followUpDueOn: addMonths(on, rules.followUpMonths) }), event: fileExited, auditText: '脱困退出' });
}

/** The follow-up visit after an exit (脱困回访): closes the follow-up clock; a worker back in hardship is re-entered instead. */
export async function followUp(ctx: Ctx, input: In<typeof followUpInput>) {
  const followUpFindingsEncrypted = await encrypt(ctx, input.findings, cipherField.findings);
  return runStep(ctx, input, {
    action: 'followUp',
    check: (f, on) => assertFollowUpVisit(input.visitedOn, on, f.exitedOn),
    change: () => ({ followedUpOn: input.visitedOn, followUpFindingsEncrypted }),
    auditText: '登记脱困回访',
    on: input.visitedOn,
  });
}

export function reenter(ctx: Ctx, input: In<typeof reenterInput>) {
  return runStep(ctx, input, {
    action: 'reenter',
    change: (f, on) => ({ reentries: f.reentries + 1, exitedOn: undefined, followUpDueOn: undefined, followedUpOn: undefined, followUpFindingsEncrypted: undefined, lastVerifiedOn: on }),
    event: fileReentered,
    auditText: '返困重新建档',
  });
}

/** The unmasked ID number or phone, for staff who need it; every read is audit-logged. */
export async function reveal(ctx: Ctx, input: In<typeof revealInput>) {
  const file = await store(ctx).getFile(ctx.scope, input.fileId);
  const isId = input.field === 'idNumber';
  const value = await decryptOptional(ctx, isId ? file.worker.idEncrypted : file.worker.phoneEncrypted, isId ? cipherField.idNumber : cipherField.phone);
  await write(ctx, (uow) => {
    uow.audit({ action: 'pii.reveal', entityType: 'hardship.file', entityId: file.fileId, summary: `查看困难档案 ${file.worker.nameMasked} 的${isId ? '身份证号' : '联系电话'}（明文）` });
  });
  return { value };
}
