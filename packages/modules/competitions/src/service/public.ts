import { notFound } from '@ufp/core/errors';
import { publicTenant, type Context } from '@ufp/kit/trpc';
import type { z } from 'zod';
import { StageKind } from '../domain/enums.js';
import { verifyFinalResults } from '../domain/protest.js';
import { rank } from '../domain/ranking.js';
import { ALL_WEIGHT_BP, type Scheme } from '../domain/scheme.js';
import { aspectScore, roundHalfUp } from '../domain/scoring.js';
import type { EventItem, WorkNumbersItem } from '../items.js';
import type { publicEventInput } from '../schemas/results.js';
import { CompetitionStore, eventMissing, type BoardMark } from '../store.js';
import { workNumberMapping } from './score-reading.js';
import { asContent } from './results.js';

/**
 * The public pages of a 赛项: the live scoreboard (for a big screen, from the scores as they are entered) and the
 * verification of final results (the stored hash against the hash recomputed from the stored content). Work numbers
 * only, unless the organiser publishes names and the 监督仲裁组 has revealed the stage; never an ID number or a unit.
 */

type In<S extends z.ZodType> = z.output<S>;

async function publicEvent(ctx: Context, input: In<typeof publicEventInput>) {
  await publicTenant(ctx, input.tenantId, eventMissing);
  const s = new CompetitionStore(ctx.deps.table);
  const event = await s.findEvent(input.tenantId, input.eventId);
  if (!event) throw eventMissing();
  const competition = await s.competition(input.tenantId, event.competitionId);
  return { s, event, competition };
}

/** Work number → name, when the organiser publishes names and the stage has been revealed; empty otherwise. */
async function publishedNames(ctx: Context, s: CompetitionStore, publishNames: boolean, wn: WorkNumbersItem | undefined): Promise<Map<string, string>> {
  if (!publishNames || !wn?.revealedAt) return new Map();
  const mapping = await workNumberMapping(ctx, wn);
  const names = new Map((await s.contestants(wn.tenantId, wn.eventId)).map((c) => [c.contestantId, c.name]));
  return new Map(mapping.map((m) => [m.workNumber, names.get(m.contestantId) ?? m.workNumber]));
}

/** Running total (exact units) and marks entered of one work number, over the aspects marked so far. */
function runningTotal(scheme: Scheme, scores: readonly BoardMark[], dropHighLowMinJudges: number): { units: number; marked: number } {
  let units = 0;
  for (const part of scheme.parts) {
    let hundredths = 0;
    for (const aspect of part.aspects) {
      const mine = scores.filter((x) => x.aspectCode === aspect.code);
      if (!mine.length) continue;
      const input = aspect.kind === 'measurement' ? { aspectCode: aspect.code, measured: mine[0]!.value } : { aspectCode: aspect.code, scores: mine.map((x) => ({ judgeId: x.judgeId, value: x.value })) };
      hundredths += aspectScore(aspect, input, { dropHighLowMinJudges }).hundredths;
    }
    units += hundredths * part.weightBp;
  }
  return { units, marked: scores.length };
}

/** Marks expected of a work number: each aspect by every panel judge (a measurement once); declared conflicts are not subtracted. */
const expectedMarks = (event: EventItem) => event.scheme!.parts.flatMap((p) => p.aspects).reduce((n, a) => n + (a.kind === 'measurement' ? 1 : Math.max(1, event.panel.judges.length)), 0);

/** The live scoreboard of the stage being marked (the latest with work numbers drawn). */
export async function scoreboard(ctx: Context, input: In<typeof publicEventInput>) {
  const { s, event, competition } = await publicEvent(ctx, input);
  const drawn = await s.workNumbersOfEvent(input.tenantId, input.eventId);
  const order = (k: StageKind) => StageKind.values.indexOf(k);
  const wn = drawn.sort((a, b) => order(b.stage) - order(a.stage))[0];
  const base = { eventName: event.name, competitionName: competition.name };
  if (!wn || !event.scheme) return { ...base, stage: null, stageLabel: null, status: 'not_started' as const, updatedAt: null, lines: [] };
  const [board, results, names] = await Promise.all([s.board(input.tenantId, input.eventId, wn.stage), s.findResults(input.tenantId, input.eventId, wn.stage), publishedNames(ctx, s, competition.publishNames, wn)]);
  const settings = competition.rules.settings;
  const totals = wn.numbers.map((n) => ({ workNumber: n, ...runningTotal(event.scheme!, board.marks.get(n) ?? [], settings.dropHighLowMinJudges) }));
  const ranked = new Map(rank(totals.map((t) => ({ contestantId: t.workNumber, totalUnits: t.units, partHundredths: {} })), { tieBreak: [] }).map((r) => [r.contestantId, r.rank]));
  const expected = expectedMarks(event);
  const updatedAt = board.updatedAt ?? wn.drawnAt;
  return {
    ...base,
    stage: wn.stage,
    stageLabel: StageKind.labels[wn.stage],
    status: results?.status ?? ('live' as const),
    updatedAt,
    lines: totals
      .map((t) => ({ rank: ranked.get(t.workNumber)!, label: names.get(t.workNumber) ?? t.workNumber, totalHundredths: roundHalfUp(t.units, ALL_WEIGHT_BP), marked: Math.min(t.marked, expected), expected }))
      .sort((a, b) => a.rank - b.rank || a.label.localeCompare(b.label)),
  };
}

const noFinalResults = () => notFound({ zh: '最终成绩', en: 'Final results' });

/** The final results of the 赛项's last finalized stage, with the stored hash checked against the stored content. */
export async function verify(ctx: Context, input: In<typeof publicEventInput>) {
  const { s, event, competition } = await publicEvent(ctx, input);
  const order = (k: StageKind) => StageKind.values.indexOf(k);
  const final = (await s.resultsOfEvent(input.tenantId, input.eventId)).filter((r) => r.status === 'final').sort((a, b) => order(b.stage) - order(a.stage))[0];
  if (!final) throw noFinalResults();
  const wn = await s.findWorkNumbers(input.tenantId, input.eventId, final.stage);
  const names = await publishedNames(ctx, s, competition.publishNames, wn);
  return {
    eventName: event.name,
    competitionName: competition.name,
    stage: final.stage,
    stageLabel: StageKind.labels[final.stage],
    finalizedAt: final.finalizedAt ?? null,
    hash: final.hash ?? null,
    verified: verifyFinalResults(final, final.content),
    lines: asContent(final).lines.map((l) => ({ rank: l.rank, label: names.get(l.contestantId) ?? l.contestantId, totalHundredths: l.totalHundredths })),
  };
}
