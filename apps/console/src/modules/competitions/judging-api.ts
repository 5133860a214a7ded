import { StageKind } from '@ufp/competitions/domain/enums';
import type { Aspect as SchemeAspect } from '@ufp/competitions/domain/scheme';
import { mutate, query, type InputOf, type OutputOf } from '../../api';
import { label, locale } from '../../i18n';

/** The judging and public procedures of 技能竞赛 as the judging pages use them (docs/competitions-api.md). */

export type Aspect = SchemeAspect;
export type MyEvent = OutputOf<'competitions.judging.mine'>[number];
export type Sheet = OutputOf<'competitions.judging.sheet'>;
export type ServerScore = Sheet['mine'][number];
export type ScoreEntry = InputOf<'competitions.judging.submitScores'>['entries'][number];
export type SubmitAnswer = OutputOf<'competitions.judging.submitScores'>;
export type PanelView = OutputOf<'competitions.judging.panel'>;
export type Scoreboard = OutputOf<'competitions.public.scoreboard'>;
export type Verification = OutputOf<'competitions.public.verify'>;
export interface Bilingual {
  zh: string;
  en: string;
}

/** A conflict the judge must settle: their entry, and the score the server already holds for the mark. */
export interface ConflictView {
  clientId: string;
  workNumber: string;
  aspectCode: string;
  value: number;
  existingValue?: number;
  existingClientId?: string;
}

export const judgingApi = {
  mine: () => query('competitions.judging.mine'),
  sheet: (eventId: string, stage: string) => query('competitions.judging.sheet', { eventId, stage: stage as Sheet['stage'] }),
  submitScores: (eventId: string, stage: string, entries: ScoreEntry[]) => mutate('competitions.judging.submitScores', { eventId, stage: stage as Sheet['stage'], entries }),
  resolveConflict: (input: { eventId: string; stage: string; workNumber: string; aspectCode: string; keepClientId: string }) => mutate('competitions.judging.resolveConflict', { ...input, stage: input.stage as Sheet['stage'] }),
  panel: (eventId: string, stage: string) => query('competitions.judging.panel', { eventId, stage: stage as Sheet['stage'] }),
  scoreboard: (tenantId: string, eventId: string) => query('competitions.public.scoreboard', { tenantId, eventId }),
  verify: (tenantId: string, eventId: string) => query('competitions.public.verify', { tenantId, eventId }),
};

/** 8534 hundredths → "85.34". */
export const marksText = (hundredths: number): string => (hundredths / 100).toFixed(2);

/** A stage of `mine` as its kind. */
export const stageKind = (s: string | { kind: string }): string => (typeof s === 'string' ? s : s.kind);

/** A stage's name in the current language ("决赛"), or its code when unknown. */
export const stageLabel = (stage: string): string => (StageKind.is(stage) ? label(StageKind.labels[stage]) : stage);

/** An instant as local time of day with seconds (the scoreboard's and panel's "updated at"). */
export const timeText = (iso: string | number | Date): string => new Date(iso).toLocaleTimeString(locale(), { hour12: false });
