import { A, useNavigate } from '@solidjs/router';
import { createSignal, For, Index, Show } from 'solid-js';
import { IDENTIFIER_INPUT_MAX, limits } from '@ufp/core/validation/limits';
import { mutate } from '../../api';
import { Banner } from '../../components/Banner';
import { Input } from '../../components/Input';
import { createFieldErrors } from '../../forms';
import { t } from '../../i18n';
import { errorText, showToast } from '../../toast';
import { KINDS, LEVELS, parseYuan, PersonPicker, SEVEN, shanghaiToday, splitList, type PersonRow } from './shared';
import './mw-visits.css';

type Kind = (typeof KINDS)[number];
interface AchievementDraft { kind: Kind; title: string; year: string; value: string }
/** Up to 100 names (the server's list limit), each within the name limit, with a separator each. */
const MEMBERS_MAX = 100 * (limits.modelWorkers.personName.max + 1);
const FIELDS = ['name', 'level', 'leaderId', 'members', 'foundedOn', 'sevenHas', 'achievements'];

/** Registers a 创新工作室: name, level, leader (a 劳模 record), members, founding date, the 七有 ticks and achievements. */
export default function NewStudio() {
  const navigate = useNavigate();
  const [name, setName] = createSignal('');
  const [level, setLevel] = createSignal<(typeof LEVELS)[number]>('city');
  const [leader, setLeader] = createSignal<PersonRow>();
  const [members, setMembers] = createSignal('');
  const [foundedOn, setFoundedOn] = createSignal(shanghaiToday());
  const [seven, setSeven] = createSignal<Record<(typeof SEVEN)[number], boolean>>(Object.fromEntries(SEVEN.map((k) => [k, false])) as Record<(typeof SEVEN)[number], boolean>);
  const [achievements, setAchievements] = createSignal<AchievementDraft[]>([]);
  const [busy, setBusy] = createSignal(false);
  const [refusal, setRefusal] = createSignal<string>();
  const fields = createFieldErrors();

  const setAchievement = (i: number, patch: Partial<AchievementDraft>) => setAchievements((a) => a.map((x, j) => (j === i ? { ...x, ...patch } : x)));

  async function save(e: Event) {
    e.preventDefault();
    setRefusal(undefined);
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
    try {
      const done = await mutate('modelWorkers.studios.create', { name: name().trim(), level: level(), leaderId: l.personId, members: splitList(members()), foundedOn: foundedOn(), sevenHas: seven(), achievements: drafts });
      showToast('success', () => t('mwVisits.studio.saved', { name: done.name }));
      navigate(`/model-worker-studios/${encodeURIComponent(done.studioId)}`);
    } catch (err) {
      const rest = fields.fromServer(err, [...FIELDS, ...achievements().flatMap((_, i) => [`achievements.${i}.title`, `achievements.${i}.year`, `achievements.${i}.valueFen`])]);
      if (rest.length || !Object.keys(fields.errors()).length) setRefusal(errorText(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="mwv-new-studio-title" class="mwv">
      <p>
        <A href="/model-worker-studios">← {t('mwVisits.studio.back')}</A>
      </p>
      <h1 id="mwv-new-studio-title">{t('mwVisits.studio.newTitle')}</h1>
      <form class="card mwv-form" onSubmit={(e) => void save(e)} novalidate>
        <Input id="mwv-studio-name" label={t('mwVisits.studio.name')} value={name()} onValue={setName} rule={limits.modelWorkers.studioName} required error={fields.get('name')} />
        <div class="field">
          <label for="mwv-studio-level-new">{t('mwVisits.studio.level')}</label>
          <select id="mwv-studio-level-new" class="input" value={level()} onChange={(e) => setLevel(e.currentTarget.value as (typeof LEVELS)[number])}>
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
        <Show when={refusal()}>{(r) => <Banner kind="error">{r()}</Banner>}</Show>
        <button type="submit" class="btn btn--primary" disabled={busy()}>
          {t('mwVisits.studio.save')}
        </button>
      </form>
    </section>
  );
}
