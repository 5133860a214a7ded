import { z } from 'zod';
import { limits, numberLimits } from '@ufp/core/validation/limits';
import { bankAccountSchema, bilingualMessage, idNumberSchema, isoDateSchema, phoneSchema, recordId, text, yearSchema } from '@ufp/core/validation/zod';
import { declaredFileInput, idInput, importJobIdInput, importJobStartInput, langInput, pageInput } from '@ufp/kit/schemas';
import { PaymentChannel } from './domain/disbursement.js';
import { DEFAULT_REQUIRED_DOCUMENTS, DocumentKind } from './domain/document-kinds.js';
import { AidKind, DEFAULT_EDUCATION_PER_STUDENT, FundSource, SchoolLevel } from './domain/rules.js';
import { HardshipEvent } from './domain/tier.js';
import { FileStatus } from './domain/workflow.js';
import { MAX_LEDGER_BYTES } from './manifest.js';

const fen = (max = 10_000_000_000) => z.number().int().min(0).max(max);
const version = z.number().int().min(1);

export const yearInput = z.object({ year: yearSchema });
export const fileIdInput = z.object({ fileId: idInput });

const figuresInput = {
  householdSize: z.number().int().min(numberLimits.householdSize.min).max(numberLimits.householdSize.max),
  annualIncomeFen: fen(),
  rigidExpensesFen: fen(),
  hardshipCostsFen: fen().optional(),
  events: z.array(z.enum(HardshipEvent.values)).max(4).optional(),
};

const MAX_HOUSEHOLD_MEMBERS = 20;

const memberInput = z.object({
  relation: text(limits.hardship.relation),
  name: text(limits.hardship.personName),
  idNumber: idNumberSchema.optional(),
  annualIncomeFen: fen().optional(),
  health: text(limits.hardship.health).optional(),
});

export const householdInput = z.object({
  members: z.array(memberInput).min(1).max(MAX_HOUSEHOLD_MEMBERS),
  annualIncomeFen: fen(),
  rigidExpensesFen: fen(),
  hardshipCostsFen: fen().optional(),
  assets: text(limits.hardship.assets).optional(),
  causes: z.array(text(limits.hardship.cause)).max(10).default([]),
  events: z.array(z.enum(HardshipEvent.values)).max(4).default([]),
  excludedSchooling: z.boolean().optional(),
});
export type HouseholdInput = z.infer<typeof householdInput>;

export const workerInput = z.object({
  name: text(limits.hardship.personName),
  idNumber: idNumberSchema,
  phone: phoneSchema.optional(),
  migrant: z.boolean().default(false),
  unionMember: z.boolean().default(true),
  employmentStart: isoDateSchema.optional(),
});
export type WorkerInput = z.infer<typeof workerInput>;

export const createInput = z.object({
  unitId: idInput,
  worker: workerInput,
  household: householdInput,
  consentGiven: z.literal(true, { error: bilingualMessage({ zh: '须经职工本人同意核对家庭经济状况', en: 'The worker must consent to the income check' }) }),
});

export const rulesInput = z.object({
  year: yearSchema,
  dibaoMonthlyFen: fen(10_000_000).refine((v) => v > 0, { message: '低保标准须大于0', params: { en: 'The subsistence line must be above zero' } }),
  relativeMultiplier: z.number().min(1).max(5).default(2),
  accidentalShare: z.number().min(0.1).max(1).default(0.8),
  caps: z.object(Object.fromEntries(AidKind.values.map((k) => [k, fen(100_000_000)])) as Record<AidKind, ReturnType<typeof fen>>),
  investigationDays: z.number().int().min(1).max(60).default(5),
  noticeDays: z.number().int().min(1).max(60).default(5),
  followUpMonths: z.number().int().min(1).max(36).default(6),
  grantApprovalAboveFen: fen(100_000_000).optional(),
  /** 审核前必备材料: none is allowed (a federation that keeps its papers elsewhere). */
  requiredDocuments: z.array(z.enum(DocumentKind.values)).max(DocumentKind.values.length).default([...DEFAULT_REQUIRED_DOCUMENTS]),
  /** 金秋助学 per student by school level (the defaults when a form leaves it out). */
  educationPerStudent: z.object({ higher: fen(100_000_000), high_school: fen(100_000_000) }).default({ ...DEFAULT_EDUCATION_PER_STUDENT }),
  version: z.number().int().min(0),
});

export const selfTestInput = z.object({
  tenantId: recordId(40),
  year: yearSchema.optional(),
  ...figuresInput,
  migrantMonths: z.number().int().min(0).max(600).optional(),
  excludedSchooling: z.boolean().optional(),
});

/**
 * `q` finds a file by its number (the file id, or its start), the worker's name (a part of it), or a whole ID
 * number (matched through the tenant's blind index, never stored or compared in clear); `imported` keeps only
 * drafts made from imported 台账 rows.
 */
export const listFilesInput = z
  .object({ ...pageInput, status: z.enum(FileStatus.values).optional(), unitId: idInput.optional(), q: text(limits.hardship.search).optional(), imported: z.boolean().optional() })
  .optional();

export const stepInput = z.object({ fileId: idInput, version });
export const submitInput = stepInput.extend({
  consentConfirmed: z.literal(true, { error: bilingualMessage({ zh: '只能勾选“已取得本人同意”', en: "Only 'consent obtained' may be ticked" }) }).optional(),
});
export const investigateInput = stepInput.extend({ visitedOn: isoDateSchema, findings: text(limits.hardship.findings) });
export const publishNoticeInput = stepInput.extend({ startsOn: isoDateSchema });
export const reviewInput = stepInput.extend({ decision: z.enum(['approve', 'reject']), reason: text(limits.hardship.reason) });
export const reverifyInput = stepInput.extend({ household: householdInput.optional() });
export const updateHouseholdInput = stepInput.extend({ household: householdInput });
export const exitInput = stepInput.extend({ reason: text(limits.hardship.reason) });
export const followUpInput = stepInput.extend({ visitedOn: isoDateSchema, findings: text(limits.hardship.findings) });
export const reenterInput = exitInput;
/** 帮扶材料: a document of a file, as the browser describes it (checked again on arrival). */
export const createDocumentUploadInput = z.object({ fileId: idInput, kind: z.enum(DocumentKind.values), ...declaredFileInput });
export const documentInput = z.object({ fileId: idInput, evidenceId: idInput });
export const revealInput = z.object({ fileId: idInput, field: z.enum(['idNumber', 'phone']) });

export const noticesInput = z.object({ tenantId: recordId(40) });

export const setFundInput = z.object({ year: yearSchema, source: z.enum(FundSource.values), budgetFen: fen(100_000_000_000) });

/**
 * The student a 金秋助学 grant is for: one of the file's household members (by its place in the list as shown), the
 * school level, and the student's ID number when the file has none for the member (the once-a-year guard is kept by it).
 */
export const studentInput = z.object({
  memberIndex: z.number().int().min(0).max(MAX_HOUSEHOLD_MEMBERS - 1),
  level: z.enum(SchoolLevel.values),
  idNumber: idNumberSchema.optional(),
});

/** `student` is required for 金秋助学 (it is granted per student) and refused for every other kind. */
export const grantInput = z
  .object({
    fileId: idInput,
    kind: z.enum(AidKind.values),
    amountFen: z.number().int().min(1).max(100_000_000),
    fundSource: z.enum(FundSource.values),
    student: studentInput.optional(),
    note: text(limits.hardship.grantNote).optional(),
    bankAccount: bankAccountSchema.optional(),
  })
  .superRefine((g, ctx) => {
    if (g.kind === 'education' && !g.student) {
      ctx.addIssue({ code: 'custom', path: ['student'], message: bilingualMessage({ zh: '金秋助学须选择受助学生及其学段', en: 'A Golden Autumn education grant must name the student and the school level' }) });
    }
    if (g.kind !== 'education' && g.student) {
      ctx.addIssue({ code: 'custom', path: ['student'], message: bilingualMessage({ zh: '仅金秋助学填写受助学生', en: 'Only a Golden Autumn education grant names a student' }) });
    }
  });

export const revealBankAccountInput = z.object({ fileId: idInput, grantId: idInput });
/** 发放登记: when and how a grant reached the household. */
export const disburseInput = z.object({
  fileId: idInput,
  grantId: idInput,
  paidOn: isoDateSchema,
  channel: z.enum(PaymentChannel.values),
  reference: text(limits.hardship.reference).optional(),
});
/** The year's grants against their payments (对账表), as a workbook. */
export const reconciliationInput = z.object({ year: yearSchema, lang: langInput });
/** A grant awaiting its second staff member (the request's id is the grant's). */
export const approveGrantInput = z.object({ fileId: idInput, grantId: idInput, version: z.number().int().min(1) });
export const declineGrantInput = approveGrantInput.extend({ reason: text(limits.hardship.reason) });

// ── ledger (台账) ─────────────────────────────────────────────────────────────────────────
export { MAX_LEDGER_BYTES };

export const templateInput = z.object({ lang: langInput }).optional();
export const exportInput = z.object({ year: yearSchema.optional(), lang: langInput }).optional();
export const nationalExportInput = z.object({ lang: langInput }).optional();

export const importInput = z.preprocess(
  // multipart/form-data arrives as FormData: fields `file` (the .xlsx), `mode` and `lang` (of the error report).
  (v) => (v instanceof FormData ? { file: v.get('file') ?? undefined, mode: v.get('mode') ?? undefined, lang: v.get('lang') ?? undefined } : v),
  z
    .object({
      file: z
        .instanceof(Blob, { error: bilingualMessage({ zh: '请选择 Excel 文件', en: 'Choose an Excel file' }) })
        .refine((b) => b.size > 0 && b.size <= MAX_LEDGER_BYTES, { message: `文件为空或超过 ${MAX_LEDGER_BYTES / 1024 / 1024} MB`, params: { en: `The file is empty or over ${MAX_LEDGER_BYTES / 1024 / 1024} MB` } })
        .optional(),
      fileBase64: z.string().min(1).max(Math.ceil(MAX_LEDGER_BYTES / 3) * 4).optional(),
      mode: z.enum(['allOrNothing', 'validRows']),
      lang: langInput,
    })
    .refine((i) => !!i.file !== !!i.fileBase64, { message: '请选择 Excel 文件', params: { en: 'Choose an Excel file' }, path: ['file'] }),
);
export type ImportInput = z.infer<typeof importInput>;

/** A background import: the workbook's name and exact size (the signed upload accepts exactly these bytes). */
export const importStartInput = importJobStartInput(MAX_LEDGER_BYTES);
export { importJobIdInput };

// ── 临时救助 without a file, and its 转正 ──────────────────────────────────────────────────
/** A one-off grant to a person who has no hardship file: who, why, how much and from which fund. */
export const temporaryGrantInput = z.object({
  worker: z.object({ name: text(limits.hardship.personName), idNumber: idNumberSchema }),
  reason: text(limits.hardship.reason),
  amountFen: grantInput.shape.amountFen,
  fundSource: z.enum(FundSource.values),
});
/** 转正: a full file for the person's household (the name and ID come from the record), carrying the grant over. */
export const temporaryConvertInput = z.object({
  aidId: idInput,
  version,
  unitId: idInput,
  worker: workerInput.omit({ name: true, idNumber: true }),
  household: householdInput,
  consentGiven: createInput.shape.consentGiven,
});
