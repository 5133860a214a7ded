import { Show } from 'solid-js';
import { label, t } from '../../i18n';
import type { Level } from './shared';

/** One honour as a chip: "2020 省部级劳动模范"; a revoked one struck through with "撤销于 …". */
export function HonourChip(props: { title: { zh: string; en: string }; year: number; level: Level; revokedOn: string | null | undefined }) {
  return (
    <span class={`mw-chip mw-chip--${props.level}`} classList={{ 'mw-chip--revoked': !!props.revokedOn }}>
      <Show when={props.revokedOn} fallback={<span>{props.year} {label(props.title)}</span>}>
        <s>
          {props.year} {label(props.title)}
        </s>{' '}
        <span class="mw-chip__revoked">{t('modelWorkers.revokedOn', { date: props.revokedOn })}</span>
      </Show>
    </span>
  );
}
