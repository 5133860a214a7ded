import { A, useParams } from '@solidjs/router';
import { createResource, createSignal, For, onCleanup, Show } from 'solid-js';
import { limits } from '@ufp/core/validation/limits';
import { ApiError } from '../../api';
import { Banner } from '../../components/Banner';
import { DataTable } from '../../components/DataTable';
import { Field } from '../../components/Field';
import { TextArea } from '../../components/Input';
import { ConfirmPanel } from '../../components/Panel';
import { yuan } from '../../format';
import { formatDateTime, t } from '../../i18n';
import { hasRole } from '../../session';
import { errorText, showToast } from '../../toast';
import { cm, cq } from './call';
import type { EventView, ResultLineView, ResultsView, StageKind as Kind } from './contract';
import { PageError } from './PageError';
import { bi, label, marks, StageKind } from './shared';
import './competitions.css';

/** The time left until `endsAt`, ticking every second ("01:59:58"); null once it has passed. */
export function createCountdown(endsAt: () => string | undefined) {
  const [now, setNow] = createSignal(Date.now());
  const timer = setInterval(() => setNow(Date.now()), 1000);
  onCleanup(() => clearInterval(timer));
  return () => {
    const end = endsAt();
    if (!end) return null;
    const left = Math.floor((Date.parse(end) - now()) / 1000);
    if (left < 0) return null;
    const h = Math.floor(left / 3600);
    const m = Math.floor((left % 3600) / 60);
    const s = left % 60;
    return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
  };
}

const isNotFound = (e: unknown) => e instanceof ApiError && e.code === 'NOT_FOUND';

/** A stage's results: ranks with tie explanations, the protest desk with the window's countdown, finalise, prizes. */
export default function Results() {
  const params = useParams<{ eventId: string; stage: string }>();
  const [ev, { refetch: refetchEvent }] = createResource(() => params.eventId, (eventId) => cq('competitions.events.get', { eventId }));
  const [res, { refetch, mutate: setRes }] = createResource(
    () => !ev.error && ev() && { eventId: params.eventId, stage: params.stage as Kind },
    (input) => cq('competitions.results.get', input),
  );
  const title = () => `${label(StageKind, params.stage)} ${t('competitions.results.title')}`;
  return (
    <section aria-labelledby="cmp-res-title" class="cmp">
      <Show when={ev.error}>
        <PageError error={ev.error} title={t('competitions.results.title')} backHref="/competitions" backLabel={t('competitions.back')} onRetry={() => void refetchEvent()} />
      </Show>
      <Show when={!ev.error && ev.loading}>
        <h1 id="cmp-res-title">{t('competitions.results.title')}</h1>
        <p role="status">{t('common.loading')}</p>
      </Show>
      <Show when={!ev.error && !ev.loading && ev()}>
        {(e) => (
          <>
            <div class="page-head">
              <A href={`/competitions/events/${e().eventId}`}>{bi(e().name)}</A>
              <h1 id="cmp-res-title">{title()}</h1>
            </div>
            <Show when={res.error}>
              <Show when={isNotFound(res.error)} fallback={<Banner kind="error" action={<button type="button" class="btn" onClick={() => void refetch()}>{t('common.retry')}</button>}>{errorText(res.error)}</Banner>}>
                <div class="card">
                  <p>{t('competitions.results.notPublished')}</p>
                  <PublishButton event={e()} stage={params.stage} onDone={(r) => setRes(r)} />
                </div>
              </Show>
            </Show>
            <Show when={!res.error && res()}>{(r) => <ResultsBody event={e()} stage={params.stage} results={r()} onChange={(next) => setRes(next)} onReload={() => void refetch()} />}</Show>
          </>
        )}
      </Show>
    </section>
  );
}

function PublishButton(props: { event: EventView; stage: string; again?: boolean; onDone: (r: ResultsView) => void }) {
  const may = () => hasRole('federation_admin', 'federation_staff') || props.event.myPanelRoles.includes('chief');
  const [open, setOpen] = createSignal(false);
  return (
    <Show when={may()}>
      <button type="button" class="btn btn--primary" onClick={() => setOpen(true)}>
        {props.again ? t('competitions.results.publishAgain') : t('competitions.results.publish')}
      </button>
      <Show when={open()}>
        <ConfirmPanel
          id="cmp-publish"
          title={props.again ? t('competitions.results.publishAgain') : t('competitions.results.publish')}
          confirmLabel={t('competitions.results.publish')}
          {...(props.again ? { reason: { label: t('competitions.results.reason'), rule: limits.competitions.revisionReason, tooShort: () => t('competitions.results.reasonShort') } } : {})}
          run={async (reason) => props.onDone(await cm('competitions.results.publish', { eventId: props.event.eventId, stage: props.stage as Kind, ...(reason ? { reason } : {}) }))}
          onDone={() => {
            setOpen(false);
            showToast('success', () => t('competitions.results.published'));
          }}
          onCancel={() => setOpen(false)}
        >
          <p>{t('competitions.results.publishBody')}</p>
        </ConfirmPanel>
      </Show>
    </Show>
  );
}

function ResultsBody(props: { event: EventView; stage: string; results: ResultsView; onChange: (r: ResultsView) => void; onReload: () => void }) {
  const r = () => props.results;
  const isStaff = () => hasRole('federation_admin', 'federation_staff');
  const countdown = createCountdown(() => (r().status === 'final' ? undefined : r().protestWindowEndsAt));
  const windowOpen = () => countdown() !== null;
  const [confirmFinal, setConfirmFinal] = createSignal(false);
  const partName = (code: string) => {
    const p = props.event.scheme?.parts.find((x) => x.code === code);
    return p ? bi(p.name) : code;
  };
  return (
    <>
      <div class="card" data-testid="cmp-results-status">
        <p>
          <span class="cmp-badge" data-status={r().status}>
            {r().status === 'final' ? t('competitions.results.final') : t('competitions.results.provisional')}
          </span>{' '}
          {t('competitions.results.publishedAt', { at: formatDateTime(r().publishedAt) })}
          <Show when={r().finalizedAt}>{(at) => ` · ${t('competitions.results.finalizedAt', { at: formatDateTime(at()) })}`}</Show>
        </p>
        <Show when={r().hash}>
          {(h) => (
            <p class="cmp-wrap">
              {t('competitions.results.hash')}：<span class="mono">{h()}</span>
            </p>
          )}
        </Show>
        <Show when={r().status === 'final' && isStaff()}>
          <A href={`/competitions/events/${props.event.eventId}/certificates`}>{t('competitions.cert.link')}</A>
        </Show>
      </div>
      <ProtestDesk event={props.event} stage={props.stage} results={r()} countdown={countdown()} onChange={props.onReload} />
      <Show when={r().status !== 'final'}>
        <div class="card cmp-row">
          <Show when={r().protests.upheld > 0}>
            <PublishButton event={props.event} stage={props.stage} again onDone={props.onChange} />
          </Show>
          <Show when={isStaff()}>
            <button type="button" class="btn btn--primary" disabled={windowOpen()} onClick={() => setConfirmFinal(true)} data-testid="cmp-finalize">
              {t('competitions.results.finalize')}
            </button>
            <Show when={windowOpen()}>
              <span class="muted">{t('competitions.results.finalizeAfter')}</span>
            </Show>
          </Show>
        </div>
        <Show when={confirmFinal()}>
          <ConfirmPanel
            id="cmp-final"
            title={t('competitions.results.finalizeTitle')}
            confirmLabel={t('competitions.results.finalize')}
            run={async () => props.onChange(await cm('competitions.results.finalize', { eventId: props.event.eventId, stage: props.stage as Kind }))}
            onDone={() => {
              setConfirmFinal(false);
              showToast('success', () => t('competitions.results.finalized'));
            }}
            onCancel={() => setConfirmFinal(false)}
          >
            <p>{t('competitions.results.finalizeBody')}</p>
          </ConfirmPanel>
        </Show>
      </Show>
      <div class="card">
        <h2>{t('competitions.results.ranking')}</h2>
        <DataTable<ResultLineView>
          label={t('competitions.results.ranking')}
          rows={r().lines}
          columns={[
            { label: () => t('competitions.results.rank'), cell: (l) => <strong>{l.rank}</strong> },
            { label: () => t('competitions.results.workNumber'), cell: (l) => <span class="mono">{l.workNumber}</span> },
            { label: () => t('competitions.register.name'), cell: (l) => (l.name ? `${l.name}${l.unitName ? `（${l.unitName}）` : ''}` : '—') },
            { label: () => t('competitions.results.total'), cell: (l) => marks(l.totalHundredths) },
            { label: () => t('competitions.results.parts'), cell: (l) => l.parts.map((p) => `${partName(p.code)} ${marks(p.hundredths)}`).join(' · ') },
            {
              label: () => t('competitions.results.tie'),
              cell: (l) => (
                <Show when={l.tie} fallback="—">
                  {(tie) => <span class="cmp-tie">{bi(tie().explanation)}</span>}
                </Show>
              ),
            },
          ]}
        />
      </div>
      <Show when={r().prizes.length > 0}>
        <div class="card" data-testid="cmp-prizes">
          <h2>{t('competitions.results.prizes')}</h2>
          <ul class="cmp-list">
            <For each={r().prizes}>
              {(p) => (
                <li class="cmp-card">
                  <strong>{bi(p.prize.label)}</strong>
                  <span>{t('competitions.results.rankN', { n: p.rank })}</span>
                  <span class="mono">{p.workNumber}</span>
                  <span>{yuan(p.amountFen)}</span>
                </li>
              )}
            </For>
          </ul>
          <p>{t('competitions.results.prizesTotal', { total: yuan(r().prizesTotalFen) })}</p>
        </div>
      </Show>
    </>
  );
}

function ProtestDesk(props: { event: EventView; stage: string; results: ResultsView; countdown: string | null; onChange: () => void }) {
  const [list, { refetch }] = createResource(() => props.event.eventId, (eventId) => cq('competitions.protests.list', { eventId }).catch(() => []));
  const [contestants] = createResource(() => props.event.eventId, (eventId) => cq('competitions.contestants.list', { eventId }).catch(() => []));
  const mine = () => (list() ?? []).filter((p) => p.stage === props.stage);
  const isArbiter = () => props.event.myPanelRoles.includes('arbiter');
  const [contestantId, setContestantId] = createSignal('');
  const [grounds, setGrounds] = createSignal('');
  const [error, setError] = createSignal<unknown>();
  const [busy, setBusy] = createSignal(false);
  const file = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await cm('competitions.protests.file', { eventId: props.event.eventId, stage: props.stage as Kind, contestantId: contestantId(), grounds: grounds().trim() });
      setGrounds('');
      showToast('success', () => t('competitions.protests.filed'));
      void refetch();
      props.onChange();
    } catch (x) {
      setError(x);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="card" data-testid="cmp-protest-desk">
      <h2>{t('competitions.protests.desk')}</h2>
      <Show when={props.results.status !== 'final'}>
        <p>
          <Show when={props.countdown} fallback={t('competitions.protests.windowClosed', { at: formatDateTime(props.results.protestWindowEndsAt) })}>
            {(left) => (
              <>
                {t('competitions.protests.windowLeft')}{' '}
                <span class="cmp-countdown" role="timer" aria-live="off" data-testid="cmp-countdown">
                  {left()}
                </span>{' '}
                <span class="muted">{t('competitions.protests.until', { at: formatDateTime(props.results.protestWindowEndsAt) })}</span>
              </>
            )}
          </Show>
        </p>
      </Show>
      <p class="muted">{t('competitions.protests.counts', { open: props.results.protests.open, upheld: props.results.protests.upheld, dismissed: props.results.protests.dismissed })}</p>
      <ul class="cmp-list">
        <For each={mine()} fallback={<li class="muted">{t('competitions.protests.none')}</li>}>
          {(p) => (
            <li class="cmp-card card">
              <span class="cmp-badge" data-status={p.status}>
                {bi(p.statusLabel)}
              </span>
              <span>{p.contestantName ?? p.workNumber ?? ''}</span>
              <span class="muted">{formatDateTime(p.filedAt)}</span>
              <span class="cmp-wrap cmp-card__title">{p.grounds}</span>
              <Show when={p.ruling}>{(ruling) => <span class="cmp-wrap">{t('competitions.protests.ruling')}：{ruling()}</span>}</Show>
              <Show when={isArbiter() && p.status === 'open'}>
                <Decide eventId={props.event.eventId} protestId={p.protestId} onDone={() => { void refetch(); props.onChange(); }} />
              </Show>
            </li>
          )}
        </For>
      </ul>
      <Show when={props.countdown && (contestants() ?? []).length > 0}>
        <form class="cmp-form" onSubmit={file} aria-label={t('competitions.protests.file')}>
          <h3>{t('competitions.protests.file')}</h3>
          <Show when={error()}>
            <Banner kind="error">{errorText(error())}</Banner>
          </Show>
          <Field id="cmp-pr-who" label={t('competitions.protests.contestant')} required>
            <select id="cmp-pr-who" value={contestantId()} onChange={(e) => setContestantId(e.currentTarget.value)} required>
              <option value="" />
              <For each={contestants() ?? []}>{(c) => <option value={c.contestantId}>{`${c.name}（${c.unitName}）`}</option>}</For>
            </select>
          </Field>
          <TextArea id="cmp-pr-grounds" label={t('competitions.protests.grounds')} required rule={limits.competitions.protestGrounds} value={grounds()} onValue={setGrounds} />
          <div class="form__actions">
            <button type="submit" class="btn" disabled={busy() || !contestantId()}>
              {t('competitions.protests.submit')}
            </button>
          </div>
        </form>
      </Show>
    </div>
  );
}

function Decide(props: { eventId: string; protestId: string; onDone: () => void }) {
  const [outcome, setOutcome] = createSignal<'upheld' | 'dismissed'>();
  return (
    <>
      <div class="cmp-row">
        <button type="button" class="btn btn--small" onClick={() => setOutcome('upheld')}>
          {t('competitions.protests.uphold')}
        </button>
        <button type="button" class="btn btn--small" onClick={() => setOutcome('dismissed')}>
          {t('competitions.protests.dismiss')}
        </button>
      </div>
      <Show when={outcome()}>
        {(o) => (
          <ConfirmPanel
            id={`cmp-decide-${props.protestId}`}
            title={o() === 'upheld' ? t('competitions.protests.uphold') : t('competitions.protests.dismiss')}
            confirmLabel={t('competitions.protests.decide')}
            reason={{ label: t('competitions.protests.ruling'), rule: limits.competitions.protestRuling, tooShort: () => t('competitions.protests.rulingShort') }}
            run={async (ruling) => {
              await cm('competitions.protests.decide', { eventId: props.eventId, protestId: props.protestId, outcome: o(), ruling });
            }}
            onDone={() => {
              setOutcome(undefined);
              props.onDone();
            }}
            onCancel={() => setOutcome(undefined)}
          >
            <p>{o() === 'upheld' ? t('competitions.protests.upholdBody') : t('competitions.protests.dismissBody')}</p>
          </ConfirmPanel>
        )}
      </Show>
    </>
  );
}
