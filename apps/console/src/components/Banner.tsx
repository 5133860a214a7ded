import { Show, type JSX } from 'solid-js';

/** An inline message above a form or list (errors stay until the next attempt). */
export function Banner(props: { kind: 'error' | 'info' | 'success'; children: JSX.Element; action?: JSX.Element }) {
  return (
    <div class={`banner banner--${props.kind}`} role={props.kind === 'error' ? 'alert' : 'status'}>
      <span class="banner__text">{props.children}</span>
      <Show when={props.action}>{props.action}</Show>
    </div>
  );
}

/** An error banner with one action button (retry, refresh …). */
export function ActionBanner(props: { children: JSX.Element; actionLabel: string; onAction: () => void }) {
  return (
    <Banner
      kind="error"
      action={
        <button type="button" class="btn" onClick={() => props.onAction()}>
          {props.actionLabel}
        </button>
      }
    >
      {props.children}
    </Banner>
  );
}
