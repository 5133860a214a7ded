import { A } from '@solidjs/router';
import { createSignal, onMount, Show } from 'solid-js';
import { query } from '../../api';
import { Banner } from '../../components/Banner';
import { DataTable, ListFooter } from '../../components/DataTable';
import { SearchForm } from '../../components/SearchForm';
import { formatDateTime, formatNumber, t } from '../../i18n';
import { UNITS_ACCESS } from './access';
import { createPaged } from '../../paged';
import { hasRole } from '../../session';
import { errorText } from '../../toast';
import { UNIT_TYPES, type Unit, type UnitType } from '../../api-types';
import { limits } from '@ufp/core/validation/limits';

export default function Units() {
  const [type, setType] = createSignal('');
  const [q, setQ] = createSignal('');
  const list = createPaged<Unit>((cursor) => {
    const input: Record<string, unknown> = { limit: 20 };
    if (cursor) input.cursor = cursor;
    if (type()) input.type = type();
    if (q().trim()) input.q = q().trim();
    return query('units.list', input);
  });
  onMount(() => void list.reload());
  const canWrite = () => hasRole(...UNITS_ACCESS.write);

  return (
    <section aria-labelledby="units-title">
      <div class="page-head">
        <h1 id="units-title">{t('units.title')}</h1>
        <Show when={canWrite()}>
          <A href="/units/new" class="btn btn--primary">
            {t('units.new')}
          </A>
        </Show>
      </div>
      <Show when={!canWrite()}>
        <p class="muted">{t('units.readOnly')}</p>
      </Show>
      <SearchForm
        id="units-q"
        label={t('units.searchLabel')}
        placeholder={t('units.searchPlaceholder')}
        rule={limits.unit.search}
        q={q()}
        onQ={setQ}
        selects={[{ id: 'units-type', label: () => t('units.filterType'), value: type, onChange: setType, options: UNIT_TYPES, text: (ty) => t(`units.type.${ty as UnitType}`) }]}
        onSearch={() => void list.reload()}
      />
      <Show when={list.error()}>
        <Banner
          kind="error"
          action={
            <button type="button" class="btn" onClick={() => void list.reload()}>
              {t('common.retry')}
            </button>
          }
        >
          {errorText(list.error())}
        </Banner>
      </Show>
      <DataTable<Unit>
        label={t('units.title')}
        rows={list.items()}
        loading={list.loading() && !list.loaded()}
        columns={[
          {
            label: () => t('units.name'),
            cell: (u) => <A href={`/units/${encodeURIComponent(u.unitId)}`}>{u.name}</A>,
            class: 'cell--primary',
          },
          { label: () => t('units.type'), cell: (u) => t(`units.type.${u.type}`) },
          { label: () => t('units.uscc'), cell: (u) => <span class="mono">{u.uscc || '—'}</span> },
          { label: () => t('units.memberCount'), cell: (u) => formatNumber(u.memberCount), class: 'num' },
          {
            label: () => t('units.chair'),
            cell: (u) => (
              <>
                {u.chair.name}
                <Show when={u.chair.phoneMasked}>
                  <span class="muted mono"> {u.chair.phoneMasked}</span>
                </Show>
              </>
            ),
          },
          { label: () => t('common.updatedAt'), cell: (u) => formatDateTime(u.updatedAt), class: 'nowrap' },
        ]}
      />
      <ListFooter hasMore={list.hasMore()} loading={list.loading()} onMore={() => void list.loadMore()} />
    </section>
  );
}
