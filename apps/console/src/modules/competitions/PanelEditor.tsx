import { createResource, createSignal, For, Show } from 'solid-js';
import { limits } from '@ufp/core/validation/limits';
import { createStore } from 'solid-js/store';
import { query } from '../../api';
import { Banner } from '../../components/Banner';
import { Input } from '../../components/Input';
import { t } from '../../i18n';
import { errorText, showToast } from '../../toast';
import { cm } from './call';
import type { DirectoryUser, EventView } from './contract';

interface Member {
  userId: string;
  name: string;
  judge: boolean;
  chief: boolean;
  arbiter: boolean;
}

/** 裁判组 and 监督仲裁组: people picked from the federation's user directory (judges are ordinary users). */
export function PanelEditor(props: { event: EventView; onChange: (e: EventView) => void }) {
  const initial = (): Member[] => {
    const out = new Map<string, Member>();
    for (const j of props.event.panel.judges) out.set(j.userId, { userId: j.userId, name: j.name, judge: true, chief: j.chief, arbiter: false });
    for (const a of props.event.panel.arbiters) out.set(a.userId, { ...(out.get(a.userId) ?? { userId: a.userId, name: a.name, judge: false, chief: false }), arbiter: true });
    return [...out.values()];
  };
  const [members, setMembers] = createStore<Member[]>(initial());
  const [q, setQ] = createSignal('');
  const [search, setSearch] = createSignal('');
  const [found] = createResource(search, async (text): Promise<DirectoryUser[]> => {
    const users = await query('competitions.events.panelCandidates', text.trim() ? { q: text.trim() } : {});
    return users.map((u) => ({ userId: u.userId, name: u.name, status: 'active' as const, unitId: u.unitId }));
  });
  const [error, setError] = createSignal<unknown>();
  const [busy, setBusy] = createSignal(false);

  const add = (u: DirectoryUser) => {
    if (members.some((m) => m.userId === u.userId)) return;
    setMembers(members.length, { userId: u.userId, name: u.name, judge: true, chief: false, arbiter: false });
  };
  const save = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const next = await cm('competitions.events.setPanel', {
        eventId: props.event.eventId,
        version: props.event.version,
        judges: members.filter((m) => m.judge).map((m) => ({ userId: m.userId, chief: m.chief })),
        arbiters: members.filter((m) => m.arbiter).map((m) => m.userId),
      });
      props.onChange(next);
      showToast('success', () => t('competitions.panel.saved'));
    } catch (x) {
      setError(x);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="cmp-form" data-testid="cmp-panel-editor">
      <Show when={error()}>
        <Banner kind="error">{errorText(error())}</Banner>
      </Show>
      <ul class="cmp-list" aria-label={t('competitions.panel.members')}>
        <For each={members} fallback={<li class="muted">{t('competitions.panel.empty')}</li>}>
          {(m, i) => (
            <li class="cmp-row card">
              <strong class="cmp-wrap">{m.name}</strong>
              <label>
                <input type="checkbox" checked={m.judge} onChange={(e) => setMembers(i(), 'judge', e.currentTarget.checked)} /> {t('competitions.panel.judge')}
              </label>
              <label>
                <input type="checkbox" checked={m.chief} disabled={!m.judge} onChange={(e) => setMembers(i(), 'chief', e.currentTarget.checked)} /> {t('competitions.panel.chief')}
              </label>
              <label>
                <input type="checkbox" checked={m.arbiter} onChange={(e) => setMembers(i(), 'arbiter', e.currentTarget.checked)} /> {t('competitions.panel.arbiter')}
              </label>
              <button type="button" class="btn btn--small" aria-label={t('competitions.panel.removeName', { name: m.name })} onClick={() => setMembers((l) => l.filter((x) => x.userId !== m.userId))}>
                {t('competitions.remove')}
              </button>
            </li>
          )}
        </For>
      </ul>
      <form
        class="cmp-row"
        role="search"
        aria-label={t('competitions.panel.find')}
        onSubmit={(e) => {
          e.preventDefault();
          setSearch(q().trim() || ' ');
        }}
      >
        <Input id="cmp-panel-q" label={t('competitions.panel.find')} hint={t('competitions.panel.findHint')} rule={limits.user.search} value={q()} onValue={setQ} />
        <button type="submit" class="btn">
          {t('common.search')}
        </button>
      </form>
      <Show when={found.error}>
        <Banner kind="info">{t('competitions.panel.directoryUnavailable')}</Banner>
      </Show>
      <Show when={!found.error && found()}>
        {(users) => (
          <ul class="cmp-list" aria-label={t('competitions.panel.results')}>
            <For each={users()} fallback={<li class="muted">{t('competitions.panel.noUsers')}</li>}>
              {(u) => (
                <li class="cmp-row">
                  <span class="cmp-wrap">{u.name}</span>
                  <button type="button" class="btn btn--small" disabled={members.some((m) => m.userId === u.userId)} aria-label={t('competitions.panel.addName', { name: u.name })} onClick={() => add(u)}>
                    {t('competitions.panel.add')}
                  </button>
                </li>
              )}
            </For>
          </ul>
        )}
      </Show>
      <div class="form__actions">
        <button type="button" class="btn btn--primary" disabled={busy()} onClick={() => void save()}>
          {busy() ? t('common.saving') : t('competitions.panel.save')}
        </button>
      </div>
    </div>
  );
}
