import { describe, expect, it } from 'vitest';
import { refusal } from '@ufp/testing/refusal';
import { assertConvertible, assertNoApprovalNeeded, assertNoOpenFile } from './temporary-aid.js';

describe('临时救助 without a file (no database)', () => {
  it('a person on an open file is refused (409 naming the file); nobody on one passes', () => {
    const err = refusal(() => assertNoOpenFile('01FILE'));
    expect(err).toMatchObject({ kind: 'conflict', details: { reason: 'open_file_exists', fileId: '01FILE', field: 'worker.idNumber' } });
    expect(err.text.zh).toContain('01FILE');
    expect(err.text.en).toContain('already on an open hardship file');
    expect(() => assertNoOpenFile(undefined)).not.toThrow();
  });

  it('an amount above the approval threshold needs a file; at the threshold or without one it does not', () => {
    expect(refusal(() => assertNoApprovalNeeded(100_001, { grantApprovalAboveFen: 100_000 })).details).toMatchObject({ reason: 'approval_needed', field: 'amountFen' });
    expect(() => assertNoApprovalNeeded(100_000, { grantApprovalAboveFen: 100_000 })).not.toThrow();
    expect(() => assertNoApprovalNeeded(9_999_999, {})).not.toThrow();
  });

  it('转正 happens once', () => {
    expect(() => assertConvertible({ status: 'open' })).not.toThrow();
    const err = refusal(() => assertConvertible({ status: 'converted', convertedFileId: '01F' }));
    expect(err).toMatchObject({ kind: 'conflict', details: { reason: 'already_converted', fileId: '01F' } });
    expect(err.text.en).toContain('01F');
  });
});
