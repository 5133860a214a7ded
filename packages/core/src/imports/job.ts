import { conflict, invalid, type Bilingual } from '../errors.js';

/**
 * A spreadsheet import that outlives a request: the browser uploads the workbook straight to the blob store, and a
 * consumer checks it, then writes it in steps that each fit one function invocation (a continuation event per step).
 *
 *   awaiting_upload ─queue→ queued ─→ checking ─→ writing ─(steps)→ done
 *                                        │           │
 *                                        └─cancel────┴─→ cancelled ─resume→ writing (or checking)
 *   any running state ─(unreadable file, too many rows)→ failed
 */
export type ImportJobStatus = 'awaiting_upload' | 'queued' | 'checking' | 'writing' | 'cancelled' | 'done' | 'failed';
export type ImportMode = 'allOrNothing' | 'validRows';

export const importJobStatusLabels: Record<ImportJobStatus, Bilingual> = {
  awaiting_upload: { zh: '等待上传', en: 'Awaiting upload' },
  queued: { zh: '排队中', en: 'Queued' },
  checking: { zh: '正在检查', en: 'Checking' },
  writing: { zh: '正在写入', en: 'Writing' },
  cancelled: { zh: '已取消', en: 'Cancelled' },
  done: { zh: '已完成', en: 'Done' },
  failed: { zh: '失败', en: 'Failed' },
};

/** A row problem as the spreadsheet readers word it (Excel row number, column key, both languages). */
export interface ImportRowError {
  row: number;
  field: string;
  message: string;
  messageEn: string;
}

export interface ImportJob {
  jobId: string;
  tenantId: string;
  /** What is imported, e.g. `hardship.ledger`. */
  source: string;
  fileName: string;
  sizeBytes: number;
  /** The blob-store key of the uploaded workbook. */
  key: string;
  mode: ImportMode;
  lang: 'zh' | 'en';
  status: ImportJobStatus;
  /** The step a continuation event must carry to be acted on; every step and every resume moves it on. */
  step: number;
  /** Set by 取消; the consumer stops at its next batch boundary and marks the job cancelled. */
  cancelRequested?: boolean;
  /** SHA-256 of the workbook: rows written from it are keyed by it, so the same file imported again adds nothing. */
  fileHash?: string;
  /** Data rows in the sheet (known once checked). */
  total?: number;
  /** Rows read by the check so far. */
  checked: number;
  /** Rows that passed the check (the write phase's work). */
  valid?: number;
  /** Rows written by this job. */
  written: number;
  /** Valid rows already in the store from an earlier import of the same file (not written again). */
  skipped: number;
  /** The last Excel row number the write phase has handled (rows up to it are done). */
  cursor: number;
  /** Valid rows the step in progress has handled so far (not yet committed; shown in the progress, reset by each step). */
  stepRows?: number;
  errorCount: number;
  errorRows: number;
  /** The first errors, for the page; all of them are in the error report. */
  errors: ImportRowError[];
  failure?: Bilingual;
  createdBy: string;
  createdByName?: string;
  createdAt: string;
  updatedAt: string;
  finishedAt?: string;
}

/** Errors kept on the job item itself (the page lists them); the rest are in the job's error chunks. */
export const INLINE_IMPORT_ERRORS = 200;
/** Errors per stored chunk (each chunk is one item, well under DynamoDB's 400 KB). */
export const IMPORT_ERROR_CHUNK = 400;

/** Blob keys are tenant-first like table keys: `<tenantId>/imports/<jobId>`. */
export const importKey = (tenantId: string, jobId: string): string => `${tenantId}/imports/${jobId}`;
export const IMPORT_KEY_PATTERN = /^[A-Za-z0-9_-]{1,40}\/imports\/[A-Za-z0-9]{1,64}$/;

/** The tag an uploaded import workbook carries: the evidence bucket expires objects with it (infra storage.ts). */
export const IMPORT_WORKBOOK_TAG: Readonly<Record<string, string>> = { 'ufp-kind': 'import-workbook' };
/**
 * Days a workbook is kept after its upload when its job does not finish (cancelled, or abandoned): a finished job's
 * workbook is deleted at once (its errors are stored with the job).
 */
export const IMPORT_WORKBOOK_DAYS = 30;

const RUNNING: readonly ImportJobStatus[] = ['queued', 'checking', 'writing'];
export const isRunning = (job: Pick<ImportJob, 'status'>): boolean => RUNNING.includes(job.status);

const stateText = (job: Pick<ImportJob, 'status'>) => importJobStatusLabels[job.status];
const inState = (job: Pick<ImportJob, 'status'>, zh: string, en: string) =>
  conflict({ zh: `导入任务${stateText(job).zh}，${zh}`, en: `The import is ${stateText(job).en.toLowerCase()}; ${en}` }, { status: job.status });

/** The upload is in: the job may be queued once, and only when the stored object is the declared workbook. */
export function assertCanQueue(job: Pick<ImportJob, 'status'>): void {
  if (job.status !== 'awaiting_upload') throw inState(job, '不能再次提交', 'it cannot be submitted again');
}

/** The uploaded object against what was declared: it must exist, have the declared size and start as a zip (xlsx). */
export function checkImportUpload(declaredBytes: number, stored: { sizeBytes: number; head: Uint8Array } | undefined): void {
  if (!stored) throw invalid({ zh: '文件尚未上传完成，请重新上传', en: 'The file has not finished uploading; upload it again' }, { field: 'file' });
  if (stored.sizeBytes !== declaredBytes) {
    throw invalid({ zh: `上传的文件大小（${stored.sizeBytes} 字节）与声明的（${declaredBytes} 字节）不符`, en: `The uploaded file has ${stored.sizeBytes} bytes, ${declaredBytes} were declared` }, { field: 'file' });
  }
  if (stored.head[0] !== 0x50 || stored.head[1] !== 0x4b) {
    throw invalid({ zh: '文件不是 Excel 工作簿（.xlsx）', en: 'The file is not an Excel workbook (.xlsx)' }, { field: 'file' });
  }
}

export function assertCanCancel(job: Pick<ImportJob, 'status' | 'cancelRequested'>): void {
  if (!isRunning(job) && job.status !== 'awaiting_upload') throw inState(job, '无法取消', 'it cannot be cancelled');
  if (job.cancelRequested) throw conflict({ zh: '已请求取消，正在停止', en: 'Cancellation was requested; the import is stopping' }, { status: job.status });
}

export function assertCanResume(job: Pick<ImportJob, 'status'>): void {
  if (job.status !== 'cancelled') throw inState(job, '只有已取消的导入可以继续', 'only a cancelled import can be resumed');
}

/**
 * A cancelled job resumes from its workbook: one that never arrived (the job was cancelled before it was queued, which
 * checks the upload) or that has expired since is refused, naming which.
 */
export function assertWorkbookStored(job: Pick<ImportJob, 'step' | 'sizeBytes'>, stored: boolean): void {
  if (stored) return;
  if (job.step === 0) checkImportUpload(job.sizeBytes, undefined);
  throw conflict(
    { zh: `上传的文件已超过保留期限（${IMPORT_WORKBOOK_DAYS} 天）被删除，不能继续；请重新导入`, en: `The uploaded file was deleted after ${IMPORT_WORKBOOK_DAYS} days; it cannot be resumed. Import it again` },
    { reason: 'workbook_expired' },
  );
}

/** Where a resumed job picks up: a job cancelled before its check finished checks again from the start. */
export const resumedStatus = (job: Pick<ImportJob, 'total'>): ImportJobStatus => (job.total === undefined ? 'checking' : 'writing');

/**
 * After the check: all-or-nothing with any error writes nothing; nothing valid leaves nothing to write; otherwise the
 * write phase starts.
 */
export function statusAfterCheck(check: { valid: number; errorCount: number; mode: ImportMode }): 'writing' | 'done' {
  if (check.valid === 0) return 'done';
  if (check.mode === 'allOrNothing' && check.errorCount > 0) return 'done';
  return 'writing';
}

/** Share of the job's work done (0–1): the check is the first fifth, the writes the rest; undefined while the size is unknown. */
export function importProgress(job: Pick<ImportJob, 'status' | 'total' | 'valid' | 'written' | 'skipped' | 'checked' | 'stepRows'>): number | undefined {
  if (job.status === 'done') return 1;
  if (job.total === undefined) return undefined;
  const valid = job.valid ?? 0;
  const writes = valid === 0 ? 1 : Math.min(1, (job.written + job.skipped + (job.stepRows ?? 0)) / valid);
  return Math.round((0.2 + 0.8 * writes) * 1000) / 1000;
}

/** A row's stable identity within a file: what an import writes for that row is keyed by it (rerun-safe). */
export const importedRowId = (prefix: string, fileHash: string, row: number): string => `${prefix}${fileHash.slice(0, 20)}${row.toString(36)}`;
