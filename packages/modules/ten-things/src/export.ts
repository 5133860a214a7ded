import type { Lang } from '@ufp/core/spreadsheet/cells';
import { exportWorkbook, type ExportSheet } from '@ufp/kit/excel';
import { PlanStatus } from './domain/model.js';
import { ItemStatus } from './domain/status.js';
import type { AnnualReport } from './service/reports.js';

const COMPARATOR: Record<string, string> = { gte: '≥', eq: '=', lte: '≤' };

type Row = AnnualReport['rows'][number];

const targetColumns: ExportSheet<Row>['columns'] = [
  { zh: '实事项目', en: 'Item', kind: 'text', width: 36, value: (r) => r.item },
  { zh: '牵头部门', en: 'Lead department', kind: 'text', width: 14, value: (r) => r.leadDept },
  { zh: '指标', en: 'Indicator', kind: 'text', width: 40, value: (r) => r.indicator },
  { zh: '目标', en: 'Target', kind: 'text', width: 12, value: (r) => `${COMPARATOR[r.comparator] ?? ''} ${r.target.toLocaleString('en')}`.trim() },
  { zh: '单位', en: 'Unit', kind: 'text', width: 8, value: (r) => r.unit },
  { zh: '完成量', en: 'Achieved', kind: 'decimal', width: 12, value: (r) => r.achieved },
  { zh: '完成率', en: 'Completion', kind: 'percent', value: (r) => r.completion },
  { zh: '状态', en: 'Status', kind: 'label', labels: ItemStatus.labels, width: 12, value: (r) => r.status },
  { zh: '满意度（均分）', en: 'Satisfaction (mean)', kind: 'decimal', width: 14, value: (r) => r.satisfactionMean },
  { zh: '评价人数', en: 'Ratings', kind: 'count', value: (r) => r.satisfactionCount },
  { zh: '年终测评满意率', en: 'Year-end evaluation: satisfied', kind: 'percent', width: 14, value: (r) => (r.evaluationBp === null ? null : r.evaluationBp / 10_000) },
  { zh: '测评票数', en: 'Evaluation forms', kind: 'count', value: (r) => r.evaluationForms },
];

/**
 * The year-end report as a workbook in `lang`: one row per target (target, achieved, completion,
 * status, satisfaction), and a summary row (plan, year, date, average completion, items per status).
 */
export async function annualWorkbook(report: AnnualReport, lang: Lang): Promise<{ bytes: Buffer; rows: number }> {
  const summary: ExportSheet<AnnualReport>['columns'] = [
    { zh: '计划', en: 'Plan', kind: 'text', width: 30, value: (r) => r.plan.title },
    { zh: '年度', en: 'Year', kind: 'integer', width: 8, value: (r) => r.plan.year },
    { zh: '统计日期', en: 'As of', kind: 'date', value: (r) => r.asOf },
    { zh: '平均完成率', en: 'Average completion', kind: 'percent', width: 14, value: (r) => r.summary.completion },
    { zh: '计划状态', en: 'Plan status', kind: 'label', labels: PlanStatus.labels, width: 10, value: (r) => r.plan.status },
    { zh: '参评代表', en: 'Respondents', kind: 'count', value: (r) => r.plan.evaluation?.respondents ?? null },
    ...report.statuses.map((s) => ({ ...ItemStatus.labels[s], kind: 'count' as const, value: (r: AnnualReport) => r.summary.byStatus[s] ?? 0 })),
  ];
  return exportWorkbook(lang, [
    { name: { zh: `${report.plan.year}年十件实事`, en: `Ten things ${report.plan.year}` }, columns: targetColumns, rows: report.rows },
    { name: { zh: '汇总', en: 'Summary' }, columns: summary, rows: [report] },
  ]);
}
