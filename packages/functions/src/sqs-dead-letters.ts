/**
 * The platform's SQS dead-letter queues as a dead-letter source (AWS only). Each queue holds one
 * kind of failure, in the message format of the service that wrote it:
 *
 * - `rule`: an EventBridge rule could not deliver to its consumer. The message body is the event
 *   itself; the failure is in the message attributes `RULE_ARN`, `TARGET_ARN`, `ERROR_CODE`,
 *   `ERROR_MESSAGE` (and `RETRY_ATTEMPTS`).
 * - `pipe`: the outbox Pipe could not put stream records on the bus. For a DynamoDB stream source
 *   the message holds no record, only where the failed batch is: `{context: {partnerResourceArn,
 *   condition}, version, timestamp, DDBStreamBatchInfo: {shardId, startSequenceNumber,
 *   endSequenceNumber, approximateArrivalOfFirstRecord, approximateArrivalOfLastRecord, batchSize,
 *   streamArn}}`. The records are read back from the stream (24 h) and run through the outbox
 *   enrichment again; one letter per outbox record.
 * - `consumer`: a consumer function's invocation failed after Lambda's retries (its on-failure
 *   destination). The body is Lambda's invocation record: `{version, timestamp, requestContext:
 *   {requestId, functionArn, condition, approximateInvokeCount}, requestPayload: <the event>,
 *   responseContext, responsePayload: {errorType, errorMessage, …}}`. For a batch consumer (the
 *   rollup projector) it is its intake queue's DLQ, and the body is the event itself, as the rule
 *   sent it to the intake queue.
 * - `schedule`: the daily tick the scheduler could not put on the bus — counted only; the next
 *   day's tick runs as usual.
 *
 * Listing receives the messages with a visibility timeout (hidden while the listing pages through
 * the queue) and makes them visible again at once; nothing is deleted. A redrive receives the
 * chosen messages again (a fresh receipt handle), puts their events back on the bus with
 * `PutEvents`, and deletes a message only once EventBridge accepted every event in it; anything
 * refused stays in the queue, visible again, and is reported.
 */
import type { Message, SQSClient } from '@aws-sdk/client-sqs';
import type { _Record } from '@aws-sdk/client-dynamodb-streams';
import type { EventEnvelope } from '@ufp/core/events';
import { tableManifest } from '@ufp/db/manifest';
import { moduleOf, tenantOf, type DeadLetterListing, type DeadLetterSource, type DeadLetterSourceKind, type DeadLetterView, type EventRedriver, type QueueSummary, type RedriveResult } from '@ufp/events/dead-letters';
import { toEnvelope, type EventBridgeEvent } from './event-mapping.js';
import { envelopeOf } from './outbox-enrichment.js';
import { StreamRecordsGone, type StreamRecordReader } from './stream-records.js';

export interface DeadLetterQueueConfig {
  /** Short, stable name of the queue (its construct id): part of the letter ids. */
  key: string;
  url: string;
  source: DeadLetterSourceKind | 'schedule';
  /** The rule, pipe or consumer (handler) whose failures the queue holds. */
  target: string;
}

/** `DEAD_LETTER_QUEUES` (set by the CDK construct): a JSON array of queue configs. */
export function parseDeadLetterQueues(json: string): DeadLetterQueueConfig[] {
  const value = JSON.parse(json) as unknown;
  const kinds = ['rule', 'pipe', 'consumer', 'schedule'];
  if (!Array.isArray(value)) throw new Error('DEAD_LETTER_QUEUES is not a JSON array');
  return value.map((q: Partial<DeadLetterQueueConfig>, i) => {
    if (!q || typeof q.key !== 'string' || !/^[A-Za-z0-9_-]{1,100}$/.test(q.key) || typeof q.url !== 'string' || typeof q.target !== 'string' || !kinds.includes(q.source as string)) {
      throw new Error(`DEAD_LETTER_QUEUES[${i}] is not {key, url, source, target}`);
    }
    return { key: q.key, url: q.url, source: q.source as DeadLetterQueueConfig['source'], target: q.target };
  });
}

export interface SqsDeadLetterSourceOptions {
  queues: readonly DeadLetterQueueConfig[];
  region: string;
  redriver: EventRedriver;
  /** Reads back the stream records a Pipe dead letter points at. */
  streamRecords: StreamRecordReader;
  /** A ready client (tests); otherwise one is created on first use. */
  client?: SQSClient;
  /** Messages read per queue for one listing; a queue holding more is counted, and the listing says so. */
  maxPerQueue?: number;
  /** Seconds a message stays hidden while a listing pages through its queue (then it is released at once). */
  listHoldSeconds?: number;
  /** Seconds the chosen messages stay hidden while a redrive puts them back on the bus. */
  redriveHoldSeconds?: number;
  /** Long-poll wait per receive: SQS then asks all its servers, so a small queue is not missed. */
  waitSeconds?: number;
}

/** A parsed message: its letters (one, or one per outbox record of a Pipe batch) and the events to put back. */
interface QueuedMessage {
  queue: DeadLetterQueueConfig;
  message: Message;
  letters: DeadLetterView[];
  /** Every event in the message, or undefined when it cannot be put back from here. */
  envelopes?: EventEnvelope[];
}

const REASON_MAX = 500;
const clip = (s: string) => (s.length > REASON_MAX ? `${s.slice(0, REASON_MAX - 1)}…` : s);

export class SqsDeadLetterSource implements DeadLetterSource {
  readonly scheme = 'sqs';
  private sdk?: Promise<{ sqs: typeof import('@aws-sdk/client-sqs'); client: SQSClient }>;

  constructor(private readonly opts: SqsDeadLetterSourceOptions) {}

  private load() {
    return (this.sdk ??= import('@aws-sdk/client-sqs').then((sqs) => ({ sqs, client: this.opts.client ?? new sqs.SQSClient({ region: this.opts.region }) })));
  }

  async list(): Promise<DeadLetterListing> {
    const perQueue = await Promise.all(this.opts.queues.map((queue) => this.listQueue(queue)));
    return {
      letters: perQueue.flatMap((q) => q.letters),
      queues: perQueue.map((q) => q.summary),
      truncated: perQueue.some((q) => q.read >= this.max && (q.summary.depth ?? 0) > q.read),
    };
  }

  private get max(): number {
    return this.opts.maxPerQueue ?? 100;
  }

  private async listQueue(queue: DeadLetterQueueConfig): Promise<{ letters: DeadLetterView[]; summary: QueueSummary; read: number }> {
    const depth = await this.depth(queue);
    const summary = (listed: number): QueueSummary => ({ key: queue.key, source: queue.source, target: queue.target, depth, listed });
    if (queue.source === 'schedule' || depth === 0) return { letters: [], summary: summary(0), read: 0 };
    const messages = await this.receive(queue, this.opts.listHoldSeconds ?? 30, (got) => (depth !== null && got.length >= depth) || got.length >= this.max);
    try {
      const parsed = await Promise.all(messages.map((m) => this.parse(queue, m)));
      const letters = parsed.flatMap((p) => p.letters);
      return { letters, summary: summary(messages.length), read: messages.length };
    } finally {
      await this.release(queue, messages);
    }
  }

  async redrive(ids: readonly string[]): Promise<RedriveResult[]> {
    const wanted = new Map<string, Map<string, string[]>>(); // queue key → message id → the ids asked for
    const results: RedriveResult[] = [];
    for (const id of ids) {
      const [, key, messageId] = id.split('/');
      if (!key || !messageId || !this.opts.queues.some((q) => q.key === key)) {
        results.push({ id, outcome: 'notFound' });
        continue;
      }
      const messages = wanted.get(key) ?? new Map<string, string[]>();
      messages.set(messageId, [...(messages.get(messageId) ?? []), id]);
      wanted.set(key, messages);
    }
    for (const [key, messages] of wanted) {
      results.push(...(await this.redriveQueue(this.opts.queues.find((q) => q.key === key)!, messages)));
    }
    return results;
  }

  /**
   * Redrives whole messages (a Pipe batch is put back whole): every letter of a chosen message gets
   * a result, whether it was asked for by id or is in the same batch.
   */
  private async redriveQueue(queue: DeadLetterQueueConfig, asked: ReadonlyMap<string, string[]>): Promise<RedriveResult[]> {
    const received = await this.receive(queue, this.opts.redriveHoldSeconds ?? 60, (got) => [...asked.keys()].every((id) => got.some((m) => m.MessageId === id)), Number.MAX_SAFE_INTEGER);
    const chosen = received.filter((m) => asked.has(m.MessageId ?? ''));
    const results: RedriveResult[] = [];
    const accepted: Message[] = [];
    try {
      for (const [messageId, ids] of asked) {
        if (chosen.some((m) => m.MessageId === messageId)) continue;
        for (const id of ids) results.push({ id, outcome: 'notFound', reason: 'not in the queue (redriven already, or held by another listing or redrive: try again in a minute)' });
      }
      const parsed = await Promise.all(chosen.map((m) => this.parse(queue, m)));
      for (const p of parsed) {
        if (!p.envelopes) for (const l of p.letters) results.push({ id: l.id, outcome: 'notRedrivable', reason: l.reason });
      }
      const putBack = parsed.filter((p) => p.envelopes);
      const outcomes = await this.opts.redriver.put(putBack.flatMap((p) => p.envelopes!));
      let at = 0;
      const batchResults: { message: Message; results: RedriveResult[] }[] = [];
      for (const p of putBack) {
        const mine = outcomes.slice(at, at + p.envelopes!.length);
        at += p.envelopes!.length;
        const allAccepted = mine.every((o) => o.accepted);
        if (allAccepted) accepted.push(p.message);
        batchResults.push({
          message: p.message,
          results: p.letters.map((letter, i): RedriveResult => {
            const o = mine[i];
            if (allAccepted) return { id: letter.id, outcome: 'redriven' };
            if (o && !o.accepted) return { id: letter.id, outcome: 'failed', reason: o.reason };
            return { id: letter.id, outcome: 'failed', reason: 'put back on the bus, but another event of its Pipe batch was refused: the message stays until all are accepted' };
          }),
        });
      }
      const notDeleted = await this.delete(queue, accepted);
      for (const { message, results: rs } of batchResults) {
        const why = notDeleted.get(message.MessageId ?? '');
        results.push(...(why ? rs.map((r) => ({ ...r, reason: `put back on the bus, but the message could not be deleted (${why}): it shows again, and a second redrive is harmless` })) : rs));
      }
      return results;
    } finally {
      await this.release(
        queue,
        received.filter((m) => !accepted.includes(m)),
      );
    }
  }

  // ── SQS ────────────────────────────────────────────────────────────────────────────────

  private async depth(queue: DeadLetterQueueConfig): Promise<number | null> {
    const { sqs, client } = await this.load();
    const res = await client.send(
      new sqs.GetQueueAttributesCommand({ QueueUrl: queue.url, AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'] }),
    );
    const visible = Number(res.Attributes?.ApproximateNumberOfMessages ?? NaN);
    const hidden = Number(res.Attributes?.ApproximateNumberOfMessagesNotVisible ?? 0);
    return Number.isFinite(visible) ? visible + hidden : null;
  }

  /** Receives (and hides for `holdSeconds`) until `enough` or the queue has nothing more to give. */
  private async receive(queue: DeadLetterQueueConfig, holdSeconds: number, enough: (got: Message[]) => boolean, max = this.max): Promise<Message[]> {
    const { sqs, client } = await this.load();
    const got: Message[] = [];
    while (got.length < max) {
      const res = await client.send(
        new sqs.ReceiveMessageCommand({
          QueueUrl: queue.url,
          MaxNumberOfMessages: Math.min(10, max - got.length),
          VisibilityTimeout: holdSeconds,
          WaitTimeSeconds: this.opts.waitSeconds ?? 1,
          MessageAttributeNames: ['All'],
          MessageSystemAttributeNames: ['SentTimestamp', 'ApproximateReceiveCount'],
        }),
      );
      const fresh = (res.Messages ?? []).filter((m) => !got.some((g) => g.MessageId === m.MessageId));
      if (!fresh.length) break;
      got.push(...fresh);
      if (enough(got)) break;
    }
    return got;
  }

  /** Makes received messages visible again at once (they stay in the queue). */
  private async release(queue: DeadLetterQueueConfig, messages: readonly Message[]): Promise<void> {
    if (!messages.length) return;
    const { sqs, client } = await this.load();
    for (let i = 0; i < messages.length; i += 10) {
      const chunk = messages.slice(i, i + 10);
      try {
        await client.send(
          new sqs.ChangeMessageVisibilityBatchCommand({
            QueueUrl: queue.url,
            Entries: chunk.map((m, j) => ({ Id: String(j), ReceiptHandle: m.ReceiptHandle!, VisibilityTimeout: 0 })),
          }),
        );
      } catch {
        // Not released now: their visibility timeout releases them shortly anyway.
      }
    }
  }

  /** Deletes messages whose events EventBridge accepted; answers those it could not delete, with why. */
  private async delete(queue: DeadLetterQueueConfig, messages: readonly Message[]): Promise<Map<string, string>> {
    const failed = new Map<string, string>();
    if (!messages.length) return failed;
    const { sqs, client } = await this.load();
    for (let i = 0; i < messages.length; i += 10) {
      const chunk = messages.slice(i, i + 10);
      try {
        const res = await client.send(new sqs.DeleteMessageBatchCommand({ QueueUrl: queue.url, Entries: chunk.map((m, j) => ({ Id: String(j), ReceiptHandle: m.ReceiptHandle! })) }));
        for (const f of res.Failed ?? []) {
          const m = chunk[Number(f.Id)];
          if (m?.MessageId) failed.set(m.MessageId, `${f.Code}: ${f.Message ?? ''}`.trim());
        }
      } catch (err) {
        for (const m of chunk) failed.set(m.MessageId ?? '', `${(err as Error).name}: ${(err as Error).message}`);
      }
    }
    return failed;
  }

  // ── Message formats ────────────────────────────────────────────────────────────────────

  private async parse(queue: DeadLetterQueueConfig, message: Message): Promise<QueuedMessage> {
    const base = { queue, message };
    const id = `sqs/${queue.key}/${message.MessageId}`;
    const sentAt = message.Attributes?.SentTimestamp ? new Date(Number(message.Attributes.SentTimestamp)).toISOString() : new Date(0).toISOString();
    const unreadable = (reason: string, failedAt = sentAt): QueuedMessage => ({
      ...base,
      letters: [letterOf({ id, queue, failedAt, attempts: null, reason: clip(reason), envelope: null, redrivable: false })],
    });
    let body: unknown;
    try {
      body = JSON.parse(message.Body ?? '');
    } catch {
      return unreadable('message body is not JSON');
    }
    switch (queue.source) {
      case 'rule': {
        const attr = (name: string) => message.MessageAttributes?.[name]?.StringValue;
        const envelope = eventOf(body);
        const reason = [attr('ERROR_CODE'), attr('ERROR_MESSAGE')].filter(Boolean).join(': ') || 'EventBridge could not deliver the event';
        if (!envelope) return unreadable(`${reason} (the message is not an event)`);
        const retries = Number(attr('RETRY_ATTEMPTS'));
        return {
          ...base,
          envelopes: [envelope],
          letters: [letterOf({ id, queue, failedAt: sentAt, attempts: Number.isFinite(retries) ? retries + 1 : null, reason: clip(reason), envelope, redrivable: true })],
        };
      }
      case 'consumer': {
        const queued = eventOf(body);
        if (queued) {
          // A batch consumer's intake DLQ: the event itself, moved there once its receives ran out. (Its receive count
          // is no count of attempts: listing the DLQ receives it too.)
          const reason = `${queue.target} did not handle the event in its receives from its intake queue (the reason is in the consumer's logs, or on a parked letter of the same event)`;
          return {
            ...base,
            envelopes: [queued],
            letters: [letterOf({ id, queue, failedAt: sentAt, attempts: null, reason: clip(reason), envelope: queued, redrivable: true })],
          };
        }
        const record = body as { timestamp?: string; requestContext?: { condition?: string; approximateInvokeCount?: number }; requestPayload?: unknown; responsePayload?: { errorType?: string; errorMessage?: string } };
        const failedAt = validTime(record.timestamp) ?? sentAt;
        const error = record.responsePayload?.errorMessage ? `${record.responsePayload.errorType ?? 'Error'}: ${record.responsePayload.errorMessage}` : undefined;
        const reason = [record.requestContext?.condition, error].filter(Boolean).join(' — ') || 'the consumer function failed';
        const envelope = eventOf(record.requestPayload);
        if (!envelope) return unreadable(`${reason} (no event in the invocation record)`, failedAt);
        return {
          ...base,
          envelopes: [envelope],
          letters: [letterOf({ id, queue, failedAt, attempts: record.requestContext?.approximateInvokeCount ?? null, reason: clip(reason), envelope, redrivable: true })],
        };
      }
      case 'pipe':
        return this.parsePipe(queue, message, id, body);
      case 'schedule':
        return unreadable('a daily tick the scheduler could not put on the bus');
    }
  }

  private async parsePipe(queue: DeadLetterQueueConfig, message: Message, id: string, body: unknown): Promise<QueuedMessage> {
    const b = body as { timestamp?: string; context?: { condition?: string }; DDBStreamBatchInfo?: Partial<Record<'shardId' | 'startSequenceNumber' | 'endSequenceNumber' | 'streamArn', string>> };
    const failedAt = validTime(b.timestamp) ?? new Date(Number(message.Attributes?.SentTimestamp ?? 0)).toISOString();
    const condition = b.context?.condition ?? 'the Pipe could not deliver';
    const info = b.DDBStreamBatchInfo;
    const single = (reason: string): QueuedMessage => ({
      queue,
      message,
      letters: [letterOf({ id, queue, failedAt, attempts: null, reason: clip(reason), envelope: null, redrivable: false })],
    });
    if (!info?.shardId || !info.startSequenceNumber || !info.endSequenceNumber || !info.streamArn) return single(`${condition} (no DDBStreamBatchInfo in the message)`);
    let records: _Record[];
    try {
      records = await this.opts.streamRecords.read({
        streamArn: info.streamArn,
        shardId: info.shardId,
        startSequenceNumber: info.startSequenceNumber,
        endSequenceNumber: info.endSequenceNumber,
      });
    } catch (err) {
      if (err instanceof StreamRecordsGone) return single(`${condition}; the stream no longer holds the records (kept 24 h): ${err.message}`);
      // One unreadable position must not hide every other letter: shown, with why (try again later).
      return single(`${condition}; the stream records could not be read now: ${(err as Error).name}: ${(err as Error).message}`);
    }
    // The Pipe's own filter: only freshly inserted outbox items were in the failed batch.
    const outbox = records.filter((r) => r.eventName === 'INSERT' && r.dynamodb?.NewImage?.kind?.S === tableManifest.outboxKind);
    if (!outbox.length) return single(`${condition}; no outbox record in the stream range`);
    const letters: DeadLetterView[] = [];
    const envelopes: EventEnvelope[] = [];
    for (const record of outbox) {
      const letterId = `${id}/${record.dynamodb?.SequenceNumber}`;
      try {
        // Re-running the outbox enrichment, as the Pipe would.
        const envelope = envelopeOf(record as Parameters<typeof envelopeOf>[0]);
        envelopes.push(envelope);
        letters.push(letterOf({ id: letterId, queue, failedAt, attempts: null, reason: clip(condition), envelope, redrivable: true }));
      } catch (err) {
        letters.push(letterOf({ id: letterId, queue, failedAt, attempts: null, reason: clip(`${condition}; the outbox enrichment fails on this record: ${(err as Error).message}`), envelope: null, redrivable: false }));
      }
    }
    // A batch is put back whole or not at all: its message is deleted only when every event was accepted.
    return letters.every((l) => l.redrivable) ? { queue, message, letters, envelopes } : { queue, message, letters };
  }
}

/** An EventBridge event (as delivered to a target) back into its envelope; undefined when it is not one of ours. */
function eventOf(value: unknown): EventEnvelope | undefined {
  const e = value as Partial<EventBridgeEvent> | null;
  if (!e || typeof e !== 'object' || typeof e.source !== 'string' || typeof e['detail-type'] !== 'string' || !e.detail?.meta) return undefined;
  return toEnvelope({ id: e.id ?? '', source: e.source, 'detail-type': e['detail-type'], time: e.time ?? e.detail.meta.occurredAt, detail: e.detail });
}

function validTime(value: string | undefined): string | undefined {
  const t = value ? Date.parse(value) : NaN;
  return Number.isFinite(t) ? new Date(t).toISOString() : undefined;
}

function letterOf(p: {
  id: string;
  queue: DeadLetterQueueConfig;
  failedAt: string;
  attempts: number | null;
  reason: string;
  envelope: EventEnvelope | null;
  redrivable: boolean;
}): DeadLetterView {
  const { envelope } = p;
  return {
    id: p.id,
    // Ticks are counted, never listed (listQueue), so a letter's queue is always a rule, pipe or consumer queue.
    source: p.queue.source === 'schedule' ? 'rule' : p.queue.source,
    target: p.queue.target,
    holder: p.queue.key,
    tenantId: envelope ? tenantOf(envelope) : null,
    module: moduleOf(envelope?.['detail-type'], p.queue.target),
    eventType: envelope?.['detail-type'] ?? null,
    eventId: envelope?.id ?? null,
    occurredAt: envelope?.detail.meta.occurredAt ?? null,
    failedAt: p.failedAt,
    attempts: p.attempts,
    reason: p.reason,
    redrivable: p.redrivable,
    envelope,
  };
}
