import type { z } from 'zod';
import { noDataRows } from '@ufp/kit/excel';
import { cancelImport, importJob, importJobErrors, importJobs, queueImport, resumeImport, startImport, type Importer } from '@ufp/kit/import-jobs';
import type { LedgerError } from '../domain/ledger.js';
import { importStepQueued } from '../events.js';
import type { importJobIdInput, importStartInput } from '../schemas.js';
import type { Ctx } from './context.js';
import { checkLedger, errorReport, openLedger, writeLedger } from './ledger.js';

/**
 * The 台账 import as a background job (the console's way): the workbook goes straight to the blob store, the
 * `hardshipLedgerImport` consumer checks it and writes it in steps, and the page polls the job. The same check and
 * writes as the in-request import (ledger.ts), so both answer the same rows the same way.
 */
export const LEDGER_IMPORT = 'hardship.ledger';

const stepEvent = (data: { jobId: string; step: number }) => importStepQueued.create(data);

export const start = (ctx: Ctx, input: z.output<typeof importStartInput>) => startImport(ctx, LEDGER_IMPORT, input);
export const queue = (ctx: Ctx, input: z.output<typeof importJobIdInput>) => queueImport(ctx, LEDGER_IMPORT, input.jobId, stepEvent);
export const get = (ctx: Ctx, input: z.output<typeof importJobIdInput>) => importJob(ctx, LEDGER_IMPORT, input.jobId);
export const list = (ctx: Ctx) => importJobs(ctx, LEDGER_IMPORT);
export const cancel = (ctx: Ctx, input: z.output<typeof importJobIdInput>) => cancelImport(ctx, LEDGER_IMPORT, input.jobId);
export const resume = (ctx: Ctx, input: z.output<typeof importJobIdInput>) => resumeImport(ctx, LEDGER_IMPORT, input.jobId, stepEvent);

/** Every row error of the job as a workbook in the job's language. */
export async function errors(ctx: Ctx, input: z.output<typeof importJobIdInput>) {
  const { job, errors } = await importJobErrors(ctx, LEDGER_IMPORT, input.jobId);
  return errorReport(errors, job.lang);
}

/** The hardship ledger's check and writes, as the import consumer runs them. */
export const ledgerImporter: Importer = {
  async check(run, progress) {
    const ledger = await openLedger(run, run.bytes, run.fileHash);
    const checked = await checkLedger(ledger, progress);
    if (checked?.total === 0) throw noDataRows();
    return checked && { total: checked.total, valid: checked.valid, errors: checked.errors };
  },
  async write(run, opts) {
    const ledger = await openLedger(run, run.bytes, run.fileHash);
    const errors: LedgerError[] = [];
    const step = await writeLedger(ledger, { ...opts, errors, jobId: run.job.jobId });
    return { ...step, errors };
  },
};

export { stepEvent as ledgerImportStepEvent };
