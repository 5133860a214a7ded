import { A, useNavigate } from '@solidjs/router';
import { createResource, createSignal, For, Show } from 'solid-js';
import { limits } from '@ufp/core/validation/limits';
import { mutate, query, issuesByField } from '../../api';
import { Field } from '../../components/Field';
import { Input } from '../../components/Input';
import { Disclosure } from '../../components/Panel';
import { RecordMissing } from '../../components/RecordMissing';
import { lang, t } from '../../i18n';
import { hasRole } from '../../session';
import { showError, showToast } from '../../toast';
import { statusLabel, shanghaiToday } from './shared';
import './mw-campaigns.css';

/** The campaigns of the federation, and (for staff) the form that starts one. */
export default function Campaigns() {
  const [list, { refetch }] = createResource(() => query('modelWorkers.campaigns.list'));
  const isStaff = () => hasRole('federation_admin', 'federation_staff');
  return (
    <section aria-labelledby="mwc-title" class="mwc">
      <div class="page-head">
        <h1 id="mwc-title">{t('mwCampaigns.title')}</h1>
        <p>{t('mwCampaigns.intro')}</p>
      </div>
      <Show when={isStaff()}>
        <CreateCampaign open={!list.error && list()?.length === 0} />
      </Show>
      <Show when={list.error}>
        <RecordMissing error={list.error} backHref="/" onRetry={() => void refetch()} />
      </Show>
      <Show when={!list.error && list()}>
        {(items) => (
          <ul class="mwc-cards" data-testid="mwc-campaigns">
            <For each={items()} fallback={<li class="muted">{t('mwCampaigns.empty')}</li>}>
              {(c) => (
                <li class="card mwc-card">
                  <A href={`/mw-campaigns/${c.campaignId}`} class="mwc-card__title">
                    {c.title}
                  </A>
                  <span class="muted">
                    {lang() === 'en' ? c.honour.en : c.honour.zh} · {c.year} · {t('mwCampaigns.places')} {c.places}
                  </span>
                  <span>
                    {t('mwCampaigns.window')} {c.opensOn} – {c.closesOn}
                  </span>
                  <span class="mwc-badge" data-status={c.status}>
                    {statusLabel(c.status)}
                  </span>
                </li>
              )}
            </For>
          </ul>
        )}
      </Show>
    </section>
  );
}

function CreateCampaign(props: { open: boolean }) {
  const navigate = useNavigate();
  const [ladder] = createResource(() => query('modelWorkers.honours.ladder'));
  const year = Number(shanghaiToday().slice(0, 4));
  const [code, setCode] = createSignal('');
  const [title, setTitle] = createSignal('');
  const [y, setY] = createSignal(String(year));
  const [opensOn, setOpensOn] = createSignal(shanghaiToday());
  const [closesOn, setClosesOn] = createSignal('');
  const [places, setPlaces] = createSignal('10');
  const [managerMax, setManagerMax] = createSignal('22');
  const [frontlineMin, setFrontlineMin] = createSignal('55');
  const [womenMin, setWomenMin] = createSignal('0');
  const [migrantMin, setMigrantMin] = createSignal('0');
  const [agencies, setAgencies] = createSignal('工商、税务、纪检、人社、安监');
  const [days, setDays] = createSignal('5');
  const [errors, setErrors] = createSignal(new Map<string, { message: string }>());
  const [saving, setSaving] = createSignal(false);
  const err = (f: string) => {
    const m = errors().get(f)?.message;
    return m === undefined ? undefined : () => m;
  };
  const submit = async (e: Event) => {
    e.preventDefault();
    setSaving(true);
    try {
      const c = await mutate('modelWorkers.campaigns.create', {
        code: code(),
        title: title().trim(),
        year: Number(y()),
        opensOn: opensOn(),
        closesOn: closesOn(),
        places: Number(places()),
        rules: { managerMax: Number(managerMax()), frontlineTechnicalMin: Number(frontlineMin()), womenMin: Number(womenMin()), migrantMin: Number(migrantMin()) },
        agencies: agencies().split(/[、,，;；\s]+/).map((a) => a.trim()).filter(Boolean),
        publicityDays: Number(days()),
      });
      showToast('success', () => t('mwCampaigns.created', { title: c.title }));
      navigate(`/mw-campaigns/${c.campaignId}`);
    } catch (error) {
      setErrors(issuesByField(error));
      showError(error);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Disclosure summary={t('mwCampaigns.create')} suggestOpen={props.open}>
      <form class="mwc-form" onSubmit={submit} aria-label={t('mwCampaigns.create')}>
        <Field id="mwc-code" label={t('mwCampaigns.honour')} required error={err('code')}>
          <select id="mwc-code" value={code()} onChange={(e) => setCode(e.currentTarget.value)} required>
            <option value="" />
            <For each={(ladder.error ? [] : (ladder()?.honours ?? [])).filter((h) => !h.retired)}>{(h) => <option value={h.code}>{lang() === 'en' ? h.name.en : h.name.zh}</option>}</For>
          </select>
        </Field>
        <Input id="mwc-title-input" label={t('mwCampaigns.campaignTitle')} required rule={limits.modelWorkers.campaignTitle} error={err('title')} value={title()} onValue={setTitle} />
        <div class="mwc-grid">
          <Input id="mwc-year" label={t('mwCampaigns.year')} required type="number" inputmode="numeric" error={err('year')} value={y()} onValue={setY} />
          <Input id="mwc-places" label={t('mwCampaigns.places')} required type="number" min="1" inputmode="numeric" error={err('places')} value={places()} onValue={setPlaces} />
          <Input id="mwc-opens" label={t('mwCampaigns.opensOn')} required type="date" error={err('opensOn')} value={opensOn()} onValue={setOpensOn} />
          <Input id="mwc-closes" label={t('mwCampaigns.closesOn')} required type="date" error={err('closesOn')} value={closesOn()} onValue={setClosesOn} />
        </div>
        <fieldset class="mwc-fieldset">
          <legend>{t('mwCampaigns.rules')}</legend>
          <p class="muted">{t('mwCampaigns.rulesHint')}</p>
          <div class="mwc-grid">
            <Input id="mwc-manager" label={t('mwCampaigns.managerMax')} type="number" min="0" max="100" step="0.1" error={err('rules.managerMax')} value={managerMax()} onValue={setManagerMax} />
            <Input id="mwc-frontline" label={t('mwCampaigns.frontlineTechnicalMin')} type="number" min="0" max="100" step="0.1" error={err('rules.frontlineTechnicalMin')} value={frontlineMin()} onValue={setFrontlineMin} />
            <Input id="mwc-women" label={t('mwCampaigns.womenMin')} type="number" min="0" max="100" step="0.1" error={err('rules.womenMin')} value={womenMin()} onValue={setWomenMin} />
            <Input id="mwc-migrant" label={t('mwCampaigns.migrantMin')} type="number" min="0" max="100" step="0.1" error={err('rules.migrantMin')} value={migrantMin()} onValue={setMigrantMin} />
          </div>
        </fieldset>
        <div class="mwc-grid">
          <Input id="mwc-agencies" label={t('mwCampaigns.agencies')} hint={t('mwCampaigns.agenciesHint')} error={err('agencies')} value={agencies()} onValue={setAgencies} />
          <Input id="mwc-days" label={t('mwCampaigns.publicityDays')} type="number" min="1" max="30" error={err('publicityDays')} value={days()} onValue={setDays} />
        </div>
        <div class="form__actions">
          <button class="btn btn--primary" type="submit" disabled={saving()}>
            {t('mwCampaigns.create')}
          </button>
        </div>
      </form>
    </Disclosure>
  );
}
