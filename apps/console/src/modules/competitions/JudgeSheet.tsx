import { A, useParams } from '@solidjs/router';
import { createMemo, createResource, createSignal, For, onCleanup, onMount, Show } from 'solid-js';
import { Banner } from '../../components/Banner';
import { label, t } from '../../i18n';
import { me } from '../../session';
import { errorText } from '../../toast';
import { judgingApi, marksText, stageLabel, timeText, type Aspect, type ConflictView, type ServerScore, type Sheet } from './judging-api';
import { createSyncer, isNetworkError, queueKey, ScoreQueue, type QueuedScore } from './offline-scores';
import './judging.css';

/** How often the page tries again to send what is pending (also on the browser's 'online' event). */
const RETRY_MS = 5_000;

type SyncView = 'idle' | 'syncing' | 'synced' | 'offline' | 'failed';

const markKey = (workNumber: string, aspectCode: string) => `${workNumber}\u0000${aspectCode}`;

/** "12.5" → 1250; undefined when not 0 … max hundredths with at most two decimals. */
export function parseMarks(text: string, maxHundredths: number): number | undefined {
  const m = /^(\d{1,4})(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!m) return undefined;
  const v = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return v <= maxHundredths ? v : undefined;
}

const parseMeasured = (text: string): number | undefined => (/^-?\d{1,9}$/.test(text.trim()) ? Number(text.trim()) : undefined);

/** A value as the judge entered it: 0–3, marks with two decimals, or the measured value with its unit. */
function valueText(aspect: Aspect | undefined, value: number): string {
  if (!aspect || aspect.kind === 'judgement') return String(value);
  return aspect.kind === 'marks' ? marksText(value) : `${value} ${aspect.unit}`;
}

/**
 * The judge's score sheet on a tablet: work numbers only (加密号), the scheme's aspects, large touch targets. Every
 * entry is written to the device first (offline-scores) and then synced in batches; the page keeps working without
 * network and sends what is pending when the network is back.
 */
export default function JudgeSheet() {
  const params = useParams<{ eventId: string; stage: string }>();
  const scope = createMemo(() => {
    const m = me();
    return m ? { tenantId: m.tenantId ?? '-', userId: m.sub, eventId: params.eventId, stage: params.stage } : undefined;
  });
  const [rev, setRev] = createSignal(0);
  const bump = () => setRev((n) => n + 1);
  const queue = createMemo(() => {
    const s = scope();
    return s ? new ScoreQueue(queueKey(s), localStorage) : undefined;
  });
  const entries = () => (rev(), queue()?.entries() ?? []);
  const pending = () => (rev(), queue()?.pendingCount() ?? 0);

  // The sheet: from the server, kept on the device so that a reload without network still shows it.
  const [fromCache, setFromCache] = createSignal(false);
  const cacheKey = () => {
    const s = scope();
    return s ? `${queueKey(s)}:sheet` : undefined;
  };
  const [sheet, { refetch }] = createResource(
    () => {
      const key = cacheKey();
      return key ? { eventId: params.eventId, stage: params.stage, key } : undefined;
    },
    async ({ eventId, stage, key }): Promise<Sheet> => {
      try {
        const s = await judgingApi.sheet(eventId, stage);
        try {
          localStorage.setItem(key, JSON.stringify(s));
        } catch {
          /* the cached copy is a convenience: the scores themselves are saved apart */
        }
        setFromCache(false);
        return s;
      } catch (err) {
        const cached = isNetworkError(err) ? localStorage.getItem(key) : null;
        if (!cached) throw err;
        setFromCache(true);
        return JSON.parse(cached) as Sheet;
      }
    },
  );
  const current = () => (sheet.error ? undefined : sheet());

  const aspects = createMemo(() => new Map((current()?.scheme.parts ?? []).flatMap((p) => p.aspects.map((a) => [a.code, a] as const))));
  /** What the server holds of this judge's, by mark. */
  const serverMine = createMemo(() => {
    const by = new Map<string, ServerScore>();
    for (const s of current()?.mine ?? []) {
      const k = markKey(s.workNumber, s.aspectCode);
      const prev = by.get(k);
      if (!prev || prev.recordedAt <= s.recordedAt) by.set(k, s);
    }
    return by;
  });
  const valueOf = (workNumber: string, aspectCode: string): { value: number; state: QueuedScore['state'] } | undefined => {
    rev();
    const local = queue()?.current(workNumber, aspectCode);
    if (local) return { value: local.value, state: local.state };
    const server = serverMine().get(markKey(workNumber, aspectCode));
    return server ? { value: server.value, state: 'synced' } : undefined;
  };
  const doneCount = (workNumber: string) => [...aspects().keys()].filter((code) => valueOf(workNumber, code)).length;

  const [selected, setSelected] = createSignal<string>();
  const work = () => selected() ?? current()?.workNumbers[0];

  // Sync: after every entry, on the 'online' event and on a timer while anything is pending.
  const [online, setOnline] = createSignal(typeof navigator === 'undefined' ? true : navigator.onLine);
  const [syncView, setSyncView] = createSignal<SyncView>('idle');
  const [syncError, setSyncError] = createSignal<unknown>();
  const [lastSynced, setLastSynced] = createSignal<string>();
  const syncer = createSyncer(queue, (batch) => judgingApi.submitScores(params.eventId, params.stage, batch));
  async function syncNow(): Promise<void> {
    const q = queue();
    if (!q || q.pendingCount() === 0) return;
    setSyncView('syncing');
    const r = await syncer.sync();
    bump();
    if (r.outcome === 'offline') {
      setSyncView('offline');
      return;
    }
    if (r.outcome === 'failed') {
      setSyncView('failed');
      setSyncError(r.error);
      return;
    }
    setSyncError(undefined);
    setSyncView('synced');
    setLastSynced(new Date().toISOString());
    // A conflict names the other score's value; the sheet names its client id (for the choice).
    if (q.entries().some((e) => e.state === 'conflict')) void refetch();
  }
  onMount(() => {
    const up = () => {
      setOnline(true);
      void syncNow();
      if (sheet.error || fromCache()) void refetch();
    };
    const down = () => setOnline(false);
    window.addEventListener('online', up);
    window.addEventListener('offline', down);
    const timer = setInterval(() => {
      if (pending() > 0 && navigator.onLine && syncView() !== 'syncing') void syncNow();
    }, RETRY_MS);
    void syncNow();
    onCleanup(() => {
      window.removeEventListener('online', up);
      window.removeEventListener('offline', down);
      clearInterval(timer);
    });
  });
  const offline = () => !online() || syncView() === 'offline';

  // Entering a score.
  const [storageError, setStorageError] = createSignal(false);
  const [announce, setAnnounce] = createSignal('');
  function record(workNumber: string, aspect: Aspect, value: number): boolean {
    const q = queue();
    if (!q) return false;
    try {
      q.record(workNumber, aspect.code, value, serverMine().get(markKey(workNumber, aspect.code))?.clientId);
    } catch {
      setStorageError(true);
      return false;
    }
    setStorageError(false);
    bump();
    setAnnounce(t('competitions.judging.sheet.recorded', { work: workNumber, aspect: label(aspect.name), value: valueText(aspect, value) }));
    if (online()) void syncNow();
    return true;
  }

  // Conflicts: the server's (this judge's unresolved) and those the queue got back, never merged.
  const conflicts = createMemo(() => {
    const local = entries().filter((e) => e.state === 'conflict');
    const seen = new Set(local.map((e) => e.clientId));
    const server: ConflictView[] = (current()?.conflicts ?? []).filter((c) => !seen.has(c.clientId));
    return [...local.map((e): ConflictView => ({ clientId: e.clientId, workNumber: e.workNumber, aspectCode: e.aspectCode, value: e.value, existingValue: e.existingValue })), ...server];
  });
  const inConflict = (workNumber: string, aspectCode: string) => conflicts().some((c) => c.workNumber === workNumber && c.aspectCode === aspectCode);
  const refused = () => entries().filter((e) => e.state === 'refused' && queue()?.refusedFor(e.workNumber, e.aspectCode)?.clientId === e.clientId);
  const [resolving, setResolving] = createSignal(false);
  const [resolveError, setResolveError] = createSignal<unknown>();
  async function resolve(c: ConflictView, keepClientId: string): Promise<void> {
    setResolving(true);
    setResolveError(undefined);
    try {
      await judgingApi.resolveConflict({ eventId: params.eventId, stage: params.stage, workNumber: c.workNumber, aspectCode: c.aspectCode, keepClientId });
      if (queue()?.entries().some((e) => e.clientId === c.clientId)) queue()!.resolve(c.clientId, keepClientId === c.clientId);
      bump();
      await refetch();
    } catch (err) {
      setResolveError(err);
    } finally {
      setResolving(false);
    }
  }
  const existingOf = (c: ConflictView) => {
    const held = serverMine().get(markKey(c.workNumber, c.aspectCode));
    return { clientId: c.existingClientId ?? (held && held.clientId !== c.clientId ? held.clientId : undefined), value: c.existingValue ?? held?.value };
  };

  const statusText = () => {
    if (syncView() === 'syncing') return t('competitions.judging.sheet.syncing');
    if (pending() > 0) return t('competitions.judging.sheet.pending', { count: pending() });
    if (syncView() === 'failed') return t('competitions.judging.sheet.failed');
    return t('competitions.judging.sheet.synced');
  };

  return (
    <div class="judging judge-sheet">
      <div class="page-head">
        <div>
          <h1>{t('competitions.judging.sheet.title', { stage: stageLabel(params.stage) })}</h1>
          <p class="muted">{t('competitions.judging.sheet.blind')}</p>
        </div>
      </div>

      <div class="judge-sheet__status" classList={{ 'judge-sheet__status--offline': offline() }}>
        <Show when={offline()}>
          <p class="judge-sheet__offline" role="alert" data-testid="offline-banner">
            {t('competitions.judging.sheet.offline')}
          </p>
        </Show>
        <p class="judge-sheet__sync" role="status" data-testid="sync-status" data-pending={pending()} classList={{ 'judge-sheet__sync--failed': syncView() === 'failed', 'judge-sheet__sync--pending': pending() > 0 }}>
          {statusText()}
          <Show when={lastSynced()}>{(at) => <span class="muted small"> · {t('competitions.judging.sheet.lastSynced', { time: timeText(at()) })}</span>}</Show>
        </p>
        <button type="button" class="btn judge-sheet__sync-now" disabled={pending() === 0 || syncView() === 'syncing'} onClick={() => void syncNow()}>
          {t('competitions.judging.sheet.syncNow')}
        </button>
      </div>
      <Show when={syncView() === 'failed' && syncError()}>{(err) => <Banner kind="error">{errorText(err())}</Banner>}</Show>
      <Show when={storageError()}>
        <Banner kind="error">{t('competitions.judging.sheet.storageFailed')}</Banner>
      </Show>
      <Show when={fromCache()}>
        <Banner kind="info">{t('competitions.judging.sheet.cachedSheet')}</Banner>
      </Show>
      <p class="visually-hidden" aria-live="polite">
        {announce()}
      </p>

      <Show when={sheet.error}>
        <Banner kind="error">{errorText(sheet.error)}</Banner>
        <p>
          <A href="/competitions/judging">{t('competitions.judging.back')}</A>
        </p>
      </Show>

      <Show when={conflicts().length > 0}>
        <section class="card judge-sheet__conflicts" aria-labelledby="js-conflicts" data-testid="sheet-conflicts">
          <h2 id="js-conflicts">{t('competitions.judging.sheet.conflicts')}</h2>
          <Show when={offline()}>
            <p class="muted">{t('competitions.judging.sheet.resolveOffline')}</p>
          </Show>
          <Show when={resolveError()}>{(err) => <Banner kind="error">{errorText(err())}</Banner>}</Show>
          <ul class="plain-list">
            <For each={conflicts()}>
              {(c) => {
                const aspect = () => aspects().get(c.aspectCode);
                const existing = () => existingOf(c);
                return (
                  <li class="judge-sheet__conflict">
                    <p>
                      {t('competitions.judging.sheet.conflictText', {
                        work: c.workNumber,
                        aspect: aspect() ? label(aspect()!.name) : c.aspectCode,
                        mine: valueText(aspect(), c.value),
                        existing: existing().value === undefined ? '—' : valueText(aspect(), existing().value!),
                      })}
                    </p>
                    <div class="judge-sheet__choices">
                      <button type="button" class="btn btn--primary judge-big" disabled={resolving() || offline()} onClick={() => void resolve(c, c.clientId)}>
                        {t('competitions.judging.sheet.keepMine', { value: valueText(aspect(), c.value) })}
                      </button>
                      <Show when={existing().clientId}>
                        {(id) => (
                          <button type="button" class="btn judge-big" disabled={resolving() || offline()} onClick={() => void resolve(c, id())}>
                            {t('competitions.judging.sheet.keepExisting', { value: existing().value === undefined ? '—' : valueText(aspect(), existing().value!) })}
                          </button>
                        )}
                      </Show>
                    </div>
                  </li>
                );
              }}
            </For>
          </ul>
        </section>
      </Show>

      <Show when={refused().length > 0}>
        <section class="card judge-sheet__refused" aria-labelledby="js-refused" data-testid="sheet-refused">
          <h2 id="js-refused">{t('competitions.judging.sheet.refused')}</h2>
          <ul class="plain-list">
            <For each={refused()}>
              {(e) => {
                const aspect = () => aspects().get(e.aspectCode);
                return <li>{t('competitions.judging.sheet.refusedText', { work: e.workNumber, aspect: aspect() ? label(aspect()!.name) : e.aspectCode, value: valueText(aspect(), e.value), reason: e.reason ? label(e.reason) : '' })}</li>;
              }}
            </For>
          </ul>
        </section>
      </Show>

      <Show when={current()}>
        {(s) => (
          <Show when={s().workNumbers.length > 0} fallback={<p class="card">{t('competitions.judging.sheet.noWork')}</p>}>
            <div class="judge-sheet__layout">
              <nav class="judge-sheet__works" aria-label={t('competitions.judging.sheet.workNumbers')}>
                <h2 class="judge-sheet__works-title">{t('competitions.judging.sheet.workNumbers')}</h2>
                <ul class="judge-sheet__work-list">
                  <For each={s().workNumbers}>
                    {(w) => (
                      <li>
                        <button
                          type="button"
                          class="judge-work"
                          classList={{ 'judge-work--done': doneCount(w) === aspects().size && aspects().size > 0 }}
                          aria-current={work() === w ? 'true' : undefined}
                          data-work={w}
                          onClick={() => setSelected(w)}
                        >
                          <span class="judge-work__number">{w}</span>
                          <span class="judge-work__progress">{t('competitions.judging.sheet.workProgress', { done: doneCount(w), total: aspects().size })}</span>
                        </button>
                      </li>
                    )}
                  </For>
                </ul>
              </nav>
              <Show when={work()} fallback={<p class="card">{t('competitions.judging.sheet.pick')}</p>}>
                {(w) => (
                  <section class="judge-sheet__marks" aria-labelledby="js-work" data-testid="work-marks">
                    <h2 id="js-work" class="judge-sheet__work-title">
                      {t('competitions.judging.sheet.work', { number: w() })}
                    </h2>
                    <For each={s().scheme.parts}>
                      {(part) => (
                        <fieldset class="card judge-part">
                          <legend>
                            {label(part.name)} <span class="muted small">{(part.weightBp / 100).toFixed(0)}%</span>
                          </legend>
                          <For each={part.aspects}>
                            {(aspect) => <AspectInput workNumber={w()} aspect={aspect} value={valueOf(w(), aspect.code)} locked={inConflict(w(), aspect.code)} onRecord={(v) => record(w(), aspect, v)} />}
                          </For>
                        </fieldset>
                      )}
                    </For>
                    <Show when={s().workNumbers.indexOf(w()) < s().workNumbers.length - 1}>
                      <button type="button" class="btn judge-big" onClick={() => setSelected(s().workNumbers[s().workNumbers.indexOf(w()) + 1])}>
                        {t('competitions.judging.sheet.next')}
                      </button>
                    </Show>
                  </section>
                )}
              </Show>
            </div>
          </Show>
        )}
      </Show>
    </div>
  );
}

/** One aspect of one work number: four big 0–3 buttons, or a number field with 记录. */
function AspectInput(props: { workNumber: string; aspect: Aspect; value: { value: number; state: QueuedScore['state'] } | undefined; locked: boolean; onRecord: (value: number) => boolean }) {
  const id = () => `js-${props.aspect.code}`;
  const [text, setText] = createSignal('');
  const [error, setError] = createSignal('');
  const submit = (e: Event) => {
    e.preventDefault();
    const a = props.aspect;
    const v = a.kind === 'marks' ? parseMarks(text(), a.maxHundredths) : parseMeasured(text());
    if (v === undefined) {
      setError(a.kind === 'marks' ? t('competitions.judging.sheet.invalidMarks', { max: marksText(a.maxHundredths) }) : t('competitions.judging.sheet.invalidMeasure'));
      return;
    }
    setError('');
    if (props.onRecord(v)) setText('');
  };
  const stateBadge = () => (
    <Show when={props.value}>
      {(v) => (
        <span class={`judge-state judge-state--${v().state}`} data-testid={`state-${props.aspect.code}`}>
          {t('competitions.judging.sheet.current', { value: valueText(props.aspect, v().value) })} · {t(`competitions.judging.sheet.state.${v().state === 'discarded' ? 'pending' : (v().state as Exclude<QueuedScore['state'], 'discarded'>)}`)}
        </span>
      )}
    </Show>
  );
  return (
    <div class="judge-aspect" data-aspect={props.aspect.code}>
      <div class="judge-aspect__head">
        <h3 id={`${id()}-name`} class="judge-aspect__name">
          {label(props.aspect.name)}
        </h3>
        <span class="muted small">{t('competitions.judging.sheet.max', { marks: marksText(props.aspect.maxHundredths) })}</span>
        {stateBadge()}
      </div>
      <Show when={props.locked}>
        <p class="error-text small">{t('competitions.judging.sheet.inConflict')}</p>
      </Show>
      <Show
        when={props.aspect.kind === 'judgement' ? props.aspect : undefined}
        fallback={
          <form class="judge-aspect__form" onSubmit={submit} novalidate>
            <div class="field">
              <label for={id()}>
                {props.aspect.kind === 'marks'
                  ? t('competitions.judging.sheet.marksLabel', { max: marksText(props.aspect.maxHundredths) })
                  : t('competitions.judging.sheet.measureLabel', { unit: props.aspect.kind === 'measurement' ? props.aspect.unit : '' })}
              </label>
              <Show when={props.aspect.kind === 'measurement' ? props.aspect : undefined}>
                {(m) => <span class="muted small">{t('competitions.judging.sheet.nominal', { nominal: m().nominal, tolerance: m().tolerance, unit: m().unit })}</span>}
              </Show>
              <div class="judge-aspect__row">
                <input
                  id={id()}
                  class="input judge-input"
                  inputmode={props.aspect.kind === 'marks' ? 'decimal' : 'numeric'}
                  autocomplete="off"
                  value={text()}
                  disabled={props.locked}
                  aria-invalid={error() ? 'true' : undefined}
                  aria-describedby={error() ? `${id()}-error` : undefined}
                  onInput={(e) => setText(e.currentTarget.value)}
                />
                <button type="submit" class="btn btn--primary judge-big" disabled={props.locked}>
                  {t('competitions.judging.sheet.record')}
                </button>
              </div>
              <Show when={error()}>
                <p id={`${id()}-error`} class="error-text">
                  {error()}
                </p>
              </Show>
            </div>
          </form>
        }
      >
        {(j) => (
          <div class="judge-scores" role="group" aria-labelledby={`${id()}-name`}>
            <For each={[0, 1, 2, 3]}>
              {(score) => (
                <button type="button" class="judge-score" aria-pressed={props.value?.value === score ? 'true' : 'false'} disabled={props.locked} onClick={() => props.onRecord(score)}>
                  <span class="judge-score__value">{score}</span>
                  <span class="judge-score__text">{j().descriptors[score]}</span>
                </button>
              )}
            </For>
          </div>
        )}
      </Show>
    </div>
  );
}
