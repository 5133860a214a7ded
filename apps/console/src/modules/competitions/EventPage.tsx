import { A, useParams } from '@solidjs/router';
import { createResource, createSignal, For, Show } from 'solid-js';
import { Banner } from '../../components/Banner';
import { sheetLang } from '../../download';
import { DataTable } from '../../components/DataTable';
import { formatDateTime, t } from '../../i18n';
import { hasRole } from '../../session';
import { errorText } from '../../toast';
import { cm, cq } from './call';
import type { ContestantView, EventView } from './contract';
import { PageError } from './PageError';
import { PanelEditor } from './PanelEditor';
import { SchemeEditor, SchemeView } from './SchemeEditor';
import { advancementText, bi, Gender, label, saveBase64, SkillGrade, StageKind } from './shared';
import './competitions.css';

/** A 赛项: stages, marking scheme (edit and lock), panel, contestants (register, export), results and protests. */
export default function EventPage() {
  const params = useParams<{ eventId: string }>();
  const [ev, { refetch, mutate: setEv }] = createResource(() => params.eventId, (eventId) => cq('competitions.events.get', { eventId }));
  return (
    <section aria-labelledby="cmp-ev-title" class="cmp">
      <Show when={ev.error}>
        <PageError error={ev.error} title={t('competitions.event.page')} backHref="/competitions" backLabel={t('competitions.back')} onRetry={() => void refetch()} />
      </Show>
      <Show when={!ev.error && ev.loading && !ev.latest}>
        <h1 id="cmp-ev-title">{t('competitions.event.page')}</h1>
        <p role="status">{t('common.loading')}</p>
      </Show>
      <Show when={!ev.error && ev.latest}>{(e) => <EventBody event={e()} onChange={(next) => setEv(next)} />}</Show>
    </section>
  );
}

function EventBody(props: { event: EventView; onChange: (e: EventView) => void }) {
  const isStaff = () => hasRole('federation_admin', 'federation_staff');
  const [comp] = createResource(
    () => isStaff() && props.event.competitionId,
    (competitionId) => cq('competitions.competitions.get', { competitionId }).catch(() => undefined),
  );
  const e = () => props.event;
  const scored = () => e().stages.filter((s) => s.kind !== 'training');
  return (
    <>
      <div class="page-head">
        <A href={`/competitions/${e().competitionId}`}>{bi(e().competitionName) || t('competitions.back')}</A>
        <h1 id="cmp-ev-title" class="cmp-wrap">
          {bi(e().name)}
        </h1>
        <p>
          {t('competitions.event.trade')}：{e().tradeCode} · {t('competitions.contestantCount', { n: e().contestantCount })}
        </p>
      </div>
      <div class="card">
        <h2>{t('competitions.event.stages')}</h2>
        <ol class="cmp-list" data-testid="cmp-stages">
          <For each={e().stages}>
            {(s) => (
              <li class="cmp-card">
                <strong>{label(StageKind, s.kind)}</strong>
                <span>{formatDateTime(s.startsAt)}</span>
                <span class="muted">{advancementText(s.advancement)}</span>
                <Show when={s.kind !== 'training'}>
                  <A href={`/competitions/events/${e().eventId}/results/${s.kind}`}>{t('competitions.results.link')}</A>
                </Show>
              </li>
            )}
          </For>
        </ol>
        <p class="muted">
          {t('competitions.event.window', { from: formatDateTime(e().registration.opensAt), to: formatDateTime(e().registration.closesAt) })}
          {' · '}
          {t('competitions.event.trades')}：{e().registration.trades.join('、')}
          <Show when={e().registration.minGrade}>{(g) => ` · ${t('competitions.event.minGrade')}：${label(SkillGrade, g())}`}</Show>
          <Show when={e().registration.maxGrade}>{(g) => ` · ${t('competitions.event.maxGrade')}：${label(SkillGrade, g())}`}</Show>
        </p>
        <Show when={scored().length > 0 && isStaff()}>
          <A href={`/competitions/events/${e().eventId}/certificates`}>{t('competitions.cert.link')}</A>
        </Show>
      </div>
      <div class="card">
        <h2>{t('competitions.scheme.title')}</h2>
        <Show when={isStaff()} fallback={<SchemeView event={e()} />}>
          <SchemeEditor event={e()} theoryWeightMaxBp={comp()?.rules.settings.theoryWeightMaxBp ?? 3000} onChange={props.onChange} />
        </Show>
      </div>
      <Show when={isStaff()}>
        <div class="card">
          <h2>{t('competitions.panel.title')}</h2>
          <PanelEditor event={e()} onChange={props.onChange} />
        </div>
      </Show>
      <Contestants event={e()} />
      <Show when={isStaff()}>
        <Protests eventId={e().eventId} />
      </Show>
    </>
  );
}

function Contestants(props: { event: EventView }) {
  const isStaff = () => hasRole('federation_admin', 'federation_staff');
  const [list, { refetch }] = createResource(() => props.event.eventId, (eventId) => cq('competitions.contestants.list', { eventId }));
  const [error, setError] = createSignal<unknown>();
  const [busy, setBusy] = createSignal(false);
  const exportSheet = async () => {
    setBusy(true);
    setError(undefined);
    try {
      saveBase64(await cm('competitions.contestants.export', { eventId: props.event.eventId, lang: sheetLang() }));
    } catch (x) {
      setError(x);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="card">
      <h2>{t('competitions.contestants.title')}</h2>
      <div class="cmp-row">
        <A href={`/competitions/events/${props.event.eventId}/register`} class="btn btn--primary">
          {t('competitions.register.title')}
        </A>
        <Show when={isStaff()}>
          <button type="button" class="btn" disabled={busy()} onClick={() => void exportSheet()}>
            {t('competitions.contestants.export')}
          </button>
        </Show>
      </div>
      <Show when={error() ?? list.error}>
        {(x) => (
          <Banner kind="error" action={<button type="button" class="btn" onClick={() => void refetch()}>{t('common.retry')}</button>}>
            {errorText(x())}
          </Banner>
        )}
      </Show>
      <DataTable<ContestantView>
        label={t('competitions.contestants.title')}
        loading={list.loading}
        rows={list.error ? [] : (list() ?? [])}
        empty={t('competitions.contestants.empty')}
        columns={[
          { label: () => t('competitions.register.name'), cell: (c) => c.name, class: 'cell--primary' },
          { label: () => t('competitions.register.unit'), cell: (c) => c.unitName },
          { label: () => t('competitions.register.idNumber'), cell: (c) => <span class="mono">{c.idMasked}</span> },
          { label: () => t('competitions.register.gender'), cell: (c) => label(Gender, c.gender) },
          { label: () => t('competitions.register.grade'), cell: (c) => label(SkillGrade, c.skillGrade) },
          { label: () => t('competitions.contestants.stage'), cell: (c) => label(StageKind, c.stage) },
          { label: () => t('competitions.contestants.status'), cell: (c) => (c.status === 'withdrawn' ? t('competitions.contestants.withdrawn') : t('competitions.contestants.registered')) },
        ]}
      />
    </div>
  );
}

function Protests(props: { eventId: string }) {
  const [list] = createResource(() => props.eventId, (eventId) => cq('competitions.protests.list', { eventId }));
  return (
    <div class="card">
      <h2>{t('competitions.protests.title')}</h2>
      <Show when={!list.error} fallback={<p class="muted">{errorText(list.error)}</p>}>
        <ul class="cmp-list" data-testid="cmp-protests">
          <For each={list() ?? []} fallback={<li class="muted">{t('competitions.protests.none')}</li>}>
            {(p) => (
              <li class="cmp-card">
                <strong>{bi(p.stageLabel)}</strong>
                <span class="cmp-badge" data-status={p.status}>
                  {bi(p.statusLabel)}
                </span>
                <span class="cmp-wrap">{p.grounds}</span>
                <Show when={p.ruling}>{(r) => <span class="muted cmp-wrap">{r()}</span>}</Show>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </div>
  );
}
