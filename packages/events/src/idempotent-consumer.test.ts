import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import type { EventEnvelope } from '@ufp/core/events';
import type { Table } from '@ufp/db/table';
import { consumeOnce } from './idempotent-consumer.js';

/**
 * DynamoDB Local serialises transactions, so it never answers TransactionConflict; AWS does when two consumers'
 * transactions touch one item at once (a province's TOTAL rollup row). The table here is a stand-in at that boundary
 * that answers what AWS would: a conflict `conflicts` times, or a marker that already exists.
 */
function tableAnswering(answers: ('conflict' | 'duplicate' | 'ok')[]): Table & { sends: number } {
  const table = {
    name: 't',
    sends: 0,
    doc: {
      send: async () => {
        const answer = answers[table.sends++] ?? 'ok';
        if (answer === 'ok') return {};
        const code = answer === 'conflict' ? 'TransactionConflict' : 'ConditionalCheckFailed';
        throw new TransactionCanceledException({ message: 'Transaction cancelled', $metadata: {}, CancellationReasons: [{ Code: code }, { Code: 'None' }] });
      },
    },
  };
  return table as unknown as Table & { sends: number };
}

const event: EventEnvelope = {
  id: 'e1',
  source: 'federation.units',
  'detail-type': 'units.unit.created',
  time: '2026-03-02T02:00:00.000Z',
  detail: { data: { metrics: { 'units.count': 1 } }, meta: { tenantId: '321281', divisionCode: '321281', actor: 'a', correlationId: 'c', occurredAt: '2026-03-02T02:00:00.000Z', v: 1 } },
};
let handled = 0;
const handler = async () => void handled++;

describe('a consumer transaction that loses to a concurrent writer', () => {
  it('is sent again, with the same effects and without running the handler again, until it goes through', async () => {
    handled = 0;
    const table = tableAnswering(['conflict', 'conflict', 'ok']);
    expect(await consumeOnce(table, 'rollupProjector', event, handler)).toBe('processed');
    expect(table.sends).toBe(3);
    expect(handled).toBe(1);
  });

  it('goes to the runner (its retries and dead letter) after six conflicts in a row', async () => {
    const table = tableAnswering(Array(6).fill('conflict'));
    await expect(consumeOnce(table, 'rollupProjector', event, handler)).rejects.toBeInstanceOf(TransactionCanceledException);
    expect(table.sends).toBe(6);
  });

  it('still answers a repeat (its marker exists) as a duplicate at once', async () => {
    const table = tableAnswering(['duplicate']);
    expect(await consumeOnce(table, 'rollupProjector', event, handler)).toBe('duplicate');
    expect(table.sends).toBe(1);
  });
});
