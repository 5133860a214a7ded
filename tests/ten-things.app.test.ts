import { describe, expect, it } from 'vitest';
import { clientAddress } from '@ufp/api/app';
import { ruleTable } from '@ufp/api/modules';
import { linkableEventTypes } from '@ufp/ten-things/domain/targets';

// The app's side of 十件实事 (moved out of packages/modules/ten-things/test/integration.test.ts: a module does not
// import the app): the assembled rule table and the client address the public rating is keyed by.
describe('十件实事 in the app', () => {
  it('routes every linkable event type to the consumer', () => {
    const rule = ruleTable.find((r) => r.handler === 'tenThingsLinkedProgress')!;
    expect([...(rule.pattern['detail-type'] as string[])].sort()).toEqual([...linkableEventTypes].sort());
  });

  it('honours x-forwarded-for only behind trusted proxies, taking the entry the nearest one appended', () => {
    const socket = { incoming: { socket: { remoteAddress: '127.0.0.1' } } };
    expect(clientAddress(socket, '6.6.6.6', 0)).toBe('127.0.0.1');
    expect(clientAddress(socket, '6.6.6.6, 198.51.100.4', 1)).toBe('198.51.100.4');
    expect(clientAddress(socket, '6.6.6.6, 198.51.100.4, 10.0.0.2', 2)).toBe('198.51.100.4');
    expect(clientAddress({ requestContext: { http: { sourceIp: '203.0.113.1' } } }, '6.6.6.6', 1)).toBe('203.0.113.1');
    expect(clientAddress(undefined, undefined, 0)).toBeUndefined();
  });
});
