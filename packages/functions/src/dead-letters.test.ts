import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it } from 'vitest';
import type { EventEnvelope } from '@ufp/core/events';
import { queuedDeadLetters } from './composition.js';
import { readEnv } from './env.js';
import { eventBridgeDetail, toEnvelope } from './event-mapping.js';
import { EventBridgeRedriver } from './eventbridge-redriver.js';
import { parseDeadLetterQueues } from './sqs-dead-letters.js';

const envelope = (n: number): EventEnvelope => ({
  id: `01JTESTENVELOPE00000000${String(n).padStart(3, '0')}`,
  source: 'federation.units',
  'detail-type': 'units.unit.created',
  time: '2026-03-01T02:03:04.000Z',
  detail: { data: { unitId: `u${n}`, metrics: { units: 1 } }, meta: { tenantId: 't1', divisionCode: '321281', actor: 'user:1', correlationId: 'c1', occurredAt: '2026-03-01T02:03:04.000Z', v: 1 } },
});

describe('redrive in the Pipe’s shape', () => {
  it('puts the detail the Pipe’s input template builds, which consumers turn back into the same envelope', () => {
    const e = envelope(1);
    expect(eventBridgeDetail(e)).toEqual({ data: e.detail.data, meta: e.detail.meta, envelopeId: e.id });
    expect(toEnvelope({ id: 'eventbridge-assigned', source: e.source, 'detail-type': e['detail-type'], time: e.time, detail: eventBridgeDetail(e) })).toEqual(e);
  });
});

describe('EventBridge redriver (boundary mock: aws-sdk-client-mock for EventBridgeClient)', () => {
  it('sends at most 10 entries per PutEvents call and reports each entry’s outcome in order', async () => {
    const client = new EventBridgeClient({ region: 'cn-north-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' } });
    const eb = mockClient(client);
    eb.on(PutEventsCommand).callsFake((input: { Entries: { DetailType: string; Detail: string }[] }) => ({
      FailedEntryCount: 1,
      Entries: input.Entries.map((e, i) => (JSON.parse(e.Detail).envelopeId.endsWith('012') ? { ErrorCode: 'ThrottlingException', ErrorMessage: 'Rate exceeded' } : { EventId: `id-${i}` })),
    }));
    const outcomes = await new EventBridgeRedriver({ busName: 'ufp-prod', region: 'cn-north-1', client }).put(Array.from({ length: 13 }, (_, i) => envelope(i)));
    expect(eb.commandCalls(PutEventsCommand).map((c) => c.args[0].input.Entries?.length)).toEqual([10, 3]);
    expect(eb.commandCalls(PutEventsCommand)[0]!.args[0].input.Entries![0]).toMatchObject({ EventBusName: 'ufp-prod', Source: 'federation.units', DetailType: 'units.unit.created' });
    expect(outcomes).toHaveLength(13);
    expect(outcomes[12]).toEqual({ accepted: false, reason: 'ThrottlingException: Rate exceeded' });
    expect(outcomes.filter((o) => o.accepted)).toHaveLength(12);
  });

  it('reports every entry of a call that failed as a whole as refused, so nothing is deleted', async () => {
    const client = new EventBridgeClient({ region: 'cn-north-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' } });
    mockClient(client).on(PutEventsCommand).rejects(Object.assign(new Error('User is not authorized to perform: events:PutEvents'), { name: 'AccessDeniedException' }));
    const outcomes = await new EventBridgeRedriver({ busName: 'ufp-prod', region: 'cn-north-1', client }).put([envelope(1), envelope(2)]);
    expect(outcomes).toEqual([
      { accepted: false, reason: 'PutEvents failed: AccessDeniedException: User is not authorized to perform: events:PutEvents' },
      { accepted: false, reason: 'PutEvents failed: AccessDeniedException: User is not authorized to perform: events:PutEvents' },
    ]);
  });
});

describe('dead-letter queues from the environment', () => {
  const base = { AWS_REGION: 'cn-north-1', TABLE_NAME: 't', JWT_ISSUER: 'i', JWT_AUDIENCE: 'a', JWKS_URL: 'https://x/jwks' };
  const queues = JSON.stringify([{ key: 'OutboxPipeDlq', url: 'https://sqs.cn-north-1.amazonaws.com.cn/1/q', source: 'pipe', target: 'ufp-prod-outbox' }]);

  it('reads DEAD_LETTER_QUEUES into queue configs and refuses anything else', () => {
    expect(parseDeadLetterQueues(queues)).toEqual([{ key: 'OutboxPipeDlq', url: 'https://sqs.cn-north-1.amazonaws.com.cn/1/q', source: 'pipe', target: 'ufp-prod-outbox' }]);
    expect(() => parseDeadLetterQueues('{}')).toThrow(/not a JSON array/);
    expect(() => parseDeadLetterQueues('[{"key":"a/b","url":"u","source":"pipe","target":"t"}]')).toThrow(/DEAD_LETTER_QUEUES\[0\]/);
    expect(() => parseDeadLetterQueues('[{"key":"a","url":"u","source":"inbox","target":"t"}]')).toThrow(/DEAD_LETTER_QUEUES\[0\]/);
  });

  it('wires the SQS source only where the queues are given, and needs the bus and the stream with them', () => {
    expect(queuedDeadLetters(readEnv(base))).toEqual([]);
    expect(() => queuedDeadLetters(readEnv({ ...base, DEAD_LETTER_QUEUES: queues }))).toThrow(/EVENT_BUS_NAME and TABLE_STREAM_ARN/);
    const [source] = queuedDeadLetters(readEnv({ ...base, DEAD_LETTER_QUEUES: queues, EVENT_BUS_NAME: 'ufp-prod', TABLE_STREAM_ARN: 'arn:aws-cn:dynamodb:cn-north-1:1:table/t/stream/x' }));
    expect(source?.scheme).toBe('sqs');
  });
});
