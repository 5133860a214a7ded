import { useSearchParams } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import { query, type InputOf } from '../../api';
import { PublicError } from '../../components/PublicError';
import { LangSwitch } from '../../components/LangSwitch';
import { lang, t } from '../../i18n';
import { EVENTS, explanationOf, parseYuan, type SelfTestResult } from './shared';
import './hardship.css';
import { TENANT_ID_LENGTH } from '@ufp/core/validation/limits';

/** Public self-test (no login, nothing stored): the same rule code caseworkers use. */
export default function HardshipSelfTest() {
  const [params] = useSearchParams<{ tenant?: string }>();
  const [tenantId, setTenantId] = createSignal(params.tenant ?? '');
  const [size, setSize] = createSignal('3');
  const [income, setIncome] = createSignal('');
  const [rigid, setRigid] = createSignal('0');
  const [costs, setCosts] = createSignal('');
  const [events, setEvents] = createSignal<string[]>([]);
  const [result, setResult] = createSignal<SelfTestResult>();
  const [error, setError] = createSignal<unknown>();

  async function run(e: Event) {
    e.preventDefault();
    setError(undefined);
    const inc = parseYuan(income());
    const rig = parseYuan(rigid());
    if (inc === undefined || rig === undefined || (costs().trim() && parseYuan(costs()) === undefined)) {
      setError(new Error(t('hardship.err.money')));
      return;
    }
    try {
      setResult(await query('hardship.selfTest', { tenantId: tenantId().trim(), householdSize: Number(size()), annualIncomeFen: inc, rigidExpensesFen: rig, hardshipCostsFen: costs().trim() ? parseYuan(costs()) : undefined, events: events() } as InputOf<'hardship.selfTest'>));
    } catch (err) {
      setError(err);
    }
  }

  return (
    <main class="hs-public" aria-labelledby="hs-selftest-title">
      <LangSwitch />
      <h1 id="hs-selftest-title">{t('hardship.selfTest.title')}</h1>
      <p class="muted">{t('hardship.selfTest.intro')}</p>
      <form class="card" onSubmit={(e) => void run(e)}>
        <label class="field">{t('hardship.selfTest.tenant')}<input maxLength={TENANT_ID_LENGTH.max} value={tenantId()} onInput={(e) => setTenantId(e.currentTarget.value)} /></label>
        <label class="field">{t('hardship.householdSize')}<input type="number" min="1" max="20" value={size()} onInput={(e) => setSize(e.currentTarget.value)} /></label>
        <label class="field">{t('hardship.income')}<input inputmode="decimal" value={income()} onInput={(e) => setIncome(e.currentTarget.value)} /></label>
        <label class="field">{t('hardship.rigid')}<input inputmode="decimal" value={rigid()} onInput={(e) => setRigid(e.currentTarget.value)} /></label>
        <label class="field">{t('hardship.costs')}<input inputmode="decimal" value={costs()} onInput={(e) => setCosts(e.currentTarget.value)} /></label>
        <fieldset class="field">
          <legend>{t('hardship.events')}</legend>
          <For each={EVENTS}>
            {(ev) => (
              <label class="block-label">
                <input type="checkbox" checked={events().includes(ev)} onChange={(e) => setEvents(e.currentTarget.checked ? [...events(), ev] : events().filter((x) => x !== ev))} /> {t(`hardship.event.${ev}`)}
              </label>
            )}
          </For>
        </fieldset>
        <button type="submit" class="btn btn--primary">{t('hardship.selfTest.run')}</button>
      </form>
      <Show when={error()}><PublicError error={error()} /></Show>
      <Show when={result()}>
        {(r) => (
          <div class="card" role="status">
            <p><span class={`hs-tier hs-tier--${r().tier}`}>{lang() === 'en' ? r().tierLabelEn : r().tierLabel}</span></p>
            <p class="hs-explain">{explanationOf(r())}</p>
            <p class="muted">{t('hardship.selfTest.note')}</p>
          </div>
        )}
      </Show>
    </main>
  );
}
