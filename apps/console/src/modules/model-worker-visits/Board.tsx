import { A } from '@solidjs/router';
import { createMemo, createResource, createSignal, For, Show } from 'solid-js';
import { IDENTIFIER_INPUT_MAX, limits } from '@ufp/core/validation/limits';
import { Occupation } from '@ufp/model-workers/domain/enums';
import { mutate, query } from '../../api';
import { Banner } from '../../components/Banner';
import { DataTable } from '../../components/DataTable';
import { Input, TextArea } from '../../components/Input';
import { Disclosure } from '../../components/Panel';
import { createFieldErrors } from '../../forms';
import { label, t } from '../../i18n';
import { hasRole } from '../../session';
import { errorText, showToast } from '../../toast';
import { splitList, STATUSES, type RequestRow } from './shared';
import './mw-visits.css';

type Status = (typeof STATUSES)[number];
/** Up to 10 skills (the server's list limit), each within the skill limit, with a separator each. */
const SKILLS_MAX = 10 * (limits.modelWorkers.skill.max + 1);
const FIELDS = ['enterprise', 'unitId', 'need', 'skills', 'occupation', 'contactName', 'contactPhone'];

/** 劳模工匠助企行: the requests with their status and results, and the form an enterprise's request is filed with. */
export default function Board() {
  const isStaff = () => hasRole('federation_admin', 'federation_staff');
  const [status, setStatus] = createSignal<Status | ''>('');
  const [listed, listCtl] = createResource(status, (s) => query('modelWorkers.visits.list', s ? { status: s } : {}));
  const list = () => (listed.error ? undefined : listed());
  const [unitList] = createResource(isStaff, (staff) => (staff ? query('units.list', { limit: 200 }) : Promise.resolve(undefined)));
  const units = () => (unitList.error ? undefined : unitList());
  const totals = createMemo(() => (list() ?? []).reduce((a, r) => ({ visits: a.visits + r.visitCount, problems: a.problems + r.problemsSolved, trained: a.trained + r.peopleTrained }), { visits: 0, problems: 0, trained: 0 }));

  const [enterprise, setEnterprise] = createSignal('');
  const [unitId, setUnitId] = createSignal('');
  const [need, setNeed] = createSignal('');
  const [skills, setSkills] = createSignal('');
  const [occupation, setOccupation] = createSignal('');
  const [contactName, setContactName] = createSignal('');
  const [contactPhone, setContactPhone] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  const [refusal, setRefusal] = createSignal<string>();
  const fields = createFieldErrors();

  async function file(e: Event) {
    e.preventDefault();
    setRefusal(undefined);
    const wanted = splitList(skills());
    if (!wanted.length) return fields.setErrors({ skills: () => t('mwVisits.file.skillsMissing') });
    fields.clear();
    setBusy(true);
    try {
      const done = await mutate('modelWorkers.visits.file', {
        enterprise: enterprise().trim(),
        unitId: unitId() || undefined,
        need: need().trim(),
        skills: wanted,
        occupation: (occupation() || undefined) as (typeof Occupation.values)[number] | undefined,
        contactName: contactName().trim(),
        contactPhone: contactPhone().trim(),
      });
      showToast('success', () => t('mwVisits.file.done', { enterprise: done.enterprise }));
      for (const set of [setEnterprise, setUnitId, setNeed, setSkills, setOccupation, setContactName, setContactPhone]) set('');
      await listCtl.refetch();
    } catch (err) {
      if (!fields.placed(err, FIELDS)) setRefusal(errorText(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="mwv-board-title" class="mwv">
      <div class="page-head">
        <h1 id="mwv-board-title">{t('mwVisits.board.title')}</h1>
        <A href="/model-worker-visits/logs" class="btn">
          {t('mwVisits.board.allLogs')}
        </A>
      </div>
      <p class="muted">{t('mwVisits.board.intro')}</p>
      <Disclosure summary={t('mwVisits.file.title')} class="card mwv-file">
        <form class="mwv-form" onSubmit={(e) => void file(e)} novalidate>
          <Input id="mwv-enterprise" label={t('mwVisits.file.enterprise')} value={enterprise()} onValue={setEnterprise} rule={limits.modelWorkers.enterprise} required error={fields.get('enterprise')} />
          <Show when={isStaff()}>
            <div class="field">
              <label for="mwv-unit">{t('mwVisits.file.unit')}</label>
              <select id="mwv-unit" class="input" value={unitId()} onChange={(e) => setUnitId(e.currentTarget.value)}>
                <option value="">{t('mwVisits.file.unitNone')}</option>
                <For each={units()?.items ?? []}>{(u) => <option value={u.unitId}>{u.name}</option>}</For>
              </select>
            </div>
          </Show>
          <TextArea id="mwv-need" label={t('mwVisits.file.need')} hint={t('mwVisits.file.needHint')} value={need()} onValue={setNeed} rule={limits.modelWorkers.need} required error={fields.get('need')} />
          <Input id="mwv-skills" label={t('mwVisits.file.skills')} hint={t('mwVisits.file.skillsHint')} value={skills()} onValue={setSkills} maxLength={SKILLS_MAX} required error={fields.get('skills')} />
          <div class="field">
            <label for="mwv-occupation">{t('mwVisits.file.occupation')}</label>
            <select id="mwv-occupation" class="input" value={occupation()} onChange={(e) => setOccupation(e.currentTarget.value)}>
              <option value="">{t('common.all')}</option>
              <For each={Occupation.values}>{(o) => <option value={o}>{label(Occupation.labels[o])}</option>}</For>
            </select>
          </div>
          <Input id="mwv-contact" label={t('mwVisits.file.contactName')} value={contactName()} onValue={setContactName} rule={limits.modelWorkers.personName} required error={fields.get('contactName')} />
          <Input id="mwv-phone" label={t('mwVisits.file.contactPhone')} type="tel" inputmode="tel" value={contactPhone()} onValue={setContactPhone} maxLength={IDENTIFIER_INPUT_MAX} required error={fields.get('contactPhone')} />
          <Show when={refusal()}>{(r) => <Banner kind="error">{r()}</Banner>}</Show>
          <button type="submit" class="btn btn--primary" disabled={busy()}>
            {t('mwVisits.file.submit')}
          </button>
        </form>
      </Disclosure>
      <div class="card">
        <div class="mwv-inline">
          <div class="field">
            <label for="mwv-status">{t('mwVisits.board.status')}</label>
            <select id="mwv-status" class="input" value={status()} onChange={(e) => setStatus(e.currentTarget.value as Status | '')}>
              <option value="">{t('common.all')}</option>
              <For each={STATUSES}>{(s) => <option value={s}>{t(`mwVisits.status.${s}`)}</option>}</For>
            </select>
          </div>
          <p class="mwv-totals" data-testid="mwv-totals">{t('mwVisits.board.totals', totals())}</p>
        </div>
        <Show when={listed.error}>
          <Banner kind="error">{errorText(listed.error)}</Banner>
        </Show>
        <DataTable<RequestRow>
          label={t('mwVisits.board.requests')}
          rows={list() ?? []}
          loading={listed.loading}
          empty={t('mwVisits.board.empty')}
          columns={[
            { label: () => t('mwVisits.col.enterprise'), cell: (r) => <A href={`/model-worker-visits/${encodeURIComponent(r.requestId)}`}>{r.enterprise}</A>, class: 'cell--primary' },
            { label: () => t('mwVisits.col.skills'), cell: (r) => r.skills.join('、') },
            { label: () => t('mwVisits.col.filedOn'), cell: (r) => r.filedOn, class: 'nowrap' },
            { label: () => t('mwVisits.col.status'), cell: (r) => <span class={`mwv-badge mwv-status--${r.status}`}>{t(`mwVisits.status.${r.status}`)}</span> },
            { label: () => t('mwVisits.col.visits'), cell: (r) => String(r.visitCount) },
            { label: () => t('mwVisits.col.results'), cell: (r) => `${r.problemsSolved} / ${r.peopleTrained}` },
          ]}
        />
      </div>
    </section>
  );
}
