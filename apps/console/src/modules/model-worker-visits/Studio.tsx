import { A, useParams } from '@solidjs/router';
import { createResource, createSignal, For, Show } from 'solid-js';
import { limits } from '@ufp/core/validation/limits';
import { mutate, query } from '../../api';
import { Banner } from '../../components/Banner';
import { Input } from '../../components/Input';
import { RecordMissing } from '../../components/RecordMissing';
import { createFieldErrors } from '../../forms';
import { t } from '../../i18n';
import { hasRole } from '../../session';
import { errorText, showToast } from '../../toast';
import { OUTCOMES, SevenTicks, shanghaiToday, yuan } from './shared';
import { StudioForm } from './StudioForm';
import './mw-visits.css';

type Outcome = (typeof OUTCOMES)[number];

/** One 创新工作室: the 七有 ticks, the leader (flagged when deceased or revoked), members, achievements and the annual reviews. */
export default function Studio() {
  const params = useParams<{ studioId: string }>();
  const [loaded, ctl] = createResource(() => params.studioId, (studioId) => query('modelWorkers.studios.get', { studioId }));
  /** The studio, or undefined while loading or after an error (reading an errored resource throws). */
  const studio = () => (loaded.error ? undefined : loaded());
  const [year, setYear] = createSignal(String(Number(shanghaiToday().slice(0, 4)) - 1));
  const [outcome, setOutcome] = createSignal<Outcome>('passed');
  const [note, setNote] = createSignal('');
  const [refusal, setRefusal] = createSignal<string>();
  const [editing, setEditing] = createSignal(false);
  const isStaff = () => hasRole('federation_admin', 'federation_staff');
  /** The version last read: a reload after a stale save moves it on, the form keeps what was typed. */
  const version = () => studio()?.version ?? 1;
  const fields = createFieldErrors();

  async function review(e: Event) {
    e.preventDefault();
    const s = studio();
    if (!s) return;
    setRefusal(undefined);
    fields.clear();
    try {
      await mutate('modelWorkers.studios.review', { studioId: s.studioId, version: s.version, year: Number(year()), outcome: outcome(), note: note().trim() || undefined });
      showToast('success', () => t('mwVisits.studio.reviewed', { year: year() }));
      setNote('');
      await ctl.refetch();
    } catch (err) {
      if (!fields.placed(err, ['year', 'note'])) setRefusal(errorText(err));
    }
  }

  return (
    <section aria-labelledby="mwv-studio-title" class="mwv">
      <p>
        <A href="/model-worker-studios">← {t('mwVisits.studio.back')}</A>
      </p>
      <Show when={loaded.error}>
        <RecordMissing error={loaded.error} backHref="/model-worker-studios" backLabel={t('mwVisits.studio.back')} onRetry={() => void ctl.refetch()} />
      </Show>
      <Show when={studio()}>
        {(s) => (
          <>
            <div class="page-head">
              <h1 id="mwv-studio-title">{s().name}</h1>
              <Show when={isStaff() && !editing()}>
                <button type="button" class="btn btn--primary" onClick={() => setEditing(true)}>
                  {t('mwVisits.studio.edit')}
                </button>
              </Show>
            </div>
            <Show when={editing()}>
              <div class="card">
                <h2>{t('mwVisits.studio.editTitle')}</h2>
                <StudioForm
                  studio={s()}
                  version={version}
                  onReload={() => void ctl.refetch()}
                  onCancel={() => setEditing(false)}
                  onSaved={(done) => {
                    setEditing(false);
                    showToast('success', () => t('mwVisits.studio.updated', { name: done.name }));
                    void ctl.refetch();
                  }}
                />
              </div>
            </Show>
            <div class="card" data-testid="mwv-studio-facts">
              <p>{t('mwVisits.studio.foundedLine', { level: t(`mwVisits.level.${s().level}`), on: s().foundedOn })}</p>
              <p>
                {t('mwVisits.studio.leader')}：{s().leader.name ?? s().leader.nameMasked}
                <Show when={s().leader.flag}>{(f) => <span class="mwv-badge mwv-flag" data-testid="mwv-flag">{t(`mwVisits.flag.${f()}`)}</span>}</Show>
              </p>
              <Show when={s().members.length}>
                <p>
                  {t('mwVisits.studio.members')}：{s().members.join('、')}
                </p>
              </Show>
              <h2>{t('mwVisits.studios.sevenHas')} {t('mwVisits.studios.count', { n: s().sevenHasCount })}</h2>
              <SevenTicks checklist={s().sevenHas} />
            </div>
            <div class="card">
              <h2>{t('mwVisits.studio.achievements')}</h2>
              <ul class="mwv-list" data-testid="mwv-achievements">
                <For each={s().achievements}>
                  {(a) => (
                    <li>
                      <span>
                        {a.year} · {t(`mwVisits.kind.${a.kind}`)} · {a.title}
                        {a.valueFen !== undefined ? ` · ${yuan(a.valueFen)}` : ''}
                      </span>
                    </li>
                  )}
                </For>
              </ul>
              <Show when={s().achievementsValueFen > 0}>
                <p class="mwv-totals">{t('mwVisits.studio.value', { amount: yuan(s().achievementsValueFen) })}</p>
              </Show>
            </div>
            <div class="card">
              <h2>{t('mwVisits.studio.reviews')}</h2>
              <Show when={s().reviews.length} fallback={<p class="muted">{t('mwVisits.studio.noReviews')}</p>}>
                <ul class="mwv-list" data-testid="mwv-reviews">
                  <For each={s().reviews}>{(r) => <li><span>{r.year} · {t(`mwVisits.outcome.${r.outcome}`)}{r.note ? ` · ${r.note}` : ''}</span></li>}</For>
                </ul>
              </Show>
              <Show when={isStaff()}>
                <form class="mwv-form" onSubmit={(e) => void review(e)} novalidate>
                  <div class="mwv-inline">
                    <Input id="mwv-review-year" label={t('mwVisits.studio.reviewYear')} inputmode="numeric" value={year()} onValue={setYear} required error={fields.get('year')} />
                    <div class="field">
                      <label for="mwv-review-outcome">{t('mwVisits.studio.reviewOutcome')}</label>
                      <select id="mwv-review-outcome" class="input" value={outcome()} onChange={(e) => setOutcome(e.currentTarget.value as Outcome)}>
                        <For each={OUTCOMES}>{(o) => <option value={o}>{t(`mwVisits.outcome.${o}`)}</option>}</For>
                      </select>
                    </div>
                  </div>
                  <Input id="mwv-review-note" label={t('mwVisits.studio.reviewNote')} value={note()} onValue={setNote} rule={limits.modelWorkers.note} error={fields.get('note')} />
                  <Show when={refusal()}>{(r) => <Banner kind="error">{r()}</Banner>}</Show>
                  <button type="submit" class="btn">
                    {t('mwVisits.studio.reviewSubmit')}
                  </button>
                </form>
              </Show>
            </div>
          </>
        )}
      </Show>
    </section>
  );
}
