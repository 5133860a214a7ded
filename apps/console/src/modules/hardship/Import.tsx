import { A } from '@solidjs/router';
import { Show } from 'solid-js';
import { query } from '../../api';
import { createImportJob, ImportJobList, ImportJobPanel } from '../../components/ImportJob';
import { SheetImportForm } from '../../components/SheetImport';
import { downloadFile, sheetLang } from '../../download';
import { t } from '../../i18n';
import './hardship.css';

/**
 * Ledger import as a background job: the template, the upload straight to the blob store (its own progress), then the
 * job's progress as the server checks and writes, polled until it ends; cancel and resume; the recent imports, so a
 * job started earlier (or by a colleague) can be followed after leaving the page.
 */
export default function HardshipImport() {
  const imports = createImportJob('hardship.ledger.jobs');

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
      <SheetImportForm id="hs-import" validOnlyLabel={t('hardship.import.validOnly')} uploadOnly run={imports.run} />
      <Show when={imports.job()}>
        {(j) => <ImportJobPanel job={j()} onCancel={() => void imports.cancel()} onResume={() => void imports.resume()} onErrorReport={() => void imports.errorReport(j().jobId)} />}
      </Show>
      <h2>{t('importJob.recent')}</h2>
      <Show when={imports.jobs()}>
        {(list) => <ImportJobList jobs={list()} selected={imports.job()?.jobId} onSelect={(id) => void imports.open(id)} />}
      </Show>
    </section>
  );
}
