import type { WorkCalendar } from '@ufp/core/calendar/calendar';
import { shanghaiDate } from '@ufp/core/clock';
import { notFound } from '@ufp/core/errors';
import { newId } from '@ufp/core/ids';
import type { UnitOfWork } from '@ufp/db/unit-of-work';
import { transition, type Decision, type WriteCtx } from '@ufp/kit/transition';
import { write } from '@ufp/kit/write';
import { openClocks, unmarkAnswered } from '../domain/clocks.js';
import type { Contract, ContractSettings } from '../domain/contract.js';
import { checkNewContract, newContract } from '../domain/create.js';
import { amendmentLinks, closeAmendment, type AmendmentLinks } from '../domain/amendment.js';
import * as steps from '../domain/steps.js';
import { contractFilter, contractView, matchesFilter, type ContractView, type LedgerQuery } from '../domain/view.js';
import { ledgerWorkbook } from '../export.js';
import type { CreateInput, FileInput, PerformanceCheckInput, ReviewRecordInput, TerminateInput } from '../schemas.js';
import { attachableEvidence, type ContractEvidence } from '../domain/evidence.js';
import { packageView, type PackageView } from '../domain/filing.js';
import { citedFiles, contractFiles, markCited } from './evidence.js';
import { ContractRepository, workCalendar, type UnitCoverage } from '../store.js';

const store = (ctx: WriteCtx) => new ContractRepository(ctx.deps.table, ctx.deps.cursors);
const today = (ctx: WriteCtx) => shanghaiDate(ctx.deps.clock.now());
const missing = () => notFound({ zh: '集体合同', en: 'Collective contract' });

interface Rules {
  settings: ContractSettings;
  calendar: WorkCalendar;
}
const rulesOf = async (ctx: WriteCtx): Promise<Rules> => {
  const [settings, calendar] = await Promise.all([store(ctx).settings(ctx.scope.tenantId), workCalendar(ctx.deps.table)]);
  return { settings, calendar };
};
const viewOf = (ctx: WriteCtx, c: Contract, rules: Rules) => contractView(c, rules.settings, today(ctx), rules.calendar);

export async function create(ctx: WriteCtx, input: CreateInput): Promise<ContractView> {
  const rules = await rulesOf(ctx);
  checkNewContract(input, ctx.scope.divisionCode, rules.settings);
  const unit = input.unitId ? await ctx.deps.units.get(ctx.scope, input.unitId) : undefined;
  return write(ctx, (uow, now) => {
    const d = newContract(input, { now, today: shanghaiDate(now), scope: ctx.scope, contractId: newId(), unitName: unit?.name });
    store(ctx).add(uow, d.after);
    for (const event of d.events ?? []) uow.emit(event);
    uow.audit(d.audit);
    return viewOf(ctx, d.after, rules);
  });
}

/**
 * One contract: of a contract, its open amendment and past ones with their titles and statuses; of an amendment, the
 * contract it amends.
 */
export async function get(ctx: WriteCtx, input: { contractId: string }): Promise<ContractView & { links?: AmendmentLinks }> {
  const s = store(ctx);
  const [c, rules] = await Promise.all([s.find(ctx.scope, input.contractId), rulesOf(ctx)]);
  if (!c) throw missing();
  const ids = [c.amends, c.amendment?.contractId, ...(c.amendments ?? []).map((a) => a.contractId)].filter((id): id is string => !!id);
  const related = await Promise.all(ids.map((id) => s.find(ctx.scope, id)));
  return { ...viewOf(ctx, c, rules), links: amendmentLinks(c, related.filter((r): r is Contract => !!r)) };
}

export async function list(ctx: WriteCtx, input: (LedgerQuery & { cursor?: string; limit?: number }) | undefined) {
  const [page, rules] = await Promise.all([store(ctx).list(ctx.scope, contractFilter(input, today(ctx)), { cursor: input?.cursor, limit: input?.limit }), rulesOf(ctx)]);
  return { items: page.items.map((c) => viewOf(ctx, c, rules)), nextCursor: page.nextCursor };
}

/** The ledger as an Excel workbook (base64), with the same filters as `list`, in the chosen language. */
export async function exportLedger(ctx: WriteCtx, input: (LedgerQuery & { lang?: 'zh' | 'en' }) | undefined) {
  const filter = contractFilter(input, today(ctx));
  const items = (await store(ctx).all(ctx.scope)).filter((c) => matchesFilter(c, filter)).sort((a, b) => a.term.end.localeCompare(b.term.end));
  return ledgerWorkbook(items, input?.lang ?? 'zh', today(ctx));
}

/** Every open legal clock in the tenant due within `withinDays` (overdue ones included). */
export async function deadlines(ctx: WriteCtx, input: { withinDays: number } | undefined) {
  const [all, { settings, calendar }] = await Promise.all([store(ctx).all(ctx.scope), rulesOf(ctx)]);
  const day = today(ctx);
  const within = input?.withinDays ?? 30;
  const items = all
    .flatMap((c) => openClocks(c, settings, day, calendar))
    .filter((k) => k.daysLeft <= within)
    .sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.title.localeCompare(b.title));
  return { today: day, coveredYears: calendar.coveredYears(), items };
}

/**
 * One lifecycle step: reads the contract (with the tenant's settings and calendar), decides it purely
 * and commits it with its events and audit entry, guarded by the contract's version.
 */
async function runStep<I extends { contractId: string }, D extends Decision<Contract>>(
  ctx: WriteCtx,
  input: I,
  decide: (before: Contract, input: I, ctx: steps.StepContext) => D,
  also: { load?: (before: Contract) => Promise<void>; save?: (uow: UnitOfWork, decision: D) => void } = {},
): Promise<ContractView> {
  const s = store(ctx);
  let rules: Rules | undefined;
  let decision: D | undefined;
  const after = await transition(
    ctx,
    {
      load: async () => {
        const [c, r] = await Promise.all([s.find(ctx.scope, input.contractId), rulesOf(ctx)]);
        rules = r;
        if (c) await also.load?.(c);
        return c;
      },
      missing,
      // A marked overdue clock the step answers is unmarked in the same transaction (contracts.clocks.overdue −1).
      decide: (before, i, d) => (decision = unmarkAnswered(before, decide(before, i, { ...d, ...rules! }), rules!.settings, d.today, rules!.calendar)),
      save: (uow, after, before) => {
        s.replace(uow, after, before.version);
        also.save?.(uow, decision!);
      },
    },
    input,
  );
  return viewOf(ctx, after, rules!);
}

/** A step that needs nothing beyond the contract and the rules. */
const command =
  <I extends { contractId: string }>(decide: (before: Contract, input: I, ctx: steps.StepContext) => Decision<Contract>) =>
  (ctx: WriteCtx, input: I): Promise<ContractView> =>
    runStep(ctx, input, decide);

export const sendOffer = command(steps.sendOffer);
export const replyToOffer = command(steps.replyToOffer);
export const setRepresentatives = command(steps.setRepresentatives);
export const vacateSeat = command(steps.vacateSeat);
export const addRound = command(steps.addRound);
export const recordCongress = command(steps.recordCongress);
export const sign = command(steps.sign);
export const publish = command(steps.publish);

/** 报送审查: the contract's files are read with it, so the step sees its 备案材料 package as it is now. */
export async function file(ctx: WriteCtx, input: FileInput): Promise<ContractView> {
  let files: ContractEvidence[] = [];
  return runStep(ctx, input, (before, i, d) => steps.file(before, { ...i, files }, d), {
    load: async (c) => {
      files = await contractFiles(ctx, c.contractId);
    },
  });
}

/** The bureau's review, citing its 审查意见书: the file is marked as cited in the same transaction. */
export async function recordReview(ctx: WriteCtx, input: ReviewRecordInput): Promise<ContractView> {
  let cited: (ContractEvidence | undefined)[] = [];
  return runStep(ctx, input, (before, i, d) => steps.recordReview(before, { ...i, opinionFile: cited[0] }, d), {
    load: async () => {
      cited = await citedFiles(ctx, input.opinionEvidenceId ? [input.opinionEvidenceId] : []);
    },
    save: (uow, d) => {
      if (d.after.review?.opinionFile) markCited(ctx, uow, cited, `${d.after.contractId}#review#${d.after.filing!.filedOn}`, d.after.updatedAt);
    },
  });
}

/**
 * The 备案材料 package the contract page shows: while the contract is not yet filed, the next filing's documents and
 * the required kinds still missing; once filed, the documents that went with the filing.
 */
export async function filingPackage(ctx: WriteCtx, input: { contractId: string }): Promise<PackageView & { contractId: string }> {
  const [c, rules] = await Promise.all([store(ctx).find(ctx.scope, input.contractId), rulesOf(ctx)]);
  if (!c) throw missing();
  const files = await contractFiles(ctx, c.contractId);
  return { contractId: c.contractId, ...packageView(c, rules.settings.requiredFilingDocuments, files) };
}

/**
 * A yearly 履约 check, citing checked files uploaded for the contract: each file is marked as cited in the same
 * transaction, so it cannot be cited by another check.
 */
export async function checkPerformance(ctx: WriteCtx, input: PerformanceCheckInput): Promise<ContractView> {
  let files: Awaited<ReturnType<typeof citedFiles>> = [];
  return runStep(ctx, input, (before, i, d) => steps.checkPerformance(before, { ...i, evidence: attachableEvidence(before.contractId, files) }, d), {
    load: async () => {
      files = await citedFiles(ctx, input.evidenceIds);
    },
    save: (uow, d) => markCited(ctx, uow, files, `${d.after.contractId}#check#${d.after.performanceChecks.at(-1)!.contractYear}`, d.after.updatedAt),
  });
}

/** Opens the successor contract (a draft) within the 3 months before expiry; both are written together. */
export async function renew(ctx: WriteCtx, input: { contractId: string }): Promise<{ contract: ContractView; successorId: string }> {
  const successorId = newId();
  const contract = await runStep(ctx, { ...input, successorId }, steps.renew, { save: (uow, d) => store(ctx).add(uow, d.successor) });
  return { contract, successorId };
}

/**
 * 变更: opens an amendment (a draft of the same parties, term and clauses) of a contract in force; both are written
 * together, the parent guarded by its version so two amendments cannot open at once.
 */
export async function amend(ctx: WriteCtx, input: { contractId: string }): Promise<{ contract: ContractView; amendmentId: string }> {
  const amendmentId = newId();
  const contract = await runStep(ctx, { ...input, amendmentId }, steps.amend, { save: (uow, d) => store(ctx).add(uow, d.amendment) });
  return { contract, amendmentId };
}

/**
 * Ends a contract early; a unit's in-force count moves with it in the same transaction. Ending an amendment closes
 * it on the contract it amends (clauses unchanged, the open marker cleared) in the same transaction.
 */
export async function terminate(ctx: WriteCtx, input: TerminateInput): Promise<ContractView> {
  const s = store(ctx);
  let coverage: UnitCoverage | undefined;
  let parent: Contract | undefined;
  return runStep(ctx, input, (before, i, d) => steps.terminate(before, { ...i, unitInForce: coverage?.count }, d), {
    load: async (c) => {
      if (c.unitId) coverage = await s.unitCoverage(c.tenantId, c.unitId);
      if (c.amends) parent = await s.find(ctx.scope, c.amends);
    },
    save: (uow, d) => {
      if (coverage && d.unitInForce !== undefined) s.setUnitCoverage(uow, coverage, d.unitInForce);
      if (parent?.amendment?.contractId === d.after.contractId) {
        const closed = closeAmendment(parent, { amendment: d.after, outcome: 'ended', on: d.after.terminated!.on, at: d.after.updatedAt, by: ctx.scope.actor.sub, reason: d.after.terminated!.reason });
        s.replace(uow, { ...closed.after, version: parent.version + 1 }, parent.version);
        uow.audit(closed.audit);
      }
    },
  });
}
