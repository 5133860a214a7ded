import { conflict, DomainError, type Bilingual } from '@ufp/core/errors';
import { write } from '@ufp/kit/write';
import type { z } from 'zod';
import type { StageKind } from '../domain/enums.js';
import { isSchemeLocked, type Aspect } from '../domain/scheme.js';
import type { EventItem, ScoreConflictItem, ScoreItem } from '../items.js';
import type { BoardMark } from '../store.js';
import type { scoreEntryInput, submitScoresInput } from '../schemas/judging.js';
import { store, type Ctx } from './context.js';
import { eventForPanel } from './panel-access.js';
import { aspectsOf, assertScoresOpen, schemeOf, stageNumbers } from './score-reading.js';

/**
 * The judges' offline sync. A tablet sends what it recorded (≤ 200 entries, each with the id the tablet gave it) as
 * often as it likes; each entry is classified against what is stored for its mark (work number × aspect × judge):
 * - its client id is already stored (or was replaced, or is a kept conflict) → duplicate: counted once, not rewritten;
 * - the mark is empty → accepted (a conditional create);
 * - the mark holds another entry and this one `supersedes` it → accepted as a correction (versioned replace);
 * - otherwise → a conflict item, kept apart and NEVER merged, until the judge picks (`resolveConflict`).
 * A value that does not fit its aspect (or a number the judge may not mark) is refused alone; the rest still apply.
 * Writes go in chunks that fit one TransactWriteItems, each with one audit entry of its counts. A write that loses a race
 * to another tablet re-reads and re-classifies the entries not yet written, once.
 */

type Entry = z.output<typeof scoreEntryInput>;
type Input = z.output<typeof submitScoresInput>;

export interface SubmitAnswer {
  accepted: string[];
  duplicates: string[];
  conflicts: { clientId: string; workNumber: string; aspectCode: string; value: number; existingValue: number }[];
  refused: { clientId: string; reason: Bilingual }[];
}

/** Items per transaction: 100, less the audit entry and the stored idempotent answer. */
const ITEMS_PER_CHUNK = 98;

type Outcome = { kind: 'accepted' } | { kind: 'duplicate' } | { kind: 'conflict'; existingValue: number } | { kind: 'refused'; reason: Bilingual };

type Op =
  | { kind: 'create'; item: ScoreItem; clientIds: string[] }
  | { kind: 'replace'; item: ScoreItem; expectedVersion: number; clientIds: string[] }
  | { kind: 'conflict'; item: ScoreConflictItem; clientIds: string[] };

const markKey = (e: { workNumber: string; aspectCode: string }) => `${e.workNumber}#${e.aspectCode}`;

/** Neither says why: a number that is not drawn and one the judge is recused from get the same words. */
const notMarkable = (n: string): Bilingual => ({ zh: `您不能为加密号 ${n} 评分`, en: `You may not mark work number ${n}` });

function valueProblem(aspect: Aspect | undefined, e: Entry): Bilingual | undefined {
  if (!aspect) return { zh: `评分方案中没有评分项「${e.aspectCode}」`, en: `The marking scheme has no aspect "${e.aspectCode}"` };
  const v = e.value;
  if (aspect.kind === 'judgement' && !(Number.isInteger(v) && v >= 0 && v <= 3)) return { zh: `评分项「${aspect.name.zh}」的评价分只能是 0–3 的整数`, en: `Aspect "${aspect.name.en}": a judgement score is a whole number 0–3` };
  if (aspect.kind === 'marks' && !(Number.isInteger(v) && v >= 0 && v <= aspect.maxHundredths)) {
    return { zh: `评分项「${aspect.name.zh}」的分数须在 0 至 ${aspect.maxHundredths / 100} 分之间（精确到 0.01）`, en: `Aspect "${aspect.name.en}": marks are 0 to ${aspect.maxHundredths / 100} in hundredths` };
  }
  if (aspect.kind === 'measurement' && !Number.isInteger(v)) return { zh: `评分项「${aspect.name.zh}」的测量值须为整数（单位 ${aspect.unit}）`, en: `Aspect "${aspect.name.en}": the measured value is an integer of ${aspect.unit}` };
  return undefined;
}

interface Stage {
  event: EventItem;
  stage: StageKind;
  judgeId: string;
  aspects: Map<string, Aspect>;
  markable: Set<string>;
}

/** Classifies `entries` against a fresh read of their marks and of the judge's conflict items. */
async function classify(ctx: Ctx, st: Stage, entries: readonly Entry[], now: string): Promise<{ outcomes: Map<string, Outcome>; ops: Op[] }> {
  const s = store(ctx);
  const tenantId = ctx.scope.tenantId;
  const outcomes = new Map<string, Outcome>();
  const valid: Entry[] = [];
  for (const e of entries) {
    if (outcomes.has(e.clientId)) continue;
    const problem = st.markable.has(e.workNumber) ? valueProblem(st.aspects.get(e.aspectCode), e) : notMarkable(e.workNumber);
    if (problem) outcomes.set(e.clientId, { kind: 'refused', reason: problem });
    else valid.push(e);
  }
  const [stored, conflictItems] = await Promise.all([
    s.scoresAt(tenantId, st.event.eventId, st.stage, valid.map((e) => ({ ...e, judgeId: st.judgeId }))),
    valid.length ? s.scoreConflicts(tenantId, st.event.eventId, st.stage) : Promise.resolve([]),
  ]);
  const knownConflicts = new Map(conflictItems.filter((c) => c.judgeId === st.judgeId).map((c) => [c.clientId, c]));
  // What each mark holds as the batch is applied in order, and the one write per mark (a transaction writes an item once).
  const current = new Map<string, ScoreItem>([...stored.values()].map((x) => [markKey(x), x]));
  const pending = new Map<string, Op & { kind: 'create' | 'replace' }>();
  const ops: Op[] = [];
  for (const e of valid) {
    if (outcomes.has(e.clientId)) continue;
    const key = markKey(e);
    const held = current.get(key);
    const known = knownConflicts.get(e.clientId);
    if (held && (held.clientId === e.clientId || held.replacedClientIds.includes(e.clientId))) outcomes.set(e.clientId, { kind: 'duplicate' });
    else if (known) outcomes.set(e.clientId, known.resolvedAt ? { kind: 'duplicate' } : { kind: 'conflict', existingValue: known.existingValue });
    else if (held && e.supersedes !== held.clientId) {
      const item: ScoreConflictItem = { tenantId, eventId: st.event.eventId, stage: st.stage, workNumber: e.workNumber, aspectCode: e.aspectCode, judgeId: st.judgeId, value: e.value, clientId: e.clientId, enteredAt: now, recordedAt: e.recordedAt, existingClientId: held.clientId, existingValue: held.value };
      ops.push({ kind: 'conflict', item, clientIds: [e.clientId] });
      outcomes.set(e.clientId, { kind: 'conflict', existingValue: held.value });
    } else {
      const base = { tenantId, eventId: st.event.eventId, stage: st.stage, workNumber: e.workNumber, aspectCode: e.aspectCode, judgeId: st.judgeId, value: e.value, clientId: e.clientId, enteredAt: now, recordedAt: e.recordedAt };
      const item: ScoreItem = { ...base, version: (held?.version ?? 0) + 1, replacedClientIds: held ? [...held.replacedClientIds, held.clientId] : [] };
      const before = pending.get(key);
      if (before) {
        // Corrected again in the same batch: still one write, from what the store held.
        before.item = { ...item, version: before.item.version };
        before.clientIds.push(e.clientId);
      } else {
        const op: Op & { kind: 'create' | 'replace' } = held ? { kind: 'replace', item, expectedVersion: held.version, clientIds: [e.clientId] } : { kind: 'create', item, clientIds: [e.clientId] };
        pending.set(key, op);
        ops.push(op);
      }
      current.set(key, before ? before.item : item);
      outcomes.set(e.clientId, { kind: 'accepted' });
    }
  }
  return { outcomes, ops };
}

const raced = () => new DomainError('conflict', { zh: '另一台设备同时录入了此项评分', en: 'Another device entered this mark at the same time' }, { reason: 'score_race' });
/** A condition failure of one of our writes (not, e.g., an idempotency key taken by a twin request). */
const lostRace = (err: unknown) => err instanceof DomainError && err.kind === 'conflict' && (err.details.reason === undefined || err.details.reason === 'stale_version' || err.details.reason === 'score_race');

function chunkSummary(ops: readonly Op[], n: number, of: number): string {
  const count = (k: Op['kind']) => ops.filter((o) => o.kind === k).length;
  return `同步评分：新录入 ${count('create')} 条，更正 ${count('replace')} 条，冲突 ${count('conflict')} 条（第 ${n}/${of} 批）`;
}

/** The work numbers whose standing marks an op changes (a kept-apart conflict changes none). */
const boardNumber = (op: Op): string | undefined => (op.kind === 'conflict' ? undefined : op.item.workNumber);

/** Ops in chunks that fit one transaction with the board item of each work number they touch. */
function chunked(ops: readonly Op[]): Op[][] {
  const chunks: Op[][] = [];
  let current: Op[] = [];
  let boards = new Set<string>();
  for (const op of ops) {
    const number = boardNumber(op);
    const addsBoard = number !== undefined && !boards.has(number);
    if (current.length && current.length + 1 + boards.size + (addsBoard ? 1 : 0) > ITEMS_PER_CHUNK) {
      chunks.push(current);
      current = [];
      boards = new Set();
    }
    current.push(op);
    if (number !== undefined) boards.add(number);
  }
  if (current.length) chunks.push(current);
  return chunks;
}

/** Commits the ops chunk by chunk (the scoreboard's projection in the same transactions); answers how many chunks went through before a lost race. */
async function commit(ctx: Ctx, st: Stage, ops: readonly Op[]): Promise<{ committed: number; chunks: Op[][]; error?: unknown }> {
  const s = store(ctx);
  const chunks = chunked(ops);
  for (const [i, chunk] of chunks.entries()) {
    try {
      await write(ctx, (uow, now) => {
        const board = new Map<string, BoardMark[]>();
        for (const op of chunk) {
          if (op.kind === 'create') s.addScore(uow, op.item, raced());
          else if (op.kind === 'replace') s.saveScore(uow, op.item, op.expectedVersion);
          else s.putScoreConflict(uow, op.item);
          if (op.kind !== 'conflict') board.set(op.item.workNumber, [...(board.get(op.item.workNumber) ?? []), { aspectCode: op.item.aspectCode, judgeId: op.item.judgeId, value: op.item.value }]);
        }
        for (const [workNumber, marks] of board) s.touchBoard(uow, ctx.scope.tenantId, st.event.eventId, st.stage, workNumber, marks, now.toISOString());
        uow.audit({ action: 'competitions.judging.submitScores', entityType: 'competitions.scores', entityId: `${st.event.eventId}#${st.stage}`, summary: chunkSummary(chunk, i + 1, chunks.length) });
      });
    } catch (err) {
      if (!lostRace(err)) throw err;
      return { committed: i, chunks, error: err };
    }
  }
  return { committed: chunks.length, chunks };
}

function answerOf(entries: readonly Entry[], outcomes: Map<string, Outcome>): SubmitAnswer {
  const answer: SubmitAnswer = { accepted: [], duplicates: [], conflicts: [], refused: [] };
  const seen = new Set<string>();
  for (const e of entries) {
    const o = outcomes.get(e.clientId);
    if (!o) continue;
    if (seen.has(e.clientId)) continue;
    seen.add(e.clientId);
    if (o.kind === 'accepted') answer.accepted.push(e.clientId);
    else if (o.kind === 'duplicate') answer.duplicates.push(e.clientId);
    else if (o.kind === 'conflict') answer.conflicts.push({ clientId: e.clientId, workNumber: e.workNumber, aspectCode: e.aspectCode, value: e.value, existingValue: o.existingValue });
    else answer.refused.push({ clientId: e.clientId, reason: o.reason });
  }
  return answer;
}

/** A second sending of the same entry inside one batch counts once (the first of them is the one classified). */
function firstOfEach(entries: readonly Entry[]): Entry[] {
  const seen = new Set<string>();
  return entries.filter((e) => !seen.has(e.clientId) && Boolean(seen.add(e.clientId)));
}

export async function submitScores(ctx: Ctx, input: Input): Promise<SubmitAnswer> {
  const event = await eventForPanel(ctx, input.eventId, 'judge');
  const scheme = schemeOf(event);
  if (!isSchemeLocked(scheme, ctx.deps.clock.now())) throw conflict({ zh: '评分方案尚未锁定，不能录入评分', en: 'The marking scheme is not locked yet: scores cannot be entered' }, { reason: 'scheme_not_locked' });
  await assertScoresOpen(ctx, event.eventId, input.stage);
  const numbers = await stageNumbers(ctx, event, input.stage);
  if (!numbers.drawn) throw conflict({ zh: '本阶段尚未抽取加密号', en: 'Work numbers are not drawn for this stage yet' }, { reason: 'work_numbers_not_drawn' });
  const st: Stage = { event, stage: input.stage, judgeId: ctx.scope.actor.sub, aspects: aspectsOf(scheme), markable: numbers.markableBy(ctx.scope.actor.sub) };
  const entries = firstOfEach(input.entries);
  const now = ctx.deps.clock.now().toISOString();

  const first = await classify(ctx, st, entries, now);
  const done = await commit(ctx, st, first.ops);
  if (done.error === undefined) return answerOf(input.entries, first.outcomes);
  // Another tablet wrote first: the entries not yet written are read and classified again, once.
  const redo = new Set(done.chunks.slice(done.committed).flat().flatMap((op) => op.clientIds));
  const second = await classify(ctx, st, entries.filter((e) => redo.has(e.clientId)), now);
  const again = await commit(ctx, st, second.ops);
  if (again.error !== undefined) throw again.error;
  return answerOf(input.entries, new Map([...first.outcomes, ...second.outcomes]));
}
