import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  ExpiredIteratorException,
  GetRecordsCommand,
  GetShardIteratorCommand,
  TrimmedDataAccessException,
  type Shard,
  type _Record,
} from '@aws-sdk/client-dynamodb-streams';
import type { EventEnvelope } from '@ufp/core/events';
import { parseEnvelope } from '@ufp/db/envelope';
import { tableManifest } from '@ufp/db/manifest';
import type { CheckpointStore, Checkpoints } from './checkpoint.js';

export interface RelayOptions {
  streams: DynamoDBStreamsClient;
  streamArn: string;
  checkpoints: CheckpointStore;
  publish: (envelope: EventEnvelope) => Promise<unknown>;
  idleDelayMs?: number;
  onError?: (err: unknown) => void;
  /** Events published and not yet delivered before the relay waits to read more; default 1,000. */
  maxEventsInFlight?: number;
}

/**
 * Plays the role of EventBridge Pipes locally: reads the table's stream, keeps outbox items
 * (`kind = "event"`), publishes each envelope and checkpoints per shard once a batch and those
 * before it are delivered (reading on meanwhile, up to `maxEventsInFlight`).
 * At-least-once: a relay killed mid-batch re-reads from its last checkpoint on restart and
 * the idempotent consumers absorb the repeats.
 */
export class StreamRelay {
  private running = false;
  private loop?: Promise<void>;
  private state: Checkpoints = {};
  private iterators = new Map<string, string>();
  private shards: Shard[] = [];
  private lastDescribe = 0;
  /** Per shard, the batches read and published but not yet checkpointed, in stream order. */
  private readonly inFlight = new Map<string, InFlightBatch[]>();
  relayed = 0;
  /** Creation time of the newest outbox item published, to report relay lag. */
  lastPublishedAt?: number;
  lastPollAt?: number;

  constructor(private readonly opts: RelayOptions) {}

  async start(): Promise<void> {
    this.state = await this.opts.checkpoints.load();
    this.running = true;
    this.loop = this.run();
  }

  /**
   * Stops reading, lets what was published finish, and keeps the checkpoint where it is: as after a crash, the
   * batches still in flight are read again on the next start (the shard iterators, which have moved past them, are
   * dropped, so a start reads from the checkpoint).
   */
  async stop(): Promise<void> {
    this.running = false;
    await this.loop;
    await Promise.all([...this.inFlight.values()].flat().map((b) => b.done));
    this.inFlight.clear();
    this.iterators.clear();
  }

  /** Runs one pass over all open shards; returns how many records it saw. Exposed for tests. */
  async pollOnce(): Promise<number> {
    if (Date.now() - this.lastDescribe > 2_000 || this.shards.length === 0) await this.describe();
    let seen = 0;
    for (const shard of this.orderedShards()) {
      if (!this.running) break;
      const id = shard.ShardId!;
      if (this.state[id]?.done) continue;
      seen += await this.pollShard(id);
    }
    this.lastPollAt = Date.now();
    return seen;
  }

  private async run(): Promise<void> {
    while (this.running) {
      try {
        const seen = await this.pollOnce();
        if (seen === 0 && this.running) await sleep(this.opts.idleDelayMs ?? 25);
      } catch (err) {
        this.opts.onError?.(err);
        await sleep(500);
      }
    }
  }

  private async describe(): Promise<void> {
    const shards: Shard[] = [];
    let start: string | undefined;
    do {
      const res = await this.opts.streams.send(
        new DescribeStreamCommand({ StreamArn: this.opts.streamArn, ExclusiveStartShardId: start }),
      );
      shards.push(...(res.StreamDescription?.Shards ?? []));
      start = res.StreamDescription?.LastEvaluatedShardId;
    } while (start);
    this.shards = shards;
    this.lastDescribe = Date.now();
  }

  /** Parents before children, so events of one item stay in order across shard splits. */
  private orderedShards(): Shard[] {
    const known = new Set(this.shards.map((s) => s.ShardId));
    const depth = (s: Shard): number => {
      let d = 0;
      let parent = s.ParentShardId;
      while (parent && known.has(parent) && d < 100) {
        d++;
        parent = this.shards.find((x) => x.ShardId === parent)?.ParentShardId;
      }
      return d;
    };
    return [...this.shards]
      .filter((s) => !s.ParentShardId || !known.has(s.ParentShardId) || this.state[s.ParentShardId]?.done)
      .sort((a, b) => depth(a) - depth(b));
  }

  private async iteratorFor(shardId: string): Promise<string | undefined> {
    const cached = this.iterators.get(shardId);
    if (cached) return cached;
    const seq = this.state[shardId]?.seq;
    try {
      const res = await this.opts.streams.send(
        new GetShardIteratorCommand({
          StreamArn: this.opts.streamArn,
          ShardId: shardId,
          ShardIteratorType: seq ? 'AFTER_SEQUENCE_NUMBER' : 'TRIM_HORIZON',
          SequenceNumber: seq,
        }),
      );
      return res.ShardIterator;
    } catch (err) {
      if (err instanceof TrimmedDataAccessException) {
        this.state[shardId] = {};
        return this.iteratorFor(shardId);
      }
      throw err;
    }
  }

  private async pollShard(shardId: string): Promise<number> {
    const iterator = await this.iteratorFor(shardId);
    if (!iterator) {
      await this.markDone(shardId);
      return 0;
    }
    let res;
    try {
      res = await this.opts.streams.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: 1000 }));
    } catch (err) {
      if (err instanceof ExpiredIteratorException || err instanceof TrimmedDataAccessException) {
        this.iterators.delete(shardId);
        return 0;
      }
      throw err;
    }
    const records = res.Records ?? [];
    const outbox: { envelope: EventEnvelope; record: _Record }[] = [];
    for (const record of records) {
      let envelope: EventEnvelope | undefined;
      try {
        envelope = outboxEnvelope(record);
      } catch (err) {
        // A malformed outbox item is reported and passed over, never allowed to block the stream.
        this.opts.onError?.(new Error(`skipped unreadable outbox record ${record.dynamodb?.SequenceNumber}: ${(err as Error).message}`));
      }
      if (envelope) outbox.push({ envelope, record });
    }
    // Every event of the batch is published now, in stream order: the bus keeps each tenant's events in that order
    // for the consumers that need it (EventBridge promises no order at all) and delivers the rest side by side. The
    // relay reads on while they are delivered — as a Pipe's PutEvents does not wait for the consumers — and checkpoints
    // a batch once it and every batch before it are delivered.
    const lastSeq = records.at(-1)?.dynamodb?.SequenceNumber;
    const batch: InFlightBatch = { seq: lastSeq, events: outbox.length, settled: false, done: Promise.resolve() };
    const publishes = outbox.map(({ envelope, record }) =>
      this.opts.publish(envelope).then(() => {
        this.relayed++;
        this.lastPublishedAt = Math.max(this.lastPublishedAt ?? 0, record.dynamodb?.ApproximateCreationDateTime?.getTime() ?? 0) || undefined;
      }),
    );
    batch.done = Promise.allSettled(publishes).then((results) => {
      batch.failure = results.find((r): r is PromiseRejectedResult => r.status === 'rejected')?.reason;
      batch.settled = true;
    });
    const queue = this.inFlight.get(shardId) ?? [];
    this.inFlight.set(shardId, queue);
    queue.push(batch);
    if (res.NextShardIterator) this.iterators.set(shardId, res.NextShardIterator);
    else {
      // A closed shard is done once everything read from it is delivered and checkpointed.
      await Promise.all(queue.map((b) => b.done));
      await this.checkpointDelivered(shardId);
      this.iterators.delete(shardId);
      await this.markDone(shardId);
      this.lastDescribe = 0;
      return records.length;
    }
    await this.checkpointDelivered(shardId);
    while (this.running && this.eventsInFlight() > (this.opts.maxEventsInFlight ?? 1_000) && queue.length > 0) {
      await queue[0]!.done;
      await this.checkpointDelivered(shardId);
    }
    return records.length;
  }

  private eventsInFlight(): number {
    let n = 0;
    for (const queue of this.inFlight.values()) for (const b of queue) n += b.events;
    return n;
  }

  /**
   * Checkpoints the shard after its delivered batches, oldest first, up to the first one still in flight. A batch
   * that failed sends the shard back to its checkpoint: the batches after it are let finish and read again (the
   * idempotent consumers absorb what was delivered twice), and the failure goes to the loop.
   */
  private async checkpointDelivered(shardId: string): Promise<void> {
    const queue = this.inFlight.get(shardId) ?? [];
    let moved = false;
    while (queue[0]?.settled && this.running) {
      const batch = queue.shift()!;
      if (batch.failure !== undefined) {
        await Promise.all(queue.map((b) => b.done));
        queue.length = 0;
        this.iterators.delete(shardId);
        if (moved) await this.opts.checkpoints.save(this.state);
        throw batch.failure;
      }
      if (batch.seq) {
        this.state[shardId] = { seq: batch.seq };
        moved = true;
      }
    }
    if (moved) await this.opts.checkpoints.save(this.state);
  }

  private async markDone(shardId: string): Promise<void> {
    this.state[shardId] = { ...this.state[shardId], done: true };
    await this.opts.checkpoints.save(this.state);
  }
}

interface InFlightBatch {
  /** The sequence number to checkpoint once the batch is delivered (the last record read, outbox or not). */
  seq?: string;
  events: number;
  settled: boolean;
  failure?: unknown;
  done: Promise<void>;
}

/**
 * Only the two attributes the relay needs are read from the image, so an item of any shape
 * (empty maps, sets, binary) can never stall the stream.
 */
function outboxEnvelope(record: _Record): EventEnvelope | undefined {
  const image = record.dynamodb?.NewImage;
  if (record.eventName !== 'INSERT' || !image) return undefined;
  if (image.kind?.S !== tableManifest.outboxKind || typeof image.envelope?.S !== 'string') return undefined;
  return parseEnvelope(image.envelope.S);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
