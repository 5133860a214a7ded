import { AuditIntegrity } from '../../components/AuditIntegrity';
import { changedDays, WorkCalendar, type HolidayNotice } from '@ufp/core/calendar/calendar';
import { parseNoticeDays, readStateCouncilNotice, type ParsedEntry } from '@ufp/core/calendar/parse';
import { createMemo, createResource, createSignal, For, onCleanup, Show } from 'solid-js';
import { ApiError, mutate, query, type InputOf, type RouterOutputs } from '../../api';
import { Banner } from '../../components/Banner';
import { createConfirm } from '../../components/Confirm';
import { SaveError } from '../../components/RecordMissing';
import { DataTable } from '../../components/DataTable';
import { Input, TextArea } from '../../components/Input';
import { formatDateTime, label, shortId, t } from '../../i18n';
import { errorText, isStale, showToast } from '../../toast';

type AuditRow = RouterOutputs['audit']['platform']['items'][number];
import '../contracts/contracts.css';
import { limits } from '@ufp/core/validation/limits';

type Notice = CalendarData['notices'][number];
type CalendarData = RouterOutputs['contracts']['calendar']['get'];
type LoadResult = RouterOutputs['contracts']['calendar']['load'];
type RecheckJob = RouterOutputs['contracts']['calendar']['job'];

/**
 * An operator by name (the one written with the entry or the platform directory's); one known to neither is
 * labelled as the platform's operator with a short form of the subject, never the bare subject alone.
 */
const operatorName = (sub: string | undefined, name: string | undefined): string => name || t('calendar.operatorFallback', { id: sub ? shortId(sub) : '—' });

const rangeText = (r: HolidayNotice['off'][number]) => (typeof r === 'string' ? r.slice(5) : `${r[0].slice(5)}–${r[1].slice(5)}`);

/**
 * The platform operator's holiday calendar (节假日安排): the years the legal clocks know, and a
 * form that loads a year's State Council notice as data for every tenant at once, with a preview
 * of the working days it changes, the API's problems beside each entry, and the platform audit log.
 */
export default function HolidayCalendar() {
  const [data, { refetch }] = createResource(() => query('contracts.calendar.get'));
  const [log, { refetch: refetchLog }] = createResource(() => query('audit.platform', { limit: 20 }));
  return (
    <section aria-labelledby="calendar-title">
      <div class="page-head">
        <div>
          <h1 id="calendar-title">{t('calendar.holidayCalendar')}</h1>
          <p class="muted">
            {t('calendar.legalClocksCountWorkingDays')}
          </p>
        </div>
      </div>
      <Show when={data.error}>
        <Banner kind="error" action={<button type="button" class="btn" onClick={() => void refetch()}>{t('calendar.retry')}</button>}>{errorText(data.error)}</Banner>
      </Show>
      <Show when={!data.error && data()}>
        {(d) => (
          <>
            <p data-testid="covered-years">
              {t('calendar.coveredYears')}
              <strong>{d().coveredYears.join(t('calendar.text'))}</strong>
            </p>
            <div class="calendar-notices">
              <DataTable<Notice>
                label={t('calendar.holidayNoticesInForce')}
                rows={d().notices}
                columns={[
                  { label: () => t('calendar.year'), cell: (n) => <strong>{n.year}</strong> },
                  { label: () => t('calendar.notice'), cell: (n) => n.source },
                  { label: () => t('calendar.daysOff'), cell: (n) => n.off.map(rangeText).join('；') },
                  { label: () => t('calendar.workedWeekendDays'), cell: (n) => n.work.map((w) => w.slice(5)).join('、') || '—' },
                  {
                    label: () => t('calendar.origin'),
                    cell: (n) => (n.origin === 'shipped' ? t('calendar.shipped') : t('calendar.loadedV', { version: n.version, loadedAt: formatDateTime(n.loadedAt), by: operatorName(n.loadedBy, n.loadedByName) })),
                  },
                ]}
              />
            </div>
            <LoadForm
              data={d()}
              onLoaded={() => {
                void refetch();
                void refetchLog();
              }}
            />
          </>
        )}
      </Show>
      <h2>{t('calendar.platformAuditLog')}</h2>
      <AuditIntegrity procedure="audit.verifyPlatform" />
      <Show when={log.error}>
        <Banner kind="error">{errorText(log.error)}</Banner>
      </Show>
      <DataTable<AuditRow>
        label={t('calendar.platformAuditLog')}
        rows={log()?.items ?? []}
        loading={log.loading}
        empty={t('calendar.noEntries')}
        columns={[
          { label: () => t('calendar.at'), cell: (r) => formatDateTime(r.at) },
          { label: () => t('calendar.actor'), cell: (r) => <span title={r.actor} data-testid="platform-audit-actor">{operatorName(r.actor, r.actorName)}</span> },
          { label: () => t('calendar.action'), cell: (r) => r.action },
          { label: () => t('calendar.summary'), cell: (r) => <span data-testid="platform-audit-summary">{r.summary}</span> },
        ]}
      />
    </section>
  );
}

type Problems = Record<'year' | 'source' | 'version' | 'off' | 'work', { index?: number; text: string }[]>;
const noProblems = (): Problems => ({ year: [], source: [], version: [], off: [], work: [] });

/** A load's re-check of every tenant's clocks, followed until every tenant is counted (each in a consumer of its own). */
function RecheckProgress(props: { jobId: string }) {
  const [job, setJob] = createSignal<RecheckJob>();
  const [failed, setFailed] = createSignal<unknown>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const poll = async () => {
    try {
      const next = await query('contracts.calendar.job', { jobId: props.jobId });
      setJob(next);
      setFailed(undefined);
      if (!next.done) timer = setTimeout(poll, 1000);
    } catch (err) {
      setFailed(err);
      timer = setTimeout(poll, 3000);
    }
  };
  void poll();
  onCleanup(() => clearTimeout(timer));
  return (
    <span class="recheck" data-testid="calendar-recheck">
      <Show when={job()} fallback={<span class="muted">{t('calendar.recheck.starting')}</span>}>
        {(j) => (
          <Show
            when={j().done}
            fallback={
              <span class="recheck__bar">
                <progress max={Math.max(j().tenants ?? 1, 1)} value={j().checked} aria-label={t('calendar.recheck.label')} />
                <span>{j().tenants === null ? t('calendar.recheck.starting') : t('calendar.recheck.progress', { checked: j().checked, tenants: j().tenants ?? 0 })}</span>
              </span>
            }
          >
            <span data-testid="calendar-result">
              {t('calendar.loadedVClockSOf', { year: j().year, version: j().version, tenants: j().clocks.tenants, changed: j().clocks.changed, nowExact: j().clocks.nowExact })}
            </span>
          </Show>
        )}
      </Show>
      <Show when={failed()}>
        <span class="muted">{errorText(failed())}</span>
      </Show>
    </span>
  );
}

function LoadForm(props: { data: CalendarData; onLoaded: () => void }) {
  const nextYear = () => Math.max(Number(props.data.today.slice(0, 4)), ...props.data.coveredYears) + 1;
  const [year, setYear] = createSignal(nextYear());
  const [source, setSource] = createSignal('');
  const [offText, setOffText] = createSignal('');
  const [workText, setWorkText] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  const [problems, setProblems] = createSignal<Problems>(noProblems());
  const [banner, setBanner] = createSignal('');
  const [result, setResult] = createSignal<LoadResult>();
  const [stale, setStale] = createSignal<unknown>();
  const confirm = createConfirm();

  const [readFromNotice, setReadFromNotice] = createSignal<{ off: number; work: number }>();
  /** Text pasted verbatim from the State Council notice fills both lists with the form's own lines. */
  function pasteIntoOff(text: string) {
    const notice = readStateCouncilNotice(text);
    if (!notice) {
      setOffText(text);
      return;
    }
    setOffText(notice.off.join('\n'));
    setWorkText([workText().trim(), ...notice.work].filter(Boolean).join('\n'));
    setReadFromNotice({ off: notice.off.length, work: notice.work.length });
  }
  const off = createMemo(() => parseNoticeDays(year(), offText()));
  const work = createMemo(() => parseNoticeDays(year(), workText()));
  const unreadable = createMemo(() => [...off(), ...work()].filter((e) => e.problem));
  const existing = () => props.data.notices.find((n) => n.year === year());
  const preview = createMemo(() => {
    if (!Number.isInteger(year()) || unreadable().length || !off().length) return undefined;
    const notices = props.data.notices.filter((n) => n.year !== year());
    const next: HolidayNotice = { year: year(), source: source(), off: off().map((e) => e.value!), work: work().map((e) => e.value as string) };
    return changedDays(year(), new WorkCalendar(props.data.notices), new WorkCalendar([...notices, next]));
  });

  async function submit(e: SubmitEvent) {
    e.preventDefault();
    setBanner('');
    setProblems(noProblems());
    if (unreadable().length || !off().length) {
      setProblems({ ...noProblems(), off: off().length ? [] : [{ text: t('calendar.enterAtLeastOneDay') }] });
      return;
    }
    const changes = preview();
    const ok = await confirm.ask({
      title: t('calendar.confirm.title', { year: year() }),
      consequence: t('calendar.confirm.body', { year: year() }),
      facts: [
        { label: t('calendar.confirm.source'), value: source().trim() },
        { label: t('calendar.confirm.changes'), value: changes ? t('calendar.againstTheCalendarNowWorking', { toRest: changes.toRest.length, toWork: changes.toWork.length }) : '—' },
      ],
      confirmLabel: t('calendar.confirm.load'),
    });
    if (!ok) return;
    setStale(undefined);
    setBusy(true);
    try {
      const input = { year: year(), version: existing()?.origin === 'loaded' ? (existing()!.version ?? 0) : 0, source: source().trim(), off: off().map((x) => x.value), work: work().map((x) => x.value) };
      const res = await mutate('contracts.calendar.load', input as InputOf<'contracts.calendar.load'>);
      setResult(res);
      showToast('success', () => t('calendar.holidayNoticeForLoaded', { year: res.year }));
      props.onLoaded();
    } catch (err) {
      if (isStale(err)) {
        setStale(err);
        return;
      }
      const grouped = noProblems();
      const rest: string[] = [];
      for (const issue of err instanceof ApiError ? err.issues : []) {
        const [field, index] = issue.path;
        const text = label({ zh: issue.message, en: issue.messageEn ?? issue.message });
        if (typeof field === 'string' && field in grouped) grouped[field as keyof Problems].push({ ...(typeof index === 'number' ? { index } : {}), text });
        else rest.push(text);
      }
      setProblems(grouped);
      if (rest.length || !Object.values(grouped).some((l) => l.length)) setBanner(rest.join('；') || errorText(err));
    } finally {
      setBusy(false);
    }
  }

  const issuesOf = (field: 'off' | 'work', entries: ParsedEntry[]) => [
    ...entries.flatMap((e, i) => (e.problem ? [{ index: i, text: label(e.problem) }] : [])),
    ...problems()[field],
  ];
  const errorOf = (field: keyof Problems) => (problems()[field].length ? () => problems()[field].map((p) => p.text).join('；') : undefined);

  const entryList = (field: 'off' | 'work', entries: () => ParsedEntry[]) => (
    <Show when={issuesOf(field, entries()).length}>
      <ul class="field__error" role="alert" data-testid={`problems-${field}`}>
        <For each={issuesOf(field, entries())}>
          {(p) => <li>{p.index !== undefined ? t('calendar.entry', { index: p.index + 1, raw: entries()[p.index]?.raw ?? '' }) : ''}{p.text}</li>}
        </For>
      </ul>
    </Show>
  );

  return (
    <form class="step-form form" novalidate onSubmit={(e) => void submit(e)} aria-labelledby="load-title">
      <h2 id="load-title">{t('calendar.loadAYearSNotice')}</h2>
      <confirm.Dialog />
      <Show when={stale()}>
        <SaveError error={stale()} onReload={() => { setStale(undefined); props.onLoaded(); }} />
      </Show>
      <Show when={banner()}>
        <Banner kind="error">{banner()}</Banner>
      </Show>
      <Input id="cal-year" label={t('calendar.year')} required type="number" inputmode="numeric" min="2000" max="2100" error={errorOf('year')} value={String(year())} onValue={(x) => setYear(Math.floor(Number(x)))} />
      <Show when={existing()}>
        {(n) => <p class="muted">{t('calendar.alreadyHasANoticeLoading', { year: n().year, source: n().source })}</p>}
      </Show>
      <Input id="cal-source" label={t('calendar.noticeNumberOrTitle')} required rule={limits.contracts.noticeSource} placeholder={t('calendar.eG2026X')} error={errorOf('source') ?? errorOf('version')} value={source()} onValue={setSource} />
      <TextArea id="cal-off" label={t('calendar.daysOffOneRangePer')} required hint={t('calendar.pasteLinesFromTheNotice')} rows={8} value={offText()} onValue={pasteIntoOff} />
      <Show when={readFromNotice()}>{(n) => <p class="muted" role="status" data-testid="calendar-read-notice">{t('calendar.readFromNotice', { off: n().off, work: n().work })}</p>}</Show>
      {entryList('off', off)}
      <TextArea id="cal-work" label={t('calendar.weekendDaysWorkedOnePer')} rows={4} value={workText()} onValue={setWorkText} />
      {entryList('work', work)}
      <div class="vote-meter" aria-live="polite" data-testid="calendar-preview">
        <Show when={preview()} fallback={<span class="muted">{t('calendar.theEffectIsPreviewedHere')}</span>}>
          {(p) => (
            <>
              <span>
                {t('calendar.rangeSOffWeekendDay', { off: off().length, work: work().length })}
              </span>
              <strong>
                {t('calendar.againstTheCalendarNowWorking', { toRest: p().toRest.length, toWork: p().toWork.length })}
              </strong>
            </>
          )}
        </Show>
      </div>
      <Show when={result()}>
        {(r) => (
          <Banner kind="success">
            <RecheckProgress jobId={r().jobId} />
          </Banner>
        )}
      </Show>
      <div class="form__actions">
        <button type="submit" class="btn btn--primary" disabled={busy()}>{t('calendar.loadForEveryTenant')}</button>
      </div>
    </form>
  );
}
