import { canonicalJson, sha256 } from '@ufp/core/audit/chain';
import { conflict } from '@ufp/core/errors';
import { defineEnum } from '@ufp/kit/enum';
import type { RuleSettings } from './rule-pack.js';
import { instantText } from './time.js';

/**
 * Provisional results → protest window → final, immutable results. The window (pack setting, default 2 hours: protests
 * go in writing to the 监督仲裁组 within 2 hours, anchors §4) runs on the platform clock the caller passes in (the
 * service's `ctx.deps.clock`, movable locally). A protest filed at the window's last instant is taken; results can be
 * finalised only after it, with no protest open. Final results are stored with a content hash and never change.
 */

export const ResultsStatus = defineEnum({
  provisional: { zh: '成绩公示中', en: 'Provisional' },
  final: { zh: '最终成绩', en: 'Final' },
});
export type ResultsStatus = (typeof ResultsStatus.values)[number];

export const ProtestStatus = defineEnum({
  open: { zh: '待裁决', en: 'Open' },
  upheld: { zh: '申诉成立', en: 'Upheld' },
  dismissed: { zh: '申诉不成立', en: 'Dismissed' },
});
export type ProtestStatus = (typeof ProtestStatus.values)[number];

export interface ResultsState {
  status: ResultsStatus;
  /** When these (provisional) results were published; a revision after an upheld protest publishes again. */
  publishedAt: string;
  /** The last instant a protest is taken. */
  protestWindowEndsAt: string;
  finalizedAt?: string;
  /** finalResultHash of the final results. */
  hash?: string;
}

export interface Protest {
  protestId: string;
  contestantId: string;
  filedAt: string;
  status: ProtestStatus;
  decidedAt?: string;
  /** Free text of the 监督仲裁组's ruling (its ruling is final). */
  ruling?: string;
}

/** Publishes provisional results now: the protest window ends `protestWindowMinutes` later. */
export function publishProvisional(now: Date, settings: Pick<RuleSettings, 'protestWindowMinutes'>): ResultsState {
  return { status: 'provisional', publishedAt: now.toISOString(), protestWindowEndsAt: new Date(now.getTime() + settings.protestWindowMinutes * 60_000).toISOString() };
}

/** From publication to the window's end, both instants included. */
export function isProtestWindowOpen(results: ResultsState, now: Date): boolean {
  const t = now.getTime();
  return results.status === 'provisional' && t >= Date.parse(results.publishedAt) && t <= Date.parse(results.protestWindowEndsAt);
}

/** Final results change no more (409). */
export function assertResultsMutable(results: Pick<ResultsState, 'status' | 'finalizedAt'>): void {
  if (results.status === 'final') throw conflict({ zh: `成绩已于 ${instantText(results.finalizedAt ?? '').zh} 确认为最终成绩，不能再修改`, en: `The results became final at ${instantText(results.finalizedAt ?? '').en} and can no longer change` }, { field: 'results', reason: 'results_final' });
}

/** A protest is taken only while the window is open. */
export function fileProtest(results: ResultsState, input: { protestId: string; contestantId: string }, now: Date): Protest {
  assertResultsMutable(results);
  if (!isProtestWindowOpen(results, now)) {
    const [from, to] = [instantText(results.publishedAt), instantText(results.protestWindowEndsAt)];
    throw conflict({ zh: `申诉期为 ${from.zh} 至 ${to.zh}，已过申诉期`, en: `Protests were taken from ${from.en} to ${to.en}; the window has closed` }, { field: 'contestantId', reason: 'protest_window_closed' });
  }
  return { protestId: input.protestId, contestantId: input.contestantId, filedAt: now.toISOString(), status: 'open' };
}

/** The 监督仲裁组 rules on a protest once. An upheld protest means the results are revised and published again. */
export function decideProtest(protest: Protest, input: { outcome: Exclude<ProtestStatus, 'open'>; ruling: string }, now: Date): Protest {
  if (protest.status !== 'open') throw conflict({ zh: `该申诉已于 ${instantText(protest.decidedAt ?? '').zh} 裁决（${ProtestStatus.labels[protest.status].zh}）`, en: `This protest was decided at ${instantText(protest.decidedAt ?? '').en}` }, { field: 'protestId', reason: 'protest_decided' });
  return { ...protest, status: input.outcome, ruling: input.ruling, decidedAt: now.toISOString() };
}

/**
 * Results may become final when: they are provisional, the window has closed (strictly after its last instant), no
 * protest is open, and no protest was upheld after they were published (the upheld correction must be published first).
 */
export function assertFinalisable(results: ResultsState, protests: readonly Protest[], now: Date): void {
  assertResultsMutable(results);
  if (now.getTime() <= Date.parse(results.protestWindowEndsAt)) {
    const to = instantText(results.protestWindowEndsAt);
    throw conflict({ zh: `申诉期至 ${to.zh} 结束，期满后才能确认最终成绩`, en: `The protest window runs until ${to.en}; results become final after it` }, { field: 'results', reason: 'protest_window_open' });
  }
  const open = protests.filter((p) => p.status === 'open');
  if (open.length) throw conflict({ zh: `还有 ${open.length} 件申诉待裁决`, en: `${open.length} protest(s) still await a ruling` }, { field: 'results', reason: 'protest_open' });
  const unrevised = protests.filter((p) => p.status === 'upheld' && p.decidedAt !== undefined && Date.parse(p.decidedAt) > Date.parse(results.publishedAt));
  if (unrevised.length) {
    throw conflict({ zh: `有 ${unrevised.length} 件申诉成立，须先更正并重新公示成绩`, en: `${unrevised.length} protest(s) were upheld: correct and republish the results first` }, { field: 'results', reason: 'protest_upheld_unrevised' });
  }
}

/** The content hash of final results: SHA-256 (base64url, as the audit log's) of their canonical JSON (keys sorted). */
export const finalResultHash = (results: unknown): string => sha256(canonicalJson(results));

/** Makes the results final now, sealed with the hash of `content` (the ranked results as they will be stored). */
export function finalise(results: ResultsState, protests: readonly Protest[], content: unknown, now: Date): ResultsState {
  assertFinalisable(results, protests, now);
  return { ...results, status: 'final', finalizedAt: now.toISOString(), hash: finalResultHash(content) };
}

/** Whether stored final content still matches its hash. */
export const verifyFinalResults = (results: Pick<ResultsState, 'hash'>, content: unknown): boolean => results.hash !== undefined && results.hash === finalResultHash(content);

/**
 * Whether judges may still change scores of a stage: before results are published, and while provisional results await a
 * correction — a protest upheld after they were published (the correction is then published again, opening a new window).
 */
export function scoresOpen(results: Pick<ResultsState, 'status' | 'publishedAt'> | undefined, protests: readonly Pick<Protest, 'status' | 'decidedAt'>[]): boolean {
  if (!results) return true;
  if (results.status === 'final') return false;
  return protests.some((p) => p.status === 'upheld' && p.decidedAt !== undefined && Date.parse(p.decidedAt) > Date.parse(results.publishedAt));
}
