import { createResource, createSignal, For, Show } from 'solid-js';
import { ApiError, issuesByField, mutate, query, type InputOf } from '../../api';
import { formatNumber, t } from '../../i18n';
import { showError, showToast } from '../../toast';
import { CATEGORIES, categoryLabel, comparatorSign, type TargetV } from './labels';
import { limits } from '@ufp/core/validation/limits';

/** 征集: a candidate with its targets typed as free text and parsed live (the server's parser, debounced). */
export function ProposeForm(props: { planId: string; onSaved: () => void }) {
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
      await mutate('tenThings.candidates.propose', {
        planId: props.planId,
        title: title().trim(),
        category: category() as InputOf<'tenThings.candidates.propose'>['category'],
        leadDept: leadDept().trim(),
        targetsText: text().trim(),
        ...(yuan ? { budgetFen: Math.round(Number(yuan) * 100) } : {}),
      });
      showToast('success', () => t('tenThings.propose'));
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

  return (
    <form class="card no-print" onSubmit={submit} aria-labelledby="tt-propose-title">
      <h3 id="tt-propose-title">{t('tenThings.propose')}</h3>
      <div class="tt-inline">
        <div class="field">
          <label for="tt-c-title">{t('tenThings.itemTitle')}</label>
          <input id="tt-c-title" required maxLength={limits.tenThings.title.max} value={title()} onInput={(e) => setTitle(e.currentTarget.value)} />
          <Show when={err('title')}>
            <span class="field__error">{err('title')}</span>
          </Show>
        </div>
        <div class="field">
          <label for="tt-c-category">{t('tenThings.category')}</label>
          <select id="tt-c-category" value={category()} onChange={(e) => setCategory(e.currentTarget.value)}>
            <For each={CATEGORIES}>{(c) => <option value={c}>{categoryLabel(c)}</option>}</For>
          </select>
        </div>
        <div class="field">
          <label for="tt-c-dept">{t('tenThings.leadDept')}</label>
          <input id="tt-c-dept" required maxLength={limits.tenThings.leadDept.max} value={leadDept()} onInput={(e) => setLeadDept(e.currentTarget.value)} />
        </div>
        <div class="field">
          <label for="tt-c-budget">{t('tenThings.budget')}</label>
          <input id="tt-c-budget" type="number" min="0" step="0.01" value={budget()} onInput={(e) => setBudget(e.currentTarget.value)} />
        </div>
      </div>
      <div class="field" classList={{ 'field--invalid': !!err('targetsText') }}>
        <label for="tt-c-text">{t('tenThings.targetsText')}</label>
        <textarea id="tt-c-text" rows={3} required maxLength={limits.tenThings.targetsText.max} value={text()} onInput={(e) => onText(e.currentTarget.value)} placeholder={t('tenThings.targetsTextHint')} />
      </div>
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
          {t('tenThings.propose')}
        </button>
      </div>
    </form>
  );
}
