import type { StageKind } from './enums.js';
import { rank, rankingEntry, type RankedEntry } from './ranking.js';
import type { RuleSettings } from './rule-pack.js';
import type { Scheme } from './scheme.js';
import { contestantScore, type AspectInput, type ContestantScore } from './scoring.js';

/**
 * One stage's results from the marks: every contestant's score under the locked scheme, then the ranking. The service
 * stores `StageResults` as the provisional results; at finalisation it hashes exactly this object (protest.ts
 * `finalise(…, content)`), so what is stored and what is hashed cannot drift.
 */

export interface ContestantMarks {
  /** The contestant id (after 解密) or the work number (while blind): results work on either. */
  contestantId: string;
  inputs: readonly AspectInput[];
  completionSeconds?: number;
}

export interface ResultLine extends RankedEntry {
  totalHundredths: number;
  parts: { code: string; hundredths: number }[];
  completionSeconds?: number;
}

export interface StageResults {
  competitionId: string;
  eventId: string;
  stage: StageKind;
  schemeId: string;
  lines: ResultLine[];
}

/** Scores every contestant and ranks them; a contestant with an unmarked aspect stops it (the refusal names the aspect). */
export function stageResults(
  scheme: Scheme,
  stage: StageKind,
  marks: readonly ContestantMarks[],
  settings: Pick<RuleSettings, 'dropHighLowMinJudges' | 'tieBreak'>,
): StageResults {
  const scores = new Map<string, { score: ContestantScore; completionSeconds?: number }>();
  for (const m of marks) scores.set(m.contestantId, { score: contestantScore(scheme, m.inputs, settings), completionSeconds: m.completionSeconds });
  const ranked = rank(
    marks.map((m) => rankingEntry(m.contestantId, scores.get(m.contestantId)!.score, m.completionSeconds)),
    settings,
  );
  const lines = ranked.map((r): ResultLine => {
    const { score, completionSeconds } = scores.get(r.contestantId)!;
    return {
      ...r,
      totalHundredths: score.totalHundredths,
      parts: score.parts.map((p) => ({ code: p.code, hundredths: p.hundredths })),
      ...(completionSeconds === undefined ? {} : { completionSeconds }),
    };
  });
  return { competitionId: scheme.competitionId, eventId: scheme.eventId, stage, schemeId: scheme.schemeId, lines };
}
