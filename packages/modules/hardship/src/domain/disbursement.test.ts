import { describe, expect, it } from 'vitest';
import { refusalOf } from '@ufp/core/errors';
import { checkDisbursement } from './disbursement.js';

const grant = { grantedOn: '2026-03-10', bankAccountMasked: '6222 **** **** *123' };

describe('发放登记', () => {
  it('takes a payment from the grant day to today, not a day either side', () => {
    expect(() => checkDisbursement(grant, { paidOn: '2026-03-10', channel: 'bank_transfer' }, '2026-03-20')).not.toThrow();
    expect(() => checkDisbursement(grant, { paidOn: '2026-03-20', channel: 'cash' }, '2026-03-20')).not.toThrow();
    expect(refusalOf(() => checkDisbursement(grant, { paidOn: '2026-03-09', channel: 'cash' }, '2026-03-20'))).toMatchObject({ kind: 'invalid', details: { field: 'paidOn' } });
    expect(refusalOf(() => checkDisbursement(grant, { paidOn: '2026-03-21', channel: 'cash' }, '2026-03-20'))).toMatchObject({ kind: 'invalid', details: { field: 'paidOn' } });
  });

  it('pays by transfer only to an account on record', () => {
    expect(refusalOf(() => checkDisbursement({ grantedOn: '2026-03-10' }, { paidOn: '2026-03-12', channel: 'bank_transfer' }, '2026-03-20'))).toMatchObject({ details: { field: 'channel' } });
    expect(() => checkDisbursement({ grantedOn: '2026-03-10' }, { paidOn: '2026-03-12', channel: 'social_security_card' }, '2026-03-20')).not.toThrow();
  });

  it('is recorded once (409 naming the day it was paid)', () => {
    const paid = { ...grant, disbursement: { paidOn: '2026-03-12', channel: 'cash' as const, recordedBy: 's', recordedAt: '' } };
    const refusal = refusalOf(() => checkDisbursement(paid, { paidOn: '2026-03-13', channel: 'cash' }, '2026-03-20'));
    expect(refusal).toMatchObject({ kind: 'conflict', details: { reason: 'already_paid' } });
    expect(refusal?.text.zh).toContain('2026-03-12');
  });
});
