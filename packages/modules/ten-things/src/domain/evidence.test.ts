import { describe, expect, it } from 'vitest';
import type { Evidence } from '@ufp/core/evidence/model';
import { checkAttachable, checkDownloadable, checkEvidence, completed } from './evidence.js';
import type { Item } from './model.js';

const evidence = (over: Partial<Evidence> = {}): Evidence => ({
  evidenceId: 'e1',
  tenantId: 't1',
  module: 'tenThings',
  subjectId: 'i1',
  fileName: 'photo.png',
  contentType: 'image/png',
  sizeBytes: 10,
  key: 't1/evidence/e1',
  status: 'ready',
  uploadedBy: 'u',
  version: 1,
  createdAt: 'x',
  updatedAt: 'x',
  ...over,
});
const item = { itemId: 'i1' } as Item;

describe('evidence rules', () => {
  it('attaches ready, unattached files of the item, naming the one at fault', () => {
    expect(checkAttachable(item, [evidence()])).toHaveLength(1);
    expect(() => checkAttachable(item, [evidence(), undefined])).toThrow(expect.objectContaining({ details: expect.objectContaining({ field: 'evidenceIds.1' }) }));
    expect(() => checkAttachable(item, [evidence({ subjectId: 'i2' })])).toThrow(/不属于该项目/);
    expect(() => checkAttachable(item, [evidence({ status: 'rejected' })])).toThrow(/拒收/);
    expect(() => checkAttachable(item, [evidence({ status: 'pending' })])).toThrow(/尚未上传完成/);
    expect(() => checkAttachable(item, [evidence({ entryId: 'x' })])).toThrow(/已被其他记录使用/);
  });

  it('records the verdict of an upload, and serves only checked files', () => {
    const now = new Date('2024-01-01T00:00:00.000Z');
    expect(completed(evidence({ status: 'pending' }), { ok: true }, 'v1', now)).toMatchObject({ status: 'ready', blobVersion: 'v1' });
    expect(completed(evidence({ status: 'pending' }), { ok: false, reason: 'type_mismatch' }, 'v1', now)).toMatchObject({ status: 'rejected', rejectReason: 'type_mismatch' });
    expect(() => checkDownloadable(evidence({ status: 'pending' }))).toThrow(/未通过核验/);
    expect(() => checkEvidence(undefined)).toThrow(expect.objectContaining({ kind: 'not_found' }));
  });
});
