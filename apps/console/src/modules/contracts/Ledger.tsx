import { A } from '@solidjs/router';
import { createSignal, For, onMount, Show } from 'solid-js';
import { query } from '../../api';
import { Banner } from '../../components/Banner';
import { DataTable, ListFooter } from '../../components/DataTable';
import { downloadFile, sheetLang } from '../../download';
import { formatNumber, t } from '../../i18n';
import { createPaged } from '../../paged';
import { hasRole } from '../../session';
import { errorText, showError } from '../../toast';
import { bi, clockText, INDUSTRIES, industryLabel, STATUSES, statusLabel, TYPES, typeLabel, type Contract } from './shared';
import './contracts.css';
import { limits } from '@ufp/core/validation/limits';

/** 集体合同台账: filters, the next clock of each contract, and an Excel export. */
export default function Ledger() {
  const [type, setType] = createSignal('');
  const [status, setStatus] = createSignal('');
  const [industry, setIndustry] = createSignal('');
  const [expiring, setExpiring] = createSignal('');
  const [q, setQ] = createSignal('');
  const [exporting, setExporting] = createSignal(false);
  const filter = () => {
    const f: Record<string, unknown> = {};
    if (type()) f.type = type();
    if (status()) f.status = status();
    if (industry()) f.industry = industry();
    if (expiring()) f.expiringWithinDays = Number(expiring());
    if (q().trim()) f.q = q().trim();
    return f;
  };
  const list = createPaged<Contract>((cursor) => query('contracts.list', { limit: 20, ...filter(), ...(cursor ? { cursor } : {}) }));
  onMount(() => void list.reload());
  const canWrite = () => hasRole('federation_admin', 'federation_staff');

  async function exportXlsx() {
    setExporting(true);
    try {
      downloadFile(await query('contracts.export', { ...filter(), lang: sheetLang() }));
    } catch (e) {
      showError(e);
    } finally {
      setExporting(false);
    }
  }

  const select = (id: string, label: string, value: () => string, set: (v: string) => void, options: readonly string[], text: (o: string) => string) => (
    <div class="field">
      <label for={id}>{label}</label>
      <select
        id={id}
        value={value()}
        onChange={(e) => {
          set(e.currentTarget.value);
          void list.reload();
        }}
      >
        <option value="">{t('contracts.all')}</option>
        <For each={options}>{(o) => <option value={o}>{text(o)}</option>}</For>
      </select>
    </div>
  );

  return (
    <section aria-labelledby="contracts-title">
      <div class="page-head">
        <h1 id="contracts-title">{t('contracts.collectiveContracts')}</h1>
        <div class="toolbar">
          <A href="/contracts/deadlines" class="btn">
            {t('contracts.deadlines')}
          </A>
          <button type="button" class="btn" disabled={exporting()} onClick={() => void exportXlsx()}>
            {exporting() ? t('contracts.exporting') : t('contracts.exportToExcel')}
          </button>
          <Show when={canWrite()}>
            <A href="/contracts/new" class="btn btn--primary">
              {t('contracts.newContract')}
            </A>
          </Show>
        </div>
      </div>
      <form
        class="filters"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          void list.reload();
        }}
      >
        <div class="field">
          <label for="c-q">{t('contracts.searchLabel')}</label>
          <input id="c-q" type="search" maxlength={limits.contracts.search.max} value={q()} placeholder={t('contracts.searchPlaceholder')} onInput={(e) => setQ(e.currentTarget.value)} />
        </div>
        {select('c-type', t('contracts.type'), type, setType, TYPES, (o) => bi(typeLabel[o]))}
        {select('c-status', t('contracts.status'), status, setStatus, STATUSES, (o) => bi(statusLabel[o]))}
        {select('c-industry', t('contracts.industry'), industry, setIndustry, INDUSTRIES, (o) => bi(industryLabel[o]))}
        {select('c-expiring', t('contracts.expiring'), expiring, setExpiring, ['30', '90', '180'], (o) => t('contracts.withinDays', { o }))}
        <div class="filters__actions">
          <button type="submit" class="btn">
            {t('common.search')}
          </button>
        </div>
      </form>
      <Show when={list.error()}>
        <Banner kind="error" action={<button type="button" class="btn" onClick={() => void list.reload()}>{t('contracts.retry')}</button>}>
          {errorText(list.error())}
        </Banner>
      </Show>
      <DataTable<Contract>
        label={t('contracts.collectiveContracts')}
        rows={list.items()}
        loading={list.loading() && !list.loaded()}
        columns={[
          { label: () => t('contracts.title'), cell: (c) => <A href={`/contracts/${encodeURIComponent(c.contractId)}`}>{c.title}</A>, class: 'cell--primary' },
          { label: () => t('contracts.type'), cell: (c) => bi(typeLabel[c.type]) + (c.scope?.industry ? ` · ${bi(industryLabel[c.scope.industry])}` : '') },
          { label: () => t('contracts.status'), cell: (c) => <span class={`badge badge--${c.status}`}>{bi(statusLabel[c.status])}</span> },
          { label: () => t('contracts.employees'), cell: (c) => formatNumber(c.coveredEmployees), class: 'num' },
          { label: () => t('contracts.term'), cell: (c) => `${c.term.start} ~ ${c.term.end}`, class: 'nowrap' },
          {
            label: () => t('contracts.nextClock'),
            cell: (c) => (
              <Show when={c.clocks[0]} fallback={<span class="muted">—</span>}>
                {(k) => <span class={`clock clock--${k().state}`}>{clockText(k())}{k().provisional ? t('contracts.provisional') : ''}</span>}
              </Show>
            ),
          },
        ]}
      />
      <ListFooter hasMore={list.hasMore()} loading={list.loading()} onMore={() => void list.loadMore()} />
    </section>
  );
}
