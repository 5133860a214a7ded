import type { Role } from '@ufp/core/roles';
import { publicProcedure, router, tenantProcedure } from '@ufp/kit/trpc';
import * as schemas from './schemas.js';
import * as aid from './service/aid.js';
import * as documents from './service/documents.js';
import * as files from './service/files.js';
import * as ledger from './service/ledger.js';
import * as ledgerJobs from './service/ledger-job.js';
import * as national from './service/national.js';
import * as publicPages from './service/public.js';
import * as rules from './service/rules.js';
import * as temporary from './service/temporary.js';

const STAFF: Role[] = ['federation_admin', 'federation_staff'];
const staff = tenantProcedure(STAFF);
const admins = tenantProcedure(['federation_admin']);
const filers = tenantProcedure([...STAFF, 'unit_reporter']);

const ledgerRouter = router({
  template: staff.input(schemas.templateInput).query(({ input }) => ledger.template(input)),
  import: staff.input(schemas.importInput).mutation(({ ctx, input }) => ledger.importLedger(ctx, input)),
  export: staff.input(schemas.exportInput).query(({ ctx, input }) => ledger.exportLedger(ctx, input)),
  /** 全国帮扶系统格式: the files on file with full ID numbers and phones, for the national system (admins; audited). */
  exportNational: admins.meta({ auditedRead: true }).input(schemas.nationalExportInput).mutation(({ ctx, input }) => national.exportNational(ctx, input)),
  jobs: router({
    start: staff.input(schemas.importStartInput).mutation(({ ctx, input }) => ledgerJobs.start(ctx, input)),
    queue: staff.input(schemas.importJobIdInput).mutation(({ ctx, input }) => ledgerJobs.queue(ctx, input)),
    get: staff.input(schemas.importJobIdInput).query(({ ctx, input }) => ledgerJobs.get(ctx, input)),
    list: staff.query(({ ctx }) => ledgerJobs.list(ctx)),
    cancel: staff.input(schemas.importJobIdInput).mutation(({ ctx, input }) => ledgerJobs.cancel(ctx, input)),
    resume: staff.input(schemas.importJobIdInput).mutation(({ ctx, input }) => ledgerJobs.resume(ctx, input)),
    errors: staff.input(schemas.importJobIdInput).query(({ ctx, input }) => ledgerJobs.errors(ctx, input)),
  }),
});

const filesRouter = router({
  create: filers.input(schemas.createInput).mutation(({ ctx, input }) => files.create(ctx, input)),
  get: filers.input(schemas.fileIdInput).query(({ ctx, input }) => files.get(ctx, input)),
  list: filers.input(schemas.listFilesInput).query(({ ctx, input }) => files.list(ctx, input)),
  queue: staff.query(({ ctx }) => files.queue(ctx)),
  attention: staff.query(({ ctx }) => files.attention(ctx)),
  submit: filers.input(schemas.submitInput).mutation(({ ctx, input }) => files.submit(ctx, input)),
  investigate: filers.input(schemas.investigateInput).mutation(({ ctx, input }) => files.investigate(ctx, input)),
  publishNotice: staff.input(schemas.publishNoticeInput).mutation(({ ctx, input }) => files.publishNotice(ctx, input)),
  review: staff.input(schemas.reviewInput).mutation(({ ctx, input }) => files.review(ctx, input)),
  reverify: staff.input(schemas.reverifyInput).mutation(({ ctx, input }) => files.reverify(ctx, input)),
  updateHousehold: filers.input(schemas.updateHouseholdInput).mutation(({ ctx, input }) => files.updateHousehold(ctx, input)),
  exit: staff.input(schemas.exitInput).mutation(({ ctx, input }) => files.exit(ctx, input)),
  followUp: staff.input(schemas.followUpInput).mutation(({ ctx, input }) => files.followUp(ctx, input)),
  reenter: staff.input(schemas.reenterInput).mutation(({ ctx, input }) => files.reenter(ctx, input)),
  reveal: staff.meta({ auditedRead: true }).input(schemas.revealInput).mutation(({ ctx, input }) => files.reveal(ctx, input)),
  /**
   * 帮扶材料: staff, and the reporter of the file's unit (who carries out the investigation) until the notice. The
   * documents are listed by `files.get`; a download URL is an audited read of sensitive material.
   */
  documents: router({
    createUpload: filers.input(schemas.createDocumentUploadInput).mutation(({ ctx, input }) => documents.createUpload(ctx, input)),
    complete: filers.input(schemas.documentInput).mutation(({ ctx, input }) => documents.complete(ctx, input)),
    url: filers.meta({ auditedRead: true }).input(schemas.documentInput).mutation(({ ctx, input }) => documents.downloadUrl(ctx, input)),
  }),
});

export const hardshipRouter = router({
  ledger: ledgerRouter,
  rules: router({
    get: filers.input(schemas.yearInput).query(({ ctx, input }) => rules.getRules(ctx, input)),
    set: admins.input(schemas.rulesInput).mutation(({ ctx, input }) => rules.setRules(ctx, input)),
  }),
  selfTest: publicProcedure.input(schemas.selfTestInput).query(({ ctx, input }) => publicPages.selfTest(ctx, input)),
  files: filesRouter,
  notices: router({
    list: publicProcedure.input(schemas.noticesInput).query(({ ctx, input }) => publicPages.notices(ctx, input)),
  }),
  funds: router({
    list: staff.input(schemas.yearInput).query(({ ctx, input }) => aid.listFunds(ctx, input)),
    set: admins.input(schemas.setFundInput).mutation(({ ctx, input }) => aid.setFund(ctx, input)),
  }),
  aid: router({
    grant: staff.input(schemas.grantInput).mutation(({ ctx, input }) => aid.grant(ctx, input)),
    approve: staff.input(schemas.approveGrantInput).mutation(({ ctx, input }) => aid.approve(ctx, input)),
    decline: staff.input(schemas.declineGrantInput).mutation(({ ctx, input }) => aid.decline(ctx, input)),
    pending: staff.query(({ ctx }) => aid.pending(ctx)),
    revealBankAccount: staff.meta({ auditedRead: true }).input(schemas.revealBankAccountInput).mutation(({ ctx, input }) => aid.revealBankAccount(ctx, input)),
    /** 发放登记: when and how a grant reached the household, once. */
    disburse: staff.input(schemas.disburseInput).mutation(({ ctx, input }) => aid.disburse(ctx, input)),
    /** 对账表: the year's grants against their payments, with totals per fund source (Excel). */
    reconciliation: staff.input(schemas.reconciliationInput).query(({ ctx, input }) => aid.reconciliation(ctx, input)),
  }),
  /** 临时救助 to a person without a file, and its 转正 into a full file carrying the grant over. */
  temporary: router({
    grant: staff.input(schemas.temporaryGrantInput).mutation(({ ctx, input }) => temporary.grant(ctx, input)),
    list: staff.input(schemas.yearInput).query(({ ctx, input }) => temporary.list(ctx, input)),
    convert: staff.input(schemas.temporaryConvertInput).mutation(({ ctx, input }) => temporary.convert(ctx, input)),
  }),
  duplicates: staff.input(schemas.yearInput).query(({ ctx, input }) => aid.duplicates(ctx, input)),
});
