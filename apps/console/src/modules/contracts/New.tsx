import { useNavigate } from '@solidjs/router';
import { createResource, createSignal, For, Show } from 'solid-js';
import { mutate, query, type InputOf } from '../../api';
import { Banner } from '../../components/Banner';
import { Field } from '../../components/Field';
import { Input, TextArea } from '../../components/Input';
import { createStore } from 'solid-js/store';
import { createFieldErrors } from '../../forms';
import { errorText } from '../../toast';
import type { Unit } from '../../api-types';
import { bi, INDUSTRIES, industryLabel, SPECIAL_KINDS, specialLabel, TYPES, typeLabel } from './shared';
import './contracts.css';
import { IDENTIFIER_INPUT_MAX, limits, numberLimits } from '@ufp/core/validation/limits';
import { t } from '../../i18n';

const typeHint: Record<string, { zh: string; en: string }> = {
  comprehensive: { zh: '企业与本企业工会订立，涵盖劳动报酬、工时、休假、保护等', en: 'An enterprise and its union, covering pay, hours, leave and protection' },
  special: { zh: '工资、能级工资、女职工、劳动安全卫生、技术创新等专项', en: 'Wages, skill-level wages, female workers, safety, innovation' },
  industry: { zh: '县以下区域内同一行业（如快递、建筑、餐饮）', en: 'One industry in a county-level area (express, construction, catering…)' },
  regional: { zh: '县以下区域内（乡镇、街道、园区）的企业', en: 'Enterprises of an area (town, street, park)' },
};

const FIELDS = ['title', 'specialKind', 'unitId', 'scope.industry', 'scope.regionCode', 'employerParties', 'coveredEnterprises', 'coveredEmployees', 'term.start', 'term.end', 'clauses.wageGrowthPct', 'clauses.minimumWageFen'] as const;

/** The create wizard: first the contract type, then the fields that type needs. */
export default function NewContract() {
  const navigate = useNavigate();
  const [type, setType] = createSignal<string>('');
  const [busy, setBusy] = createSignal(false);
  const [banner, setBanner] = createSignal('');
  const errs = createFieldErrors();
  /** What is typed, kept across a change of type or language (the form reads it back by name on submit). */
  const [v, setV] = createStore({ regionCode: '', title: '', employerParties: '', coveredEnterprises: '', coveredEmployees: '', termStart: '', termEnd: '', wageGrowthPct: '', minimumWageYuan: '', workingHours: '', protections: '' });
  const [units] = createResource(() => query('units.list', { limit: 200 }).catch(() => ({ items: [] as Unit[] })));
  const [settings] = createResource(() => query('contracts.settings.get').catch(() => undefined));

  async function submit(e: SubmitEvent) {
    e.preventDefault();
    const f = new FormData(e.currentTarget as HTMLFormElement);
    const str = (k: string) => String(f.get(k) ?? '').trim();
    const num = (k: string) => (str(k) === '' ? undefined : Number(str(k)));
    const parties = str('employerParties').split(/\n+/).map((s) => s.trim()).filter(Boolean).map((name) => ({ name }));
    const wage = num('minimumWageYuan');
    const input: Record<string, unknown> = {
      type: type(),
      ...(str('title') ? { title: str('title') } : {}),
      ...(type() === 'special' ? { specialKind: str('specialKind') || undefined } : {}),
      ...(str('unitId') ? { unitId: str('unitId') } : {}),
      ...(type() === 'industry' ? { scope: { industry: str('industry') || undefined } } : {}),
      ...(type() === 'regional' ? { scope: { regionCode: str('regionCode') || undefined } } : {}),
      employerParties: parties,
      coveredEnterprises: num('coveredEnterprises'),
      coveredEmployees: num('coveredEmployees'),
      term: { start: str('termStart'), end: str('termEnd') },
      clauses: {
        ...(num('wageGrowthPct') !== undefined ? { wageGrowthPct: num('wageGrowthPct') } : {}),
        ...(wage !== undefined ? { minimumWageFen: Math.round(wage * 100) } : {}),
        ...(str('workingHours') ? { workingHours: str('workingHours') } : {}),
        ...(str('protections') ? { protections: str('protections') } : {}),
      },
    };
    setBusy(true);
    setBanner('');
    try {
      const c = await mutate('contracts.create', input as InputOf<'contracts.create'>); // the server validates the form
      navigate(`/contracts/${encodeURIComponent(c.contractId)}`);
    } catch (err) {
      if (!errs.placed(err, FIELDS)) setBanner(errorText(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="new-contract-title">
      <div class="page-head">
        <h1 id="new-contract-title">{t('contracts.newCollectiveContract')}</h1>
      </div>
      <h2>{t('contracts.step1ChooseTheType')}</h2>
      <div class="wizard-types" role="group" aria-label={t('contracts.contractType')}>
        <For each={TYPES}>
          {(ty) => (
            <button type="button" aria-pressed={type() === ty} onClick={() => setType(ty)}>
              <strong>{bi(typeLabel[ty])}</strong>
              <span class="muted"> {bi(typeHint[ty])}</span>
            </button>
          )}
        </For>
      </div>
      <Show when={type()}>
        <h2>{t('contracts.step2TheContract')}</h2>
        <Show when={banner()}>
          <Banner kind="error">{banner()}</Banner>
        </Show>
        <form class="form" onSubmit={(e) => void submit(e)} novalidate>
          <Show when={type() === 'special'}>
            <Field id="c-special" label={t('contracts.kind')} required error={errs.get('specialKind')}>
              <select id="c-special" name="specialKind">
                <For each={SPECIAL_KINDS}>{(k) => <option value={k}>{bi(specialLabel[k])}</option>}</For>
              </select>
            </Field>
          </Show>
          <Show when={type() === 'industry'}>
            <Field id="c-industry" label={t('contracts.industry')} required error={errs.get('scope.industry')}>
              <select id="c-industry" name="industry">
                <For each={INDUSTRIES}>{(k) => <option value={k}>{bi(industryLabel[k])}</option>}</For>
              </select>
            </Field>
          </Show>
          <Show when={type() === 'regional'}>
            <Input id="c-region" name="regionCode" label={t('contracts.regionCode6Digits')} required inputmode="numeric" maxLength={IDENTIFIER_INPUT_MAX} error={errs.get('scope.regionCode')} value={v.regionCode} onValue={(x) => setV('regionCode', x)} />
          </Show>
          <Field
            id="c-unit"
            label={type() === 'comprehensive' || type() === 'special' ? t('contracts.enterpriseUnion') : t('contracts.leadingUnion')}
            required={type() === 'comprehensive' || type() === 'special'}
            error={errs.get('unitId')}
          >
            <select id="c-unit" name="unitId">
              <option value="">{t('contracts.none')}</option>
              <For each={units()?.items ?? []}>{(u) => <option value={u.unitId}>{u.name}</option>}</For>
            </select>
          </Field>
          <Input id="c-title" name="title" label={t('contracts.titleOptional')} rule={limits.contracts.title} error={errs.get('title')} value={v.title} onValue={(x) => setV('title', x)} />
          <TextArea
            id="c-parties"
            name="employerParties"
            label={t('contracts.employerPartiesOnePerLine')}
            required
            rows={2}
            maxLength={200 * (limits.contracts.partyName.max + 1)}
            error={errs.get('employerParties')}
            value={v.employerParties}
            onValue={(x) => setV('employerParties', x)}
          />
          <Input id="c-ent" name="coveredEnterprises" label={t('contracts.enterprisesCovered')} required type="number" min="1" max={numberLimits.coveredEnterprises.max} inputmode="numeric" error={errs.get('coveredEnterprises')} value={v.coveredEnterprises} onValue={(x) => setV('coveredEnterprises', x)} />
          <Input id="c-emp" name="coveredEmployees" label={t('contracts.employeesCovered')} required type="number" min="1" max={numberLimits.coveredEmployees.max} inputmode="numeric" error={errs.get('coveredEmployees')} value={v.coveredEmployees} onValue={(x) => setV('coveredEmployees', x)} />
          <Input id="c-start" name="termStart" label={t('contracts.termStart')} required type="date" error={errs.get('term.start')} value={v.termStart} onValue={(x) => setV('termStart', x)} />
          <Input id="c-end" name="termEnd" label={t('contracts.termEnd13Years')} required type="date" error={errs.get('term.end')} value={v.termEnd} onValue={(x) => setV('termEnd', x)} />
          <Input id="c-wage" name="wageGrowthPct" label={t('contracts.wageGrowth')} type="number" step="0.01" inputmode="decimal" error={errs.get('clauses.wageGrowthPct')} value={v.wageGrowthPct} onValue={(x) => setV('wageGrowthPct', x)} />
          <Input
            id="c-minwage"
            name="minimumWageYuan"
            label={t('contracts.minimumWageYuanMonth')}
            hint={settings()?.minimumWageFen ? t('contracts.localMinimumYuanLclArt', { minimumWageFen: (settings()!.minimumWageFen! / 100).toFixed(2) }) : undefined}
            type="number"
            step="0.01"
            min="0"
            inputmode="decimal"
            error={errs.get('clauses.minimumWageFen')}
            value={v.minimumWageYuan}
            onValue={(x) => setV('minimumWageYuan', x)}
          />
          <TextArea id="c-hours" name="workingHours" label={t('contracts.workingHours')} rows={2} rule={limits.contracts.clause} value={v.workingHours} onValue={(x) => setV('workingHours', x)} />
          <TextArea id="c-prot" name="protections" label={t('contracts.protections')} rows={2} rule={limits.contracts.clause} value={v.protections} onValue={(x) => setV('protections', x)} />
          <div class="form__actions">
            <button type="submit" class="btn btn--primary" disabled={busy()}>
              {busy() ? t('contracts.saving') : t('contracts.create')}
            </button>
          </div>
        </form>
      </Show>
    </section>
  );
}
