import { publicProcedure, router, tenantProcedure } from '@ufp/kit/trpc';
import * as s from './schemas.js';
import * as evidence from './service/evidence.js';
import * as items from './service/items.js';
import * as plans from './service/plans.js';
import * as progress from './service/progress.js';
import * as pub from './service/public.js';
import * as reports from './service/reports.js';
import * as settings from './service/settings.js';
import * as solicit from './service/solicit.js';

const admins = tenantProcedure(['federation_admin']);
const staff = tenantProcedure(['federation_admin', 'federation_staff']);
const anyone = tenantProcedure(['federation_admin', 'federation_staff', 'unit_reporter']);
const reporters = tenantProcedure(['unit_reporter']);

export const tenThingsRouter = router({
  settings: router({
    get: staff.query(({ ctx }) => settings.getSettings(ctx)),
    update: admins.input(s.settingsInput).mutation(({ ctx, input }) => settings.updateSettings(ctx, input)),
  }),

  plans: router({
    create: admins.input(s.planCreateInput).mutation(({ ctx, input }) => plans.createPlan(ctx, input)),
    list: staff.input(s.planListInput).query(({ ctx, input }) => plans.listPlans(ctx, input)),
    /** The plan with every item's targets, running totals, completion and status. */
    get: staff.input(s.planInput).query(({ ctx, input }) => plans.planView(ctx, input.planId)),
    /** 票决 preview: the quorum and adoption result as recordVote would compute it, without saving. */
    previewVote: admins.input(s.voteInput).query(({ ctx, input }) => plans.previewVote(ctx, input)),
    recordVote: admins.input(s.voteInput).mutation(({ ctx, input }) => plans.recordVote(ctx, input)),
    /** The plenary's decision on a tie reported by the vote. */
    resolveTie: admins.input(s.tieInput).mutation(({ ctx, input }) => plans.resolveTie(ctx, input)),
    /** The year-end 测评 by the representatives: forms per adopted item, valid above the tenant's floor. */
    evaluate: admins.input(s.evaluationInput).mutation(({ ctx, input }) => plans.evaluate(ctx, input)),
    /** 结项 after the 测评: the plan and its items take no more changes. */
    close: admins.input(s.planInput).mutation(({ ctx, input }) => plans.close(ctx, input)),
  }),

  candidates: router({
    /** Parses targetsText (without saving) for the live preview in the console. */
    parse: anyone.input(s.targetsTextInput).query(({ input }) => items.parseTargets(input)),
    propose: staff.input(s.proposeInput).mutation(({ ctx, input }) => items.propose(ctx, input)),
    /** 征集: a unit reporter proposes an item while the plan is collecting. */
    solicit: reporters.input(s.solicitInput).mutation(({ ctx, input }) => solicit.solicit(ctx, input)),
    /** The plans collecting proposals and the reporter's unit's own proposals, with what became of each. */
    mine: reporters.query(({ ctx }) => solicit.mySolicitations(ctx)),
    /** 初定: a proposal onto the candidate list, with its lead department. */
    shortlist: staff.input(s.shortlistInput).mutation(({ ctx, input }) => solicit.shortlist(ctx, input)),
    /** A duplicate proposal merged into another, which keeps its proposers. */
    merge: staff.input(s.mergeInput).mutation(({ ctx, input }) => solicit.merge(ctx, input)),
  }),

  items: router({
    get: anyone.input(s.itemPageInput).query(({ ctx, input }) => items.getItem(ctx, input)),
    /** 责任状: lead department, co-responsible units and quarterly milestones of an adopted item. */
    assign: admins.input(s.assignInput).mutation(({ ctx, input }) => items.assignItem(ctx, input)),
    /** "My tasks": adopted items the reporter's unit is co-responsible for. */
    mine: reporters.query(({ ctx }) => items.myTasks(ctx)),
  }),

  evidence: router({
    createUpload: anyone.input(s.createUploadInput).mutation(({ ctx, input }) => evidence.createUpload(ctx, input)),
    /** Checks the uploaded bytes; a mismatch rejects the record for good. */
    complete: anyone.input(s.evidenceInput).mutation(({ ctx, input }) => evidence.completeUpload(ctx, input)),
    /** A short-lived download URL of a checked file; every URL handed out is in the audit log. */
    url: anyone.meta({ auditedRead: true }).input(s.evidenceInput).mutation(({ ctx, input }) => evidence.downloadUrl(ctx, input)),
  }),

  progress: router({
    report: anyone.input(s.reportInput).mutation(({ ctx, input }) => progress.report(ctx, input)),
    /** A reversing entry (negated quantity, with a reason); the original stays in the ledger, marked reversed. */
    correct: staff.input(s.correctInput).mutation(({ ctx, input }) => progress.correct(ctx, input)),
  }),

  reports: router({
    annual: staff.input(s.planInput).query(({ ctx, input }) => reports.annualReport(ctx, input)),
    /** The annual report as an Excel workbook (base64), one row per target. */
    annualXlsx: staff.input(s.annualXlsxInput).query(({ ctx, input }) => reports.annualReportXlsx(ctx, input)),
  }),

  /** No login: the satisfaction page behind each adopted item's public link (QR code). */
  public: router({
    item: publicProcedure.input(s.publicItemInput).query(({ ctx, input }) => pub.publicItemPage(ctx, input)),
    rate: publicProcedure.input(s.rateInput).mutation(({ ctx, input }) => pub.rate(ctx, input)),
  }),
});
