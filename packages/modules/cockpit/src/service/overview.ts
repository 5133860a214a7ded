import { freshnessGroup } from '@ufp/db/repositories/rollups';
import { alertsOf, ALERT_RULES } from '../domain/alerts.js';
import { HEADLINE, HEADLINE_MAX, SECTIONS } from '../domain/layout.js';
import { childScopes, federationsIn, scopePath, scopeRef } from '../domain/scope.js';
import { versionOf, type ScopeTotals } from '../store.js';
import { indicatorView, inputsOf, resolve, storeOf, valueOf, visibleTo, type IndicatorView, type Reader } from './context.js';

export interface Figure {
  key: string;
  value: number | null;
  /** The same figure a year earlier (for the year-on-year change). */
  previous: number | null;
  /** 数据截至: the time of the latest event in the figure's group; absent when nothing was recorded. */
  asOf?: string;
}

/**
 * One screen for a scope: the headline band with last year beside each figure, a section per module with its
 * figures and charts, the alerts (counts per federation), and the scopes one level down to drill into. Reads
 * the scope's TOTAL row of each year and, for the alerts, the federations' rows restricted to the alert metrics:
 * the cost grows with years and federations, never with records. No record and no person reaches it.
 */
export async function overview(reader: Reader, input: { scope?: string; year?: number }) {
  const { code, year, tenants } = await resolve(reader, input);
  const dictionary = reader.deps.indicators;
  const store = storeOf(reader);
  const years = await store.years(code);
  const alertMetrics = [...new Set(ALERT_RULES.flatMap((r) => r.metrics))].filter((m) => dictionary.indicatorOf(m));
  const federations = federationsIn(code, tenants, reader.scope.tenantId);
  const totals = await store.totals(code, years, year);
  const alertValues = await store.federationValues(code, years, year, alertMetrics, versionOf(totals, year));
  const now = store.valuesAt(totals, year);
  const before = store.valuesAt(totals, year - 1);
  const stamps = latestStamps(totals);
  const visible = visibleTo(reader, dictionary);
  const known = (key: string) => indicatorView(dictionary, key) !== undefined && visible(key);
  const figure = (key: string): Figure => {
    const asOf = stamps[freshnessGroup(inputsOf(dictionary, key)[0]!)];
    return { key, value: valueOf(dictionary, now, key), previous: years.some((y) => y < year) ? valueOf(dictionary, before, key) : null, ...(asOf && { asOf }) };
  };
  const sections = SECTIONS.map((s) => ({
      module: s.module,
      title: s.title,
      figures: s.figures.filter(known).map(figure),
      charts: s.charts.map((c) => ({ kind: c.kind, title: c.title, points: c.keys.filter(known).map((key) => ({ key, value: valueOf(dictionary, now, key) })) })),
    }))
    .filter((s) => s.figures.length > 0);
  const headline = HEADLINE.filter(known).slice(0, HEADLINE_MAX).map(figure);
  const alerts = alertsOf(federations.map((t) => ({ tenantId: t.id, name: t.name, divisionCode: t.divisionCode, values: alertValues.get(t.id) ?? {} }))).filter((a) => ALERT_RULES.find((r) => r.kind === a.kind)!.metrics.some(known));
  const keys = new Set([...headline, ...sections.flatMap((s) => s.figures)].map((f) => f.key).concat(sections.flatMap((s) => s.charts.flatMap((c) => c.points.map((p) => p.key)))));
  return {
    year,
    years: [...new Set([...years, year])].sort((a, b) => b - a),
    scope: scopeRef(code, tenants),
    path: scopePath(reader.scope.code, code, tenants),
    children: reader.scope.tenantId ? [] : childScopes(code, tenants),
    federations: federations.length,
    headline,
    sections,
    alerts,
    indicators: Object.fromEntries([...keys].map((k) => [k, indicatorView(dictionary, k)!])) as Record<string, IndicatorView>,
    /** Every indicator the reader may rank or trend (the compare selector). */
    comparable: comparableIndicators(reader),
    readAt: reader.deps.clock.now().toISOString(),
  };
}

/** The latest stamp per metric group across the years read. */
function latestStamps(totals: readonly ScopeTotals[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const t of totals) for (const [group, at] of Object.entries(t.updated)) if (!out[group] || at > out[group]) out[group] = at;
  return out;
}

/** The indicators worth comparing federations on: not the inputs of an average (sums of basis points), not breakdowns. */
export function comparableIndicators(reader: Reader): IndicatorView[] {
  const dictionary = reader.deps.indicators;
  const visible = visibleTo(reader, dictionary);
  // A family's members (by kind, source, level …) are breakdowns of a figure, not figures to rank federations on.
  const keys = [...dictionary.indicators.filter((i) => !i.family && !(i.unit === 'basisPoints' || i.unit === 'points' || i.unit === 'days')).map((i) => i.key), ...dictionary.derived.map((d) => d.key)];
  return keys.filter(visible).map((k) => indicatorView(dictionary, k)!);
}
