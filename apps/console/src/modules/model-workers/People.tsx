import { A } from '@solidjs/router';
import { createSignal, For, onMount, Show } from 'solid-js';
import { query } from '../../api';
import { Banner } from '../../components/Banner';
import { DataTable, ListFooter } from '../../components/DataTable';
import { t } from '../../i18n';
import { createPaged } from '../../paged';
import { hasRole } from '../../session';
import { errorText } from '../../toast';
import { HonourChip } from './HonourChip';
import { enumLabel, enums, type DeputyBodyValue, type Level, type PersonRow, type Status } from './shared';
import './model-workers.css';
import { limits } from '@ufp/core/validation/limits';


/** 劳模档案: search by name or whole ID number, filters, masked IDs, each honour (revoked ones struck through). */
export default function People() {
  const [q, setQ] = createSignal('');
  const [level, setLevel] = createSignal('');
  const [status, setStatus] = createSignal('');
  const [deputy, setDeputy] = createSignal('');
  const filter = () => ({
    ...(q().trim() ? { q: q().trim() } : {}),
    ...(level() ? { level: level() as Level } : {}),
    ...(status() ? { status: status() as Status } : {}),
    ...(deputy() ? { deputy: deputy() as DeputyBodyValue } : {}),
  });
  const list = createPaged<PersonRow>((cursor) => query('modelWorkers.people.list', { limit: 20, ...filter(), ...(cursor ? { cursor } : {}) }));
  onMount(() => void list.reload());
  const isStaff = () => hasRole('federation_admin', 'federation_staff');

  const select = (id: string, text: string, value: () => string, set: (v: string) => void, options: readonly string[], optionLabel: (o: string) => string) => (
    <div class="field">
      <label for={id}>{text}</label>
      <select
        id={id}
        value={value()}
        onChange={(e) => {
          set(e.currentTarget.value);
          void list.reload();
        }}
      >
        <option value="">{t('common.all')}</option>
        <For each={options}>{(o) => <option value={o}>{optionLabel(o)}</option>}</For>
      </select>
    </div>
  );

  return (
    <section aria-labelledby="mw-title" class="mw">
      <div class="page-head">
        <h1 id="mw-title">{t('modelWorkers.title')}</h1>
        <div class="toolbar">
          <Show when={isStaff()}>
            <A href="/model-workers/ladder" class="btn">
              {t('modelWorkers.ladder.title')}
            </A>
            <A href="/model-workers/registry" class="btn">
              {t('modelWorkers.registry.title')}
            </A>
            <A href="/model-workers/new" class="btn btn--primary">
              {t('modelWorkers.new')}
            </A>
          </Show>
        </div>
      </div>
      <Show when={!isStaff()}>
        <p class="muted" data-testid="mw-unit-only">{t('modelWorkers.unitOnly')}</p>
      </Show>
      <form
        class="filters"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          void list.reload();
        }}
      >
        <div class="field">
          <label for="mw-q">{t('modelWorkers.search')}</label>
          <input id="mw-q" type="search" maxlength={limits.modelWorkers.search.max} value={q()} placeholder={t('modelWorkers.searchPlaceholder')} onInput={(e) => setQ(e.currentTarget.value)} />
        </div>
        {select('mw-level', t('modelWorkers.highestLevel'), level, setLevel, enums.HonourLevel.values, (o) => enumLabel(enums.HonourLevel, o as never))}
        {select('mw-status', t('modelWorkers.status'), status, setStatus, enums.PersonStatus.values, (o) => enumLabel(enums.PersonStatus, o as never))}
        {select('mw-deputy', t('modelWorkers.deputy'), deputy, setDeputy, enums.DeputyBody.values, (o) => enumLabel(enums.DeputyBody, o as never))}
        <div class="filters__actions">
          <button type="submit" class="btn">
            {t('common.search')}
          </button>
        </div>
      </form>
      <Show when={list.error()}>
        <Banner kind="error" action={<button type="button" class="btn" onClick={() => void list.reload()}>{t('common.retry')}</button>}>
          {errorText(list.error())}
        </Banner>
      </Show>
      <DataTable<PersonRow>
        label={t('modelWorkers.title')}
        rows={list.items()}
        loading={list.loading() && !list.loaded()}
        empty={t('modelWorkers.empty')}
        columns={[
          { label: () => t('modelWorkers.name'), cell: (p) => <A href={`/model-workers/${encodeURIComponent(p.personId)}`}>{p.name}</A>, class: 'cell--primary' },
          { label: () => t('modelWorkers.idNumber'), cell: (p) => <span class="mono">{p.idMasked}</span>, class: 'nowrap' },
          { label: () => t('modelWorkers.genderBirth'), cell: (p) => `${enumLabel(enums.Gender, p.gender)} · ${p.birthDate}`, class: 'nowrap' },
          { label: () => t('modelWorkers.status'), cell: (p) => <span class={`mw-badge mw-status--${p.status}`}>{enumLabel(enums.PersonStatus, p.status)}</span> },
          { label: () => t('modelWorkers.highestLevel'), cell: (p) => enumLabel(enums.HonourLevel, p.highestLevel) || '—' },
          {
            label: () => t('modelWorkers.honours'),
            cell: (p) => (
              <Show when={p.honours.length} fallback={<span class="muted">—</span>}>
                <ul class="mw-chips" data-testid="mw-chips">
                  <For each={p.honours}>{(h) => <li><HonourChip title={h.title} year={h.year} level={h.level} revokedOn={h.revokedOn} /></li>}</For>
                </ul>
              </Show>
            ),
          },
        ]}
      />
      <ListFooter hasMore={list.hasMore()} loading={list.loading()} onMore={() => void list.loadMore()} />
    </section>
  );
}
