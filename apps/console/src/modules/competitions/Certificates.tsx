import { A, useParams } from '@solidjs/router';
import QRCode from 'qrcode';
import { createResource, For, Show } from 'solid-js';
import { ApiError } from '../../api';
import { Banner } from '../../components/Banner';
import { formatDateTime, t } from '../../i18n';
import { me } from '../../session';
import { errorText } from '../../toast';
import { cq } from './call';
import type { EventView } from './contract';
import { PageError } from './PageError';
import { bi } from './shared';
import './competitions.css';

/** The public page that recomputes the final results' hash: what a certificate's QR code opens. */
export const verifyUrl = (tenantId: string, eventId: string) => `${location.origin}/verify/competitions/${encodeURIComponent(tenantId)}/${encodeURIComponent(eventId)}`;

/** 获奖证书: one printable certificate per prize of the final stage, each with a QR code to the public verification. */
export default function Certificates() {
  const params = useParams<{ eventId: string }>();
  const [ev, { refetch }] = createResource(() => params.eventId, (eventId) => cq('competitions.events.get', { eventId }));
  return (
    <section aria-labelledby="cmp-cert-title" class="cmp">
      <Show when={ev.error}>
        <PageError error={ev.error} title={t('competitions.cert.title')} backHref="/competitions" backLabel={t('competitions.back')} onRetry={() => void refetch()} />
      </Show>
      <Show when={!ev.error && ev.loading}>
        <h1 id="cmp-cert-title">{t('competitions.cert.title')}</h1>
        <p role="status">{t('common.loading')}</p>
      </Show>
      <Show when={!ev.error && !ev.loading && ev()}>{(e) => <CertificatesBody event={e()} />}</Show>
    </section>
  );
}

function CertificatesBody(props: { event: EventView }) {
  const last = () => props.event.stages[props.event.stages.length - 1]?.kind;
  const [res] = createResource(
    () => last() && { eventId: props.event.eventId, stage: last()! },
    (input) => cq('competitions.results.get', input),
  );
  const [qr] = createResource(
    () => me()?.tenantId && verifyUrl(me()!.tenantId!, props.event.eventId),
    async (url) => ({ url, image: await QRCode.toDataURL(url, { margin: 1, width: 240 }) }),
  );
  const certificates = () => {
    const r = res.error ? undefined : res();
    if (!r || r.status !== 'final') return [];
    const byNumber = new Map(r.lines.map((l) => [l.workNumber, l]));
    return r.prizes.map((p) => ({ ...p, line: byNumber.get(p.workNumber) }));
  };
  return (
    <>
      <div class="page-head cmp-noprint">
        <A href={`/competitions/events/${props.event.eventId}`}>{bi(props.event.name)}</A>
        <h1 id="cmp-cert-title">{t('competitions.cert.title')}</h1>
        <p>{t('competitions.cert.intro')}</p>
      </div>
      <Show when={res.error}>
        <Banner kind="info">{res.error instanceof ApiError && res.error.code === 'NOT_FOUND' ? t('competitions.cert.notFinal') : errorText(res.error)}</Banner>
      </Show>
      <Show when={!res.error && res() && res()!.status !== 'final'}>
        <Banner kind="info">{t('competitions.cert.notFinal')}</Banner>
      </Show>
      <Show when={certificates().length > 0}>
        <div class="cmp-row cmp-noprint">
          <button type="button" class="btn btn--primary" onClick={() => window.print()}>
            {t('competitions.cert.print')}
          </button>
          <Show when={qr()}>
            {(q) => (
              <a href={q().url} class="cmp-wrap">
                {t('competitions.cert.verifyLink')}
              </a>
            )}
          </Show>
        </div>
      </Show>
      <div class="cmp-certs" data-testid="cmp-certificates">
        <For each={certificates()}>
          {(c) => (
            <article class="cmp-cert" aria-label={t('competitions.cert.of', { who: c.line?.name ?? c.workNumber })}>
              <h2>{t('competitions.cert.heading')}</h2>
              <p class="cmp-wrap">{t('competitions.cert.body', { who: c.line?.name ?? `${t('competitions.results.workNumber')} ${c.workNumber}`, competition: bi(props.event.competitionName), event: bi(props.event.name) })}</p>
              <p>
                <strong>{bi(c.prize.label)}</strong>（{t('competitions.results.rankN', { n: c.rank })}）
              </p>
              <Show when={c.line?.unitName}>{(u) => <p>{u()}</p>}</Show>
              <Show when={!res.error && res()?.finalizedAt}>{(at) => <p class="muted">{formatDateTime(at())}</p>}</Show>
              <Show when={qr()}>{(q) => <img src={q().image} alt={t('competitions.cert.qrAlt')} />}</Show>
              <p class="muted">{t('competitions.cert.scan')}</p>
            </article>
          )}
        </For>
      </div>
      <Show when={!res.error && res()?.status === 'final' && certificates().length === 0}>
        <p class="muted">{t('competitions.cert.none')}</p>
      </Show>
    </>
  );
}
