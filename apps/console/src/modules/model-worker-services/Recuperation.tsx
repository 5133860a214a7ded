import { useSearchParams } from '@solidjs/router';
import { createEffect, createMemo, createResource, createSignal, For, on, Show } from 'solid-js';
import { limits } from '@ufp/core/validation/limits';
import { mutate, query, type OutputOf } from '../../api';
import { Banner } from '../../components/Banner';
import { createConfirm } from '../../components/Confirm';
import { Input } from '../../components/Input';
import { createFieldErrors } from '../../forms';
import { t } from '../../i18n';
import { hasRole } from '../../session';
import { errorText, showError, showToast } from '../../toast';
import './mw-services.css';

type Batch = OutputOf<'modelWorkers.recuperation.get'>;
type Candidate = Batch['next'][number];
type Level = Candidate['level'];
const LEVELS = ['national', 'provincial', 'city', 'county'] as const satisfies readonly Level[];
const m = limits.modelWorkers;

const levelText = (l: Level) => t(`mwServices.level.${l}`);
/** Why a person stands where they do in the rotation: never gone / the year they last went, and their treatment. */
const reasonOf = (c: { lastWentOn: string | null; level: Level }) =>
  `${c.lastWentOn ? t('mwServices.recup.lastWent', { year: c.lastWentOn.slice(0, 4), on: c.lastWentOn }) : t('mwServices.recup.neverWent')} · ${t('mwServices.recup.treatment', { level: levelText(c.level) })}`;

/**
 * 劳模疗休养 batch planner (staff): create a batch, see who should go next by fair rotation (never gone first, then
 * whoever went longest ago, then higher treatment, then older — each with the reason), who is left out for having gone
 * within the gap, choose people up to the batch's capacity, and see the roster.
 */
export default function Recuperation() {
  const [search, setSearch] = useSearchParams<{ batch?: string }>();
  const [batches, batchesCtl] = createResource(() => query('modelWorkers.recuperation.list'));
  const [settings, settingsCtl] = createResource(() => query('modelWorkers.recuperation.settings'));
  const [batch, batchCtl] = createResource(() => search.batch, (batchId) => query('modelWorkers.recuperation.get', { batchId }));
  const [chosen, setChosen] = createSignal<string[]>([]);
  const [creating, setCreating] = createSignal(false);
  const [busy, setBusy] = createSignal(false);
  const [refusal, setRefusal] = createSignal<string>();
  const fields = createFieldErrors();
  const confirm = createConfirm();

  // ——— a new batch ———
  const [title, setTitle] = createSignal('');
  const [destination, setDestination] = createSignal('');
  const [startsOn, setStartsOn] = createSignal('');
  const [endsOn, setEndsOn] = createSignal('');
  const [capacity, setCapacity] = createSignal('20');
  const [minLevel, setMinLevel] = createSignal<Level>('city');
  const [gap, setGap] = createSignal('');

  createEffect(
    on(
      () => search.batch,
      () => {
        setChosen([]);
        setRefusal(undefined);
      },
    ),
  );

  async function create(e: Event) {
    e.preventDefault();
    fields.clear();
    try {
      const b = await mutate('modelWorkers.recuperation.create', { title: title().trim(), destination: destination().trim(), startsOn: startsOn(), endsOn: endsOn(), capacity: Number(capacity()), minLevel: minLevel() });
      showToast('success', () => t('mwServices.recup.created', { title: b.title }));
      setTitle('');
      setDestination('');
      setCreating(false);
      await batchesCtl.refetch();
      setSearch({ batch: b.batchId });
    } catch (err) {
      if (!fields.placed(err, ['title', 'destination', 'startsOn', 'endsOn', 'capacity'])) showError(err);
    }
  }

  async function saveGap(e: Event) {
    e.preventDefault();
    const s = settings();
    if (!s || gap() === '') return;
    try {
      await mutate('modelWorkers.recuperation.setSettings', { version: s.version, gapYears: Number(gap()) });
      setGap('');
      showToast('success', () => t('mwServices.saved'));
      await Promise.all([settingsCtl.refetch(), search.batch ? batchCtl.refetch() : undefined]);
    } catch (err) {
      showError(err);
    }
  }

  const room = () => {
    const b = batch();
    return b ? b.capacity - b.participants.length : 0;
  };
  const toggle = (id: string, on: boolean) => setChosen(on ? [...chosen(), id] : chosen().filter((x) => x !== id));
  /** The first `room` people of the order, the rotation's own proposal. */
  const proposeNext = () => setChosen((batch()?.next ?? []).slice(0, Math.max(0, room())).map((c) => c.personId));

  async function join() {
    const b = batch();
    if (!b || !chosen().length) return;
    setBusy(true);
    setRefusal(undefined);
    try {
      const count = chosen().length;
      await mutate('modelWorkers.recuperation.join', { batchId: b.batchId, version: b.version, personIds: chosen() });
      showToast('success', () => t('mwServices.recup.joined', { count }));
      setChosen([]);
      await Promise.all([batchCtl.refetch(), batchesCtl.refetch()]);
    } catch (err) {
      setRefusal(errorText(err));
    } finally {
      setBusy(false);
    }
  }

  async function leave(p: Batch['participants'][number]) {
    const b = batch();
    if (!b) return;
    const ok = await confirm.ask({ title: t('mwServices.recup.leaveTitle'), consequence: t('mwServices.recup.leaveConsequence', { name: p.nameMasked, title: b.title }), confirmLabel: t('mwServices.recup.leave') });
    if (!ok) return;
    try {
      await mutate('modelWorkers.recuperation.leave', { batchId: b.batchId, version: b.version, personId: p.personId });
      showToast('success', () => t('mwServices.recup.left', { name: p.nameMasked }));
      await Promise.all([batchCtl.refetch(), batchesCtl.refetch()]);
    } catch (err) {
      setRefusal(errorText(err));
    }
  }

  const sorted = createMemo(() => batches() ?? []);

  return (
    <section aria-labelledby="mwr-title" class="mws">
      <div class="page-head">
        <h1 id="mwr-title">{t('mwServices.recup.title')}</h1>
        <button type="button" class="btn btn--primary" aria-expanded={creating()} onClick={() => setCreating(!creating())}>{t('mwServices.recup.new')}</button>
      </div>
      <p class="muted">{t('mwServices.recup.intro')}</p>
      <Show when={settings()}>
        {(s) => (
          <div class="card" data-testid="mwr-settings">
            <p>{t('mwServices.recup.gap', { years: s().gapYears })}</p>
            <Show when={hasRole('federation_admin')}>
              <form class="mws-inline" onSubmit={(e) => void saveGap(e)}>
                <Input id="mwr-gap" type="number" inputmode="numeric" min={0} max={20} label={t('mwServices.recup.gapYears')} value={gap()} onValue={setGap} />
                <button type="submit" class="btn">{t('mwServices.recup.setGap')}</button>
              </form>
            </Show>
          </div>
        )}
      </Show>

      <Show when={creating()}>
        <form class="card mws-form" aria-labelledby="mwr-new-title" onSubmit={(e) => void create(e)} novalidate>
          <h2 id="mwr-new-title">{t('mwServices.recup.new')}</h2>
          <Input id="mwr-name" label={t('mwServices.recup.name')} required rule={m.campaignTitle} placeholder={t('mwServices.recup.namePlaceholder')} value={title()} onValue={setTitle} error={fields.get('title')} />
          <Input id="mwr-dest" label={t('mwServices.recup.destination')} required rule={m.enterprise} value={destination()} onValue={setDestination} error={fields.get('destination')} />
          <div class="mws-inline">
            <Input id="mwr-from" type="date" label={t('mwServices.recup.startsOn')} required value={startsOn()} onValue={setStartsOn} error={fields.get('startsOn')} />
            <Input id="mwr-to" type="date" label={t('mwServices.recup.endsOn')} required value={endsOn()} onValue={setEndsOn} error={fields.get('endsOn')} />
          </div>
          <div class="mws-inline">
            <Input id="mwr-cap" type="number" inputmode="numeric" min={1} max={500} label={t('mwServices.recup.capacity')} required value={capacity()} onValue={setCapacity} error={fields.get('capacity')} />
            <div class="field">
              <label for="mwr-level">{t('mwServices.recup.minLevel')}</label>
              <select id="mwr-level" class="input" value={minLevel()} onChange={(e) => setMinLevel(e.currentTarget.value as Level)}>
                <For each={LEVELS}>{(l) => <option value={l}>{t('mwServices.recup.levelAndUp', { level: levelText(l) })}</option>}</For>
              </select>
            </div>
          </div>
          <div class="form__actions">
            <button type="button" class="btn" onClick={() => setCreating(false)}>{t('common.cancel')}</button>
            <button type="submit" class="btn btn--primary">{t('mwServices.recup.create')}</button>
          </div>
        </form>
      </Show>

      <Show when={batches.error}><Banner kind="error">{errorText(batches.error)}</Banner></Show>
      <div class="card">
        <h2>{t('mwServices.recup.batches')}</h2>
        <Show when={sorted().length} fallback={<p class="muted">{batches.loading ? t('common.loading') : t('mwServices.recup.noBatches')}</p>}>
          <ul class="mwr-batches" data-testid="mwr-batches">
            <For each={sorted()}>
              {(b) => (
                <li classList={{ 'mwr-batch--current': search.batch === b.batchId }}>
                  <div>
                    <strong>{b.title}</strong>
                    <span class="muted"> · {b.destination} · {b.startsOn} ~ {b.endsOn}</span>
                    <span class="muted"> · {t('mwServices.recup.taken', { taken: b.participants.length, capacity: b.capacity })}</span>
                  </div>
                  <button type="button" class="btn btn--small" aria-label={`${t('mwServices.recup.open')} ${b.title}`} aria-current={search.batch === b.batchId ? 'true' : undefined} onClick={() => setSearch({ batch: b.batchId })}>
                    {t('mwServices.recup.open')}
                  </button>
                </li>
              )}
            </For>
          </ul>
        </Show>
      </div>

      <Show when={batch.error}><Banner kind="error">{errorText(batch.error)}</Banner></Show>
      <Show when={!batch.error && batch()}>
        {(b) => (
          <>
            <div class="card" aria-labelledby="mwr-batch-title" role="region">
              <h2 id="mwr-batch-title">{b().title}</h2>
              <p>
                {b().destination} · {b().startsOn} ~ {b().endsOn} · {t('mwServices.recup.minLevelShort', { level: levelText(b().minLevel as Level) })}
              </p>
              <p data-testid="mwr-room"><strong>{t('mwServices.recup.taken', { taken: b().participants.length, capacity: b().capacity })}</strong></p>
              <h3>{t('mwServices.recup.roster')}</h3>
              <Show when={b().participants.length} fallback={<p class="muted">{t('mwServices.recup.rosterEmpty')}</p>}>
                <ol class="mwr-list" data-testid="mwr-roster">
                  <For each={b().participants}>
                    {(p) => (
                      <li>
                        <div>
                          <strong>{p.nameMasked}</strong>
                          <span class="muted"> · {t('mwServices.recup.addedBy', { on: p.addedOn, by: p.addedByName ?? '—' })}</span>
                        </div>
                        <button type="button" class="btn btn--small btn--ghost" aria-label={`${t('mwServices.recup.leave')} ${p.nameMasked}`} onClick={() => void leave(p)}>{t('mwServices.recup.leave')}</button>
                      </li>
                    )}
                  </For>
                </ol>
              </Show>
            </div>

            <div class="card">
              <h3>{t('mwServices.recup.order')}</h3>
              <p class="muted">{t('mwServices.recup.orderRule', { years: b().gapYears })}</p>
              <Show when={b().next.length} fallback={<p class="muted">{t('mwServices.recup.nobody')}</p>}>
                <Show when={room() > 0} fallback={<p class="muted">{t('mwServices.recup.full')}</p>}>
                  <p>
                    <button type="button" class="btn btn--small" onClick={proposeNext}>{t('mwServices.recup.propose', { count: Math.min(room(), b().next.length) })}</button>
                  </p>
                </Show>
                <ol class="mwr-list mwr-order" data-testid="mwr-order">
                  <For each={b().next}>
                    {(c: Candidate, i) => {
                      const checked = () => chosen().includes(c.personId);
                      return (
                        <li classList={{ 'mwr-chosen': checked() }}>
                          <label class="mwr-pick">
                            <input type="checkbox" checked={checked()} disabled={!checked() && chosen().length >= room()} onChange={(e) => toggle(c.personId, e.currentTarget.checked)} />
                            <span class="mwr-rank">{i() + 1}</span>
                            <span>
                              <strong>{c.nameMasked}</strong>
                              <span class="mwr-reason" data-testid="mwr-reason">{reasonOf(c)}</span>
                            </span>
                          </label>
                        </li>
                      );
                    }}
                  </For>
                </ol>
                <Show when={refusal()}>{(r) => <Banner kind="error">{r()}</Banner>}</Show>
                <div class="form__actions mwr-actions">
                  <span class="muted" aria-live="polite">{t('mwServices.recup.chosen', { count: chosen().length, room: Math.max(0, room()) })}</span>
                  <button type="button" class="btn btn--primary" disabled={busy() || !chosen().length} onClick={() => void join()}>{t('mwServices.recup.join', { count: chosen().length })}</button>
                </div>
              </Show>
            </div>

            <Show when={b().excluded.length}>
              <div class="card">
                <h3>{t('mwServices.recup.excluded', { years: b().gapYears })}</h3>
                <ul class="mwr-list" data-testid="mwr-excluded">
                  <For each={b().excluded}>
                    {(x) => (
                      <li>
                        <div>
                          <strong>{x.nameMasked}</strong>
                          <span class="mwr-reason">{t('mwServices.recup.excludedReason', { on: x.lastWentOn, from: x.eligibleFrom })} · {t('mwServices.recup.treatment', { level: levelText(x.level) })}</span>
                        </div>
                      </li>
                    )}
                  </For>
                </ul>
              </div>
            </Show>
          </>
        )}
      </Show>
      <confirm.Dialog />
    </section>
  );
}
