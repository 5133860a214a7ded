import { A, useParams } from '@solidjs/router';
import { createMemo, createResource, createSignal, For, Index, Show } from 'solid-js';
import { mutate, query, type InputOf, type MutationPath } from '../../api';
import { Banner } from '../../components/Banner';
import { Field } from '../../components/Field';
import { createFieldErrors } from '../../forms';
import { formatNumber } from '../../i18n';
import { hasRole } from '../../session';
import { errorText, showToast } from '../../toast';
import { voteRuleOf, type ContractType } from '@ufp/core/contracts/contract';
import { voteThresholds } from '@ufp/core/contracts/rules';
import { bi, clockText, industryLabel, MAIN_PATH, sideLabel, specialLabel, statusLabel, stepLabel, tx, typeLabel, type Contract, type Member, type Side, vacantSeats } from './shared';
import './contracts.css';
import { limits } from '@ufp/core/validation/limits';

/** Steps with a form of their own below; the rest use the generic SPECS form. */
const CUSTOM_FORMS = ['representatives.set', 'representatives.vacate', 'congress.record'];

/** `max`: the server's limit for the field (characters), from @ufp/core/validation/limits. */
type FieldSpec = { name: string; label: () => string; kind: 'date' | 'text' | 'textarea' | 'number' | 'select' | 'bool'; options?: [string, () => string][]; optional?: boolean; max?: number };

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
    { name: 'minutes', label: () => tx('会议纪要', 'Minutes'), kind: 'textarea', max: limits.contracts.minutes.max },
    { name: 'openIssues', label: () => tx('待议事项（每行一项）', 'Open issues (one per line)'), kind: 'textarea', optional: true, max: 50 * (limits.contracts.openIssue.max + 1) },
  ],
  sign: [{ name: 'signedOn', label: () => tx('签字日期', 'Signed on'), kind: 'date' }],
  file: [{ name: 'filedOn', label: () => tx('报送日期（人社部门收到日）', 'Filed on (received)'), kind: 'date' }],
  'review.record': [
    { name: 'objectionOn', label: () => tx('异议日期（无异议请留空）', 'Objection date (blank if none)'), kind: 'date', optional: true },
    { name: 'opinion', label: () => tx('审查意见', 'Opinion'), kind: 'textarea', optional: true, max: limits.contracts.opinion.max },
  ],
  publish: [{ name: 'publishedOn', label: () => tx('公布日期', 'Published on'), kind: 'date' }],
  'performance.check': [
    { name: 'year', label: () => tx('年度', 'Year'), kind: 'number' },
    { name: 'findings', label: () => tx('检查情况', 'Findings'), kind: 'textarea', max: limits.contracts.findings.max },
    { name: 'breaches', label: () => tx('违约情况', 'Breaches'), kind: 'textarea', optional: true, max: limits.contracts.breaches.max },
  ],
  renew: [],
  terminate: [{ name: 'reason', label: () => tx('解除原因', 'Reason'), kind: 'textarea', max: limits.contracts.reason.max }],
};

/** A contract: its facts, the lifecycle timeline with the running clocks, and the next step's form. */
export default function ContractDetail() {
  const params = useParams();
  const [contract, { mutate: setContract, refetch }] = createResource(() => params.contractId, (id) => query('contracts.get', { contractId: id }));
  const [settings] = createResource(() => query('contracts.settings.get'));
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
                    <strong class="clock--overdue"> {tx(`逾期 ${c().filing!.lateDays} 天（期限至 ${c().filing!.dueOn} 止）`, `${c().filing!.lateDays} day(s) late (the last day was ${c().filing!.dueOn})`)}</strong>
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
            <Representatives c={c()} />
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

/** The lifecycle steps' procedures (`contracts.offer.send`, `contracts.sign`, …). */
type StepPath = Exclude<Extract<MutationPath, `contracts.${string}`>, 'contracts.create' | 'contracts.settings.set' | 'contracts.calendar.load'>;

function StepForm(props: { step: string; c: Contract; today: string; onDone: (c: Contract) => void }) {
  const errs = createFieldErrors();
  const [busy, setBusy] = createSignal(false);
  const [banner, setBanner] = createSignal('');
  const specs = () => SPECS[props.step] ?? [];

  async function send(input: Record<string, unknown>) {
    setBusy(true);
    setBanner('');
    try {
      // The step is one of the contract's `nextSteps` (chosen at run time); each step takes the contract id and its form.
      const path = `contracts.${props.step}` as StepPath;
      const res = (await mutate<StepPath>(path, { contractId: props.c.contractId, ...input } as InputOf<StepPath>)) as Contract | { contract: Contract };
      props.onDone('contract' in res ? res.contract : res);
      showToast('success', () => tx(`已办理：${stepLabel[props.step]?.zh}`, `Done: ${stepLabel[props.step]?.en}`));
    } catch (err) {
      const rest = errs.fromServer(err, [...specs().map((s) => s.name), 'members', 'chiefIndex', 'femaleCommittee', 'representativesTotal', 'present', 'approve', 'heldOn', 'side', 'memberIndex', 'name', 'vacatedOn', 'reason']);
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
      <Show when={props.step === 'representatives.vacate'}>
        <VacateForm c={props.c} today={props.today} busy={busy()} errs={errs} onSubmit={(i) => void send(i)} />
      </Show>
      <Show when={props.step === 'congress.record'}>
        <VoteForm type={props.c.type as ContractType} today={props.today} busy={busy()} errs={errs} onSubmit={(i) => void send(i)} />
      </Show>
      <Show when={!CUSTOM_FORMS.includes(props.step)}>
        <form class="form" onSubmit={submitGeneric} novalidate>
          <For each={specs()}>
            {(s) => (
              <Field id={`f-${s.name}`} label={s.label()} required={!s.optional} error={errs.get(s.name)}>
                {s.kind === 'date' ? (
                  <input id={`f-${s.name}`} name={s.name} type="date" value={s.optional ? '' : props.today} />
                ) : s.kind === 'textarea' ? (
                  <textarea id={`f-${s.name}`} name={s.name} rows="3" maxlength={s.max} />
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
                  <input id={`f-${s.name}`} name={s.name} maxlength={s.max} />
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

/** Who bargains for each side, with the chief, outsiders, the 女职工委员会 head and vacant seats. */
function Representatives(props: { c: Contract }) {
  const sides = () => (['worker', 'employer'] as const).filter((side) => props.c.representatives[side]);
  return (
    <Show when={sides().length}>
      <h2>{tx('协商代表', 'Representatives')}</h2>
      <div class="rep-sides">
        <For each={sides()}>
          {(side) => {
            const s = () => props.c.representatives[side]!;
            const vacancy = (i: number) => s().vacancies?.find((v) => v.memberIndex === i);
            return (
              <div data-testid={`reps-${side}`}>
                <h3>
                  {bi(sideLabel[side])}
                  <Show when={s().femaleCommittee}><span class="muted">{tx('（设有女职工委员会）', ' (has a women workers\' committee)')}</span></Show>
                </h3>
                <ol>
                  <Index each={s().members}>
                    {(m, i) => (
                      <li classList={{ vacant: !!vacancy(i) }}>
                        {m().name} <span class="muted">{m().role}</span>
                        <Show when={i === s().chiefIndex}> <span class="badge">{tx('首席', 'Chief')}</span></Show>
                        <Show when={m().outsider}> <span class="badge">{tx('外聘', 'Outsider')}</span></Show>
                        <Show when={m().femaleCommitteeHead}> <span class="badge">{tx('女职工委员会主任', 'Head, women workers\' committee')}</span></Show>
                        <Show when={vacancy(i)}>
                          {(v) => <span class="clock--overdue"> {tx(`空缺（${v().vacatedOn} 起，${v().reason}）`, `vacant since ${v().vacatedOn} (${v().reason})`)}</span>}
                        </Show>
                      </li>
                    )}
                  </Index>
                </ol>
              </div>
            );
          }}
        </For>
      </div>
    </Show>
  );
}

type Row = Required<Pick<Member, 'name' | 'role' | 'personRef'>> & { outsider: boolean; femaleCommitteeHead: boolean };

function RepresentativesForm(props: { c: Contract; busy: boolean; errs: Errs; onSubmit: (input: Record<string, unknown>) => void }) {
  const reps = props.c.representatives;
  const vacantSide = (['worker', 'employer'] as const).find((s) => reps[s]?.vacancies?.length);
  const [side, setSide] = createSignal<Side>(vacantSide ?? (reps.worker ? 'employer' : 'worker'));
  const femaleContract = props.c.type === 'special' && props.c.specialKind === 'female_workers';
  const otherSize = () => reps[side() === 'worker' ? 'employer' : 'worker']?.members.length;
  /** The side as it stands (vacated seats blank, to refill), or empty rows for a new side. */
  const rowsFor = (s: Side): Row[] => {
    const current = reps[s];
    const gone = vacantSeats(current);
    const blank = (): Row => ({ name: '', role: '', personRef: '', outsider: false, femaleCommitteeHead: false });
    if (!current) return Array.from({ length: Math.max(3, otherSize() ?? 3) }, blank);
    return current.members.map((m, i) => (gone.has(i) ? blank() : { ...blank(), ...m, personRef: m.personRef ?? '', outsider: !!m.outsider, femaleCommitteeHead: !!m.femaleCommitteeHead }));
  };
  const [rows, setRows] = createSignal(rowsFor(side()));
  const [chief, setChief] = createSignal(reps[side()]?.chiefIndex ?? 0);
  const [committee, setCommittee] = createSignal(!!reps.worker?.femaleCommittee);
  const pick = (s: Side) => {
    setSide(s);
    setRows(rowsFor(s));
    setChief(reps[s]?.chiefIndex ?? 0);
  };
  const update = (i: number, patch: Partial<Row>) => setRows(rows().map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const headNeeded = () => side() === 'worker' && (committee() || femaleContract);
  return (
    <form
      class="form"
      novalidate
      onSubmit={(e) => {
        e.preventDefault();
        const members = rows().map((r) => ({
          name: r.name.trim(),
          role: r.role.trim() || tx('代表', 'Member'),
          ...(r.outsider ? { outsider: true } : {}),
          ...(r.femaleCommitteeHead ? { femaleCommitteeHead: true } : {}),
          ...(r.personRef.trim() ? { personRef: r.personRef.trim() } : {}),
        }));
        props.onSubmit({ side: side(), members, chiefIndex: chief(), ...(side() === 'worker' && committee() ? { femaleCommittee: true } : {}) });
      }}
    >
      <Field id="rep-side" label={tx('哪一方', 'Side')}>
        <select id="rep-side" value={side()} onChange={(e) => pick(e.currentTarget.value as Side)}>
          <For each={['worker', 'employer'] as const}>
            {(s) => (
              <option value={s}>
                {bi(sideLabel[s])}
                {reps[s]?.vacancies?.length ? tx('（有空缺，待补足）', ' (vacant seat)') : reps[s] ? tx('（已确定）', ' (set)') : ''}
              </option>
            )}
          </For>
        </select>
      </Field>
      <p class="muted">
        {tx(
          '每方不少于3人，双方人数对等（第十九条）；外聘专家不超过三分之一且不得任首席代表（第二十三条）；同一人不得同时为双方代表（第二十四条），同名的不同人员请填写识别号（工号等，勿填身份证号）。',
          'At least 3 per side, equal sizes (Art. 19); outside experts at most a third and never the chief (Art. 23); nobody on both sides (Art. 24) — give namesakes a reference (staff number, never an ID number).',
        )}
        <Show when={otherSize()}>{tx(`对方 ${otherSize()} 人。`, ` The other side has ${otherSize()}.`)}</Show>
      </p>
      <Show when={side() === 'worker'}>
        <Field id="rep-committee" label={tx('女职工委员会', "Women workers' committee")} error={props.errs.get('femaleCommittee')}>
          <label>
            <input id="rep-committee" type="checkbox" checked={committee()} onChange={(e) => setCommittee(e.currentTarget.checked)} /> {tx('工会设有女职工委员会', "The union has a women workers' committee")}
          </label>
        </Field>
        <Show when={headNeeded()}>
          <p class="muted" data-testid="female-head-hint">
            {femaleContract
              ? tx('女职工权益保护专项合同：女职工委员会主任须为职工方协商代表，请在下方标记。', 'Special contract on female workers: the head of the women workers\' committee must be a worker-side representative; mark her below.')
              : tx('工会设有女职工委员会：其主任须为职工方协商代表（地方规定），请在下方标记。', "The union has a women workers' committee: its head must be a worker-side representative (local rules); mark her below.")}
          </p>
        </Show>
      </Show>
      <Index each={rows()}>
        {(r, i) => (
          <div class="rep-row">
            <input aria-label={tx(`代表${i + 1}姓名`, `Representative ${i + 1} name`)} placeholder={tx('姓名', 'Name')} maxlength={limits.contracts.representativeName.max} value={r().name} onInput={(e) => update(i, { name: e.currentTarget.value })} />
            <input aria-label={tx(`代表${i + 1}职务`, `Representative ${i + 1} role`)} placeholder={tx('职务', 'Role')} maxlength={limits.contracts.representativeRole.max} value={r().role} onInput={(e) => update(i, { role: e.currentTarget.value })} />
            <input aria-label={tx(`代表${i + 1}识别号`, `Representative ${i + 1} reference`)} placeholder={tx('识别号（可选）', 'Reference (optional)')} maxlength={limits.contracts.personRef.max} value={r().personRef} onInput={(e) => update(i, { personRef: e.currentTarget.value })} />
            <label><input type="radio" name="chief" checked={chief() === i} onChange={() => setChief(i)} /> {tx('首席', 'Chief')}</label>
            <label><input type="checkbox" checked={r().outsider} onChange={(e) => update(i, { outsider: e.currentTarget.checked })} /> {tx('外聘', 'Outsider')}</label>
            <Show when={side() === 'worker'}>
              <label><input type="checkbox" checked={r().femaleCommitteeHead} onChange={(e) => update(i, { femaleCommitteeHead: e.currentTarget.checked })} /> {tx('女职工委员会主任', 'Committee head')}</label>
            </Show>
          </div>
        )}
      </Index>
      <Show when={props.errs.get('members') || props.errs.get('chiefIndex')}>
        <p class="field__error" role="alert">{(props.errs.get('members') ?? props.errs.get('chiefIndex'))!()}</p>
      </Show>
      <div class="form__actions">
        <button type="button" class="btn" onClick={() => setRows([...rows(), { name: '', role: '', personRef: '', outsider: false, femaleCommitteeHead: false }])}>{tx('增加一人', 'Add one')}</button>
        <button type="submit" class="btn btn--primary" disabled={props.busy}>{tx('保存协商代表', 'Save representatives')}</button>
      </div>
    </form>
  );
}

/** Records a seat left empty (Art. 31): the side must be refilled within 15 days. */
function VacateForm(props: { c: Contract; today: string; busy: boolean; errs: Errs; onSubmit: (input: Record<string, unknown>) => void }) {
  const sides = (['worker', 'employer'] as const).filter((s) => props.c.representatives[s]);
  const [side, setSide] = createSignal<Side>(sides[0] ?? 'worker');
  const seated = () => {
    const s = props.c.representatives[side()];
    const gone = vacantSeats(s);
    return (s?.members ?? []).map((m, i) => ({ ...m, i })).filter((m) => !gone.has(m.i));
  };
  const [member, setMember] = createSignal(seated()[0]?.i ?? 0);
  const [vacatedOn, setVacatedOn] = createSignal(props.today);
  const [reason, setReason] = createSignal('');
  return (
    <form
      class="form"
      novalidate
      onSubmit={(e) => {
        e.preventDefault();
        props.onSubmit({ side: side(), memberIndex: member(), vacatedOn: vacatedOn(), reason: reason().trim() });
      }}
    >
      <p class="muted">{tx('协商代表因更换、辞任或不可抗力等空缺的，应在空缺之日起15日内补足（《集体合同规定》第三十一条）；补足前不能召开协商会议、表决或签字。', 'A seat left empty by replacement, resignation or force majeure must be refilled within 15 days (Art. 31); rounds, the vote and signing wait until then.')}</p>
      <Field id="vac-side" label={tx('哪一方', 'Side')} error={props.errs.get('side')}>
        <select
          id="vac-side"
          value={side()}
          onChange={(e) => {
            setSide(e.currentTarget.value as Side);
            setMember(seated()[0]?.i ?? 0);
          }}
        >
          <For each={sides}>{(s) => <option value={s}>{bi(sideLabel[s])}</option>}</For>
        </select>
      </Field>
      <Field id="vac-member" label={tx('空缺的代表', 'Member')} required error={props.errs.get('memberIndex') ?? props.errs.get('name')}>
        <select id="vac-member" value={String(member())} onChange={(e) => setMember(Number(e.currentTarget.value))}>
          <For each={seated()}>{(m) => <option value={String(m.i)}>{m.name}（{m.role}）</option>}</For>
        </select>
      </Field>
      <Field id="vac-on" label={tx('空缺之日', 'Vacant since')} required error={props.errs.get('vacatedOn')}>
        <input id="vac-on" type="date" value={vacatedOn()} onInput={(e) => setVacatedOn(e.currentTarget.value)} />
      </Field>
      <Field id="vac-reason" label={tx('原因', 'Reason')} required error={props.errs.get('reason')}>
        <input id="vac-reason" maxlength={limits.contracts.reason.max} value={reason()} placeholder={tx('如：调离本单位、辞任', 'e.g. left the company, resigned')} onInput={(e) => setReason(e.currentTarget.value)} />
      </Field>
      <div class="form__actions">
        <button type="submit" class="btn btn--primary" disabled={props.busy}>{tx('登记空缺', 'Record the vacancy')}</button>
      </div>
    </form>
  );
}

/**
 * The vote on the draft with the threshold for the contract's type shown live: ≥ 2/3 present AND
 * > 1/2 of ALL approve for an enterprise contract (Art. 36); > 1/2 of ALL the representatives of
 * the accepting enterprises (or the regional 职代会) for an industry or regional one.
 */
function VoteForm(props: { type: ContractType; today: string; busy: boolean; errs: Errs; onSubmit: (input: Record<string, unknown>) => void }) {
  const sector = voteRuleOf(props.type) === 'sector';
  const [total, setTotal] = createSignal(0);
  const [present, setPresent] = createSignal<number | undefined>(undefined);
  const [approve, setApprove] = createSignal(0);
  const [heldOn, setHeldOn] = createSignal(props.today);
  const need = () => voteThresholds(total());
  const quorumOk = () => total() > 0 && 3 * (present() ?? 0) >= 2 * total();
  const majorityOk = () => total() > 0 && 2 * approve() > total();
  const passes = () => majorityOk() && (sector || quorumOk());
  const num = (set: (n: number) => void) => (e: InputEvent & { currentTarget: HTMLInputElement }) => set(Math.max(0, Math.floor(Number(e.currentTarget.value) || 0)));
  return (
    <form
      class="form"
      novalidate
      onSubmit={(e) => {
        e.preventDefault();
        props.onSubmit({ heldOn: heldOn(), representativesTotal: total(), ...(present() !== undefined ? { present: present() } : {}), approve: approve() });
      }}
    >
      <Field id="v-held" label={tx('会议日期', 'Held on')} error={props.errs.get('heldOn')}>
        <input id="v-held" type="date" value={heldOn()} onInput={(e) => setHeldOn(e.currentTarget.value)} />
      </Field>
      <Field
        id="v-total"
        label={sector ? tx('参加企业（或区域职代会）全体代表', 'All representatives of the accepting enterprises (or the regional congress)') : tx('应到代表（全体）', 'All representatives')}
        required
        error={props.errs.get('representativesTotal')}
      >
        <input id="v-total" type="number" min="1" inputmode="numeric" onInput={num(setTotal)} />
      </Field>
      <Field id="v-present" label={sector ? tx('实到代表（可选，报送材料需要）', 'Present (optional, for the filing)') : tx('实到代表', 'Present')} required={!sector} error={props.errs.get('present')}>
        <input id="v-present" type="number" min="0" inputmode="numeric" onInput={(e) => setPresent(e.currentTarget.value === '' ? undefined : Math.max(0, Math.floor(Number(e.currentTarget.value) || 0)))} />
      </Field>
      <Field id="v-approve" label={tx('赞成票', 'In favour')} required error={props.errs.get('approve')}>
        <input id="v-approve" type="number" min="0" inputmode="numeric" onInput={num(setApprove)} />
      </Field>
      <div class="vote-meter" aria-live="polite" data-testid="vote-meter">
        <Show
          when={!sector}
          fallback={<span class="muted">{tx('行业性/区域性集体合同：草案经参加企业（或区域职代会）全体代表半数以上同意即通过，不设三分之二出席要求。', 'Industry/regional contract: passes with more than half of ALL representatives of the accepting enterprises (or the regional congress); no two-thirds attendance quorum.')}</span>}
        >
          <span class={quorumOk() ? 'ok' : 'fail'}>
            {quorumOk() ? '✓ ' : '✗ '}
            {tx(`出席须达全体代表三分之二：至少 ${need().quorumNeeded} 人（现 ${present() ?? 0} 人）`, `Quorum of two thirds: at least ${need().quorumNeeded} present (now ${present() ?? 0})`)}
          </span>
        </Show>
        <span class={majorityOk() ? 'ok' : 'fail'}>
          {majorityOk() ? '✓ ' : '✗ '}
          {tx(`赞成须超过全体代表半数（不是出席人数）：至少 ${need().approveNeeded} 票（现 ${approve()} 票）`, `More than half of ALL representatives (not of those present): at least ${need().approveNeeded} (now ${approve()})`)}
        </span>
        <strong>{passes() ? tx('按此结果：通过', 'With these numbers: passes') : tx('按此结果：不通过', 'With these numbers: fails')}</strong>
      </div>
      <div class="form__actions">
        <button type="submit" class="btn btn--primary" disabled={props.busy || total() < 1}>{tx('记录表决结果', 'Record the vote')}</button>
      </div>
    </form>
  );
}
