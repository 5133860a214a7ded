import { A, useParams } from '@solidjs/router';
import { createResource, For, Show } from 'solid-js';
import { query, type RouterOutputs } from '../../api';
import { DataTable } from '../../components/DataTable';
import { RecordMissing } from '../../components/RecordMissing';
import { formatIndicator } from '../../format';
import { t } from '../../i18n';
import { replyStateLabels, replyStates } from './domain';
import { bi, sideLabel } from './shared';
import './contracts.css';

type Board = RouterOutputs['contracts']['campaigns']['get'];
type Row = Board['rows'][number];
type Counts = Board['counts'];

export const compliance = (share: number | null) => (share === null ? '—' : formatIndicator(share * 10_000, 'percent'));

/** The replies of a campaign as one bar: a segment per state, its count written in it. */
export function ReplyBar(props: { counts: Counts }) {
  const parts = () => replyStates.filter((s) => props.counts[s] > 0);
  return (
    <span class="reply-bar" role="img" aria-label={replyStates.map((s) => `${bi(replyStateLabels[s])} ${props.counts[s]}`).join('，')}>
      <For each={parts()}>{(s) => <span class={`reply-bar__part reply--${s}`} style={{ 'flex-grow': props.counts[s] }} title={bi(replyStateLabels[s])}>{props.counts[s]}</span>}</For>
    </span>
  );
}

/** One campaign: who replied in time, late or not at all, the most urgent first. */
export default function CampaignBoard() {
  const params = useParams();
  const [board, { refetch }] = createResource(() => params.campaignId, (campaignId) => query('contracts.campaigns.get', { campaignId }));
  const loaded = () => (board.error ? undefined : board());
  return (
    <section aria-labelledby="campaign-title">
      <p class="crumbs"><A href="/contracts/campaigns">← {t('contracts.campaigns')}</A></p>
      <Show when={board.error}>
        <RecordMissing error={board.error} backHref="/contracts/campaigns" backLabel={t('contracts.campaigns')} onRetry={() => void refetch()} />
      </Show>
      <Show when={loaded()}>
          {(b) => (
            <>
              <h1 id="campaign-title">{b().title}</h1>
              <p class="muted">{t('contracts.campaignSummary', { sentOn: b().sentOn, side: bi(sideLabel[b().fromSide]), n: b().counts.sent, rate: compliance(b().replyCompliance) })}</p>
              <ReplyBar counts={b().counts} />
              <ul class="reply-legend">
                <For each={replyStates}>{(s) => <li><span class={`reply-dot reply--${s}`} aria-hidden="true" />{bi(replyStateLabels[s])} {b().counts[s]}</li>}</For>
              </ul>
              <DataTable<Row>
                label={t('contracts.campaignEnterprises')}
                rows={b().rows}
                columns={[
                  { label: () => t('contracts.enterprise'), cell: (r) => <A href={`/contracts/${encodeURIComponent(r.contractId)}`}>{r.enterprise}</A>, class: 'cell--primary' },
                  { label: () => t('contracts.status'), cell: (r) => <span class={`reply-state reply--${r.state}`}>{bi(replyStateLabels[r.state])}</span> },
                  { label: () => t('contracts.replyDue'), cell: (r) => r.dueOn ?? '—', class: 'nowrap' },
                  {
                    label: () => t('contracts.replyOn'),
                    cell: (r) => r.repliedOn ?? (r.daysLeft === undefined ? '—' : r.daysLeft < 0 ? t('contracts.overdueDays', { n: -r.daysLeft }) : t('contracts.daysLeft', { daysLeft: r.daysLeft })),
                    class: 'nowrap',
                  },
                ]}
              />
            </>
          )}
      </Show>
    </section>
  );
}
