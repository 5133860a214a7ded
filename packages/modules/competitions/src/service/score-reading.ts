import { conflict } from '@ufp/core/errors';
import type { StageKind } from '../domain/enums.js';
import { assertResultsMutable, scoresOpen } from '../domain/protest.js';
import type { RuleSettings } from '../domain/rule-pack.js';
import type { Aspect, Scheme } from '../domain/scheme.js';
import type { AspectInput } from '../domain/scoring.js';
import { markableBy, type WorkNumberAssignment } from '../domain/work-numbers.js';
import type { ContestantItem, EventItem, ScoreItem, WorkNumbersItem } from '../items.js';
import { cipherField, store, type Ctx } from './context.js';

/**
 * Reading a stage's blind numbers and scores for the judging and results services. The work-number mapping is decrypted
 * here only for the SYSTEM to apply recusal (which numbers a judge may mark) and to rank: it is not a human read of the
 * mapping, so it is not an audited reveal. Nothing returned from here to a judge names a contestant; the one human read
 * of the mapping is `competitions.results.reveal` (监督仲裁组, audited).
 */

export const noScheme = () => conflict({ zh: '本赛项尚未制定评分方案', en: 'This event has no marking scheme yet' }, { reason: 'no_scheme' });
export const resultsPublished = () => conflict({ zh: '本阶段成绩已公布，不能再录入或更改评分', en: 'Results of this stage are published: scores can no longer be entered or changed' }, { reason: 'results_published' });

/**
 * 409 unless judges may change the stage's scores (domain `scoresOpen`): before publication, or while a protest upheld
 * since the last publication awaits its correction. Final results say so (`results_final`).
 */
export async function assertScoresOpen(ctx: Ctx, eventId: string, stage: StageKind): Promise<void> {
  const s = store(ctx);
  const results = await s.findResults(ctx.scope.tenantId, eventId, stage);
  if (!results) return;
  assertResultsMutable(results);
  const protests = (await s.protests(ctx.scope.tenantId, eventId)).filter((p) => p.stage === stage);
  if (!scoresOpen(results, protests)) throw resultsPublished();
}

/** The 赛项's scheme, or 409 when it has none. */
export function schemeOf(event: EventItem): Scheme {
  if (!event.scheme) throw noScheme();
  return event.scheme;
}

/** The aspects of the scheme, by code. */
export const aspectsOf = (scheme: Pick<Scheme, 'parts'>): Map<string, Aspect> => new Map(scheme.parts.flatMap((p) => p.aspects.map((a) => [a.code, a] as const)));

/** A judged aspect (judgement or marks) takes one score per judge; a measurement aspect one measured value in all. */
export const isJudged = (aspect: Aspect): boolean => aspect.kind !== 'measurement';

/**
 * The stage's mapping (work number ↔ contestant), decrypted for the system's own use (see the file's note). It takes the
 * cipher alone, so the public pages (no tenant scope) read it the same way.
 */
export async function workNumberMapping(ctx: { deps: Pick<Ctx['deps'], 'cipher'> }, drawn: WorkNumbersItem): Promise<WorkNumberAssignment[]> {
  return JSON.parse(await ctx.deps.cipher.decrypt(drawn.sealedMapping, { tenantId: drawn.tenantId, field: cipherField.workNumbers })) as WorkNumberAssignment[];
}

export interface StageNumbers {
  drawn: WorkNumbersItem | undefined;
  /** Work number → contestant (only for numbers drawn). */
  contestantOf: Map<string, ContestantItem>;
  /** The work numbers `judgeId` may mark (recusal: declared conflicts and the judge's own unit). */
  markableBy(judgeId: string): Set<string>;
  /** The panel judges who may mark a work number. */
  judgesFor(workNumber: string): string[];
}

/** A stage's drawn numbers with recusal applied (empty when nothing is drawn yet). */
export async function stageNumbers(ctx: Ctx, event: EventItem, stage: StageKind): Promise<StageNumbers> {
  const s = store(ctx);
  const drawn = await s.findWorkNumbers(ctx.scope.tenantId, event.eventId, stage);
  const contestantOf = new Map<string, ContestantItem>();
  if (drawn) {
    const [mapping, contestants] = await Promise.all([workNumberMapping(ctx, drawn), s.contestants(ctx.scope.tenantId, event.eventId)]);
    const byId = new Map(contestants.map((c) => [c.contestantId, c]));
    for (const m of mapping) {
      const c = byId.get(m.contestantId);
      if (c) contestantOf.set(m.workNumber, c);
    }
  }
  const numberOf = new Map([...contestantOf].map(([n, c]) => [c.contestantId, n]));
  const all = [...contestantOf.values()].map((c) => ({ contestantId: c.contestantId, unitId: c.unitId }));
  const cache = new Map<string, Set<string>>();
  const markable = (judgeId: string): Set<string> => {
    const hit = cache.get(judgeId);
    if (hit) return hit;
    const judge = event.panel.judges.find((j) => j.userId === judgeId);
    const set = new Set(judge ? markableBy({ judgeId, unitId: judge.unitId }, all, event.conflicts).map((c) => numberOf.get(c.contestantId)!) : []);
    cache.set(judgeId, set);
    return set;
  };
  return {
    drawn,
    contestantOf,
    markableBy: markable,
    judgesFor: (workNumber) => event.panel.judges.map((j) => j.userId).filter((id) => markable(id).has(workNumber)),
  };
}

/**
 * The scores that count: entries of panel judges for numbers they may mark (a judge who declared a conflict after
 * marking drops out of that work's marks), on aspects of the scheme. Measurement aspects keep one entry per work
 * number (the first entered).
 */
export function countedEntries(scheme: Pick<Scheme, 'parts'>, scores: readonly ScoreItem[], numbers: Pick<StageNumbers, 'markableBy'>): ScoreItem[] {
  const aspects = aspectsOf(scheme);
  const measured = new Map<string, ScoreItem>();
  const judged: ScoreItem[] = [];
  for (const s of scores) {
    const aspect = aspects.get(s.aspectCode);
    if (!aspect || !numbers.markableBy(s.judgeId).has(s.workNumber)) continue;
    if (isJudged(aspect)) judged.push(s);
    else {
      const key = `${s.workNumber}#${s.aspectCode}`;
      const first = measured.get(key);
      if (!first || s.enteredAt < first.enteredAt) measured.set(key, s);
    }
  }
  return [...judged, ...measured.values()];
}

/** The counted entries as the scoring rules take them: per work number, one `AspectInput` per aspect marked so far. */
export function aspectInputs(scheme: Pick<Scheme, 'parts'>, counted: readonly ScoreItem[]): Map<string, AspectInput[]> {
  const aspects = aspectsOf(scheme);
  const byNumber = new Map<string, Map<string, AspectInput>>();
  for (const s of counted) {
    const aspect = aspects.get(s.aspectCode);
    if (!aspect) continue;
    const inputs = byNumber.get(s.workNumber) ?? new Map<string, AspectInput>();
    byNumber.set(s.workNumber, inputs);
    if (!isJudged(aspect)) inputs.set(s.aspectCode, { aspectCode: s.aspectCode, measured: s.value });
    else {
      const before = inputs.get(s.aspectCode);
      const scores = before && 'scores' in before ? before.scores : [];
      inputs.set(s.aspectCode, { aspectCode: s.aspectCode, scores: [...scores, { judgeId: s.judgeId, value: s.value }] });
    }
  }
  return new Map([...byNumber].map(([n, m]) => [n, [...m.values()]]));
}

/** A stage's counted scores, read and filtered in one go (results and the live scoreboard read this). */
export async function stageScores(ctx: Ctx, event: EventItem, stage: StageKind) {
  const scheme = schemeOf(event);
  const [numbers, scores] = await Promise.all([stageNumbers(ctx, event, stage), store(ctx).scores(ctx.scope.tenantId, event.eventId, stage)]);
  const counted = countedEntries(scheme, scores, numbers);
  return { scheme, numbers, counted, inputs: aspectInputs(scheme, counted) };
}

/** The competition's rule settings in force (spread limits, drop-high-low, work-number digits). */
export async function settingsOf(ctx: Ctx, event: EventItem): Promise<RuleSettings> {
  return (await store(ctx).competition(ctx.scope.tenantId, event.competitionId)).rules.settings;
}
