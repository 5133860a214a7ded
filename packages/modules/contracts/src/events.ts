import { z } from 'zod';
import { isoDateSchema } from '@ufp/core/validation/zod';
import { defineEvent, metricFields } from '@ufp/kit/event';
import { contractType, industry } from './domain/contract.js';

/** Every event of a contract carries its id and type; no personal data. */
const contractRef = { contractId: z.string(), type: z.enum(contractType.values), ...metricFields };

export const contractCreated = defineEvent('contracts.contract.created', z.object(contractRef));
export const contractSigned = defineEvent('contracts.contract.signed', z.object(contractRef));
export const contractRenewed = defineEvent('contracts.contract.renewed', z.object({ ...contractRef, successorId: z.string() }));
/** An amendment (变更协议) took effect and its clauses became the contract's: the clause-based stocks (wage growth) move. */
export const contractAmended = defineEvent('contracts.contract.amended', z.object({ ...contractRef, amendmentId: z.string() }));
export const contractTerminated = defineEvent('contracts.contract.terminated', z.object(contractRef));
/** Once per contract, on the day after its review period (`year` is that day's); ten-things targets count it. */
export const contractEffective = defineEvent(
  'contracts.contract.effective',
  z.object({ ...contractRef, industry: z.enum(industry.values).optional(), coveredEmployees: z.number().int(), effectiveOn: isoDateSchema }),
);
export const contractExpiring = defineEvent('contracts.contract.expiring', z.object({ ...contractRef, termEnd: isoDateSchema }));
export const contractExpired = defineEvent('contracts.contract.expired', z.object({ ...contractRef, termEnd: isoDateSchema }));

/**
 * The contract's legal clocks marked overdue changed: the daily tick marked one the day after its last day, or a
 * step answered or closed a marked one. `overdueClocks` are the clocks now marked (`filing`, `repVacancy:worker`,
 * …); the metrics move `contracts.clocks.overdue`.
 */
export const contractClocksOverdue = defineEvent('contracts.contract.overdue', z.object({ ...contractRef, overdueClocks: z.array(z.string()) }));

/**
 * A timed duty of the contract settled (see `Outcome`): an offer answered or its reply period missed, a review ended in
 * effect or an objection, a contract year's 履约 check done or missed. Counts only, for the compliance indicators.
 */
export const contractDutySettled = defineEvent(
  'contracts.contract.dutySettled',
  z.object({ ...contractRef, duty: z.enum(['offerReply', 'review', 'performanceCheck']), kept: z.boolean() }),
);

/** The operator loaded a year's holiday notice (platform-owned): the re-check of every tenant's clocks starts here. */
export const calendarLoaded = defineEvent('contracts.calendar.loaded', z.object({ jobId: z.string(), year: z.number().int() }));
/** One tenant's share of a calendar re-check (fanned out from `calendarLoaded`, one per active tenant). */
export const calendarRecheck = defineEvent('contracts.calendar.recheck', z.object({ jobId: z.string(), year: z.number().int() }));

export const contractEvents = [contractCreated, contractSigned, contractRenewed, contractAmended, contractTerminated, contractEffective, contractExpiring, contractExpired, contractClocksOverdue, contractDutySettled, calendarLoaded, calendarRecheck] as const;
