import { createSignal, For, Show } from 'solid-js';
import { lang, t } from '../i18n';
import { errorText } from '../toast';
import { Banner } from './Banner';

export type ImportMode = 'allOrNothing' | 'validRows';

/** A row error as the server's spreadsheet readers word it (`RowError` of `@ufp/core/spreadsheet/sheet`). */
export interface SheetRowError {
  row: number;
  field?: string;
  message: string;
  messageEn: string;
}

/**
 * The import form of a spreadsheet page: the file, what to do when rows have errors, the run button and a progress
 * bar — up to 40 % while the browser uploads (its own progress), then creeping to 95 % while the server checks and
 * writes (an estimate), 100 % when the answer is in. `run` sends the file and hands the answer to the page. With
 * `uploadOnly` (a background import: the job shows its own progress) the bar is the upload's alone.
 */
export function SheetImportForm(props: {
  id: string;
  validOnlyLabel?: string;
  uploadOnly?: boolean;
  run: (file: File, mode: ImportMode, onUpload: (fraction: number) => void) => Promise<void>;
}) {
  const [file, setFile] = createSignal<File>();
  const [mode, setMode] = createSignal<ImportMode>('allOrNothing');
  const [progress, setProgress] = createSignal(0);
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<unknown>();

  async function submit(e: Event) {
    e.preventDefault();
    const f = file();
    if (!f) return;
    setBusy(true);
    setError(undefined);
    setProgress(0);
    const timer = props.uploadOnly ? undefined : setInterval(() => setProgress((p) => Math.min(95, p + 1)), 400);
    const uploadShare = props.uploadOnly ? 100 : 40;
    try {
      await props.run(f, mode(), (done) => setProgress((p) => Math.max(p, Math.round(done * uploadShare))));
      setProgress(100);
    } catch (err) {
      setError(err);
    } finally {
      clearInterval(timer);
      setBusy(false);
    }
  }

  return (
    <>
      <form class="card" onSubmit={(e) => void submit(e)}>
        <label class="field">
          {t('sheetImport.file')}
          <input id={`${props.id}-file`} type="file" accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" onChange={(e) => setFile(e.currentTarget.files?.[0])} />
        </label>
        <fieldset class="field">
          <legend>{t('sheetImport.mode')}</legend>
          <label class="block-label"><input type="radio" name={`${props.id}-mode`} checked={mode() === 'allOrNothing'} onChange={() => setMode('allOrNothing')} /> {t('sheetImport.allOrNothing')}</label>
          <label class="block-label"><input type="radio" name={`${props.id}-mode`} checked={mode() === 'validRows'} onChange={() => setMode('validRows')} /> {props.validOnlyLabel ?? t('sheetImport.validOnly')}</label>
        </fieldset>
        <Show when={busy() || progress() > 0}>
          <progress class="sheet-progress" max="100" value={progress()} aria-label={props.uploadOnly ? t('sheetImport.uploading') : t('sheetImport.progress')} />
        </Show>
        <button type="submit" class="btn btn--primary" disabled={busy() || !file()}>{t('sheetImport.run')}</button>
      </form>
      <Show when={error()}><Banner kind="error">{errorText(error())}</Banner></Show>
    </>
  );
}

/** The rows an import refused: row number as in Excel, the column (when `fieldLabel` names it) and the problem. */
export function RowErrorTable(props: { label: string; errors: readonly SheetRowError[]; fieldLabel?: (field: string) => string; limit?: number }) {
  const limit = () => props.limit ?? 200;
  return (
    <Show when={props.errors.length}>
      <div class="table-wrap">
        <table class="table" aria-label={props.label}>
          <thead>
            <tr>
              <th scope="col">{t('sheetImport.row')}</th>
              <Show when={props.fieldLabel}><th scope="col">{t('sheetImport.field')}</th></Show>
              <th scope="col">{t('sheetImport.message')}</th>
            </tr>
          </thead>
          <tbody>
            <For each={props.errors.slice(0, limit())}>
              {(e) => (
                <tr>
                  <td data-label={t('sheetImport.row')}><span class="cell">{e.row}</span></td>
                  <Show when={props.fieldLabel}>{(name) => <td data-label={t('sheetImport.field')}><span class="cell">{e.field ? name()(e.field) : '—'}</span></td>}</Show>
                  <td data-label={t('sheetImport.message')}><span class="cell">{lang() === 'en' ? e.messageEn : e.message}</span></td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
      <Show when={props.errors.length > limit()}><p class="muted">{t('sheetImport.more', { shown: limit(), total: props.errors.length })}</p></Show>
    </Show>
  );
}
