import { describe, expect, it } from 'vitest';
import { toEnvelope } from './event-mapping.js';
import { handler as enrich } from './outbox-enrichment.js';

const envelope = {
  id: '01JTESTENVELOPE0000000000',
  source: 'federation.units',
  'detail-type': 'units.unit.registered',
  time: '2025-03-01T02:03:04.000Z',
  detail: {
    data: { unitId: 'u1', metrics: { units: 1 } },
    meta: { tenantId: 't1', divisionCode: '110101', actor: 'user:1', correlationId: 'c1', occurredAt: '2025-03-01T02:03:04.000Z', v: 1 },
  },
};

describe('outbox enrichment', () => {
  it('turns filtered stream records into their envelopes, in order', async () => {
    const record = (e: unknown) => ({ eventName: 'INSERT', dynamodb: { NewImage: { kind: { S: 'event' }, envelope: { S: JSON.stringify(e) } } } });
    const second = { ...envelope, id: '01JTESTENVELOPE0000000001' };
    await expect(enrich([record(envelope), record(second)])).resolves.toEqual([envelope, second]);
  });

  it('fails the batch on a malformed envelope so the Pipe dead-letters it', async () => {
    await expect(enrich([{ dynamodb: { NewImage: { envelope: { S: '{"id":"x"}' } } } }])).rejects.toThrow(/malformed/);
    await expect(enrich([{ dynamodb: { NewImage: {} } }])).rejects.toThrow(/without envelope/);
  });
});

describe('EventBridge event → envelope', () => {
  it('restores the envelope id the Pipe carried in detail.envelopeId and drops the carrier field', () => {
    // What the Pipe's input template puts on the bus, as EventBridge delivers it.
    const delivered = {
      version: '0',
      id: 'eventbridge-assigned-id',
      source: envelope.source,
      'detail-type': envelope['detail-type'],
      time: envelope.time,
      detail: { ...envelope.detail, envelopeId: envelope.id },
    };
    expect(toEnvelope(delivered)).toEqual(envelope);
  });

  it('falls back to the EventBridge id when no envelope id was carried', () => {
    const { id: _id, ...rest } = envelope;
    expect(toEnvelope({ ...rest, id: 'eb-id', detail: envelope.detail }).id).toBe('eb-id');
  });
});
