import { For, Show, type JSX } from 'solid-js';
import { scrollRegion } from './scroll-region';
import { t } from '../i18n';

export interface Column<T> {
  label: () => string;
  cell: (row: T) => JSX.Element;
  class?: string;
}

/**
 * A plain table that turns into one card per row under 768px (CSS: `td::before` shows the
 * column label from `data-label`).
 */
export function DataTable<T>(props: {
  label: string;
  columns: Column<T>[];
  rows: T[];
  loading?: boolean;
  empty?: string;
  rowClass?: (row: T) => string;
}) {
  return (
    <div class="table-wrap" ref={(el) => scrollRegion(el, () => props.label)}>
      <table class="table" aria-label={props.label} aria-busy={props.loading ?? false}>
        <thead>
          <tr>
            <For each={props.columns}>{(c) => <th scope="col" class={c.class}>{c.label()}</th>}</For>
          </tr>
        </thead>
        <tbody>
          <For each={props.rows}>
            {(row) => (
              <tr class={props.rowClass?.(row)}>
                <For each={props.columns}>
                  {(c) => (
                    <td data-label={c.label()} class={c.class}>
                      <span class="cell">{c.cell(row)}</span>
                    </td>
                  )}
                </For>
              </tr>
            )}
          </For>
        </tbody>
      </table>
      <Show when={!props.loading && props.rows.length === 0}>
        <p class="table-empty">{props.empty ?? t('common.noData')}</p>
      </Show>
      <Show when={props.loading}>
        <p class="table-empty" role="status">
          {t('common.loading')}
        </p>
      </Show>
    </div>
  );
}

/** The list footer: error banner, "load more". */
export function ListFooter(props: { hasMore: boolean; loading: boolean; onMore: () => void }) {
  return (
    <Show when={props.hasMore}>
      <div class="list-footer">
        <button type="button" class="btn" disabled={props.loading} onClick={() => props.onMore()}>
          {props.loading ? t('common.loading') : t('common.loadMore')}
        </button>
      </div>
    </Show>
  );
}
