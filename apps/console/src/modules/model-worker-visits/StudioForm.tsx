import { createResource, createSignal, For, Index, Show } from 'solid-js';
import { IDENTIFIER_INPUT_MAX, limits } from '@ufp/core/validation/limits';
import { mutate, query } from '../../api';
import { Input } from '../../components/Input';
import { SaveError } from '../../components/RecordMissing';
import { createFieldErrors } from '../../forms';
import { t } from '../../i18n';
import { isStale } from '../../toast';
import { KINDS, LEVELS, parseYuan, PersonPicker, SEVEN, shanghaiToday, splitList, type ChosenPerson, type StudioDetail } from './shared';
import './mw-visits.css';

type Kind = (typeof KINDS)[number];
type Level = (typeof LEVELS)[number];
type Seven = Record<(typeof SEVEN)[number], boolean>;
interface AchievementDraft { kind: Kind; title: string; year: string; value: string }
/** Up to 100 names (the server's list limit), each within the name limit, with a separator each. */
const MEMBERS_MAX = 100 * (limits.modelWorkers.personName.max + 1);
const FIELDS = ['name', 'level', 'leaderId', 'members', 'foundedOn', 'unitId', 'sevenHas', 'achievements'];

/** Fen as the plain yuan an input takes back ("50000.00"); empty when there is none. */
const yuanText = (fen: number | undefined) => (fen === undefined ? '' : (fen / 100).toFixed(2));

/**
 * A 创新工作室's fields: name, level, leader (a 劳模 record), members, founding date, member union, the 七有 ticks and
 * achievements. New (`studio` absent) or an edit of the studio read: the version read is sent (`version()` follows a
 * reload), errors sit beside their fields, and a stale save offers a reload that keeps what was typed.
 */
export function StudioForm(props: { studio?: StudioDetail; version?: () => number; onReload?: () => void; onSaved: (s: { studioId: string; name: string }) => void; onCancel?: () => void }) {
  const s = props.studio;
  const editing = !!s;
  const [name, setName] = createSignal(s?.name ?? '');
  const [level, setLevel] = createSignal<Level>(s?.level ?? 'city');
  const [leader, setLeader] = createSignal<ChosenPerson | undefined>(s ? { personId: s.leader.personId, name: s.leader.name ?? s.leader.nameMasked, idMasked: s.leader.idMasked } : undefined);
  const [members, setMembers] = createSignal(s?.members.join('、') ?? '');
  const [foundedOn, setFoundedOn] = createSignal(s?.foundedOn ?? shanghaiToday());
  const [unitId, setUnitId] = createSignal(s?.unitId ?? '');
  const [seven, setSeven] = createSignal<Seven>(s ? { ...s.sevenHas } : (Object.fromEntries(SEVEN.map((k) => [k, false])) as Seven));
  const [achievements, setAchievements] = createSignal<AchievementDraft[]>((s?.achievements ?? []).map((a) => ({ kind: a.kind, title: a.title, year: String(a.year), value: yuanText(a.valueFen) })));
  const [busy, setBusy] = createSignal(false);
  const [saveError, setSaveError] = createSignal<unknown>();
  const [unitList] = createResource(() => query('units.list', { limit: 200 }));
  const units = () => (unitList.error ? undefined : unitList());
  const fields = createFieldErrors();

  const setAchievement = (i: number, patch: Partial<AchievementDraft>) => setAchievements((a) => a.map((x, j) => (j === i ? { ...x, ...patch } : x)));

  async function save(e: Event) {
    e.preventDefault();
    setSaveError(undefined);
    const l = leader();
    if (!l) return fields.setErrors({ leaderId: () => t('mwVisits.studio.leaderMissing') });
    const local: Record<string, () => string> = {};
    const drafts = achievements().map((a, i) => {
      const valueFen = a.value.trim() ? parseYuan(a.value) : undefined;
      if (a.value.trim() && valueFen === undefined) local[`achievements.${i}.valueFen`] = () => t('mwVisits.studio.money');
      return { kind: a.kind, title: a.title.trim(), year: Number(a.year), ...(valueFen !== undefined ? { valueFen } : {}) };
    });
    if (Object.keys(local).length) return fields.setErrors(local);
    fields.clear();
    setBusy(true);
    const input = { name: name().trim(), level: level(), leaderId: l.personId, members: splitList(members()), foundedOn: foundedOn(), ...(unitId() ? { unitId: unitId() } : {}), sevenHas: seven(), achievements: drafts };
    try {
      const done = s ? await mutate('modelWorkers.studios.update', { studioId: s.studioId, version: props.version?.() ?? s.version, ...input }) : await mutate('modelWorkers.studios.create', input);
      props.onSaved(done);
    } catch (err) {
      if (isStale(err) || !fields.placed(err, [...FIELDS, ...achievements().flatMap((_, i) => [`achievements.${i}.title`, `achievements.${i}.year`, `achievements.${i}.valueFen`])])) setSaveError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="mwv-form" onSubmit={(e) => void save(e)} novalidate aria-label={editing ? t('mwVisits.studio.editTitle') : t('mwVisits.studio.newTitle')}>
      <Input id="mwv-studio-name" label={t('mwVisits.studio.name')} value={name()} onValue={setName} rule={limits.modelWorkers.studioName} required error={fields.get('name')} />
      <div class="field">
        <label for="mwv-studio-level-new">{t('mwVisits.studio.level')}</label>
        <select id="mwv-studio-level-new" class="input" value={level()} onChange={(e) => setLevel(e.currentTarget.value as Level)}>
          <For each={LEVELS}>{(l) => <option value={l}>{t(`mwVisits.level.${l}`)}</option>}</For>
        </select>
      </div>
      <fieldset>
        <legend>{t('mwVisits.studio.leader')}</legend>
        <PersonPicker id="mwv-leader" chosen={leader()} onChoose={setLeader} error={fields.get('leaderId')} />
        <Show when={leader() && fields.get('leaderId')}>
          {(msg) => (
            <p class="field__error" role="alert">
              {(msg() as () => string)()}
            </p>
          )}
        </Show>
      </fieldset>
      <Input id="mwv-members" label={t('mwVisits.studio.members')} hint={t('mwVisits.studio.membersHint')} value={members()} onValue={setMembers} maxLength={MEMBERS_MAX} error={fields.get('members')} />
      <Input id="mwv-founded" label={t('mwVisits.studio.foundedOn')} type="date" value={foundedOn()} onValue={setFoundedOn} required error={fields.get('foundedOn')} />
      <div class="field" classList={{ 'field--invalid': !!fields.get('unitId') }}>
        <label for="mwv-studio-unit">{t('mwVisits.studio.unit')}</label>
        <select id="mwv-studio-unit" class="input" value={unitId()} onChange={(e) => setUnitId(e.currentTarget.value)} aria-invalid={fields.get('unitId') ? 'true' : undefined} aria-describedby={fields.get('unitId') ? 'mwv-studio-unit-error' : undefined}>
          <option value="">{t('mwVisits.studio.unitNone')}</option>
          <Show when={unitId() && !(units()?.items ?? []).some((u) => u.unitId === unitId())}>
            <option value={unitId()}>{unitId()}</option>
          </Show>
          <For each={units()?.items ?? []}>{(u) => <option value={u.unitId}>{u.name}</option>}</For>
        </select>
        <Show when={fields.get('unitId')}>
          {(msg) => (
            <span class="field__error" id="mwv-studio-unit-error" role="alert">
              {msg()()}
            </span>
          )}
        </Show>
      </div>
      <fieldset>
        <legend>{t('mwVisits.studio.sevenHas')}</legend>
        <div class="mwv-checks">
          <For each={SEVEN}>
            {(k) => (
              <label class="check">
                <input type="checkbox" checked={seven()[k]} onChange={(e) => setSeven({ ...seven(), [k]: e.currentTarget.checked })} />
                {t(`mwVisits.seven.${k}`)}
              </label>
            )}
          </For>
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('mwVisits.studio.achievements')}</legend>
        <Index each={achievements()}>
          {(a, i) => (
            <div class="mwv-achievement" data-testid="mwv-achievement">
              <div class="field">
                <label for={`mwv-ach-kind-${i}`}>{t('mwVisits.studio.achKind')}</label>
                <select id={`mwv-ach-kind-${i}`} class="input" value={a().kind} onChange={(e) => setAchievement(i, { kind: e.currentTarget.value as Kind })}>
                  <For each={KINDS}>{(k) => <option value={k}>{t(`mwVisits.kind.${k}`)}</option>}</For>
                </select>
              </div>
              <Input id={`mwv-ach-title-${i}`} label={t('mwVisits.studio.achTitle')} value={a().title} onValue={(v) => setAchievement(i, { title: v })} rule={limits.modelWorkers.achievement} required error={fields.get(`achievements.${i}.title`)} />
              <div class="mwv-inline">
                <Input id={`mwv-ach-year-${i}`} label={t('mwVisits.studio.achYear')} inputmode="numeric" value={a().year} onValue={(v) => setAchievement(i, { year: v })} required error={fields.get(`achievements.${i}.year`)} />
                <Input id={`mwv-ach-value-${i}`} label={t('mwVisits.studio.achValue')} inputmode="decimal" value={a().value} onValue={(v) => setAchievement(i, { value: v })} maxLength={IDENTIFIER_INPUT_MAX} error={fields.get(`achievements.${i}.valueFen`)} />
              </div>
              <button type="button" class="btn btn--ghost btn--small" onClick={() => setAchievements((all) => all.filter((_, j) => j !== i))}>
                {t('mwVisits.studio.removeAchievement')}
              </button>
            </div>
          )}
        </Index>
        <button type="button" class="btn" onClick={() => setAchievements((all) => [...all, { kind: 'patent', title: '', year: shanghaiToday().slice(0, 4), value: '' }])}>
          {t('mwVisits.studio.addAchievement')}
        </button>
      </fieldset>
      <Show when={saveError()}>
        <SaveError
          error={saveError()}
          onReload={() => {
            setSaveError(undefined);
            props.onReload?.();
          }}
        />
      </Show>
      <div class="mwv-inline">
        <button type="submit" class="btn btn--primary" disabled={busy()}>
          {t('mwVisits.studio.save')}
        </button>
        <Show when={props.onCancel}>
          {(cancel) => (
            <button type="button" class="btn btn--ghost" onClick={() => cancel()()}>
              {t('common.cancel')}
            </button>
          )}
        </Show>
      </div>
    </form>
  );
}
