import { z } from 'zod';
import { noticeProblems } from '@ufp/core/calendar/calendar';
import { limits, numberLimits } from '@ufp/core/validation/limits';
import { currentDivisionCodeSchema, decimalSchema, isCalendarDate, isoDateSchema, text, usccSchema, yearSchema } from '@ufp/core/validation/zod';
import { declaredFileInput, evidenceIdInput, idInput, langInput, pageInput } from '@ufp/kit/schemas';
import { bargainingSide, clockRules, contractStatus, contractType, dayCountKind, femaleProtection, industry, skillGrade, specialKind } from './domain/contract.js';
import { MAX_CAMPAIGN_CONTRACTS } from './domain/campaign-states.js';
import { filingDocumentKind } from './domain/filing-kinds.js';

export const contractIdInput = z.object({ contractId: idInput });
export const calendarJobInput = z.object({ jobId: idInput });

const wageFen = z.number().int().min(0).max(100_000_000);

const clausesInput = z.object({
  wageGrowthPct: decimalSchema(-50, 100, 2).optional(),
  minimumWageFen: wageFen.optional(),
  /** 工资专项 / 能级工资 only: the monthly wage per skill grade, in fen (checked in `checkSkillGradeWages`). */
  skillGradeWages: z.array(z.object({ grade: z.enum(skillGrade.values), monthlyFen: wageFen })).min(1).max(skillGrade.values.length).optional(),
  /** 女职工权益保护 only: the protections agreed, from the known list, and what else in words. */
  femaleProtections: z
    .object({ items: z.array(z.enum(femaleProtection.values)).max(femaleProtection.values.length).default([]), note: text(limits.contracts.clause).optional() })
    .refine((f) => f.items.length > 0 || !!f.note, { message: '请至少选择一项女职工特殊保护或填写说明', params: { en: 'Choose at least one protection or describe them' }, path: ['items'] })
    .optional(),
  /** 劳动安全卫生 only: the items agreed, at least one. */
  safetyItems: z.array(text(limits.contracts.safetyItem)).min(1).max(50).optional(),
  workingHours: text(limits.contracts.clause).optional(),
  leave: text(limits.contracts.clause).optional(),
  protections: text(limits.contracts.clause).optional(),
  other: text(limits.contracts.otherClauses).optional(),
});

export const createInput = z.object({
  title: text(limits.contracts.title).optional(),
  type: z.enum(contractType.values),
  specialKind: z.enum(specialKind.values).optional(),
  unitId: idInput.optional(),
  scope: z.object({ industry: z.enum(industry.values).optional(), regionCode: currentDivisionCodeSchema.optional() }).optional(),
  employerParties: z.array(z.object({ name: text(limits.contracts.partyName), uscc: usccSchema.optional() })).min(1).max(200),
  coveredEnterprises: z.number().int().min(numberLimits.coveredEnterprises.min).max(numberLimits.coveredEnterprises.max),
  coveredEmployees: z.number().int().min(numberLimits.coveredEmployees.min).max(numberLimits.coveredEmployees.max),
  term: z.object({ start: isoDateSchema, end: isoDateSchema }),
  clauses: clausesInput.default({}),
});
export type CreateInput = z.infer<typeof createInput>;

const listFilter = {
  type: z.enum(contractType.values).optional(),
  status: z.enum(contractStatus.values).optional(),
  industry: z.enum(industry.values).optional(),
  unitId: idInput.optional(),
  expiringWithinDays: z.number().int().min(0).max(3650).optional(),
  /** Title or any employer party contains this. */
  q: text(limits.contracts.search).optional(),
};
export const listInput = z.object({ ...pageInput, ...listFilter }).optional();
export const exportInput = z.object({ ...listFilter, lang: langInput }).optional();

const sideInput = z.enum(bargainingSide.values);

export const offerSendInput = z.object({ contractId: idInput, sentOn: isoDateSchema, fromSide: sideInput });
export const offerReplyInput = z.object({ contractId: idInput, repliedOn: isoDateSchema, accepted: z.boolean() });

/** 集中要约: one offer, one day, many draft contracts (at most `MAX_CAMPAIGN_CONTRACTS`: one transaction). */
export const campaignCreateInput = z.object({
  title: text(limits.contracts.title),
  sentOn: isoDateSchema,
  fromSide: sideInput,
  contractIds: z.array(idInput).min(2).max(MAX_CAMPAIGN_CONTRACTS),
});
export type CampaignCreateInput = z.infer<typeof campaignCreateInput>;
export const campaignIdInput = z.object({ campaignId: idInput });

const memberInput = z.object({
  name: text(limits.contracts.representativeName),
  role: text(limits.contracts.representativeRole),
  outsider: z.boolean().optional(),
  femaleCommitteeHead: z.boolean().optional(),
  /** 工号 or another internal number that tells namesakes apart; not an ID-card number. */
  personRef: text(limits.contracts.personRef).optional(),
});

export const representativesSetInput = z.object({
  contractId: idInput,
  side: sideInput,
  members: z.array(memberInput).min(1).max(30),
  chiefIndex: z.number().int().min(0),
  femaleCommittee: z.boolean().optional(),
});

export const representativesVacateInput = z
  .object({ contractId: idInput, side: sideInput, memberIndex: z.number().int().min(0).max(29).optional(), name: text(limits.contracts.representativeName).optional(), vacatedOn: isoDateSchema, reason: text(limits.contracts.reason) })
  .refine((v) => v.memberIndex !== undefined || v.name !== undefined, { message: '请指明空缺的代表（序号或姓名）', params: { en: 'Name the member whose seat is vacant (index or name)' }, path: ['memberIndex'] });

export const roundsAddInput = z.object({
  contractId: idInput,
  heldOn: isoDateSchema,
  minutes: text(limits.contracts.minutes),
  openIssues: z.array(text(limits.contracts.openIssue)).max(50).default([]),
  /** Clauses this round changed (the agreed wording or figure replaces the draft's). */
  amendments: clausesInput.partial().optional(),
});

export const congressRecordInput = z.object({
  contractId: idInput,
  heldOn: isoDateSchema.optional(),
  representativesTotal: z.number().int().min(1).max(100_000),
  present: z.number().int().min(0).optional(),
  approve: z.number().int().min(0),
});

export const signInput = z.object({ contractId: idInput, signedOn: isoDateSchema });
export const fileInput = z.object({ contractId: idInput, filedOn: isoDateSchema });
/** The bureau's reply: an objection (dated) needs its 审查意见书 uploaded for the contract (`opinionEvidenceId`). */
export const reviewRecordInput = z.object({ contractId: idInput, objectionOn: isoDateSchema.optional(), opinion: text(limits.contracts.opinion).optional(), opinionEvidenceId: idInput.optional() });
export const publishInput = z.object({ contractId: idInput, publishedOn: isoDateSchema });
/** A yearly 履约 check: it answers the earliest contract year begun by `checkedOn` that has none (see `owedContractYear`). */
export const performanceCheckInput = z
  .object({
    contractId: idInput,
    checkedOn: isoDateSchema,
    checkers: z.array(text(limits.contracts.checker)).min(1).max(20),
    items: z.array(z.object({ item: text(limits.contracts.checkItem), kept: z.boolean(), note: text(limits.contracts.checkNote).optional() })).min(1).max(100),
    findings: text(limits.contracts.findings),
    breaches: text(limits.contracts.breaches).optional(),
    reportedToCongress: z.boolean(),
    reportedOn: isoDateSchema.optional(),
    /** Checked files uploaded for the contract (`evidence.createUpload`) that the check cites. */
    evidenceIds: z.array(idInput).max(10).optional(),
  })
  .refine((v) => v.reportedOn === undefined || v.reportedToCongress, { message: '未向职代会报告时不填写报告日期', params: { en: 'Leave the report date blank unless the check was reported to the congress' }, path: ['reportedOn'] });
/**
 * A contract's file as the browser describes it (its bytes are checked again on arrival), for one purpose: a 履约检查
 * file (the default), a 备案材料 of a `kind`, or the bureau's 审查意见书.
 */
export const evidenceUploadInput = z.object({
  contractId: idInput,
  ...declaredFileInput,
  purpose: z.enum(['performanceCheck', 'filing', 'reviewOpinion']).default('performanceCheck'),
  kind: z.enum(filingDocumentKind.values).optional(),
});
export const evidenceInput = evidenceIdInput;
export const terminateInput = z.object({ contractId: idInput, reason: text(limits.contracts.reason) });

export const deadlinesInput = z.object({ withinDays: z.number().int().min(0).max(3650).default(30) }).optional();

export const noticeInput = z
  .object({
    year: yearSchema,
    version: z.number().int().min(0),
    source: text(limits.contracts.noticeSource),
    off: z.array(z.union([isoDateSchema, z.tuple([isoDateSchema, isoDateSchema])])).min(1).max(40),
    work: z.array(isoDateSchema).max(20),
  })
  .superRefine((n, ctx) => {
    // An impossible date already has its issue from the date schema; the notice's own rules read real days only.
    if (![...n.off.flat(), ...n.work].every(isCalendarDate)) return;
    for (const p of noticeProblems(n)) ctx.addIssue({ code: 'custom', path: p.path, message: p.zh, params: { en: p.en } });
  });

const dayCountInput = z.enum(dayCountKind.values).optional();
export const settingsInput = z.object({
  version: z.number().int().min(0),
  dayCount: z.object(Object.fromEntries(clockRules.map((r) => [r, dayCountInput])) as Record<(typeof clockRules)[number], typeof dayCountInput>).optional(),
  extendOnRestDay: z.boolean().optional(),
  minimumWageFen: z.number().int().min(0).max(100_000_000).nullable().optional(),
  outsiderShareMax: z.object({ num: z.number().int().min(0).max(10), den: z.number().int().min(1).max(10) }).refine((f) => f.num <= f.den, { message: '外聘代表比例不得超过1', params: { en: 'The outsider share cannot exceed 1' } }).optional(),
  publishWithinDays: z.number().int().min(0).max(60).optional(),
  requiredFilingDocuments: z.array(z.enum(filingDocumentKind.values)).max(filingDocumentKind.values.length).optional(),
});

export type OfferSendInput = z.infer<typeof offerSendInput>;
export type OfferReplyInput = z.infer<typeof offerReplyInput>;
export type RepresentativesSetInput = z.infer<typeof representativesSetInput>;
export type RepresentativesVacateInput = z.infer<typeof representativesVacateInput>;
export type RoundsAddInput = z.infer<typeof roundsAddInput>;
export type CongressRecordInput = z.infer<typeof congressRecordInput>;
export type SignInput = z.infer<typeof signInput>;
export type FileInput = z.infer<typeof fileInput>;
export type ReviewRecordInput = z.infer<typeof reviewRecordInput>;
export type PublishInput = z.infer<typeof publishInput>;
export type PerformanceCheckInput = z.infer<typeof performanceCheckInput>;
export type TerminateInput = z.infer<typeof terminateInput>;
export type SettingsInput = z.infer<typeof settingsInput>;
export type NoticeInput = z.infer<typeof noticeInput>;
