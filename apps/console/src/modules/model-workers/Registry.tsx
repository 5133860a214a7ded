import { A } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import { registryColumns } from '@ufp/model-workers/domain/registry';
import { mutate, mutateWithProgress, query, type OutputOf } from '../../api';
import { createConfirm } from '../../components/Confirm';
import { DataTable } from '../../components/DataTable';
import { RowErrorTable, SheetImportForm, type ImportMode } from '../../components/SheetImport';
import { downloadFile, sheetLang } from '../../download';
import { label, t } from '../../i18n';
import { showError, showToast } from '../../toast';
import './model-workers.css';

type ImportResult = OutputOf<'modelWorkers.registry.import'>;
type ImportedRow = ImportResult['rows'][number];

/** The workbook as base64 (the registry import is a JSON mutation: 劳模 rolls are small). */
function base64Of(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

const columnName = (field: string) => {
  const c = registryColumns.find((x) => x.key === field);
  return c ? label(c) : field;
};

/**
 * 劳模台账 in Excel: the template, an import (upload progress, each refused row with its Excel row number, column and
 * problem, and the rows written), and the export — ID numbers masked, or in full after a confirmation that says the
 * export is recorded in the audit log.
 */
export default function Registry() {
  const [result, setResult] = createSignal<ImportResult>();
  const [exporting, setExporting] = createSignal(false);
  const confirm = createConfirm();

  async function run(file: File, mode: ImportMode, onUpload: (fraction: number) => void) {
    setResult(undefined);
    const fileBase64 = await base64Of(file);
    setResult(await mutateWithProgress('modelWorkers.registry.import', { fileBase64, mode, lang: sheetLang() }, onUpload));
  }

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
      <SheetImportForm id="mw-registry" run={run} />
      <Show when={result()}>
        {(r) => (
          <div class="card" role="status" data-testid="mw-import-result">
            <p>{t('modelWorkers.registry.result', { total: r().total, created: r().created, honours: r().honoursAdded, skipped: r().skipped, errors: r().errors.length })}</p>
            <Show when={r().errors.length > 0 && r().rows.length === 0}>
              <p class="muted">{t('modelWorkers.registry.nothingWritten')}</p>
            </Show>
            <RowErrorTable label={t('modelWorkers.registry.errors')} errors={r().errors} fieldLabel={columnName} />
            <Show when={r().rows.length}>
              <h3>{t('modelWorkers.registry.written')}</h3>
              <DataTable<ImportedRow>
                label={t('modelWorkers.registry.written')}
                rows={r().rows}
                columns={[
                  { label: () => t('sheetImport.row'), cell: (x) => x.row, class: 'nowrap' },
                  { label: () => t('modelWorkers.name'), cell: (x) => <A href={`/model-workers/${encodeURIComponent(x.personId)}`}>{x.nameMasked}</A>, class: 'cell--primary' },
                  { label: () => t('modelWorkers.registry.outcome'), cell: (x) => t(`modelWorkers.registry.outcome.${x.outcome}`) },
                ]}
              />
            </Show>
          </div>
        )}
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
