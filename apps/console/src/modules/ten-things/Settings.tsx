import { createResource, createSignal, For, Show } from 'solid-js';
import { mutate, query, type RouterInputs } from '../../api';
import { Input } from '../../components/Input';
import { t } from '../../i18n';
import { showError, showToast } from '../../toast';

const CYCLES = ['monthly', 'quarterly'] as const satisfies readonly RouterInputs['tenThings']['settings']['update']['reportCycle'][];

/** The tenant's 十件实事 settings (admins): the vote cap, the risk thresholds and the 监督 reporting cycle. */
export function TenThingsSettings() {
  const [saved, { mutate: setSaved }] = createResource(() => query('tenThings.settings.get'));
  const [busy, setBusy] = createSignal(false);
  // As typed; until then, what is saved.
  const [typed, setTyped] = createSignal<Record<string, string>>({});
  const value = (key: 'maxAdopted' | 'atRiskPoints' | 'behindPoints' | 'evaluationFloorPercent') => typed()[key] ?? String(saved()?.[key] ?? '');
  const onValue = (key: string) => (v: string) => setTyped((prev) => ({ ...prev, [key]: v }));
  async function save(e: SubmitEvent) {
    e.preventDefault();
    const f = new FormData(e.currentTarget as HTMLFormElement);
    setBusy(true);
    try {
      const next = await mutate('tenThings.settings.update', {
        version: saved()!.version,
        maxAdopted: Number(f.get('maxAdopted')),
        atRiskPoints: Number(f.get('atRiskPoints')),
        behindPoints: Number(f.get('behindPoints')),
        reportCycle: f.get('reportCycle') === 'quarterly' ? 'quarterly' : 'monthly',
        evaluationFloorPercent: Number(f.get('evaluationFloorPercent')),
      });
      setSaved(next);
      setTyped({});
      showToast('success', () => t('tenThings.settingsSaved'));
    } catch (err) {
      showError(err);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Show when={saved()}>
      <form class="step-form form no-print" onSubmit={(e) => void save(e)} data-testid="tt-settings">
        <h2>{t('tenThings.settingsTitle')}</h2>
        <Input id="tt-s-max" name="maxAdopted" label={t('tenThings.settingMaxAdopted')} required type="number" min="1" max="30" inputmode="numeric" value={value('maxAdopted')} onValue={onValue('maxAdopted')} />
        <Input id="tt-s-risk" name="atRiskPoints" label={t('tenThings.settingAtRisk')} required type="number" min="1" max="100" inputmode="numeric" value={value('atRiskPoints')} onValue={onValue('atRiskPoints')} />
        <Input id="tt-s-behind" name="behindPoints" label={t('tenThings.settingBehind')} required type="number" min="1" max="100" inputmode="numeric" value={value('behindPoints')} onValue={onValue('behindPoints')} />
        <Input id="tt-s-floor" name="evaluationFloorPercent" label={t('tenThings.settingEvaluationFloor')} required type="number" min="1" max="100" inputmode="numeric" value={value('evaluationFloorPercent')} onValue={onValue('evaluationFloorPercent')} />
        <div class="field">
          <label for="tt-s-cycle">{t('tenThings.settingReportCycle')}</label>
          <select id="tt-s-cycle" name="reportCycle" aria-describedby="tt-s-cycle-hint">
            <For each={CYCLES}>{(c) => <option value={c} selected={saved()!.reportCycle === c}>{t(`tenThings.cycle.${c}`)}</option>}</For>
          </select>
          <span id="tt-s-cycle-hint" class="field__hint">{t('tenThings.settingReportCycleHint')}</span>
        </div>
        <div class="form__actions">
          <button type="submit" class="btn btn--primary" disabled={busy()}>{t('tenThings.saveSettings')}</button>
        </div>
      </form>
    </Show>
  );
}
