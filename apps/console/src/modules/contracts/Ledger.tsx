import { A } from '@solidjs/router';
import { createSignal, onMount, Show } from 'solid-js';
import { query } from '../../api';
import { Banner } from '../../components/Banner';
import { DataTable, ListFooter } from '../../components/DataTable';
import { SearchForm, type SearchSelect } from '../../components/SearchForm';
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

  const all = () => t('contracts.all');
  const selects: SearchSelect[] = [
    { id: 'c-type', label: () => t('contracts.type'), value: type, onChange: setType, options: TYPES, text: (o) => bi(typeLabel[o]), all },
    { id: 'c-status', label: () => t('contracts.status'), value: status, onChange: setStatus, options: STATUSES, text: (o) => bi(statusLabel[o]), all },
    { id: 'c-industry', label: () => t('contracts.industry'), value: industry, onChange: setIndustry, options: INDUSTRIES, text: (o) => bi(industryLabel[o]), all },
    { id: 'c-expiring', label: () => t('contracts.expiring'), value: expiring, onChange: setExpiring, options: ['30', '90', '180'], text: (o) => t('contracts.withinDays', { o }), all },
  ];

  return (
    <section aria-labelledby="contracts-title">
      <div class="page-head">
        <h1 id="contracts-title">{t('contracts.collectiveContracts')}</h1>
        <div class="toolbar">
          <A href="/contracts/deadlines" class="btn">
            {t('contracts.deadlines')}
          </A>
          <Show when={canWrite()}>
            <A href="/contracts/campaigns" class="btn">
              {t('contracts.campaigns')}
            </A>
          </Show>
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
      <SearchForm
        id="c-q"
        label={t('contracts.searchLabel')}
        placeholder={t('contracts.searchPlaceholder')}
        rule={limits.contracts.search}
        q={q()}
        onQ={setQ}
        selects={selects}
        onSearch={() => void list.reload()}
      />
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
