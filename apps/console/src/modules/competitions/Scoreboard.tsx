import { useParams } from '@solidjs/router';
import { createResource, createSignal, For, onCleanup, onMount, Show } from 'solid-js';
import { LangSwitch } from '../../components/LangSwitch';
import { PublicError } from '../../components/PublicError';
import { label, t, tMaybe } from '../../i18n';
import { judgingApi, marksText, stageLabel, timeText, type Scoreboard as Board } from './judging-api';
import './judging.css';

/** The big screen asks again this often. */
const POLL_MS = 2_500;

/**
 * The public live scoreboard of a 赛项 (no sign-in): rank, work number (or the name once the organiser publishes it),
 * total and marking progress, in large type for a 1920×1080 screen and readable on a phone. Polls every 2.5 s; a
 * failed poll keeps the last board on screen and says since when.
 */
export default function Scoreboard() {
  const params = useParams<{ tenantId: string; eventId: string }>();
  const [board, setBoard] = createSignal<Board>();
  const [stale, setStale] = createSignal(false);
  const [data, { refetch }] = createResource(
    () => ({ tenantId: params.tenantId, eventId: params.eventId }),
    async ({ tenantId, eventId }) => {
      try {
        const b = await judgingApi.scoreboard(tenantId, eventId);
        setBoard(b);
        setStale(false);
        return b;
      } catch (err) {
        setStale(true);
        throw err;
      }
    },
  );
  onMount(() => {
    const timer = setInterval(() => {
      if (!data.loading) void refetch();
    }, POLL_MS);
    onCleanup(() => clearInterval(timer));
  });
  return (
    <main class="judging comp-board" aria-labelledby="comp-board-title">
      <LangSwitch />
      <Show when={board()} fallback={<h1 id="comp-board-title">{t('competitions.judging.board.title')}</h1>}>
        {(b) => (
          <>
            <header class="comp-board__head">
              <p class="comp-board__competition">{label(b().competitionName)}</p>
              <h1 id="comp-board-title">
                {label(b().eventName)}
                <Show when={b().stage}>{(stage) => <> · {stageLabel(stage())}</>}</Show>
              </h1>
              <p class="comp-board__meta">
                <span class="comp-board__status">{tMaybe(`competitions.judging.board.status.${b().status}`, b().status)}</span>
                <Show when={b().updatedAt}>{(at) => <span data-testid="board-updated">{t('competitions.judging.board.updated', { time: timeText(at()) })}</span>}</Show>
              </p>
            </header>
            <Show when={stale()}>
              <p class="comp-board__stale" role="status">
                {t('competitions.judging.board.stale', { time: b().updatedAt ? timeText(b().updatedAt!) : '—' })}
              </p>
            </Show>
            <Show when={b().lines.length > 0} fallback={<p class="comp-board__empty">{t('competitions.judging.board.empty')}</p>}>
              <table class="comp-board__table" data-testid="scoreboard">
                <thead>
                  <tr>
                    <th scope="col">{t('competitions.judging.board.rank')}</th>
                    <th scope="col">{t('competitions.judging.board.label')}</th>
                    <th scope="col" class="num">
                      {t('competitions.judging.board.total')}
                    </th>
                    <th scope="col" class="comp-board__progress-col">
                      {t('competitions.judging.board.marked')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  <For each={b().lines}>
                    {(line) => (
                      <tr classList={{ 'comp-board__top': line.rank <= 3 }} data-label={line.label}>
                        <td class="comp-board__rank">{line.rank}</td>
                        <td class="comp-board__label">{line.label}</td>
                        <td class="num comp-board__total">{marksText(line.totalHundredths)}</td>
                        <td class="comp-board__progress-col">
                          <span class="comp-board__marked">
                            <progress max={Math.max(line.expected, 1)} value={line.marked} aria-label={`${line.label} ${line.marked}/${line.expected}`} />
                            <span class="nowrap">
                              {line.marked}/{line.expected}
                            </span>
                          </span>
                        </td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </Show>
          </>
        )}
      </Show>
      <Show when={data.error && !board()}>
        <PublicError error={data.error} />
      </Show>
    </main>
  );
}
