import { createMemo, For, Index, Match, Show, Switch } from 'solid-js';
import { createStore, reconcile } from 'solid-js/store';
import { Field } from '../../components/Field';
import { Input } from '../../components/Input';
import { parseYuan, yuan } from '../../format';
import { t, tMaybe } from '../../i18n';
import type { RuleSettings } from './contract';
import { bi, settingValue } from './shared';

export const TIE_BREAKS = ['completionTime', 'practical', 'theory', 'defence'] as const;
const SETTING_KEYS = ['theoryWeightMaxBp', 'dropHighLowMinJudges', 'judgementSpreadMaxPoints', 'marksSpreadMaxBp', 'tieBreak', 'protestWindowMinutes', 'prizes', 'honours', 'workNumberDigits'] as const;
type Key = (typeof SETTING_KEYS)[number];

export const settingLabel = (k: string) => tMaybe(`competitions.setting.${k}`, k);
export const tieBreakLabel = (k: string) => tMaybe(`competitions.tieBreak.${k}`, k);

/** The settings a competition changed from its pack (compared as JSON), to send as `overrides`. */
export function overridesOf(pack: RuleSettings, mine: RuleSettings): Partial<RuleSettings> {
  const out: Record<string, unknown> = {};
  for (const k of SETTING_KEYS) if (JSON.stringify(pack[k]) !== JSON.stringify(mine[k])) out[k] = mine[k];
  return out as Partial<RuleSettings>;
}

/** An editable copy of a rule pack's settings. */
export function createRules(initial: RuleSettings) {
  const [rules, setRules] = createStore<RuleSettings>(structuredClone(initial));
  return { rules, setRules, reset: (s: RuleSettings) => setRules(reconcile(structuredClone(s))) };
}

/** What a setting says, readably (a prize table as its rows, a cascade as its steps). */
export function SettingText(props: { k: string; v: unknown }) {
  const v = () => props.v as never;
  return (
    <Switch fallback={<span class="cmp-wrap">{settingValue(props.v)}</span>}>
      <Match when={props.k === 'prizes'}>
        <PrizeText rule={v()} />
      </Match>
      <Match when={props.k === 'tieBreak'}>
        <span>{(v() as string[]).map(tieBreakLabel).join(' → ')}</span>
      </Match>
      <Match when={props.k === 'honours'}>
        <ul class="cmp-list">
          <For each={v() as RuleSettings['honours']}>
            {(h) => (
              <li>
                {t('competitions.rankRange', { from: h.fromRank, to: h.toRank })}: {h.award.kind === 'recommendation' ? bi(h.award.name) : t('competitions.gradeUp')}
              </li>
            )}
          </For>
        </ul>
      </Match>
    </Switch>
  );
}

function PrizeText(props: { rule: RuleSettings['prizes'] }) {
  return (
    <ul class="cmp-list">
      <Show when={props.rule.kind === 'byRank'} fallback={<For each={(props.rule as Extract<RuleSettings['prizes'], { kind: 'byShare' }>).tiers}>{(tier) => <li>{bi(tier.label)} · {t('competitions.share', { pct: tier.shareBp / 100 })} · {yuan(tier.amountFen)}</li>}</For>}>
        <For each={(props.rule as Extract<RuleSettings['prizes'], { kind: 'byRank' }>).table}>{(row) => <li>{bi(row.label)} · {t('competitions.rankRange', { from: row.fromRank, to: row.toRank })} · {yuan(row.amountFen)}</li>}</For>
      </Show>
    </ul>
  );
}

/** The differences from the pack, each with the pack's value and the competition's. */
export function Differences(props: { pack: RuleSettings; mine: RuleSettings }) {
  const keys = createMemo(() => Object.keys(overridesOf(props.pack, props.mine)) as Key[]);
  return (
    <div data-testid="cmp-differences">
      <h3>{t('competitions.differences')}</h3>
      <Show when={keys().length > 0} fallback={<p class="muted">{t('competitions.noDifferences')}</p>}>
        <ul class="cmp-list">
          <For each={keys()}>
            {(k) => (
              <li class="card cmp-diff">
                <strong>{settingLabel(k)}</strong>
                <dl class="cmp-kv">
                  <dt>{t('competitions.packValue')}</dt>
                  <dd>
                    <SettingText k={k} v={props.pack[k]} />
                  </dd>
                  <dt>{t('competitions.yourValue')}</dt>
                  <dd>
                    <SettingText k={k} v={props.mine[k]} />
                  </dd>
                </dl>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </div>
  );
}

/** The settings as fields: numbers, the tie-break order and the prize amounts. */
export function RulesForm(props: { rules: RuleSettings; setRules: ReturnType<typeof createRules>['setRules'] }) {
  const num = (k: 'dropHighLowMinJudges' | 'judgementSpreadMaxPoints' | 'protestWindowMinutes' | 'workNumberDigits') => ({
    value: String(props.rules[k]),
    onValue: (v: string) => props.setRules(k, Number(v)),
  });
  const bpField = (k: 'theoryWeightMaxBp' | 'marksSpreadMaxBp') => ({
    value: String(props.rules[k] / 100),
    onValue: (v: string) => props.setRules(k, Math.round(Number(v) * 100)),
  });
  return (
    <fieldset class="cmp-fieldset">
      <legend>{t('competitions.settings')}</legend>
      <div class="cmp-grid">
        <Input id="cmp-theory" label={settingLabel('theoryWeightMaxBp') + ' (%)'} type="number" min="0" max="100" step="0.01" {...bpField('theoryWeightMaxBp')} />
        <Input id="cmp-drop" label={settingLabel('dropHighLowMinJudges')} type="number" min="3" max="99" {...num('dropHighLowMinJudges')} />
        <Input id="cmp-jspread" label={settingLabel('judgementSpreadMaxPoints')} type="number" min="1" max="3" {...num('judgementSpreadMaxPoints')} />
        <Input id="cmp-mspread" label={settingLabel('marksSpreadMaxBp') + ' (%)'} type="number" min="0.01" max="100" step="0.01" {...bpField('marksSpreadMaxBp')} />
        <Input id="cmp-protest" label={settingLabel('protestWindowMinutes')} type="number" min="0" max="10080" {...num('protestWindowMinutes')} />
        <Input id="cmp-digits" label={settingLabel('workNumberDigits')} type="number" min="3" max="8" {...num('workNumberDigits')} />
      </div>
      <fieldset class="cmp-fieldset">
        <legend>{settingLabel('tieBreak')}</legend>
        <div class="cmp-grid">
          <Index each={props.rules.tieBreak}>
            {(rule, i) => (
              <Field id={`cmp-tb-${i}`} label={t('competitions.tieStep', { n: i + 1 })}>
                <select id={`cmp-tb-${i}`} value={rule()} onChange={(e) => props.setRules('tieBreak', i, e.currentTarget.value as never)}>
                  <For each={TIE_BREAKS}>{(x) => <option value={x}>{tieBreakLabel(x)}</option>}</For>
                </select>
              </Field>
            )}
          </Index>
        </div>
        <div class="cmp-row">
          <Show when={props.rules.tieBreak.length < TIE_BREAKS.length}>
            <button type="button" class="btn btn--small" onClick={() => props.setRules('tieBreak', (l) => [...l, TIE_BREAKS.find((x) => !l.includes(x)) ?? 'defence'])}>
              {t('competitions.addTieStep')}
            </button>
          </Show>
          <Show when={props.rules.tieBreak.length > 0}>
            <button type="button" class="btn btn--small" onClick={() => props.setRules('tieBreak', (l) => l.slice(0, -1))}>
              {t('competitions.removeTieStep')}
            </button>
          </Show>
        </div>
      </fieldset>
      <fieldset class="cmp-fieldset">
        <legend>{settingLabel('prizes')}</legend>
        <Show
          when={props.rules.prizes.kind === 'byShare'}
          fallback={
            <Index each={(props.rules.prizes as Extract<RuleSettings['prizes'], { kind: 'byRank' }>).table}>
              {(row, i) => (
                <Input
                  id={`cmp-prize-${i}`}
                  label={`${bi(row().label)} (${t('competitions.rankRange', { from: row().fromRank, to: row().toRank })}) ${t('competitions.amountYuan')}`}
                  inputmode="decimal"
                  value={String(row().amountFen / 100)}
                  onValue={(v) => props.setRules('prizes', 'table' as never, i as never, 'amountFen' as never, (parseYuan(v) ?? 0) as never)}
                />
              )}
            </Index>
          }
        >
          <Index each={(props.rules.prizes as Extract<RuleSettings['prizes'], { kind: 'byShare' }>).tiers}>
            {(tier, i) => (
              <Input
                id={`cmp-prize-${i}`}
                label={`${bi(tier().label)} (${t('competitions.share', { pct: tier().shareBp / 100 })}) ${t('competitions.amountYuan')}`}
                inputmode="decimal"
                value={String(tier().amountFen / 100)}
                onValue={(v) => props.setRules('prizes', 'tiers' as never, i as never, 'amountFen' as never, (parseYuan(v) ?? 0) as never)}
              />
            )}
          </Index>
        </Show>
      </fieldset>
      <div>
        <strong>{settingLabel('honours')}</strong>
        <SettingText k="honours" v={props.rules.honours} />
      </div>
    </fieldset>
  );
}
