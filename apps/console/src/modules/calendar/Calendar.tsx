import { AuditIntegrity } from '../../components/AuditIntegrity';
import { changedDays, WorkCalendar, type HolidayNotice } from '@ufp/core/calendar/calendar';
import { parseNoticeDays, type ParsedEntry } from '@ufp/core/calendar/parse';
import { createMemo, createResource, createSignal, For, Show } from 'solid-js';
import { ApiError, mutate, query, type InputOf } from '../../api';
import { Banner } from '../../components/Banner';
import { DataTable } from '../../components/DataTable';
import { Field } from '../../components/Field';
import { formatDateTime } from '../../i18n';
import { errorText, showToast } from '../../toast';
import type { RouterOutputs } from '../../api';
import type { Page } from '../../paged';

type AuditRow = RouterOutputs['audit']['platform']['items'][number];
import { tx } from '../contracts/shared';
import '../contracts/contracts.css';
import { limits } from '@ufp/core/validation/limits';

type Notice = HolidayNotice & { origin: 'shipped' | 'loaded'; version?: number; loadedAt?: string };
interface CalendarData {
  coveredYears: number[];
  today: string;
  notices: Notice[];
}
interface LoadResult {
  year: number;
  version: number;
  days: { toRest: number; toWork: number };
  clocks: { tenants: number; changed: number; nowExact: number };
}

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
          <h1 id="calendar-title">{tx('节假日安排', 'Holiday calendar')}</h1>
          <p class="muted">
            {tx(
              '法定期限按国务院办公厅每年的节假日安排通知计算工作日（含调休）。未加载通知的年份，期限按周末推算并标为“暂定”；加载后所有租户的期限立即按新安排计算。',
              "Legal clocks count working days from the State Council's yearly holiday notice (with adjusted working days). Years without a notice are counted on weekends only and marked provisional; once loaded, every tenant's clocks follow at once.",
            )}
          </p>
        </div>
      </div>
      <Show when={data.error}>
        <Banner kind="error" action={<button type="button" class="btn" onClick={() => void refetch()}>{tx('重试', 'Retry')}</button>}>{errorText(data.error)}</Banner>
      </Show>
      <Show when={data()}>
        {(d) => (
          <>
            <p data-testid="covered-years">
              {tx('已覆盖年份：', 'Covered years: ')}
              <strong>{d().coveredYears.join(tx('、', ', '))}</strong>
            </p>
            <div class="calendar-notices">
              <DataTable<Notice>
                label={tx('已加载的节假日安排', 'Holiday notices in force')}
                rows={d().notices}
                columns={[
                  { label: () => tx('年份', 'Year'), cell: (n) => <strong>{n.year}</strong> },
                  { label: () => tx('通知', 'Notice'), cell: (n) => n.source },
                  { label: () => tx('休息日（含周末）', 'Days off'), cell: (n) => n.off.map(rangeText).join('；') },
                  { label: () => tx('调休上班', 'Worked weekend days'), cell: (n) => n.work.map((w) => w.slice(5)).join('、') || '—' },
                  {
                    label: () => tx('来源', 'Origin'),
                    cell: (n) => (n.origin === 'shipped' ? tx('随版本内置', 'Shipped') : tx(`平台加载 v${n.version}，${formatDateTime(n.loadedAt)}`, `Loaded v${n.version}, ${formatDateTime(n.loadedAt)}`)),
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
      <h2>{tx('平台审计日志', 'Platform audit log')}</h2>
      <AuditIntegrity procedure="audit.verifyPlatform" />
      <Show when={log.error}>
        <Banner kind="error">{errorText(log.error)}</Banner>
      </Show>
      <DataTable<AuditRow>
        label={tx('平台审计日志', 'Platform audit log')}
        rows={log()?.items ?? []}
        loading={log.loading}
        empty={tx('暂无记录', 'No entries')}
        columns={[
          { label: () => tx('时间', 'At'), cell: (r) => formatDateTime(r.at) },
          { label: () => tx('操作人', 'Actor'), cell: (r) => r.actor },
          { label: () => tx('操作', 'Action'), cell: (r) => r.action },
          { label: () => tx('摘要', 'Summary'), cell: (r) => <span data-testid="platform-audit-summary">{r.summary}</span> },
        ]}
      />
    </section>
  );
}

type Problems = Record<'year' | 'source' | 'version' | 'off' | 'work', { index?: number; text: string }[]>;
const noProblems = (): Problems => ({ year: [], source: [], version: [], off: [], work: [] });

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
      setProblems({ ...noProblems(), off: off().length ? [] : [{ text: tx('请至少填写一段休息日', 'Enter at least one day off') }] });
      return;
    }
    setBusy(true);
    try {
      const input = { year: year(), version: existing()?.origin === 'loaded' ? (existing()!.version ?? 0) : 0, source: source().trim(), off: off().map((x) => x.value), work: work().map((x) => x.value) };
      const res = await mutate('contracts.calendar.load', input as InputOf<'contracts.calendar.load'>);
      setResult(res);
      showToast('success', () => tx(`${res.year}年节假日安排已加载`, `Holiday notice for ${res.year} loaded`));
      props.onLoaded();
    } catch (err) {
      const grouped = noProblems();
      const rest: string[] = [];
      for (const issue of err instanceof ApiError ? err.issues : []) {
        const [field, index] = issue.path;
        const text = tx(issue.message, issue.messageEn ?? issue.message);
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
    ...entries.flatMap((e, i) => (e.problem ? [{ index: i, text: tx(e.problem.zh, e.problem.en) }] : [])),
    ...problems()[field],
  ];
  const errorOf = (field: keyof Problems) => (problems()[field].length ? () => problems()[field].map((p) => p.text).join('；') : undefined);

  const entryList = (field: 'off' | 'work', entries: () => ParsedEntry[]) => (
    <Show when={issuesOf(field, entries()).length}>
      <ul class="field__error" role="alert" data-testid={`problems-${field}`}>
        <For each={issuesOf(field, entries())}>
          {(p) => <li>{p.index !== undefined ? tx(`第 ${p.index + 1} 项「${entries()[p.index]?.raw ?? ''}」：`, `Entry ${p.index + 1} "${entries()[p.index]?.raw ?? ''}": `) : ''}{p.text}</li>}
        </For>
      </ul>
    </Show>
  );

  return (
    <form class="step-form form" novalidate onSubmit={(e) => void submit(e)} aria-labelledby="load-title">
      <h2 id="load-title">{tx('加载一年的节假日安排', "Load a year's notice")}</h2>
      <Show when={banner()}>
        <Banner kind="error">{banner()}</Banner>
      </Show>
      <Field id="cal-year" label={tx('年份', 'Year')} required error={errorOf('year')}>
        <input id="cal-year" type="number" min="2000" max="2100" value={year()} onInput={(e) => setYear(Math.floor(Number(e.currentTarget.value)))} />
      </Field>
      <Show when={existing()}>
        {(n) => <p class="muted">{tx(`${n().year}年已有安排（${n().source}），加载后将替换。`, `${n().year} already has a notice (${n().source}); loading replaces it.`)}</p>}
      </Show>
      <Field id="cal-source" label={tx('通知文号或标题', 'Notice (number or title)')} required error={errorOf('source') ?? errorOf('version')}>
        <input id="cal-source" maxlength={limits.contracts.noticeSource.max} value={source()} placeholder={tx('如：国办发明电〔2026〕X号', 'e.g. 国办发明电〔2026〕X号')} onInput={(e) => setSource(e.currentTarget.value)} />
      </Field>
      <Field id="cal-off" label={tx('放假日期（每行一段，如 01-01–01-03）', 'Days off (one range per line, e.g. 01-01–01-03)')} required hint={tx('可粘贴通知中的“放假调休”行：可带节日名称，也可写完整日期或“至”。', 'Paste lines from the notice: a holiday name, full dates or 至 are fine.')}>
        <textarea id="cal-off" rows="8" value={offText()} onInput={(e) => setOffText(e.currentTarget.value)} />
      </Field>
      {entryList('off', off)}
      <Field id="cal-work" label={tx('调休上班的周末（每行一天，如 02-07）', 'Weekend days worked (one per line, e.g. 02-07)')}>
        <textarea id="cal-work" rows="4" value={workText()} onInput={(e) => setWorkText(e.currentTarget.value)} />
      </Field>
      {entryList('work', work)}
      <div class="vote-meter" aria-live="polite" data-testid="calendar-preview">
        <Show when={preview()} fallback={<span class="muted">{tx('填写后在此预览变化。', 'The effect is previewed here.')}</span>}>
          {(p) => (
            <>
              <span>
                {tx(`休息日 ${off().length} 段，调休上班 ${work().length} 天。`, `${off().length} range(s) off, ${work().length} weekend day(s) worked.`)}
              </span>
              <strong>
                {tx(
                  `与当前日历相比：${p().toRest.length} 个工作日改为休息日，${p().toWork.length} 个周末改为上班日。`,
                  `Against the calendar now: ${p().toRest.length} working day(s) become days off, ${p().toWork.length} weekend day(s) become working days.`,
                )}
              </strong>
            </>
          )}
        </Show>
      </div>
      <Show when={result()}>
        {(r) => (
          <Banner kind="success">
            <span data-testid="calendar-result">
              {tx(
                `已加载 ${r().year} 年（v${r().version}）：${r().clocks.tenants} 个租户的 ${r().clocks.changed} 个期限随之改变，其中 ${r().clocks.nowExact} 个不再暂定。`,
                `Loaded ${r().year} (v${r().version}): ${r().clocks.changed} clock(s) of ${r().clocks.tenants} tenant(s) changed, ${r().clocks.nowExact} no longer provisional.`,
              )}
            </span>
          </Banner>
        )}
      </Show>
      <div class="form__actions">
        <button type="submit" class="btn btn--primary" disabled={busy()}>{tx('加载并通知所有租户的期限', 'Load for every tenant')}</button>
      </div>
    </form>
  );
}
