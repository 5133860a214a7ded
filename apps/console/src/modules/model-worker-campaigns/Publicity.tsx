import { useParams } from '@solidjs/router';
import { createResource, createSignal, For, Show } from 'solid-js';
import { limits } from '@ufp/core/validation/limits';
import { mutate, query } from '../../api';
import { LangSwitch } from '../../components/LangSwitch';
import { PublicError } from '../../components/PublicError';
import { TextArea } from '../../components/Input';
import { lang, t } from '../../i18n';
import { showError, showToast } from '../../toast';
import { occupationLabel } from './shared';
import './mw-campaigns.css';

/** The public 公示 page (no sign-in): masked names, the workplace and the short deeds; objections while it runs. */
export default function Publicity() {
  const params = useParams<{ tenantId: string; campaignId: string }>();
  const [data] = createResource(
    () => ({ tenantId: params.tenantId, campaignId: params.campaignId }),
    (input) => query('modelWorkers.objections.notice', input),
  );
  const [target, setTarget] = createSignal<{ nominationId: string; nameMasked: string }>();
  const [text, setText] = createSignal('');
  const [sending, setSending] = createSignal(false);
  const send = async (e: Event) => {
    e.preventDefault();
    const to = target();
    if (!to) return;
    setSending(true);
    try {
      const r = await mutate('modelWorkers.objections.submit', { tenantId: params.tenantId, campaignId: params.campaignId, nominationId: to.nominationId, text: text().trim() });
      showToast('success', () => t('mwCampaigns.public.submitted', { on: r.receivedOn }), 8_000);
      setText('');
      setTarget(undefined);
    } catch (err) {
      showError(err);
    } finally {
      setSending(false);
    }
  };
  return (
    <main class="mwc-public" aria-labelledby="mwc-public-title">
      <LangSwitch />
      <Show when={data.error}>
        <h1 id="mwc-public-title">{t('mwCampaigns.public.heading')}</h1>
        <PublicError error={data.error} />
      </Show>
      <Show when={!data.error && data()}>
        {(d) => (
          <>
            <h1 id="mwc-public-title">{t('mwCampaigns.public.title', { federation: d().federation, title: d().title })}</h1>
            <p class="muted">{t('mwCampaigns.publicityPeriod', { startsOn: d().publicity.startsOn, endsOn: d().publicity.endsOn })}</p>
            <p>{d().phase === 'running' ? t('mwCampaigns.public.intro') : t('mwCampaigns.public.ended')}</p>
            <p class="muted">{lang() === 'en' ? d().honour.en : d().honour.zh} · {d().year}</p>
            <ul class="mwc-noms" data-testid="mwc-public-list">
              <For each={d().entries}>
                {(e) => (
                  <li class="card mwc-nom">
                    <div class="mwc-nom__head">
                      <strong>{e.nameMasked}</strong>
                      <span class="muted">{e.unitName ?? ''}</span>
                      <span class="muted">{occupationLabel(e.occupation)}</span>
                    </div>
                    <p class="mwc-deeds">{e.deedsShort}</p>
                    <Show when={d().phase === 'running'}>
                      <button type="button" class="btn btn--small" onClick={() => setTarget({ nominationId: e.nominationId, nameMasked: e.nameMasked })}>
                        {t('mwCampaigns.public.object')}
                      </button>
                    </Show>
                  </li>
                )}
              </For>
            </ul>
            <Show when={target()}>
              {(to) => (
                <form class="card mwc-form" onSubmit={send} aria-labelledby="mwc-object-title">
                  <h2 id="mwc-object-title">{t('mwCampaigns.public.objectFor', { name: to().nameMasked })}</h2>
                  <TextArea id="mwc-object-text" label={t('mwCampaigns.public.text')} required rows={5} rule={limits.modelWorkers.objection} value={text()} onValue={setText} />
                  <div class="form__actions">
                    <button type="submit" class="btn btn--primary" disabled={sending()}>
                      {t('mwCampaigns.public.submit')}
                    </button>
                  </div>
                </form>
              )}
            </Show>
          </>
        )}
      </Show>
    </main>
  );
}
