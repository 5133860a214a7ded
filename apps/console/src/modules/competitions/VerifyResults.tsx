import { useParams } from '@solidjs/router';
import { createResource, For, Show } from 'solid-js';
import { LangSwitch } from '../../components/LangSwitch';
import { PublicError } from '../../components/PublicError';
import { formatDateTime, label, t } from '../../i18n';
import { judgingApi, marksText } from './judging-api';
import './judging.css';

/**
 * The public verification page of a 赛项's final results (the certificates' QR code opens it, no sign-in): the
 * platform recomputes the results' hash and says whether it matches the one sealed at finalisation, with the ranking.
 */
export default function VerifyResults() {
  const params = useParams<{ tenantId: string; eventId: string }>();
  const [data] = createResource(
    () => ({ tenantId: params.tenantId, eventId: params.eventId }),
    ({ tenantId, eventId }) => judgingApi.verify(tenantId, eventId),
  );
  const answer = () => (data.error ? undefined : data());
  return (
    <main class="judging comp-verify" aria-labelledby="comp-verify-title">
      <LangSwitch />
      <h1 id="comp-verify-title">{t('competitions.judging.verify.title')}</h1>
      <Show when={data.error}>
        <PublicError error={data.error} />
      </Show>
      <Show when={answer()}>
        {(v) => (
          <>
            <p class="comp-verify__event">
              {label(v().competitionName)} · {label(v().eventName)}
            </p>
            <div class="comp-verify__answer" classList={{ 'comp-verify__answer--ok': v().verified, 'comp-verify__answer--bad': !v().verified }} role="status" data-testid="verify-answer" data-verified={v().verified ? 'true' : 'false'}>
              <p class="comp-verify__mark" aria-hidden="true">
                {v().verified ? '✓' : '✗'}
              </p>
              <p class="comp-verify__word">{v().verified ? t('competitions.judging.verify.verified') : v().finalizedAt ? t('competitions.judging.verify.notVerified') : t('competitions.judging.verify.notFinal')}</p>
            </div>
            <dl class="dl comp-verify__facts">
              <dt>{t('competitions.judging.verify.finalizedAt')}</dt>
              <dd>{v().finalizedAt ? formatDateTime(v().finalizedAt!) : '—'}</dd>
              <dt>{t('competitions.judging.verify.hash')}</dt>
              <dd class="mono comp-verify__hash" data-testid="verify-hash">
                {v().hash ?? '—'}
              </dd>
            </dl>
            <Show when={v().lines.length > 0}>
              <h2>{t('competitions.judging.verify.ranking')}</h2>
              <table class="table comp-verify__table">
                <thead>
                  <tr>
                    <th scope="col">{t('competitions.judging.board.rank')}</th>
                    <th scope="col">{t('competitions.judging.board.label')}</th>
                    <th scope="col" class="num">
                      {t('competitions.judging.board.total')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  <For each={v().lines}>
                    {(line) => (
                      <tr>
                        <td>{line.rank}</td>
                        <td>{line.label}</td>
                        <td class="num">{marksText(line.totalHundredths)}</td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </Show>
            <p class="muted">{t('competitions.judging.verify.note')}</p>
          </>
        )}
      </Show>
    </main>
  );
}
