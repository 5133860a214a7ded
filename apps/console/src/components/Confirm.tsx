import { createEffect, createSignal, For, Show, type JSX } from 'solid-js';
import { t } from '../i18n';
import './confirm.css';

export interface ConfirmOptions {
  title: string;
  /** What will happen, in words ("建档后将进入帮扶名册，不能撤销"). */
  consequence: string;
  /** The figures the decision rests on (amount, fund, remaining budget after …). */
  facts?: { label: string; value: string }[];
  confirmLabel: string;
  danger?: boolean;
}

/**
 * A confirmation that states the consequence before an irreversible step. `ask` opens a modal
 * dialog and resolves true on confirm, false on cancel / Escape; render `<Dialog />` once in the page.
 */
export function createConfirm() {
  const [pending, setPending] = createSignal<{ opts: ConfirmOptions; resolve: (ok: boolean) => void }>();
  let dialog: HTMLDialogElement | undefined;

  const ask = (opts: ConfirmOptions) =>
    new Promise<boolean>((resolve) => {
      pending()?.resolve(false);
      setPending({ opts, resolve });
    });
  const close = (ok: boolean) => {
    const p = pending();
    setPending(undefined);
    if (dialog?.open) dialog.close();
    p?.resolve(ok);
  };

  createEffect(() => {
    if (pending() && dialog && !dialog.open) dialog.showModal();
  });

  const Dialog = (): JSX.Element => (
    <dialog
      ref={dialog}
      class="confirm"
      aria-labelledby="confirm-title"
      aria-describedby="confirm-consequence"
      onCancel={(e) => {
        e.preventDefault();
        close(false);
      }}
    >
      <Show when={pending()}>
        {(p) => (
          <form
            method="dialog"
            onSubmit={(e) => {
              e.preventDefault();
              close(true);
            }}
          >
            <h2 id="confirm-title">{p().opts.title}</h2>
            <p id="confirm-consequence" class="confirm__consequence">
              {p().opts.consequence}
            </p>
            <Show when={p().opts.facts?.length}>
              <dl class="confirm__facts">
                <For each={p().opts.facts}>
                  {(f) => (
                    <>
                      <dt>{f.label}</dt>
                      <dd>{f.value}</dd>
                    </>
                  )}
                </For>
              </dl>
            </Show>
            <div class="confirm__actions">
              <button type="button" class="btn" onClick={() => close(false)}>
                {t('confirm.cancel')}
              </button>
              <button type="submit" class={`btn ${p().opts.danger ? 'btn--danger' : 'btn--primary'}`}>
                {p().opts.confirmLabel}
              </button>
            </div>
          </form>
        )}
      </Show>
    </dialog>
  );

  return { ask, Dialog };
}

/** A step that is not allowed yet: shown disabled, with the reason beside it (not hidden, not offered). */
export function BlockedButton(props: { label: string; reason: string; id?: string }) {
  const reasonId = () => `${props.id ?? 'blocked'}-reason`;
  return (
    <span class="blocked">
      <button type="button" class="btn" disabled aria-describedby={reasonId()}>
        {props.label}
      </button>
      <span id={reasonId()} class="blocked__reason">
        {props.reason}
      </span>
    </span>
  );
}
