import { For } from 'solid-js';
import type { TextRule } from '@ufp/core/validation/text';
import { t } from '../i18n';
import { Input } from './Input';

/** A filter of a list: a select whose change searches at once (its first option is "all"). */
export interface SearchSelect {
  id: string;
  label: () => string;
  value: () => string;
  onChange: (value: string) => void;
  options: readonly string[];
  text: (option: string) => string;
  /** The first option's label; 全部 by default. */
  all?: () => string;
}

/**
 * The search form above a list (units, the contracts ledger …): a search box on the shared `Input`
 * (its length limit from core limits), the list's filter selects, and 搜索. A select searches on
 * change; the text searches on submit.
 */
export function SearchForm(props: {
  id: string;
  /** The form's accessible name, when the list has more than one search. */
  ariaLabel?: string;
  label: string;
  placeholder: string;
  rule: TextRule;
  q: string;
  onQ: (q: string) => void;
  selects: readonly SearchSelect[];
  onSearch: () => void;
}) {
  return (
    <form
      class="filters"
      role="search"
      aria-label={props.ariaLabel}
      onSubmit={(e) => {
        e.preventDefault();
        props.onSearch();
      }}
    >
      <Input id={props.id} type="search" label={props.label} placeholder={props.placeholder} rule={props.rule} value={props.q} onValue={props.onQ} />
      <For each={props.selects}>
        {(s) => (
          <div class="field">
            <label for={s.id}>{s.label()}</label>
            <select
              id={s.id}
              value={s.value()}
              onChange={(e) => {
                s.onChange(e.currentTarget.value);
                props.onSearch();
              }}
            >
              <option value="" selected={s.value() === ''}>
                {s.all ? s.all() : t('common.all')}
              </option>
              <For each={s.options}>
                {(o) => (
                  <option value={o} selected={s.value() === o}>
                    {s.text(o)}
                  </option>
                )}
              </For>
            </select>
          </div>
        )}
      </For>
      <div class="filters__actions">
        <button type="submit" class="btn">
          {t('common.search')}
        </button>
      </div>
    </form>
  );
}
