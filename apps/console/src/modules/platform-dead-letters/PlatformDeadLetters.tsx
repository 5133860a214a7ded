import { createMemo, createResource, createSignal, For, Show } from 'solid-js';
import { mutate, query, type InputOf } from '../../api';
import { Banner } from '../../components/Banner';
import { DataTable } from '../../components/DataTable';
import { formatDateTime, formatNumber, t, tMaybe } from '../../i18n';
import { errorText, showError, showToast } from '../../toast';
import type { RouterOutputs } from '../../api';

type DeadLetterOverview = RouterOutputs['platform']['deadLetters']['list'];
type DeadLetterView = DeadLetterOverview['letters'][number];
type RedriveSummary = RouterOutputs['platform']['deadLetters']['redrive'];
import './platform-dead-letters.css';

interface Filter {
  tenantId: string;
  module: string;
  source: string;
}
const NO_FILTER: Filter = { tenantId: '', module: '', source: '' };
const SOURCES = ['consumer', 'rule', 'pipe'] as const;

/** What the confirmation is about: chosen letters, or every letter of the applied filter. */
type Pending = { kind: 'ids'; ids: string[] } | { kind: 'all'; filter: Filter; count: number };

const compact = (f: Filter) => Object.fromEntries(Object.entries(f).filter(([, v]) => v)) as Partial<Filter>;

/**
 * The platform operator's dead letters: every tenant's consumer failures and (in AWS) the rule,
 * Pipe and consumer-function dead-letter queues in one list, counted per tenant and module, with
 * a guide and a confirmed, audited redrive (one, selected, or all shown).
 */
export default function PlatformDeadLetters() {
  const [draft, setDraft] = createSignal<Filter>({ ...NO_FILTER });
  const [applied, setApplied] = createSignal<Filter>({ ...NO_FILTER });
  const [data, { refetch }] = createResource(applied, (f) => query('platform.deadLetters.list', compact(f) as InputOf<'platform.deadLetters.list'>));
  /** The loaded value, or nothing while loading or after a failure (reading a failed resource throws). */
  const loaded = () => (data.error ? undefined : data());
  const [tenants] = createResource(() => query('platform.tenants.list'));
  const [selected, setSelected] = createSignal<ReadonlySet<string>>(new Set());
  const [pending, setPending] = createSignal<Pending | null>(null);
  const [busy, setBusy] = createSignal(false);
  const [failures, setFailures] = createSignal<RedriveSummary['results']>([]);

  const tenantName = (id: string | null) => {
    if (id === null) return t('platformDeadLetters.unknown');
    if (id === 'platform') return t('platformDeadLetters.platformOwner');
    return tenants()?.items.find((x) => x.id === id)?.name ?? id;
  };
  const moduleName = (m: string | null) => (m === null ? t('platformDeadLetters.unknown') : tMaybe(`platformDeadLetters.module.${m}`, m));
  const sourceName = (s: string) => tMaybe(`platformDeadLetters.source.${s}`, s);

  const letters = () => loaded()?.letters ?? [];
  const redrivable = createMemo(() => letters().filter((l) => l.redrivable));
  const chosen = createMemo(() => letters().filter((l) => selected().has(l.id) && l.redrivable).map((l) => l.id));
  const tenantOptions = createMemo(() => [...new Set((loaded()?.counts ?? []).map((c) => c.tenantId).filter((x): x is string => !!x))].sort());
  const moduleOptions = createMemo(() => [...new Set((loaded()?.counts ?? []).map((c) => c.module).filter((x): x is string => !!x))].sort());

  const apply = (f: Filter) => {
    setDraft({ ...f });
    setApplied({ ...f });
    setSelected(new Set<string>());
  };
  const toggle = (id: string, on: boolean) =>
    setSelected((s) => {
      const next = new Set(s);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  async function redrive(what: Pending) {
    setBusy(true);
    try {
      const input = what.kind === 'ids' ? { ids: what.ids } : { all: compact(what.filter) };
      const res = await mutate('platform.deadLetters.redrive', input as InputOf<'platform.deadLetters.redrive'>);
      setFailures(res.results.filter((r) => !['processed', 'duplicate', 'redriven'].includes(r.outcome)));
      const text = () => `${t('platformDeadLetters.result', { ok: res.succeeded, failed: res.failed, skipped: res.skipped })}${res.remaining ? ` ${t('platformDeadLetters.remaining', { n: res.remaining })}` : ''}`;
      showToast(res.failed || res.skipped ? 'error' : 'success', text);
      setPending(null);
      setSelected(new Set<string>());
      void refetch();
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="pdl-title" class="pdl">
      <div class="page-head">
        <div>
          <h1 id="pdl-title">{t('platformDeadLetters.title')}</h1>
          <p class="muted">{t('platformDeadLetters.subtitle')}</p>
        </div>
        <button type="button" class="btn" onClick={() => void refetch()} disabled={data.loading}>
          {t('common.refresh')}
        </button>
      </div>

      <details class="card pdl-guide" open>
        <summary>
          <strong>{t('platformDeadLetters.guide.title')}</strong>
        </summary>
        <ol>
          <li>{t('platformDeadLetters.guide.why')}</li>
          <li>{t('platformDeadLetters.guide.alarm')}</li>
          <li>{t('platformDeadLetters.guide.fix')}</li>
          <li>{t('platformDeadLetters.guide.redrive')}</li>
        </ol>
      </details>

      <Show when={data.error}>
        <Banner kind="error" action={<button type="button" class="btn" onClick={() => void refetch()}>{t('common.retry')}</button>}>
          {errorText(data.error)}
        </Banner>
      </Show>

      <Show when={(loaded()?.counts.length ?? 0) > 0}>
        <h2>{t('platformDeadLetters.counts')}</h2>
        <DataTable<DeadLetterOverview['counts'][number]>
          label={t('platformDeadLetters.counts')}
          rows={loaded()?.counts ?? []}
          columns={[
            { label: () => t('platformDeadLetters.tenant'), cell: (c) => tenantName(c.tenantId) },
            { label: () => t('platformDeadLetters.module'), cell: (c) => moduleName(c.module) },
            { label: () => t('platformDeadLetters.source'), cell: (c) => sourceName(c.source) },
            { label: () => t('platformDeadLetters.count'), cell: (c) => formatNumber(c.count), class: 'num' },
            {
              label: () => t('common.actions'),
              cell: (c) => (
                <button type="button" class="btn btn--small" onClick={() => apply({ tenantId: c.tenantId ?? '', module: c.module ?? '', source: c.source })}>
                  {t('platformDeadLetters.showOnly')}
                </button>
              ),
            },
          ]}
        />
      </Show>

      <Show when={(loaded()?.queues.length ?? 0) > 0}>
        <h2>{t('platformDeadLetters.queues')}</h2>
        <DataTable<DeadLetterOverview['queues'][number]>
          label={t('platformDeadLetters.queues')}
          rows={loaded()?.queues ?? []}
          columns={[
            { label: () => t('platformDeadLetters.queue'), cell: (q) => <code class="pdl-break">{q.key}</code> },
            { label: () => t('platformDeadLetters.source'), cell: (q) => sourceName(q.source) },
            { label: () => t('platformDeadLetters.target'), cell: (q) => <code class="pdl-break">{q.target}</code> },
            { label: () => t('platformDeadLetters.depth'), cell: (q) => formatNumber(q.depth), class: 'num' },
            { label: () => t('platformDeadLetters.listed'), cell: (q) => formatNumber(q.listed), class: 'num' },
          ]}
        />
        <Show when={loaded()?.truncated}>
          <Banner kind="info">{t('platformDeadLetters.truncated')}</Banner>
        </Show>
      </Show>

      <h2>{t('platformDeadLetters.letters')}</h2>
      <form
        class="filters"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          apply(draft());
        }}
      >
        <div class="field">
          <label for="pdl-tenant">{t('platformDeadLetters.tenant')}</label>
          <select id="pdl-tenant" value={draft().tenantId} onChange={(e) => setDraft((f) => ({ ...f, tenantId: e.currentTarget.value }))}>
            <option value="">{t('common.all')}</option>
            <For each={tenantOptions()}>{(id) => <option value={id}>{tenantName(id)}</option>}</For>
          </select>
        </div>
        <div class="field">
          <label for="pdl-module">{t('platformDeadLetters.module')}</label>
          <select id="pdl-module" value={draft().module} onChange={(e) => setDraft((f) => ({ ...f, module: e.currentTarget.value }))}>
            <option value="">{t('common.all')}</option>
            <For each={moduleOptions()}>{(m) => <option value={m}>{moduleName(m)}</option>}</For>
          </select>
        </div>
        <div class="field">
          <label for="pdl-source">{t('platformDeadLetters.source')}</label>
          <select id="pdl-source" value={draft().source} onChange={(e) => setDraft((f) => ({ ...f, source: e.currentTarget.value }))}>
            <option value="">{t('common.all')}</option>
            <For each={SOURCES}>{(s) => <option value={s}>{sourceName(s)}</option>}</For>
          </select>
        </div>
        <div class="filters__actions">
          <button type="submit" class="btn btn--primary">
            {t('platformDeadLetters.filter')}
          </button>
          <button type="button" class="btn" onClick={() => apply({ ...NO_FILTER })}>
            {t('common.reset')}
          </button>
        </div>
      </form>

      <div class="toolbar pdl-toolbar">
        <Show when={loaded()}>{(d) => <span class="muted">{t('platformDeadLetters.matching', { n: d().matching, shown: d().letters.length })}</span>}</Show>
        <button type="button" class="btn" disabled={busy() || chosen().length === 0} onClick={() => setPending({ kind: 'ids', ids: chosen() })}>
          {t('platformDeadLetters.redriveSelected', { n: chosen().length })}
        </button>
        <button
          type="button"
          class="btn btn--primary"
          disabled={busy() || redrivable().length === 0}
          onClick={() => setPending({ kind: 'all', filter: applied(), count: redrivable().length })}
        >
          {t('platformDeadLetters.redriveAll', { n: redrivable().length })}
        </button>
      </div>

      <Show when={pending()}>
        {(p) => {
          const n = () => (p().kind === 'ids' ? (p() as { ids: string[] }).ids.length : (p() as { count: number }).count);
          return (
            <div class="card pdl-confirm" role="alertdialog" aria-labelledby="pdl-confirm-title" aria-describedby="pdl-confirm-text">
              <h2 id="pdl-confirm-title">{t('platformDeadLetters.confirm.title')}</h2>
              <div id="pdl-confirm-text">
                <p>{t('platformDeadLetters.confirm.what', { n: n() })}</p>
                <ul>
                  <li>{t('platformDeadLetters.confirm.consumer')}</li>
                  <li>{t('platformDeadLetters.confirm.bus')}</li>
                  <li>{t('platformDeadLetters.confirm.safe')}</li>
                </ul>
              </div>
              <div class="form__actions">
                <button
                  type="button"
                  class="btn btn--primary"
                  disabled={busy()}
                  // The panel opens above the list: bring it into view (a phone shows one row per screen) and focus its action.
                  ref={(el) => queueMicrotask(() => {
                    el.scrollIntoView({ block: 'center' });
                    el.focus();
                  })}
                  onClick={() => void redrive(p())}
                >
                  {busy() ? t('platformDeadLetters.redriving') : t('platformDeadLetters.confirm.go')}
                </button>
                <button type="button" class="btn" disabled={busy()} onClick={() => setPending(null)}>
                  {t('common.cancel')}
                </button>
              </div>
            </div>
          );
        }}
      </Show>

      <Show when={failures().length > 0}>
        <div class="banner banner--error pdl-failures" role="status">
          <div>
            <strong>{t('platformDeadLetters.failures')}</strong>
            <ul>
              <For each={failures()}>
                {(f) => (
                  <li>
                    <code class="pdl-break">{f.id}</code>：{tMaybe(`platformDeadLetters.outcome.${f.outcome}`, f.outcome)}
                    <Show when={f.reason}> — {f.reason}</Show>
                  </li>
                )}
              </For>
            </ul>
          </div>
          <button type="button" class="btn btn--small" onClick={() => setFailures([])}>
            {t('common.dismiss')}
          </button>
        </div>
      </Show>

      <DataTable<DeadLetterView>
        label={t('platformDeadLetters.letters')}
        rows={letters()}
        loading={data.loading && !loaded()}
        empty={data.error ? t('platformDeadLetters.notLoaded') : t('platformDeadLetters.empty')}
        rowClass={(l) => (l.redrivable ? '' : 'pdl-row--stuck')}
        columns={[
          {
            label: () => t('platformDeadLetters.select'),
            cell: (l) => (
              <input
                type="checkbox"
                class="pdl-check"
                aria-label={t('platformDeadLetters.selectLabel', { id: l.eventId ?? l.id })}
                disabled={!l.redrivable}
                checked={selected().has(l.id)}
                onChange={(e) => toggle(l.id, e.currentTarget.checked)}
              />
            ),
          },
          { label: () => t('platformDeadLetters.failedAt'), cell: (l) => formatDateTime(l.failedAt), class: 'nowrap' },
          { label: () => t('platformDeadLetters.tenant'), cell: (l) => tenantName(l.tenantId) },
          {
            label: () => t('platformDeadLetters.event'),
            cell: (l) => (
              <span class="pdl-event">
                <span>{moduleName(l.module)}</span>
                <code class="pdl-break">{l.eventType ?? t('platformDeadLetters.unknown')}</code>
                <span class="mono muted pdl-break">{l.eventId ?? ''}</span>
              </span>
            ),
          },
          {
            label: () => t('platformDeadLetters.source'),
            cell: (l) => (
              <span class="pdl-event">
                <span>{sourceName(l.source)}</span>
                <code class="pdl-break">{l.target}</code>
              </span>
            ),
          },
          { label: () => t('platformDeadLetters.attempts'), cell: (l) => formatNumber(l.attempts), class: 'num' },
          {
            label: () => t('platformDeadLetters.reason'),
            class: 'cell--wide',
            cell: (l) => (
              <span class="pdl-event">
                <span class="error-text pdl-break" data-testid="pdl-reason">{l.reason}</span>
                <Show when={l.copies?.length}>
                  <span class="muted">{t('platformDeadLetters.copies', { n: l.copies!.length })}</span>
                </Show>
              </span>
            ),
          },
          {
            label: () => t('common.actions'),
            cell: (l) => (
              <Show when={l.redrivable} fallback={<span class="muted">{t('platformDeadLetters.notRedrivable')}</span>}>
                <button
                  type="button"
                  class="btn btn--small"
                  title={t('platformDeadLetters.redriveOneLabel', { id: l.eventId ?? l.id })}
                  aria-label={t('platformDeadLetters.redriveOneLabel', { id: l.eventId ?? l.id })}
                  disabled={busy()}
                  onClick={() => setPending({ kind: 'ids', ids: [l.id] })}
                >
                  {t('platformDeadLetters.redriveOne')}
                </button>
              </Show>
            ),
          },
        ]}
      />
    </section>
  );
}
