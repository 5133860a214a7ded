import { createSignal, For, Index, Show } from 'solid-js';
import { limits } from '@ufp/core/validation/limits';
import { createStore } from 'solid-js/store';
import { issuesByField } from '../../api';
import { Banner } from '../../components/Banner';
import { Field } from '../../components/Field';
import { Input } from '../../components/Input';
import { lang, t } from '../../i18n';
import { errorText } from '../../toast';
import { cm } from './call';
import type { EventView, SkillGrade as Grade, StageKind as Kind } from './contract';
import { label, localToIso, SkillGrade, StageKind } from './shared';

interface StageDraft {
  kind: Kind;
  startsAt: string;
  advance: 'none' | 'topN' | 'topShare';
  value: string;
}

const WORDINGS = ['atMost', 'under', 'atLeast', 'over'] as const;

/** A 赛项 of a competition: its trade, its stages (each but the last with an advancement rule) and who may register. */
export function EventForm(props: { competitionId: string; onCreated: (e: EventView) => void }) {
  const [name, setName] = createSignal('');
  const [nameEn, setNameEn] = createSignal('');
  const [trade, setTrade] = createSignal('');
  const [trades, setTrades] = createSignal('');
  const [stages, setStages] = createStore<StageDraft[]>([
    { kind: 'preliminary', startsAt: '', advance: 'topN', value: '10' },
    { kind: 'final', startsAt: '', advance: 'none', value: '' },
  ]);
  const [opensAt, setOpensAt] = createSignal('');
  const [closesAt, setClosesAt] = createSignal('');
  const [minGrade, setMinGrade] = createSignal('');
  const [maxGrade, setMaxGrade] = createSignal('');
  const [age, setAge] = createSignal('');
  const [wording, setWording] = createSignal<(typeof WORDINGS)[number]>('atMost');
  const [ageDate, setAgeDate] = createSignal('');
  const [ageBasis, setAgeBasis] = createSignal('');
  const [errors, setErrors] = createSignal(new Map<string, { message: string; messageEn?: string }>());
  const [error, setError] = createSignal<unknown>();
  const [busy, setBusy] = createSignal(false);
  const err = (f: string) => {
    const found = [...errors().entries()].find(([k]) => k === f || k.startsWith(`${f}.`))?.[1];
    return found ? () => (lang() === 'en' ? (found.messageEn ?? found.message) : found.message) : undefined;
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const tradeList = trades().split(/[、,，;；\s]+/).map((x) => x.trim()).filter(Boolean);
      const created = await cm('competitions.events.create', {
        competitionId: props.competitionId,
        name: name().trim(),
        ...(nameEn().trim() ? { nameEn: nameEn().trim() } : {}),
        tradeCode: trade().trim(),
        stages: stages.map((s) => ({
          kind: s.kind,
          startsAt: localToIso(s.startsAt),
          ...(s.advance === 'topN' ? { advancement: { kind: 'topN' as const, n: Number(s.value) } } : {}),
          ...(s.advance === 'topShare' ? { advancement: { kind: 'topShare' as const, shareBp: Math.round(Number(s.value) * 100) } } : {}),
        })),
        registration: {
          opensAt: localToIso(opensAt()),
          closesAt: localToIso(closesAt()),
          trades: tradeList.length ? tradeList : [trade().trim()],
          ...(minGrade() ? { minGrade: minGrade() as Grade } : {}),
          ...(maxGrade() ? { maxGrade: maxGrade() as Grade } : {}),
          ageLimits: age() ? [{ years: Number(age()), wording: wording(), referenceDate: ageDate(), ...(ageBasis().trim() ? { basis: { zh: ageBasis().trim(), en: ageBasis().trim() } } : {}) }] : [],
        },
      });
      setErrors(new Map());
      props.onCreated(created);
    } catch (x) {
      const map = issuesByField(x);
      setErrors(map);
      if (map.size === 0) setError(x);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="cmp-form" onSubmit={submit} aria-label={t('competitions.event.create')} data-testid="cmp-event-form">
      <Show when={error()}>
        <Banner kind="error">{errorText(error())}</Banner>
      </Show>
      <div class="cmp-grid">
        <Input id="cmp-ev-name" label={t('competitions.event.name')} required rule={limits.competitions.name} error={err('name')} value={name()} onValue={setName} />
        <Input id="cmp-ev-name-en" label={t('competitions.nameEn')} rule={limits.competitions.nameEn} error={err('nameEn')} value={nameEn()} onValue={setNameEn} />
        <Input id="cmp-ev-trade" label={t('competitions.event.trade')} required rule={limits.competitions.tradeCode} hint={t('competitions.event.tradeHint')} error={err('tradeCode')} value={trade()} onValue={setTrade} />
      </div>
      <fieldset class="cmp-fieldset">
        <legend>{t('competitions.event.stages')}</legend>
        <Show when={err('stages')}>{(m) => <p class="field__error" role="alert">{m()()}</p>}</Show>
        <Index each={stages}>
          {(s, i) => (
            <div class="cmp-row" data-testid="cmp-stage">
              <Field id={`cmp-st-kind-${i}`} label={t('competitions.event.stageKind')}>
                <select id={`cmp-st-kind-${i}`} value={s().kind} onChange={(e) => setStages(i, 'kind', e.currentTarget.value as Kind)}>
                  <For each={StageKind.values}>{(k) => <option value={k}>{label(StageKind, k)}</option>}</For>
                </select>
              </Field>
              <Input id={`cmp-st-start-${i}`} label={t('competitions.event.startsAt')} type="datetime-local" required value={s().startsAt} onValue={(v) => setStages(i, 'startsAt', v)} />
              <Field id={`cmp-st-adv-${i}`} label={t('competitions.event.advancement')}>
                <select id={`cmp-st-adv-${i}`} value={s().advance} onChange={(e) => setStages(i, 'advance', e.currentTarget.value as StageDraft['advance'])}>
                  <option value="none">{t('competitions.event.advanceNone')}</option>
                  <option value="topN">{t('competitions.event.advanceTopN')}</option>
                  <option value="topShare">{t('competitions.event.advanceTopShare')}</option>
                </select>
              </Field>
              <Show when={s().advance !== 'none'}>
                <Input id={`cmp-st-val-${i}`} label={s().advance === 'topN' ? t('competitions.event.places') : t('competitions.event.sharePct')} type="number" min="1" inputmode="numeric" value={s().value} onValue={(v) => setStages(i, 'value', v)} />
              </Show>
              <button type="button" class="btn btn--small" aria-label={t('competitions.event.removeStageN', { n: i + 1 })} onClick={() => setStages((l) => l.filter((_, j) => j !== i))}>
                {t('competitions.remove')}
              </button>
            </div>
          )}
        </Index>
        <button type="button" class="btn btn--small" onClick={() => setStages(stages.length, { kind: 'final', startsAt: '', advance: 'none', value: '' })}>
          {t('competitions.event.addStage')}
        </button>
      </fieldset>
      <fieldset class="cmp-fieldset">
        <legend>{t('competitions.event.registration')}</legend>
        <div class="cmp-grid">
          <Input id="cmp-reg-opens" label={t('competitions.event.opensAt')} type="datetime-local" required error={err('registration.opensAt')} value={opensAt()} onValue={setOpensAt} />
          <Input id="cmp-reg-closes" label={t('competitions.event.closesAt')} type="datetime-local" required error={err('registration.closesAt')} value={closesAt()} onValue={setClosesAt} />
          <Input id="cmp-reg-trades" label={t('competitions.event.trades')} hint={t('competitions.event.tradesHint')} error={err('registration.trades')} value={trades()} onValue={setTrades} />
          <Field id="cmp-reg-min" label={t('competitions.event.minGrade')} error={err('registration.minGrade')}>
            <select id="cmp-reg-min" value={minGrade()} onChange={(e) => setMinGrade(e.currentTarget.value)}>
              <option value="">{t('competitions.event.noLimit')}</option>
              <For each={SkillGrade.values}>{(g) => <option value={g}>{label(SkillGrade, g)}</option>}</For>
            </select>
          </Field>
          <Field id="cmp-reg-max" label={t('competitions.event.maxGrade')} error={err('registration.maxGrade')}>
            <select id="cmp-reg-max" value={maxGrade()} onChange={(e) => setMaxGrade(e.currentTarget.value)}>
              <option value="">{t('competitions.event.noLimit')}</option>
              <For each={SkillGrade.values}>{(g) => <option value={g}>{label(SkillGrade, g)}</option>}</For>
            </select>
          </Field>
        </div>
        <div class="cmp-grid">
          <Input id="cmp-reg-age" label={t('competitions.event.ageYears')} type="number" min="1" max="100" inputmode="numeric" error={err('registration.ageLimits')} value={age()} onValue={setAge} />
          <Field id="cmp-reg-wording" label={t('competitions.event.ageWording')}>
            <select id="cmp-reg-wording" value={wording()} onChange={(e) => setWording(e.currentTarget.value as (typeof WORDINGS)[number])}>
              <For each={WORDINGS}>{(w) => <option value={w}>{t(`competitions.wording.${w}`)}</option>}</For>
            </select>
          </Field>
          <Input id="cmp-reg-agedate" label={t('competitions.event.ageDate')} type="date" value={ageDate()} onValue={setAgeDate} required={!!age()} />
          <Input id="cmp-reg-basis" label={t('competitions.event.ageBasis')} rule={limits.competitions.basis} value={ageBasis()} onValue={setAgeBasis} />
        </div>
      </fieldset>
      <div class="form__actions">
        <button type="submit" class="btn btn--primary" disabled={busy()}>
          {busy() ? t('common.saving') : t('competitions.event.create')}
        </button>
      </div>
    </form>
  );
}
