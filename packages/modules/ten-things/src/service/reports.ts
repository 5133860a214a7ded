import type { z } from 'zod';
import { xlsxFile, type XlsxFile } from '@ufp/kit/excel';
import { satisfactionBp } from '../domain/evaluation.js';
import { itemStatuses } from '../domain/status.js';
import { annualWorkbook } from '../export.js';
import type { annualXlsxInput, planInput } from '../schemas.js';
import type { Ctx } from './context.js';
import { planView } from './plans.js';

/** The year-end report: one row per target of every adopted item, with the plan summary. */
export async function annualReport(ctx: Ctx, input: z.infer<typeof planInput>) {
  const view = await planView(ctx, input.planId);
  const rows = view.items
    .filter((i) => i.stage === 'adopted')
    .flatMap((i) =>
      i.targets.map((t, idx) => ({
        itemId: i.itemId,
        item: i.title,
        leadDept: i.assignment?.leadDept ?? i.leadDept,
        indicator: t.indicator,
        comparator: t.comparator,
        target: t.target,
        unit: t.unit,
        achieved: i.achieved[idx] ?? 0,
        completion: i.progress!.targets[idx] ?? 0,
        status: i.progress!.status,
        satisfactionMean: i.satisfaction.mean,
        satisfactionCount: i.satisfaction.count,
        // The representatives' year-end 测评 (满意 + 基本满意 over the forms), beside the public ratings.
        evaluationBp: i.evaluation ? (satisfactionBp(i.evaluation) ?? null) : null,
        evaluationForms: i.evaluation ? i.evaluation.satisfied + i.evaluation.basic + i.evaluation.dissatisfied : null,
      })),
    );
  return { plan: view.plan, summary: view.summary, asOf: view.asOf, rows, statuses: itemStatuses };
}
export type AnnualReport = Awaited<ReturnType<typeof annualReport>>;

/** The annual report as an Excel workbook (base64), one row per target. */
export async function annualReportXlsx(ctx: Ctx, input: z.infer<typeof annualXlsxInput>): Promise<XlsxFile> {
  const lang = input.lang ?? 'zh';
  const report = await annualReport(ctx, input);
  const { bytes, rows } = await annualWorkbook(report, lang);
  return xlsxFile(lang === 'zh' ? `${report.plan.year}-十件实事年度报告.xlsx` : `${report.plan.year}-ten-things-annual-report.xlsx`, bytes, rows);
}
