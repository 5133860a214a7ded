import { useParams } from '@solidjs/router';
import { createResource, For, Show } from 'solid-js';
import { query } from '../../api';
import { PublicError } from '../../components/PublicError';
import { LangSwitch } from '../../components/LangSwitch';
import { t, tMaybe } from '../../i18n';
import './hardship.css';


/** The public 公示 board (printable): masked names and IDs, tier only. */
export default function HardshipNotices() {
  const params = useParams<{ tenantId: string }>();
  const [data] = createResource(() => params.tenantId, (tenantId) => query('hardship.notices.list', { tenantId }));
  return (
    <main class="hs-public" aria-labelledby="hs-notices-title">
      <LangSwitch />
      {/* An errored resource throws when read: read it only without an error. */}
      <h1 id="hs-notices-title">{data.error ? '' : (data()?.tenant.name ?? '')} {t('hardship.notices.title')}</h1>
      <p class="muted">{t('hardship.notices.intro')}</p>
      <Show when={data.error}><PublicError error={data.error} /></Show>
      <table class="table" aria-label={t('hardship.notices.title')}>
        <thead>
          <tr><th>{t('hardship.worker.name')}</th><th>{t('hardship.worker.idNumber')}</th><th>{t('hardship.tier')}</th><th>{t('hardship.notices.period')}</th></tr>
        </thead>
        <tbody>
          <For each={data.error ? [] : (data()?.items ?? [])}>
            {(n) => <tr><td>{n.nameMasked}</td><td class="mono">{n.idMasked}</td><td>{tMaybe(`hardship.tier.${n.tier}`, n.tier)}</td><td>{n.startsOn} – {n.endsOn}</td></tr>}
          </For>
        </tbody>
      </table>
      <Show when={!data.error && data() && data()!.items.length === 0}><p class="muted">{t('common.noData')}</p></Show>
      <button type="button" class="btn" onClick={() => window.print()}>{t('hardship.print')}</button>
    </main>
  );
}
