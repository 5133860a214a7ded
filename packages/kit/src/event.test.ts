import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineEvent, metricFields, parseEnvelope } from './event.js';

const granted = defineEvent('hardship.aid.granted', z.object({ grantId: z.string(), amountFen: z.number().int(), ...metricFields }));
const envelope = (type: string, data: unknown) => ({ id: 'e', source: 'federation.hardship', 'detail-type': type, time: '', detail: { data: data as Record<string, unknown>, meta: { tenantId: 't', divisionCode: 'd', actor: 'a', correlationId: 'c', occurredAt: '', v: 1 } } });

describe('defineEvent', () => {
  it('creates the event the outbox stores, its data checked against the schema', () => {
    expect(granted.create({ grantId: 'g', amountFen: 100, metrics: { 'hardship.aid.grants': 1 } })).toEqual({ type: 'hardship.aid.granted', data: { grantId: 'g', amountFen: 100, metrics: { 'hardship.aid.grants': 1 } } });
  });

  it('refuses data with a key the schema does not declare (a bug, not input to strip silently)', () => {
    expect(() => granted.create({ grantId: 'g', amountFen: 1, idNumber: 'x' } as never)).toThrow(/idNumber/);
  });

  it('refuses data that does not fit (a fractional fen)', () => {
    expect(() => granted.create({ grantId: 'g', amountFen: 1.5 })).toThrow();
  });

  it('parses a delivered envelope of its type and refuses another type or a malformed payload', () => {
    expect(granted.parse(envelope('hardship.aid.granted', { grantId: 'g', amountFen: 5 })).detail.data.amountFen).toBe(5);
    expect(() => granted.parse(envelope('hardship.file.approved', { grantId: 'g', amountFen: 5 }))).toThrow(/expected hardship.aid.granted/);
    expect(() => granted.parse(envelope('hardship.aid.granted', { grantId: 'g' }))).toThrow();
  });

  it('names events <module>.<entity>.<verbPast>', () => {
    expect(() => defineEvent('granted', z.object({}))).toThrow(/<module>.<entity>.<verbPast>/);
    expect(() => defineEvent('hardship.aid-granted.x', z.object({}))).toThrow();
  });

  it('parseEnvelope picks the schema by detail-type', () => {
    const approved = defineEvent('hardship.file.approved', z.object({ fileId: z.string() }));
    const parsed = parseEnvelope([granted, approved] as const, envelope('hardship.file.approved', { fileId: 'f' }));
    expect(parsed['detail-type']).toBe('hardship.file.approved');
    expect(() => parseEnvelope([granted], envelope('contracts.contract.effective', {}))).toThrow(/no schema/);
  });
});
