import { A } from '@solidjs/router';
import { createSignal, onMount, Show } from 'solid-js';
import { mutate, query, type OutputOf } from '../../api';
import { Banner } from '../../components/Banner';
import { DataTable, ListFooter } from '../../components/DataTable';
import { Input } from '../../components/Input';
import { downloadFile, sheetLang } from '../../download';
import { createFieldErrors } from '../../forms';
import { t } from '../../i18n';
import { createPaged } from '../../paged';
import { hasRole } from '../../session';
import { errorText, showError, showToast } from '../../toast';
import { PersonPicker, type ChosenPerson } from './shared';
import './mw-visits.css';

type Logs = OutputOf<'modelWorkers.visits.logs'>;
type LogRow = Logs['items'][number];
type Solved = '' | 'yes' | 'no';

/** 助企行 走访记录 of every request: a day range, who went, solved or not; the totals of the filter; each row opens its request. */
export default function VisitLogs() {
  const isStaff = () => hasRole('federation_admin', 'federation_staff');
  const [from, setFrom] = createSignal('');
  const [to, setTo] = createSignal('');
  const [person, setPerson] = createSignal<ChosenPerson>();
  const [solved, setSolved] = createSignal<Solved>('');
  const [totals, setTotals] = createSignal<Logs['totals']>();
  const fields = createFieldErrors();
  const filter = () => ({
    ...(from() ? { from: from() } : {}),
    ...(to() ? { to: to() } : {}),
    ...(person() ? { personId: person()!.personId } : {}),
    ...(solved() ? { solved: solved() === 'yes' } : {}),
  });
  /** The filter of the last search: "more" pages with it even when the inputs were changed since. */
  let applied = filter();
  /** Only the latest answer sets the totals (an earlier search's may arrive after it). */
  let asked = 0;
  const list = createPaged<LogRow>(async (cursor) => {
    const mine = ++asked;
    const page = await query('modelWorkers.visits.logs', { limit: 20, ...applied, ...(cursor ? { cursor } : {}) });
    if (mine === asked) setTotals(page.totals);
    return page;
  });
  onMount(() => void list.reload());
  const [exporting, setExporting] = createSignal(false);

  /** The searched filter's visits as a workbook (every one, not only the pages shown). */
  async function download() {
    setExporting(true);
    try {
      const file = await mutate('modelWorkers.visits.exportLogs', { ...applied, lang: sheetLang() });
      downloadFile(file);
      showToast('success', () => t('mwVisits.logs.exported', { name: file.fileName }));
    } catch (e) {
      showError(e);
    } finally {
      setExporting(false);
    }
  }

  function search(e: Event) {
    e.preventDefault();
    if (from() && to() && from() > to()) return fields.setErrors({ to: () => t('mwVisits.logs.rangeBackwards') });
    fields.clear();
    applied = filter();
    void list.reload();
  }

  return (
    <section aria-labelledby="mwv-logs-title" class="mwv">
      <p>
        <A href="/model-worker-visits">← {t('mwVisits.request.back')}</A>
      </p>
      <div class="page-head">
        <h1 id="mwv-logs-title">{t('mwVisits.logs.title')}</h1>
      </div>
      <p class="muted">{t('mwVisits.logs.intro')}</p>
      <form class="card mwv-form" role="search" aria-label={t('mwVisits.logs.filters')} onSubmit={search} novalidate>
        <div class="mwv-inline">
          <Input id="mwv-logs-from" label={t('mwVisits.logs.from')} type="date" value={from()} onValue={setFrom} error={fields.get('from')} />
          <Input id="mwv-logs-to" label={t('mwVisits.logs.to')} type="date" value={to()} onValue={setTo} error={fields.get('to')} />
          <div class="field">
            <label for="mwv-logs-solved">{t('mwVisits.logs.solved')}</label>
            <select id="mwv-logs-solved" class="input" value={solved()} onChange={(e) => setSolved(e.currentTarget.value as Solved)}>
              <option value="">{t('common.all')}</option>
              <option value="yes">{t('mwVisits.logs.solvedYes')}</option>
              <option value="no">{t('mwVisits.logs.solvedNo')}</option>
            </select>
          </div>
        </div>
        <Show when={isStaff()}>
          <fieldset>
            <legend>{t('mwVisits.logs.person')}</legend>
            <PersonPicker id="mwv-logs-person" chosen={person()} onChoose={setPerson} />
          </fieldset>
        </Show>
        <button type="submit" class="btn btn--primary">
          {t('common.search')}
        </button>
      </form>
      <div class="card" data-testid="mwv-log-results" aria-busy={list.loading()}>
        <div class="mwv-inline mwv-log-head">
          <Show when={totals()}>
            {(s) => (
              <p class="mwv-totals" data-testid="mwv-log-totals">
                {t('mwVisits.logs.totals', { visits: s().visits, workers: s().workerTimes, problems: s().problemsSolved, trained: s().peopleTrained })}
              </p>
            )}
          </Show>
          <button type="button" class="btn" disabled={exporting() || !totals()?.visits} onClick={() => void download()}>
            {t('mwVisits.logs.export')}
          </button>
        </div>
        <Show when={list.error()}>
          <Banner kind="error">{errorText(list.error())}</Banner>
        </Show>
        <DataTable<LogRow>
          label={t('mwVisits.logs.title')}
          rows={list.items()}
          loading={list.loading() && !list.loaded()}
          empty={t('mwVisits.logs.empty')}
          columns={[
            { label: () => t('mwVisits.log.visitedOn'), cell: (v) => v.visitedOn, class: 'nowrap' },
            { label: () => t('mwVisits.col.enterprise'), cell: (v) => <A href={`/model-worker-visits/${encodeURIComponent(v.requestId)}`}>{v.enterprise}</A>, class: 'cell--primary' },
            { label: () => t('mwVisits.log.people'), cell: (v) => v.people.map((p) => p.name ?? p.nameMasked).join('、') },
            { label: () => t('mwVisits.logs.problems'), cell: (v) => String(v.problemsSolved) },
            { label: () => t('mwVisits.logs.trained'), cell: (v) => String(v.peopleTrained) },
            { label: () => t('mwVisits.log.note'), cell: (v) => (v.note ?? '') + (v.closes ? t('mwVisits.visits.closes') : '') || '—' },
          ]}
        />
        <ListFooter hasMore={list.hasMore()} loading={list.loading()} onMore={() => void list.loadMore()} />
      </div>
    </section>
  );
}
