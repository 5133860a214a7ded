import { A } from '@solidjs/router';
import { createMemo, createResource, createSignal, For, Show } from 'solid-js';
import { limits } from '@ufp/core/validation/limits';
import { query } from '../../api';
import { Banner } from '../../components/Banner';
import { DataTable } from '../../components/DataTable';
import { t } from '../../i18n';
import { hasRole } from '../../session';
import { errorText } from '../../toast';
import { LEVELS, SevenTicks, type StudioRow } from './shared';
import './mw-visits.css';

type Level = (typeof LEVELS)[number];

/** The 创新工作室 registry: level, leader (flagged when deceased or revoked), the 七有 as ticks, the latest review. */
export default function Studios() {
  const [level, setLevel] = createSignal<Level | ''>('');
  const [complete, setComplete] = createSignal<'' | 'yes' | 'no'>('');
  const [flagged, setFlagged] = createSignal(false);
  const [q, setQ] = createSignal('');
  const [search, setSearch] = createSignal('');
  const filter = createMemo(() => ({
    ...(level() ? { level: level() as Level } : {}),
    ...(complete() ? { complete: complete() === 'yes' } : {}),
    ...(flagged() ? { flagged: true } : {}),
    ...(search() ? { q: search() } : {}),
  }));
  const [listed] = createResource(filter, (f) => query('modelWorkers.studios.list', f));
  const list = () => (listed.error ? undefined : listed());

  return (
    <section aria-labelledby="mwv-studios-title" class="mwv">
      <div class="page-head">
        <h1 id="mwv-studios-title">{t('mwVisits.studios.title')}</h1>
        <Show when={hasRole('federation_admin', 'federation_staff')}>
          <div class="toolbar">
            <A href="/model-worker-studios/new" class="btn btn--primary">
              {t('mwVisits.studios.new')}
            </A>
          </div>
        </Show>
      </div>
      <p class="muted">{t('mwVisits.studios.intro')}</p>
      <form
        class="filters"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          setSearch(q().trim());
        }}
      >
        <div class="field">
          <label for="mwv-studio-q">{t('mwVisits.studios.search')}</label>
          <input id="mwv-studio-q" type="search" maxlength={limits.modelWorkers.search.max} value={q()} onInput={(e) => setQ(e.currentTarget.value)} />
        </div>
        <div class="field">
          <label for="mwv-studio-level">{t('mwVisits.studios.level')}</label>
          <select id="mwv-studio-level" value={level()} onChange={(e) => setLevel(e.currentTarget.value as Level | '')}>
            <option value="">{t('common.all')}</option>
            <For each={LEVELS}>{(l) => <option value={l}>{t(`mwVisits.level.${l}`)}</option>}</For>
          </select>
        </div>
        <div class="field">
          <label for="mwv-studio-complete">{t('mwVisits.studios.complete')}</label>
          <select id="mwv-studio-complete" value={complete()} onChange={(e) => setComplete(e.currentTarget.value as '' | 'yes' | 'no')}>
            <option value="">{t('common.all')}</option>
            <option value="yes">{t('mwVisits.studios.completeYes')}</option>
            <option value="no">{t('mwVisits.studios.completeNo')}</option>
          </select>
        </div>
        <label class="check">
          <input type="checkbox" checked={flagged()} onChange={(e) => setFlagged(e.currentTarget.checked)} />
          {t('mwVisits.studios.flagged')}
        </label>
        <div class="filters__actions">
          <button type="submit" class="btn">
            {t('common.search')}
          </button>
        </div>
      </form>
      <Show when={listed.error}>
        <Banner kind="error">{errorText(listed.error)}</Banner>
      </Show>
      <DataTable<StudioRow>
        label={t('mwVisits.studios.title')}
        rows={list() ?? []}
        loading={listed.loading}
        empty={t('mwVisits.studios.empty')}
        columns={[
          { label: () => t('mwVisits.studios.name'), cell: (s) => <A href={`/model-worker-studios/${encodeURIComponent(s.studioId)}`}>{s.name}</A>, class: 'cell--primary' },
          { label: () => t('mwVisits.studios.level'), cell: (s) => t(`mwVisits.level.${s.level}`), class: 'nowrap' },
          {
            label: () => t('mwVisits.studios.leader'),
            cell: (s) => (
              <>
                {s.leader.name ?? s.leader.nameMasked}
                <Show when={s.leader.flag}>{(f) => <span class="mwv-badge mwv-flag" data-testid="mwv-flag">{t(`mwVisits.flag.${f()}`)}</span>}</Show>
              </>
            ),
          },
          { label: () => t('mwVisits.studios.sevenHas'), cell: (s) => <><SevenTicks checklist={s.sevenHas} /><span class="muted">{t('mwVisits.studios.count', { n: s.sevenHasCount })}</span></> },
          { label: () => t('mwVisits.studios.review'), cell: (s) => (s.latestReview ? `${s.latestReview.year} ${t(`mwVisits.outcome.${s.latestReview.outcome}`)}` : t('mwVisits.studios.notReviewed')) },
        ]}
      />
    </section>
  );
}
