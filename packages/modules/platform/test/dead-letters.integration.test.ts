/**
 * Dead letters in one view for the platform operator, and their redrive.
 *
 * Table-parked consumer failures run entirely for real (DynamoDB Local, the local bus). The AWS
 * holders — the SQS dead-letter queues of the rules, the Pipe and the consumer functions — are
 * exercised through the same office with the AWS service boundary mocked by aws-sdk-client-mock
 * (SQSClient, EventBridgeClient); the table and its stream stay real, so a Pipe letter is read back
 * from DynamoDB Local's stream.
 */
import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { DescribeStreamCommand, DynamoDBStreamsClient, GetRecordsCommand, GetShardIteratorCommand } from '@aws-sdk/client-dynamodb-streams';
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { ChangeMessageVisibilityBatchCommand, DeleteMessageBatchCommand, GetQueueAttributesCommand, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { mockClient, type AwsStub } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventEnvelope } from '@ufp/core/events';
import { newId } from '@ufp/core/ids';
import { aidGranted } from '@ufp/hardship/events';
import { wrapEvent } from '@ufp/db/envelope';
import { tenantPrefix } from '@ufp/db/keys';
import { toEnvelope } from '@ufp/functions/event-mapping';
import { EventBridgeRedriver } from '@ufp/functions/eventbridge-redriver';
import { SqsDeadLetterSource, type DeadLetterQueueConfig } from '@ufp/functions/sqs-dead-letters';
import { DynamoStreamRecordReader } from '@ufp/functions/stream-records';
import { rollupProjector } from '@ufp/events/consumers/rollup-projector';
import type { DeadLetterOverview, DeadLetterView, RedriveSummary } from '@ufp/events/dead-letters';
import { adminOf, createTenant, createUnit, operator, startTestPlatform, type TestPlatform } from '@ufp/testing/platform';

const year = new Date().getUTCFullYear();
const PERSONAL = { chairName: '周秀英', chairPhone: '13912345678' };

const members = async (p: TestPlatform, tenantId: string): Promise<number | undefined> =>
  (await p.query(adminOf(tenantId), 'rollups.overview', { year })).data.totals['units.members'];

describe('table-parked dead letters: one view for the operator, redriven through the local bus', () => {
  let p: TestPlatform;
  let broken = true;
  beforeAll(async () => {
    p = await startTestPlatform({
      retryPolicy: { attempts: 2, baseDelayMs: 5 },
      consumerOverrides: {
        rollupProjector: async (envelope, effects) => {
          if (broken && envelope['detail-type'] === 'units.unit.created') throw new Error('projector unavailable');
          return rollupProjector(p.runtime.deps.table)(envelope, effects);
        },
      },
    });
    await createTenant(p, '321281', '321281');
    await createTenant(p, '321282', '321282');
    await createUnit(p, '321281', { memberCount: 40, chair: { name: PERSONAL.chairName, phone: PERSONAL.chairPhone } });
    await createUnit(p, '321282', { memberCount: 7, type: 'regional', uscc: undefined, chair: { name: PERSONAL.chairName, phone: PERSONAL.chairPhone } });
    await p.settle();
  });
  afterAll(() => p?.dispose());

  const overview = async (filter?: object): Promise<DeadLetterOverview> => {
    const res = await p.query<DeadLetterOverview>(operator, 'platform.deadLetters.list', filter);
    expect(res.status, JSON.stringify(res.error)).toBe(200);
    return res.data;
  };

  it('lists every tenant’s parked consumer failures with counts per tenant and module, and no personal data', async () => {
    const all = await overview();
    expect(all.letters).toHaveLength(2);
    expect(all.counts).toEqual(
      expect.arrayContaining([
        { tenantId: '321281', module: 'units', source: 'consumer', count: 1 },
        { tenantId: '321282', module: 'units', source: 'consumer', count: 1 },
      ]),
    );
    const letter = all.letters.find((l) => l.tenantId === '321281')!;
    expect(letter).toMatchObject({
      id: expect.stringMatching(/^table\/321281\//),
      source: 'consumer',
      target: 'rollupProjector',
      holder: 'table',
      module: 'units',
      eventType: 'units.unit.created',
      attempts: 2,
      redrivable: true,
    });
    expect(letter.reason).toContain('projector unavailable');
    expect(letter.envelope?.id).toBe(letter.eventId);
    expect(letter.occurredAt).toBe(letter.envelope?.detail.meta.occurredAt);
    // The operator never sees tenant personal data: events carry ids and numbers only.
    const text = JSON.stringify(all);
    expect(text).not.toContain(PERSONAL.chairName);
    expect(text).not.toContain(PERSONAL.chairPhone);

    const one = await overview({ tenantId: '321282' });
    expect(one.letters.map((l) => l.tenantId)).toEqual(['321282']);
    expect(one.matching).toBe(1);
    expect(one.counts).toHaveLength(2); // counts always show the whole picture
    expect((await overview({ module: 'hardship' })).letters).toEqual([]);
    expect((await overview({ source: 'pipe' })).letters).toEqual([]);
  });

  it('keeps the tenant admin’s own list to their tenant', async () => {
    const own = await p.query(adminOf('321281'), 'deadLetters.list', {});
    expect(own.data.items).toHaveLength(1);
    expect(own.data.items[0]).toMatchObject({ handler: 'rollupProjector', eventType: 'units.unit.created' });
  });

  it('a redrive that fails again keeps the letter, with the new reason and one more attempt, and is audited', async () => {
    const [letter] = (await overview({ tenantId: '321281' })).letters;
    const res = await p.mutate<RedriveSummary>(operator, 'platform.deadLetters.redrive', { ids: [letter!.id] });
    expect(res.status).toBe(200);
    expect(res.data).toMatchObject({ succeeded: 0, failed: 1, results: [{ id: letter!.id, outcome: 'failed', reason: expect.stringContaining('projector unavailable') }] });
    const [after] = (await overview({ tenantId: '321281' })).letters;
    expect(after).toMatchObject({ id: letter!.id, attempts: 3 });
    expect(after!.failedAt >= letter!.failedAt).toBe(true);
    const audit = await p.query(operator, 'audit.platform', { action: 'platform.deadLetters.redrive' });
    expect(audit.data.items[0].summary).toContain('失败 1');
  });

  it('redriven (even twice, even concurrently) the event is processed exactly once', async () => {
    broken = false;
    const before = await members(p, '321281');
    const [letter] = (await overview({ tenantId: '321281' })).letters;
    const envelope = letter!.envelope as EventEnvelope;
    const [first, second] = await Promise.all([
      p.mutate<RedriveSummary>(operator, 'platform.deadLetters.redrive', { ids: [letter!.id] }),
      p.mutate<RedriveSummary>(operator, 'platform.deadLetters.redrive', { ids: [letter!.id] }),
    ]);
    const outcomes = [first.data.results[0]!.outcome, second.data.results[0]!.outcome].sort();
    // One of them processed it; the other found it handled (duplicate) or already gone.
    expect(outcomes[1]).toBe('processed');
    expect(['duplicate', 'notFound']).toContain(outcomes[0]);
    expect((await p.mutate<RedriveSummary>(operator, 'platform.deadLetters.redrive', { ids: [letter!.id] })).data.results[0]).toMatchObject({ outcome: 'notFound' });
    // The same event through the bus once more: its consumer recognises it.
    expect(await p.bus.redeliver('rollupProjector', envelope)).toBe('duplicate');
    expect(await members(p, '321281')).toBe((before ?? 0) + 40);
    expect((await overview({ tenantId: '321281' })).letters).toEqual([]);
    expect(p.bus.redelivered).toBeGreaterThanOrEqual(2);
  });

  it('redrives all letters of a filter, and only those', async () => {
    broken = true;
    await createUnit(p, '321281', { memberCount: 5, type: 'regional', uscc: undefined });
    await p.settle();
    broken = false;
    expect((await overview()).letters.map((l) => l.tenantId).sort()).toEqual(['321281', '321282']);
    const res = await p.mutate<RedriveSummary & { remaining: number }>(operator, 'platform.deadLetters.redrive', { all: { tenantId: '321282' } });
    expect(res.data).toMatchObject({ succeeded: 1, failed: 0, remaining: 0 });
    expect((await overview()).letters.map((l) => l.tenantId)).toEqual(['321281']);
    expect(await members(p, '321282')).toBe(7);
    const audit = await p.query(operator, 'audit.platform', { action: 'platform.deadLetters.redrive' });
    expect(audit.data.items.some((a: { summary: string }) => a.summary.includes('tenantId=321282'))).toBe(true);
  });

  it('the tenant admin’s replay still works, in their own audit log; a replay that fails answers 409 with the reason', async () => {
    broken = true;
    const [letter] = (await p.query(adminOf('321281'), 'deadLetters.list', {})).data.items;
    const failed = await p.mutate(adminOf('321281'), 'deadLetters.replay', { id: letter.id });
    expect(failed.status).toBe(409);
    expect(failed.error?.message).toContain('projector unavailable');
    expect(failed.error?.data.messageEn).toContain('the consumer still fails');
    broken = false;
    const ok = await p.mutate(adminOf('321281'), 'deadLetters.replay', { id: letter.id });
    expect(ok.data).toEqual({ ok: true, outcome: 'processed' });
    const audit = await p.query(adminOf('321281'), 'audit.list', { action: 'deadLetters.replay' });
    expect(audit.data.items).toHaveLength(2);
    const missing = await p.mutate(adminOf('321281'), 'deadLetters.replay', { id: letter.id });
    expect(missing.status).toBe(404);
    expect((await p.mutate(adminOf('321281'), 'deadLetters.replay', { id: `${letter.id}/x` })).status).toBe(404);
    expect(missing.error?.data.messageEn).toContain('Dead letter not found');
  });

  it('a consumer that parks the same event again (Lambda retrying it) updates its one letter', async () => {
    broken = true;
    await createUnit(p, '321282', { memberCount: 3, type: 'regional', uscc: undefined });
    await p.settle();
    const [letter] = (await overview({ tenantId: '321282' })).letters;
    expect(await p.runtime.consumers.rollupProjector!(letter!.envelope as EventEnvelope)).toBe('dead');
    const again = (await overview({ tenantId: '321282' })).letters;
    expect(again).toHaveLength(1);
    expect(again[0]).toMatchObject({ id: letter!.id, attempts: 4 });
    broken = false;
    await p.mutate(operator, 'platform.deadLetters.redrive', { all: {} });
  });

  it('refuses bad input with a bilingual message and changes nothing', async () => {
    const both = await p.mutate(operator, 'platform.deadLetters.redrive', { ids: ['table/321281/x'], all: {} });
    expect(both.status).toBe(400);
    expect(both.error?.data.issues?.[0]).toMatchObject({ message: expect.stringContaining('二者选一'), messageEn: expect.stringContaining('not both') });
    const neither = await p.mutate(operator, 'platform.deadLetters.redrive', {});
    expect(neither.status).toBe(400);
    const malformed = await p.mutate(operator, 'platform.deadLetters.redrive', { ids: ['../../etc'] });
    expect(malformed.status).toBe(400);
    expect(malformed.error?.data.issues?.[0]).toMatchObject({ message: '死信编号格式不正确', messageEn: 'Malformed dead-letter id' });
    const badSource = await p.query(operator, 'platform.deadLetters.list', { source: 'mailbox' });
    expect(badSource.status).toBe(400);
    const unknown = await p.mutate<RedriveSummary>(operator, 'platform.deadLetters.redrive', { ids: ['table/321281/no-such-letter', 'sqs/NoSuchQueue/m-1'] });
    expect(unknown.data.results).toEqual([
      { id: 'table/321281/no-such-letter', outcome: 'notFound' },
      { id: 'sqs/NoSuchQueue/m-1', outcome: 'notFound' },
    ]);
  });

  it('keeps parked letters per owner partition (tenant-first keys)', async () => {
    broken = true;
    await createUnit(p, '321281', { memberCount: 2, type: 'regional', uscc: undefined });
    await p.settle();
    broken = false;
    const parked = await p.runtime.deps.deadLetters.listAll(tenantPrefix('321281'));
    expect(parked).toHaveLength(1);
    const view = (await overview({ tenantId: '321281' })).letters[0] as DeadLetterView;
    expect(view.id).toBe(`table/321281/${parked[0]!.id}`);
  });
});

// ── AWS: the SQS dead-letter queues, with the SQS and EventBridge clients mocked ────────────

/**
 * A stateful stand-in for SQS behind aws-sdk-client-mock: visibility timeouts, a fresh receipt
 * handle per receive (only the latest one deletes, as in SQS), approximate counts.
 */
class FakeSqs {
  private readonly queues = new Map<string, FakeMessage[]>();
  private serial = 0;

  constructor(readonly mock: AwsStub<any, any, any>) {
    mock.on(GetQueueAttributesCommand).callsFake((input: { QueueUrl: string }) => {
      const now = Date.now();
      const q = this.queue(input.QueueUrl);
      return { Attributes: { ApproximateNumberOfMessages: String(q.filter((m) => m.visibleAt <= now).length), ApproximateNumberOfMessagesNotVisible: String(q.filter((m) => m.visibleAt > now).length) } };
    });
    mock.on(ReceiveMessageCommand).callsFake((input: { QueueUrl: string; MaxNumberOfMessages?: number; VisibilityTimeout?: number }) => {
      const now = Date.now();
      const picked = this.queue(input.QueueUrl).filter((m) => m.visibleAt <= now).slice(0, input.MaxNumberOfMessages ?? 1);
      for (const m of picked) {
        m.visibleAt = now + (input.VisibilityTimeout ?? 30) * 1000;
        m.receipt = `receipt-${++this.serial}`;
        m.receives++;
      }
      return { Messages: picked.map((m) => ({ MessageId: m.id, ReceiptHandle: m.receipt, Body: m.body, MessageAttributes: m.attributes, Attributes: { SentTimestamp: String(m.sentAt), ApproximateReceiveCount: String(m.receives) } })) };
    });
    mock.on(ChangeMessageVisibilityBatchCommand).callsFake((input: { QueueUrl: string; Entries: { Id: string; ReceiptHandle: string; VisibilityTimeout: number }[] }) => {
      for (const e of input.Entries) {
        const m = this.queue(input.QueueUrl).find((x) => x.receipt === e.ReceiptHandle);
        if (m) m.visibleAt = Date.now() + e.VisibilityTimeout * 1000;
      }
      return { Successful: input.Entries.map((e) => ({ Id: e.Id })), Failed: [] };
    });
    mock.on(DeleteMessageBatchCommand).callsFake((input: { QueueUrl: string; Entries: { Id: string; ReceiptHandle: string }[] }) => {
      const q = this.queue(input.QueueUrl);
      for (const e of input.Entries) {
        const i = q.findIndex((m) => m.receipt === e.ReceiptHandle);
        if (i >= 0) q.splice(i, 1);
      }
      return { Successful: input.Entries.map((e) => ({ Id: e.Id })), Failed: [] };
    });
  }

  private queue(url: string): FakeMessage[] {
    if (!this.queues.has(url)) this.queues.set(url, []);
    return this.queues.get(url)!;
  }

  send(url: string, body: unknown, attributes?: Record<string, string>): string {
    const id = `msg-${++this.serial}`;
    this.queue(url).push({
      id,
      body: typeof body === 'string' ? body : JSON.stringify(body),
      attributes: attributes && Object.fromEntries(Object.entries(attributes).map(([k, v]) => [k, { DataType: 'String', StringValue: v }])),
      sentAt: Date.now(),
      visibleAt: 0,
      receives: 0,
    });
    return id;
  }

  /** Messages in a queue, and whether each is visible now. */
  held(url: string): { id: string; visible: boolean }[] {
    return this.queue(url).map((m) => ({ id: m.id, visible: m.visibleAt <= Date.now() }));
  }
}

interface FakeMessage {
  id: string;
  body: string;
  attributes?: Record<string, { DataType: string; StringValue: string }>;
  sentAt: number;
  visibleAt: number;
  receipt?: string;
  receives: number;
}

const QUEUE = (key: string) => `https://sqs.cn-northwest-1.amazonaws.com.cn/123456789012/ufp-test-${key}`;
const queues: DeadLetterQueueConfig[] = [
  { key: 'RollupProjectorRuleDlq', url: QUEUE('RollupProjectorRuleDlq'), source: 'rule', target: 'rollup-projector' },
  { key: 'OutboxPipeDlq', url: QUEUE('OutboxPipeDlq'), source: 'pipe', target: 'ufp-test-outbox' },
  { key: 'RollupProjectorFailureQueue', url: QUEUE('RollupProjectorFailureQueue'), source: 'consumer', target: 'rollupProjector' },
  { key: 'RollupProjectorIntakeDlq', url: QUEUE('RollupProjectorIntakeDlq'), source: 'consumer', target: 'rollupProjector' },
  { key: 'DailyTickDlq', url: QUEUE('DailyTickDlq'), source: 'schedule', target: 'daily-tick' },
];
const RULE_ARN = 'arn:aws-cn:events:cn-northwest-1:123456789012:rule/ufp-test-bus/ufp-test-rollup-projector';

/** The event as EventBridge delivers it to a target (the Pipe carries the envelope id in detail). */
const delivered = (envelope: EventEnvelope) => ({
  version: '0',
  id: `eb-${envelope.id}`,
  'detail-type': envelope['detail-type'],
  source: envelope.source,
  account: '123456789012',
  time: envelope.time,
  region: 'cn-northwest-1',
  resources: [],
  detail: { ...envelope.detail, envelopeId: envelope.id },
});

describe('SQS dead-letter queues and the EventBridge redrive (boundary mock: aws-sdk-client-mock for SQSClient and EventBridgeClient)', () => {
  let p: TestPlatform;
  let sqs: FakeSqs;
  let eb: AwsStub<any, any, any>;
  let broken = false;
  /** What the mocked EventBridge refuses (by detail-type), as PutEvents reports it per entry. */
  const refuse = new Set<string>();
  let streamReader: DynamoStreamRecordReader | undefined;
  const streams = new DynamoDBStreamsClient({ endpoint: process.env.DDB_ENDPOINT, region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  let streamArn = '';

  beforeAll(async () => {
    const sqsClient = new SQSClient({ region: 'cn-northwest-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
    const ebClient = new EventBridgeClient({ region: 'cn-northwest-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
    sqs = new FakeSqs(mockClient(sqsClient));
    eb = mockClient(ebClient);
    // The mocked EventBridge routes what it accepts to the local bus, as the real bus would to the consumers.
    eb.on(PutEventsCommand).callsFake(async (input: { Entries: { Source: string; DetailType: string; Time: Date; Detail: string; EventBusName: string }[] }) => {
      const entries = [];
      for (const [i, e] of input.Entries.entries()) {
        if (refuse.has(e.DetailType)) {
          entries.push({ ErrorCode: 'InternalFailure', ErrorMessage: 'mocked refusal' });
          continue;
        }
        await p.bus.publish(toEnvelope({ id: `eb-${i}`, source: e.Source, 'detail-type': e.DetailType, time: e.Time.toISOString(), detail: JSON.parse(e.Detail) }));
        entries.push({ EventId: `eb-${i}` });
      }
      return { FailedEntryCount: entries.filter((e) => 'ErrorCode' in e).length, Entries: entries };
    });
    p = await startTestPlatform({
      retryPolicy: { attempts: 2, baseDelayMs: 5 },
      consumerOverrides: {
        rollupProjector: async (envelope, effects) => {
          if (broken) throw new Error('projector unavailable');
          return rollupProjector(p.runtime.deps.table)(envelope, effects);
        },
      },
      queuedDeadLetters: [
        new SqsDeadLetterSource({
          queues,
          region: 'cn-northwest-1',
          client: sqsClient,
          redriver: new EventBridgeRedriver({ busName: 'ufp-test', region: 'cn-northwest-1', client: ebClient }),
          streamRecords: { read: (position) => streamReader!.read(position) },
          waitSeconds: 0,
        }),
      ],
    });
    const table = await p.runtime.deps.table.doc.send(new DescribeTableCommand({ TableName: p.runtime.deps.table.name }));
    streamArn = table.Table!.LatestStreamArn!;
    streamReader = new DynamoStreamRecordReader({ streamArn, client: streams });
    await createTenant(p, '321281', '321281');
    await p.settle();
  });
  afterAll(async () => {
    streams.destroy();
    await p?.dispose();
  });

  const overview = async (filter?: object): Promise<DeadLetterOverview> => {
    const res = await p.query<DeadLetterOverview>(operator, 'platform.deadLetters.list', filter);
    expect(res.status, JSON.stringify(res.error)).toBe(200);
    return res.data;
  };
  const redrive = async (input: object): Promise<RedriveSummary> => {
    const res = await p.mutate<RedriveSummary>(operator, 'platform.deadLetters.redrive', input);
    expect(res.status, JSON.stringify(res.error)).toBe(200);
    return res.data;
  };
  /** A units event of tenant 321281 that no consumer has seen: what a rule failed to deliver. */
  const undelivered = (memberCount: number): EventEnvelope =>
    wrapEvent(
      { type: 'units.unit.created', data: { unitId: newId(), type: 'regional', memberCount, metrics: { units: 1, 'units.members': memberCount } } },
      { tenantId: '321281', divisionCode: '321281', actor: 'admin-321281', correlationId: newId(), occurredAt: new Date().toISOString() },
    );
  /** The outbox record of `pk` in the table's stream: its shard and sequence number. */
  const streamPositionOf = async (pk: string): Promise<{ shardId: string; sequenceNumber: string }> => {
    const described = await streams.send(new DescribeStreamCommand({ StreamArn: streamArn }));
    for (const shard of described.StreamDescription?.Shards ?? []) {
      let iterator = (await streams.send(new GetShardIteratorCommand({ StreamArn: streamArn, ShardId: shard.ShardId!, ShardIteratorType: 'TRIM_HORIZON' }))).ShardIterator;
      for (let i = 0; iterator && i < 50; i++) {
        const res = await streams.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: 1000 }));
        const hit = res.Records?.find((r) => r.dynamodb?.NewImage?.pk?.S === pk);
        if (hit) return { shardId: shard.ShardId!, sequenceNumber: hit.dynamodb!.SequenceNumber! };
        if (!res.Records?.length) break;
        iterator = res.NextShardIterator;
      }
    }
    throw new Error(`no stream record for ${pk}`);
  };
  /** A Pipe DLQ message: only the position of the failed batch (DDBStreamBatchInfo), never the records. */
  const pipeMessage = (shardId: string, first: string, last: string, batchSize = 1) => ({
    context: { partnerResourceArn: 'arn:aws-cn:pipes:cn-northwest-1:123456789012:pipe/ufp-test-outbox', condition: 'RetryAttemptsExhausted' },
    version: '1.0',
    timestamp: new Date().toISOString(),
    DDBStreamBatchInfo: {
      shardId,
      startSequenceNumber: first,
      endSequenceNumber: last,
      approximateArrivalOfFirstRecord: new Date().toISOString(),
      approximateArrivalOfLastRecord: new Date().toISOString(),
      batchSize,
      streamArn,
    },
  });

  it('lists a rule DLQ message (the event itself, the failure in its message attributes) with tenant, module and reason, and leaves it in the queue', async () => {
    const envelope = undelivered(11);
    const messageId = sqs.send(QUEUE('RollupProjectorRuleDlq'), delivered(envelope), {
      RULE_ARN,
      TARGET_ARN: 'arn:aws-cn:lambda:cn-northwest-1:123456789012:function:RollupProjectorConsumer',
      ERROR_CODE: 'SDK_CLIENT_ERROR',
      ERROR_MESSAGE: 'Unable to invoke Lambda function: Rate Exceeded',
      RETRY_ATTEMPTS: '185',
    });
    const view = await overview({ source: 'rule' });
    expect(view.letters).toEqual([
      expect.objectContaining({
        id: `sqs/RollupProjectorRuleDlq/${messageId}`,
        source: 'rule',
        target: 'rollup-projector',
        holder: 'RollupProjectorRuleDlq',
        tenantId: '321281',
        module: 'units',
        eventType: 'units.unit.created',
        eventId: envelope.id,
        occurredAt: envelope.detail.meta.occurredAt,
        attempts: 186,
        reason: 'SDK_CLIENT_ERROR: Unable to invoke Lambda function: Rate Exceeded',
        redrivable: true,
        envelope,
      }),
    ]);
    expect(view.counts).toContainEqual({ tenantId: '321281', module: 'units', source: 'rule', count: 1 });
    expect(view.queues).toContainEqual({ key: 'RollupProjectorRuleDlq', source: 'rule', target: 'rollup-projector', depth: 1, listed: 1 });
    // Listing deletes nothing and hides nothing: the message is back, visible.
    expect(sqs.held(QUEUE('RollupProjectorRuleDlq'))).toEqual([{ id: messageId, visible: true }]);
    expect(sqs.mock.commandCalls(DeleteMessageBatchCommand)).toHaveLength(0);
  });

  it('redrives it with PutEvents in the Pipe’s shape on the platform bus, deletes the message, and the event is processed once even if redriven twice', async () => {
    const before = (await members(p, '321281')) ?? 0;
    const [letter] = (await overview({ source: 'rule' })).letters;
    const envelope = letter!.envelope!;
    // The same failure twice in the queue (EventBridge can deliver a dead letter more than once).
    sqs.send(QUEUE('RollupProjectorRuleDlq'), delivered(envelope), { RULE_ARN, ERROR_CODE: 'SDK_CLIENT_ERROR', ERROR_MESSAGE: 'again' });
    const result = await redrive({ all: { source: 'rule' } });
    expect(result).toMatchObject({ succeeded: 2, failed: 0 });
    const put = eb.commandCalls(PutEventsCommand)[0]!.args[0].input as { Entries: { EventBusName: string; Source: string; DetailType: string; Time: Date; Detail: string }[] };
    expect(put.Entries[0]).toEqual({
      EventBusName: 'ufp-test',
      Source: 'federation.units',
      DetailType: 'units.unit.created',
      Time: new Date(envelope.time),
      Detail: JSON.stringify({ data: envelope.detail.data, meta: envelope.detail.meta, envelopeId: envelope.id }),
    });
    expect(sqs.held(QUEUE('RollupProjectorRuleDlq'))).toEqual([]);
    expect(await members(p, '321281')).toBe(before + 11);
    const audit = await p.query(operator, 'audit.platform', { action: 'platform.deadLetters.redrive' });
    expect(audit.data.items[0].summary).toContain('成功 2');
  });

  it('keeps a message whose event PutEvents refused (partial failure) in the queue, visible, and reports why; the accepted one is deleted', async () => {
    const accepted = undelivered(1);
    const refused = wrapEvent(aidGranted.create({ grantId: 'g1', fileId: 'f1', kind: 'living', amountFen: 50_000, fundSource: 'union', year: new Date().getUTCFullYear(), metrics: { 'hardship.aid.amountFen': 50_000 } }), { tenantId: '321281', divisionCode: '321281', actor: 'staff', correlationId: 'c', occurredAt: new Date().toISOString() });
    const ok = sqs.send(QUEUE('RollupProjectorRuleDlq'), delivered(accepted), { RULE_ARN, ERROR_CODE: 'THROTTLING' });
    const stays = sqs.send(QUEUE('RollupProjectorRuleDlq'), delivered(refused), { RULE_ARN, ERROR_CODE: 'THROTTLING' });
    refuse.add('hardship.aid.granted');
    try {
      const result = await redrive({ ids: [`sqs/RollupProjectorRuleDlq/${ok}`, `sqs/RollupProjectorRuleDlq/${stays}`] });
      expect(result).toMatchObject({ succeeded: 1, failed: 1 });
      expect(result.results).toContainEqual({ id: `sqs/RollupProjectorRuleDlq/${stays}`, outcome: 'failed', reason: 'InternalFailure: mocked refusal' });
      expect(result.results).toContainEqual({ id: `sqs/RollupProjectorRuleDlq/${ok}`, outcome: 'redriven' });
      expect(sqs.held(QUEUE('RollupProjectorRuleDlq'))).toEqual([{ id: stays, visible: true }]);
      const left = await overview({ source: 'rule' });
      expect(left.letters.map((l) => l.id)).toEqual([`sqs/RollupProjectorRuleDlq/${stays}`]);
      expect(left.counts).toContainEqual({ tenantId: '321281', module: 'hardship', source: 'rule', count: 1 });
    } finally {
      refuse.clear();
    }
    expect((await redrive({ all: { module: 'hardship' } })).succeeded).toBe(1);
    expect(sqs.held(QUEUE('RollupProjectorRuleDlq'))).toEqual([]);
  });

  it('reads a Pipe DLQ message’s records back from the table stream, runs the outbox enrichment on them, and puts them back', async () => {
    const unit = await createUnit(p, '321281', { memberCount: 9, type: 'regional', uscc: undefined });
    await p.settle();
    const before = await members(p, '321281');
    const outbox = (await outboxEnvelopes(p)).find((e) => e['detail-type'] === 'units.unit.created' && (e.detail.data as { unitId?: string }).unitId === unit.unitId)!;
    const { shardId, sequenceNumber } = await streamPositionOf(`T#321281#OUTBOX#${outbox.id}`);
    const messageId = sqs.send(QUEUE('OutboxPipeDlq'), pipeMessage(shardId, sequenceNumber, sequenceNumber));

    const [letter] = (await overview({ source: 'pipe' })).letters;
    expect(letter).toMatchObject({
      id: `sqs/OutboxPipeDlq/${messageId}/${sequenceNumber}`,
      source: 'pipe',
      target: 'ufp-test-outbox',
      tenantId: '321281',
      module: 'units',
      eventType: 'units.unit.created',
      eventId: outbox.id,
      reason: 'RetryAttemptsExhausted',
      redrivable: true,
      envelope: outbox,
    });
    const calls = eb.commandCalls(PutEventsCommand).length;
    expect(await redrive({ ids: [letter!.id] })).toMatchObject({ succeeded: 1, results: [{ id: letter!.id, outcome: 'redriven' }] });
    const put = eb.commandCalls(PutEventsCommand)[calls]!.args[0].input as { Entries: { Detail: string }[] };
    expect(JSON.parse(put.Entries[0]!.Detail)).toEqual({ data: outbox.detail.data, meta: outbox.detail.meta, envelopeId: outbox.id });
    expect(sqs.held(QUEUE('OutboxPipeDlq'))).toEqual([]);
    // The relay had delivered it locally already: the consumers recognised the redriven copy.
    expect(await members(p, '321281')).toBe(before);
  });

  it('shows a Pipe letter whose envelope the enrichment cannot read, or whose records the stream no longer holds, as not redrivable, and keeps it', async () => {
    const { DeleteCommand, PutCommand } = await import('@aws-sdk/lib-dynamodb');
    const { table } = p.runtime.deps;
    await table.doc.send(new PutCommand({ TableName: table.name, Item: { pk: 'T#321281#OUTBOX#poison', sk: 'EVENT', kind: 'event', envelope: '{"id":"poison"}' } }));
    const poison = await streamPositionOf('T#321281#OUTBOX#poison');
    // Its stream record stays; the item itself would keep settle() waiting for a delivery that never comes.
    await table.doc.send(new DeleteCommand({ TableName: table.name, Key: { pk: 'T#321281#OUTBOX#poison', sk: 'EVENT' } }));
    const unreadable = sqs.send(QUEUE('OutboxPipeDlq'), pipeMessage(poison.shardId, poison.sequenceNumber, poison.sequenceNumber));
    const expired = sqs.send(QUEUE('OutboxPipeDlq'), pipeMessage('shardId-00000000000000000000-gone', '000000000000000000100', '000000000000000000200'));

    const letters = (await overview({ source: 'pipe' })).letters;
    const bad = letters.find((l) => l.id.startsWith(`sqs/OutboxPipeDlq/${unreadable}/`))!;
    expect(bad).toMatchObject({ redrivable: false, tenantId: null, eventType: null, envelope: null });
    expect(bad.reason).toContain('malformed event envelope');
    const gone = letters.find((l) => l.id === `sqs/OutboxPipeDlq/${expired}`)!;
    expect(gone).toMatchObject({ redrivable: false });
    expect(gone.reason).toContain('no longer holds the records');

    const result = await redrive({ ids: [bad.id, gone.id] });
    expect(result.results.map((r) => r.outcome)).toEqual(['notRedrivable', 'notRedrivable']);
    expect(result.skipped).toBe(2);
    expect(sqs.held(QUEUE('OutboxPipeDlq')).map((m) => m.id).sort()).toEqual([unreadable, expired].sort());
    expect((await redrive({ all: { source: 'pipe' } })).results).toEqual([]); // "all" takes the redrivable ones only
  });

  it('shows a consumer failure once although AWS holds it twice (parked, and in the function’s failure queue), and clears both with one redrive', async () => {
    broken = true;
    await createUnit(p, '321281', { memberCount: 4, type: 'regional', uscc: undefined });
    await p.settle();
    const [parked] = (await overview({ source: 'consumer' })).letters;
    // After Lambda's retries, the invocation record of the same event in the consumer's failure queue.
    const copy = sqs.send(QUEUE('RollupProjectorFailureQueue'), {
      version: '1.0',
      timestamp: new Date().toISOString(),
      requestContext: { requestId: 'r-1', functionArn: 'arn:aws-cn:lambda:cn-northwest-1:123456789012:function:RollupProjectorConsumer:$LATEST', condition: 'RetriesExhausted', approximateInvokeCount: 3 },
      requestPayload: delivered(parked!.envelope!),
      responseContext: { statusCode: 200, executedVersion: '$LATEST', functionError: 'Unhandled' },
      responsePayload: { errorType: 'Error', errorMessage: `rollupProjector: event ${parked!.eventId} (units.unit.created) was dead-lettered after its retries` },
    });
    const view = await overview({ source: 'consumer' });
    expect(view.letters).toHaveLength(1);
    expect(view.letters[0]).toMatchObject({ id: parked!.id, holder: 'table', copies: [`sqs/RollupProjectorFailureQueue/${copy}`] });
    expect(view.counts).toContainEqual({ tenantId: '321281', module: 'units', source: 'consumer', count: 1 });

    broken = false;
    const before = (await members(p, '321281')) ?? 0;
    const result = await redrive({ ids: [parked!.id] });
    expect(result.results).toEqual([
      { id: parked!.id, outcome: 'processed' },
      { id: `sqs/RollupProjectorFailureQueue/${copy}`, outcome: 'redriven', copyOf: parked!.id },
    ]);
    expect(result).toMatchObject({ succeeded: 1, failed: 0 });
    expect(sqs.held(QUEUE('RollupProjectorFailureQueue'))).toEqual([]);
    expect(await members(p, '321281')).toBe(before + 4);
    expect((await overview({ source: 'consumer' })).letters).toEqual([]);
  });

  it('shows an event the projector’s intake queue gave up on (its DLQ holds the event itself) once with its parked twin, and clears both with one redrive', async () => {
    broken = true;
    await createUnit(p, '321281', { memberCount: 6, type: 'regional', uscc: undefined });
    await p.settle();
    const [parked] = (await overview({ source: 'consumer' })).letters;
    // The function answered the message as failed on each receive; SQS moved it, unchanged, to the intake DLQ.
    const moved = sqs.send(QUEUE('RollupProjectorIntakeDlq'), delivered(parked!.envelope!));
    const view = await overview({ source: 'consumer' });
    expect(view.letters).toHaveLength(1);
    expect(view.letters[0]).toMatchObject({ id: parked!.id, holder: 'table', copies: [`sqs/RollupProjectorIntakeDlq/${moved}`] });

    broken = false;
    const before = (await members(p, '321281')) ?? 0;
    const result = await redrive({ ids: [parked!.id] });
    expect(result.results).toEqual([
      { id: parked!.id, outcome: 'processed' },
      { id: `sqs/RollupProjectorIntakeDlq/${moved}`, outcome: 'redriven', copyOf: parked!.id },
    ]);
    expect(sqs.held(QUEUE('RollupProjectorIntakeDlq'))).toEqual([]);
    expect(await members(p, '321281')).toBe(before + 6);
  });

  it('lists an intake-DLQ message without a parked twin on its own, with the consumer and the event, redrivable', async () => {
    const envelope = undelivered(3);
    const moved = sqs.send(QUEUE('RollupProjectorIntakeDlq'), delivered(envelope));
    const view = await overview({ source: 'consumer' });
    expect(view.letters).toEqual([
      expect.objectContaining({ id: `sqs/RollupProjectorIntakeDlq/${moved}`, holder: 'RollupProjectorIntakeDlq', target: 'rollupProjector', tenantId: '321281', module: 'units', eventId: envelope.id, attempts: null, redrivable: true }),
    ]);
    expect(view.letters[0]!.reason).toContain('intake queue');
    const before = (await members(p, '321281')) ?? 0;
    expect((await redrive({ ids: [`sqs/RollupProjectorIntakeDlq/${moved}`] })).results).toEqual([{ id: `sqs/RollupProjectorIntakeDlq/${moved}`, outcome: 'redriven' }]);
    await p.settle();
    expect(await members(p, '321281')).toBe(before + 3);
  });

  it('lists a failure-queue message without a parked twin (a timeout) on its own, and counts the daily-tick DLQ without listing it', async () => {
    const envelope = undelivered(2);
    const timedOut = sqs.send(QUEUE('RollupProjectorFailureQueue'), {
      version: '1.0',
      timestamp: '2026-11-20T01:02:03.000Z',
      requestContext: { requestId: 'r-2', functionArn: 'arn:aws-cn:lambda:cn-northwest-1:123456789012:function:RollupProjectorConsumer:$LATEST', condition: 'RetriesExhausted', approximateInvokeCount: 3 },
      requestPayload: delivered(envelope),
      responseContext: { statusCode: 200, executedVersion: '$LATEST', functionError: 'Unhandled' },
      responsePayload: { errorType: 'Sandbox.Timedout', errorMessage: 'Task timed out after 60.00 seconds' },
    });
    sqs.send(QUEUE('DailyTickDlq'), { anything: true });
    const view = await overview({ source: 'consumer' });
    expect(view.letters).toEqual([
      expect.objectContaining({
        id: `sqs/RollupProjectorFailureQueue/${timedOut}`,
        holder: 'RollupProjectorFailureQueue',
        target: 'rollupProjector',
        eventId: envelope.id,
        failedAt: '2026-11-20T01:02:03.000Z',
        attempts: 3,
        reason: 'RetriesExhausted — Sandbox.Timedout: Task timed out after 60.00 seconds',
      }),
    ]);
    expect(view.queues).toContainEqual({ key: 'DailyTickDlq', source: 'schedule', target: 'daily-tick', depth: 1, listed: 0 });
    expect(JSON.stringify(view)).not.toContain('"schedule.tick"');
    expect((await redrive({ ids: [`sqs/RollupProjectorFailureQueue/${timedOut}`] })).results).toEqual([{ id: `sqs/RollupProjectorFailureQueue/${timedOut}`, outcome: 'redriven' }]);
  });
});

async function outboxEnvelopes(p: TestPlatform): Promise<EventEnvelope[]> {
  const { ScanCommand } = await import('@aws-sdk/lib-dynamodb');
  const res = await p.runtime.deps.table.doc.send(
    new ScanCommand({ TableName: p.runtime.deps.table.name, FilterExpression: 'kind = :k', ExpressionAttributeValues: { ':k': 'event' }, ConsistentRead: true }),
  );
  return (res.Items ?? []).flatMap((i) => {
    try {
      const e = JSON.parse(String(i.envelope)) as EventEnvelope;
      return e.detail ? [e] : [];
    } catch {
      return [];
    }
  });
}
