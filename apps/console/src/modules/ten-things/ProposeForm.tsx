import { createResource, createSignal, For, Show } from 'solid-js';
import { ApiError, issuesByField, mutate, query, type InputOf } from '../../api';
import { Field } from '../../components/Field';
import { Input, TextArea } from '../../components/Input';
import { formatNumber, t } from '../../i18n';
import { showError, showToast } from '../../toast';
import { CATEGORIES, categoryLabel, comparatorSign, type TargetV } from './labels';
import { limits } from '@ufp/core/validation/limits';

/**
 * A candidate (staff) or a unit's 征集 proposal (`unit`: no lead department or budget, set by staff at 初定), with its
 * targets typed as free text and parsed live (the server's parser, debounced).
 */
export function ProposeForm(props: { planId: string; onSaved: () => void; unit?: boolean }) {
  const [title, setTitle] = createSignal('');
  const [category, setCategory] = createSignal('care');
  const [leadDept, setLeadDept] = createSignal('');
  const [budget, setBudget] = createSignal('');
  const [text, setText] = createSignal('');
  const [debounced, setDebounced] = createSignal('');
  const [errors, setErrors] = createSignal(new Map<string, { message: string }>());
  const [saving, setSaving] = createSignal(false);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const onText = (v: string) => {
    setText(v);
    clearTimeout(timer);
    timer = setTimeout(() => setDebounced(v.trim()), 300);
  };
  const [preview] = createResource(debounced, async (t) => {
    try {
      return { ok: true as const, value: await query('tenThings.candidates.parse', { targetsText: t }) };
    } catch (err) {
      return { ok: false as const, message: err instanceof ApiError ? err.message : String(err) };
    }
  });

  const submit = async (e: Event) => {
    e.preventDefault();
    setSaving(true);
    try {
      const yuan = budget().trim();
      const proposed = title().trim();
      const common = { planId: props.planId, title: proposed, category: category() as InputOf<'tenThings.candidates.propose'>['category'], targetsText: text().trim() };
      if (props.unit) await mutate('tenThings.candidates.solicit', common);
      else await mutate('tenThings.candidates.propose', { ...common, leadDept: leadDept().trim(), ...(yuan ? { budgetFen: Math.round(Number(yuan) * 100) } : {}) });
      showToast('success', () => t(props.unit ? 'tenThings.solicited' : 'tenThings.proposed', { title: proposed }), 6_000);
      setTitle('');
      setText('');
      setDebounced('');
      setErrors(new Map());
      props.onSaved();
    } catch (err) {
      setErrors(issuesByField(err));
      showError(err);
    } finally {
      setSaving(false);
    }
  };
  const err = (f: string) => errors().get(f)?.message;
  /** Field's error slot takes a function (or nothing). */
  const errFn = (f: string) => {
    const m = err(f);
    return m === undefined ? undefined : () => m;
  };

  return (
    <form class="card no-print tt-propose" onSubmit={submit} aria-labelledby="tt-propose-title">
      <h3 id="tt-propose-title">{t(props.unit ? 'tenThings.solicit' : 'tenThings.propose')}</h3>
      <div class="tt-inline">
        <Input id="tt-c-title" label={t('tenThings.itemTitle')} required rule={limits.tenThings.title} error={errFn('title')} value={title()} onValue={setTitle} />
        <Field id="tt-c-category" label={t('tenThings.category')} required error={errFn('category')}>
          <select id="tt-c-category" value={category()} onChange={(e) => setCategory(e.currentTarget.value)}>
            <For each={CATEGORIES}>{(c) => <option value={c}>{categoryLabel(c)}</option>}</For>
          </select>
        </Field>
        <Show when={!props.unit}>
          <Input id="tt-c-dept" label={t('tenThings.leadDept')} required rule={limits.tenThings.leadDept} error={errFn('leadDept')} value={leadDept()} onValue={setLeadDept} />
          <Input id="tt-c-budget" label={t('tenThings.budget')} type="number" min="0" step="0.01" inputmode="decimal" error={errFn('budgetFen')} value={budget()} onValue={setBudget} />
        </Show>
      </div>
      <TextArea id="tt-c-text" label={t('tenThings.targetsText')} required rows={3} rule={limits.tenThings.targetsText} error={errFn('targetsText')} value={text()} onValue={onText} placeholder={t('tenThings.targetsTextHint')} />
      <Show when={debounced() ? preview() : undefined}>
        {(p) => (
          <div class="tt-preview" classList={{ 'tt-preview--error': !p().ok }} data-testid="tt-parse-preview" aria-live="polite">
            <Show when={p().ok} fallback={<span role="alert">{(p() as { message: string }).message}</span>}>
              <strong>{t('tenThings.parsePreview')}</strong>
              <ol>
                <For each={(p() as { value: { targets: TargetV[] } }).value.targets}>
                  {(t) => (
                    <li>
                      {t.indicator}：{comparatorSign(t.comparator)} {formatNumber(t.target)} {t.unit}
                    </li>
                  )}
                </For>
              </ol>
              <Show when={(p() as { value: { descriptive: string[] } }).value.descriptive.length}>
                <div class="muted">
                  {t('tenThings.descriptive')}：{(p() as { value: { descriptive: string[] } }).value.descriptive.join('；')}
                </div>
              </Show>
            </Show>
          </div>
        )}
      </Show>
      <div class="form__actions">
        <button class="btn btn--primary" type="submit" disabled={saving()}>
          {t(props.unit ? 'tenThings.solicit' : 'tenThings.propose')}
        </button>
      </div>
    </form>
  );
}
