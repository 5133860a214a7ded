import { createSignal, For, Index, Match, Show, Switch } from 'solid-js';
import { IDENTIFIER_INPUT_MAX, limits } from '@ufp/core/validation/limits';
import { createStore, reconcile } from 'solid-js/store';
import { Banner } from '../../components/Banner';
import { Field } from '../../components/Field';
import { Input } from '../../components/Input';
import { ConfirmPanel } from '../../components/Panel';
import { formatDateTime, t } from '../../i18n';
import { errorText, showToast } from '../../toast';
import { cm } from './call';
import type { Aspect, EventView, Part, PartKind as PK } from './contract';
import { schemeProblems } from '@ufp/competitions/domain/scheme-problems';
import { bi, isoToLocal, label, localToIso, marks, PartKind, pct } from './shared';

const ASPECT_KINDS = ['judgement', 'marks', 'measurement'] as const;

const newAspect = (kind: Aspect['kind'], code: string, maxHundredths: number): Aspect =>
  kind === 'judgement'
    ? { code, kind, name: { zh: '', en: '' }, maxHundredths, descriptors: ['', '', '', ''] }
    : kind === 'measurement'
      ? { code, kind, name: { zh: '', en: '' }, maxHundredths, unit: '0.01 mm', nominal: 0, tolerance: 0 }
      : { code, kind, name: { zh: '', en: '' }, maxHundredths };

/** The parts the form starts from when a 赛项 has no scheme yet: 理论 30% + 实操 70%, each out of 100 marks. */
function starter(): Part[] {
  return [
    { code: 'T', kind: 'theory', name: { zh: '理论', en: 'Theory' }, weightBp: 3000, aspects: [newAspect('marks', 'T1', 10000)] },
    { code: 'P', kind: 'practical', name: { zh: '实操', en: 'Practical' }, weightBp: 7000, aspects: [newAspect('judgement', 'P1', 10000)] },
  ];
}

/** 评分方案: parts with weights in %, aspects (评价 with four descriptors / 打分 / 测量), the rule problems, save and lock. */
export function SchemeEditor(props: { event: EventView; theoryWeightMaxBp: number; onChange: (e: EventView) => void }) {
  const [parts, setParts] = createStore<Part[]>(structuredClone(props.event.scheme?.parts ?? starter()));
  const firstStart = () => props.event.stages.find((s) => s.kind !== 'training')?.startsAt ?? props.event.stages[0]?.startsAt ?? '';
  const [startsAt, setStartsAt] = createSignal(isoToLocal(props.event.scheme?.startsAt ?? firstStart()));
  const [error, setError] = createSignal<unknown>();
  const [busy, setBusy] = createSignal(false);
  const [confirmLock, setConfirmLock] = createSignal(false);
  const problems = () => schemeProblems({ parts }, { theoryWeightMaxBp: props.theoryWeightMaxBp }).map((p) => p.text);

  const save = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const next = await cm('competitions.events.saveScheme', { eventId: props.event.eventId, version: props.event.version, startsAt: localToIso(startsAt()), parts: JSON.parse(JSON.stringify(parts)) as Part[] });
      if (next.scheme) setParts(reconcile(structuredClone(next.scheme.parts)));
      props.onChange(next);
      showToast('success', () => t('competitions.scheme.saved'));
    } catch (x) {
      setError(x);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Show when={!props.event.schemeLocked} fallback={<SchemeView event={props.event} />}>
      <form class="cmp-form" onSubmit={save} aria-label={t('competitions.scheme.title')} data-testid="cmp-scheme-editor">
        <Show when={error()}>
          <Banner kind="error">{errorText(error())}</Banner>
        </Show>
        <Input id="cmp-sch-start" label={t('competitions.scheme.startsAt')} hint={t('competitions.scheme.startsAtHint')} type="datetime-local" required value={startsAt()} onValue={setStartsAt} />
        <Index each={parts}>
          {(part, pi) => (
            <fieldset class="cmp-part" data-testid="cmp-part">
              <legend>{t('competitions.scheme.partN', { n: pi + 1, name: part().name.zh })}</legend>
              <div class="cmp-grid">
                <Input id={`cmp-p-${pi}-code`} label={t('competitions.scheme.code')} required maxLength={IDENTIFIER_INPUT_MAX} value={part().code} onValue={(v) => setParts(pi, 'code', v)} />
                <Field id={`cmp-p-${pi}-kind`} label={t('competitions.scheme.partKind')}>
                  <select id={`cmp-p-${pi}-kind`} value={part().kind} onChange={(e) => setParts(pi, 'kind', e.currentTarget.value as PK)}>
                    <For each={PartKind.values}>{(k) => <option value={k}>{label(PartKind, k)}</option>}</For>
                  </select>
                </Field>
                <Input id={`cmp-p-${pi}-zh`} label={t('competitions.scheme.nameZh')} required rule={limits.competitions.label} value={part().name.zh} onValue={(v) => setParts(pi, 'name', 'zh', v)} />
                <Input id={`cmp-p-${pi}-en`} label={t('competitions.scheme.nameEn')} required rule={limits.competitions.label} value={part().name.en} onValue={(v) => setParts(pi, 'name', 'en', v)} />
                <Input id={`cmp-p-${pi}-w`} label={t('competitions.scheme.weight')} required type="number" min="0" max="100" step="0.01" value={String(part().weightBp / 100)} onValue={(v) => setParts(pi, 'weightBp', Math.round(Number(v) * 100))} />
                <Input id={`cmp-p-${pi}-time`} label={t('competitions.scheme.timeLimit')} type="number" min="1" value={part().timeLimitMinutes === undefined ? '' : String(part().timeLimitMinutes)} onValue={(v) => setParts(pi, 'timeLimitMinutes', v ? Number(v) : undefined)} />
              </div>
              <Index each={part().aspects}>
                {(a, ai) => <AspectFields id={`cmp-a-${pi}-${ai}`} n={ai + 1} aspect={a()} set={(next) => setParts(pi, 'aspects', ai, reconcile(next))} remove={() => setParts(pi, 'aspects', (l) => l.filter((_, j) => j !== ai))} />}
              </Index>
              <p class="muted">{t('competitions.scheme.partMarks', { marks: part().aspects.reduce((s, a) => s + a.maxHundredths, 0) / 100 })}</p>
              <div class="cmp-row">
                <button type="button" class="btn btn--small" onClick={() => setParts(pi, 'aspects', (l) => [...l, newAspect('judgement', `${part().code}${l.length + 1}`, 0)])}>
                  {t('competitions.scheme.addAspect')}
                </button>
                <button type="button" class="btn btn--small" onClick={() => setParts((l) => l.filter((_, j) => j !== pi))}>
                  {t('competitions.scheme.removePart')}
                </button>
              </div>
            </fieldset>
          )}
        </Index>
        <button type="button" class="btn btn--small" onClick={() => setParts(parts.length, { code: `X${parts.length + 1}`, kind: 'other', name: { zh: '', en: '' }, weightBp: 0, aspects: [newAspect('marks', `X${parts.length + 1}1`, 10000)] })}>
          {t('competitions.scheme.addPart')}
        </button>
        <div data-testid="cmp-scheme-problems" aria-live="polite">
          <Show when={problems().length > 0} fallback={<p>{t('competitions.scheme.valid')}</p>}>
            <h3>{t('competitions.scheme.problems')}</h3>
            <ul class="cmp-problems">
              <For each={problems()}>{(p) => <li>{bi(p)}</li>}</For>
            </ul>
          </Show>
        </div>
        <div class="form__actions">
          <button type="submit" class="btn btn--primary" disabled={busy()}>
            {busy() ? t('common.saving') : t('competitions.scheme.save')}
          </button>
          <Show when={props.event.scheme}>
            <button type="button" class="btn" disabled={busy() || problems().length > 0} onClick={() => setConfirmLock(true)}>
              {t('competitions.scheme.lock')}
            </button>
          </Show>
        </div>
        <Show when={confirmLock()}>
          <ConfirmPanel
            id="cmp-lock"
            title={t('competitions.scheme.lockTitle')}
            confirmLabel={t('competitions.scheme.lock')}
            run={async () => props.onChange(await cm('competitions.events.lockScheme', { eventId: props.event.eventId, version: props.event.version }))}
            onDone={() => {
              setConfirmLock(false);
              showToast('success', () => t('competitions.scheme.locked'));
            }}
            onCancel={() => setConfirmLock(false)}
          >
            <p>{t('competitions.scheme.lockBody')}</p>
          </ConfirmPanel>
        </Show>
      </form>
    </Show>
  );
}

function AspectFields(props: { id: string; n: number; aspect: Aspect; set: (a: Aspect) => void; remove: () => void }) {
  const a = () => props.aspect;
  const patch = (p: Partial<Aspect>) => props.set({ ...a(), ...p } as Aspect);
  return (
    <div class="cmp-aspect" data-testid="cmp-aspect">
      <div class="cmp-grid">
        <Input id={`${props.id}-code`} label={t('competitions.scheme.aspectCode', { n: props.n })} required maxLength={IDENTIFIER_INPUT_MAX} value={a().code} onValue={(v) => patch({ code: v })} />
        <Field id={`${props.id}-kind`} label={t('competitions.scheme.aspectKind')}>
          <select id={`${props.id}-kind`} value={a().kind} onChange={(e) => props.set({ ...newAspect(e.currentTarget.value as Aspect['kind'], a().code, a().maxHundredths), name: a().name })}>
            <For each={ASPECT_KINDS}>{(k) => <option value={k}>{t(`competitions.aspect.${k}`)}</option>}</For>
          </select>
        </Field>
        <Input id={`${props.id}-zh`} label={t('competitions.scheme.nameZh')} required rule={limits.competitions.label} value={a().name.zh} onValue={(v) => patch({ name: { ...a().name, zh: v } })} />
        <Input id={`${props.id}-en`} label={t('competitions.scheme.nameEn')} required rule={limits.competitions.label} value={a().name.en} onValue={(v) => patch({ name: { ...a().name, en: v } })} />
        <Input id={`${props.id}-max`} label={t('competitions.scheme.maxMarks')} required type="number" min="0.01" max="100" step="0.01" value={String(a().maxHundredths / 100)} onValue={(v) => patch({ maxHundredths: Math.round(Number(v) * 100) })} />
      </div>
      <Switch>
        <Match when={a().kind === 'judgement' && (a() as Extract<Aspect, { kind: 'judgement' }>)}>
          {(j) => (
            <div class="cmp-grid">
              <Index each={j().descriptors}>
                {(d, i) => (
                  <Input
                    id={`${props.id}-d${i}`}
                    label={t('competitions.scheme.descriptor', { score: i })}
                    required
                    rule={limits.competitions.descriptor}
                    value={d()}
                    onValue={(v) => patch({ descriptors: j().descriptors.map((x, k) => (k === i ? v : x)) as [string, string, string, string] } as Partial<Aspect>)}
                  />
                )}
              </Index>
            </div>
          )}
        </Match>
        <Match when={a().kind === 'measurement' && (a() as Extract<Aspect, { kind: 'measurement' }>)}>
          {(m) => (
            <div class="cmp-grid">
              <Input id={`${props.id}-unit`} label={t('competitions.scheme.unit')} required rule={limits.competitions.measureUnit} value={m().unit} onValue={(v) => patch({ unit: v } as Partial<Aspect>)} />
              <Input id={`${props.id}-nominal`} label={t('competitions.scheme.nominal')} required type="number" step="1" value={String(m().nominal)} onValue={(v) => patch({ nominal: Math.round(Number(v)) } as Partial<Aspect>)} />
              <Input id={`${props.id}-tol`} label={t('competitions.scheme.tolerance')} required type="number" min="0" step="1" value={String(m().tolerance)} onValue={(v) => patch({ tolerance: Math.round(Number(v)) } as Partial<Aspect>)} />
            </div>
          )}
        </Match>
      </Switch>
      <div>
        <button type="button" class="btn btn--small" aria-label={t('competitions.scheme.removeAspectN', { n: props.n })} onClick={() => props.remove()}>
          {t('competitions.remove')}
        </button>
      </div>
    </div>
  );
}

/** A locked scheme, read-only. */
export function SchemeView(props: { event: EventView }) {
  return (
    <Show when={props.event.scheme} fallback={<p class="muted">{t('competitions.scheme.none')}</p>}>
      {(s) => (
        <div data-testid="cmp-scheme-view">
          <p>
            <span class="cmp-badge" data-status={props.event.schemeLocked ? 'locked' : 'draft'}>
              {props.event.schemeLocked ? t('competitions.scheme.lockedBadge') : t('competitions.scheme.draftBadge')}
            </span>{' '}
            <Show when={s().lockedAt}>{(at) => t('competitions.scheme.lockedAt', { at: formatDateTime(at()) })}</Show>
          </p>
          <ul class="cmp-list">
            <For each={s().parts}>
              {(p) => (
                <li class="cmp-part">
                  <strong>
                    {p.code} {bi(p.name)} · {label(PartKind, p.kind)} · {pct(p.weightBp)}
                    <Show when={p.timeLimitMinutes}>{(m) => ` · ${t('competitions.scheme.minutes', { n: m() })}`}</Show>
                  </strong>
                  <ul class="cmp-list">
                    <For each={p.aspects}>
                      {(a) => (
                        <li class="cmp-aspect">
                          <span>
                            {a.code} {bi(a.name)} · {t(`competitions.aspect.${a.kind}`)} · {t('competitions.scheme.outOf', { marks: marks(a.maxHundredths) })}
                          </span>
                          <Show when={a.kind === 'judgement' && a}>{(j) => <ol start="0">{j().descriptors.map((d) => <li>{d}</li>)}</ol>}</Show>
                          <Show when={a.kind === 'measurement' && a}>{(m) => <span class="muted">{t('competitions.scheme.measureText', { nominal: m().nominal, tolerance: m().tolerance, unit: m().unit })}</span>}</Show>
                        </li>
                      )}
                    </For>
                  </ul>
                </li>
              )}
            </For>
          </ul>
        </div>
      )}
    </Show>
  );
}
