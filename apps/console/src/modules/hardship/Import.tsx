import { A } from '@solidjs/router';
import { Show } from 'solid-js';
import { mutate, query } from '../../api';
import { createImportJob, ImportJobList, ImportJobPanel } from '../../components/ImportJob';
import { SheetImportForm } from '../../components/SheetImport';
import { downloadFile, sheetLang } from '../../download';
import { t } from '../../i18n';
import { hasRole } from '../../session';
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
        <Show when={hasRole('federation_admin')}>
          <button type="button" class="btn" onClick={async () => downloadFile(await mutate('hardship.ledger.exportNational', { lang: sheetLang() }))}>
            {t('hardship.exportNational')}
          </button>
        </Show>
      </div>
      <Show when={hasRole('federation_admin')}>
        <p class="muted">{t('hardship.exportNationalNote')}</p>
      </Show>
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
