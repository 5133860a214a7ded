import { Show } from 'solid-js';
import { importJobStatusLabels, isRunning } from '@ufp/core/imports/job';
import type { OutputOf } from '../api';
import { formatDateTime, formatNumber, label, t } from '../i18n';
import { DataTable, type Column } from './DataTable';
import { RowErrorTable } from './SheetImport';

/** A background import job as the API answers it (the same view for every module's `….jobs.get`). */
export type ImportJobView = OutputOf<'hardship.ledger.jobs.get'>;

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
