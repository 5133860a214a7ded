import { describe, expect, it } from 'vitest';
import { refusalOf } from '../errors.js';
import {
  assertCanCancel,
  assertCanQueue,
  assertCanResume,
  assertWorkbookStored,
  checkImportUpload,
  IMPORT_KEY_PATTERN,
  importedRowId,
  importKey,
  importProgress,
  resumedStatus,
  statusAfterCheck,
  type ImportJobStatus,
} from './job.js';

const statuses: ImportJobStatus[] = ['awaiting_upload', 'queued', 'checking', 'writing', 'cancelled', 'done', 'failed'];

describe('import job rules', () => {
  it('a resume needs the workbook: refused as never uploaded before the job was queued, as expired after', () => {
    expect(refusalOf(() => assertWorkbookStored({ step: 3, sizeBytes: 10 }, true))).toBeUndefined();
    expect(refusalOf(() => assertWorkbookStored({ step: 0, sizeBytes: 10 }, false))).toMatchObject({ kind: 'invalid', text: { zh: '文件尚未上传完成，请重新上传' } });
    const expired = refusalOf(() => assertWorkbookStored({ step: 1, sizeBytes: 10 }, false));
    expect(expired).toMatchObject({ kind: 'conflict', details: { reason: 'workbook_expired' } });
    expect(expired?.text.zh).toContain('超过保留期限（30 天）');
  });

  it('a job is queued once, only while it awaits its upload', () => {
    for (const status of statuses) {
      const e = refusalOf(() => assertCanQueue({ status }));
      if (status === 'awaiting_upload') expect(e).toBeUndefined();
      else expect(e).toMatchObject({ kind: 'conflict', details: { status } });
    }
  });

  it('cancel: while awaiting its upload or running, once; never after it ended', () => {
    for (const status of statuses) {
      const e = refusalOf(() => assertCanCancel({ status }));
      if (['awaiting_upload', 'queued', 'checking', 'writing'].includes(status)) expect(e).toBeUndefined();
      else expect(e?.text.zh).toMatch(/^导入任务(已取消|已完成|失败)，无法取消$/);
    }
    expect(refusalOf(() => assertCanCancel({ status: 'writing', cancelRequested: true }))?.text.zh).toBe('已请求取消，正在停止');
  });

  it('resume: only a cancelled job, back to writing — or to checking when its check never finished', () => {
    for (const status of statuses) expect(refusalOf(() => assertCanResume({ status })) === undefined).toBe(status === 'cancelled');
    expect(resumedStatus({ total: 20_000 })).toBe('writing');
    expect(resumedStatus({ total: 0 })).toBe('writing');
    expect(resumedStatus({})).toBe('checking');
  });

  it('the upload must be there, the declared size to the byte, and start as a zip', () => {
    const zip = Uint8Array.from([0x50, 0x4b, 3, 4]);
    expect(refusalOf(() => checkImportUpload(100, undefined))?.text.zh).toContain('尚未上传完成');
    expect(refusalOf(() => checkImportUpload(100, { sizeBytes: 99, head: zip }))?.text.en).toBe('The uploaded file has 99 bytes, 100 were declared');
    expect(refusalOf(() => checkImportUpload(100, { sizeBytes: 101, head: zip }))).toBeDefined();
    expect(refusalOf(() => checkImportUpload(4, { sizeBytes: 4, head: Uint8Array.from([0x25, 0x50, 0x44, 0x46]) }))?.text.zh).toContain('不是 Excel 工作簿');
    expect(refusalOf(() => checkImportUpload(4, { sizeBytes: 4, head: zip }))).toBeUndefined();
  });

  it('after the check: writes only when something is valid and the mode allows it', () => {
    expect(statusAfterCheck({ valid: 0, errorCount: 0, mode: 'validRows' })).toBe('done');
    expect(statusAfterCheck({ valid: 1, errorCount: 0, mode: 'allOrNothing' })).toBe('writing');
    expect(statusAfterCheck({ valid: 1, errorCount: 1, mode: 'allOrNothing' })).toBe('done');
    expect(statusAfterCheck({ valid: 1, errorCount: 1, mode: 'validRows' })).toBe('writing');
  });

  it('progress: unknown until checked, a fifth at the check, then by rows written or skipped, whole when done', () => {
    const base = { checked: 5_000, written: 0, skipped: 0 };
    expect(importProgress({ ...base, status: 'checking' })).toBeUndefined();
    expect(importProgress({ ...base, status: 'writing', total: 20_000, valid: 20_000 })).toBe(0.2);
    expect(importProgress({ ...base, status: 'writing', total: 20_000, valid: 20_000, written: 10_000 })).toBe(0.6);
    expect(importProgress({ ...base, status: 'writing', total: 20_000, valid: 10_000, written: 5_000, skipped: 5_000 })).toBe(1);
    expect(importProgress({ ...base, status: 'writing', total: 20_000, valid: 20_000, written: 10_000, stepRows: 2_500 })).toBe(0.7);
    expect(importProgress({ ...base, status: 'cancelled', total: 3, valid: 0 })).toBe(1);
    expect(importProgress({ ...base, status: 'done' })).toBe(1);
  });

  it('keys: tenant-first blob keys, and one row id per file hash and row', () => {
    expect(importKey('321281', '01JABC')).toBe('321281/imports/01JABC');
    expect(IMPORT_KEY_PATTERN.test(importKey('321281', '01JABC'))).toBe(true);
    expect(IMPORT_KEY_PATTERN.test('321281/imports/../evidence/x')).toBe(false);
    expect(IMPORT_KEY_PATTERN.test('321281/evidence/01JABC')).toBe(false);
    const hash = 'ab'.repeat(32);
    expect(importedRowId('led', hash, 2)).toBe(importedRowId('led', hash, 2));
    expect(importedRowId('led', hash, 2)).not.toBe(importedRowId('led', hash, 3));
    expect(importedRowId('led', hash, 20_001)).toMatch(/^[a-z0-9]{1,64}$/);
  });
});
