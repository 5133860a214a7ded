import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ledgerColumns } from '@ufp/hardship/domain/ledger';
import { ledgerImporter, ledgerImportStepEvent } from '@ufp/hardship/service/ledger-job';
import { importKey } from '@ufp/core/imports/job';
import { runImportStep, type Importer } from '@ufp/kit/import-jobs';
import { ledgerWorkbook, queueLedgerImport, storedHardshipFiles, waitForJob } from '@ufp/testing/hardship-ledger';
import { idFrom } from '@ufp/testing/spreadsheets';
import { createTenant, createUnit, staffOf, startTestPlatform, type TestPlatform } from '@ufp/testing/platform';

let p: TestPlatform;
const A = '321281';
const B = '321282';
const UNIT = '兴化市后台导入测试工会';


async function workbook(rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('台账');
  ws.addRow(ledgerColumns.map((c) => c.zh));
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Whether the job's workbook is gone from the blob store within a few seconds (it is deleted after the job's commit). */
async function workbookGone(jobId: string): Promise<boolean> {
  for (let i = 0; i < 100; i++) {
    if (!(await p.runtime.deps.blobs!.head(importKey(A, jobId)))) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
}

beforeAll(async () => {
  p = await startTestPlatform();
  await createTenant(p, A, A);
  await createTenant(p, B, B);
  await createUnit(p, A, { type: 'regional', uscc: undefined, name: UNIT });
});
afterAll(() => p?.dispose());

// First: the other describe's 20,000-row import keeps DynamoDB Local busy for a while after it ends.
describe('a write step that dies part-way', () => {
  let q: TestPlatform;
  let failures = 0;
  beforeAll(async () => {
    // The step writes its rows, then the invocation dies before its job update commits (a timeout, a lost
    // connection): the runner delivers the step again.
    const dying: Importer = {
      check: ledgerImporter.check,
      async write(run, opts) {
        const step = await ledgerImporter.write(run, opts);
        if (failures++ === 0) throw new Error('invocation died after its writes');
        return step;
      },
    };
    q = await startTestPlatform({
      consumerOverrides: {
        hardshipLedgerImport: (envelope, effects) => {
          const { data, meta } = (envelope as any).detail;
          return runImportStep({ deps: q.runtime.deps, tenantId: meta.tenantId, divisionCode: meta.divisionCode, correlationId: meta.correlationId, jobId: data.jobId, step: data.step }, effects, dying, ledgerImportStepEvent, { stepRows: 200 });
        },
      },
    });
    await createTenant(q, A, A);
    await createUnit(q, A, { type: 'regional', uscc: undefined, name: UNIT });
  });
  afterAll(() => q?.dispose());

  it('is delivered again and counts the rows it wrote the first time as its own: nothing twice, nothing skipped', { timeout: 180_000 }, async () => {
    const queued = await queueLedgerImport(q, staffOf(A), await ledgerWorkbook(UNIT, 600), 'validRows');
    const done = await waitForJob(q, staffOf(A), queued.jobId);
    expect(failures).toBeGreaterThan(1);
    expect(done).toMatchObject({ status: 'done', written: 600, skipped: 0, errorCount: 0 });
    expect((await storedHardshipFiles(q, A)).files).toHaveLength(600);
  });
});

describe('台账 import as a background job', () => {
  it('a job is checked and written by the consumer: counts, row errors, the error report, files marked with the job; the same file again writes nothing', async () => {
    const bytes = await workbook([
      [UNIT, '甲', idFrom('32128119900101001'), '', 3, 48000, '12000', '', '失业'],
      ['没有这个工会', '乙', idFrom('32128119900102001'), '', 2, 1, 0],
      [UNIT, '丙', idFrom('32128119900101001'), '', 3, 48000, '12000', '', '失业'],
    ]);
    const queued = await queueLedgerImport(p, staffOf(A), bytes, 'validRows', '小台账.xlsx');
    expect(queued.status).toBe('queued');
    const job = await waitForJob(p, staffOf(A), queued.jobId);
    expect(job).toMatchObject({ status: 'done', total: 3, valid: 1, written: 1, skipped: 0, errorRows: 2, fileName: '小台账.xlsx', progress: 1 });
    expect(job.errors.map((e: any) => e.row)).toEqual([3, 4]);
    expect(job.errors[1].message).toContain('与第2行重复');
    expect(job.key).toBeUndefined();
    // The finished job's workbook is deleted (its errors are stored with the job), right after its state committed.
    expect(await workbookGone(queued.jobId)).toBe(true);
    const report = await p.query(staffOf(A), 'hardship.ledger.jobs.errors', { jobId: queued.jobId });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(report.data.base64, 'base64') as unknown as ArrayBuffer);
    expect(wb.worksheets[0]!.rowCount).toBe(3);
    const { files } = await storedHardshipFiles(p, A);
    expect(files.filter((f) => f.importJobId === queued.jobId)).toHaveLength(1);
    const listed = await p.query(staffOf(A), 'hardship.ledger.jobs.list');
    expect(listed.data[0]).toMatchObject({ jobId: queued.jobId, status: 'done' });

    // The same file again: its valid row is recognised as already imported (by file hash and row), not written twice
    // and not reported as the person's open file.
    const rerun = await queueLedgerImport(p, staffOf(A), bytes, 'validRows', '小台账（重复上传）.xlsx');
    expect(await waitForJob(p, staffOf(A), rerun.jobId)).toMatchObject({ status: 'done', total: 3, written: 0, skipped: 1, errorRows: 2 });
    expect((await storedHardshipFiles(p, A)).files).toHaveLength(files.length);
  });

  it('all-or-nothing with an error writes nothing; an empty sheet or a file that is not a workbook fails with the reason', async () => {
    const before = (await storedHardshipFiles(p, A)).files.length;
    const bad = await queueLedgerImport(p, staffOf(A), await workbook([[UNIT, '丁', idFrom('32128119900103001'), '', 3, 48000, 0], [UNIT, '', 'x', '', 1, 1, 0]]), 'allOrNothing');
    expect(await waitForJob(p, staffOf(A), bad.jobId)).toMatchObject({ status: 'done', total: 2, written: 0, errorRows: 1 });
    expect((await storedHardshipFiles(p, A)).files).toHaveLength(before);
    const empty = await queueLedgerImport(p, staffOf(A), await workbook([]), 'validRows');
    expect(await waitForJob(p, staffOf(A), empty.jobId)).toMatchObject({ status: 'failed', failure: { zh: 'Excel 文件中没有数据行' } });
    expect(await workbookGone(empty.jobId)).toBe(true);
  });

  it('a cancelled job keeps its workbook to resume with; once it has expired, a resume is refused naming why', async () => {
    const bytes = await workbook([[UNIT, '戊', idFrom('32128119900104001'), '', 3, 48000, 0]]);
    const started = await p.mutate(staffOf(A), 'hardship.ledger.jobs.start', { fileName: '待续.xlsx', sizeBytes: bytes.length, mode: 'validRows' });
    expect(started.data.upload.headers).toEqual({ 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
    await p.runtime.app.request(started.data.upload.uploadUrl, { method: 'PUT', headers: started.data.upload.headers, body: bytes as Uint8Array<ArrayBuffer> });
    const { jobId } = started.data.job;
    await p.mutate(staffOf(A), 'hardship.ledger.jobs.cancel', { jobId });
    expect(await p.runtime.deps.blobs!.head(importKey(A, jobId))).toBeDefined();
    // Resumed, it is checked and written from the kept workbook.
    expect((await p.mutate(staffOf(A), 'hardship.ledger.jobs.resume', { jobId })).status).toBe(200);
    expect(await waitForJob(p, staffOf(A), jobId)).toMatchObject({ status: 'done', written: 1 });

    // A job cancelled while it ran, whose workbook the bucket's lifecycle rule has since expired.
    const running = await queueLedgerImport(p, staffOf(A), await ledgerWorkbook(UNIT, 2_000), 'validRows');
    await p.mutate(staffOf(A), 'hardship.ledger.jobs.cancel', { jobId: running.jobId });
    expect(await waitForJob(p, staffOf(A), running.jobId)).toMatchObject({ status: 'cancelled' });
    await p.runtime.deps.blobs!.delete(importKey(A, running.jobId));
    const refused = await p.mutate(staffOf(A), 'hardship.ledger.jobs.resume', { jobId: running.jobId });
    expect(refused.status).toBe(409);
    expect(refused.error!.message).toContain('超过保留期限（30 天）被删除');
  });

  it('refusals: queueing before the upload, a zip that is not the declared size, cancelling a finished job, resuming a running one, another federation\'s job', async () => {
    const started = await p.mutate(staffOf(A), 'hardship.ledger.jobs.start', { fileName: 'a.xlsx', sizeBytes: 100, mode: 'validRows' });
    expect(started.status).toBe(200);
    const jobId = started.data.job.jobId;
    const early = await p.mutate(staffOf(A), 'hardship.ledger.jobs.queue', { jobId });
    expect(early.status).toBe(400);
    expect(early.error!.message).toContain('文件尚未上传完成');
    const tooBig = await p.mutate(staffOf(A), 'hardship.ledger.jobs.start', { fileName: 'a.xlsx', sizeBytes: 5 * 1024 * 1024, mode: 'validRows' });
    expect(tooBig.status).toBe(400);
    expect(tooBig.error!.data.issues![0]).toMatchObject({ path: ['sizeBytes'], messageEn: expect.stringContaining('over 4 MB') });
    const cancelled = await p.mutate(staffOf(A), 'hardship.ledger.jobs.cancel', { jobId });
    expect(cancelled.data).toMatchObject({ status: 'cancelled' });

    const done = (await p.query(staffOf(A), 'hardship.ledger.jobs.list')).data.find((j: any) => j.status === 'done');
    const again = await p.mutate(staffOf(A), 'hardship.ledger.jobs.cancel', { jobId: done.jobId });
    expect(again.status).toBe(409);
    expect(again.error!.message).toContain('导入任务已完成');
    const resumeDone = await p.mutate(staffOf(A), 'hardship.ledger.jobs.resume', { jobId: done.jobId });
    expect(resumeDone.status).toBe(409);
    expect((await p.query(staffOf(B), 'hardship.ledger.jobs.get', { jobId: done.jobId })).status).toBe(404);
    expect((await p.mutate(staffOf(B), 'hardship.ledger.jobs.cancel', { jobId: done.jobId })).status).toBe(404);
  });
});
