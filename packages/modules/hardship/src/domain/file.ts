import { z } from 'zod';
import { HardshipClockKind } from './clocks.js';
import { AidKind, FundSource, SchoolLevel } from './rules.js';
import { TierResult } from './tier.js';
import { FileStatus } from './workflow.js';
import { PaymentChannel } from './disbursement.js';

/**
 * The hardship entities as stored (store.ts parses every item read against these). Sensitive
 * personal information (ID number, phone, household figures, illness and findings) is stored
 * only encrypted, next to masked forms.
 */

/** One entry of a file's timeline; never carries free text with personal data. */
export const timelineEntrySchema = z.object({
  at: z.string(),
  action: z.string(),
  actor: z.string(),
  on: z.string().optional(),
});
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;

/**
 * Where a file came from when another module opened it (the 劳模 生活状况调查 opens a draft routed to
 * 劳模专项资金): the module, the record and the person there, and the fund the aid is meant to come from.
 */
export const fileOriginSchema = z.object({
  module: z.literal('modelWorkers'),
  surveyId: z.string(),
  personId: z.string(),
  year: z.number().int(),
  fundSource: z.enum(FundSource.values),
});
export type FileOrigin = z.infer<typeof fileOriginSchema>;

export const hardshipFileSchema = z.object({
  fileId: z.string(),
  tenantId: z.string(),
  unitId: z.string(),
  status: z.enum(FileStatus.values),
  worker: z.object({
    name: z.string(),
    nameMasked: z.string(),
    idMasked: z.string(),
    idEncrypted: z.string(),
    phoneMasked: z.string().optional(),
    phoneEncrypted: z.string().optional(),
    migrant: z.boolean(),
  }),
  /** Tenant-scoped blind index of the ID number (the open-file guard key). */
  idIndex: z.string(),
  /** Province-scoped blind index (the cross-tenant duplicate check key). */
  provinceIndex: z.string(),
  householdSize: z.number().int(),
  /** Household figures, members, causes, the explanation: encrypted JSON (`HouseholdDetails`). */
  householdEncrypted: z.string(),
  findingsEncrypted: z.string().optional(),
  tier: z.enum(TierResult.values),
  /** Year of the rule pack the tier was computed under. */
  rulesYear: z.number().int(),
  /** False only on a draft opened without the worker (the 劳模 survey hand-over) until submit records consent. */
  consentGiven: z.boolean(),
  createdBy: z.string(),
  /** Set on a draft made from an imported 台账 row: when it was imported (its `createdBy` is who imported it). */
  importedAt: z.string().optional(),
  /** Blind indexes of the other household members' ID numbers: the one-open-file rule covers them too. */
  memberIdIndexes: z.array(z.string()).optional(),
  /** The background import job that wrote it (a retried step recognises its own rows). */
  importJobId: z.string().optional(),
  /** Set on a draft another module opened (no personal data: ids, the year and the fund). */
  origin: fileOriginSchema.optional(),
  submittedBy: z.string().optional(),
  submittedOn: z.string().optional(),
  investigationDueOn: z.string().optional(),
  visitedOn: z.string().optional(),
  noticeStartsOn: z.string().optional(),
  noticeEndsOn: z.string().optional(),
  reviewedBy: z.string().optional(),
  approvedOn: z.string().optional(),
  lastVerifiedOn: z.string().optional(),
  exitedOn: z.string().optional(),
  followUpDueOn: z.string().optional(),
  /** The post-exit follow-up visit (closes the follow-up clock); its findings are stored encrypted. */
  followedUpOn: z.string().optional(),
  followUpFindingsEncrypted: z.string().optional(),
  reentries: z.number().int(),
  /** The clocks the daily tick found overdue and no step has answered yet (counted in `hardship.clocks.overdue`). */
  overdueClocks: z.array(z.enum(HardshipClockKind.values)).optional(),
  timeline: z.array(timelineEntrySchema),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type HardshipFile = z.infer<typeof hardshipFileSchema>;

/** What is inside `householdEncrypted` (parsed after decryption). */
export const householdDetailsSchema = z.object({
  members: z.array(
    z.object({ relation: z.string(), name: z.string(), idMasked: z.string().optional(), annualIncomeFen: z.number().optional(), health: z.string().optional() }),
  ),
  annualIncomeFen: z.number(),
  rigidExpensesFen: z.number(),
  hardshipCostsFen: z.number().optional(),
  assets: z.string().optional(),
  causes: z.array(z.string()),
  events: z.array(z.string()),
  employmentStart: z.string().optional(),
  explanation: z.string(),
  explanationEn: z.string(),
  perCapitaMonthlyFen: z.number(),
});
export type HouseholdDetails = z.infer<typeof householdDetailsSchema>;

export const grantSchema = z.object({
  grantId: z.string(),
  tenantId: z.string(),
  fileId: z.string(),
  year: z.number().int(),
  kind: z.enum(AidKind.values),
  amountFen: z.number().int(),
  fundSource: z.enum(FundSource.values),
  /**
   * 金秋助学 only: the student (their place in the household's member list when granted, never a name), the school
   * level, and the tenant-scoped blind index of the student's ID number (the once-a-year guard's key; grants made
   * before the guard was keyed by identity have none).
   */
  student: z.object({ memberIndex: z.number().int(), level: z.enum(SchoolLevel.values), idIndex: z.string().optional() }).optional(),
  grantedOn: z.string(),
  grantedBy: z.string(),
  /** A grant above the approval threshold: who approved it (the requester is `grantedBy`). */
  approvedBy: z.string().optional(),
  note: z.string().optional(),
  bankAccountMasked: z.string().optional(),
  bankAccountEncrypted: z.string().optional(),
  /** 发放登记: when and how the money reached the household (recorded once). */
  disbursement: z
    .object({ paidOn: z.string(), channel: z.enum(PaymentChannel.values), reference: z.string().optional(), recordedBy: z.string(), recordedAt: z.string() })
    .optional(),
  createdAt: z.string(),
});
export type Grant = z.infer<typeof grantSchema>;

/** A grant above the approval threshold, waiting for (or decided by) a second staff member; its id becomes the grant's. */
export const grantRequestSchema = grantSchema.omit({ grantedOn: true, grantedBy: true, disbursement: true }).extend({
  status: z.enum(['pending', 'approved', 'declined']),
  requestedBy: z.string(),
  requestedOn: z.string(),
  decidedBy: z.string().optional(),
  decidedOn: z.string().optional(),
  declineReason: z.string().optional(),
  version: z.number().int(),
});
export type GrantRequest = z.infer<typeof grantRequestSchema>;

export const fundSchema = z.object({
  year: z.number().int(),
  source: z.enum(FundSource.values),
  budgetFen: z.number().int(),
  grantedFen: z.number().int(),
  remainingFen: z.number().int(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type Fund = z.infer<typeof fundSchema>;
