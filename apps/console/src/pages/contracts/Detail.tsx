import { A, useParams } from '@solidjs/router';
import { createMemo, createResource, createSignal, For, Index, Show } from 'solid-js';
import { mutate, query } from '../../api';
import { Banner } from '../../components/Banner';
import { Field } from '../../components/Field';
import { createFieldErrors } from '../../forms';
import { formatNumber } from '../../i18n';
import { hasRole } from '../../session';
import { errorText, showToast } from '../../toast';
import { bi, clockText, industryLabel, MAIN_PATH, specialLabel, statusLabel, stepLabel, tx, typeLabel, type Contract } from './shared';
import './contracts.css';

type FieldSpec = { name: string; label: () => string; kind: 'date' | 'text' | 'textarea' | 'number' | 'select' | 'bool'; options?: [string, () => string][]; optional?: boolean };

const SPECS: Record<string, FieldSpec[]> = {
  'offer.send': [
    { name: 'sentOn', label: () => tx('要约送达日', 'Sent on'), kind: 'date' },
    { name: 'fromSide', label: () => tx('提出方', 'From'), kind: 'select', options: [['worker', () => tx('职工方', 'Workers')], ['employer', () => tx('企业方', 'Employer')]] },
  ],
  'offer.reply': [
    { name: 'repliedOn', label: () => tx('书面回应日', 'Replied on'), kind: 'date' },
    { name: 'accepted', label: () => tx('同意协商', 'Accepted'), kind: 'bool' },
  ],
  'rounds.add': [
    { name: 'heldOn', label: () => tx('会议日期', 'Held on'), kind: 'date' },
    { name: 'minutes', label: () => tx('会议纪要', 'Minutes'), kind: 'textarea' },
    { name: 'openIssues', label: () => tx('待议事项（每行一项）', 'Open issues (one per line)'), kind: 'textarea', optional: true },
  ],
  sign: [{ name: 'signedOn', label: () => tx('签字日期', 'Signed on'), kind: 'date' }],
  file: [{ name: 'filedOn', label: () => tx('报送日期（人社部门收到日）', 'Filed on (received)'), kind: 'date' }],
  'review.record': [
    { name: 'objectionOn', label: () => tx('异议日期（无异议请留空）', 'Objection date (blank if none)'), kind: 'date', optional: true },
    { name: 'opinion', label: () => tx('审查意见', 'Opinion'), kind: 'textarea', optional: true },
  ],
  publish: [{ name: 'publishedOn', label: () => tx('公布日期', 'Published on'), kind: 'date' }],
  'performance.check': [
    { name: 'year', label: () => tx('年度', 'Year'), kind: 'number' },
    { name: 'findings', label: () => tx('检查情况', 'Findings'), kind: 'textarea' },
    { name: 'breaches', label: () => tx('违约情况', 'Breaches'), kind: 'textarea', optional: true },
  ],
  renew: [],
  terminate: [{ name: 'reason', label: () => tx('解除原因', 'Reason'), kind: 'textarea' }],
};

/** A contract: its facts, the lifecycle timeline with the running clocks, and the next step's form. */
export default function ContractDetail() {
  const params = useParams();
  const [contract, { mutate: setContract, refetch }] = createResource(() => params.contractId, (id) => query<Contract>('contracts.get', { contractId: id }));
  const [settings] = createResource(() => query<{ today: string }>('contracts.settings.get'));
  const canWrite = () => hasRole('federation_admin', 'federation_staff');
  const [step, setStep] = createSignal('');
  const current = () => step() || contract()?.nextSteps[0] || '';

  return (
    <section aria-labelledby="contract-title">
      <Show when={contract.error}>
        <Banner kind="error" action={<button type="button" class="btn" onClick={() => void refetch()}>{tx('重试', 'Retry')}</button>}>
          {errorText(contract.error)}
        </Banner>
      </Show>
      <Show when={contract()}>
        {(c) => (
          <>
            <div class="page-head">
              <div>
                <h1 id="contract-title">{c().title}</h1>
                <p class="muted">
                  {bi(typeLabel[c().type])}
                  {c().specialKind ? ` · ${bi(specialLabel[c().specialKind!])}` : ''}
                  {c().scope?.industry ? ` · ${bi(industryLabel[c().scope!.industry!])}` : ''} ·{' '}
                  <span class={`badge badge--${c().status}`} data-testid="contract-status">
                    {bi(statusLabel[c().status])}
                  </span>
                </p>
              </div>
              <div class="toolbar">
                <A href="/contracts" class="btn">{tx('返回台账', 'Back to ledger')}</A>
                <button type="button" class="btn" onClick={() => window.print()}>{tx('打印', 'Print')}</button>
              </div>
            </div>
            <dl class="facts">
              <dt>{tx('期限', 'Term')}</dt>
              <dd>{c().term.start} ~ {c().term.end}</dd>
              <dt>{tx('企业方', 'Employer')}</dt>
              <dd>{c().employerParties.map((p) => p.name).join('、')}</dd>
              <dt>{tx('覆盖', 'Coverage')}</dt>
              <dd>{tx(`${formatNumber(c().coveredEnterprises)} 家企业，${formatNumber(c().coveredEmployees)} 名职工`, `${formatNumber(c().coveredEnterprises)} enterprises, ${formatNumber(c().coveredEmployees)} employees`)}</dd>
              <Show when={c().clauses.wageGrowthPct !== undefined}>
                <dt>{tx('工资增幅', 'Wage growth')}</dt>
                <dd>{c().clauses.wageGrowthPct}%</dd>
              </Show>
              <Show when={c().filing}>
                <dt>{tx('报送', 'Filing')}</dt>
                <dd>
                  {c().filing!.filedOn}
                  <Show when={c().filing!.lateDays > 0}>
                    <strong class="clock--overdue"> {tx(`逾期 ${c().filing!.lateDays} 天（应于 ${c().filing!.dueOn} 前）`, `${c().filing!.lateDays} day(s) late (due ${c().filing!.dueOn})`)}</strong>
                  </Show>
                </dd>
              </Show>
              <Show when={c().successorId}>
                <dt>{tx('续签合同', 'Successor')}</dt>
                <dd><A href={`/contracts/${c().successorId}`}>{tx('查看', 'Open')}</A></dd>
              </Show>
              <Show when={c().predecessorId}>
                <dt>{tx('上期合同', 'Predecessor')}</dt>
                <dd><A href={`/contracts/${c().predecessorId}`}>{tx('查看', 'Open')}</A></dd>
              </Show>
            </dl>
            <h2>{tx('办理进程', 'Lifecycle')}</h2>
            <Timeline c={c()} />
            <Show when={canWrite() && c().status !== 'terminated'}>
              <div class="step-form">
                <div class="field">
                  <label for="step-pick">{tx('办理事项', 'Step')}</label>
                  <select id="step-pick" value={current()} onChange={(e) => setStep(e.currentTarget.value)}>
                    <For each={[...c().nextSteps, ...(c().status === 'expired' ? [] : ['terminate'])]}>{(s) => <option value={s}>{bi(stepLabel[s])}</option>}</For>
                  </select>
                </div>
                <Show when={current() ? `${current()}|${c().version}` : ''} keyed>
                  {(key) => (
                    <StepForm
                      step={key.split('|')[0]!}
                      c={c()}
                      today={settings()?.today ?? new Date().toISOString().slice(0, 10)}
                      onDone={(next) => {
                        setContract(next);
                        setStep('');
                      }}
                    />
                  )}
                </Show>
              </div>
            </Show>
          </>
        )}
      </Show>
    </section>
  );
}

function Timeline(props: { c: Contract }) {
  const doneSteps = createMemo(() => new Set(props.c.history.map((h) => h.step)));
  const upcoming = createMemo(() => MAIN_PATH.filter((s) => !doneSteps().has(s)));
  return (
    <ol class="timeline" aria-label={tx('办理进程', 'Lifecycle')}>
      <For each={props.c.history}>
        {(h) => (
          <li class="done">
            <strong>{bi(stepLabel[h.step])}</strong> <span class="muted">{h.on}</span>
            <Show when={h.note}><span class="note">{h.note}</span></Show>
          </li>
        )}
      </For>
      <For each={props.c.clocks}>
        {(k) => (
          <li class="current">
            <strong class={`clock clock--${k.state}`}>{clockText(k)}</strong>
            <span class="note">
              {k.basis}
              <Show when={k.extendedFrom}>{tx(`；末日为休息日，顺延自 ${k.extendedFrom}`, `; moved from ${k.extendedFrom} (rest day)`)}</Show>
            </span>
            <Show when={k.provisional}>
              <span class="note clock--due_soon">{tx('暂定：', 'Provisional: ')}{bi(k.provisional!.reason)}</span>
            </Show>
          </li>
        )}
      </For>
      <Show when={props.c.nextSteps[0]}>
        <li class="current" data-testid="next-step">
          {tx('下一步：', 'Next: ')}<strong>{bi(stepLabel[props.c.nextSteps[0]!])}</strong>
        </li>
      </Show>
      <For each={upcoming().filter((s) => s !== props.c.nextSteps[0]).slice(0, 3)}>
        {(s) => <li class="next">{bi(stepLabel[s])}</li>}
      </For>
    </ol>
  );
}

function StepForm(props: { step: string; c: Contract; today: string; onDone: (c: Contract) => void }) {
  const errs = createFieldErrors();
  const [busy, setBusy] = createSignal(false);
  const [banner, setBanner] = createSignal('');
  const specs = () => SPECS[props.step] ?? [];

  async function send(input: Record<string, unknown>) {
    setBusy(true);
    setBanner('');
    try {
      const res = await mutate<Contract | { contract: Contract }>(`contracts.${props.step}`, { contractId: props.c.contractId, ...input });
      props.onDone('contract' in res ? res.contract : res);
      showToast('success', () => tx(`已办理：${stepLabel[props.step]?.zh}`, `Done: ${stepLabel[props.step]?.en}`));
    } catch (err) {
      const rest = errs.fromServer(err, [...specs().map((s) => s.name), 'members', 'chiefIndex', 'representativesTotal', 'present', 'approve', 'heldOn']);
      if (rest.length || !Object.keys(errs.errors()).length) setBanner(errorText(err));
    } finally {
      setBusy(false);
    }
  }

  function submitGeneric(e: SubmitEvent) {
    e.preventDefault();
    const f = new FormData(e.currentTarget as HTMLFormElement);
    const input: Record<string, unknown> = {};
    for (const s of specs()) {
      const raw = String(f.get(s.name) ?? '').trim();
      if (s.kind === 'bool') input[s.name] = raw === 'yes';
      else if (raw === '' && s.optional) continue;
      else if (s.kind === 'number') input[s.name] = Number(raw);
      else if (s.name === 'openIssues') input[s.name] = raw.split(/\n+/).map((x) => x.trim()).filter(Boolean);
      else input[s.name] = raw;
    }
    void send(input);
  }

  return (
    <>
      <Show when={banner()}>
        <Banner kind="error">{banner()}</Banner>
      </Show>
      <Show when={props.step === 'representatives.set'}>
        <RepresentativesForm c={props.c} busy={busy()} errs={errs} onSubmit={(i) => void send(i)} />
      </Show>
      <Show when={props.step === 'congress.record'}>
        <VoteForm today={props.today} busy={busy()} errs={errs} onSubmit={(i) => void send(i)} />
      </Show>
      <Show when={props.step !== 'representatives.set' && props.step !== 'congress.record'}>
        <form class="form" onSubmit={submitGeneric} novalidate>
          <For each={specs()}>
            {(s) => (
              <Field id={`f-${s.name}`} label={s.label()} required={!s.optional} error={errs.get(s.name)}>
                {s.kind === 'date' ? (
                  <input id={`f-${s.name}`} name={s.name} type="date" value={s.optional ? '' : props.today} />
                ) : s.kind === 'textarea' ? (
                  <textarea id={`f-${s.name}`} name={s.name} rows="3" />
                ) : s.kind === 'number' ? (
                  <input id={`f-${s.name}`} name={s.name} type="number" value={props.today.slice(0, 4)} />
                ) : s.kind === 'select' ? (
                  <select id={`f-${s.name}`} name={s.name}>
                    <For each={s.options}>{([v, l]) => <option value={v}>{l()}</option>}</For>
                  </select>
                ) : s.kind === 'bool' ? (
                  <select id={`f-${s.name}`} name={s.name}>
                    <option value="yes">{tx('是', 'Yes')}</option>
                    <option value="no">{tx('否', 'No')}</option>
                  </select>
                ) : (
                  <input id={`f-${s.name}`} name={s.name} />
                )}
              </Field>
            )}
          </For>
          <div class="form__actions">
            <button type="submit" class="btn btn--primary" disabled={busy()}>
              {tx(`办理：${stepLabel[props.step]?.zh ?? props.step}`, `Record: ${stepLabel[props.step]?.en ?? props.step}`)}
            </button>
          </div>
        </form>
      </Show>
    </>
  );
}

type Errs = ReturnType<typeof createFieldErrors>;

function RepresentativesForm(props: { c: Contract; busy: boolean; errs: Errs; onSubmit: (input: Record<string, unknown>) => void }) {
  const firstOpen = () => (props.c.representatives.worker ? 'employer' : 'worker');
  const [side, setSide] = createSignal<'worker' | 'employer'>(firstOpen());
  const otherSize = () => props.c.representatives[side() === 'worker' ? 'employer' : 'worker']?.members.length;
  const [rows, setRows] = createSignal(Array.from({ length: Math.max(3, otherSize() ?? 3) }, () => ({ name: '', role: '', outsider: false })));
  const [chief, setChief] = createSignal(0);
  const update = (i: number, patch: Partial<{ name: string; role: string; outsider: boolean }>) => setRows(rows().map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <form
      class="form"
      novalidate
      onSubmit={(e) => {
        e.preventDefault();
        props.onSubmit({ side: side(), members: rows().map((r) => ({ name: r.name.trim(), role: r.role.trim() || tx('代表', 'Member'), ...(r.outsider ? { outsider: true } : {}) })), chiefIndex: chief() });
      }}
    >
      <Field id="rep-side" label={tx('哪一方', 'Side')}>
        <select id="rep-side" value={side()} onChange={(e) => setSide(e.currentTarget.value as 'worker' | 'employer')}>
          <option value="worker">{tx('职工方', 'Workers')}{props.c.representatives.worker ? tx('（已确定）', ' (set)') : ''}</option>
          <option value="employer">{tx('企业方', 'Employer')}{props.c.representatives.employer ? tx('（已确定）', ' (set)') : ''}</option>
        </select>
      </Field>
      <p class="muted">
        {tx('每方不少于3人，双方人数对等；外聘专家不超过三分之一且不得任首席代表。', 'At least 3 per side, equal sizes; outside experts at most a third and never the chief.')}
        <Show when={otherSize()}>{tx(`对方 ${otherSize()} 人。`, ` The other side has ${otherSize()}.`)}</Show>
      </p>
      <Index each={rows()}>
        {(r, i) => (
          <div class="rep-row">
            <input aria-label={tx(`代表${i + 1}姓名`, `Representative ${i + 1} name`)} placeholder={tx('姓名', 'Name')} value={r().name} onInput={(e) => update(i, { name: e.currentTarget.value })} />
            <input aria-label={tx(`代表${i + 1}职务`, `Representative ${i + 1} role`)} placeholder={tx('职务', 'Role')} value={r().role} onInput={(e) => update(i, { role: e.currentTarget.value })} />
            <label><input type="radio" name="chief" checked={chief() === i} onChange={() => setChief(i)} /> {tx('首席', 'Chief')}</label>
            <label><input type="checkbox" checked={r().outsider} onChange={(e) => update(i, { outsider: e.currentTarget.checked })} /> {tx('外聘', 'Outsider')}</label>
          </div>
        )}
      </Index>
      <Show when={props.errs.get('members') || props.errs.get('chiefIndex')}>
        <p class="field__error" role="alert">{(props.errs.get('members') ?? props.errs.get('chiefIndex'))!()}</p>
      </Show>
      <div class="form__actions">
        <button type="button" class="btn" onClick={() => setRows([...rows(), { name: '', role: '', outsider: false }])}>{tx('增加一人', 'Add one')}</button>
        <button type="submit" class="btn btn--primary" disabled={props.busy}>{tx('保存协商代表', 'Save representatives')}</button>
      </div>
    </form>
  );
}

/** The 职代会 vote with the threshold shown live: ≥ 2/3 present AND > 1/2 of ALL approve. */
function VoteForm(props: { today: string; busy: boolean; errs: Errs; onSubmit: (input: Record<string, unknown>) => void }) {
  const [total, setTotal] = createSignal(0);
  const [present, setPresent] = createSignal(0);
  const [approve, setApprove] = createSignal(0);
  const [heldOn, setHeldOn] = createSignal(props.today);
  const quorumNeeded = () => Math.ceil((2 * total()) / 3);
  const approveNeeded = () => Math.floor(total() / 2) + 1;
  const quorumOk = () => total() > 0 && 3 * present() >= 2 * total();
  const majorityOk = () => total() > 0 && 2 * approve() > total();
  const num = (set: (n: number) => void) => (e: InputEvent & { currentTarget: HTMLInputElement }) => set(Math.max(0, Math.floor(Number(e.currentTarget.value) || 0)));
  return (
    <form
      class="form"
      novalidate
      onSubmit={(e) => {
        e.preventDefault();
        props.onSubmit({ heldOn: heldOn(), representativesTotal: total(), present: present(), approve: approve() });
      }}
    >
      <Field id="v-held" label={tx('会议日期', 'Held on')} error={props.errs.get('heldOn')}>
        <input id="v-held" type="date" value={heldOn()} onInput={(e) => setHeldOn(e.currentTarget.value)} />
      </Field>
      <Field id="v-total" label={tx('应到代表（全体）', 'All representatives')} required error={props.errs.get('representativesTotal')}>
        <input id="v-total" type="number" min="1" inputmode="numeric" onInput={num(setTotal)} />
      </Field>
      <Field id="v-present" label={tx('实到代表', 'Present')} required error={props.errs.get('present')}>
        <input id="v-present" type="number" min="0" inputmode="numeric" onInput={num(setPresent)} />
      </Field>
      <Field id="v-approve" label={tx('赞成票', 'In favour')} required error={props.errs.get('approve')}>
        <input id="v-approve" type="number" min="0" inputmode="numeric" onInput={num(setApprove)} />
      </Field>
      <div class="vote-meter" aria-live="polite" data-testid="vote-meter">
        <span class={quorumOk() ? 'ok' : 'fail'}>
          {quorumOk() ? '✓ ' : '✗ '}
          {tx(`出席须达全体代表三分之二：至少 ${quorumNeeded()} 人（现 ${present()} 人）`, `Quorum of two thirds: at least ${quorumNeeded()} present (now ${present()})`)}
        </span>
        <span class={majorityOk() ? 'ok' : 'fail'}>
          {majorityOk() ? '✓ ' : '✗ '}
          {tx(`赞成须超过全体代表半数（不是出席人数）：至少 ${approveNeeded()} 票（现 ${approve()} 票）`, `More than half of ALL representatives (not of those present): at least ${approveNeeded()} (now ${approve()})`)}
        </span>
        <strong>{quorumOk() && majorityOk() ? tx('按此结果：通过', 'With these numbers: passes') : tx('按此结果：不通过', 'With these numbers: fails')}</strong>
      </div>
      <div class="form__actions">
        <button type="submit" class="btn btn--primary" disabled={props.busy || total() < 1}>{tx('记录表决结果', 'Record the vote')}</button>
      </div>
    </form>
  );
}
