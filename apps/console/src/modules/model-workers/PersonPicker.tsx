import { limits } from '@ufp/core/validation/limits';
import { createSignal, For, Show } from 'solid-js';
import { query, type OutputOf } from '../../api';
import { Input } from '../../components/Input';
import { t } from '../../i18n';
import { showError } from '../../toast';
import './person-picker.css';

export type PersonRow = OutputOf<'modelWorkers.people.list'>['items'][number];

/** Who is shown as chosen: a row found here, or a person already named on the record being edited. */
export type ChosenPerson = Pick<PersonRow, 'personId' | 'name'> & { idMasked: string | null };

/** Finds a 劳模 by a part of the name or a whole ID number and hands the chosen row to `onChoose`. */
export function PersonPicker(props: { id: string; chosen: ChosenPerson | undefined; onChoose: (p: PersonRow | undefined) => void; error?: (() => string) | undefined }) {
  const [q, setQ] = createSignal('');
  const [rows, setRows] = createSignal<PersonRow[] | undefined>();
  async function find(e: Event) {
    e.preventDefault();
    try {
      setRows((await query('modelWorkers.people.list', { q: q().trim() || undefined, limit: 20 })).items);
    } catch (err) {
      showError(err);
    }
  }
  return (
    <Show
      when={props.chosen}
      fallback={
        <div class="mw-picker">
          <div class="mw-picker__row">
            <Input id={props.id} label={t('modelWorkers.picker.search')} value={q()} onValue={setQ} maxLength={limits.modelWorkers.search.max} error={props.error} onKeyDown={(e) => e.key === 'Enter' && void find(e)} />
            <button type="button" class="btn" onClick={(e) => void find(e)}>
              {t('modelWorkers.picker.find')}
            </button>
          </div>
          <Show when={rows()}>
            {(list) => (
              <Show when={list().length} fallback={<p class="muted">{t('modelWorkers.picker.none')}</p>}>
                <ul class="mw-picker__list" aria-label={t('modelWorkers.picker.search')}>
                  <For each={list()}>
                    {(p) => (
                      <li>
                        <span>
                          {p.name} <span class="mono muted">{p.idMasked}</span>
                        </span>
                        <button type="button" class="btn btn--small" onClick={() => props.onChoose(p)} aria-label={`${t('modelWorkers.picker.choose')} ${p.name}`}>
                          {t('modelWorkers.picker.choose')}
                        </button>
                      </li>
                    )}
                  </For>
                </ul>
              </Show>
            )}
          </Show>
        </div>
      }
    >
      {(p) => (
        <p class="mw-chosen" data-testid="mw-chosen">
          {t('modelWorkers.picker.chosen', { name: p().name, id: p().idMasked ?? '—' })}{' '}
          <button type="button" class="btn btn--ghost btn--small" onClick={() => props.onChoose(undefined)}>
            {t('modelWorkers.picker.change')}
          </button>
        </p>
      )}
    </Show>
  );
}
