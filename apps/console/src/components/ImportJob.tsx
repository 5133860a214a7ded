import { For, Show } from 'solid-js';
import { importJobStatusLabels, isRunning } from '@ufp/core/imports/job';
import type { OutputOf } from '../api';
import { formatDateTime, formatNumber, label, t } from '../i18n';
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
        <Show when={isRunning(job()) && !job().cancelRequested}>
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
  return (
    <Show when={props.jobs.length} fallback={<p class="muted">{t('importJob.none')}</p>}>
      <div class="table-wrap">
        <table class="table" aria-label={t('importJob.recent')}>
          <thead>
            <tr>
              <th scope="col">{t('importJob.file')}</th>
              <th scope="col">{t('importJob.status')}</th>
              <th scope="col">{t('importJob.startedAt')}</th>
              <th scope="col">{t('importJob.by')}</th>
              <th scope="col"><span class="visually-hidden">{t('importJob.view')}</span></th>
            </tr>
          </thead>
          <tbody>
            <For each={props.jobs}>
              {(job) => (
                <tr aria-selected={props.selected === job.jobId}>
                  <td data-label={t('importJob.file')}><span class="cell">{job.fileName}</span></td>
                  <td data-label={t('importJob.status')}><span class="cell">{label(importJobStatusLabels[job.status])}</span></td>
                  <td data-label={t('importJob.startedAt')}><span class="cell">{formatDateTime(job.createdAt)}</span></td>
                  <td data-label={t('importJob.by')}><span class="cell">{job.createdByName ?? job.createdBy}</span></td>
                  <td><button type="button" class="btn btn--small" onClick={() => props.onSelect(job.jobId)}>{t('importJob.view')}</button></td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
    </Show>
  );
}
