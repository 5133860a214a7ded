import { A } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import { isRunning } from '@ufp/core/imports/job';
import { registryColumns } from '@ufp/model-workers/domain/registry';
import { mutate, query } from '../../api';
import { createConfirm } from '../../components/Confirm';
import { createImportJob, ImportJobList, ImportJobPanel, type ImportJobView } from '../../components/ImportJob';
import { SheetImportForm } from '../../components/SheetImport';
import { downloadFile, sheetLang } from '../../download';
import { label, t } from '../../i18n';
import { showError, showToast } from '../../toast';
import './model-workers.css';

const columnName = (field: string) => {
  const c = registryColumns.find((x) => x.key === field);
  return c ? label(c) : field;
};

/**
 * 劳模台账 in Excel: the template; the import as a background job (the upload straight to the blob store with its own
 * progress, then the job's progress as the server checks and writes, polled until it ends; 取消 / 继续; each refused
 * row with its Excel row number, column and problem, and the full error report); the recent imports, so a job started
 * earlier (or by a colleague) can be followed after leaving the page; and the export — ID numbers masked, or in full
 * after a confirmation that says the export is recorded in the audit log.
 */
export default function Registry() {
  const imports = createImportJob('modelWorkers.registry.importJobs');
  const [exporting, setExporting] = createSignal(false);
  const confirm = createConfirm();

  /** All-or-nothing with errors: the job ends having written nothing. */
  const nothingWritten = (j: ImportJobView) => j.status === 'done' && j.mode === 'allOrNothing' && j.errorCount > 0 && j.written === 0;

  async function download(unmasked: boolean) {
    if (unmasked) {
      const ok = await confirm.ask({
        title: t('modelWorkers.registry.unmaskedTitle'),
        consequence: t('modelWorkers.registry.unmaskedConsequence'),
        confirmLabel: t('modelWorkers.registry.unmaskedConfirm'),
        danger: true,
      });
      if (!ok) return;
    }
    setExporting(true);
    try {
      const file = await mutate('modelWorkers.registry.export', { lang: sheetLang(), ...(unmasked ? { unmasked: true } : {}) });
      downloadFile(file);
      showToast('success', () => t('modelWorkers.registry.exported', { name: file.fileName }));
    } catch (e) {
      showError(e);
    } finally {
      setExporting(false);
    }
  }

  return (
    <section aria-labelledby="mw-registry-title" class="mw">
      <p class="crumbs">
        <A href="/model-workers">← {t('modelWorkers.title')}</A>
      </p>
      <h1 id="mw-registry-title">{t('modelWorkers.registry.title')}</h1>
      <p class="muted">{t('modelWorkers.registry.intro')}</p>
      <confirm.Dialog />

      <div class="card">
        <h2>{t('modelWorkers.registry.importTitle')}</h2>
        <p>
          <button type="button" class="btn" onClick={async () => { try { downloadFile(await query('modelWorkers.registry.template', { lang: sheetLang() })); } catch (e) { showError(e); } }}>
            {t('modelWorkers.registry.template')}
          </button>
        </p>
        <p class="muted">{t('modelWorkers.registry.templateHint')}</p>
      </div>
      <p class="muted">{t('importJob.background')}</p>
      <SheetImportForm id="mw-registry" uploadOnly run={imports.run} />
      <Show when={imports.job()}>
        {(j) => (
          <>
            <ImportJobPanel
              job={j()}
              fieldLabel={columnName}
              onCancel={() => void imports.cancel()}
              onResume={() => void imports.resume()}
              onErrorReport={() => void imports.errorReport(j().jobId)}
            />
            <Show when={nothingWritten(j())}>
              <p class="muted" data-testid="mw-import-nothing">{t('modelWorkers.registry.nothingWritten')}</p>
            </Show>
            <Show when={j().status === 'done' && j().skipped > 0}>
              <p class="muted">{t('modelWorkers.registry.skippedHint')}</p>
            </Show>
            <Show when={j().written > 0 && !isRunning(j())}>
              <p>
                <A href="/model-workers">{t('modelWorkers.registry.viewPeople')}</A>
              </p>
            </Show>
          </>
        )}
      </Show>
      <h2>{t('importJob.recent')}</h2>
      <Show when={imports.jobs()}>
        {(list) => <ImportJobList jobs={list()} selected={imports.job()?.jobId} onSelect={(id) => void imports.open(id)} />}
      </Show>

      <div class="card">
        <h2>{t('modelWorkers.registry.exportTitle')}</h2>
        <p class="muted">{t('modelWorkers.registry.exportHint')}</p>
        <div class="toolbar">
          <button type="button" class="btn btn--primary" disabled={exporting()} onClick={() => void download(false)}>{t('modelWorkers.registry.exportMasked')}</button>
          <button type="button" class="btn" disabled={exporting()} onClick={() => void download(true)}>{t('modelWorkers.registry.exportUnmasked')}</button>
        </div>
      </div>
    </section>
  );
}
