import { describe, expect, it } from 'vitest';
import { refusalOf } from '@ufp/core/errors';
import { assertCanDecide, needsApproval } from './aid.js';


describe('large grants need a second staff member (大额发放双人审批)', () => {
  it('only above the threshold, and never when none is set', () => {
    expect(needsApproval(500_000, { grantApprovalAboveFen: 500_000 })).toBe(false);
    expect(needsApproval(500_001, { grantApprovalAboveFen: 500_000 })).toBe(true);
    expect(needsApproval(1, { grantApprovalAboveFen: 0 })).toBe(true);
    expect(needsApproval(100_000_000, {})).toBe(false);
  });

  it('a pending request is decided once, by someone other than its requester', () => {
    expect(refusalOf(() => assertCanDecide({ status: 'pending', requestedBy: 'a' }, 'b'))).toBeUndefined();
    expect(refusalOf(() => assertCanDecide({ status: 'pending', requestedBy: 'a' }, 'a'))).toMatchObject({ kind: 'forbidden', text: { zh: '大额发放须由申请人以外的另一名工作人员审批' } });
    expect(refusalOf(() => assertCanDecide({ status: 'approved', requestedBy: 'a' }, 'b'))).toMatchObject({ kind: 'conflict', text: { zh: '该发放申请已批准，不能再审批' } });
    expect(refusalOf(() => assertCanDecide({ status: 'declined', requestedBy: 'a' }, 'b'))).toMatchObject({ kind: 'conflict', details: { status: 'declined' } });
  });
});
