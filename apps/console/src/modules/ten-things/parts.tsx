import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { formatNumber, t } from '../../i18n';
import { comparatorSign, pct, statusLabel, type ItemV } from './labels';

export function StatusBadge(props: { status?: string }) {
  return (
    <Show when={props.status}>
      <span class={`tt-status tt--${props.status}`}>{statusLabel(props.status!)}</span>
    </Show>
  );
}

export function ProgressBar(props: { value: number; status?: string; label: string }) {
  return (
    <div
      class={`tt-bar tt--${props.status ?? 'on_track'}`}
      role="progressbar"
      aria-label={props.label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={Math.round(props.value * 100)}
    >
      <span style={{ width: `${Math.min(100, Math.round(props.value * 100))}%` }} />
    </div>
  );
}

export function TargetList(props: { item: ItemV }) {
  return (
    <ul class="tt-targets">
      <For each={props.item.targets}>
        {(target, i) => (
          <li>
            {target.indicator}：{formatNumber(props.item.achieved[i()] ?? 0)} / {comparatorSign(target.comparator)}
            {formatNumber(target.target)} {target.unit}
            <Show when={props.item.progress}>
              <span class="muted"> （{pct(props.item.progress!.targets[i()])}）</span>
            </Show>
            <Show when={target.link}>
              <span class="muted" title={t('tenThings.linked')}> ⚡</span>
            </Show>
          </li>
        )}
      </For>
    </ul>
  );
}

export function ItemCard(props: { item: ItemV; href?: string }) {
  const status = () => props.item.progress?.status;
  return (
    <article class={`tt-card tt--${status() ?? 'none'}`} data-testid="tt-item" aria-label={props.item.title}>
      <div class="tt-inline tt-inline--spread">
        <h3>
          <Show when={props.href} fallback={props.item.title}>
            <A href={props.href!}>{props.item.title}</A>
          </Show>
        </h3>
        <StatusBadge status={status()} />
      </div>
      <div class="muted">
        {t('tenThings.leadDept')}：{props.item.assignment?.leadDept ?? props.item.leadDept}
      </div>
      <Show when={props.item.progress}>
        {(p) => (
          <>
            <ProgressBar value={p().completion} status={p().status} label={`${props.item.title} ${t('tenThings.completion')}`} />
            <div>
              {t('tenThings.completion')} <strong data-testid="tt-completion">{pct(p().completion)}</strong>
              <Show when={props.item.satisfaction.count > 0}>
                <span class="muted">
                  {' '}
                  · {t('tenThings.satisfaction')} {props.item.satisfaction.mean} （{t('tenThings.ratings', { count: props.item.satisfaction.count })}）
                </span>
              </Show>
            </div>
            <Show when={p().milestone}>
              {(m) => (
                <div class={m().met ? 'muted' : 'tt-milestone--missed'} data-testid="tt-milestone">
                  {t(m().met ? 'tenThings.milestoneMet' : 'tenThings.milestoneMissed', { quarter: m().quarter, share: m().share })}
                </div>
              )}
            </Show>
          </>
        )}
      </Show>
      <TargetList item={props.item} />
    </article>
  );
}
