import { provinceOf } from '@ufp/core/rollups/scopes';
import type { RollupScope } from '@ufp/core/tenancy/scope';
import type { UnitOfWork } from '@ufp/db/unit-of-work';
import type { Context } from '@ufp/kit/trpc';
import type { z } from 'zod';
import type { StageKind } from '../domain/enums.js';
import type { RuleSettings } from '../domain/rule-pack.js';
import {
  addTallies,
  comparePanels,
  judgeTallies,
  meanBp,
  OUTLIER_MIN_PANELS,
  OUTLIER_Z,
  panelTally,
  SEVERITY_BAND_BP,
  severityBand,
  stageDeviations,
  type JudgeTally,
  type PanelTally,
} from '../domain/severity.js';
import type { CompetitionItem, EventItem, PanelReportItem, ResultsItem, StageRollupItem } from '../items.js';
import type { judgeAnalyticsInput, provinceAnalyticsInput } from '../schemas/analytics.js';
import { CompetitionStore } from '../store.js';
import { store, type Ctx } from './context.js';
import { stageScores } from './score-reading.js';

/**
 * 裁判宽严分析: each stage's final results leave one report per panel (the judges' deviation tallies, tenant) and one
 * rollup row (the panel as a whole and the 赛项's winners, province). Staff read their judges across events and seasons;
 * leadership read the scope's panels, outliers marked, and winners by trade and level. No contestant reaches either.
 */

type In<S extends z.ZodType> = z.output<S>;
type RollupCtx = Context & { rollupScope: RollupScope };

/** The judges' deviation tallies of a stage, from its counted scores (read before the final write). */
export async function stageTallies(ctx: Ctx, event: EventItem, stage: StageKind, settings: RuleSettings): Promise<JudgeTally[]> {
  const { scheme, inputs } = await stageScores(ctx, event, stage);
  return judgeTallies(stageDeviations(scheme, inputs, settings));
}

export interface StageOutcome {
  contestants: number;
  lastStage: boolean;
  winners: number;
  honoursRecommended: number;
}

/** The tenant's report and the province's row of a stage made final (written in the finalising transaction). */
export function recordPanel(ctx: Ctx, s: CompetitionStore, uow: UnitOfWork, sc: { event: EventItem; competition: CompetitionItem }, after: ResultsItem, tallies: readonly JudgeTally[], outcome: StageOutcome): void {
  const names = new Map(sc.event.panel.judges.map((j) => [j.userId, j.name]));
  const common = {
    tenantId: ctx.scope.tenantId,
    competitionName: sc.competition.name,
    competitionClass: sc.competition.class,
    eventId: sc.event.eventId,
    eventName: sc.event.name,
    tradeCode: sc.event.tradeCode,
    stage: after.stage,
    year: sc.competition.year,
    finalizedAt: after.finalizedAt!,
    panel: panelTally(tallies),
  };
  const report: PanelReportItem = { ...common, competitionId: sc.competition.competitionId, judges: tallies.map((t) => ({ ...t, name: names.get(t.judgeId) ?? t.judgeId })) };
  const rollup: StageRollupItem = { ...common, divisionCode: ctx.scope.divisionCode, ...outcome };
  s.addPanelReport(uow, report, provinceOf(ctx.scope.divisionCode), rollup);
}

const shareBp = (part: number, whole: number) => (whole ? Math.round((part * 10000) / whole) : 0);

/** What a reader sees of a tally: means and shares, the lean named. */
function figures(t: Omit<JudgeTally, 'judgeId'>) {
  const meanDeviationBp = meanBp(t.sumBp, t.marks);
  return { marks: t.marks, flagged: t.flagged, flaggedShareBp: shareBp(t.flagged, t.marks), meanDeviationBp, meanAbsDeviationBp: meanBp(t.sumAbsBp, t.marks), band: severityBand(meanDeviationBp) };
}

function panelFigures(p: PanelTally) {
  return { judges: p.judges, marks: p.marks, flagged: p.flagged, flaggedShareBp: shareBp(p.flagged, p.marks), biasSpreadBp: p.biasSpreadBp };
}

const inYears = (input: { fromYear?: number; toYear?: number }) => (year: number) => (input.fromYear === undefined || year >= input.fromYear) && (input.toYear === undefined || year <= input.toYear);

/**
 * The tenant's judges across events and seasons (staff): per judge overall, per year and per stage judged; the tenant's
 * panels, each compared with every panel of the province in the same years.
 */
export async function judges(ctx: Ctx, input: In<typeof judgeAnalyticsInput>) {
  const s = store(ctx);
  const [reports, rows] = await Promise.all([s.panelReports(ctx.scope.tenantId), s.stageRollups(provinceOf(ctx.scope.divisionCode))]);
  const wanted = inYears(input);
  const mine = reports.filter((r) => wanted(r.year)).sort((a, b) => b.year - a.year || b.finalizedAt.localeCompare(a.finalizedAt));
  const compared = rows.filter((r) => wanted(r.year));
  const comparison = comparePanels(compared.map((r) => r.panel));
  const stageOf = (r: PanelReportItem) => ({ competitionId: r.competitionId, competitionName: r.competitionName, eventId: r.eventId, eventName: r.eventName, tradeCode: r.tradeCode, stage: r.stage, year: r.year, finalizedAt: r.finalizedAt });
  const byJudge = new Map<string, { name: string; stages: { report: PanelReportItem; tally: PanelReportItem['judges'][number] }[] }>();
  // Newest stage first: a judge keeps the name of their latest panel.
  for (const report of mine) {
    for (const tally of report.judges) {
      const j = byJudge.get(tally.judgeId) ?? { name: tally.name, stages: [] };
      j.stages.push({ report, tally });
      byJudge.set(tally.judgeId, j);
    }
  }
  const judgeRows = [...byJudge].map(([judgeId, j]) => {
    const years = [...new Set(j.stages.map((x) => x.report.year))].sort((a, b) => a - b);
    return {
      judgeId,
      name: j.name,
      panels: j.stages.length,
      ...figures(addTallies(j.stages.map((x) => x.tally))),
      byYear: years.map((year) => {
        const those = j.stages.filter((x) => x.report.year === year);
        return { year, panels: those.length, ...figures(addTallies(those.map((x) => x.tally))) };
      }),
      stages: j.stages.map((x) => ({ ...stageOf(x.report), ...figures(x.tally) })),
    };
  });
  judgeRows.sort((a, b) => a.meanDeviationBp - b.meanDeviationBp || a.name.localeCompare(b.name, 'zh'));
  return {
    /** Every season with final results (whatever the range asked), for the range's choices. */
    years: [...new Set(reports.map((r) => r.year))].sort((a, b) => a - b),
    bandBp: SEVERITY_BAND_BP,
    comparison: comparisonOf(comparison, compared.length),
    judges: judgeRows,
    panels: mine.map((r) => ({ ...stageOf(r), ...panelFigures(r.panel), ...comparison.compare(r.panel) })),
  };
}

function comparisonOf(c: ReturnType<typeof comparePanels>, panels: number) {
  return { panels, medianBp: c.median, madBp: c.mad, minPanels: OUTLIER_MIN_PANELS, outlierZHundredths: OUTLIER_Z * 100 };
}

/** The rollup rows of the caller's scope: a province or city code's federations, or a county admin's own. */
async function scopeRows(ctx: RollupCtx): Promise<{ rows: StageRollupItem[]; tenantNames: Map<string, string> }> {
  const scope = ctx.rollupScope;
  const [rows, tenants] = await Promise.all([new CompetitionStore(ctx.deps.table).stageRollups(provinceOf(scope.code)), ctx.deps.tenants.list()]);
  const division = new Map(tenants.map((t) => [t.id, t.divisionCode]));
  const inScope = rows.filter((r) => (scope.tenantId ? r.tenantId === scope.tenantId : (division.get(r.tenantId) ?? r.divisionCode).startsWith(scope.code)));
  return { rows: inScope, tenantNames: new Map(tenants.map((t) => [t.id, t.name])) };
}

/** Adds the counts of rows by a key (trade or class): 赛项 held, contestants, winners, honours. */
function winnersBy<K extends string>(rows: readonly StageRollupItem[], keyOf: (r: StageRollupItem) => K) {
  const by = new Map<K, { events: number; contestants: number; winners: number; honoursRecommended: number }>();
  for (const r of rows) {
    const t = by.get(keyOf(r)) ?? { events: 0, contestants: 0, winners: 0, honoursRecommended: 0 };
    by.set(keyOf(r), { events: t.events + 1, contestants: t.contestants + r.contestants, winners: t.winners + r.winners, honoursRecommended: t.honoursRecommended + r.honoursRecommended });
  }
  return [...by].map(([key, t]) => ({ key, ...t })).sort((a, b) => b.winners - a.winners || b.events - a.events || a.key.localeCompare(b.key, 'zh'));
}

/**
 * The scope's 技能竞赛 for leadership (a year; the latest with data by default): every panel compared with the others
 * (outliers first), each federation's panels, and the year's 赛项 by trade and by level. Counts and names of
 * competitions only.
 */
export async function province(ctx: RollupCtx, input: In<typeof provinceAnalyticsInput>) {
  const { rows, tenantNames } = await scopeRows(ctx);
  const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b);
  const year = input.year ?? years.at(-1) ?? null;
  const ofYear = rows.filter((r) => r.year === year);
  const comparison = comparePanels(ofYear.map((r) => r.panel));
  const panels = ofYear
    .map((r) => ({
      tenantId: r.tenantId,
      tenantName: tenantNames.get(r.tenantId) ?? r.tenantId,
      competitionName: r.competitionName,
      competitionClass: r.competitionClass,
      eventName: r.eventName,
      tradeCode: r.tradeCode,
      stage: r.stage,
      finalizedAt: r.finalizedAt,
      ...panelFigures(r.panel),
      ...comparison.compare(r.panel),
    }))
    .sort((a, b) => (b.zHundredths ?? -Infinity) - (a.zHundredths ?? -Infinity) || b.meanAbsBp - a.meanAbsBp);
  const tenantIds = [...new Set(ofYear.map((r) => r.tenantId))];
  const federations = tenantIds
    .map((tenantId) => {
      const own = ofYear.filter((r) => r.tenantId === tenantId);
      const all = own.reduce((t, r) => ({ marks: t.marks + r.panel.marks, sumAbsBp: t.sumAbsBp + r.panel.sumAbsBp }), { marks: 0, sumAbsBp: 0 });
      return { tenantId, tenantName: tenantNames.get(tenantId) ?? tenantId, panels: own.length, outliers: panels.filter((p) => p.tenantId === tenantId && p.outlier).length, marks: all.marks, meanAbsBp: meanBp(all.sumAbsBp, all.marks) };
    })
    .sort((a, b) => b.outliers - a.outliers || b.meanAbsBp - a.meanAbsBp);
  const held = ofYear.filter((r) => r.lastStage);
  return {
    scope: ctx.rollupScope.code,
    years,
    year,
    comparison: comparisonOf(comparison, ofYear.length),
    panels,
    federations,
    byTrade: winnersBy(held, (r) => r.tradeCode).map(({ key, ...t }) => ({ tradeCode: key, ...t })),
    byClass: winnersBy(held, (r) => r.competitionClass).map(({ key, ...t }) => ({ competitionClass: key, ...t })),
  };
}
