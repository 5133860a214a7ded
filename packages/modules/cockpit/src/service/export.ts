import { figureText, normalisedText, PER_LABEL, type Lang } from '@ufp/core/rollups/format';
import type { OutputColumn } from '@ufp/core/spreadsheet/sheet';
import { exportWorkbook, xlsxFile } from '@ufp/kit/excel';
import type { RankedFederation } from '../domain/compare.js';
import type { Reader } from './context.js';
import { ranking, type RankingInput } from './ranking.js';

/**
 * The ranked table as a workbook: rank, federation, division code, the value in its own unit (money as yuan),
 * the normalised value when ranked so, and the scope's median as the last row — numbers as numbers, so the
 * sheet sorts and sums; the shown text beside them as the page reads it.
 */
export async function exportRanking(reader: Reader, input: RankingInput & { lang: Lang }) {
  const r = await ranking(reader, input);
  const { lang } = input;
  const ind = r.indicator;
  const valueKind = ind.format === 'yuan' ? 'money' : ind.format === 'percent' ? 'percent' : ind.format === 'decimal1' ? 'decimal' : 'count';
  const asNumber = (v: number | null) => (v === null ? null : ind.format === 'percent' ? v / 10_000 : v);
  const per = r.measure === 'raw' ? undefined : r.measure;
  type Row = RankedFederation | { median: true };
  const isMedian = (row: Row): row is { median: true } => 'median' in row;
  const columns: OutputColumn<Row>[] = [
    { zh: '排名', en: 'Rank', kind: 'integer', value: (row) => (isMedian(row) ? null : row.rank) },
    { zh: '工会', en: 'Federation', kind: 'text', width: 28, value: (row) => (isMedian(row) ? (lang === 'zh' ? '中位数' : 'Median') : row.name) },
    { zh: '行政区划代码', en: 'Division code', kind: 'text', width: 14, value: (row) => (isMedian(row) ? null : row.divisionCode) },
    { zh: ind.label.zh, en: ind.label.en, kind: valueKind, width: 18, value: (row) => (isMedian(row) ? (per ? null : asNumber(r.median)) : asNumber(row.value)) },
    ...(per
      ? [
          { zh: `${ind.label.zh}（${PER_LABEL[per].zh}）`, en: `${ind.label.en} (${PER_LABEL[per].en})`, kind: ind.format === 'yuan' ? 'money' : 'decimal', width: 22, value: (row: Row) => (isMedian(row) ? r.median : row.measure) } as OutputColumn<Row>,
        ]
      : []),
    {
      zh: '显示值',
      en: 'As shown',
      kind: 'text',
      width: 24,
      value: (row) => {
        const v = isMedian(row) ? r.median : per ? row.measure : row.value;
        return per ? normalisedText(v, ind, per, lang) : figureText(v, ind, lang);
      },
    },
  ];
  const { bytes, rows } = await exportWorkbook(lang, [{ name: { zh: '排名', en: 'Ranking' }, columns, rows: [...r.rows, { median: true as const }] }]);
  return xlsxFile(`${r.scope.name}-${ind.label[lang]}-${r.year}${lang === 'zh' ? '排名' : '-ranking'}.xlsx`, bytes, rows);
}
