import { createHash } from 'node:crypto';
import type { z } from 'zod';
import { GetCommand, PutCommand, QueryCommand, UpdateCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { DomainError, notFound, type Bilingual } from '@ufp/core/errors';
import type { DefinedEvent } from '@ufp/core/events';
import { newId } from '@ufp/core/ids';
import {
  assertCanCancel,
  assertCanQueue,
  assertCanResume,
  assertWorkbookStored,
  checkImportUpload,
  IMPORT_ERROR_CHUNK,
  IMPORT_WORKBOOK_TAG,
  importKey,
  importProgress,
  INLINE_IMPORT_ERRORS,
  isRunning,
  resumedStatus,
  statusAfterCheck,
  type ImportJob,
  type ImportJobStatus,
  type ImportMode,
  type ImportRowError,
} from '@ufp/core/imports/job';
import type { TenantScope } from '@ufp/core/tenancy/scope';
import { tenantPrefix } from '@ufp/db/keys';
import { queryAll } from '@ufp/db/query';
import type { Table } from '@ufp/db/table';
import type { UnitOfWork, WriteContext } from '@ufp/db/unit-of-work';
import type { ConsumerEffects } from '@ufp/events/idempotent-consumer';
import { intoEffects } from './consumer-effects.js';
import { blobStore, UPLOAD_URL_SECONDS } from './evidence.js';
import { XLSX_CONTENT_TYPE } from './excel.js';
import { defineConsumer, type ConsumerDefinition, type ConsumerDeps } from './module.js';
import type { EventDefinition } from './event.js';
import type { Context } from './trpc.js';
import { write } from './write.js';

/**
 * Imports as background jobs, for any module's spreadsheet: the job record, the presigned upload, the procedures'
 * use cases (start, queue, get, list, cancel, resume, all errors) and the consumer's step runner. A module supplies an
 * `Importer` (its check and its writes) and a step event; see the hardship ledger for one.
 */

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];
type WriteCtx = Context & { scope: TenantScope };

export const importJobKeys = {
  job: (tenantId: string, jobId: string) => ({ pk: `${tenantPrefix(tenantId)}IMPORTJOB`, sk: jobId }),
  partition: (tenantId: string) => `${tenantPrefix(tenantId)}IMPORTJOB`,
  /** Every row error of a job, in chunks: `check#0000…` from the check, `write#<step>` from a write step. */
  errors: (tenantId: string, jobId: string, chunk: string) => ({ pk: `${tenantPrefix(tenantId)}IMPORTJOB#${jobId}#ERRORS`, sk: chunk }),
  errorPartition: (tenantId: string, jobId: string) => `${tenantPrefix(tenantId)}IMPORTJOB#${jobId}#ERRORS`,
};

/** What the page shows of a job (its blob key stays on the server). */
export function importJobView(job: ImportJob) {
  const { key: _key, tenantId: _tenant, ...rest } = job;
  return { ...rest, progress: importProgress(job) ?? null };
}
export type ImportJobView = ReturnType<typeof importJobView>;

const jobOf = (item: Record<string, unknown>): ImportJob => {
  const { pk: _pk, sk: _sk, kind: _kind, ...job } = item;
  return job as unknown as ImportJob;
};

const jobMissing = () => notFound({ zh: '导入任务', en: 'Import job' });

async function findJob(table: Table, tenantId: string, jobId: string): Promise<ImportJob | undefined> {
  const res = await table.doc.send(new GetCommand({ TableName: table.name, Key: importJobKeys.job(tenantId, jobId), ConsistentRead: true }));
  return res.Item ? jobOf(res.Item) : undefined;
}

async function getJob(ctx: WriteCtx, source: string, jobId: string): Promise<ImportJob> {
  const job = await findJob(ctx.deps.table, ctx.scope.tenantId, jobId);
  if (!job || job.source !== source) throw jobMissing();
  return job;
}

/**
 * An update of some of the job's fields, only while its step (and status, when given) is what the caller read: a
 * stale continuation or a concurrent cancel cannot move a job it no longer describes. Fields not named are kept (the
 * consumer never overwrites a `cancelRequested` it did not see).
 */
function jobUpdate(table: Table, job: Pick<ImportJob, 'tenantId' | 'jobId' | 'step'>, set: Partial<ImportJob>, opts: { remove?: (keyof ImportJob)[]; status?: readonly ImportJobStatus[] } = {}): TransactItem {
  const names: Record<string, string> = { '#step': 'step' };
  const values: Record<string, unknown> = { ':step': job.step };
  const sets = Object.entries(set)
    .filter(([, v]) => v !== undefined)
    .map(([k, v], i) => {
      names[`#f${i}`] = k;
      values[`:f${i}`] = v;
      return `#f${i} = :f${i}`;
    });
  const removes = (opts.remove ?? []).map((k, i) => {
    names[`#r${i}`] = k;
    return `#r${i}`;
  });
  let condition = 'attribute_exists(pk) AND #step = :step';
  if (opts.status) {
    names['#status'] = 'status';
    opts.status.forEach((s, i) => (values[`:s${i}`] = s));
    condition += ` AND #status IN (${opts.status.map((_, i) => `:s${i}`).join(', ')})`;
  }
  return {
    Update: {
      TableName: table.name,
      Key: importJobKeys.job(job.tenantId, job.jobId),
      UpdateExpression: `SET ${sets.join(', ')}${removes.length ? ` REMOVE ${removes.join(', ')}` : ''}`,
      ConditionExpression: condition,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    },
  };
}

const jobChanged = () => new DomainError('conflict', { zh: '导入任务状态已变化，请刷新', en: 'The import changed meanwhile; reload' }, { reason: 'stale_version' });

export interface StartImportInput {
  fileName: string;
  sizeBytes: number;
  mode: ImportMode;
  lang?: 'zh' | 'en';
}

/** A new job awaiting its upload, and the signed PUT the browser sends the workbook with. */
export async function startImport(ctx: WriteCtx, source: string, input: StartImportInput) {
  const now = ctx.deps.clock.now().toISOString();
  const jobId = newId();
  const job: ImportJob = {
    jobId,
    tenantId: ctx.scope.tenantId,
    source,
    fileName: input.fileName,
    sizeBytes: input.sizeBytes,
    key: importKey(ctx.scope.tenantId, jobId),
    mode: input.mode,
    lang: input.lang ?? 'zh',
    status: 'awaiting_upload',
    step: 0,
    checked: 0,
    written: 0,
    skipped: 0,
    cursor: 0,
    errorCount: 0,
    errorRows: 0,
    errors: [],
    createdBy: ctx.scope.actor.sub,
    createdByName: ctx.scope.actor.name,
    createdAt: now,
    updatedAt: now,
  };
  const put = await blobStore(ctx.deps).presignPut(job.key, { contentType: XLSX_CONTENT_TYPE, contentLength: input.sizeBytes, expiresInSeconds: UPLOAD_URL_SECONDS, tags: IMPORT_WORKBOOK_TAG });
  return write(ctx, (uow) => {
    uow.create({ ...importJobKeys.job(job.tenantId, jobId), kind: 'import.job', ...job }, jobChanged());
    uow.audit({ action: `${source}.importJob.start`, entityType: 'import.job', entityId: jobId, summary: `开始后台导入 ${input.fileName}（${kib(input.sizeBytes)} KB）` });
    return { job: importJobView(job), upload: { uploadUrl: put.url, method: put.method, headers: put.headers, expiresAt: put.expiresAt } };
  });
}

const kib = (bytes: number) => Math.max(1, Math.round(bytes / 1024));

/** The upload is in: checks what arrived and queues the job's first step. */
export async function queueImport(ctx: WriteCtx, source: string, jobId: string, stepEvent: (data: { jobId: string; step: number }) => DefinedEvent) {
  const job = await getJob(ctx, source, jobId);
  assertCanQueue(job);
  const blobs = blobStore(ctx.deps);
  const stored = await blobs.head(job.key);
  checkImportUpload(job.sizeBytes, stored && { sizeBytes: stored.sizeBytes, head: await blobs.readStart(job.key, 4, stored.version) });
  const next: ImportJob = { ...job, status: 'queued', step: job.step + 1, updatedAt: ctx.deps.clock.now().toISOString() };
  return write(ctx, (uow) => {
    uow.raw(jobUpdate(ctx.deps.table, job, { status: next.status, step: next.step, updatedAt: next.updatedAt }, { status: ['awaiting_upload'] }), jobChanged());
    uow.emit(stepEvent({ jobId, step: next.step }));
    uow.audit({ action: `${source}.importJob.queue`, entityType: 'import.job', entityId: jobId, summary: `提交后台导入 ${job.fileName}` });
    return importJobView(next);
  });
}

export async function importJob(ctx: WriteCtx, source: string, jobId: string) {
  return importJobView(await getJob(ctx, source, jobId));
}

/** The tenant's latest jobs of this source, newest first. */
export async function importJobs(ctx: WriteCtx, source: string, limit = 20) {
  const res = await ctx.deps.table.doc.send(
    new QueryCommand({
      TableName: ctx.deps.table.name,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': importJobKeys.partition(ctx.scope.tenantId) },
      ScanIndexForward: false,
      Limit: 100,
    }),
  );
  return (res.Items ?? []).map(jobOf).filter((j) => j.source === source).slice(0, limit).map(importJobView);
}

/** 取消: a job awaiting its upload is cancelled at once; a running one stops at its next batch (rows written stay). */
export async function cancelImport(ctx: WriteCtx, source: string, jobId: string) {
  const job = await getJob(ctx, source, jobId);
  assertCanCancel(job);
  const now = ctx.deps.clock.now().toISOString();
  const next: ImportJob = job.status === 'awaiting_upload' ? { ...job, status: 'cancelled', updatedAt: now } : { ...job, cancelRequested: true, updatedAt: now };
  return write(ctx, (uow) => {
    uow.raw(jobUpdate(ctx.deps.table, job, { status: next.status, cancelRequested: next.cancelRequested, updatedAt: now }, { status: [job.status] }), jobChanged());
    uow.audit({ action: `${source}.importJob.cancel`, entityType: 'import.job', entityId: jobId, summary: `取消后台导入 ${job.fileName}（已写入 ${job.written} 行）` });
    return importJobView(next);
  });
}

/** 继续: a cancelled job carries on from its last finished batch (a job cancelled before its check finished checks again). */
export async function resumeImport(ctx: WriteCtx, source: string, jobId: string, stepEvent: (data: { jobId: string; step: number }) => DefinedEvent) {
  const job = await getJob(ctx, source, jobId);
  assertCanResume(job);
  assertWorkbookStored(job, (await blobStore(ctx.deps).head(job.key)) !== undefined);
  const now = ctx.deps.clock.now().toISOString();
  const next: ImportJob = { ...job, status: resumedStatus(job), step: job.step + 1, cancelRequested: undefined, updatedAt: now };
  return write(ctx, (uow) => {
    uow.raw(jobUpdate(ctx.deps.table, job, { status: next.status, step: next.step, updatedAt: now }, { status: ['cancelled'], remove: ['cancelRequested', 'finishedAt'] }), jobChanged());
    uow.emit(stepEvent({ jobId, step: next.step }));
    uow.audit({ action: `${source}.importJob.resume`, entityType: 'import.job', entityId: jobId, summary: `继续后台导入 ${job.fileName}（自第 ${job.cursor + 1} 行）` });
    return importJobView(next);
  });
}

/** Every row error of a job, in row order (the error report). */
export async function importJobErrors(ctx: WriteCtx, source: string, jobId: string): Promise<{ job: ImportJob; errors: ImportRowError[] }> {
  const job = await getJob(ctx, source, jobId);
  return { job, errors: await storedErrors(ctx.deps.table, job) };
}

async function storedErrors(table: Table, job: Pick<ImportJob, 'tenantId' | 'jobId'>): Promise<ImportRowError[]> {
  const chunks = await queryAll<{ errors: ImportRowError[] }>(table, {
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': importJobKeys.errorPartition(job.tenantId, job.jobId) },
    ConsistentRead: true,
  });
  return chunks.flatMap((c) => c.errors).sort((a, b) => a.row - b.row);
}

// ── The consumer side ──────────────────────────────────────────────────────────────────────────────────────────

/** What a module's importer is given for one job. */
export interface ImportRun {
  deps: ConsumerDeps;
  scope: TenantScope;
  correlationId: string;
  job: ImportJob;
  bytes: Uint8Array;
  /** SHA-256 of `bytes` (hex), hashed once per delivery; rows are keyed by it. */
  fileHash: string;
}

export interface Importer {
  /**
   * Pass 1: reads every row and validates it (in-file duplicates, the store's own guards). `progress` is called every
   * few thousand rows; when it answers `true` (cancelled), the check stops and answers undefined.
   */
  check(run: ImportRun, progress: (rowsRead: number) => Promise<boolean>): Promise<{ total: number; valid: number; errors: ImportRowError[] } | undefined>;
  /**
   * One write step: the valid rows after Excel row `after`, at most `maxRows` of them, in the module's own
   * transactions (each row keyed by the file hash and its row number). A row already written by this job (an earlier
   * attempt of the step) counts as written, one written by another import of the same file as skipped. `stop` is
   * told the valid rows handled so far at each batch boundary; true ends the step there.
   */
  write(
    run: ImportRun,
    opts: { after: number; badRows: ReadonlySet<number>; maxRows: number; stop: (handled: number) => Promise<boolean> },
  ): Promise<{ cursor: number; written: number; skipped: number; errors: ImportRowError[]; ended: boolean }>;
}

export interface ImportStepOptions {
  /** Valid rows written per step (one function invocation); the step also ends early on `stepMillis`. */
  stepRows?: number;
  stepMillis?: number;
  /** Rows between progress stamps (and cancel checks) in the check. */
  progressEvery?: number;
}

export const DEFAULT_IMPORT_STEP_ROWS = 5_000;
/** A step ends after its batch in flight once this long has passed (well inside the consumer's timeout). */
export const DEFAULT_IMPORT_STEP_MILLIS = 60_000;

/**
 * One delivery of a job's step event: the check (one invocation, stamping progress as it reads) or one write step
 * (`stepRows` rows), then the job's new state and the next step's event committed with the delivery's processed
 * marker. A stale event (the job has moved on: a redelivery, or a step before a cancel and resume) does nothing.
 * A crash part-way leaves the job at its last committed step; the retry writes the same rows under the same keys,
 * so it adds nothing twice.
 */
export async function runImportStep(
  run: { deps: ConsumerDeps; tenantId: string; divisionCode: string; correlationId: string; jobId: string; step: number },
  effects: ConsumerEffects,
  importer: Importer,
  stepEvent: (data: { jobId: string; step: number }) => DefinedEvent,
  options: ImportStepOptions = {},
): Promise<void> {
  const { deps } = run;
  const job = await findJob(deps.table, run.tenantId, run.jobId);
  if (!job || job.step !== run.step || !isRunning(job)) return;
  const scope: TenantScope = { kind: 'tenant', tenantId: run.tenantId, divisionCode: run.divisionCode, actor: { sub: job.createdBy, name: job.createdByName, roles: [] } };
  const write: WriteContext = { scope, correlationId: run.correlationId, now: deps.clock.now() };
  const now = () => deps.clock.now().toISOString();
  const commit = async (set: Partial<ImportJob>, emitNext: boolean) => {
    await intoEffects(deps.table, write, effects, (uow: UnitOfWork) => {
      uow.raw(jobUpdate(deps.table, job, { ...set, step: job.step + 1, updatedAt: now() }));
      if (emitNext) uow.emit(stepEvent({ jobId: job.jobId, step: job.step + 1 }));
    });
    // A finished job needs its workbook no more (its errors are stored); a cancelled one keeps it to resume with,
    // until the bucket's lifecycle rule expires it.
    if ((set.status === 'done' || set.status === 'failed') && deps.blobs) effects.afterCommit(() => deps.blobs!.delete(job.key));
  };
  const cancelled = () => commit({ status: 'cancelled', finishedAt: now() }, false);
  const failed = (failure: Bilingual) => commit({ status: 'failed', failure, finishedAt: now() }, false);

  if (job.cancelRequested) return cancelled();
  if (!deps.blobs) throw new Error('import consumer has no blob store (EVIDENCE_BUCKET / local blob store)');
  const bytes = await deps.blobs.read(job.key);
  if (!bytes) return failed({ zh: '找不到上传的文件', en: 'The uploaded file was not found' });
  const importRun: ImportRun = { deps, scope, correlationId: run.correlationId, job, bytes, fileHash: job.fileHash ?? createHash('sha256').update(bytes).digest('hex') };

  if (job.status === 'queued' || job.status === 'checking') {
    const every = options.progressEvery ?? 1_000;
    let stamped = 0;
    const progress = async (rowsRead: number) => {
      if (rowsRead - stamped < every) return false;
      stamped = rowsRead;
      const res = await deps.table.doc.send(
        new UpdateCommand({ ...jobUpdate(deps.table, job, { status: 'checking', checked: rowsRead, updatedAt: now() }).Update!, ReturnValues: 'ALL_NEW' }),
      );
      return res.Attributes?.cancelRequested === true;
    };
    let checked;
    try {
      checked = await importer.check(importRun, progress);
    } catch (err) {
      if (err instanceof DomainError) return failed(err.text);
      throw err;
    }
    if (!checked) return cancelled();
    await putErrorChunks(deps.table, job, 'check', checked.errors);
    const status = statusAfterCheck({ valid: checked.valid, errorCount: checked.errors.length, mode: job.mode });
    return commit(
      {
        status,
        fileHash: importRun.fileHash,
        total: checked.total,
        checked: checked.total,
        valid: checked.valid,
        cursor: 0,
        errorCount: checked.errors.length,
        errorRows: new Set(checked.errors.map((e) => e.row)).size,
        errors: sorted(checked.errors).slice(0, INLINE_IMPORT_ERRORS),
        finishedAt: status === 'done' ? now() : undefined,
      },
      status === 'writing',
    );
  }

  const badRows = new Set((await storedErrors(deps.table, job)).map((e) => e.row));
  const started = Date.now();
  let batches = 0;
  // Every few batches: stamp the rows this step has handled (the page's progress moves within a step) and see
  // whether 取消 was asked for.
  const stop = async (handled: number) => {
    if (Date.now() - started > (options.stepMillis ?? DEFAULT_IMPORT_STEP_MILLIS)) return true;
    if (++batches % 4 !== 0) return false;
    const res = await deps.table.doc.send(new UpdateCommand({ ...jobUpdate(deps.table, job, { stepRows: handled, updatedAt: now() }).Update!, ReturnValues: 'ALL_NEW' }));
    return res.Attributes?.cancelRequested === true;
  };
  const step = await importer.write(importRun, { after: job.cursor, badRows, maxRows: options.stepRows ?? DEFAULT_IMPORT_STEP_ROWS, stop });
  if (step.errors.length) await putErrorChunks(deps.table, job, `write#${String(job.step).padStart(6, '0')}`, step.errors);
  const stoppedByCancel = !step.ended && (await findJob(deps.table, job.tenantId, job.jobId))?.cancelRequested === true;
  const status: ImportJobStatus = step.ended ? 'done' : stoppedByCancel ? 'cancelled' : 'writing';
  return commit(
    {
      status,
      cursor: step.cursor,
      written: job.written + step.written,
      skipped: job.skipped + step.skipped,
      stepRows: 0,
      errorCount: job.errorCount + step.errors.length,
      errorRows: job.errorRows + new Set(step.errors.map((e) => e.row)).size,
      errors: [...job.errors, ...sorted(step.errors)].slice(0, INLINE_IMPORT_ERRORS),
      finishedAt: status === 'writing' ? undefined : now(),
    },
    status === 'writing',
  );
}

const sorted = (errors: ImportRowError[]) => [...errors].sort((a, b) => a.row - b.row);

/** A job's row errors as chunk items under deterministic keys (a retried step overwrites its own chunks). */
async function putErrorChunks(table: Table, job: Pick<ImportJob, 'tenantId' | 'jobId'>, prefix: string, errors: ImportRowError[]): Promise<void> {
  const ordered = sorted(errors);
  for (let i = 0, n = 0; i < ordered.length; i += IMPORT_ERROR_CHUNK, n++) {
    await table.doc.send(
      new PutCommand({ TableName: table.name, Item: { ...importJobKeys.errors(job.tenantId, job.jobId, `${prefix}#${String(n).padStart(4, '0')}`), kind: 'import.errors', errors: ordered.slice(i, i + IMPORT_ERROR_CHUNK) } }),
    );
  }
}

/**
 * A module's import consumer: one step of a job per delivery of its step event (the check, then batches of writes),
 * each step's next event committed with the delivery (see `runImportStep`).
 */
export function defineImportConsumer(spec: {
  name: string;
  description: string;
  stepEvent: EventDefinition<string, z.ZodType<{ jobId: string; step: number }>>;
  importer: Importer;
  options?: ImportStepOptions;
}): ConsumerDefinition {
  const next = (data: { jobId: string; step: number }) => spec.stepEvent.create(data);
  return defineConsumer({
    name: spec.name,
    description: spec.description,
    events: [spec.stepEvent],
    create: (deps) => async (event, effects) => {
      const { data, meta } = event.detail;
      await runImportStep({ deps, tenantId: meta.tenantId, divisionCode: meta.divisionCode, correlationId: meta.correlationId, jobId: data.jobId, step: data.step }, effects, spec.importer, next, spec.options);
    },
  });
}
