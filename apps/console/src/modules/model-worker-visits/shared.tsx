import { limits } from '@ufp/core/validation/limits';
import { createSignal, For, Show } from 'solid-js';
import { query, type OutputOf } from '../../api';
import { Input } from '../../components/Input';
import { lang, t } from '../../i18n';
import { showError } from '../../toast';

export type PersonRow = OutputOf<'modelWorkers.people.list'>['items'][number];
export type RequestRow = OutputOf<'modelWorkers.visits.list'>[number];
export type RequestDetail = OutputOf<'modelWorkers.visits.get'>;
export type Suggestion = OutputOf<'modelWorkers.visits.suggest'>[number];
export type StudioRow = OutputOf<'modelWorkers.studios.list'>[number];
export type StudioDetail = OutputOf<'modelWorkers.studios.get'>;

export const STATUSES = ['open', 'matched', 'in_progress', 'closed'] as const;
export const LEVELS = ['national', 'provincial', 'city', 'county'] as const;
export const SEVEN = ['venue', 'equipment', 'team', 'projects', 'rules', 'funding', 'results'] as const;
export const KINDS = ['patent', 'innovation', 'result'] as const;
export const OUTCOMES = ['excellent', 'passed', 'failed'] as const;
export const OCCUPATIONS = ['frontline', 'technical', 'manager', 'civil_servant', 'farmer', 'other'] as const;

/** "焊工、数控车工, 电工" → ['焊工', '数控车工', '电工']. */
export const splitList = (text: string) => text.split(/[、,，;；\n]/).map((s) => s.trim()).filter(Boolean);

/** Yuan as typed ("1,234.5") → fen; undefined when it is not an amount. */
export function parseYuan(text: string): number | undefined {
  const m = /^(\d{1,11})(?:\.(\d{1,2}))?$/.exec(text.trim().replace(/[,，\s]/g, ''));
  return m ? Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0')) : undefined;
}

export const yuan = (fen: number) => `¥${(fen / 100).toLocaleString(lang() === 'en' ? 'en-GB' : 'zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
export const shanghaiToday = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

/** The 七有 as ticks: ✓ met, ○ missing, each with its name for a screen reader. */
export function SevenTicks(props: { checklist: Record<(typeof SEVEN)[number], boolean> }) {
  return (
    <ul class="mwv-seven" aria-label={t('mwVisits.studios.sevenHas')}>
      <For each={SEVEN}>
        {(k) => (
          <li class={props.checklist[k] ? 'mwv-seven__on' : 'mwv-seven__off'} title={t(`mwVisits.seven.${k}`)}>
            <span aria-hidden="true">{props.checklist[k] ? '✓' : '○'}</span>
            {t(`mwVisits.seven.${k}`).replace(/^有/, '')}
            <span class="visually-hidden">{props.checklist[k] ? t('mwVisits.studios.ticked') : t('mwVisits.studios.missing')}</span>
          </li>
        )}
      </For>
    </ul>
  );
}

/** Finds a 劳模 by a part of the name or a whole ID number and hands the chosen row to `onChoose`. */
export function PersonPicker(props: { id: string; chosen: PersonRow | undefined; onChoose: (p: PersonRow | undefined) => void; error?: (() => string) | undefined }) {
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
        <div class="mwv-picker">
          <div class="mwv-inline">
            <Input id={props.id} label={t('mwVisits.person.search')} value={q()} onValue={setQ} maxLength={limits.modelWorkers.search.max} error={props.error} onKeyDown={(e) => e.key === 'Enter' && void find(e)} />
            <button type="button" class="btn" onClick={(e) => void find(e)}>
              {t('mwVisits.person.find')}
            </button>
          </div>
          <Show when={rows()}>
            {(list) => (
              <Show when={list().length} fallback={<p class="muted">{t('mwVisits.person.none')}</p>}>
                <ul class="mwv-list" aria-label={t('mwVisits.person.search')}>
                  <For each={list()}>
                    {(p) => (
                      <li>
                        <span>
                          {p.name} <span class="mono muted">{p.idMasked}</span>
                        </span>
                        <button type="button" class="btn btn--small" onClick={() => props.onChoose(p)} aria-label={`${t('mwVisits.person.choose')} ${p.name}`}>
                          {t('mwVisits.person.choose')}
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
        <p class="mwv-chosen" data-testid="mwv-chosen">
          {t('mwVisits.person.chosen', { name: p().name, id: p().idMasked })}{' '}
          <button type="button" class="btn btn--ghost btn--small" onClick={() => props.onChoose(undefined)}>
            {t('mwVisits.person.change')}
          </button>
        </p>
      )}
    </Show>
  );
}
