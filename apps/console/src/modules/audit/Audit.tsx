import { createSignal, onMount, Show } from 'solid-js';
import { query } from '../../api';
import { AuditIntegrity } from '../../components/AuditIntegrity';
import { Banner } from '../../components/Banner';
import { DataTable, ListFooter } from '../../components/DataTable';
import { Input } from '../../components/Input';
import { formatDateTime, shortId, t } from '../../i18n';
import { createPaged } from '../../paged';
import { errorText } from '../../toast';
import type { RouterOutputs } from '../../api';

type AuditRow = RouterOutputs['audit']['list']['items'][number];
import { limits } from '@ufp/core/validation/limits';

interface Filters {
  actor: string;
  action: string;
  entityType: string;
  from: string; // yyyy-mm-dd (local)
  to: string;
}
const EMPTY: Filters = { actor: '', action: '', entityType: '', from: '', to: '' };

/** Local calendar day → ISO instant (start of `from` day, end of `to` day). */
function dayStart(d: string): string {
  return new Date(`${d}T00:00:00`).toISOString();
}
function dayEnd(d: string): string {
  return new Date(`${d}T23:59:59.999`).toISOString();
}

export default function Audit() {
  const [draft, setDraft] = createSignal<Filters>({ ...EMPTY });
  const [applied, setApplied] = createSignal<Filters>({ ...EMPTY });
  const set = (k: keyof Filters, v: string) => setDraft((f) => ({ ...f, [k]: v }));

  const list = createPaged<AuditRow>((cursor) => {
    const f = applied();
    const input: Record<string, unknown> = { limit: 50 };
    if (cursor) input.cursor = cursor;
    if (f.actor.trim()) input.actor = f.actor.trim();
    if (f.action.trim()) input.action = f.action.trim();
    if (f.entityType.trim()) input.entityType = f.entityType.trim();
    if (f.from) input.from = dayStart(f.from);
    if (f.to) input.to = dayEnd(f.to);
    return query('audit.list', input);
  });
  onMount(() => void list.reload());

  /** A filter on the shared Input: the text ones take the server's length limit. */
  const filter = (k: keyof Filters, label: () => string, type = 'text') => (
    <Input id={`audit-${k}`} type={type} label={label()} rule={k === 'actor' || k === 'action' || k === 'entityType' ? limits.audit[k] : undefined} value={draft()[k]} onValue={(v) => set(k, v)} />
  );

  return (
    <section aria-labelledby="audit-title">
      <div class="page-head">
        <h1 id="audit-title">{t('audit.title')}</h1>
        <button type="button" class="btn" onClick={() => void list.reload()}>
          {t('common.refresh')}
        </button>
      </div>
      <AuditIntegrity procedure="audit.verify" />
      <form
        class="filters"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          setApplied({ ...draft() });
          void list.reload();
        }}
      >
        {filter('actor', () => t('audit.actor'))}
        {filter('action', () => t('audit.action'))}
        {filter('entityType', () => t('audit.entityType'))}
        {filter('from', () => t('audit.from'), 'date')}
        {filter('to', () => t('audit.to'), 'date')}
        <div class="filters__actions">
          <button type="submit" class="btn btn--primary">
            {t('audit.filter')}
          </button>
          <button
            type="button"
            class="btn"
            onClick={() => {
              setDraft({ ...EMPTY });
              setApplied({ ...EMPTY });
              void list.reload();
            }}
          >
            {t('common.reset')}
          </button>
        </div>
      </form>
      <Show when={list.error()}>
        <Banner kind="error">{errorText(list.error())}</Banner>
      </Show>
      <DataTable<AuditRow>
        label={t('audit.title')}
        rows={list.items()}
        loading={list.loading() && !list.loaded()}
        columns={[
          { label: () => t('audit.at'), cell: (r) => formatDateTime(r.at), class: 'nowrap' },
          {
            label: () => t('audit.actor'),
            // A directory user by name (the subject on hover); a system job or an unknown subject as it is.
            // A name; else who they were (the platform's operator, or someone not in the directory) with a short id — never the bare subject.
            cell: (r) => <span title={r.actor}>{r.actorName ?? t(r.actorRoles?.includes('platform_operator') ? 'audit.actorOperator' : 'audit.actorUnlisted', { id: shortId(r.actor) })}</span>,
            class: 'nowrap',
          },
          { label: () => t('audit.action'), cell: (r) => <code>{r.action}</code> },
          {
            label: () => t('audit.entityType'),
            cell: (r) => (
              <>
                {r.entityType} <span class="muted mono">{r.entityId}</span>
              </>
            ),
          },
          { label: () => t('audit.summary'), cell: (r) => r.summary, class: 'cell--wide' },
        ]}
      />
      <ListFooter hasMore={list.hasMore()} loading={list.loading()} onMore={() => void list.loadMore()} />
    </section>
  );
}
