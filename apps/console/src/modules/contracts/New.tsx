import { useNavigate } from '@solidjs/router';
import { createResource, createSignal, For, Show } from 'solid-js';
import { mutate, query, type InputOf } from '../../api';
import { Banner } from '../../components/Banner';
import { Field } from '../../components/Field';
import { createFieldErrors } from '../../forms';
import { errorText } from '../../toast';
import type { Unit } from '../../api-types';
import type { Page } from '../../paged';
import { bi, INDUSTRIES, industryLabel, SPECIAL_KINDS, specialLabel, tx, TYPES, typeLabel } from './shared';
import './contracts.css';
import { IDENTIFIER_INPUT_MAX, limits, numberLimits } from '@ufp/core/validation/limits';

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
      const rest = errs.fromServer(err, FIELDS);
      if (rest.length || !Object.keys(errs.errors()).length) setBanner(errorText(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="new-contract-title">
      <div class="page-head">
        <h1 id="new-contract-title">{tx('新建集体合同', 'New collective contract')}</h1>
      </div>
      <h2>{tx('第一步：选择合同类型', 'Step 1: choose the type')}</h2>
      <div class="wizard-types" role="group" aria-label={tx('合同类型', 'Contract type')}>
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
        <h2>{tx('第二步：填写合同要素', 'Step 2: the contract')}</h2>
        <Show when={banner()}>
          <Banner kind="error">{banner()}</Banner>
        </Show>
        <form class="form" onSubmit={(e) => void submit(e)} novalidate>
          <Show when={type() === 'special'}>
            <Field id="c-special" label={tx('专项类别', 'Kind')} required error={errs.get('specialKind')}>
              <select id="c-special" name="specialKind">
                <For each={SPECIAL_KINDS}>{(k) => <option value={k}>{bi(specialLabel[k])}</option>}</For>
              </select>
            </Field>
          </Show>
          <Show when={type() === 'industry'}>
            <Field id="c-industry" label={tx('行业', 'Industry')} required error={errs.get('scope.industry')}>
              <select id="c-industry" name="industry">
                <For each={INDUSTRIES}>{(k) => <option value={k}>{bi(industryLabel[k])}</option>}</For>
              </select>
            </Field>
          </Show>
          <Show when={type() === 'regional'}>
            <Field id="c-region" label={tx('区域代码（6位行政区划）', 'Region code (6 digits)')} required error={errs.get('scope.regionCode')}>
              <input id="c-region" name="regionCode" inputmode="numeric" maxlength={IDENTIFIER_INPUT_MAX} />
            </Field>
          </Show>
          <Field
            id="c-unit"
            label={type() === 'comprehensive' || type() === 'special' ? tx('企业工会', 'Enterprise union') : tx('牵头工会（行业/区域工会联合会）', 'Leading union')}
            required={type() === 'comprehensive' || type() === 'special'}
            error={errs.get('unitId')}
          >
            <select id="c-unit" name="unitId">
              <option value="">{tx('（不指定）', '(none)')}</option>
              <For each={units()?.items ?? []}>{(u) => <option value={u.unitId}>{u.name}</option>}</For>
            </select>
          </Field>
          <Field id="c-title" label={tx('合同名称（可留空自动生成）', 'Title (optional)')} error={errs.get('title')}>
            <input id="c-title" name="title" maxlength={limits.contracts.title.max} />
          </Field>
          <Field id="c-parties" label={tx('企业方（每行一个）', 'Employer parties (one per line)')} required error={errs.get('employerParties')}>
            <textarea id="c-parties" name="employerParties" rows="2" maxlength={200 * (limits.contracts.partyName.max + 1)} />
          </Field>
          <Field id="c-ent" label={tx('覆盖企业数', 'Enterprises covered')} required error={errs.get('coveredEnterprises')}>
            <input id="c-ent" name="coveredEnterprises" type="number" min="1" max={numberLimits.coveredEnterprises.max} inputmode="numeric" />
          </Field>
          <Field id="c-emp" label={tx('覆盖职工数', 'Employees covered')} required error={errs.get('coveredEmployees')}>
            <input id="c-emp" name="coveredEmployees" type="number" min="1" max={numberLimits.coveredEmployees.max} inputmode="numeric" />
          </Field>
          <Field id="c-start" label={tx('期限起始日', 'Term start')} required error={errs.get('term.start')}>
            <input id="c-start" name="termStart" type="date" />
          </Field>
          <Field id="c-end" label={tx('期限终止日（1至3年）', 'Term end (1–3 years)')} required error={errs.get('term.end')}>
            <input id="c-end" name="termEnd" type="date" />
          </Field>
          <Field id="c-wage" label={tx('工资增幅（%）', 'Wage growth (%)')} error={errs.get('clauses.wageGrowthPct')}>
            <input id="c-wage" name="wageGrowthPct" type="number" step="0.01" />
          </Field>
          <Field
            id="c-minwage"
            label={tx('最低工资（元/月）', 'Minimum wage (yuan/month)')}
            hint={settings()?.minimumWageFen ? tx(`当地最低工资标准 ${(settings()!.minimumWageFen! / 100).toFixed(2)} 元（《劳动合同法》第五十五条）`, `Local minimum ${(settings()!.minimumWageFen! / 100).toFixed(2)} yuan (LCL Art. 55)`) : undefined}
            error={errs.get('clauses.minimumWageFen')}
          >
            <input id="c-minwage" name="minimumWageYuan" type="number" step="0.01" min="0" />
          </Field>
          <Field id="c-hours" label={tx('工作时间条款', 'Working hours')}>
            <textarea id="c-hours" name="workingHours" rows="2" maxlength={limits.contracts.clause.max} />
          </Field>
          <Field id="c-prot" label={tx('劳动保护条款', 'Protections')}>
            <textarea id="c-prot" name="protections" rows="2" maxlength={limits.contracts.clause.max} />
          </Field>
          <div class="form__actions">
            <button type="submit" class="btn btn--primary" disabled={busy()}>
              {busy() ? tx('保存中…', 'Saving…') : tx('建立台账', 'Create')}
            </button>
          </div>
        </form>
      </Show>
    </section>
  );
}
