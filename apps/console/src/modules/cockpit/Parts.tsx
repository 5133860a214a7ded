import { For, Show } from 'solid-js';
import { label, t } from '../../i18n';
import { asOfText, change, direction, figure, nameOf, scopeOfDivision } from './fmt';
import type { IndicatorView, OverviewData } from './source';

type Figure = OverviewData['headline'][number];

/** 口径: the indicator's definition, opened on demand (a disclosure; no overlay to fight on a phone or in print). */
export function Definition(props: { indicator: IndicatorView | undefined }) {
  return (
    <Show when={props.indicator}>
      {(ind) => (
        <details class="ck-def ck-noprint">
          <summary>
            {t('cockpit.definition')}
            <span class="visually-hidden">：{nameOf(ind())}</span>
          </summary>
          <p class="ck-def__body" role="note">
            <strong>{t('cockpit.definitionOf', { label: nameOf(ind()) })}</strong>
            <br />
            {label(ind().definition)}
          </p>
        </details>
      )}
    </Show>
  );
}

/** A figure with its year-on-year change (arrow and colour by the indicator's `better`) and 数据截至. */
export function FigureTile(props: { figure: Figure; indicator: IndicatorView | undefined; big?: boolean }) {
  const dir = () => direction(props.figure.value, props.figure.previous, props.indicator?.better);
  return (
    <li class="ck-fig" classList={{ 'ck-fig--big': props.big }} data-testid={`fig-${props.figure.key}`}>
      <div class="ck-fig__head">
        <span class="ck-fig__label">{nameOf(props.indicator)}</span>
        <Definition indicator={props.indicator} />
      </div>
      <span class="ck-fig__value">{figure(props.figure.value, props.indicator)}</span>
      <span class={`ck-fig__change ck-tone--${dir().tone}`}>
        <Show when={props.figure.previous !== null && props.indicator} fallback={<span class="muted">{t('cockpit.yoyNone')}</span>}>
          <Show when={props.figure.previous !== 0 || props.indicator!.format === 'percent'} fallback={<span class="muted">{t('cockpit.yoyFromZero')}</span>}>
            <span aria-hidden="true">{dir().arrow} </span>
            {t('cockpit.yoy')} {change(props.figure.value, props.figure.previous, props.indicator!)}
          </Show>
        </Show>
      </span>
      <span class="ck-fig__asof muted">{asOfText(props.figure.asOf)}</span>
    </li>
  );
}

/** The alerts a leader should see: counts per federation (no record, no person); a federation drills to its scope. */
export function Alerts(props: { alerts: OverviewData['alerts']; onDrill: (scope: string) => void }) {
  return (
    <section class="card ck-alerts ck-section" aria-labelledby="ck-alerts-title">
      <h2 id="ck-alerts-title">{t('cockpit.alerts')}</h2>
      <ul class="ck-alerts__list">
        <For each={props.alerts}>
          {(a) => (
            <li class="ck-alert" classList={{ 'ck-alert--on': a.federations.length > 0 }}>
              <div class="ck-alert__head">
                <span class="ck-alert__label">{label(a.label)}</span>
                <span class="ck-alert__total">
                  {a.federations.length === 0 ? t('cockpit.alertsNone') : a.kind === 'budgetNearlySpent' ? t('cockpit.alertFederations', { count: a.total }) : t('cockpit.alertTotal', { total: a.total })}
                </span>
              </div>
              <Show when={a.federations.length > 0}>
                <ul class="ck-alert__feds">
                  <For each={a.federations}>
                    {(f) => (
                      <li>
                        <button type="button" class="ck-link" onClick={() => props.onDrill(scopeOfDivision(f.divisionCode))}>
                          {f.name}
                        </button>
                        <span class="ck-alert__count">{a.kind === 'budgetNearlySpent' ? t('cockpit.alertBudget', { share: `${Math.round(f.count / 10) / 10}%` }) : f.count}</span>
                      </li>
                    )}
                  </For>
                </ul>
              </Show>
            </li>
          )}
        </For>
      </ul>
    </section>
  );
}
