import { authedProcedure, platformProcedure, router, tenantProcedure } from '@ufp/kit/trpc';
import * as s from './schemas.js';
import * as calendar from './service/calendar.js';
import * as campaigns from './service/campaigns.js';
import * as contracts from './service/contracts.js';
import * as evidence from './service/evidence.js';
import * as settings from './service/settings.js';

const readers = tenantProcedure(['federation_admin', 'federation_staff', 'unit_reporter']);
const editors = tenantProcedure(['federation_admin', 'federation_staff']);
const admins = tenantProcedure(['federation_admin']);

export const contractsRouter = router({
  create: editors.input(s.createInput).mutation(({ ctx, input }) => contracts.create(ctx, input)),
  get: readers.input(s.contractIdInput).query(({ ctx, input }) => contracts.get(ctx, input)),
  list: readers.input(s.listInput).query(({ ctx, input }) => contracts.list(ctx, input)),
  /** The ledger as an Excel workbook (base64), with the same filters as `list`, in the chosen language. */
  export: readers.input(s.exportInput).query(({ ctx, input }) => contracts.exportLedger(ctx, input)),
  offer: router({
    send: editors.input(s.offerSendInput).mutation(({ ctx, input }) => contracts.sendOffer(ctx, input)),
    reply: editors.input(s.offerReplyInput).mutation(({ ctx, input }) => contracts.replyToOffer(ctx, input)),
  }),
  /** 集中要约: one offer to many enterprises on one day, each with its reply clock, followed on a board. */
  campaigns: router({
    create: editors.input(s.campaignCreateInput).mutation(({ ctx, input }) => campaigns.create(ctx, input)),
    list: editors.query(({ ctx }) => campaigns.list(ctx)),
    get: editors.input(s.campaignIdInput).query(({ ctx, input }) => campaigns.get(ctx, input)),
  }),
  representatives: router({
    set: editors.input(s.representativesSetInput).mutation(({ ctx, input }) => contracts.setRepresentatives(ctx, input)),
    /** Records a seat left empty (replacement, resignation, force majeure): the side must be refilled within 15 days (Art. 31). */
    vacate: editors.input(s.representativesVacateInput).mutation(({ ctx, input }) => contracts.vacateSeat(ctx, input)),
  }),
  rounds: router({
    add: editors.input(s.roundsAddInput).mutation(({ ctx, input }) => contracts.addRound(ctx, input)),
  }),
  congress: router({
    /** The vote on the draft; the rule follows the contract's type (see `voteOutcome`). */
    record: editors.input(s.congressRecordInput).mutation(({ ctx, input }) => contracts.recordCongress(ctx, input)),
  }),
  sign: editors.input(s.signInput).mutation(({ ctx, input }) => contracts.sign(ctx, input)),
  /** 报送审查: refused (409 naming them) while a kind of 备案材料 the tenant requires has no checked document. */
  file: editors.input(s.fileInput).mutation(({ ctx, input }) => contracts.file(ctx, input)),
  /** The 备案材料 package: the next filing's documents and what it still lacks, or what went with the filing. */
  filingPackage: readers.input(s.contractIdInput).query(({ ctx, input }) => contracts.filingPackage(ctx, input)),
  review: router({
    record: editors.input(s.reviewRecordInput).mutation(({ ctx, input }) => contracts.recordReview(ctx, input)),
  }),
  publish: editors.input(s.publishInput).mutation(({ ctx, input }) => contracts.publish(ctx, input)),
  performance: router({
    check: editors.input(s.performanceCheckInput).mutation(({ ctx, input }) => contracts.checkPerformance(ctx, input)),
  }),
  /**
   * A contract's files (履约检查材料, 备案材料 of a kind, the bureau's 审查意见书): an upload URL for a declared file, the
   * bytes checked on arrival, audited short-lived downloads.
   */
  evidence: router({
    createUpload: editors.input(s.evidenceUploadInput).mutation(({ ctx, input }) => evidence.createUpload(ctx, input)),
    complete: editors.input(s.evidenceInput).mutation(({ ctx, input }) => evidence.completeUpload(ctx, input)),
    url: readers.meta({ auditedRead: true }).input(s.evidenceInput).mutation(({ ctx, input }) => evidence.downloadUrl(ctx, input)),
  }),
  /** Opens the successor contract (draft) within the 3 months before expiry. */
  renew: editors.input(s.contractIdInput).mutation(({ ctx, input }) => contracts.renew(ctx, input)),
  /** 变更: opens an amendment (a draft linked to the contract in force) that runs the bargaining steps and, in effect, merges into it. */
  amend: editors.input(s.contractIdInput).mutation(({ ctx, input }) => contracts.amend(ctx, input)),
  terminate: editors.input(s.terminateInput).mutation(({ ctx, input }) => contracts.terminate(ctx, input)),
  /** Every open legal clock in the tenant due within `withinDays` (overdue ones included). */
  deadlines: router({
    list: readers.input(s.deadlinesInput).query(({ ctx, input }) => contracts.deadlines(ctx, input)),
  }),
  /** The holiday notices the clocks run on; the platform operator loads a new year's notice as data. */
  calendar: router({
    get: authedProcedure.query(({ ctx }) => calendar.get(ctx)),
    load: platformProcedure.input(s.noticeInput).mutation(({ ctx, input }) => calendar.load(ctx, input)),
    /** A load's re-check of every tenant's clocks: progress and findings. */
    job: platformProcedure.input(s.calendarJobInput).query(({ ctx, input }) => calendar.job(ctx, input)),
  }),
  settings: router({
    get: readers.query(({ ctx }) => settings.get(ctx)),
    set: admins.input(s.settingsInput).mutation(({ ctx, input }) => settings.set(ctx, input)),
  }),
});
