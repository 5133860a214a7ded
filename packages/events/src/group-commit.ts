import type { EventEnvelope } from '@ufp/core/events';
import type { Table } from '@ufp/db/table';
import { consumeBatch, type BatchHandler } from './idempotent-consumer.js';

interface Waiting {
  envelope: EventEnvelope;
  resolve: (outcome: 'processed' | 'duplicate') => void;
  reject: (err: unknown) => void;
}

/** Events committed together at most (their markers and summed effects must fit one transaction; see consumeBatch). */
export const GROUP_EVENTS = 32;

/**
 * Group commit for a batch consumer: an event delivered while the consumer's previous transaction is in flight waits
 * for it, then goes with every event that arrived meanwhile in one transaction. An event alone is committed at once
 * (after the events handed over with it, in the same turn of the event loop), so nothing waits on a quiet platform; under load a province's events share their TOTAL rows' writes instead of
 * queueing one transaction each behind them. A group that fails is committed again one event at a time, so the
 * event at fault fails alone (and only it is retried or parked by the runner).
 */
export class GroupCommit {
  private readonly waiting: Waiting[] = [];
  private flushing = false;
  groups = 0;

  constructor(
    private readonly table: Table,
    private readonly handlerName: string,
    private readonly batch: BatchHandler,
  ) {}

  submit(envelope: EventEnvelope): Promise<'processed' | 'duplicate'> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ envelope, resolve, reject });
      if (this.flushing) return;
      this.flushing = true;
      // After the events handed over at the same moment (a batch from the intake queue) have joined the first group.
      setImmediate(() => void this.flush());
    });
  }

  private async flush(): Promise<void> {
    try {
      while (this.waiting.length > 0) await this.commit(this.nextGroup());
    } finally {
      this.flushing = false;
    }
  }

  /** The longest-waiting events, one delivery per event id (a second delivery of the same event waits for the next group). */
  private nextGroup(): Waiting[] {
    const ids = new Set<string>();
    const group: Waiting[] = [];
    for (let i = 0; i < this.waiting.length && group.length < GROUP_EVENTS; ) {
      const w = this.waiting[i]!;
      if (ids.has(w.envelope.id)) i++;
      else {
        ids.add(w.envelope.id);
        group.push(...this.waiting.splice(i, 1));
      }
    }
    return group;
  }

  private async commit(group: Waiting[]): Promise<void> {
    this.groups++;
    try {
      const outcomes = await consumeBatch(this.table, this.handlerName, group.map((w) => w.envelope), this.batch);
      for (const w of group) w.resolve(outcomes.get(w.envelope.id) ?? 'processed');
    } catch (err) {
      if (group.length === 1) return group[0]!.reject(err);
      for (const w of group) await this.commit([w]);
    }
  }
}
