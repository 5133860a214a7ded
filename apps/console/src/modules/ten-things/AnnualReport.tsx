import { useParams } from '@solidjs/router';
import { createResource, For, Show } from 'solid-js';
import { query, type RouterOutputs } from '../../api';
import { downloadFile, sheetLang } from '../../download';
import { formatNumber, t } from '../../i18n';
import { showError } from '../../toast';
import { RecordMissing } from '../../components/RecordMissing';
import { comparatorSign, pct, STATUSES, statusLabel } from './labels';
import './ten-things.css';

type Row = RouterOutputs['tenThings']['reports']['annual']['rows'][number];

/** 年度报告: one row per target, printable (print CSS hides the shell) and exportable to Excel. */
export default function AnnualReport() {
  const params = useParams<{ planId: string }>();
  const [report] = createResource(
    () => params.planId,
    (planId) => query('tenThings.reports.annual', { planId }),
  );
  const excel = async () => {
    try {
      downloadFile(await query('tenThings.reports.annualXlsx', { planId: params.planId, lang: sheetLang() }));
    } catch (err) {
      showError(err);
    }
  };
  // Rows of one item are grouped: the item's name and status print once.
  const first = (rows: Row[], i: number) => i === 0 || rows[i - 1]!.itemId !== rows[i]!.itemId;
  return (
    <section class="tt-report" aria-labelledby="tt-report-title">
      <Show when={report.error}>
        <RecordMissing error={report.error} backHref="/ten-things" backLabel={t('tenThings.board')} />
      </Show>
      <Show when={!report.error && report()}>
        {(r) => (
          <>
            <div class="page-head">
              <h1 id="tt-report-title">
                {r().plan.title} · {t('tenThings.annual')}
              </h1>
              <div class="tt-inline no-print">
                <button class="btn" type="button" onClick={() => window.print()}>
                  {t('tenThings.print')}
                </button>
                <button class="btn btn--primary" type="button" onClick={() => void excel()}>
                  {t('tenThings.excel')}
                </button>
              </div>
            </div>
            <p>
              {t('tenThings.asOf', { date: r().asOf })} · {t('tenThings.completion')} {pct(r().summary.completion)} ·{' '}
              <For each={STATUSES}>
                {(s) => (
                  <span>
                    {statusLabel(s)} {r().summary.byStatus[s]}{' '}
                  </span>
                )}
              </For>
            </p>
            <table>
              <thead>
                <tr>
                  <th>{t('tenThings.itemTitle')}</th>
                  <th>{t('tenThings.targets')}</th>
                  <th>{t('tenThings.target')}</th>
                  <th>{t('tenThings.achieved')}</th>
                  <th>{t('tenThings.completion')}</th>
                  <th>{t('tenThings.status')}</th>
                  <th>{t('tenThings.satisfaction')}</th>
                  <th>{t('tenThings.evaluationRate')}</th>
                </tr>
              </thead>
              <tbody>
                <For each={r().rows}>
                  {(row, i) => (
                    <tr>
                      <td>{first(r().rows, i()) ? `${row.item}（${row.leadDept}）` : ''}</td>
                      <td>{row.indicator}</td>
                      <td class="num">
                        {comparatorSign(row.comparator)} {formatNumber(row.target)} {row.unit}
                      </td>
                      <td class="num">{formatNumber(row.achieved)}</td>
                      <td class="num">{pct(row.completion)}</td>
                      <td>{first(r().rows, i()) ? statusLabel(row.status) : ''}</td>
                      <td class="num">{first(r().rows, i()) ? (row.satisfactionMean === null ? '—' : `${row.satisfactionMean}（${row.satisfactionCount}）`) : ''}</td>
                      <td class="num" data-testid="tt-evaluation-rate">{first(r().rows, i()) ? (row.evaluationBp === null ? '—' : `${pct(row.evaluationBp / 10_000)}（${row.evaluationForms}）`) : ''}</td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </>
        )}
      </Show>
    </section>
  );
}
