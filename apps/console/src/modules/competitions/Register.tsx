import { A, useParams } from '@solidjs/router';
import { createResource, createSignal, For, Show } from 'solid-js';
import { IDENTIFIER_INPUT_MAX, limits } from '@ufp/core/validation/limits';
import { ApiError, query } from '../../api';
import { Banner } from '../../components/Banner';
import { Field } from '../../components/Field';
import { Input } from '../../components/Input';
import { formatDateTime, lang, t } from '../../i18n';
import { me } from '../../session';
import { errorText, showToast } from '../../toast';
import { cm, cq } from './call';
import type { ContestantView, Gender as G, SkillGrade as Grade } from './contract';
import { PageError } from './PageError';
import { bi, Gender, label, SkillGrade } from './shared';
import './competitions.css';

const FIELDS = ['unitId', 'name', 'idNumber', 'phone', 'gender', 'tradeCode', 'skillGrade', 'member'] as const;
type FieldName = (typeof FIELDS)[number];
/** The rule layer names the applicant's fields its own way; each goes beside the form's field it is about. */
const FIELD_OF: Record<string, FieldName> = { trade: 'tradeCode', birthDate: 'idNumber', personId: 'member', skillGrade: 'skillGrade' };
const FIELD_OF_RULE: Record<string, FieldName | undefined> = { unit: 'unitId', membership: 'member', trade: 'tradeCode', grade: 'skillGrade', age: 'idNumber' };

interface Refusal {
  field: FieldName | undefined;
  rule: string | undefined;
  text: string;
}

/** Where a refusal goes: the field the server names (or the field of the rule it names); undefined → above the form. */
export function refusalOf(err: unknown): Refusal {
  const text = errorText(err);
  if (!(err instanceof ApiError)) return { field: undefined, rule: undefined, text };
  const rule = typeof err.details.rule === 'string' ? err.details.rule : undefined;
  const raw = err.issues[0]?.path.join('.') ?? (typeof err.details.field === 'string' ? err.details.field : '');
  const named = (FIELDS as readonly string[]).includes(raw) ? (raw as FieldName) : FIELD_OF[raw];
  const field = rule === 'window' ? undefined : ((rule ? FIELD_OF_RULE[rule] : undefined) ?? named);
  const own = err.issues[0] ? (lang() === 'en' ? (err.issues[0].messageEn ?? err.issues[0].message) : err.issues[0].message) : text;
  return { field, rule, text: own };
}

/** 报名: a unit reporter enters one of their unit's members for a 赛项 (phone-first); a refusal names its rule beside the field. */
export default function Register() {
  const params = useParams<{ eventId: string }>();
  const [ev, { refetch }] = createResource(() => params.eventId, (eventId) => cq('competitions.events.get', { eventId }));
  const isReporter = () => !!me()?.unitId;
  const [units] = createResource(() => !isReporter() && !!me(), () => query('units.list', { limit: 200 }).catch(() => ({ items: [] as { unitId: string; name: string }[] })));
  const [unitId, setUnitId] = createSignal('');
  const [name, setName] = createSignal('');
  const [idNumber, setIdNumber] = createSignal('');
  const [phone, setPhone] = createSignal('');
  const [gender, setGender] = createSignal<G>('male');
  const [trade, setTrade] = createSignal('');
  const [grade, setGrade] = createSignal<Grade>('grade3');
  const [member, setMember] = createSignal(true);
  const [refusal, setRefusal] = createSignal<Refusal>();
  const [busy, setBusy] = createSignal(false);
  const [done, setDone] = createSignal<ContestantView>();
  const errorFor = (f: FieldName) => {
    const r = refusal();
    if (!r || r.field !== f) return undefined;
    return () => (r.rule ? `${ruleLabel(r.rule)}：${r.text}` : r.text);
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    const event = ev();
    if (!event) return;
    setBusy(true);
    setRefusal(undefined);
    try {
      const c = await cm('competitions.contestants.register', {
        eventId: event.eventId,
        unitId: isReporter() ? (me()?.unitId ?? '') : unitId(),
        name: name().trim(),
        idNumber: idNumber().trim().toUpperCase(),
        ...(phone().trim() ? { phone: phone().trim() } : {}),
        gender: gender(),
        tradeCode: trade() || event.tradeCode,
        skillGrade: grade(),
        member: member(),
      });
      setDone(c);
      showToast('success', () => t('competitions.register.done', { name: c.name }));
    } catch (x) {
      setRefusal(refusalOf(x));
    } finally {
      setBusy(false);
    }
  };
  const again = () => {
    setDone(undefined);
    setName('');
    setIdNumber('');
    setPhone('');
  };

  return (
    <section aria-labelledby="cmp-reg-title" class="cmp narrow">
      <Show when={ev.error}>
        <PageError error={ev.error} title={t('competitions.register.title')} backHref="/competitions" backLabel={t('competitions.back')} onRetry={() => void refetch()} />
      </Show>
      <Show when={!ev.error && ev.loading}>
        <h1 id="cmp-reg-title">{t('competitions.register.title')}</h1>
        <p role="status">{t('common.loading')}</p>
      </Show>
      <Show when={!ev.error && !ev.loading && ev()}>
        {(event) => (
          <>
            <div class="page-head">
              <A href={`/competitions/events/${event().eventId}`}>{bi(event().name)}</A>
              <h1 id="cmp-reg-title">{t('competitions.register.title')}</h1>
              <p>{t('competitions.event.window', { from: formatDateTime(event().registration.opensAt), to: formatDateTime(event().registration.closesAt) })}</p>
            </div>
            <Show when={done()}>
              {(c) => (
                <div class="card" data-testid="cmp-registered" role="status">
                  <h2>{t('competitions.register.doneTitle')}</h2>
                  <dl class="cmp-kv">
                    <dt>{t('competitions.register.name')}</dt>
                    <dd>{c().name}</dd>
                    <dt>{t('competitions.register.idNumber')}</dt>
                    <dd class="mono">{c().idMasked}</dd>
                    <dt>{t('competitions.register.unit')}</dt>
                    <dd>{c().unitName}</dd>
                  </dl>
                  <div class="form__actions">
                    <button type="button" class="btn btn--primary" onClick={again}>
                      {t('competitions.register.another')}
                    </button>
                  </div>
                </div>
              )}
            </Show>
            <Show when={!done()}>
              <form class="card cmp-form" onSubmit={submit} aria-label={t('competitions.register.title')} data-testid="cmp-register-form" novalidate>
                <Show when={refusal() && !refusal()!.field}>
                  <Banner kind="error">{refusal()!.rule ? `${ruleLabel(refusal()!.rule!)}：${refusal()!.text}` : refusal()!.text}</Banner>
                </Show>
                <Show
                  when={!isReporter()}
                  fallback={
                    <Show when={errorFor('unitId')}>
                      {(m) => (
                        <p class="field__error" role="alert">
                          {m()()}
                        </p>
                      )}
                    </Show>
                  }
                >
                  <Field id="cmp-r-unit" label={t('competitions.register.unit')} required error={errorFor('unitId')}>
                    <select id="cmp-r-unit" aria-invalid={errorFor('unitId') ? 'true' : undefined} aria-describedby={errorFor('unitId') ? 'cmp-r-unit-error' : undefined} value={unitId()} onChange={(x) => setUnitId(x.currentTarget.value)}>
                      <option value="" />
                      <For each={units()?.items ?? []}>{(u) => <option value={u.unitId}>{u.name}</option>}</For>
                    </select>
                  </Field>
                </Show>
                <Input id="cmp-r-name" label={t('competitions.register.name')} required rule={limits.competitions.contestantName} autocomplete="off" error={errorFor('name')} value={name()} onValue={setName} />
                <Input id="cmp-r-id" label={t('competitions.register.idNumber')} required maxLength={IDENTIFIER_INPUT_MAX} class="mono" autocomplete="off" hint={t('competitions.register.idHint')} error={errorFor('idNumber')} value={idNumber()} onValue={setIdNumber} />
                <Input id="cmp-r-phone" label={t('competitions.register.phone')} type="tel" inputmode="tel" maxLength={IDENTIFIER_INPUT_MAX} error={errorFor('phone')} value={phone()} onValue={setPhone} />
                <Field id="cmp-r-gender" label={t('competitions.register.gender')} required error={errorFor('gender')}>
                  <select id="cmp-r-gender" aria-invalid={errorFor('gender') ? 'true' : undefined} aria-describedby={errorFor('gender') ? 'cmp-r-gender-error' : undefined} value={gender()} onChange={(x) => setGender(x.currentTarget.value as G)}>
                    <For each={Gender.values}>{(g) => <option value={g}>{label(Gender, g)}</option>}</For>
                  </select>
                </Field>
                <Field id="cmp-r-trade" label={t('competitions.event.trade')} required error={errorFor('tradeCode')}>
                  <select id="cmp-r-trade" aria-invalid={errorFor('tradeCode') ? 'true' : undefined} aria-describedby={errorFor('tradeCode') ? 'cmp-r-trade-error' : undefined} value={trade() || event().tradeCode} onChange={(x) => setTrade(x.currentTarget.value)}>
                    <For each={[...new Set([event().tradeCode, ...event().registration.trades])]}>{(code) => <option value={code}>{code}</option>}</For>
                  </select>
                </Field>
                <Field id="cmp-r-grade" label={t('competitions.register.grade')} required error={errorFor('skillGrade')}>
                  <select id="cmp-r-grade" aria-invalid={errorFor('skillGrade') ? 'true' : undefined} aria-describedby={errorFor('skillGrade') ? 'cmp-r-grade-error' : undefined} value={grade()} onChange={(x) => setGrade(x.currentTarget.value as Grade)}>
                    <For each={SkillGrade.values}>{(g) => <option value={g}>{label(SkillGrade, g)}</option>}</For>
                  </select>
                </Field>
                <Field id="cmp-r-member" label={t('competitions.register.member')} error={errorFor('member')}>
                  <select id="cmp-r-member" aria-invalid={errorFor('member') ? 'true' : undefined} aria-describedby={errorFor('member') ? 'cmp-r-member-error' : undefined} value={member() ? 'yes' : 'no'} onChange={(x) => setMember(x.currentTarget.value === 'yes')}>
                    <option value="yes">{t('competitions.register.memberYes')}</option>
                    <option value="no">{t('competitions.register.memberNo')}</option>
                  </select>
                </Field>
                <div class="form__actions">
                  <button type="submit" class="btn btn--primary" disabled={busy()}>
                    {busy() ? t('common.saving') : t('competitions.register.submit')}
                  </button>
                </div>
              </form>
            </Show>
          </>
        )}
      </Show>
    </section>
  );
}

export const ruleLabel = (rule: string): string => {
  const known: Record<string, () => string> = {
    window: () => t('competitions.rule.window'),
    unit: () => t('competitions.rule.unit'),
    membership: () => t('competitions.rule.membership'),
    trade: () => t('competitions.rule.trade'),
    grade: () => t('competitions.rule.grade'),
    age: () => t('competitions.rule.age'),
  };
  return known[rule]?.() ?? rule;
};
