import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ledgerWorkbook, queueLedgerImport, storedHardshipFiles, waitForJob } from '@ufp/testing/hardship-ledger';
import { createTenant, createUnit, staffOf, startTestPlatform, type TestPlatform } from '@ufp/testing/platform';

let p: TestPlatform;
const A = '321281';
const UNIT = '兴化市后台导入测试工会';


beforeAll(async () => {
  p = await startTestPlatform();
  await createTenant(p, A, A);
  await createUnit(p, A, { type: 'regional', uscc: undefined, name: UNIT });
});
afterAll(() => p?.dispose());

describe('a province-size 台账 as a background job', () => {
  it('20,000 rows: progress is stamped, a cancel halfway stops at a batch, a resume finishes without a duplicate', { timeout: 600_000 }, async () => {
    const bytes = await ledgerWorkbook(UNIT, 20_000);
    const before = (await storedHardshipFiles(p, A)).files.length;
    const queued = await queueLedgerImport(p, staffOf(A), bytes, 'validRows', '全市台账.xlsx');

    const checking = await waitForJob(p, staffOf(A), queued.jobId, (j) => j.status !== 'queued' && j.checked > 0);
    expect(checking.checked).toBeGreaterThan(0);
    const halfway = await waitForJob(p, staffOf(A), queued.jobId, (j) => j.written >= 4_000);
    expect(halfway).toMatchObject({ status: 'writing', total: 20_000, valid: 20_000 });
    expect(halfway.progress).toBeGreaterThan(0.2);
    expect(halfway.progress).toBeLessThan(1);
    const cancel = await p.mutate(staffOf(A), 'hardship.ledger.jobs.cancel', { jobId: queued.jobId });
    expect(cancel.status).toBe(200);
    const cancelled = await waitForJob(p, staffOf(A), queued.jobId);
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.written).toBeLessThan(20_000);
    const atCancel = await storedHardshipFiles(p, A);
    expect(atCancel.files.length - before).toBe(cancelled.written);

    const resumed = await p.mutate(staffOf(A), 'hardship.ledger.jobs.resume', { jobId: queued.jobId });
    expect(resumed.data).toMatchObject({ status: 'writing' });
    const done = await waitForJob(p, staffOf(A), queued.jobId);
    expect(done).toMatchObject({ status: 'done', written: 20_000, skipped: 0, errorCount: 0, progress: 1 });
    const after = await storedHardshipFiles(p, A);
    expect(after.files.length - before).toBe(20_000);
    expect(after.people).toBe(after.files.length);

  });
});
