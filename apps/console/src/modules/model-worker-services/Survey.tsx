import { createResource, createSignal, For, Index, Show } from 'solid-js';
import { limits } from '@ufp/core/validation/limits';
import { mutate, query, type OutputOf } from '../../api';
import { Banner } from '../../components/Banner';
import { Input, TextArea } from '../../components/Input';
import { createFieldErrors } from '../../forms';
import { label, t } from '../../i18n';
import { errorText, showToast } from '../../toast';
import { CATEGORIES, EMPLOYMENT, HOUSING, parseYuan, PersonPicker, shanghaiYear, yuan, type PersonRow } from './shared';
import './mw-services.css';

type Member = { relation: string; name: string; income: string; health: string };
type Result = OutputOf<'modelWorkers.surveys.submit'>;
const m = limits.modelWorkers;

/** Money fields: yuan typed, fen sent. Empty → undefined (optional) or an error (required). */
function fenOf(text: string, required: boolean): number | undefined | 'bad' {
  if (!text.trim()) return required ? 'bad' : undefined;
  return parseYuan(text) ?? 'bad';
}

/**
 * The annual 劳模生活状况调查, usable on a phone: find the person, fill the national form's fields (money in yuan,
 * sent in fen), submit. The answer lists the changes from last year and says where the household went (hardship).
 */
export default function Survey() {
  const [person, setPerson] = createSignal<PersonRow>();
  const [year, setYear] = createSignal(shanghaiYear());
  const [history, { refetch }] = createResource(
    () => person()?.personId,
    (personId) => query('modelWorkers.surveys.listOfPerson', { personId }),
  );
  const existing = () => history()?.items.find((s) => s.year === year());
  const [income, setIncome] = createSignal('');
  const [spouseName, setSpouseName] = createSignal('');
  const [spouseIncome, setSpouseIncome] = createSignal('');
  const [size, setSize] = createSignal('1');
  const [members, setMembers] = createSignal<Member[]>([]);
  const [rigid, setRigid] = createSignal('');
  const [illness, setIllness] = createSignal(false);
  const [health, setHealth] = createSignal('');
  const [pension, setPension] = createSignal(true);
  const [medical, setMedical] = createSignal(true);
  const [housing, setHousing] = createSignal<(typeof HOUSING)[number]>('owned');
  const [area, setArea] = createSignal('');
  const [employment, setEmployment] = createSignal<(typeof EMPLOYMENT)[number]>('employed');
  const [category, setCategory] = createSignal<(typeof CATEGORIES)[number]>('none');
  const [difficulties, setDifficulties] = createSignal('');
  const [result, setResult] = createSignal<Result>();
  const [banner, setBanner] = createSignal<string>();
  const [busy, setBusy] = createSignal(false);
  const fields = createFieldErrors();
  const money = () => t('mwServices.err.money');

  const patchMember = (i: number, patch: Partial<Member>) => setMembers(members().map((x, j) => (j === i ? { ...x, ...patch } : x)));
  const total = () => {
    const parts = [income(), spouseIncome(), ...members().map((x) => x.income)].map((v) => (v.trim() ? parseYuan(v) : 0));
    return parts.some((v) => v === undefined) ? undefined : parts.reduce<number>((a, b) => a + (b ?? 0), 0);
  };

  async function submit(e: Event) {
    e.preventDefault();
    setBanner(undefined);
    const p = person();
    if (!p) return setBanner(t('mwServices.err.person'));
    const personIncomeFen = fenOf(income(), true);
    const spouseIncomeFen = fenOf(spouseIncome(), false);
    const rigidExpensesFen = fenOf(rigid(), false);
    const memberFen = members().map((x) => fenOf(x.income, false));
    const bad: Record<string, () => string> = {};
    if (personIncomeFen === 'bad') bad.personIncomeFen = money;
    if (spouseIncomeFen === 'bad') bad.spouseIncomeFen = money;
    if (rigidExpensesFen === 'bad') bad.rigidExpensesFen = money;
    memberFen.forEach((v, i) => v === 'bad' && (bad[`members.${i}.annualIncomeFen`] = money));
    if (Object.keys(bad).length) return fields.setErrors(bad);
    fields.clear();
    setBusy(true);
    try {
      const answer = await mutate('modelWorkers.surveys.submit', {
        personId: p.personId,
        year: year(),
        version: existing()?.version,
        personIncomeFen: personIncomeFen as number,
        spouseName: spouseName().trim() || undefined,
        spouseIncomeFen: spouseIncomeFen as number | undefined,
        members: members().map((x, i) => ({ relation: x.relation, name: x.name, annualIncomeFen: memberFen[i] as number | undefined, health: x.health.trim() || undefined })),
        householdSize: Number(size()),
        rigidExpensesFen: rigidExpensesFen as number | undefined,
        illness: illness(),
        health: health().trim() || undefined,
        pensionInsurance: pension(),
        medicalInsurance: medical(),
        housingType: housing(),
        housingAreaM2: Number(area() || 0),
        employmentStatus: employment(),
        difficulties: difficulties().trim() || undefined,
        hardshipCategory: category(),
      });
      setResult(answer);
      showToast('success', () => t('mwServices.survey.done', { year: answer.year, version: answer.version }));
      await refetch();
    } catch (err) {
      if (!fields.placed(err, ['personIncomeFen', 'spouseName', 'spouseIncomeFen', 'members', 'householdSize', 'rigidExpensesFen', 'health', 'housingAreaM2', 'difficulties', 'year', 'unitId'])) setBanner(errorText(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="mws-survey-title" class="mws">
      <div class="page-head">
        <h1 id="mws-survey-title">{t('mwServices.survey.title')}</h1>
      </div>
      <p class="muted">{t('mwServices.survey.intro')}</p>
      <Show when={result()}>
        {(r) => (
          <div class="card mws-result" role="status" data-testid="mws-result">
            <h2>{t('mwServices.survey.done', { year: r().year, version: r().version })}</h2>
            <h3>{t('mwServices.survey.changes')}</h3>
            <Show when={r().flags.length} fallback={<p>{t('mwServices.survey.noChanges')}</p>}>
              <ul data-testid="mws-flags">
                <For each={r().flags}>{(f) => <li>{label(f)}</li>}</For>
              </ul>
            </Show>
            <p>{label(r().handoff)}</p>
            <button type="button" class="btn" onClick={() => (setResult(undefined), setPerson(undefined))}>
              {t('mwServices.survey.another')}
            </button>
          </div>
        )}
      </Show>
      <Show when={!result()}>
        <form class="card mws-form" onSubmit={(e) => void submit(e)} novalidate>
          <PersonPicker id="mws-person" chosen={person()} onChoose={setPerson} />
          <Show when={person()}>
            <Show when={history()}>
              {(h) => (
                <p class="muted" data-testid="mws-history">
                  {t('mwServices.survey.history')}：{h().items.length ? h().items.map((s) => `${s.year}（v${s.version}）`).join('、') : t('mwServices.survey.noHistory')}
                </p>
              )}
            </Show>
            <Input id="mws-year" label={t('mwServices.survey.year')} type="number" inputmode="numeric" min="2000" max={String(shanghaiYear())} value={String(year())} onValue={(v) => setYear(Number(v))} required error={fields.get('year')} />
            <Show when={existing()}>{(s) => <Banner kind="info">{t('mwServices.survey.existing', { year: s().year, version: s().version })}</Banner>}</Show>

            <fieldset>
              <legend>{t('mwServices.survey.income')}</legend>
              <Input id="mws-income" label={t('mwServices.survey.personIncome')} inputmode="decimal" value={income()} onValue={setIncome} required error={fields.get('personIncomeFen')} />
              <Input id="mws-spouse-name" label={t('mwServices.survey.spouseName')} value={spouseName()} onValue={setSpouseName} rule={m.personName} error={fields.get('spouseName')} />
              <Input id="mws-spouse-income" label={t('mwServices.survey.spouseIncome')} hint={t('mwServices.survey.spouseHint')} inputmode="decimal" value={spouseIncome()} onValue={setSpouseIncome} error={fields.get('spouseIncomeFen')} />
              <Input id="mws-size" label={t('mwServices.survey.householdSize')} type="number" inputmode="numeric" min="1" max="20" value={size()} onValue={setSize} required error={fields.get('householdSize')} />
              <h3>{t('mwServices.survey.members')}</h3>
              <Index each={members()}>
                {(x, i) => (
                  <div class="mws-member" data-testid="mws-member">
                    <Input id={`mws-m${i}-relation`} label={t('mwServices.survey.memberRelation')} value={x().relation} onValue={(v) => patchMember(i, { relation: v })} rule={m.relation} required />
                    <Input id={`mws-m${i}-name`} label={t('mwServices.survey.memberName')} value={x().name} onValue={(v) => patchMember(i, { name: v })} rule={m.personName} required />
                    <Input id={`mws-m${i}-income`} label={t('mwServices.survey.memberIncome')} inputmode="decimal" value={x().income} onValue={(v) => patchMember(i, { income: v })} error={fields.get(`members.${i}.annualIncomeFen`)} />
                    <button type="button" class="btn btn--ghost btn--small" onClick={() => setMembers(members().filter((_, j) => j !== i))}>
                      {t('mwServices.survey.removeMember')}
                    </button>
                  </div>
                )}
              </Index>
              <Show when={fields.get('members')}>{(err) => <p class="field__error" role="alert">{err()()}</p>}</Show>
              <button type="button" class="btn btn--small" onClick={() => setMembers([...members(), { relation: '', name: '', income: '', health: '' }])}>
                + {t('mwServices.survey.addMember')}
              </button>
              <Input id="mws-rigid" label={t('mwServices.survey.rigid')} hint={t('mwServices.survey.rigidHint')} inputmode="decimal" value={rigid()} onValue={setRigid} error={fields.get('rigidExpensesFen')} />
              <p class="mws-total" data-testid="mws-total">{t('mwServices.survey.householdIncome', { amount: yuan(total()) })}</p>
            </fieldset>

            <fieldset>
              <legend>{t('mwServices.survey.healthSection')}</legend>
              <label class="check" for="mws-illness">
                <input id="mws-illness" type="checkbox" checked={illness()} onChange={(e) => setIllness(e.currentTarget.checked)} /> {t('mwServices.survey.illness')}
              </label>
              <TextArea id="mws-health" label={t('mwServices.survey.health')} value={health()} onValue={setHealth} rule={m.health} error={fields.get('health')} />
              <label class="check" for="mws-pension">
                <input id="mws-pension" type="checkbox" checked={pension()} onChange={(e) => setPension(e.currentTarget.checked)} /> {t('mwServices.survey.pension')}
              </label>
              <label class="check" for="mws-medical">
                <input id="mws-medical" type="checkbox" checked={medical()} onChange={(e) => setMedical(e.currentTarget.checked)} /> {t('mwServices.survey.medical')}
              </label>
            </fieldset>

            <fieldset>
              <legend>{t('mwServices.survey.housingSection')}</legend>
              <div class="field">
                <label for="mws-housing">{t('mwServices.survey.housingType')}</label>
                <select id="mws-housing" class="input" value={housing()} onChange={(e) => setHousing(e.currentTarget.value as (typeof HOUSING)[number])}>
                  <For each={HOUSING}>{(h) => <option value={h}>{t(`mwServices.housing.${h}`)}</option>}</For>
                </select>
              </div>
              <Input id="mws-area" label={t('mwServices.survey.housingArea')} type="number" inputmode="decimal" min="0" max="10000" value={area()} onValue={setArea} error={fields.get('housingAreaM2')} />
              <div class="field">
                <label for="mws-employment">{t('mwServices.survey.employment')}</label>
                <select id="mws-employment" class="input" value={employment()} onChange={(e) => setEmployment(e.currentTarget.value as (typeof EMPLOYMENT)[number])}>
                  <For each={EMPLOYMENT}>{(x) => <option value={x}>{t(`mwServices.employment.${x}`)}</option>}</For>
                </select>
              </div>
              <div class="field">
                <label for="mws-category">{t('mwServices.survey.category')}</label>
                <select id="mws-category" class="input" value={category()} onChange={(e) => setCategory(e.currentTarget.value as (typeof CATEGORIES)[number])}>
                  <For each={CATEGORIES}>{(x) => <option value={x}>{t(`mwServices.category.${x}`)}</option>}</For>
                </select>
              </div>
              <TextArea id="mws-difficulties" label={t('mwServices.survey.difficulties')} value={difficulties()} onValue={setDifficulties} rule={m.difficulty} error={fields.get('difficulties')} />
            </fieldset>

            <p class="muted mws-handoff">{t('mwServices.survey.handoff')}</p>
            <Show when={banner()}>{(b) => <Banner kind="error">{b()}</Banner>}</Show>
            <button type="submit" class="btn btn--primary" disabled={busy()}>
              {existing() ? t('mwServices.survey.correct') : t('mwServices.survey.submit')}
            </button>
          </Show>
          <Show when={!person() && banner()}>{(b) => <Banner kind="error">{b()}</Banner>}</Show>
        </form>
      </Show>
    </section>
  );
}
