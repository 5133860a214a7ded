import { createSignal, Show, type JSX } from 'solid-js';
import type { TextRule } from '@ufp/core/validation/text';
import { createFieldErrors } from '../forms';
import { t } from '../i18n';
import { errorText } from '../toast';
import { Banner } from './Banner';
import { TextArea } from './Input';

/**
 * The panels that open above a list (create, edit, suspend a tenant; edit, disable a user; a unit's
 * contact details): brought into view with the first control focused, a form's 保存 / 取消 row, and
 * a confirmation of a lifecycle step (with a reason where the step records one).
 */

/** Brings a panel that opens above a long list into view and focuses its first control. */
export const intoView = (el: HTMLElement) =>
  queueMicrotask(() => {
    el.scrollIntoView({ block: 'start' });
    el.querySelector<HTMLElement>('input, textarea, select, button')?.focus();
  });

/** A form's submit (保存中… while busy) and 取消. */
export function FormActions(props: { busy: boolean; submitLabel: string; onCancel?: () => void }) {
  return (
    <div class="form__actions">
      <button type="submit" class="btn btn--primary" disabled={props.busy}>
        {props.busy ? t('common.saving') : props.submitLabel}
      </button>
      <Show when={props.onCancel}>
        {(cancel) => (
          <button type="button" class="btn" onClick={() => cancel()()}>
            {t('common.cancel')}
          </button>
        )}
      </Show>
    </div>
  );
}

/**
 * Confirms a lifecycle step of a record in the list (停用 / 启用 a user, 暂停 / 恢复 a tenant): what follows,
 * the reason where the step records one (its length from core limits; a short one is refused before it is
 * sent, the server's own words beside it otherwise), then the step or 取消. `run` does the call and says
 * what happened; a failure stays in the panel.
 */
export function ConfirmPanel(props: {
  id: string;
  title: string;
  /** What the step does (rendered as the dialog's description). */
  children: JSX.Element;
  danger?: boolean;
  reason?: { label: string; hint?: string; rule: TextRule; tooShort: () => string };
  confirmLabel: string;
  run: (reason: string) => Promise<void>;
  onDone: () => void;
  onCancel: () => void;
}) {
  const [reason, setReason] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<unknown>();
  const errors = createFieldErrors();

  async function confirm() {
    setError(undefined);
    const rule = props.reason?.rule;
    if (rule && reason().trim().length < (rule.min ?? 1)) {
      const tooShort = props.reason!.tooShort;
      errors.setErrors({ reason: tooShort });
      return;
    }
    errors.clear();
    setBusy(true);
    try {
      await props.run(reason().trim());
      props.onDone();
    } catch (err) {
      if (!props.reason || errors.fromServer(err, ['reason']).length > 0 || Object.keys(errors.errors()).length === 0) setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div class="card narrow lc-confirm" classList={{ 'lc-confirm--danger': !!props.danger }} role="alertdialog" aria-labelledby={`${props.id}-title`} aria-describedby={`${props.id}-text`} ref={intoView}>
      <h2 id={`${props.id}-title`}>{props.title}</h2>
      <div id={`${props.id}-text`}>{props.children}</div>
      <Show when={error()}>
        <Banner kind="error">{errorText(error(), { staleOnConflict: false })}</Banner>
      </Show>
      <Show when={props.reason}>
        {(r) => <TextArea id={`${props.id}-reason`} label={r().label} required hint={r().hint} rule={r().rule} error={errors.get('reason')} value={reason()} onValue={setReason} />}
      </Show>
      <div class="form__actions">
        <button type="button" class={props.danger ? 'btn btn--danger' : 'btn btn--primary'} disabled={busy()} onClick={() => void confirm()}>
          {busy() ? t('common.saving') : props.confirmLabel}
        </button>
        <button type="button" class="btn" disabled={busy()} onClick={() => props.onCancel()}>
          {t('common.cancel')}
        </button>
      </div>
    </div>
  );
}

/**
 * A collapsible card (`<details>`) that opens by itself while `suggestOpen` holds (an empty list
 * invites the first record) until the user opens or closes it: a list that loads after the user's
 * click must not fold the form away under them.
 */
export function Disclosure(props: { summary: JSX.Element; suggestOpen?: boolean; class?: string; children: JSX.Element }) {
  const [chosen, setChosen] = createSignal<boolean>();
  const open = () => chosen() ?? props.suggestOpen ?? false;
  // A toggle the page made itself matches `open()`; only the user's own click is remembered.
  return (
    <details class={props.class ?? 'card'} open={open()} onToggle={(e) => e.currentTarget.open !== open() && setChosen(e.currentTarget.open)}>
      <summary>{props.summary}</summary>
      {props.children}
    </details>
  );
}
