import { A } from '@solidjs/router';
import { createMemo, createResource, createSignal, For, onMount, Show } from 'solid-js';
import { query, type InputOf } from '../../api';
import { Banner } from '../../components/Banner';
import { DataTable, ListFooter } from '../../components/DataTable';
import { Input } from '../../components/Input';
import { formatDateTime, t } from '../../i18n';
import { createPaged } from '../../paged';
import { errorText } from '../../toast';
import { limits } from '@ufp/core/validation/limits';
import type { FileStatus, ListedFile } from './shared';

const STATUSES: readonly FileStatus[] = ['draft', 'submitted', 'investigated', 'noticed', 'approved', 'rejected', 'exited'];

interface Search {
  q: string;
  status: '' | FileStatus;
  unitId: string;
  imported: boolean;
}
const EMPTY: Search = { q: '', status: '', unitId: '', imported: false };

function searchInput(s: Search): Omit<InputOf<'hardship.files.list'> & object, 'cursor' | 'limit'> {
  return {
    ...(s.q.trim() ? { q: s.q.trim() } : {}),
    ...(s.status ? { status: s.status } : {}),
    ...(s.unitId ? { unitId: s.unitId } : {}),
    ...(s.imported ? { imported: true } : {}),
  };
}

async function unitNames(): Promise<{ unitId: string; name: string }[]> {
  const page = await query('units.list', { limit: 200 });
  return page.items.map((u) => ({ unitId: u.unitId, name: u.name }));
}

/**
 * Every file of the tenant (a reporter: their unit's), newest first, searched and paged on the server: by file
 * number, a part of the name or a whole ID number (the server matches it through the blind index), status, unit;
 * drafts included, imported 台账 rows marked "imported on … by …".
 */
export function FileSearch(props: { staff: boolean; title: string }) {
  const [draft, setDraft] = createSignal<Search>({ ...EMPTY });
  const [applied, setApplied] = createSignal<Search>({ ...EMPTY });
  const list = createPaged<ListedFile>((cursor) => query('hardship.files.list', { limit: 20, ...searchInput(applied()), ...(cursor ? { cursor } : {}) }));
  onMount(() => void list.reload());
  const [units] = createResource(() => props.staff, unitNames);
  const unitName = createMemo(() => new Map((units() ?? []).map((u) => [u.unitId, u.name])));
  const run = (s: Search) => {
    setDraft(s);
    setApplied(s);
    void list.reload();
  };
  const patch = (p: Partial<Search>) => run({ ...draft(), ...p });
  const searching = () => Object.keys(searchInput(applied())).length > 0;

  return (
    <section aria-labelledby="hs-search-title" class="hs-search">
      <h2 id="hs-search-title">{props.title}</h2>
      <form
        class="filters"
        role="search"
        aria-label={t('hardship.search.label')}
        onSubmit={(e) => {
          e.preventDefault();
          run(draft());
        }}
      >
        <Input id="hs-q" type="search" label={t('hardship.search.q')} rule={limits.hardship.search} placeholder={t('hardship.search.placeholder')} value={draft().q} onValue={(q) => setDraft((d) => ({ ...d, q }))} />
        <div class="field">
          <label for="hs-status">{t('hardship.status')}</label>
          <select id="hs-status" value={draft().status} onChange={(e) => patch({ status: e.currentTarget.value as Search['status'] })}>
            <option value="">{t('common.all')}</option>
            <For each={STATUSES}>{(s) => <option value={s}>{t(`hardship.status.${s}`)}</option>}</For>
          </select>
        </div>
        <Show when={props.staff}>
          <div class="field">
            <label for="hs-unit">{t('hardship.search.unit')}</label>
            <select id="hs-unit" value={draft().unitId} onChange={(e) => patch({ unitId: e.currentTarget.value })}>
              <option value="">{t('common.all')}</option>
              <For each={units() ?? []}>{(u) => <option value={u.unitId}>{u.name}</option>}</For>
            </select>
          </div>
        </Show>
        <div class="field">
          <label class="check" for="hs-imported">
            <input id="hs-imported" type="checkbox" checked={draft().imported} onChange={(e) => patch({ imported: e.currentTarget.checked })} />
            {t('hardship.search.imported')}
          </label>
        </div>
        <div class="filters__actions">
          <button type="submit" class="btn btn--primary">
            {t('common.search')}
          </button>
          <button type="button" class="btn" onClick={() => run({ ...EMPTY })}>
            {t('common.reset')}
          </button>
        </div>
      </form>
      <Show when={list.error()}>
        <Banner kind="error">{errorText(list.error())}</Banner>
      </Show>
      <Show when={list.loaded() && !list.loading() && list.items().length === 0}>
        <p class="muted" role="status">
          {searching() ? t('hardship.search.none') : t('hardship.search.empty')}
        </p>
      </Show>
      <DataTable<ListedFile>
        label={props.title}
        rows={list.items()}
        loading={list.loading() && !list.loaded()}
        columns={[
          { label: () => t('hardship.worker.name'), cell: (f) => <A href={`/hardship/files/${f.fileId}`}>{f.worker.name}</A>, class: 'cell--primary' },
          { label: () => t('hardship.search.fileNo'), cell: (f) => <span class="mono hs-fileno">{f.fileId}</span> },
          { label: () => t('hardship.worker.idNumber'), cell: (f) => <span class="mono">{f.worker.idMasked}</span> },
          ...(props.staff ? [{ label: () => t('hardship.search.unit'), cell: (f: ListedFile) => unitName().get(f.unitId) ?? '—' }] : []),
          { label: () => t('hardship.tier'), cell: (f) => <span class={`hs-tier hs-tier--${f.tier}`}>{t(`hardship.tier.${f.tier}`)}</span> },
          {
            label: () => t('hardship.status'),
            cell: (f) => (
              <>
                {t(`hardship.status.${f.status}`)}
                <Show when={f.origin}>{(o) => <span class="muted hs-origin"> · {t('hardship.origin.modelWorkers', { year: o().year })}</span>}</Show>
                <Show when={f.importedAt}>
                  {(at) => <span class="muted hs-imported"> · {t('hardship.search.importedNote', { at: formatDateTime(at()), by: f.createdByName ?? t('hardship.actorUnknown') })}</span>}
                </Show>
              </>
            ),
          },
        ]}
      />
      <ListFooter hasMore={list.hasMore()} loading={list.loading()} onMore={() => void list.loadMore()} />
    </section>
  );
}
