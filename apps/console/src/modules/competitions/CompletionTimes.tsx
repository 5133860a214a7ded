import { durationText, parseDuration } from '@ufp/competitions/domain/completion';
import { createSignal, For, Show } from 'solid-js';
import { ApiError, mutate } from '../../api';
import { t } from '../../i18n';
import { errorText, showToast } from '../../toast';
import type { PanelView } from './judging-api';

/** One call carries at most this many times (the server's limit). */
const CHUNK = 80;

/**
 * 完成用时 on the chief judge's panel: a time per work number (h:mm:ss or m:ss), saved together; the practical time
 * limit shown, a time beyond it refused on its row by the server. Drafts survive the panel's refresh.
 */
export default function CompletionTimes(props: { eventId: string; stage: string; view: PanelView; onSaved: () => void }) {
  const [drafts, setDrafts] = createSignal<Record<string, string>>({});
  const [rowErrors, setRowErrors] = createSignal<Record<string, string>>({});
  const [busy, setBusy] = createSignal(false);
  const shown = (workNumber: string, seconds: number | null) => drafts()[workNumber] ?? (seconds === null ? '' : durationText(seconds));
  const missing = () => props.view.progress.filter((p) => p.completionSeconds === null).length;

  const save = async (e: Event) => {
    e.preventDefault();
    const errors: Record<string, string> = {};
    const entries: { workNumber: string; seconds: number }[] = [];
    for (const [workNumber, text] of Object.entries(drafts())) {
      if (text.trim() === '') continue;
      const seconds = parseDuration(text);
      if (seconds === null || seconds < 1) errors[workNumber] = t('competitions.times.badFormat');
      else entries.push({ workNumber, seconds });
    }
    setRowErrors(errors);
    if (Object.keys(errors).length || entries.length === 0) return;
    setBusy(true);
    try {
      for (let i = 0; i < entries.length; i += CHUNK) {
        const chunk = entries.slice(i, i + CHUNK);
        try {
          await mutate('competitions.judging.recordTimes', { eventId: props.eventId, stage: props.stage as PanelView['stage'], entries: chunk });
        } catch (x) {
          // The server names the row (`entries.N.…`): show the message beside that work number.
          const field = x instanceof ApiError ? String(x.details.field ?? x.issues[0]?.path?.join('.') ?? '') : '';
          const row = /^entries\.(\d+)\./.exec(field);
          const at = row ? chunk[Number(row[1])] : undefined;
          if (at) setRowErrors({ [at.workNumber]: errorText(x) });
          else showToast('error', () => errorText(x));
          return;
        }
        setDrafts((d) => Object.fromEntries(Object.entries(d).filter(([n]) => !chunk.some((c) => c.workNumber === n))));
      }
      showToast('success', () => t('competitions.times.saved', { count: entries.length }));
      props.onSaved();
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="card" aria-labelledby="cp-times" data-testid="panel-times">
      <h2 id="cp-times">{t('competitions.times.title')}</h2>
      <p class="muted small">
        {props.view.timeLimitSeconds === null ? t('competitions.times.noLimit') : t('competitions.times.limit', { limit: durationText(props.view.timeLimitSeconds) })}{' '}
        {props.view.timesUsed ? t('competitions.times.used') : t('competitions.times.notUsed')}
      </p>
      <Show when={!props.view.scoresOpen}>
        <p class="small" data-testid="times-closed">{t('competitions.times.closed')}</p>
      </Show>
      <Show when={missing() > 0}>
        <p class="small">{t('competitions.times.missing', { count: missing() })}</p>
      </Show>
      <form onSubmit={save} aria-label={t('competitions.times.title')}>
        <ul class="chief-times">
          <For each={props.view.progress}>
            {(p) => (
              <li class="chief-times__item">
                <label class="mono" for={`cp-time-${p.workNumber}`}>
                  {p.workNumber}
                </label>
                <input
                  id={`cp-time-${p.workNumber}`}
                  class="input"
                  inputmode="numeric"
                  placeholder={t('competitions.times.placeholder')}
                  aria-invalid={rowErrors()[p.workNumber] ? 'true' : undefined}
                  aria-describedby={rowErrors()[p.workNumber] ? `cp-time-err-${p.workNumber}` : undefined}
                  readOnly={!props.view.scoresOpen}
                  value={shown(p.workNumber, p.completionSeconds)}
                  onInput={(ev) => setDrafts((d) => ({ ...d, [p.workNumber]: ev.currentTarget.value }))}
                />
                <Show when={rowErrors()[p.workNumber]}>
                  {(message) => (
                    <span class="error-text small" id={`cp-time-err-${p.workNumber}`}>
                      {message()}
                    </span>
                  )}
                </Show>
              </li>
            )}
          </For>
        </ul>
        <Show when={props.view.scoresOpen}>
          <button class="btn primary" type="submit" disabled={busy() || Object.keys(drafts()).length === 0}>
            {busy() ? t('competitions.times.saving') : t('competitions.times.save')}
          </button>
        </Show>
      </form>
    </section>
  );
}
