import { useSearchParams } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import { query, type InputOf } from '../../api';
import { PublicError } from '../../components/PublicError';
import { LangSwitch } from '../../components/LangSwitch';
import { lang, t } from '../../i18n';
import { EVENTS, explanationOf, parseYuan, type SelfTestResult } from './shared';
import './hardship.css';
import { MONEY_INPUT_MAX, TENANT_ID_LENGTH } from '@ufp/core/validation/limits';
import { Input } from '../../components/Input';

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
        <Input id="st-tenant" label={t('hardship.selfTest.tenant')} required inputmode="numeric" maxLength={TENANT_ID_LENGTH.max} value={tenantId()} onValue={setTenantId} />
        <Input id="st-size" label={t('hardship.householdSize')} required type="number" inputmode="numeric" min="1" max="20" value={size()} onValue={setSize} />
        <Input id="st-income" label={t('hardship.income')} required inputmode="decimal" maxLength={MONEY_INPUT_MAX} value={income()} onValue={setIncome} />
        <Input id="st-rigid" label={t('hardship.rigid')} inputmode="decimal" maxLength={MONEY_INPUT_MAX} value={rigid()} onValue={setRigid} />
        <Input id="st-costs" label={t('hardship.costs')} inputmode="decimal" maxLength={MONEY_INPUT_MAX} value={costs()} onValue={setCosts} />
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
