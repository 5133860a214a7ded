import { createResource, createSignal, onCleanup, Show } from 'solid-js';
import { importJobStatusLabels, isRunning } from '@ufp/core/imports/job';
import { mutate, query, type OutputOf } from '../api';
import { downloadFile, sheetLang } from '../download';
import { formatDateTime, formatNumber, label, t } from '../i18n';
import { showError } from '../toast';
import { sendFile } from './blob-upload';
import { DataTable, type Column } from './DataTable';
import { RowErrorTable, type ImportMode } from './SheetImport';

/** A background import job as the API answers it (the same view for every module's `….jobs.get`). */
export type ImportJobView = OutputOf<'hardship.ledger.jobs.get'>;

/** The procedures of a module's import jobs (the kit's start, queue, get, list, cancel, resume, errors). */
export type ImportJobsPath = 'hardship.ledger.jobs' | 'modelWorkers.registry.importJobs';

const POLL_MS = 1_000;

/**
 * A page's background import: `run` starts a job, sends the workbook straight to the blob store (its own progress)
 * and queues it; the job is then polled until it ends. `open` follows a job from the recent list (one started earlier,
 * or by a colleague), `cancel` / `resume` / `errorReport` act on the one followed; `jobs` lists the recent ones with it.
 */
export function createImportJob(path: ImportJobsPath) {
  const [job, setJob] = createSignal<ImportJobView>();
  const [recent, { refetch }] = createResource(() => query(`${path}.list`));
  let timer: ReturnType<typeof setTimeout> | undefined;
  onCleanup(() => clearTimeout(timer));

  function follow(next: ImportJobView) {
    setJob(next);
    clearTimeout(timer);
    if (!isRunning(next)) {
      void refetch();
      return;
    }
    timer = setTimeout(async () => {
      try {
        if (job()?.jobId === next.jobId) follow(await query(`${path}.get`, { jobId: next.jobId }));
      } catch (err) {
        showError(err);
      }
    }, POLL_MS);
  }

  const guarded = (work: () => Promise<void>) => async () => {
    try {
      await work();
    } catch (err) {
      showError(err);
    }
  };
  const act = (action: 'cancel' | 'resume') =>
    guarded(async () => {
      const current = job();
      if (current) follow(await mutate(`${path}.${action}`, { jobId: current.jobId }));
    });

  return {
    job,
    /** The recent jobs, the followed one as last polled. */
    jobs: () => recent()?.map((j) => (j.jobId === job()?.jobId ? job()! : j)),
    async run(file: File, mode: ImportMode, onUpload: (fraction: number) => void) {
      const started = await mutate(`${path}.start`, { fileName: file.name, sizeBytes: file.size, mode, lang: sheetLang() });
      await sendFile(started.upload, file, onUpload);
      follow(await mutate(`${path}.queue`, { jobId: started.job.jobId }));
      void refetch();
    },
    open: (jobId: string) => guarded(async () => follow(await query(`${path}.get`, { jobId })))(),
    cancel: act('cancel'),
    resume: act('resume'),
    errorReport: (jobId: string) => guarded(async () => downloadFile(await query(`${path}.errors`, { jobId })))(),
  };
}

/**
 * One background import: its state, a progress bar (indeterminate while the sheet is being checked and its size is not
 * known), the counts, 取消 / 继续, the full error report and the first row errors.
 */
export function ImportJobPanel(props: {
  job: ImportJobView;
  onCancel: () => void;
  onResume: () => void;
  onErrorReport: () => void;
  fieldLabel?: (field: string) => string;
}) {
  const job = () => props.job;
  const percent = () => Math.round((job().progress ?? 0) * 100);
  return (
    <div class="card import-job" role="status" aria-live="polite" data-status={job().status} data-job={job().jobId}>
      <p class="import-job__head">
        <strong class="import-job__file">{job().fileName}</strong>
        <span class={`import-job__status import-job__status--${job().status}`}>{label(importJobStatusLabels[job().status])}</span>
      </p>
      <Show when={isRunning(job())}>
        <Show when={job().progress !== null} fallback={<progress class="sheet-progress" aria-label={t('importJob.progress')} />}>
          <progress class="sheet-progress" max="100" value={percent()} aria-label={t('importJob.progress')} aria-valuetext={`${percent()}%`} />
        </Show>
      </Show>
      <Show when={job().status === 'queued'}><p class="muted">{t('importJob.queued')}</p></Show>
      <Show when={job().status === 'checking' || (job().status === 'queued' && job().checked > 0)}>
        <p class="muted">{t('importJob.checking', { checked: formatNumber(job().checked) })}</p>
      </Show>
      <Show when={job().total !== undefined}>
        <p>{t('importJob.counts', { total: formatNumber(job().total), written: formatNumber(job().written), errors: formatNumber(job().errorRows) })}</p>
      </Show>
      <Show when={job().skipped > 0}><p class="muted">{t('importJob.skipped', { skipped: formatNumber(job().skipped) })}</p></Show>
      <Show when={job().status === 'cancelled' && job().total !== undefined}>
        <p class="muted">{t('importJob.cancelledNote', { cursor: job().cursor, written: formatNumber(job().written), next: job().cursor + 1 })}</p>
      </Show>
      <Show when={job().failure}>{(f) => <p class="error-text">{t('importJob.failed', { reason: label(f()) })}</p>}</Show>
      <Show when={job().cancelRequested && isRunning(job())}><p class="muted">{t('importJob.cancelling')}</p></Show>
      <div class="import-job__actions">
        {/* A job whose upload never came (the page was left mid-upload) is cancelled here too, not left waiting. */}
        <Show when={(isRunning(job()) || job().status === 'awaiting_upload') && !job().cancelRequested}>
          <button type="button" class="btn" onClick={() => props.onCancel()}>{t('importJob.cancel')}</button>
        </Show>
        <Show when={job().status === 'cancelled'}>
          <button type="button" class="btn btn--primary" onClick={() => props.onResume()}>{t('importJob.resume')}</button>
        </Show>
        <Show when={job().errorCount > 0}>
          <button type="button" class="btn" onClick={() => props.onErrorReport()}>{t('importJob.errorReport')}</button>
        </Show>
      </div>
      <RowErrorTable label={t('importJob.errorReport')} errors={job().errors} fieldLabel={props.fieldLabel} />
    </div>
  );
}

/** The tenant's recent imports of one kind, newest first; 查看 opens one in the panel. */
export function ImportJobList(props: { jobs: readonly ImportJobView[]; selected?: string; onSelect: (jobId: string) => void }) {
  const columns: Column<ImportJobView>[] = [
    { label: () => t('importJob.file'), cell: (job) => job.fileName },
    { label: () => t('importJob.status'), cell: (job) => label(importJobStatusLabels[job.status]) },
    { label: () => t('importJob.startedAt'), cell: (job) => formatDateTime(job.createdAt) },
    { label: () => t('importJob.by'), cell: (job) => job.createdByName ?? job.createdBy },
    { label: () => t('importJob.view'), cell: (job) => <button type="button" class="btn btn--small" onClick={() => props.onSelect(job.jobId)}>{t('importJob.view')}</button> },
  ];
  return <DataTable label={t('importJob.recent')} columns={columns} rows={[...props.jobs]} empty={t('importJob.none')} rowClass={(job) => (job.jobId === props.selected ? 'row--selected' : '')} />;
}
