import { A } from '@solidjs/router';
import { createResource, createSignal, onCleanup, Show } from 'solid-js';
import { mutate, query } from '../../api';
import { sendFile } from '../../components/blob-upload';
import { isRunning } from '@ufp/core/imports/job';
import { ImportJobList, ImportJobPanel, type ImportJobView } from '../../components/ImportJob';
import { SheetImportForm, type ImportMode } from '../../components/SheetImport';
import { downloadFile, sheetLang } from '../../download';
import { t } from '../../i18n';
import { showError } from '../../toast';
import './hardship.css';

const POLL_MS = 1_000;

/**
 * Ledger import as a background job: the template, the upload straight to the blob store (its own progress), then the
 * job's progress as the server checks and writes, polled until it ends; cancel and resume; the recent imports, so a
 * job started earlier (or by a colleague) can be followed after leaving the page.
 */
export default function HardshipImport() {
  const [job, setJob] = createSignal<ImportJobView>();
  const [jobs, { refetch }] = createResource(() => query('hardship.ledger.jobs.list'));
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
        const current = job();
        if (current?.jobId === next.jobId) follow((await query('hardship.ledger.jobs.get', { jobId: next.jobId })));
      } catch (err) {
        showError(err);
      }
    }, POLL_MS);
  }

  async function run(file: File, mode: ImportMode, onUpload: (fraction: number) => void) {
    const started = await mutate('hardship.ledger.jobs.start', { fileName: file.name, sizeBytes: file.size, mode, lang: sheetLang() });
    await sendFile(started.upload, file, onUpload);
    follow((await mutate('hardship.ledger.jobs.queue', { jobId: started.job.jobId })));
    void refetch();
  }

  async function act(action: 'hardship.ledger.jobs.cancel' | 'hardship.ledger.jobs.resume') {
    const current = job();
    if (!current) return;
    try {
      follow((await mutate(action, { jobId: current.jobId })));
    } catch (err) {
      showError(err);
    }
  }

  async function open(jobId: string) {
    try {
      follow((await query('hardship.ledger.jobs.get', { jobId })));
    } catch (err) {
      showError(err);
    }
  }

  return (
    <section aria-labelledby="hs-import-title" class="narrow">
      <p class="crumbs"><A href="/hardship">← {t('hardship.title')}</A></p>
      <h1 id="hs-import-title">{t('hardship.import.title')}</h1>
      <div class="hs-nav">
        <button type="button" class="btn" onClick={async () => downloadFile(await query('hardship.ledger.template', { lang: sheetLang() }))}>
          {t('hardship.import.template')}
        </button>
        <button type="button" class="btn" onClick={async () => downloadFile(await query('hardship.ledger.export', { lang: sheetLang() }))}>
          {t('hardship.export')}
        </button>
      </div>
      <p class="muted">{t('importJob.background')}</p>
      <SheetImportForm id="hs-import" validOnlyLabel={t('hardship.import.validOnly')} uploadOnly run={run} />
      <Show when={job()}>
        {(j) => (
          <ImportJobPanel
            job={j()}
            onCancel={() => void act('hardship.ledger.jobs.cancel')}
            onResume={() => void act('hardship.ledger.jobs.resume')}
            onErrorReport={async () => downloadFile(await query('hardship.ledger.jobs.errors', { jobId: j().jobId }))}
          />
        )}
      </Show>
      <h2>{t('importJob.recent')}</h2>
      <Show when={jobs()}>
        {(list) => <ImportJobList jobs={list().map((j) => (j.jobId === job()?.jobId ? job()! : j))} selected={job()?.jobId} onSelect={(id) => void open(id)} />}
      </Show>
    </section>
  );
}
