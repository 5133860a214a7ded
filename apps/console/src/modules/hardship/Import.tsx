import { A } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import { query, upload, type RouterOutputs } from '../../api';
import { RowErrorTable, SheetImportForm, type ImportMode } from '../../components/SheetImport';
import { downloadFile, sheetLang } from '../../download';
import { t } from '../../i18n';
import './hardship.css';

type ImportResult = RouterOutputs['hardship']['ledger']['import'];

/** Ledger import: template, upload (multipart) with progress, per-row errors, and the user's choice on errors. */
export default function HardshipImport() {
  const [result, setResult] = createSignal<ImportResult>();

  async function run(file: File, mode: ImportMode, onUpload: (fraction: number) => void) {
    setResult(undefined);
    const form = new FormData();
    form.set('file', file, file.name);
    form.set('mode', mode);
    form.set('lang', sheetLang());
    setResult(await upload('hardship.ledger.import', form, onUpload));
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
      <SheetImportForm id="hs-import" validOnlyLabel={t('hardship.import.validOnly')} run={run} />
      <Show when={result()}>
        {(r) => (
          <div class="card" role="status">
            <p>{t('hardship.import.result', { total: r().total, imported: r().imported, errors: r().errorRows })}</p>
            <Show when={r().errorReport}>
              <button type="button" class="btn" onClick={() => downloadFile(r().errorReport!)}>{t('hardship.import.errorReport')}</button>
            </Show>
            <RowErrorTable label={t('hardship.import.errorReport')} errors={r().errors} />
          </div>
        )}
      </Show>
    </section>
  );
}
