import { A } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import { query, upload, type RouterOutputs } from '../../api';
import { Banner } from '../../components/Banner';
import { downloadFile, sheetLang } from '../../download';
import { lang, t } from '../../i18n';
import { errorText } from '../../toast';
import './hardship.css';

type ImportResult = RouterOutputs['hardship']['ledger']['import'];

/** Ledger import: template, upload with progress, per-row errors, and the user's choice on errors. */
export default function HardshipImport() {
  const [file, setFile] = createSignal<File>();
  const [mode, setMode] = createSignal<'allOrNothing' | 'validRows'>('allOrNothing');
  const [progress, setProgress] = createSignal(0);
  const [busy, setBusy] = createSignal(false);
  const [result, setResult] = createSignal<ImportResult>();
  const [error, setError] = createSignal<unknown>();

  async function run(e: Event) {
    e.preventDefault();
    const f = file();
    if (!f) return;
    setBusy(true);
    setError(undefined);
    setResult(undefined);
    setProgress(0);
    // Up to 40: the upload (the browser's progress); then up to 95 while the server validates and writes (an estimate).
    const timer = setInterval(() => setProgress((p) => Math.min(95, p + 1)), 400);
    try {
      const form = new FormData();
      form.set('file', f, f.name);
      form.set('mode', mode());
      form.set('lang', sheetLang());
      setResult(await upload('hardship.ledger.import', form, (done) => setProgress((p) => Math.max(p, Math.round(done * 40)))));
      setProgress(100);
    } catch (err) {
      setError(err);
    } finally {
      clearInterval(timer);
      setBusy(false);
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
      <form class="card" onSubmit={(e) => void run(e)}>
        <label class="field">
          {t('hardship.import.file')}
          <input type="file" accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" onChange={(e) => setFile(e.currentTarget.files?.[0])} />
        </label>
        <fieldset class="field">
          <legend>{t('hardship.import.mode')}</legend>
          <label class="block-label"><input type="radio" name="mode" checked={mode() === 'allOrNothing'} onChange={() => setMode('allOrNothing')} /> {t('hardship.import.allOrNothing')}</label>
          <label class="block-label"><input type="radio" name="mode" checked={mode() === 'validRows'} onChange={() => setMode('validRows')} /> {t('hardship.import.validOnly')}</label>
        </fieldset>
        <Show when={busy() || progress() > 0}>
          <progress class="hs-progress" max="100" value={progress()} aria-label={t('hardship.import.title')} />
        </Show>
        <button type="submit" class="btn btn--primary" disabled={busy() || !file()}>{t('hardship.import.run')}</button>
      </form>
      <Show when={error()}><Banner kind="error">{errorText(error())}</Banner></Show>
      <Show when={result()}>
        {(r) => (
          <div class="card" role="status">
            <p>{t('hardship.import.result', { total: r().total, imported: r().imported, errors: r().errorRows })}</p>
            <Show when={r().errorReport}>
              <button type="button" class="btn" onClick={() => downloadFile(r().errorReport!)}>{t('hardship.import.errorReport')}</button>
            </Show>
            <Show when={r().errors.length}>
              <table class="table" aria-label={t('hardship.import.errorReport')}>
                <thead><tr><th>{t('hardship.import.row')}</th><th>{t('hardship.reason')}</th></tr></thead>
                <tbody>
                  <For each={r().errors.slice(0, 200)}>{(e) => <tr><td>{e.row}</td><td>{lang() === 'en' ? e.messageEn : e.message}</td></tr>}</For>
                </tbody>
              </table>
            </Show>
          </div>
        )}
      </Show>
    </section>
  );
}
