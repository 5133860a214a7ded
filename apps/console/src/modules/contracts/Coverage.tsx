import { lazy, Show } from 'solid-js';
import { formatNumber, t } from '../../i18n';
import './contracts.css';

const CoverageChart = lazy(() => import('./CoverageChart'));

/**
 * 集体合同 coverage for the leadership overview, from the rollup totals only: contracts in force,
 * covered employees, 建制率 (units with an in-force contract ÷ units), average agreed wage growth
 * and contracts expiring within 90 days.
 */
export default function ContractCoverage(props: { totals: Record<string, number> | undefined; rows?: { name: string; metrics?: Record<string, number> }[] }) {
  const m = (k: string) => props.totals?.[k] ?? 0;
  const rate = () => (m('units.count') > 0 ? (100 * m('contracts.unitsCovered')) / m('units.count') : undefined);
  const wage = () => (m('contracts.wageGrowth.count') > 0 ? m('contracts.wageGrowth.sumBp') / m('contracts.wageGrowth.count') / 100 : undefined);
  return (
    <Show when={m('contracts.created') || m('contracts.inForce')}>
      <section aria-labelledby="coverage-title">
        <h2 id="coverage-title">{t('contracts.collectiveContractCoverage')}</h2>
        <div class="coverage" data-testid="contract-coverage">
          <div class="kpi"><span>{t('contracts.inForce')}</span><strong data-testid="kpi-in-force">{formatNumber(m('contracts.inForce'))}</strong></div>
          <div class="kpi"><span>{t('contracts.employeesCovered2')}</span><strong>{formatNumber(m('contracts.coveredEmployees'))}</strong></div>
          <div class="kpi"><span>{t('contracts.coverageRate')}</span><strong data-testid="kpi-rate">{rate() === undefined ? '—' : `${rate()!.toFixed(1)}%`}</strong><span class="muted">{t('contracts.ofUnions', { unitsCovered: formatNumber(m('contracts.unitsCovered')), count: formatNumber(m('units.count')) })}</span></div>
          <div class="kpi"><span>{t('contracts.averageWageGrowth')}</span><strong>{wage() === undefined ? '—' : `${wage()!.toFixed(2)}%`}</strong></div>
          <div class="kpi"><span>{t('contracts.expiringIn90Days')}</span><strong>{formatNumber(m('contracts.expiring90'))}</strong></div>
        </div>
        <Show when={(props.rows?.length ?? 0) > 1}>
          <div class="card">
            <CoverageChart
              rows={(props.rows ?? []).map((r) => {
                const units = r.metrics?.['units.count'] ?? 0;
                return { name: r.name, rate: units > 0 ? (100 * (r.metrics?.['contracts.unitsCovered'] ?? 0)) / units : 0, inForce: r.metrics?.['contracts.inForce'] ?? 0 };
              })}
            />
          </div>
        </Show>
      </section>
    </Show>
  );
}
