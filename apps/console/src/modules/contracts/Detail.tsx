import { A, useNavigate, useParams } from '@solidjs/router';
import { createMemo, createResource, createSignal, For, Index, Match, Show, Switch } from 'solid-js';
import { mutate, query, type InputOf, type MutationPath } from '../../api';
import { Banner } from '../../components/Banner';
import { EvidenceSlot, type AttachedFile } from '../../components/EvidenceSlot';
import { evidenceContentTypes, type EvidenceContentType } from '@ufp/core/evidence/rules';
import { DataTable, type Column } from '../../components/DataTable';
import { createConfirm } from '../../components/Confirm';
import { RecordMissing } from '../../components/RecordMissing';
import { Field } from '../../components/Field';
import { Input, TextArea } from '../../components/Input';
import { createStore } from 'solid-js/store';
import { createFieldErrors } from '../../forms';
import { formatNumber, label, t } from '../../i18n';
import { hasRole } from '../../session';
import { errorText, showToast } from '../../toast';
import { clauseFits, clauseLabels, femaleProtectionLabels, femaleProtections, skillGradeLabels, skillGrades, voteRuleOf, type ContractType } from './domain';
import { parseYuan, yuan } from '../../format';
import { voteThresholds } from './domain';
import { bi, clockText, industryLabel, MAIN_PATH, sideLabel, specialLabel, statusLabel, stepLabel, typeLabel, type Contract, type Member, type Side, vacantSeats } from './shared';
import { reviewOpinionTypes } from './domain';
import { FilingPackage, missingKinds, type FilingPackageView } from './FilingPackage';
import './contracts.css';
import { limits } from '@ufp/core/validation/limits';

/** Steps with a form of their own below; the rest use the generic SPECS form. */
const CUSTOM_FORMS = ['representatives.set', 'representatives.vacate', 'congress.record', 'performance.check'];

/** `max`: the server's limit for the field (characters), from @ufp/core/validation/limits. */
type FieldSpec = {
  name: string;
  label: () => string;
  kind: 'date' | 'text' | 'textarea' | 'number' | 'select' | 'bool' | 'checks';
  options?: [string, () => string][];
  optional?: boolean;
  max?: number;
  /** What the field starts with (the type-specific clauses start as the draft has them: the round sends the whole clause). */
  initial?: (c: Contract) => string | string[];
};

type Clauses = Contract['clauses'];
/** The type-specific clauses' fields in a round, for the contract's type (see `clauseFits`); each starts as the draft has it. */
function typeClauseSpecs(c: Contract): FieldSpec[] {
  const out: FieldSpec[] = [];
  if (clauseFits(c, 'skillGradeWages')) {
    for (const g of skillGrades) {
      out.push({ name: `amendments.skillGradeWages.${g}`, label: () => t('contracts.amend.skillGrade', { grade: label(skillGradeLabels[g]) }), kind: 'number', optional: true, initial: (k) => fenToYuanText(k.clauses.skillGradeWages?.find((s) => s.grade === g)?.monthlyFen) });
    }
  }
  if (clauseFits(c, 'femaleProtections')) {
    out.push({ name: 'amendments.femaleProtections.items', label: () => t('contracts.amend.femaleProtections'), kind: 'checks', optional: true, options: femaleProtections.map((f) => [f, () => label(femaleProtectionLabels[f])]), initial: (k) => k.clauses.femaleProtections?.items ?? [] });
    out.push({ name: 'amendments.femaleProtections.note', label: () => t('contracts.amend.femaleNote'), kind: 'textarea', optional: true, max: limits.contracts.clause.max, initial: (k) => k.clauses.femaleProtections?.note ?? '' });
  }
  if (clauseFits(c, 'safetyItems')) {
    out.push({ name: 'amendments.safetyItems', label: () => t('contracts.amend.safetyItems'), kind: 'textarea', optional: true, max: 50 * (limits.contracts.safetyItem.max + 1), initial: (k) => (k.clauses.safetyItems ?? []).join('\n') });
  }
  return out;
}

const fenToYuanText = (fen: number | undefined) => (fen === undefined ? '' : String(fen / 100));

/** A clause's value in words, a line each part: money in yuan, a step per grade, the protections by name, an item each. */
function clauseLines(clause: keyof Clauses, v: unknown): string[] {
  if (v === undefined) return ['—'];
  if (clause === 'minimumWageFen') return [yuan(Number(v))];
  if (clause === 'skillGradeWages') return (v as NonNullable<Clauses['skillGradeWages']>).map((s) => `${label(skillGradeLabels[s.grade])}：${yuan(s.monthlyFen)}`);
  if (clause === 'femaleProtections') {
    const f = v as NonNullable<Clauses['femaleProtections']>;
    return [...f.items.map((i) => label(femaleProtectionLabels[i])), ...(f.note ? [f.note] : [])];
  }
  if (clause === 'safetyItems') return v as string[];
  return [String(v)];
}

const clauseText = (clause: keyof Clauses, v: unknown) => clauseLines(clause, v).join(t('contracts.listSep'));

const SPECS: Record<string, FieldSpec[]> = {
  'offer.send': [
    { name: 'sentOn', label: () => t('contracts.sentOn'), kind: 'date' },
    { name: 'fromSide', label: () => t('contracts.from'), kind: 'select', options: [['worker', () => t('contracts.workers')], ['employer', () => t('contracts.employer')]] },
  ],
  'offer.reply': [
    { name: 'repliedOn', label: () => t('contracts.repliedOn'), kind: 'date' },
    { name: 'accepted', label: () => t('contracts.accepted'), kind: 'bool' },
  ],
  'rounds.add': [
    { name: 'heldOn', label: () => t('contracts.heldOn'), kind: 'date' },
    { name: 'minutes', label: () => t('contracts.minutes'), kind: 'textarea', max: limits.contracts.minutes.max },
    { name: 'openIssues', label: () => t('contracts.openIssuesOnePerLine'), kind: 'textarea', optional: true, max: 50 * (limits.contracts.openIssue.max + 1) },
    // Clauses the round agreed to change (blank: unchanged); the draft put to the vote is the last version.
    { name: 'amendments.minimumWageYuan', label: () => t('contracts.amend.minimumWage'), kind: 'number', optional: true },
    { name: 'amendments.wageGrowthPct', label: () => t('contracts.amend.wageGrowth'), kind: 'number', optional: true },
    { name: 'amendments.workingHours', label: () => t('contracts.amend.workingHours'), kind: 'textarea', optional: true, max: limits.contracts.clause.max },
    { name: 'amendments.leave', label: () => t('contracts.amend.leave'), kind: 'textarea', optional: true, max: limits.contracts.clause.max },
    { name: 'amendments.protections', label: () => t('contracts.amend.protections'), kind: 'textarea', optional: true, max: limits.contracts.clause.max },
  ],
  sign: [{ name: 'signedOn', label: () => t('contracts.signedOn'), kind: 'date' }],
  file: [{ name: 'filedOn', label: () => t('contracts.filedOnReceived'), kind: 'date' }],
  'review.record': [
    { name: 'objectionOn', label: () => t('contracts.objectionDateBlankIfNone'), kind: 'date', optional: true },
    { name: 'opinion', label: () => t('contracts.opinion'), kind: 'textarea', optional: true, max: limits.contracts.opinion.max },
  ],
  publish: [{ name: 'publishedOn', label: () => t('contracts.publishedOn'), kind: 'date' }],
  renew: [],
  terminate: [{ name: 'reason', label: () => t('contracts.reason'), kind: 'textarea', max: limits.contracts.reason.max }],
};

/** The amendment links `contracts.get` returns (a step's answer carries none: the page keeps the last ones). */
const linksOf = (c: Contract): Contract['links'] => c.links;

/** A contract: its facts, the lifecycle timeline with the running clocks, and the next step's form. */
export default function ContractDetail() {
  const params = useParams();
  const [contract, { mutate: setContract, refetch }] = createResource(() => params.contractId, (id) => query('contracts.get', { contractId: id }));
  const [settings] = createResource(() => query('contracts.settings.get'));
  // The 备案材料 package, read again whenever the contract changes (a step) or a document is uploaded.
  const [pkg, { refetch: refetchPackage }] = createResource(
    () => (!contract.error && contract() ? { contractId: contract()!.contractId, version: contract()!.version } : false),
    ({ contractId }) => query('contracts.filingPackage', { contractId }),
  );
  const canWrite = () => hasRole('federation_admin', 'federation_staff');
  const navigate = useNavigate();
  // 变更: opens the amendment draft and goes to it (its bargaining steps run there).
  const [amending, setAmending] = createSignal(false);
  async function openAmendment(contractId: string) {
    setAmending(true);
    try {
      const res = await mutate('contracts.amend', { contractId });
      showToast('success', () => t('contracts.amendment.opened'));
      navigate(`/contracts/${res.amendmentId}`);
    } catch (err) {
      showToast('error', () => errorText(err));
      void refetch();
    } finally {
      setAmending(false);
    }
  }
  const [step, setStep] = createSignal('');
  const current = () => (contract.error ? '' : step() || contract()?.nextSteps[0] || '');

  return (
    <section aria-labelledby="contract-title">
      <Show when={contract.error}>
        <RecordMissing error={contract.error} backHref="/contracts" backLabel={t('contracts.backToLedger')} onRetry={() => void refetch()} />
      </Show>
      <Show when={!contract.error && contract()}>
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
                <A href="/contracts" class="btn">{t('contracts.backToLedger')}</A>
                <button type="button" class="btn" onClick={() => window.print()}>{t('contracts.print')}</button>
                <Show when={canWrite() && c().nextSteps.includes('amend')}>
                  <button type="button" class="btn btn--primary" data-testid="contract-amend" disabled={amending()} onClick={() => void openAmendment(c().contractId)}>
                    {t('contracts.amendment.open')}
                  </button>
                </Show>
              </div>
            </div>
            <Show when={linksOf(c())?.amends}>
              {(parent) => (
                <Banner kind="info">
                  <span data-testid="amendment-banner">
                    {t('contracts.amendment.banner', { title: parent().title })} <A href={`/contracts/${parent().contractId}`}>{t('contracts.amendment.backToParent')}</A>
                  </span>
                </Banner>
              )}
            </Show>
            <dl class="facts">
              <dt>{t('contracts.term')}</dt>
              <dd>{c().term.start} ~ {c().term.end}</dd>
              <dt>{t('contracts.employer')}</dt>
              <dd>{c().employerParties.map((p) => p.name).join('、')}</dd>
              <dt>{t('contracts.coverage')}</dt>
              <dd>{t('contracts.enterprisesEmployees', { coveredEnterprises: formatNumber(c().coveredEnterprises), coveredEmployees: formatNumber(c().coveredEmployees) })}</dd>
              <Show when={c().clauses.wageGrowthPct !== undefined}>
                <dt>{t('contracts.wageGrowth2')}</dt>
                <dd>{c().clauses.wageGrowthPct}%</dd>
              </Show>
              <Show when={c().filing}>
                <dt>{t('contracts.filing')}</dt>
                <dd>
                  {c().filing!.filedOn}
                  <Show when={c().filing!.lateDays > 0}>
                    <strong class="clock--overdue"> {t('contracts.daySLateTheLast', { lateDays: c().filing!.lateDays, dueOn: c().filing!.dueOn })}</strong>
                  </Show>
                </dd>
              </Show>
              <Show when={c().successorId}>
                <dt>{t('contracts.successor')}</dt>
                <dd><A href={`/contracts/${c().successorId}`}>{t('contracts.open')}</A></dd>
              </Show>
              <Show when={c().predecessorId}>
                <dt>{t('contracts.predecessor')}</dt>
                <dd><A href={`/contracts/${c().predecessorId}`}>{t('contracts.open')}</A></dd>
              </Show>
              <Show when={linksOf(c())?.openAmendment}>
                {(a) => (
                  <>
                    <dt>{t('contracts.amendment.open.label')}</dt>
                    <dd data-testid="open-amendment">
                      <A href={`/contracts/${a().contractId}`}>{a().title}</A>{' '}
                      <span class="muted">{t('contracts.amendment.openedOn', { openedOn: a().openedOn, status: bi(statusLabel[a().status]) })}</span>
                    </dd>
                  </>
                )}
              </Show>
              <Show when={linksOf(c())?.pastAmendments.length}>
                <dt>{t('contracts.amendment.past')}</dt>
                <dd>
                  <ul class="amendments">
                    <For each={linksOf(c())!.pastAmendments}>
                      {(a) => (
                        <li>
                          <A href={`/contracts/${a.contractId}`}>{a.title}</A>{' '}
                          <span class="muted">
                            {a.outcome === 'merged' ? t('contracts.amendment.merged', { closedOn: a.closedOn, count: a.changes?.length ?? 0 }) : t('contracts.amendment.ended', { closedOn: a.closedOn })}
                          </span>
                        </li>
                      )}
                    </For>
                  </ul>
                </dd>
              </Show>
            </dl>
            <TypeClauses c={c()} />
            <Representatives c={c()} />
            <PerformanceChecks c={c()} />
            <FilingPackage c={c()} pkg={pkg.error ? undefined : pkg()} canWrite={canWrite()} onChanged={() => void refetchPackage()} />
            <h2>{t('contracts.lifecycle')}</h2>
            <Timeline c={c()} />
            <ClauseChanges c={c()} />
            <Show when={canWrite() && c().status !== 'terminated' && c().status !== 'merged'}>
              <div class="step-form">
                <div class="field">
                  <label for="step-pick">{t('contracts.step')}</label>
                  <select id="step-pick" value={current()} onChange={(e) => setStep(e.currentTarget.value)}>
                    <For each={[...c().nextSteps.filter((s) => s !== 'amend'), ...(c().status === 'expired' ? [] : ['terminate'])]}>{(s) => <option value={s}>{bi(stepLabel[s])}</option>}</For>
                  </select>
                </div>
                {/* The form's dates default to the platform's today (its clock, not the browser's): it waits for it. */}
                <Show when={current() && settings() ? `${current()}|${c().version}` : ''} keyed>
                  {(key) => (
                    <StepForm
                      step={key.split('|')[0]!}
                      c={c()}
                      pkg={pkg.error ? undefined : pkg()}
                      today={settings()!.today}
                      onDone={(next) => {
                        setContract({ ...next, links: linksOf(c()) } as Contract);
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
    <ol class="timeline" aria-label={t('contracts.lifecycle')}>
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
              <Show when={k.extendedFrom}>{t('contracts.movedFromRestDay', { extendedFrom: k.extendedFrom })}</Show>
            </span>
            <Show when={k.provisional}>
              <span class="note clock--due_soon">{t('contracts.provisional2')}{bi(k.provisional!.reason)}</span>
            </Show>
          </li>
        )}
      </For>
      <Show when={props.c.nextSteps[0]}>
        <li class="current" data-testid="next-step">
          {t('contracts.next')}<strong>{bi(stepLabel[props.c.nextSteps[0]!])}</strong>
        </li>
      </Show>
      <For each={upcoming().filter((s) => s !== props.c.nextSteps[0]).slice(0, 3)}>
        {(s) => <li class="next">{bi(stepLabel[s])}</li>}
      </For>
    </ol>
  );
}

/** Which clauses each bargaining round changed, from → to: the draft's history up to the version put to the vote. */
function ClauseChanges(props: { c: Contract }) {
  type Change = NonNullable<Contract['rounds'][number]['amendments']>[number] & { round: Contract['rounds'][number] };
  const changes = (): Change[] => props.c.rounds.flatMap((r) => (r.amendments ?? []).map((a) => ({ round: r, ...a })));
  const shown = (a: Change, v: unknown) => clauseText(a.clause, v);
  const columns: Column<Change>[] = [
    { label: () => t('contracts.clauseChanges.round'), cell: (a) => t('contracts.clauseChanges.roundNo', { no: a.round.no, on: a.round.heldOn }) },
    { label: () => t('contracts.clauseChanges.clause'), cell: (a) => label(clauseLabels[a.clause]) },
    { label: () => t('contracts.clauseChanges.from'), cell: (a) => shown(a, a.from) },
    { label: () => t('contracts.clauseChanges.to'), cell: (a) => shown(a, a.to) },
  ];
  return (
    <Show when={changes().length}>
      <h2>{t('contracts.clauseChanges.title')}</h2>
      <div data-testid="clause-changes">
        <DataTable label={t('contracts.clauseChanges.title')} columns={columns} rows={changes()} />
      </div>
    </Show>
  );
}

/** The lifecycle steps' procedures (`contracts.offer.send`, `contracts.sign`, …). */
type StepPath = Exclude<Extract<MutationPath, `contracts.${string}`>, 'contracts.create' | 'contracts.settings.set' | 'contracts.calendar.load'>;

function StepForm(props: { step: string; c: Contract; pkg: FilingPackageView | undefined; today: string; onDone: (c: Contract) => void }) {
  const errs = createFieldErrors();
  const [busy, setBusy] = createSignal(false);
  const [banner, setBanner] = createSignal('');
  const specs = () => [...(SPECS[props.step] ?? []), ...(props.step === 'rounds.add' ? typeClauseSpecs(props.c) : [])];
  /** What is typed into the step's form (the form is made again for another step or version, so it starts anew). */
  const [vals, setVals] = createStore<Record<string, string>>({});
  const valueOf = (s: FieldSpec) => {
    const start = s.initial?.(props.c);
    return vals[s.name] ?? (typeof start === 'string' ? start : s.optional ? '' : s.kind === 'date' ? props.today : s.kind === 'number' ? props.today.slice(0, 4) : '');
  };
  const confirm = createConfirm();
  /** 报送审查 waits for the 备案材料 package: the reason it cannot be filed yet (the server refuses the same). */
  const filingBlocked = () => {
    const missing = props.step === 'file' ? missingKinds(props.c, props.pkg) : '';
    return missing ? t('contracts.filing.blocked', { kinds: missing }) : '';
  };
  /** The bureau's 审查意见书 uploaded with the review (required with an objection). */
  const [opinionFile, setOpinionFile] = createSignal<AttachedFile>();
  const attachOpinion = (f: AttachedFile) => {
    setOpinionFile(f);
    errs.setErrors(({ opinionEvidenceId: _answered, ...rest }) => rest);
  };

  async function send(input: Record<string, unknown>) {
    setBusy(true);
    setBanner('');
    try {
      // The step is one of the contract's `nextSteps` (chosen at run time); each step takes the contract id and its form.
      const path = `contracts.${props.step}` as StepPath;
      const res = (await mutate<StepPath>(path, { contractId: props.c.contractId, ...input } as InputOf<StepPath>)) as Contract | { contract: Contract };
      const after = 'contract' in res ? res.contract : res;
      props.onDone(after);
      const vote = props.step === 'congress.record' ? after.congress : undefined;
      if (vote) showToast('success', () => voteSaved(vote), 8_000);
      else showToast('success', () => t('contracts.done', { step: stepLabel[props.step] ? label(stepLabel[props.step]) : undefined }));
    } catch (err) {
      if (!errs.placed(err, [...specs().map((s) => s.name), 'members', 'chiefIndex', 'femaleCommittee', 'representativesTotal', 'present', 'approve', 'heldOn', 'side', 'memberIndex', 'name', 'vacatedOn', 'reason', 'checkedOn', 'checkers', 'items', 'findings', 'breaches', 'reportedToCongress', 'reportedOn', 'evidenceIds', 'opinionEvidenceId'])) setBanner(errorText(err));
    } finally {
      setBusy(false);
    }
  }

  function submitGeneric(e: SubmitEvent) {
    e.preventDefault();
    const f = new FormData(e.currentTarget as HTMLFormElement);
    const input: Record<string, unknown> = {};
    const amendments: Record<string, unknown> = {};
    const grades: { grade: string; monthlyFen: number }[] = [];
    for (const s of specs()) {
      const raw = String(f.get(s.name) ?? '').trim();
      if (s.kind === 'checks') {
        const items = f.getAll(s.name).map(String);
        const note = String(f.get('amendments.femaleProtections.note') ?? '').trim();
        if (items.length || note) amendments.femaleProtections = { items, ...(note ? { note } : {}) };
      } else if (s.name === 'amendments.femaleProtections.note') continue;
      else if (s.name.startsWith('amendments.skillGradeWages.')) {
        if (raw !== '') grades.push({ grade: s.name.slice('amendments.skillGradeWages.'.length), monthlyFen: parseYuan(raw) ?? Number.NaN });
      } else if (s.name === 'amendments.safetyItems') {
        const items = raw.split(/\n+/).map((x) => x.trim()).filter(Boolean);
        if (items.length) amendments.safetyItems = items;
      } else if (s.kind === 'bool') input[s.name] = raw === 'yes';
      else if (raw === '' && s.optional) continue;
      else if (s.name === 'amendments.minimumWageYuan') amendments.minimumWageFen = parseYuan(raw) ?? Number.NaN;
      else if (s.name.startsWith('amendments.')) amendments[s.name.slice('amendments.'.length)] = s.kind === 'number' ? Number(raw) : raw;
      else if (s.kind === 'number') input[s.name] = Number(raw);
      else if (s.name === 'openIssues') input[s.name] = raw.split(/\n+/).map((x) => x.trim()).filter(Boolean);
      else input[s.name] = raw;
    }
    if (grades.length) amendments.skillGradeWages = grades;
    if (Object.keys(amendments).length) input.amendments = amendments;
    if (props.step === 'review.record' && opinionFile()) input.opinionEvidenceId = opinionFile()!.evidenceId;
    void confirmThenSend(input);
  }

  /** 签字 and 报送审查 cannot be taken back: the dialog states what follows before the step is recorded. */
  async function confirmThenSend(input: Record<string, unknown>) {
    const irreversible = props.step === 'sign' || props.step === 'file';
    if (irreversible) {
      const ok = await confirm.ask({
        title: props.step === 'sign' ? t('contracts.confirm.signTitle') : t('contracts.confirm.fileTitle'),
        consequence: props.step === 'sign' ? t('contracts.confirm.signBody', { title: props.c.title }) : t('contracts.confirm.fileBody', { title: props.c.title }),
        facts: [{ label: t('contracts.confirm.date'), value: String(input.signedOn ?? input.filedOn ?? '') }],
        confirmLabel: props.step === 'sign' ? t('contracts.confirm.sign') : t('contracts.confirm.file'),
      });
      if (!ok) return;
    }
    await send(input);
  }

  return (
    <>
      <confirm.Dialog />
      <Show when={banner()}>
        <Banner kind="error">{banner()}</Banner>
      </Show>
      <Show when={props.step === 'representatives.set'}>
        <RepresentativesForm c={props.c} busy={busy()} errs={errs} onSubmit={(i) => void send(i)} />
      </Show>
      <Show when={props.step === 'representatives.vacate'}>
        <VacateForm c={props.c} today={props.today} busy={busy()} errs={errs} onSubmit={(i) => void send(i)} />
      </Show>
      <Show when={props.step === 'performance.check'}>
        <CheckForm contractId={props.c.contractId} today={props.today} busy={busy()} errs={errs} onSubmit={(i) => void send(i)} />
      </Show>
      <Show when={props.step === 'congress.record'}>
        <VoteForm type={props.c.type as ContractType} today={props.today} busy={busy()} errs={errs} onSubmit={(i) => void send(i)} />
      </Show>
      <Show when={!CUSTOM_FORMS.includes(props.step)}>
        <form class="form" onSubmit={submitGeneric} novalidate>
          <For each={specs()}>
            {(s) => (
              <Switch>
                <Match when={s.kind === 'date' || s.kind === 'number' || s.kind === 'text'}>
                  <Input
                    id={`f-${s.name}`}
                    name={s.name}
                    type={s.kind === 'text' ? 'text' : s.kind}
                    inputmode={s.kind === 'number' ? 'numeric' : undefined}
                    label={s.label()}
                    required={!s.optional}
                    maxLength={s.max}
                    error={errs.get(s.name)}
                    value={valueOf(s)}
                    onValue={(x) => setVals(s.name, x)}
                  />
                </Match>
                <Match when={s.kind === 'textarea'}>
                  <TextArea id={`f-${s.name}`} name={s.name} label={s.label()} required={!s.optional} maxLength={s.max} error={errs.get(s.name)} value={valueOf(s)} onValue={(x) => setVals(s.name, x)} />
                </Match>
                <Match when={s.kind === 'checks'}>
                  <fieldset class="field checks" id={`f-${s.name}`}>
                    <legend>{s.label()}</legend>
                    <For each={s.options}>
                      {([v, l]) => (
                        <label class="check">
                          <input type="checkbox" name={s.name} value={v} checked={((s.initial?.(props.c) as string[] | undefined) ?? []).includes(v)} /> {l()}
                        </label>
                      )}
                    </For>
                    <Show when={errs.get(s.name)}>{(e) => <span class="field__error" role="alert">{e()()}</span>}</Show>
                  </fieldset>
                </Match>
                <Match when={s.kind === 'select' || s.kind === 'bool'}>
                  <Field id={`f-${s.name}`} label={s.label()} required={!s.optional} error={errs.get(s.name)}>
                    <select id={`f-${s.name}`} name={s.name}>
                      <Show
                        when={s.kind === 'select'}
                        fallback={
                          <>
                            <option value="yes">{t('contracts.yes')}</option>
                            <option value="no">{t('contracts.no')}</option>
                          </>
                        }
                      >
                        <For each={s.options}>{([v, l]) => <option value={v}>{l()}</option>}</For>
                      </Show>
                    </select>
                  </Field>
                </Match>
              </Switch>
            )}
          </For>
          <Show when={props.step === 'review.record'}>
            <ReviewOpinionSlot contractId={props.c.contractId} file={opinionFile()} error={errs.get('opinionEvidenceId')} onFile={attachOpinion} />
          </Show>
          <Show when={filingBlocked()}>
            <p class="filing__missing" role="status" id="file-blocked" data-testid="file-blocked">{filingBlocked()}</p>
          </Show>
          <div class="form__actions">
            <button type="submit" class="btn btn--primary" disabled={busy() || !!filingBlocked()} aria-describedby={filingBlocked() ? 'file-blocked' : undefined}>
              {t('contracts.record', { step: stepLabel[props.step] ? label(stepLabel[props.step]) : props.step })}
            </button>
          </div>
        </form>
      </Show>
    </>
  );
}

type Errs = ReturnType<typeof createFieldErrors>;

/** What the recorded vote decided: 赞成 N / 应到 M (实到 K), 通过 or 未通过 with the reasons. */
function voteSaved(v: NonNullable<Contract['congress']>): string {
  const present = v.present !== undefined ? t('contracts.voteSaved.present', { present: v.present }) : '';
  const why = v.failed.map((f) => (f === 'quorum' ? t('contracts.voteSaved.noQuorum') : t('contracts.voteSaved.noMajority'))).join(t('contracts.voteSaved.sep'));
  const outcome = v.passed ? t('contracts.voteSaved.passed') : t('contracts.voteSaved.failed', { why });
  return t('contracts.voteSaved', { approve: v.approve, total: v.representativesTotal, present, outcome });
}

/** Who bargains for each side, with the chief, outsiders, the 女职工委员会 head and vacant seats. */
function Representatives(props: { c: Contract }) {
  const sides = () => (['worker', 'employer'] as const).filter((side) => props.c.representatives[side]);
  return (
    <Show when={sides().length}>
      <h2>{t('contracts.representatives')}</h2>
      <div class="rep-sides">
        <For each={sides()}>
          {(side) => {
            const s = () => props.c.representatives[side]!;
            const vacancy = (i: number) => s().vacancies?.find((v) => v.memberIndex === i);
            return (
              <div data-testid={`reps-${side}`}>
                <h3>
                  {bi(sideLabel[side])}
                  <Show when={s().femaleCommittee}><span class="muted">{t('contracts.hasAWomenWorkersCommittee')}</span></Show>
                </h3>
                <ol>
                  <Index each={s().members}>
                    {(m, i) => (
                      <li classList={{ vacant: !!vacancy(i) }}>
                        {m().name} <span class="muted">{m().role}</span>
                        <Show when={i === s().chiefIndex}> <span class="badge">{t('contracts.chief')}</span></Show>
                        <Show when={m().outsider}> <span class="badge">{t('contracts.outsider')}</span></Show>
                        <Show when={m().femaleCommitteeHead}> <span class="badge">{t('contracts.headWomenWorkersCommittee')}</span></Show>
                        <Show when={vacancy(i)}>
                          {(v) => <span class="clock--overdue"> {t('contracts.vacantSince', { vacatedOn: v().vacatedOn, reason: v().reason })}</span>}
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
          role: r.role.trim() || t('contracts.member'),
          ...(r.outsider ? { outsider: true } : {}),
          ...(r.femaleCommitteeHead ? { femaleCommitteeHead: true } : {}),
          ...(r.personRef.trim() ? { personRef: r.personRef.trim() } : {}),
        }));
        props.onSubmit({ side: side(), members, chiefIndex: chief(), ...(side() === 'worker' && committee() ? { femaleCommittee: true } : {}) });
      }}
    >
      <Field id="rep-side" label={t('contracts.side')}>
        <select id="rep-side" value={side()} onChange={(e) => pick(e.currentTarget.value as Side)}>
          <For each={['worker', 'employer'] as const}>
            {(s) => (
              <option value={s}>
                {bi(sideLabel[s])}
                {reps[s]?.vacancies?.length ? t('contracts.vacantSeat') : reps[s] ? t('contracts.set') : ''}
              </option>
            )}
          </For>
        </select>
      </Field>
      <p class="muted">
        {t('contracts.atLeast3PerSide')}
        <Show when={otherSize()}>{t('contracts.theOtherSideHas', { otherSize: otherSize() })}</Show>
      </p>
      <Show when={side() === 'worker'}>
        <Field id="rep-committee" label={t('contracts.womenWorkersCommittee')} error={props.errs.get('femaleCommittee')}>
          <label>
            <input id="rep-committee" type="checkbox" checked={committee()} onChange={(e) => setCommittee(e.currentTarget.checked)} /> {t('contracts.theUnionHasAWomen')}
          </label>
        </Field>
        <Show when={headNeeded()}>
          <p class="muted" data-testid="female-head-hint">
            {femaleContract
              ? t('contracts.specialContractOnFemaleWorkers')
              : t('contracts.theUnionHasAWomen2')}
          </p>
        </Show>
      </Show>
      <div class="rep-row rep-row--head" aria-hidden="true">
        <span>
          {t('contracts.name')}
          <span class="field__req"> *</span>
        </span>
        <span>{t('contracts.role')}</span>
        <span>{t('contracts.referenceOptional')}</span>
      </div>
      <Index each={rows()}>
        {(r, i) => (
          <div class="rep-row">
            <input class="input" required aria-label={t('contracts.representativeName', { no: i + 1 })} placeholder={t('contracts.name')} maxlength={limits.contracts.representativeName.max} value={r().name} onInput={(e) => update(i, { name: e.currentTarget.value })} />
            <input class="input" aria-label={t('contracts.representativeRole', { no: i + 1 })} placeholder={t('contracts.role')} maxlength={limits.contracts.representativeRole.max} value={r().role} onInput={(e) => update(i, { role: e.currentTarget.value })} />
            <input class="input" aria-label={t('contracts.representativeReference', { no: i + 1 })} placeholder={t('contracts.referenceOptional')} maxlength={limits.contracts.personRef.max} value={r().personRef} onInput={(e) => update(i, { personRef: e.currentTarget.value })} />
            <label><input type="radio" name="chief" checked={chief() === i} onChange={() => setChief(i)} /> {t('contracts.chief')}</label>
            <label><input type="checkbox" checked={r().outsider} onChange={(e) => update(i, { outsider: e.currentTarget.checked })} /> {t('contracts.outsider')}</label>
            <Show when={side() === 'worker'}>
              <label><input type="checkbox" checked={r().femaleCommitteeHead} onChange={(e) => update(i, { femaleCommitteeHead: e.currentTarget.checked })} /> {t('contracts.committeeHead')}</label>
            </Show>
          </div>
        )}
      </Index>
      <Show when={props.errs.get('members') || props.errs.get('chiefIndex')}>
        <p class="field__error" role="alert">{(props.errs.get('members') ?? props.errs.get('chiefIndex'))!()}</p>
      </Show>
      <div class="form__actions">
        <button type="button" class="btn" onClick={() => setRows([...rows(), { name: '', role: '', personRef: '', outsider: false, femaleCommitteeHead: false }])}>{t('contracts.addOne')}</button>
        <button type="submit" class="btn btn--primary" disabled={props.busy}>{t('contracts.saveRepresentatives')}</button>
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
      <p class="muted">{t('contracts.aSeatLeftEmptyBy')}</p>
      <Field id="vac-side" label={t('contracts.side')} error={props.errs.get('side')}>
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
      <Field id="vac-member" label={t('contracts.member2')} required error={props.errs.get('memberIndex') ?? props.errs.get('name')}>
        <select id="vac-member" value={String(member())} onChange={(e) => setMember(Number(e.currentTarget.value))}>
          <For each={seated()}>{(m) => <option value={String(m.i)}>{m.name}（{m.role}）</option>}</For>
        </select>
      </Field>
      <Input id="vac-on" type="date" label={t('contracts.vacantSince2')} required error={props.errs.get('vacatedOn')} value={vacatedOn()} onValue={setVacatedOn} />
      <Input id="vac-reason" label={t('contracts.reason2')} required maxLength={limits.contracts.reason.max} placeholder={t('contracts.eGLeftTheCompany')} error={props.errs.get('reason')} value={reason()} onValue={setReason} />
      <div class="form__actions">
        <button type="submit" class="btn btn--primary" disabled={props.busy}>{t('contracts.recordTheVacancy')}</button>
      </div>
    </form>
  );
}

/** The vote's three counts: their inputs, the field the server names, and the label for the contract's vote rule. */
const COUNTS = [
  { key: 'total', id: 'v-total', field: 'representativesTotal', label: (sector: boolean) => (sector ? t('contracts.allRepresentativesOfTheAccepting') : t('contracts.allRepresentatives')) },
  { key: 'present', id: 'v-present', field: 'present', label: (sector: boolean) => (sector ? t('contracts.presentOptionalForTheFiling') : t('contracts.present')) },
  { key: 'approve', id: 'v-approve', field: 'approve', label: () => t('contracts.inFavour') },
] as const;

/**
 * The vote on the draft with the threshold for the contract's type shown live: ≥ 2/3 present AND
 * > 1/2 of ALL approve for an enterprise contract (Art. 36); > 1/2 of ALL the representatives of
 * the accepting enterprises (or the regional 职代会) for an industry or regional one.
 */
function VoteForm(props: { type: ContractType; today: string; busy: boolean; errs: Errs; onSubmit: (input: Record<string, unknown>) => void }) {
  const sector = voteRuleOf(props.type) === 'sector';
  /** The numbers as typed (kept as text so a half-typed number stays), read as whole counts. */
  const [raw, setRaw] = createStore({ total: '', present: '', approve: '' });
  const count = (x: string): number | undefined => (x.trim() === '' ? undefined : Math.max(0, Math.floor(Number(x) || 0)));
  const total = () => count(raw.total) ?? 0;
  const present = () => count(raw.present);
  const approve = () => count(raw.approve) ?? 0;
  const [heldOn, setHeldOn] = createSignal(props.today);
  const need = () => voteThresholds(total());
  const quorumOk = () => total() > 0 && 3 * (present() ?? 0) >= 2 * total();
  const majorityOk = () => total() > 0 && 2 * approve() > total();
  const passes = () => majorityOk() && (sector || quorumOk());
  return (
    <form
      class="form"
      novalidate
      onSubmit={(e) => {
        e.preventDefault();
        props.onSubmit({ heldOn: heldOn(), representativesTotal: total(), ...(present() !== undefined ? { present: present() } : {}), approve: approve() });
      }}
    >
      <Input id="v-held" type="date" label={t('contracts.heldOn')} required error={props.errs.get('heldOn')} value={heldOn()} onValue={setHeldOn} />
      <For each={COUNTS}>
        {(c) => (
          <Input
            id={c.id}
            type="number"
            min={c.key === 'total' ? '1' : '0'}
            inputmode="numeric"
            label={c.label(sector)}
            required={c.key !== 'present' || !sector}
            error={props.errs.get(c.field)}
            value={raw[c.key]}
            onValue={(x) => setRaw(c.key, x)}
          />
        )}
      </For>
      <div class="vote-meter" aria-live="polite" data-testid="vote-meter">
        <Show
          when={!sector}
          fallback={<span class="muted">{t('contracts.industryRegionalContractPassesWith')}</span>}
        >
          <span class={quorumOk() ? 'ok' : 'fail'}>
            {quorumOk() ? '✓ ' : '✗ '}
            {t('contracts.quorumOfTwoThirdsAt', { quorumNeeded: need().quorumNeeded, present: present() ?? 0 })}
          </span>
        </Show>
        <span class={majorityOk() ? 'ok' : 'fail'}>
          {majorityOk() ? '✓ ' : '✗ '}
          {t('contracts.moreThanHalfOfAll', { approveNeeded: need().approveNeeded, approve: approve() })}
        </span>
        <strong>{passes() ? t('contracts.withTheseNumbersPasses') : t('contracts.withTheseNumbersFails')}</strong>
      </div>
      <div class="form__actions">
        <button type="submit" class="btn btn--primary" disabled={props.busy || total() < 1}>{t('contracts.recordTheVote')}</button>
      </div>
    </form>
  );
}

/** The wage and type-specific clauses a contract page lists, as the draft (or the contract in force) has them. */
const LISTED_CLAUSES = ['minimumWageFen', 'skillGradeWages', 'femaleProtections', 'safetyItems'] as const;

function TypeClauses(props: { c: Contract }) {
  const listed = () => LISTED_CLAUSES.filter((k) => props.c.clauses[k] !== undefined);
  return (
    <Show when={listed().length}>
      <h2>{t('contracts.typeClauses')}</h2>
      <dl class="facts" data-testid="type-clauses">
        <For each={listed()}>
          {(k) => (
            <>
              <dt>{label(clauseLabels[k])}</dt>
              <dd>
                <ul class="plain">
                  <For each={clauseLines(k, props.c.clauses[k])}>{(line) => <li>{line}</li>}</For>
                </ul>
              </dd>
            </>
          )}
        </For>
      </dl>
    </Show>
  );
}

type Check = Contract['performanceChecks'][number];

/** The yearly 履约 checks recorded: the contract year, when, by whom, items kept, reported to the 职代会. */
function PerformanceChecks(props: { c: Contract }) {
  const columns: Column<Check>[] = [
    { label: () => t('contracts.check.year'), cell: (k) => (k.contractYear ? t('contracts.check.contractYear', { n: k.contractYear }) : String(k.year ?? '')) },
    { label: () => t('contracts.check.on'), cell: (k) => `${k.checkedOn}${k.onTime === false ? t('contracts.check.late') : ''}` },
    { label: () => t('contracts.check.checkers'), cell: (k) => (k.checkers ?? []).join(t('contracts.listSep')) },
    { label: () => t('contracts.check.kept'), cell: (k) => (k.items ? t('contracts.check.keptOf', { kept: k.items.filter((i) => i.kept).length, all: k.items.length }) : '—') },
    { label: () => t('contracts.check.reported'), cell: (k) => (k.reportedToCongress ? (k.reportedOn ?? t('contracts.yes')) : t('contracts.no')) },
    { label: () => t('contracts.check.files'), cell: (k) => (k.evidence ?? []).map((f) => f.fileName).join(t('contracts.listSep')) || '—' },
  ];
  return (
    <Show when={props.c.performanceChecks.length}>
      <h2>{t('contracts.check.title')}</h2>
      <div data-testid="performance-checks">
        <DataTable label={t('contracts.check.title')} columns={columns} rows={props.c.performanceChecks} />
      </div>
    </Show>
  );
}

/** A yearly 履约 check: who checked, each item kept or not (with a note), the findings and the report to the 职代会. */
function CheckForm(props: { contractId: string; today: string; busy: boolean; errs: Errs; onSubmit: (input: Record<string, unknown>) => void }) {
  type Row = { item: string; kept: boolean; note: string };
  const [checkedOn, setCheckedOn] = createSignal(props.today);
  const [checkers, setCheckers] = createSignal('');
  const [rows, setRows] = createSignal<Row[]>([{ item: '', kept: true, note: '' }]);
  const [findings, setFindings] = createSignal('');
  const [breaches, setBreaches] = createSignal('');
  const [reported, setReported] = createSignal(false);
  const [reportedOn, setReportedOn] = createSignal('');
  /** Files uploaded and checked for this check (检查记录、职代会报告), cited when it is recorded. */
  const [files, setFiles] = createSignal<AttachedFile[]>([]);
  const update = (i: number, patch: Partial<Row>) => setRows(rows().map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <form
      class="form"
      novalidate
      onSubmit={(e) => {
        e.preventDefault();
        props.onSubmit({
          checkedOn: checkedOn(),
          checkers: checkers().split(/\n+/).map((x) => x.trim()).filter(Boolean),
          items: rows().filter((r) => r.item.trim()).map((r) => ({ item: r.item.trim(), kept: r.kept, ...(r.note.trim() ? { note: r.note.trim() } : {}) })),
          findings: findings().trim(),
          ...(breaches().trim() ? { breaches: breaches().trim() } : {}),
          reportedToCongress: reported(),
          ...(reported() && reportedOn() ? { reportedOn: reportedOn() } : {}),
          ...(files().length ? { evidenceIds: files().map((f) => f.evidenceId) } : {}),
        });
      }}
    >
      <p class="muted">{t('contracts.check.hint')}</p>
      <Input id="chk-on" type="date" label={t('contracts.check.on')} required error={props.errs.get('checkedOn')} value={checkedOn()} onValue={setCheckedOn} />
      <TextArea id="chk-checkers" label={t('contracts.check.checkersOnePerLine')} required maxLength={20 * (limits.contracts.checker.max + 1)} error={props.errs.get('checkers')} value={checkers()} onValue={setCheckers} />
      <Index each={rows()}>
        {(r, i) => (
          <div class="check-row">
            <Input id={`chk-item-${i}`} label={t('contracts.check.item', { no: i + 1 })} required maxLength={limits.contracts.checkItem.max} value={r().item} onValue={(x) => update(i, { item: x })} />
            <label class="check">
              <input id={`chk-kept-${i}`} type="checkbox" checked={r().kept} onChange={(e) => update(i, { kept: e.currentTarget.checked })} /> {t('contracts.check.itemKept')}
            </label>
            <Input id={`chk-note-${i}`} label={t('contracts.check.itemNote', { no: i + 1 })} maxLength={limits.contracts.checkNote.max} value={r().note} onValue={(x) => update(i, { note: x })} />
          </div>
        )}
      </Index>
      <Show when={props.errs.get('items')}>{(e) => <p class="field__error" role="alert">{e()()}</p>}</Show>
      <div class="form__actions">
        <button type="button" class="btn" onClick={() => setRows([...rows(), { item: '', kept: true, note: '' }])}>{t('contracts.check.addItem')}</button>
      </div>
      <TextArea id="chk-findings" label={t('contracts.findings')} required maxLength={limits.contracts.findings.max} error={props.errs.get('findings')} value={findings()} onValue={setFindings} />
      <TextArea id="chk-breaches" label={t('contracts.breaches')} maxLength={limits.contracts.breaches.max} error={props.errs.get('breaches')} value={breaches()} onValue={setBreaches} />
      <Field id="chk-reported" label={t('contracts.check.reportedToCongress')} error={props.errs.get('reportedToCongress')}>
        <label class="check">
          <input id="chk-reported" type="checkbox" checked={reported()} onChange={(e) => setReported(e.currentTarget.checked)} /> {t('contracts.check.reportedYes')}
        </label>
      </Field>
      <Show when={reported()}>
        <Input id="chk-reported-on" type="date" label={t('contracts.check.reportedOn')} error={props.errs.get('reportedOn')} value={reportedOn()} onValue={setReportedOn} />
      </Show>
      <h3>{t('contracts.check.files')}</h3>
      <Show when={files().length}>
        <ul class="plain" data-testid="check-files">
          <For each={files()}>{(f) => <li>{f.fileName}</li>}</For>
        </ul>
      </Show>
      <Show when={props.errs.get('evidenceIds')}>{(e) => <p class="field__error" role="alert">{e()()}</p>}</Show>
      <CitedFileSlot
        contractId={props.contractId}
        purpose="performanceCheck"
        id="chk-file"
        testId="check-file"
        types={evidenceContentTypes}
        texts={{ file: () => t('contracts.check.files'), upload: () => t('contracts.check.upload'), typeNotAllowed: () => t('contracts.check.typeNotAllowed'), recorded: () => t('contracts.check.fileReady') }}
        onFile={(f) => setFiles([...files(), f])}
      />
      <div class="form__actions">
        <button type="submit" class="btn btn--primary" disabled={props.busy}>{t('contracts.check.record')}</button>
      </div>
    </form>
  );
}

/**
 * A file a step cites, uploaded and checked before the step is recorded (履约检查材料 for the check, the bureau's
 * 审查意见书 for the review): `onFile` gets it once the server has checked it.
 */
function CitedFileSlot(props: {
  contractId: string;
  purpose: 'performanceCheck' | 'reviewOpinion';
  id: string;
  testId: string;
  types: readonly EvidenceContentType[];
  attached?: AttachedFile;
  texts: { file: () => string; upload: () => string; typeNotAllowed: () => string; recorded: () => string };
  onFile: (f: AttachedFile) => void;
}) {
  let checked: AttachedFile | undefined;
  return (
    <EvidenceSlot
      id={props.id}
      testId={props.testId}
      types={props.types}
      attached={props.attached}
      canUpload
      texts={{ attachedFile: props.texts.file, view: props.texts.file, upload: props.texts.upload, replace: props.texts.upload, inputLabel: props.texts.upload, typeNotAllowed: props.texts.typeNotAllowed, recorded: props.texts.recorded }}
      create={(file) => mutate('contracts.evidence.createUpload', { contractId: props.contractId, purpose: props.purpose, fileName: file.name, contentType: file.type, sizeBytes: file.size })}
      signUrl={(evidenceId) => mutate('contracts.evidence.url', { evidenceId })}
      complete={async (evidenceId) => (checked = await mutate('contracts.evidence.complete', { evidenceId }))}
      record={async () => {
        if (checked) props.onFile(checked);
      }}
      onRecorded={() => undefined}
    />
  );
}

/** The bureau's 审查意见书 for the review being recorded: required with an objection, optional without. */
function ReviewOpinionSlot(props: { contractId: string; file: AttachedFile | undefined; error: (() => string) | undefined; onFile: (f: AttachedFile) => void }) {
  return (
    <div class="field" id="f-opinionEvidenceId">
      <p class="muted">{t('contracts.review.opinionHint')}</p>
      <CitedFileSlot
        contractId={props.contractId}
        purpose="reviewOpinion"
        id="review-opinion-file"
        testId="review-opinion"
        types={reviewOpinionTypes}
        attached={props.file}
        texts={{ file: () => t('contracts.review.opinionFile'), upload: () => t('contracts.review.upload'), typeNotAllowed: () => t('contracts.review.typeNotAllowed'), recorded: () => t('contracts.review.fileReady') }}
        onFile={props.onFile}
      />
      <Show when={props.error}>{(e) => <p class="field__error" role="alert">{e()()}</p>}</Show>
    </div>
  );
}
