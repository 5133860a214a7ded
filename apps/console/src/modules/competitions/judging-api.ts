import { mutate, query } from '../../api';
import { StageKind } from '@ufp/competitions/domain/enums';
import { label, locale } from '../../i18n';

/**
 * The judging and public procedures of 技能竞赛 as the console uses them (docs/competitions-api.md). The shapes are the
 * contract's; the calls go through the console's tRPC client.
 */

export interface Bilingual {
  zh: string;
  en: string;
}

export interface JudgementAspect {
  code: string;
  kind: 'judgement';
  name: Bilingual;
  maxHundredths: number;
  descriptors: [string, string, string, string];
}
export interface MeasurementAspect {
  code: string;
  kind: 'measurement';
  name: Bilingual;
  maxHundredths: number;
  unit: string;
  nominal: number;
  tolerance: number;
}
export interface MarksAspect {
  code: string;
  kind: 'marks';
  name: Bilingual;
  maxHundredths: number;
}
export type Aspect = JudgementAspect | MeasurementAspect | MarksAspect;
export interface Part {
  code: string;
  kind: string;
  name: Bilingual;
  weightBp: number;
  timeLimitMinutes?: number;
  aspects: Aspect[];
}

export type PanelRole = 'judge' | 'chief' | 'arbiter';
export interface MyEvent {
  eventId: string;
  eventName: string;
  competitionName: string;
  roles: PanelRole[];
  stages: (string | { kind: string })[];
}

export interface ServerScore {
  workNumber: string;
  aspectCode: string;
  value: number;
  clientId: string;
  recordedAt: string;
}
export interface ServerConflict extends Partial<ServerScore> {
  workNumber: string;
  aspectCode: string;
  clientId: string;
  value: number;
  existingValue?: number;
  existingClientId?: string;
}
export interface Sheet {
  eventId: string;
  stage: string;
  scheme: { parts: Part[] };
  workNumbers: string[];
  mine: ServerScore[];
  conflicts: ServerConflict[];
}

export interface ScoreEntry {
  clientId: string;
  workNumber: string;
  aspectCode: string;
  value: number;
  recordedAt: string;
  supersedes?: string;
}
export interface SubmitAnswer {
  accepted: string[];
  duplicates: string[];
  conflicts: { clientId: string; workNumber: string; aspectCode: string; value: number; existingValue: number }[];
  refused: { clientId: string; reason: Bilingual }[];
}

export interface JudgeDeviation {
  judgeId: string;
  aspectCode: string;
  deviationBp: number;
  flagged: boolean;
  workNumber?: string;
}
export interface JudgeSummary {
  judgeId: string;
  name?: string;
  marks: number;
  flagged: number;
  meanDeviationBp: number;
}
export interface PanelView {
  progress: { workNumber: string; entered: number; expected: number }[];
  flags: JudgeDeviation[];
  judges: JudgeSummary[];
  conflicts: (ServerConflict & { judgeId?: string })[];
}

export interface ScoreboardLine {
  rank: number;
  label: string;
  totalHundredths: number;
  marked: number;
  expected: number;
}
export interface Scoreboard {
  eventName: string;
  competitionName: string;
  stage: string;
  status: string;
  updatedAt: string;
  lines: ScoreboardLine[];
}
export interface Verification {
  eventName: string;
  competitionName: string;
  finalizedAt: string | null;
  hash: string | null;
  verified: boolean;
  lines: { rank: number; label: string; totalHundredths: number }[];
}

// The procedures are called by path; their answers are read as the contract's shapes above.
type Call = (path: string, input?: unknown) => Promise<unknown>;
const q = query as unknown as Call;
const m = mutate as unknown as Call;

export const judgingApi = {
  mine: () => q('competitions.judging.mine') as Promise<MyEvent[]>,
  sheet: (eventId: string, stage: string) => q('competitions.judging.sheet', { eventId, stage }) as Promise<Sheet>,
  submitScores: (eventId: string, stage: string, entries: ScoreEntry[]) => m('competitions.judging.submitScores', { eventId, stage, entries }) as Promise<SubmitAnswer>,
  resolveConflict: (input: { eventId: string; stage: string; workNumber: string; aspectCode: string; keepClientId: string }) => m('competitions.judging.resolveConflict', input),
  panel: (eventId: string, stage: string) => q('competitions.judging.panel', { eventId, stage }) as Promise<PanelView>,
  scoreboard: (tenantId: string, eventId: string) => q('competitions.public.scoreboard', { tenantId, eventId }) as Promise<Scoreboard>,
  verify: (tenantId: string, eventId: string) => q('competitions.public.verify', { tenantId, eventId }) as Promise<Verification>,
};

/** 8534 hundredths → "85.34". */
export const marksText = (hundredths: number): string => (hundredths / 100).toFixed(2);

/** A stage of `mine` as its kind. */
export const stageKind = (s: string | { kind: string }): string => (typeof s === 'string' ? s : s.kind);

/** A stage's name in the current language ("决赛"), or its code when unknown. */
export const stageLabel = (stage: string): string => (StageKind.is(stage) ? label(StageKind.labels[stage]) : stage);

/** An instant as local time of day with seconds (the scoreboard's and panel's "updated at"). */
export const timeText = (iso: string | number | Date): string => new Date(iso).toLocaleTimeString(locale(), { hour12: false });
