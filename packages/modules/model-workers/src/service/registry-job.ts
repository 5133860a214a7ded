import type { ApiDeps } from '@ufp/kit/deps';
import { cancelImport, importJob, importJobErrors, importJobs, queueImport, resumeImport, startImport, type Importer, type ImportRun } from '@ufp/kit/import-jobs';
import type { z } from 'zod';
import { registryImportStepQueued } from '../events.js';
import type { registryImportJobIdInput, registryImportStartInput } from '../schemas/extras.js';
import type { Ctx } from './context.js';
import { checkRegistry, errorReport, writeRegistry } from './registry.js';

/**
 * The 劳模台账 import as a background job (the console's way): the workbook goes straight to the blob store, the
 * `modelWorkersRegistryImport` consumer checks it and writes it in steps, and the page polls the job. The same check
 * and row writes as the in-request `registry.import` (registry.ts), so both answer the same rows the same way.
 */
export const REGISTRY_IMPORT = 'modelWorkers.registry';

/**
 * A write step ends at its next batch boundary (every 20 rows) once this long has passed: well inside a consumer's default 60 s timeout
 * (the kit's default step, 60 s, is sized for the hardship consumer's own 300 s function). Registry rows are written
 * one at a time, so a step of 30 s is some hundreds of rows; the check (at most MAX_REGISTRY_ROWS rows, no writes)
 * takes a few seconds.
 */
export const REGISTRY_STEP_MILLIS = 30_000;

const stepEvent = (data: { jobId: string; step: number }) => registryImportStepQueued.create(data);

type In<S extends z.ZodType> = z.output<S>;

export const start = (ctx: Ctx, input: In<typeof registryImportStartInput>) => startImport(ctx, REGISTRY_IMPORT, input);
export const queue = (ctx: Ctx, input: In<typeof registryImportJobIdInput>) => queueImport(ctx, REGISTRY_IMPORT, input.jobId, stepEvent);
export const get = (ctx: Ctx, input: In<typeof registryImportJobIdInput>) => importJob(ctx, REGISTRY_IMPORT, input.jobId);
export const list = (ctx: Ctx) => importJobs(ctx, REGISTRY_IMPORT);
export const cancel = (ctx: Ctx, input: In<typeof registryImportJobIdInput>) => cancelImport(ctx, REGISTRY_IMPORT, input.jobId);
export const resume = (ctx: Ctx, input: In<typeof registryImportJobIdInput>) => resumeImport(ctx, REGISTRY_IMPORT, input.jobId, stepEvent);

/** Every row error of the job as a workbook in the job's language. */
export async function errors(ctx: Ctx, input: In<typeof registryImportJobIdInput>) {
  const { job, errors } = await importJobErrors(ctx, REGISTRY_IMPORT, input.jobId);
  return errorReport(errors, job.lang);
}

/**
 * The context the registry's writes run with in the consumer: the job creator's tenant scope and the delivery's
 * correlation id. The person and honour commands type their context as a procedure's; what they use of its deps
 * (table, clock, cursors, cipher, blind-index key) a consumer has too — the registry's rows name no unit, so the unit
 * directory a form's `unitId` would be checked against is never asked for.
 */
const consumerCtx = (run: ImportRun): Ctx => ({ deps: run.deps as unknown as ApiDeps, scope: run.scope, correlationId: run.correlationId });

/** The registry's check and writes, as the import consumer runs them. */
export const registryImporter: Importer = {
  async check(run, progress) {
    const checked = await checkRegistry(consumerCtx(run), run.bytes, progress);
    return checked && { total: checked.total, valid: checked.valid, errors: checked.errors };
  },
  async write(run, opts) {
    const step = await writeRegistry(consumerCtx(run), run.bytes, { ...opts, jobId: run.job.jobId });
    return { cursor: step.cursor, written: step.written, skipped: step.skipped, errors: step.errors, ended: step.ended };
  },
};

export { stepEvent as registryImportStepEvent };
