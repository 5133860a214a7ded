import type { Bilingual, ScoreEntry, SubmitAnswer } from './judging-api';

/**
 * The judge's durable score queue. Every entry gets a client id and is written to local storage BEFORE it is sent, so a
 * judge can mark a whole session without network and a reload loses nothing; the queue is sent in batches, and sending
 * the same batch again is safe (the server counts a client id once). A correction of an entry the server already has
 * carries `supersedes` with the old client id; a conflict the server reports is kept apart until the judge chooses.
 */

/** pending: not yet confirmed by the server; synced: the server has it; conflict: the server holds another value for
 * the mark; refused: the server refused it (with its reason); discarded: replaced before it was ever sent, or given up
 * in a conflict. */
export type EntryState = 'pending' | 'synced' | 'conflict' | 'refused' | 'discarded';

export interface QueuedScore extends ScoreEntry {
  state: EntryState;
  /** How many times it was sent without an answer naming it. */
  attempts: number;
  reason?: Bilingual;
  existingValue?: number;
}

export interface QueueScope {
  tenantId: string;
  userId: string;
  eventId: string;
  stage: string;
}

export type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem'>;

/** A batch is at most this many entries (the procedure takes 1–200). */
export const BATCH_MAX = 200;

/** One queue per tenant, judge, 赛项 and stage. */
export const queueKey = (s: QueueScope): string => `ufp.competitions.scores.v1:${s.tenantId}:${s.userId}:${s.eventId}:${s.stage}`;

const markOf = (e: Pick<ScoreEntry, 'workNumber' | 'aspectCode'>) => `${e.workNumber}\u0000${e.aspectCode}`;
const live = (e: QueuedScore) => e.state !== 'refused' && e.state !== 'discarded';

export class ScoreQueue {
  private list: QueuedScore[];

  constructor(
    readonly key: string,
    private readonly storage: KeyValueStorage,
    private readonly newId: () => string = () => crypto.randomUUID(),
    private readonly now: () => Date = () => new Date(),
  ) {
    this.list = ScoreQueue.read(storage, key);
  }

  private static read(storage: KeyValueStorage, key: string): QueuedScore[] {
    const raw = storage.getItem(key);
    if (!raw) return [];
    try {
      const parsed = JSON.parse(raw) as { entries?: unknown };
      return Array.isArray(parsed.entries) ? (parsed.entries as QueuedScore[]).filter((e) => typeof e?.clientId === 'string') : [];
    } catch {
      return [];
    }
  }

  /** Writes the whole queue; throws when the storage refuses (full, disabled), so nothing is taken as saved that is not. */
  private save(next: QueuedScore[]): void {
    this.storage.setItem(this.key, JSON.stringify({ entries: next }));
    this.list = next;
  }

  entries(): readonly QueuedScore[] {
    return this.list;
  }

  pendingCount(): number {
    return this.list.filter((e) => e.state === 'pending').length;
  }

  /** The latest live entry for a mark (what the judge last entered), if any. */
  current(workNumber: string, aspectCode: string): QueuedScore | undefined {
    const mark = markOf({ workNumber, aspectCode });
    for (let i = this.list.length - 1; i >= 0; i--) {
      const e = this.list[i]!;
      if (live(e) && markOf(e) === mark) return e;
    }
    return undefined;
  }

  /** The latest refused entry for a mark when nothing live followed it. */
  refusedFor(workNumber: string, aspectCode: string): QueuedScore | undefined {
    const mark = markOf({ workNumber, aspectCode });
    for (let i = this.list.length - 1; i >= 0; i--) {
      const e = this.list[i]!;
      if (markOf(e) !== mark || e.state === 'discarded') continue;
      return e.state === 'refused' ? e : undefined;
    }
    return undefined;
  }

  /**
   * Records a score for a mark, durably, before anything is sent. `serverClientId` is the client id of the score the
   * server already holds for the mark (from the sheet), superseded when the queue has no entry of its own for it.
   */
  record(workNumber: string, aspectCode: string, value: number, serverClientId?: string): QueuedScore {
    const prev = this.current(workNumber, aspectCode);
    if (prev?.state === 'conflict') throw new Error('mark in conflict');
    let next = [...this.list];
    let supersedes: string | undefined;
    if (!prev) supersedes = serverClientId;
    else if (prev.state === 'pending' && prev.attempts === 0) {
      // Never sent: it is replaced outright and the new entry supersedes what it would have.
      next = next.map((e) => (e.clientId === prev.clientId ? { ...e, state: 'discarded' as const } : e));
      supersedes = prev.supersedes;
    } else supersedes = prev.clientId; // synced, or sent without an answer yet: the server may hold it
    const entry: QueuedScore = { clientId: this.newId(), workNumber, aspectCode, value, recordedAt: this.now().toISOString(), state: 'pending', attempts: 0 };
    if (supersedes) entry.supersedes = supersedes;
    this.save([...next, entry]);
    return entry;
  }

  /** The next batch to send (the oldest pending entries, in the order recorded); counts the attempt durably. */
  takeBatch(max = BATCH_MAX): ScoreEntry[] {
    const batch = this.list.filter((e) => e.state === 'pending').slice(0, max);
    if (batch.length === 0) return [];
    const ids = new Set(batch.map((e) => e.clientId));
    this.save(this.list.map((e) => (ids.has(e.clientId) ? { ...e, attempts: e.attempts + 1 } : e)));
    return batch.map(({ clientId, workNumber, aspectCode, value, recordedAt, supersedes }) => (supersedes ? { clientId, workNumber, aspectCode, value, recordedAt, supersedes } : { clientId, workNumber, aspectCode, value, recordedAt }));
  }

  /** Applies the server's answer to a batch; returns how many entries it settled. Entries it does not name stay pending. */
  apply(answer: SubmitAnswer): number {
    const synced = new Set([...answer.accepted, ...answer.duplicates]);
    const conflicts = new Map(answer.conflicts.map((c) => [c.clientId, c]));
    const refused = new Map(answer.refused.map((r) => [r.clientId, r]));
    let settled = 0;
    const next = this.list.map((e): QueuedScore => {
      if (e.state !== 'pending') return e;
      if (synced.has(e.clientId)) {
        settled++;
        return { ...e, state: 'synced' };
      }
      const c = conflicts.get(e.clientId);
      if (c) {
        settled++;
        return { ...e, state: 'conflict', existingValue: c.existingValue };
      }
      const r = refused.get(e.clientId);
      if (r) {
        settled++;
        return { ...e, state: 'refused', reason: r.reason };
      }
      return e;
    });
    this.save(next);
    return settled;
  }

  /** After the judge resolved a conflict on the server: the kept entry counts as synced, the other is given up. */
  resolve(clientId: string, kept: boolean): void {
    this.save(this.list.map((e) => (e.clientId === clientId ? { ...e, state: kept ? 'synced' : 'discarded' } : e)));
  }
}

export type SyncOutcome = 'idle' | 'synced' | 'offline' | 'failed';

/** Whether an error is the network's (no answer at all) rather than the server's. */
export const isNetworkError = (err: unknown): boolean => typeof err === 'object' && err !== null && (err as { code?: unknown }).code === 'NETWORK';

/**
 * Sends the queue in batches until nothing is pending: 'offline' when a request got no answer (the batch stays pending
 * and is sent again later, safely), 'failed' when the server refused a batch as a whole, 'idle' when nothing was
 * pending. One run at a time: a second call while one runs waits for it.
 */
export function createSyncer(queue: () => ScoreQueue | undefined, send: (entries: ScoreEntry[]) => Promise<SubmitAnswer>) {
  let running: Promise<{ outcome: SyncOutcome; error?: unknown }> | undefined;
  async function run(): Promise<{ outcome: SyncOutcome; error?: unknown }> {
    const q = queue();
    if (!q || q.pendingCount() === 0) return { outcome: 'idle' };
    for (;;) {
      const batch = q.takeBatch();
      if (batch.length === 0) return { outcome: 'synced' };
      let answer: SubmitAnswer;
      try {
        answer = await send(batch);
      } catch (error) {
        return { outcome: isNetworkError(error) ? 'offline' : 'failed', error };
      }
      // An answer naming none of the batch would loop for ever: stop and try again later.
      if (q.apply(answer) === 0) return { outcome: 'failed' };
    }
  }
  return {
    sync(): Promise<{ outcome: SyncOutcome; error?: unknown }> {
      running ??= run().finally(() => {
        running = undefined;
      });
      return running;
    },
  };
}
