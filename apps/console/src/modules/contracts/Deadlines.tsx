import { A } from '@solidjs/router';
import { createMemo, createResource, createSignal, For, Show } from 'solid-js';
import { mutate, query } from '../../api';
import { Banner } from '../../components/Banner';
import { hasRole } from '../../session';
import { errorText, showError, showToast } from '../../toast';
import type { ClockRule } from '@ufp/core/contracts/contract';
import { bi, clockText, countLabel, tx, type Clock } from './shared';
import './contracts.css';

interface Settings {
  dayCount: Record<ClockRule, 'natural' | 'working'>;
  extendOnRestDay: boolean;
  minimumWageFen?: number;
  publishWithinDays: number;
  version: number;
  coveredYears: number[];
}

const RULES = [
  ['offerReply', { zh: '要约回应（20日）', en: 'Offer reply (20 days)' }],
  ['repVacancy', { zh: '协商代表空缺补足（15日）', en: 'Refill a vacant representative seat (15 days)' }],
  ['filing', { zh: '报送审查（10日）', en: 'Filing (10 days)' }],
  ['review', { zh: '审查期/自动生效（15日）', en: 'Review / auto-effective (15 days)' }],
  ['publish', { zh: '公布（地方规定）', en: 'Publication (local)' }],
] as const satisfies readonly (readonly [ClockRule, unknown])[];

/** Every open legal clock of the federation, by due day; the clock rules for admins. */
export default function Deadlines() {
  const [within, setWithin] = createSignal(60);
  const [data, { refetch }] = createResource(within, (w) => query('contracts.deadlines.list', { withinDays: w }));
  const byDay = createMemo(() => {
    const groups = new Map<string, Clock[]>();
    for (const k of data()?.items ?? []) groups.set(k.dueOn, [...(groups.get(k.dueOn) ?? []), k]);
    return [...groups.entries()];
  });
  const provisional = createMemo(() => (data()?.items ?? []).filter((k) => k.provisional));
  const provisionalYears = createMemo(() => [...new Set(provisional().flatMap((k) => k.provisional!.years))].sort());
  return (
    <section aria-labelledby="deadlines-title">
      <div class="page-head">
        <div>
          <h1 id="deadlines-title">{tx('法定期限', 'Legal deadlines')}</h1>
          <Show when={data()}>
            <p class="muted">
              {tx(`今天 ${data()!.today}；已加载节假日安排：${data()!.coveredYears.join('、')}年。未加载年份的期限标为“暂定”。`, `Today ${data()!.today}; holiday notices loaded for ${data()!.coveredYears.join(', ')}. Deadlines in other years are provisional.`)}
            </p>
          </Show>
        </div>
        <div class="toolbar">
          <label for="d-within">{tx('范围', 'Within')}</label>
          <select id="d-within" value={String(within())} onChange={(e) => setWithin(Number(e.currentTarget.value))}>
            <For each={[7, 30, 60, 90, 365]}>{(d) => <option value={String(d)}>{tx(`${d}天内`, `${d} days`)}</option>}</For>
          </select>
          <A href="/contracts" class="btn">{tx('台账', 'Ledger')}</A>
        </div>
      </div>
      <Show when={data.error}>
        <Banner kind="error" action={<button type="button" class="btn" onClick={() => void refetch()}>{tx('重试', 'Retry')}</button>}>{errorText(data.error)}</Banner>
      </Show>
      <Show when={provisional().length}>
        <Banner kind="info">
          <span data-testid="provisional-summary">
            {tx(
              `${provisional().length} 个期限为暂定：${provisionalYears().join('、')}年节假日安排尚未加载，按周末推算，通知加载后自动重新计算。`,
              `${provisional().length} deadline(s) are provisional: no holiday notice is loaded for ${provisionalYears().join(', ')}; counted on weekends only until it is.`,
            )}
          </span>
        </Banner>
      </Show>
      <Show when={data() && byDay().length === 0}>
        <p class="muted">{tx('范围内没有到期的法定期限。', 'No deadlines in this range.')}</p>
      </Show>
      <ol class="timeline" aria-label={tx('到期日历', 'Deadline calendar')}>
        <For each={byDay()}>
          {([day, clocks]) => (
            <li class={clocks.some((k) => k.state === 'overdue') ? 'current' : 'done'}>
              <strong>{day}</strong>
              <For each={clocks}>
                {(k) => (
                  <span class="note">
                    <A href={`/contracts/${k.contractId}`}>{k.title}</A> · <span class={`clock clock--${k.state}`}>{clockText(k)}</span>
                    <Show when={k.provisional}> <em class="clock--due_soon" data-testid="clock-provisional">{tx('暂定', 'provisional')}：{bi(k.provisional!.reason)}</em></Show>
                  </span>
                )}
              </For>
            </li>
          )}
        </For>
      </ol>
      <Show when={hasRole('federation_admin')}>
        <RuleSettings onSaved={() => void refetch()} />
      </Show>
    </section>
  );
}

function RuleSettings(props: { onSaved: () => void }) {
  const [s, { mutate: set }] = createResource(() => query('contracts.settings.get'));
  const [busy, setBusy] = createSignal(false);
  async function save(e: SubmitEvent) {
    e.preventDefault();
    const f = new FormData(e.currentTarget as HTMLFormElement);
    const wage = String(f.get('minimumWage') ?? '').trim();
    setBusy(true);
    try {
      const next = await mutate('contracts.settings.set', {
        version: s()!.version,
        dayCount: Object.fromEntries(RULES.map(([r]) => [r, f.get(`count-${r}`)])),
        extendOnRestDay: f.get('extend') === 'on',
        minimumWageFen: wage === '' ? null : Math.round(Number(wage) * 100),
        publishWithinDays: Number(f.get('publishWithinDays') ?? 10),
      });
      set((prev) => (prev ? { ...prev, ...next } : prev)); // `settings.set` returns the rules, not the covered years
      showToast('success', () => tx('规则已保存，期限已按新规则重新计算', 'Saved; deadlines recomputed'));
      props.onSaved();
    } catch (err) {
      showError(err);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Show when={s()}>
      <form class="step-form form" onSubmit={(e) => void save(e)}>
        <h2>{tx('本地期限规则', 'Local clock rules')}</h2>
        <For each={RULES}>
          {([r, label]) => (
            <div class="field">
              <label for={`count-${r}`}>{bi(label)}</label>
              <select id={`count-${r}`} name={`count-${r}`}>
                <option value="natural" selected={s()!.dayCount[r] === 'natural'}>{countLabel('natural')}</option>
                <option value="working" selected={s()!.dayCount[r] === 'working'}>{countLabel('working')}</option>
              </select>
            </div>
          )}
        </For>
        <div class="field">
          <label><input type="checkbox" name="extend" checked={s()!.extendOnRestDay} /> {tx('自然日期限末日遇休息日顺延（民法典第二百零三条）', 'Extend a natural-day deadline ending on a rest day (Civil Code Art. 203)')}</label>
        </div>
        <div class="field">
          <label for="s-wage">{tx('当地最低工资标准（元/月）', 'Local minimum wage (yuan/month)')}</label>
          <input id="s-wage" name="minimumWage" type="number" step="0.01" min="0" value={s()!.minimumWageFen !== undefined ? (s()!.minimumWageFen! / 100).toFixed(2) : ''} />
        </div>
        <div class="field">
          <label for="s-publish">{tx('生效后公布期限（日，0为不设）', 'Days to publish after effect (0 = off)')}</label>
          <input id="s-publish" name="publishWithinDays" type="number" min="0" max="60" value={s()!.publishWithinDays} />
        </div>
        <div class="form__actions">
          <button type="submit" class="btn btn--primary" disabled={busy()}>{tx('保存规则', 'Save rules')}</button>
        </div>
      </form>
    </Show>
  );
}
