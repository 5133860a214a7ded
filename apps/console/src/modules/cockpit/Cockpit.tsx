import { createSignal, Show } from 'solid-js';
import { query } from '../../api';
import { downloadFile, sheetLang } from '../../download';
import { label, t } from '../../i18n';
import { hasRole, me } from '../../session';
import { showError } from '../../toast';
import { RecountButton } from './Recount';
import { CockpitScreen, type CockpitState } from './Screen';
import { ShareDialog } from './ShareDialog';
import { signedInSource } from './source';

/** 领导驾驶舱 (`/overview`): the signed-in reader's scope, with print, Excel export, share links and, for admins, the recount. */
export default function Cockpit() {
  const [sharing, setSharing] = createSignal(false);
  const [exporting, setExporting] = createSignal(false);
  const exportRanking = async (s: CockpitState) => {
    if (!s.indicator) return;
    setExporting(true);
    try {
      downloadFile(await query('cockpit.exportRanking', { ...(s.scope && { scope: s.scope }), ...(s.year && { year: s.year }), indicator: s.indicator, ...(s.measure && { measure: s.measure }), lang: sheetLang() }));
    } catch (err) {
      showError(err);
    } finally {
      setExporting(false);
    }
  };
  const actions = (s: CockpitState) => (
    <>
      <button type="button" class="btn" onClick={() => window.print()}>
        {t('cockpit.print')}
      </button>
      <button type="button" class="btn" disabled={exporting() || !s.indicator} onClick={() => void exportRanking(s)}>
        {exporting() ? t('cockpit.exporting') : t('cockpit.export')}
      </button>
      <button type="button" class="btn" onClick={() => setSharing(true)}>
        {t('cockpit.share')}
      </button>
      <Show when={hasRole('federation_admin', 'platform_operator')}>
        <RecountButton
          year={s.year}
          scope={s.scope}
          indicators={(key) => s.overview?.indicators[key] ?? s.overview?.comparable.find((c) => c.key === key)}
          sectionTitle={(m) => {
            const title = s.overview?.sections.find((x) => x.module === m)?.title;
            return title ? label(title) : undefined;
          }}
        />
      </Show>
      <Show when={sharing()}>
        <ShareDialog scope={s.scope} scopeName={s.overview?.scope.name ?? ''} onClose={() => setSharing(false)} />
      </Show>
    </>
  );
  return <CockpitScreen source={signedInSource} ownTenantId={me()?.tenant?.id} title={() => t('cockpit.title')} actions={actions} />;
}
