import { useNavigate } from '@solidjs/router';
import { createEffect, createResource, createSignal, For, Match, Show, Switch } from 'solid-js';
import { limits } from '@ufp/core/validation/limits';
import { issuesByField } from '../../api';
import { ActionBanner, Banner } from '../../components/Banner';
import { Field } from '../../components/Field';
import { Input } from '../../components/Input';
import { parseYuan, shanghaiYear } from '../../format';
import { lang, t } from '../../i18n';
import { errorText, showToast } from '../../toast';
import { cm, cq } from './call';
import type { CompetitionClass as Cls, CreatedCompetition, RulePackView } from './contract';
import { EventForm } from './EventForm';
import { createRules, Differences, overridesOf, RulesForm } from './RulesEditor';
import { bi, CompetitionClass, label } from './shared';
import './competitions.css';

/** 新建竞赛: pick a rule pack and change what differs (shown against the pack), name the competition, then add its first 赛项. */
export default function Setup() {
  const navigate = useNavigate();
  const [packs, { refetch }] = createResource(() => cq('competitions.competitions.packs'));
  const [step, setStep] = createSignal<1 | 2 | 3>(1);
  const [packCode, setPackCode] = createSignal('');
  const loaded = () => (packs.error ? undefined : packs());
  const pack = (): RulePackView | undefined => loaded()?.find((p) => p.code === packCode());
  const editor = createRules({ theoryWeightMaxBp: 3000, dropHighLowMinJudges: 5, judgementSpreadMaxPoints: 1, marksSpreadMaxBp: 1500, tieBreak: [], protestWindowMinutes: 120, prizes: { kind: 'byRank', table: [] }, honours: [], workNumberDigits: 4 });
  createEffect(() => {
    const p = pack();
    if (p) editor.reset(p.settings);
  });
  createEffect(() => {
    const first = loaded()?.[0];
    if (first && !packCode()) setPackCode(first.code);
  });

  const [name, setName] = createSignal('');
  const [nameEn, setNameEn] = createSignal('');
  const [cls, setCls] = createSignal<Cls>('enterprise');
  const [year, setYear] = createSignal(String(shanghaiYear()));
  const [budget, setBudget] = createSignal('');
  const [coOrganisers, setCoOrganisers] = createSignal('');
  const [publishNames, setPublishNames] = createSignal(false);
  const [errors, setErrors] = createSignal(new Map<string, { message: string; messageEn?: string }>());
  const [error, setError] = createSignal<unknown>();
  const [busy, setBusy] = createSignal(false);
  const [created, setCreated] = createSignal<CreatedCompetition>();
  const err = (f: string) => {
    const found = [...errors().entries()].find(([k]) => k === f || k.startsWith(`${f}.`))?.[1];
    return found ? () => (lang() === 'en' ? (found.messageEn ?? found.message) : found.message) : undefined;
  };

  const create = async (e: Event) => {
    e.preventDefault();
    const p = pack();
    if (!p) return;
    setBusy(true);
    setError(undefined);
    try {
      const budgetFen = budget().trim() ? parseYuan(budget()) : undefined;
      const c = await cm('competitions.competitions.create', {
        name: name().trim(),
        ...(nameEn().trim() ? { nameEn: nameEn().trim() } : {}),
        class: cls(),
        year: Number(year()),
        packCode: p.code,
        overrides: overridesOf(p.settings, editor.rules),
        ...(budgetFen !== undefined ? { prizeBudgetFen: budgetFen } : {}),
        coOrganisers: coOrganisers().split(/[、,，;；\n]+/).map((x) => x.trim()).filter(Boolean),
        publishNames: publishNames(),
      });
      setErrors(new Map());
      setCreated(c);
      showToast('success', () => t('competitions.created', { name: bi(c.name) }));
      setStep(3);
    } catch (x) {
      const map = issuesByField(x);
      setErrors(map);
      setError(x);
      if ([...map.keys()].some((k) => k.startsWith('settings') || k.startsWith('overrides'))) setStep(1);
    } finally {
      setBusy(false);
    }
  };

  const steps = () => [t('competitions.setup.step1'), t('competitions.setup.step2'), t('competitions.setup.step3')];
  return (
    <section aria-labelledby="cmp-setup-title" class="cmp">
      <div class="page-head">
        <h1 id="cmp-setup-title">{t('competitions.new')}</h1>
        <p>{t('competitions.setup.intro')}</p>
      </div>
      <ol class="cmp-steps" aria-label={t('competitions.setup.steps')}>
        <For each={steps()}>{(s, i) => <li aria-current={step() === i() + 1 ? 'step' : undefined}>{`${i() + 1}. ${s}`}</li>}</For>
      </ol>
      <Show when={packs.error}>
        <ActionBanner actionLabel={t('common.retry')} onAction={() => void refetch()}>
          {errorText(packs.error)}
        </ActionBanner>
      </Show>
      <Show when={error()}>
        <Banner kind="error">{errorText(error())}</Banner>
      </Show>
      <Switch>
        <Match when={step() === 1 && loaded()}>
          <div class="card cmp-form" data-testid="cmp-step-rules">
            <h2>{t('competitions.setup.step1')}</h2>
            <Field id="cmp-pack" label={t('competitions.pack')} required>
              <select id="cmp-pack" value={packCode()} onChange={(e) => setPackCode(e.currentTarget.value)}>
                <For each={loaded()}>{(p) => <option value={p.code}>{`${bi(p.name)} (v${p.version})`}</option>}</For>
              </select>
            </Field>
            <Show when={pack()}>
              {(p) => (
                <>
                  <RulesForm rules={editor.rules} setRules={editor.setRules} />
                  <Differences pack={p().settings} mine={editor.rules} />
                </>
              )}
            </Show>
            <div class="form__actions">
              <button type="button" class="btn btn--primary" disabled={!pack()} onClick={() => setStep(2)}>
                {t('competitions.next')}
              </button>
            </div>
          </div>
        </Match>
        <Match when={step() === 2}>
          <form class="card cmp-form" onSubmit={create} aria-label={t('competitions.setup.step2')} data-testid="cmp-step-details">
            <h2>{t('competitions.setup.step2')}</h2>
            <div class="cmp-grid">
              <Input id="cmp-name" label={t('competitions.name')} required rule={limits.competitions.name} error={err('name')} value={name()} onValue={setName} />
              <Input id="cmp-name-en" label={t('competitions.nameEn')} rule={limits.competitions.nameEn} error={err('nameEn')} value={nameEn()} onValue={setNameEn} />
              <Field id="cmp-class" label={t('competitions.class')} required error={err('class')}>
                <select id="cmp-class" value={cls()} onChange={(e) => setCls(e.currentTarget.value as Cls)}>
                  <For each={CompetitionClass.values}>{(c) => <option value={c}>{label(CompetitionClass, c)}</option>}</For>
                </select>
              </Field>
              <Input id="cmp-year" label={t('competitions.year')} required type="number" inputmode="numeric" error={err('year')} value={year()} onValue={setYear} />
              <Input id="cmp-budget" label={t('competitions.budget')} inputmode="decimal" hint={t('competitions.budgetHint')} error={err('prizeBudgetFen')} value={budget()} onValue={setBudget} />
              <Input id="cmp-coorg" label={t('competitions.coOrganisers')} hint={t('competitions.coOrganisersHint')} error={err('coOrganisers')} value={coOrganisers()} onValue={setCoOrganisers} />
            </div>
            <label class="cmp-row">
              <input type="checkbox" checked={publishNames()} onChange={(e) => setPublishNames(e.currentTarget.checked)} />
              {t('competitions.publishNames')}
            </label>
            <div class="form__actions">
              <button type="button" class="btn" onClick={() => setStep(1)}>
                {t('competitions.previous')}
              </button>
              <button type="submit" class="btn btn--primary" disabled={busy()}>
                {busy() ? t('common.saving') : t('competitions.createCompetition')}
              </button>
            </div>
          </form>
        </Match>
        <Match when={step() === 3 && created()}>
          {(c) => (
            <div class="card" data-testid="cmp-step-event">
              <h2>{t('competitions.setup.step3')}</h2>
              <p class="muted">{t('competitions.setup.step3Hint', { name: bi(c().name) })}</p>
              <EventForm competitionId={c().competitionId} onCreated={(ev) => { showToast('success', () => t('competitions.event.created', { name: bi(ev.name) })); navigate(`/competitions/events/${ev.eventId}`); }} />
              <div class="form__actions">
                <button type="button" class="btn" onClick={() => navigate(`/competitions/${c().competitionId}`)}>
                  {t('competitions.setup.later')}
                </button>
              </div>
            </div>
          )}
        </Match>
      </Switch>
    </section>
  );
}
