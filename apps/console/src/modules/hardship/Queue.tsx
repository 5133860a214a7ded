import { shanghaiYear } from '../../format';
import { A } from '@solidjs/router';
import { createResource, Show } from 'solid-js';
import { query, type RouterOutputs } from '../../api';
import { Banner } from '../../components/Banner';
import { DataTable, type Column } from '../../components/DataTable';
import { label, t } from '../../i18n';
import { hasRole, me } from '../../session';
import { errorText } from '../../toast';
import { FileSearch } from './FileSearch';
import { type FileSummary } from './shared';
import './hardship.css';

const year = shanghaiYear;

/** Caseworker queue (nearest clock first, from core `fileClocks` as the daily tick; overdue highlighted); a reporter's own applications. */
export default function HardshipQueue() {
  const isStaff = () => hasRole('federation_admin', 'federation_staff');
  const [queue] = createResource(() => isStaff() && me(), () => query('hardship.files.queue'));
  const [attention] = createResource(() => isStaff() && me(), () => query('hardship.files.attention'));
  const [dups] = createResource(() => isStaff() && me(), () => query('hardship.duplicates', { year: year() }));

  const cols: Column<FileSummary>[] = [
    { label: () => t('hardship.worker.name'), cell: (f) => <A href={`/hardship/files/${f.fileId}`}>{f.worker.name}</A>, class: 'cell--primary' },
    { label: () => t('hardship.worker.idNumber'), cell: (f) => <span class="mono">{f.worker.idMasked}</span> },
    { label: () => t('hardship.tier'), cell: (f) => <span class={`hs-tier hs-tier--${f.tier}`}>{t(`hardship.tier.${f.tier}`)}</span> },
    { label: () => t('hardship.status'), cell: (f) => (f.origin ? `${t(`hardship.status.${f.status}`)} · ${t('hardship.origin.modelWorkers', { year: f.origin.year })}` : t(`hardship.status.${f.status}`)) },
  ];
  const clockCol: Column<FileSummary> = {
    label: () => t('hardship.clock'),
    cell: (f) => (
      <Show when={f.clock} fallback="—">
        {(c) => (
          <span classList={{ 'hs-flag': c().state === 'overdue' }} data-clock={c().state}>
            {label(c().label)} {c().dueOn}
            {c().state === 'overdue' ? ` · ${t('hardship.overdue')}` : c().state === 'ready' ? ` · ${t('hardship.reviewable')}` : c().state === 'due_today' || c().state === 'due_soon' ? ` · ${t('hardship.dueSoon')}` : ''}
          </span>
        )}
      </Show>
    ),
    class: 'nowrap',
  };

  return (
    <section aria-labelledby="hs-title">
      <div class="page-head">
        <h1 id="hs-title">{t('hardship.title')}</h1>
        <A href="/hardship/apply" class="btn btn--primary">{t('hardship.apply.title')}</A>
      </div>
      <nav class="hs-nav" aria-label={t('hardship.title')}>
        <Show when={isStaff()}>
          <A href="/hardship/funds">{t('hardship.funds.title')}</A>
          <A href="/hardship/import">{t('hardship.import.title')}</A>
        </Show>
        <A href="/hardship/charts">{t('hardship.charts.title')}</A>
        <Show when={me()?.tenantId}>
          <a href={`/notices/${me()!.tenantId}`} target="_blank">{t('hardship.notices.title')}</a>
          <a href={`/self-test?tenant=${me()!.tenantId}`} target="_blank">{t('hardship.selfTest.title')}</a>
        </Show>
      </nav>
      <Show when={queue.error}>
        <Banner kind="error">{errorText(queue.error)}</Banner>
      </Show>
      <Show when={isStaff()}>
        <h2>{t('hardship.queue')}</h2>
        <DataTable<FileSummary> label={t('hardship.queue')} rows={queue() ?? []} loading={queue.loading} columns={[...cols, clockCol]} rowClass={(f) => (f.overdue ? 'hs-overdue' : '')} />
        <Show when={(dups() ?? []).length > 0}>
          <h2 class="hs-flag">{t('hardship.duplicates')}</h2>
          <DataTable<RouterOutputs['hardship']['duplicates'][number]> label={t('hardship.duplicates')} rows={dups() ?? []} columns={[...cols, { label: () => t('hardship.otherFederations'), cell: (f) => String(f.otherFederations) }]} />
        </Show>
        <h2>{t('hardship.neverAssisted')}</h2>
        <DataTable<FileSummary> label={t('hardship.neverAssisted')} rows={attention()?.neverAssisted ?? []} loading={attention.loading} columns={cols} />
        <h2>{t('hardship.stale')}</h2>
        <DataTable<FileSummary> label={t('hardship.stale')} rows={attention()?.stale ?? []} loading={attention.loading} columns={cols} />
        <h2>{t('hardship.followUps')}</h2>
        <DataTable<FileSummary> label={t('hardship.followUps')} rows={attention()?.followUpsDue ?? []} loading={attention.loading} columns={[...cols, { label: () => t('hardship.followUpDue'), cell: (f) => f.followUpDueOn }]} />
      </Show>
      {/* Not keyed: a refreshed `me` must not re-create the search and lose what the user typed or ticked. */}
      <Show when={me()}>
        <FileSearch staff={isStaff()} title={isStaff() ? t('hardship.search.title') : t('hardship.myApplications')} />
      </Show>
    </section>
  );
}
