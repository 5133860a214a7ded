import { A } from '@solidjs/router';
import { createMemo, createResource, createSignal, For, Show } from 'solid-js';
import { mutate, query } from '../../api';
import { Banner } from '../../components/Banner';
import { Input } from '../../components/Input';
import { hasRole } from '../../session';
import { errorText, showError, showToast } from '../../toast';
import { filingKindLabels, filingKinds, type ClockRule, type FilingDocumentKind } from './domain';
import { bi, clockText, countLabel, type Clock } from './shared';
import './contracts.css';
import { t } from '../../i18n';


const RULES = [
  ['offerReply', { zh: '要约回应（20日）', en: 'Offer reply (20 days)' }],
  ['repVacancy', { zh: '协商代表空缺补足（15日）', en: 'Refill a vacant representative seat (15 days)' }],
  ['filing', { zh: '报送审查（10日）', en: 'Filing (10 days)' }],
  ['review', { zh: '审查期/自动生效（15日）', en: 'Review / auto-effective (15 days)' }],
  ['publish', { zh: '公布（地方规定）', en: 'Publication (local)' }],
] as const satisfies readonly (readonly [ClockRule, unknown])[];

/** Every open legal clock of the federation, by due day; the clock rules for admins. */
export default function Deadlines() {
  const [within, setWithin] = createSignal(60);
  const [data, { refetch }] = createResource(within, (w) => query('contracts.deadlines.list', { withinDays: w }));
  /** The loaded value, or nothing while loading or after a failure (reading a failed resource throws). */
  const loaded = () => (data.error ? undefined : data());
  const byDay = createMemo(() => {
    const groups = new Map<string, Clock[]>();
    for (const k of loaded()?.items ?? []) groups.set(k.dueOn, [...(groups.get(k.dueOn) ?? []), k]);
    return [...groups.entries()];
  });
  const provisional = createMemo(() => (loaded()?.items ?? []).filter((k) => k.provisional));
  const provisionalYears = createMemo(() => [...new Set(provisional().flatMap((k) => k.provisional!.years))].sort());
  return (
    <section aria-labelledby="deadlines-title">
      <div class="page-head">
        <div>
          <h1 id="deadlines-title">{t('contracts.legalDeadlines')}</h1>
          <Show when={loaded()}>
            <p class="muted">
              {t('contracts.todayHolidayNoticesLoadedFor', { today: loaded()!.today, coveredYears: loaded()!.coveredYears.join(t('common.listSeparator')) })}
            </p>
          </Show>
        </div>
        <div class="toolbar">
          <label for="d-within">{t('contracts.within')}</label>
          <select id="d-within" value={String(within())} onChange={(e) => setWithin(Number(e.currentTarget.value))}>
            <For each={[7, 30, 60, 90, 365]}>{(d) => <option value={String(d)}>{t('contracts.days', { d })}</option>}</For>
          </select>
          <A href="/contracts" class="btn">{t('contracts.ledger')}</A>
        </div>
      </div>
      <Show when={data.error}>
        <Banner kind="error" action={<button type="button" class="btn" onClick={() => void refetch()}>{t('contracts.retry')}</button>}>{errorText(data.error)}</Banner>
      </Show>
      <Show when={provisional().length}>
        <Banner kind="info">
          <span data-testid="provisional-summary">
            {t('contracts.deadlineSAreProvisionalNo', { provisional: provisional().length, provisionalYears: provisionalYears().join(t('common.listSeparator')) })}
          </span>
        </Banner>
      </Show>
      <Show when={loaded() && byDay().length === 0}>
        <p class="muted">{t('contracts.noDeadlinesInThisRange')}</p>
      </Show>
      <ol class="timeline" aria-label={t('contracts.deadlineCalendar')}>
        <For each={byDay()}>
          {([day, clocks]) => (
            <li class={clocks.some((k) => k.state === 'overdue') ? 'current' : 'done'}>
              <strong>{day}</strong>
              <For each={clocks}>
                {(k) => (
                  <span class="note">
                    <A href={`/contracts/${k.contractId}`}>{k.title}</A> · <span class={`clock clock--${k.state}`}>{clockText(k)}</span>
                    <Show when={k.provisional}> <em class="clock--due_soon" data-testid="clock-provisional">{t('contracts.provisional3')}：{bi(k.provisional!.reason)}</em></Show>
                  </span>
                )}
              </For>
            </li>
          )}
        </For>
      </ol>
      <Show when={hasRole('federation_admin')}>
        <RuleSettings onSaved={() => void refetch()} />
      </Show>
    </section>
  );
}

function RuleSettings(props: { onSaved: () => void }) {
  const [s, { mutate: set }] = createResource(() => query('contracts.settings.get'));
  const [busy, setBusy] = createSignal(false);
  // As typed; until then, what is saved.
  const [wage, setWage] = createSignal<string>();
  const [publish, setPublish] = createSignal<string>();
  const wageText = () => wage() ?? (s()?.minimumWageFen !== undefined ? (s()!.minimumWageFen! / 100).toFixed(2) : '');
  const publishText = () => publish() ?? String(s()?.publishWithinDays ?? '');
  async function save(e: SubmitEvent) {
    e.preventDefault();
    const f = new FormData(e.currentTarget as HTMLFormElement);
    const wage = String(f.get('minimumWage') ?? '').trim();
    setBusy(true);
    try {
      const next = await mutate('contracts.settings.set', {
        version: s()!.version,
        dayCount: Object.fromEntries(RULES.map(([r]) => [r, f.get(`count-${r}`)])),
        extendOnRestDay: f.get('extend') === 'on',
        minimumWageFen: wage === '' ? null : Math.round(Number(wage) * 100),
        publishWithinDays: Number(f.get('publishWithinDays') ?? 10),
        requiredFilingDocuments: f.getAll('requiredFilingDocuments').map(String) as FilingDocumentKind[],
      });
      set((prev) => (prev ? { ...prev, ...next } : prev)); // `settings.set` returns the rules, not the covered years
      showToast('success', () => t('contracts.savedDeadlinesRecomputed'));
      props.onSaved();
    } catch (err) {
      showError(err);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Show when={s()}>
      <form class="step-form form" onSubmit={(e) => void save(e)}>
        <h2>{t('contracts.localClockRules')}</h2>
        <For each={RULES}>
          {([r, label]) => (
            <div class="field">
              <label for={`count-${r}`}>{bi(label)}</label>
              <select id={`count-${r}`} name={`count-${r}`}>
                <option value="natural" selected={s()!.dayCount[r] === 'natural'}>{countLabel('natural')}</option>
                <option value="working" selected={s()!.dayCount[r] === 'working'}>{countLabel('working')}</option>
              </select>
            </div>
          )}
        </For>
        <div class="field">
          <label><input type="checkbox" name="extend" checked={s()!.extendOnRestDay} /> {t('contracts.extendANaturalDayDeadline')}</label>
        </div>
        <Input id="s-wage" name="minimumWage" label={t('contracts.localMinimumWageYuanMonth')} type="number" step="0.01" min="0" inputmode="decimal" value={wageText()} onValue={setWage} />
        <Input id="s-publish" name="publishWithinDays" label={t('contracts.daysToPublishAfterEffect')} required type="number" min="0" max="60" inputmode="numeric" value={publishText()} onValue={setPublish} />
        <fieldset class="checks" data-testid="required-filing-documents">
          <legend>{t('contracts.filing.requiredSetting')}</legend>
          <For each={filingKinds}>
            {(kind) => (
              <label class="check">
                <input type="checkbox" name="requiredFilingDocuments" value={kind} checked={s()!.requiredFilingDocuments.includes(kind)} /> {bi(filingKindLabels[kind])}
              </label>
            )}
          </For>
        </fieldset>
        <div class="form__actions">
          <button type="submit" class="btn btn--primary" disabled={busy()}>{t('contracts.saveRules')}</button>
        </div>
      </form>
    </Show>
  );
}
