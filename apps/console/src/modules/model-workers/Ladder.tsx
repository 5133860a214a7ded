import { createResource, createSignal, For, Show } from 'solid-js';
import { mutate, query, type InputOf } from '../../api';
import { Banner } from '../../components/Banner';
import { createConfirm } from '../../components/Confirm';
import { DataTable } from '../../components/DataTable';
import { Field } from '../../components/Field';
import { Input } from '../../components/Input';
import { SaveError } from '../../components/RecordMissing';
import { formatDateTime, label, t } from '../../i18n';
import { hasRole } from '../../session';
import { errorText, showToast } from '../../toast';
import { enumLabel, enums, type LadderHonour, type Level } from './shared';
import './model-workers.css';
import { limits } from '@ufp/core/validation/limits';

type HonourInput = InputOf<'modelWorkers.honours.setLadder'>['honours'][number];

/** The input form of a ladder entry (the answer's shape without the nulls a JSON answer may carry). */
const toInput = (h: LadderHonour): HonourInput => ({
  code: h.code,
  name: h.name,
  category: h.category,
  level: h.level,
  periodYears: h.periodYears,
  ...(h.treatment ? { treatment: h.treatment } : {}),
  ...(h.prerequisiteLevel ? { prerequisiteLevel: h.prerequisiteLevel } : {}),
  ...(h.retired ? { retired: true } : {}),
});

/** 荣誉体系: the platform operator keeps it (add an honour, retire one); federation staff read it. */
export default function Ladder() {
  const [ladder, { refetch }] = createResource(() => query('modelWorkers.honours.ladder'));
  const canEdit = () => hasRole('platform_operator');
  const confirm = createConfirm();
  const [saveError, setSaveError] = createSignal<unknown>();
  const [code, setCode] = createSignal('');
  const [zh, setZh] = createSignal('');
  const [en, setEn] = createSignal('');
  const [category, setCategory] = createSignal<string>('model_worker');
  const [level, setLevel] = createSignal<string>('city');
  const [treatment, setTreatment] = createSignal('');
  const [period, setPeriod] = createSignal('5');
  const [prerequisite, setPrerequisite] = createSignal('');
  const lv = (l: Level | null | undefined) => enumLabel(enums.HonourLevel, l) || '—';

  async function save(honours: HonourInput[], done: () => string): Promise<boolean> {
    const l = ladder();
    if (!l) return false;
    setSaveError(undefined);
    try {
      await mutate('modelWorkers.honours.setLadder', { version: l.version, honours });
      showToast('success', done);
      await refetch();
      return true;
    } catch (e) {
      setSaveError(e);
      return false;
    }
  }

  async function toggleRetired(h: LadderHonour) {
    const l = ladder();
    if (!l) return;
    const retire = !h.retired;
    const ok = await confirm.ask({
      title: t(retire ? 'modelWorkers.ladder.retireTitle' : 'modelWorkers.ladder.restoreTitle', { name: label(h.name) }),
      consequence: t(retire ? 'modelWorkers.ladder.retireBody' : 'modelWorkers.ladder.restoreBody'),
      confirmLabel: t(retire ? 'modelWorkers.ladder.retire' : 'modelWorkers.ladder.restore'),
      danger: retire,
    });
    if (!ok) return;
    await save(
      l.honours.map((x) => (x.code === h.code ? { ...toInput(x), retired: retire || undefined } : toInput(x))),
      () => t(retire ? 'modelWorkers.ladder.retired' : 'modelWorkers.ladder.restored', { name: label(h.name) }),
    );
  }

  async function add() {
    const l = ladder();
    if (!l) return;
    const entry: HonourInput = {
      code: code().trim(),
      name: { zh: zh().trim(), en: en().trim() },
      category: category() as HonourInput['category'],
      level: level() as Level,
      periodYears: Number(period()),
      ...(treatment() ? { treatment: treatment() as Level } : {}),
      ...(prerequisite() ? { prerequisiteLevel: prerequisite() as Level } : {}),
    };
    const ok = await confirm.ask({
      title: t('modelWorkers.ladder.addTitle'),
      consequence: t('modelWorkers.ladder.addBody', { name: entry.name.zh }),
      facts: [
        { label: t('modelWorkers.ladder.level'), value: lv(entry.level) },
        { label: t('modelWorkers.ladder.treatment'), value: lv(entry.treatment ?? entry.level) },
        { label: t('modelWorkers.ladder.period'), value: t('modelWorkers.ladder.years', { n: entry.periodYears }) },
      ],
      confirmLabel: t('modelWorkers.ladder.add'),
    });
    if (!ok) return;
    if (await save([...l.honours.map(toInput), entry], () => t('modelWorkers.ladder.added', { name: entry.name.zh }))) {
      setCode('');
      setZh('');
      setEn('');
    }
  }

  const select = (id: string, text: string, values: readonly string[], value: () => string, set: (v: string) => void, e: { labels: Readonly<Record<string, { zh: string; en: string }>> }, optional = false) => (
    <Field id={id} label={text} required={!optional}>
      <select id={id} class="input" value={value()} onChange={(ev) => set(ev.currentTarget.value)}>
        <Show when={optional}>
          <option value="">{t('modelWorkers.ladder.none')}</option>
        </Show>
        <For each={values}>{(v) => <option value={v}>{label(e.labels[v])}</option>}</For>
      </select>
    </Field>
  );

  return (
    <section aria-labelledby="mw-ladder-title" class="mw">
      <div class="page-head">
        <h1 id="mw-ladder-title">{t('modelWorkers.ladder.title')}</h1>
        <Show when={ladder()}>
          {(l) => <p class="muted">{l().custom ? t('modelWorkers.ladder.custom', { at: formatDateTime(l().updatedAt) }) : t('modelWorkers.ladder.default')}</p>}
        </Show>
      </div>
      <confirm.Dialog />
      <Show when={!canEdit()}>
        <p class="muted">{t('modelWorkers.ladder.readOnly')}</p>
      </Show>
      <Show when={ladder.error}>
        <Banner kind="error">{errorText(ladder.error)}</Banner>
      </Show>
      <Show when={saveError()}>
        <SaveError error={saveError()} onReload={() => { setSaveError(undefined); void refetch(); }} />
      </Show>
      <DataTable<LadderHonour>
        label={t('modelWorkers.ladder.title')}
        rows={ladder()?.honours ?? []}
        loading={ladder.loading}
        rowClass={(h) => (h.retired ? 'mw-retired' : '')}
        columns={[
          { label: () => t('modelWorkers.ladder.name'), cell: (h) => <span>{label(h.name)}{h.retired ? ` （${t('modelWorkers.ladder.isRetired')}）` : ''}</span>, class: 'cell--primary' },
          { label: () => t('modelWorkers.ladder.category'), cell: (h) => enumLabel(enums.HonourCategory, h.category) },
          { label: () => t('modelWorkers.ladder.level'), cell: (h) => lv(h.level) },
          { label: () => t('modelWorkers.ladder.treatment'), cell: (h) => lv(h.treatment ?? h.level) },
          { label: () => t('modelWorkers.ladder.period'), cell: (h) => t('modelWorkers.ladder.years', { n: h.periodYears }), class: 'nowrap' },
          { label: () => t('modelWorkers.ladder.prerequisite'), cell: (h) => (h.prerequisiteLevel ? t('modelWorkers.ladder.atLeast', { level: lv(h.prerequisiteLevel) }) : '—') },
          ...(canEdit()
            ? [{ label: () => t('common.actions'), cell: (h: LadderHonour) => <button type="button" class="btn btn--small" onClick={() => void toggleRetired(h)}>{h.retired ? t('modelWorkers.ladder.restore') : t('modelWorkers.ladder.retire')}</button> }]
            : []),
        ]}
      />
      <Show when={canEdit()}>
        <form class="card form mw-inline-form" aria-labelledby="mw-ladder-add" onSubmit={(e) => { e.preventDefault(); void add(); }}>
          <h2 id="mw-ladder-add">{t('modelWorkers.ladder.addTitle')}</h2>
          <Input id="mw-ld-code" label={t('modelWorkers.ladder.code')} required rule={limits.modelWorkers.honourCode} pattern="[a-z][a-z0-9_]{1,59}" hint={t('modelWorkers.ladder.codeHint')} value={code()} onValue={setCode} />
          <Input id="mw-ld-zh" label={t('modelWorkers.ladder.nameZh')} required rule={limits.modelWorkers.honourName} value={zh()} onValue={setZh} />
          <Input id="mw-ld-en" label={t('modelWorkers.ladder.nameEn')} required rule={limits.modelWorkers.honourName} value={en()} onValue={setEn} />
          {select('mw-ld-category', t('modelWorkers.ladder.category'), enums.HonourCategory.values, category, setCategory, enums.HonourCategory)}
          {select('mw-ld-level', t('modelWorkers.ladder.level'), enums.HonourLevel.values, level, setLevel, enums.HonourLevel)}
          {select('mw-ld-treatment', t('modelWorkers.ladder.treatment'), enums.HonourLevel.values, treatment, setTreatment, enums.HonourLevel, true)}
          <Input id="mw-ld-period" type="number" inputmode="numeric" min={1} max={50} label={t('modelWorkers.ladder.period')} required hint={t('modelWorkers.ladder.periodHint')} value={period()} onValue={setPeriod} />
          {select('mw-ld-prereq', t('modelWorkers.ladder.prerequisite'), enums.HonourLevel.values, prerequisite, setPrerequisite, enums.HonourLevel, true)}
          <div class="form__actions">
            <button type="submit" class="btn btn--primary">{t('modelWorkers.ladder.add')}</button>
          </div>
        </form>
      </Show>
    </section>
  );
}
