import { A, useParams } from '@solidjs/router';
import QRCode from 'qrcode';
import { createResource, createSignal, For, Show } from 'solid-js';
import { mutate, query, type RouterOutputs } from '../../api';
import { formatDateTime, formatNumber, t, type DictKey } from '../../i18n';
import { hasRole } from '../../session';
import { showError, showToast } from '../../toast';
import { RecordMissing } from '../../components/RecordMissing';
import { Input } from '../../components/Input';
import { type ItemV } from './labels';
import { EvidenceFiles } from './EvidenceFiles';
import { ItemCard } from './parts';
import { ReportForm } from './ReportForm';
import './ten-things.css';
import { limits } from '@ufp/core/validation/limits';

type Entry = RouterOutputs['tenThings']['items']['get']['ledger']['items'][number];

export default function ItemPage() {
  const params = useParams<{ itemId: string }>();
  const [data, { refetch }] = createResource(
    () => params.itemId,
    (itemId) => query('tenThings.items.get', { itemId, limit: 200 }),
  );
  const isStaff = () => hasRole('federation_admin', 'federation_staff');
  const publicUrl = () => (!data.error && data() ? `${location.origin}/rate/${data()!.item.tenantId}/${data()!.item.itemId}` : '');
  const [qr] = createResource(publicUrl, (url) => (url ? QRCode.toDataURL(url, { margin: 1, width: 296 }) : Promise.resolve('')));

  const correct = async (entry: Entry) => {
    const reason = window.prompt(t('tenThings.correctReason'));
    if (!reason) return;
    try {
      await mutate('tenThings.progress.correct', { itemId: params.itemId, entryId: entry.entryId, reason });
      showToast('success', () => t('tenThings.corrected'));
      void refetch();
    } catch (err) {
      showError(err);
    }
  };

  return (
    <section aria-labelledby="tt-item-title">
      <Show when={data.error}>
        <RecordMissing error={data.error} backHref={hasRole('unit_reporter') && !isStaff() ? '/ten-things/my' : '/ten-things'} backLabel={t('tenThings.board')} onRetry={() => void refetch()} />
      </Show>
      <Show when={!data.error && data()}>
        {(d) => (
          <>
            <div class="page-head">
              <h1 id="tt-item-title">{d().item.title}</h1>
              <A class="btn no-print" href={hasRole('unit_reporter') && !isStaff() ? '/ten-things/my' : '/ten-things'}>
                {t('tenThings.board')}
              </A>
            </div>
            <ItemCard item={d().item} />
            <Show when={d().item.stage === 'adopted'}>
              <div class="tt-section tt-inline tt-inline--top">
                <div class="card tt-task tt-half">
                  <h2>{t('tenThings.report')}</h2>
                  <ReportForm item={d().item} idPrefix="tt-item-report" onSaved={() => void refetch()} />
                </div>
                <div class="card tt-half">
                  <h2>{t('tenThings.publicLink')}</h2>
                  <div class="tt-qr">
                    <Show when={qr()}>
                      <img src={qr()} alt={t('tenThings.publicLink')} />
                    </Show>
                    <a href={publicUrl()} target="_blank" rel="noopener" data-testid="tt-public-link" class="tt-link">
                      {publicUrl()}
                    </a>
                  </div>
                </div>
              </div>
              <Show when={hasRole('federation_admin')}>
                <AssignForm item={d().item} onSaved={() => void refetch()} />
              </Show>
            </Show>
            <section class="tt-section" aria-labelledby="tt-ledger">
              <h2 id="tt-ledger">{t('tenThings.ledger')}</h2>
              <div class="table-wrap">
                <table data-testid="tt-ledger">
                  <thead>
                    <tr>
                      <th>{t('tenThings.occurredOn')}</th>
                      <th>{t('tenThings.targetIndex')}</th>
                      <th>{t('tenThings.quantity')}</th>
                      <th>{t('tenThings.entryType')}</th>
                      <th>{t('tenThings.note')}</th>
                      <th />
                    </tr>
                  </thead>
                  <tbody>
                    <For each={d().ledger.items}>
                      {(e) => (
                        <tr>
                          <td class="nowrap">{e.occurredOn}</td>
                          <td>{d().item.targets[e.targetIndex]?.indicator}</td>
                          <td class="num">
                            {e.quantity > 0 ? '+' : ''}
                            {formatNumber(e.quantity)} {d().item.targets[e.targetIndex]?.unit}
                          </td>
                          <td>{t(`tenThings.entryType.${e.entryType}` as DictKey)}</td>
                          <td>
                            {e.reason ?? e.note ?? ''}
                            <span class="muted"> {formatDateTime(e.recordedAt)}</span>
                            <Show when={e.evidence?.length}>
                              <EvidenceFiles files={e.evidence ?? []} />
                            </Show>
                          </td>
                          <td>
                            <Show when={e.reversedBy}>
                              <span class="muted">{t('tenThings.reversedBy')}</span>
                            </Show>
                            <Show when={isStaff() && e.entryType === 'report' && !e.reversedBy}>
                              <button class="btn btn--small" type="button" onClick={() => void correct(e)}>
                                {t('tenThings.correct')}
                              </button>
                            </Show>
                          </td>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </table>
              </div>
            </section>
          </>
        )}
      </Show>
    </section>
  );
}

function AssignForm(props: { item: ItemV; onSaved: () => void }) {
  const [units] = createResource(() => query('units.list', { limit: 200 }));
  const [leadDept, setLeadDept] = createSignal(props.item.assignment?.leadDept ?? props.item.leadDept);
  const [co, setCo] = createSignal<string[]>(props.item.assignment?.coUnitIds ?? []);
  const initial = (q: number) => props.item.assignment?.milestones.find((m) => m.quarter === q)?.share ?? q * 25;
  const [shares, setShares] = createSignal([initial(1), initial(2), initial(3), initial(4)]);
  const save = async (e: Event) => {
    e.preventDefault();
    try {
      await mutate('tenThings.items.assign', {
        itemId: props.item.itemId,
        version: props.item.version,
        leadDept: leadDept().trim(),
        coUnitIds: co(),
        milestones: shares().map((share, i) => ({ quarter: (i + 1) as 1 | 2 | 3 | 4, share })),
      });
      showToast('success', () => t('tenThings.assigned'));
      props.onSaved();
    } catch (err) {
      showError(err);
    }
  };
  return (
    <form class="card tt-section no-print" onSubmit={save} aria-labelledby="tt-assign-title">
      <h2 id="tt-assign-title">{t('tenThings.assign')}</h2>
      <Input id="tt-a-dept" label={t('tenThings.leadDept')} required rule={limits.tenThings.leadDept} value={leadDept()} onValue={setLeadDept} />
      <fieldset>
        <legend>{t('tenThings.coUnits')}</legend>
        <For each={units()?.items ?? []}>
          {(u) => (
            <label class="block-label">
              <input type="checkbox" checked={co().includes(u.unitId)} onChange={(e) => setCo(e.currentTarget.checked ? [...co(), u.unitId] : co().filter((x) => x !== u.unitId))} /> {u.name}
            </label>
          )}
        </For>
      </fieldset>
      <fieldset class="tt-inline">
        <legend>{t('tenThings.milestones')}</legend>
        <For each={[0, 1, 2, 3]}>
          {(q) => (
            <Input
              id={`tt-a-q${q + 1}`}
              label={`Q${q + 1}`}
              type="number"
              inputmode="numeric"
              min="0"
              max="100"
              value={String(shares()[q])}
              onValue={(x) => setShares(shares().map((s, i) => (i === q ? Number(x) : s)))}
            />
          )}
        </For>
      </fieldset>
      <button class="btn btn--primary" type="submit">
        {t('tenThings.saveAssign')}
      </button>
    </form>
  );
}
