import type ExcelJS from 'exceljs';
import { newWorkbook } from '../excel.js';
import type { AnnualReport } from './ten-things.js';

const STATUS_ZH: Record<string, string> = { done: '已完成', on_track: '正常推进', at_risk: '有风险', behind: '进度落后', overdue: '逾期未完成' };
const COMPARATOR: Record<string, string> = { gte: '≥', eq: '=', lte: '≤' };

/** The year-end report as a workbook: one row per target (target, achieved, completion, status, satisfaction). */
export async function annualWorkbook(report: AnnualReport): Promise<ArrayBuffer> {
  const wb = await newWorkbook();
  wb.creator = '工会联合会数字化平台';
  const ws = wb.addWorksheet(`${report.plan.year}年十件实事`);
  ws.columns = [
    { header: '实事项目', key: 'item', width: 36 },
    { header: '牵头部门', key: 'leadDept', width: 14 },
    { header: '指标', key: 'indicator', width: 40 },
    { header: '目标', key: 'target', width: 14 },
    { header: '单位', key: 'unit', width: 8 },
    { header: '完成量', key: 'achieved', width: 12 },
    { header: '完成率', key: 'completion', width: 10 },
    { header: '状态', key: 'status', width: 12 },
    { header: '满意度（均分）', key: 'satisfaction', width: 14 },
    { header: '评价人数', key: 'ratings', width: 10 },
  ];
  ws.getRow(1).font = { bold: true };
  for (const r of report.rows) {
    ws.addRow({
      item: r.item,
      leadDept: r.leadDept,
      indicator: r.indicator,
      target: `${COMPARATOR[r.comparator]} ${r.target}`,
      unit: r.unit,
      achieved: r.achieved,
      completion: r.completion,
      status: STATUS_ZH[r.status] ?? r.status,
      satisfaction: r.satisfactionMean ?? '—',
      ratings: r.satisfactionCount,
    });
  }
  ws.getColumn('completion').numFmt = '0.0%';
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  const summary = wb.addWorksheet('汇总');
  summary.addRow(['计划', report.plan.title]);
  summary.addRow(['年度', report.plan.year]);
  summary.addRow(['统计日期', report.asOf]);
  summary.addRow(['平均完成率', report.summary.completion]).getCell(2).numFmt = '0.0%';
  for (const s of report.statuses) summary.addRow([STATUS_ZH[s] ?? s, report.summary.byStatus[s]]);
  return (await wb.xlsx.writeBuffer()) as ArrayBuffer;
}
