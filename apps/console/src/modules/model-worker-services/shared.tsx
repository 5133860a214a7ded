import { limits } from '@ufp/core/validation/limits';
import { createSignal, For, Show } from 'solid-js';
import { query, type OutputOf } from '../../api';
import { Input } from '../../components/Input';
import { lang, t } from '../../i18n';
import { showError } from '../../toast';

export type PersonRow = OutputOf<'modelWorkers.people.list'>['items'][number];

export const HOUSING = ['owned', 'rented', 'public_rental', 'relatives', 'none'] as const;
export const EMPLOYMENT = ['employed', 'retired', 'laid_off', 'self_employed'] as const;
export const CATEGORIES = ['none', 'low_income', 'illness', 'disability', 'disaster', 'unemployment', 'schooling', 'other'] as const;
export const BENEFIT_KINDS = ['spring_festival', 'honour_allowance', 'special_subsidy'] as const;

/** Yuan as typed ("1,234.5") → fen; undefined when it is not an amount. Empty → undefined too. */
export function parseYuan(text: string): number | undefined {
  const s = text.trim().replace(/[,，\s]/g, '');
  const m = /^(\d{1,11})(?:\.(\d{1,2}))?$/.exec(s);
  if (!m) return undefined;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

export function yuan(fen: number | undefined | null): string {
  if (fen === undefined || fen === null) return '—';
  return `¥${(fen / 100).toLocaleString(lang() === 'en' ? 'en-GB' : 'zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

export const shanghaiToday = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
export const shanghaiYear = () => Number(shanghaiToday().slice(0, 4));

/** Finds a 劳模 by a part of the name or a whole ID number and hands the chosen row to `onChoose`. */
export function PersonPicker(props: { id: string; chosen: PersonRow | undefined; onChoose: (p: PersonRow | undefined) => void }) {
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
        <div class="mws-picker">
          <div class="mws-picker__row">
            <Input id={props.id} label={t('mwServices.person.search')} value={q()} onValue={setQ} maxLength={limits.modelWorkers.search.max} onKeyDown={(e) => e.key === 'Enter' && void find(e)} />
            <button type="button" class="btn" onClick={(e) => void find(e)}>
              {t('mwServices.person.find')}
            </button>
          </div>
          <Show when={rows()}>
            {(list) => (
              <Show when={list().length} fallback={<p class="muted">{t('mwServices.person.none')}</p>}>
                <ul class="mws-picker__list" aria-label={t('mwServices.person.search')}>
                  <For each={list()}>
                    {(p) => (
                      <li>
                        <span>
                          {p.name} <span class="mono muted">{p.idMasked}</span>
                        </span>
                        <button type="button" class="btn btn--small" onClick={() => props.onChoose(p)} aria-label={`${t('mwServices.person.choose')} ${p.name}`}>
                          {t('mwServices.person.choose')}
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
        <p class="mws-chosen" data-testid="mws-chosen">
          {t('mwServices.person.chosen', { name: p().name, id: p().idMasked })}{' '}
          <button type="button" class="btn btn--ghost btn--small" onClick={() => props.onChoose(undefined)}>
            {t('mwServices.person.change')}
          </button>
        </p>
      )}
    </Show>
  );
}
