import { z } from 'zod';
import { defineEvent, metricFields } from '@ufp/kit/event';
import { HardshipClockKind } from './domain/clocks.js';
import { AidKind, FundSource } from './domain/rules.js';
import { TierResult } from './domain/tier.js';
import { FileStatus } from './domain/workflow.js';

/**
 * Every event the hardship module publishes. Data carries ids, tiers, statuses and numbers: never a
 * name, an ID number or a household figure. Metric deltas for the rollups are in `metrics`
 * (keys declared in metrics.ts).
 */

export const fileStep = z.object({
  fileId: z.string(),
  unitId: z.string(),
  tier: z.enum(TierResult.values),
  status: z.enum(FileStatus.values),
  ...metricFields,
});

export const fileCreated = defineEvent('hardship.file.created', z.object({ fileId: z.string(), unitId: z.string(), tier: z.enum(TierResult.values) }));
export const fileSubmitted = defineEvent('hardship.file.submitted', fileStep);
/** Put on file (建档) after review; carries the approval's metrics (households on file, days to approval). */
export const fileApproved = defineEvent('hardship.file.approved', fileStep);
export const fileRejected = defineEvent('hardship.file.rejected', fileStep);
export const fileReverified = defineEvent('hardship.file.reverified', fileStep);
/** Exited hardship (脱困). */
export const fileExited = defineEvent('hardship.file.exited', fileStep);
/** Back in hardship after an exit (返困). */
export const fileReentered = defineEvent('hardship.file.reentered', fileStep);
/** A step without an event of its own that still moved a rollup metric. */
export const fileChanged = defineEvent('hardship.file.changed', fileStep);

/** A background ledger import's next step is due (the check, or the next batch of writes): see ledger-job.ts. */
export const importStepQueued = defineEvent('hardship.ledger.queued', z.object({ jobId: z.string(), step: z.number().int().min(1) }));

/** One batch of a ledger import written (files created as drafts). */
export const ledgerImported = defineEvent('hardship.ledger.imported', z.object({ files: z.number().int().min(1) }));

export const aidGranted = defineEvent(
  'hardship.aid.granted',
  z.object({
    grantId: z.string(),
    /** Absent on a 临时救助 to a person without a file. */
    fileId: z.string().optional(),
    kind: z.enum(AidKind.values),
    amountFen: z.number().int(),
    fundSource: z.enum(FundSource.values),
    /**
     * 金秋助学: the students the grant aids (1: it is granted per student) — what 十件实事 "资助N人" sums. A count
     * only, never who. Absent on other kinds and on education grants made before grants named their student.
     */
    students: z.number().int().min(1).optional(),
    ...metricFields,
    year: z.number().int(),
  }),
);

/**
 * A fund source's budget for a year set (or changed): the year (`data.year`, the rollup partition), the
 * source, the new budget and the change as the rollup delta — the year of the grants drawn on it.
 */
export const fundSet = defineEvent('hardship.fund.set', z.object({ source: z.enum(FundSource.values), budgetFen: z.number().int(), ...metricFields, year: z.number().int() }));

/**
 * A file's legal clocks newly overdue or no longer overdue, as the daily tick found them (the file's
 * `overdueClocks` marks move with it in the same transaction): the kinds now marked and the rollup delta.
 */
export const clocksOverdue = defineEvent('hardship.file.overdue', z.object({ fileId: z.string(), unitId: z.string(), overdueClocks: z.array(z.enum(HardshipClockKind.values)), ...metricFields }));

/**
 * A 劳模 生活状况调查 hand-over found the household below the hardship line (a draft opened, or the worker's file
 * already open): once per survey, in the survey's year, with the 劳模 module's rollup delta (declared there).
 */
export const surveyReferred = defineEvent('hardship.survey.referred', z.object({ surveyId: z.string(), tier: z.enum(TierResult.values), outcome: z.enum(['file_opened', 'open_file_exists']), ...metricFields }));

export const publishedEvents = [fileCreated, fileSubmitted, fileApproved, fileRejected, fileReverified, fileExited, fileReentered, fileChanged, ledgerImported, importStepQueued, aidGranted, fundSet, clocksOverdue, surveyReferred] as const;
