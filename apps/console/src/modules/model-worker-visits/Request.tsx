import { A, useParams } from '@solidjs/router';
import { createMemo, createResource, createSignal, For, Show } from 'solid-js';
import { limits } from '@ufp/core/validation/limits';
import { HonourLevel } from '@ufp/model-workers/domain/enums';
import { mutate, query } from '../../api';
import { Banner } from '../../components/Banner';
import { Input, TextArea } from '../../components/Input';
import { RecordMissing } from '../../components/RecordMissing';
import { createFieldErrors } from '../../forms';
import { label, t } from '../../i18n';
import { hasRole } from '../../session';
import { errorText, showError, showToast } from '../../toast';
import { shanghaiToday } from './shared';
import './mw-visits.css';

const LOG_FIELDS = ['visitedOn', 'personIds', 'problemsSolved', 'peopleTrained', 'note'];
const count = (text: string) => (/^\d{1,6}$/.test(text.trim()) ? Number(text.trim()) : undefined);

/** One 助企行 request: its need and contact, suggested 劳模工匠 to match, the visit log form (phone first) and the visits. */
export default function Request() {
  const params = useParams<{ requestId: string }>();
  const isStaff = () => hasRole('federation_admin', 'federation_staff');
  const [loaded, ctl] = createResource(() => params.requestId, (requestId) => query('modelWorkers.visits.get', { requestId }));
  /** The request, or undefined while loading or after an error (reading an errored resource throws). */
  const request = () => (loaded.error ? undefined : loaded());
  const open = () => request()?.status !== undefined && request()!.status !== 'closed';
  const [suggested, suggestCtl] = createResource(() => (isStaff() && open() ? params.requestId : undefined), (requestId) => query('modelWorkers.visits.suggest', { requestId }));
  const suggestions = () => (suggested.error ? undefined : suggested());
  const [contact, setContact] = createSignal<{ contactName: string; contactPhone: string }>();
  const [picked, setPicked] = createSignal<string[]>([]);
  const [went, setWent] = createSignal<string[]>([]);
  const [visitedOn, setVisitedOn] = createSignal(shanghaiToday());
  const [problems, setProblems] = createSignal('0');
  const [trained, setTrained] = createSignal('0');
  const [note, setNote] = createSignal('');
  const [closes, setCloses] = createSignal(false);
  const [busy, setBusy] = createSignal(false);
  const [refusal, setRefusal] = createSignal<string>();
  const fields = createFieldErrors();

  /** Who may be ticked as having gone: the people matched, then the other suggestions. */
  const goers = createMemo(() => {
    const r = request();
    const out = new Map<string, string>();
    for (const m of r?.matched ?? []) out.set(m.personId, m.name ?? m.nameMasked);
    for (const s of suggestions() ?? []) if (!out.has(s.personId)) out.set(s.personId, s.name);
    return [...out].map(([personId, name]) => ({ personId, name }));
  });

  const toggle = (list: () => string[], set: (v: string[]) => void, id: string, on: boolean) => set(on ? [...list(), id] : list().filter((x) => x !== id));

  async function reveal() {
    try {
      setContact(await mutate('modelWorkers.visits.reveal', { requestId: params.requestId }));
    } catch (err) {
      showError(err);
    }
  }

  async function match() {
    const r = request();
    if (!r) return;
    if (!picked().length) return setRefusal(t('mwVisits.suggest.pickSome'));
    setRefusal(undefined);
    try {
      const chosen = picked();
      await mutate('modelWorkers.visits.match', { requestId: r.requestId, version: r.version, personIds: chosen });
      showToast('success', () => t('mwVisits.suggest.matchedDone', { n: chosen.length }));
      setWent(chosen);
      setPicked([]);
      await ctl.refetch();
    } catch (err) {
      setRefusal(errorText(err));
    }
  }

  async function log(e: Event) {
    e.preventDefault();
    const r = request();
    if (!r) return;
    setRefusal(undefined);
    const p = count(problems());
    const n = count(trained());
    const local: Record<string, () => string> = {};
    if (p === undefined) local.problemsSolved = () => t('mwVisits.log.number');
    if (n === undefined) local.peopleTrained = () => t('mwVisits.log.number');
    if (!went().length) local.personIds = () => t('mwVisits.log.pickSome');
    if (Object.keys(local).length) return fields.setErrors(local);
    fields.clear();
    setBusy(true);
    try {
      const done = await mutate('modelWorkers.visits.log', { requestId: r.requestId, version: r.version, visitedOn: visitedOn(), personIds: went(), problemsSolved: p!, peopleTrained: n!, note: note().trim() || undefined, closes: closes() });
      showToast('success', () => t('mwVisits.log.done', { problems: p!, trained: n! }) + (done.status === 'closed' ? `，${t('mwVisits.log.closed')}` : ''));
      setProblems('0');
      setTrained('0');
      setNote('');
      setCloses(false);
      await Promise.all([ctl.refetch(), suggestCtl.refetch()]);
    } catch (err) {
      if (!fields.placed(err, LOG_FIELDS)) setRefusal(errorText(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="mwv-request-title" class="mwv">
      <p>
        <A href="/model-worker-visits">← {t('mwVisits.request.back')}</A>
      </p>
      <Show when={loaded.error}>
        <RecordMissing error={loaded.error} backHref="/model-worker-visits" backLabel={t('mwVisits.request.back')} onRetry={() => void ctl.refetch()} />
      </Show>
      <Show when={request()}>
        {(r) => (
          <>
            <div class="page-head">
              <h1 id="mwv-request-title">{r().enterprise}</h1>
              <span class={`mwv-badge mwv-status--${r().status}`} data-testid="mwv-status">
                {t(`mwVisits.status.${r().status}`)}
              </span>
            </div>
            <div class="card">
              <dl class="mwv-facts">
                <dt>{t('mwVisits.request.need')}</dt>
                <dd>{r().need}</dd>
                <dt>{t('mwVisits.col.skills')}</dt>
                <dd>{r().skills.join('、')}</dd>
                <dt>{t('mwVisits.col.filedOn')}</dt>
                <dd>{r().filedOn}</dd>
                <dt>{t('mwVisits.request.contact')}</dt>
                <dd>
                  <Show when={contact()} fallback={<>{`${r().contactNameMasked} ${r().phoneMasked}`} </>}>
                    {(c) => t('mwVisits.request.revealed', { name: c().contactName, phone: c().contactPhone })}
                  </Show>
                  <Show when={isStaff() && !contact()}>
                    <button type="button" class="btn btn--ghost btn--small" onClick={() => void reveal()}>
                      {t('mwVisits.request.reveal')}
                    </button>
                  </Show>
                </dd>
                <dt>{t('mwVisits.request.matched')}</dt>
                <dd data-testid="mwv-matched">{r().matched.length ? r().matched.map((m) => m.name ?? m.nameMasked).join('、') : t('mwVisits.request.noneMatched')}</dd>
              </dl>
              <p class="mwv-totals">{t('mwVisits.board.totals', { visits: r().visitCount, problems: r().problemsSolved, trained: r().peopleTrained })}</p>
            </div>
            <Show when={refusal()}>{(msg) => <Banner kind="error">{msg()}</Banner>}</Show>
            <Show when={isStaff() && open()}>
              <div class="card">
                <h2>{t('mwVisits.suggest.title')}</h2>
                <p class="muted">{t('mwVisits.suggest.intro')}</p>
                <Show when={suggested.error}>
                  <Banner kind="error">{errorText(suggested.error)}</Banner>
                </Show>
                <Show when={suggestions()}>
                  {(list) => (
                    <Show when={list().length} fallback={<p class="muted">{t('mwVisits.suggest.none')}</p>}>
                      <ul class="mwv-list" data-testid="mwv-suggestions">
                        <For each={list()}>
                          {(s) => (
                            <li>
                              <label class="check">
                                <input type="checkbox" checked={picked().includes(s.personId)} onChange={(e) => toggle(picked, setPicked, s.personId, e.currentTarget.checked)} />
                                <span>
                                  <strong>{s.name}</strong> {s.trade ?? ''} · {label(HonourLevel.labels[s.level])}
                                </span>
                              </label>
                              <span class="muted mwv-why">
                                {[s.skillMatches.length ? t('mwVisits.suggest.skills', { skills: s.skillMatches.join('、') }) : '', s.occupationMatch ? t('mwVisits.suggest.occupation') : '', t('mwVisits.suggest.load', { n: s.visitsThisYear })].filter(Boolean).join(' · ')}
                              </span>
                            </li>
                          )}
                        </For>
                      </ul>
                      <button type="button" class="btn" onClick={() => void match()}>
                        {t('mwVisits.suggest.match')}
                      </button>
                    </Show>
                  )}
                </Show>
              </div>
              <form class="card mwv-form" onSubmit={(e) => void log(e)} novalidate>
                <h2>{t('mwVisits.log.title')}</h2>
                <Input id="mwv-visited-on" label={t('mwVisits.log.visitedOn')} type="date" value={visitedOn()} onValue={setVisitedOn} required error={fields.get('visitedOn')} />
                <fieldset aria-describedby={fields.get('personIds') ? 'mwv-went-error' : undefined}>
                  <legend>{t('mwVisits.log.people')}</legend>
                  <p class="muted">{t('mwVisits.log.peopleHint')}</p>
                  <For each={goers()}>
                    {(g) => (
                      <label class="check">
                        <input type="checkbox" checked={went().includes(g.personId)} onChange={(e) => toggle(went, setWent, g.personId, e.currentTarget.checked)} />
                        {g.name}
                      </label>
                    )}
                  </For>
                  <Show when={fields.get('personIds')}>
                    {(msg) => (
                      <p id="mwv-went-error" class="field__error" role="alert">
                        {msg()()}
                      </p>
                    )}
                  </Show>
                </fieldset>
                <div class="mwv-inline">
                  <Input id="mwv-problems" label={t('mwVisits.log.problems')} inputmode="numeric" value={problems()} onValue={setProblems} required error={fields.get('problemsSolved')} />
                  <Input id="mwv-trained" label={t('mwVisits.log.trained')} inputmode="numeric" value={trained()} onValue={setTrained} required error={fields.get('peopleTrained')} />
                </div>
                <TextArea id="mwv-note" label={t('mwVisits.log.note')} value={note()} onValue={setNote} rule={limits.modelWorkers.note} error={fields.get('note')} />
                <label class="check">
                  <input type="checkbox" checked={closes()} onChange={(e) => setCloses(e.currentTarget.checked)} />
                  {t('mwVisits.log.closes')}
                </label>
                <button type="submit" class="btn btn--primary" disabled={busy()}>
                  {t('mwVisits.log.submit')}
                </button>
              </form>
            </Show>
            <div class="card">
              <h2>{t('mwVisits.visits.title')}</h2>
              <Show when={r().visits.length} fallback={<p class="muted">{t('mwVisits.visits.none')}</p>}>
                <ul class="mwv-list" data-testid="mwv-visits">
                  <For each={r().visits}>
                    {(v) => (
                      <li>
                        <span>
                          {t('mwVisits.visits.line', { on: v.visitedOn, people: v.people.map((p) => p.name ?? p.nameMasked).join('、'), problems: v.problemsSolved, trained: v.peopleTrained })}
                          {v.closes ? t('mwVisits.visits.closes') : ''}
                          <Show when={v.note}>
                            <br />
                            <span class="muted">{v.note}</span>
                          </Show>
                        </span>
                      </li>
                    )}
                  </For>
                </ul>
              </Show>
            </div>
          </>
        )}
      </Show>
    </section>
  );
}
