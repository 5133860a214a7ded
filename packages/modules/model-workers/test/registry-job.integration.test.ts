import ExcelJS from 'exceljs';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryAll } from '@ufp/db/query';
import { runImportStep, type Importer } from '@ufp/kit/import-jobs';
import type { ConsumerDeps } from '@ufp/kit/module';
import { demoIdNumber } from '@ufp/kit/seed';
import { sheetBuffer } from '@ufp/kit/excel';
import type { Claims } from '@ufp/kit/auth';
import { registryColumns, MAX_REGISTRY_ROWS } from '@ufp/model-workers/domain/registry';
import { registryImporter, registryImportStepEvent } from '@ufp/model-workers/service/registry-job';
import { modelWorkerKeys } from '@ufp/model-workers/store';
import { createTenant, ok, staffOf, startTestPlatform, type TestPlatform } from '@ufp/testing/platform';

/**
 * The 劳模台账 import as a background job: started, uploaded straight to the blob store and queued as the console does
 * it, then checked and written by the `modelWorkersRegistryImport` consumer in steps.
 */

const A = '321281';
const B = '321282';
const header = registryColumns.map((c) => c.zh);
const broken = (id: string) => id.slice(0, 17) + (id.endsWith('0') ? '1' : '0');

type Row = (string | number | null)[];
const person = (name: string, id: string, honour?: [string, number, string]): Row => [name, id, '汉族', '群众', '大专', '一线工人', '否', '技师', '电工', '兴化机械厂', null, ...(honour ?? [null, null, null]), null];

const workbook = (rows: Row[]) => sheetBuffer('劳模台账', header, rows);

async function queueImport(p: TestPlatform, who: Claims, bytes: Uint8Array, mode: 'allOrNothing' | 'validRows', fileName = '劳模台账.xlsx') {
  const started = await ok(p.mutate(who, 'modelWorkers.registry.importJobs.start', { fileName, sizeBytes: bytes.length, mode }));
  const put = await p.runtime.app.request(started.upload.uploadUrl, { method: 'PUT', headers: started.upload.headers, body: bytes as Uint8Array<ArrayBuffer> });
  if (put.status !== 200) throw new Error(`PUT: ${put.status}`);
  return ok<{ jobId: string; status: string }>(p.mutate(who, 'modelWorkers.registry.importJobs.queue', { jobId: started.job.jobId }));
}

async function waitForJob(p: TestPlatform, who: Claims, jobId: string, done: (job: any) => boolean = (j) => ['done', 'cancelled', 'failed'].includes(j.status)) {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const job = await ok(p.query(who, 'modelWorkers.registry.importJobs.get', { jobId }));
    if (done(job)) return job;
    if (Date.now() > deadline) throw new Error(`job ${jobId} still ${job.status}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The tenant's records read straight from the table: how many, and every honour as `personId code year`. */
async function stored(p: TestPlatform, tenantId: string) {
  const people = await queryAll<{ personId: string; idIndex: string; honours: { code: string; year: number }[] }>(p.runtime.deps.table, {
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': modelWorkerKeys.personPartition(tenantId) },
  });
  return { people: people.length, distinctPeople: new Set(people.map((x) => x.idIndex)).size, honours: people.flatMap((x) => x.honours.map((h) => `${x.personId} ${h.code} ${h.year}`)) };
}

const noDuplicates = (s: Awaited<ReturnType<typeof stored>>) => {
  expect(s.distinctPeople).toBe(s.people);
  expect(new Set(s.honours).size).toBe(s.honours.length);
};

describe('劳模台账 import as a background job', () => {
  let p: TestPlatform;
  beforeAll(async () => {
    p = await startTestPlatform();
    p.clock.set(new Date('2026-05-10T02:00:00Z'));
    await createTenant(p, A, A);
    await createTenant(p, B, B);
  });
  afterAll(() => p?.dispose());

  const wang = demoIdNumber('321281', '19680312', 11);
  const li = demoIdNumber('321281', '19750822', 12);
  const rows: Row[] = [
    person('王后台', wang, ['省部级劳动模范', 2020, '江苏省人民政府']),
    person('李后台', broken(li), ['市级劳动模范', 2021, '泰州市人民政府']),
    person('王后台', wang, ['市级劳动模范', 2015, '泰州市人民政府']),
    person('赵后台', demoIdNumber('321281', '19800101', 13)),
  ];

  it('checks and writes a workbook: the bad row in the error report with its Excel row number, a second honour row merged into the same record', async () => {
    const bytes = await workbook(rows);
    const queued = await queueImport(p, staffOf(A), bytes, 'validRows', '后台台账.xlsx');
    expect(queued.status).toBe('queued');
    const job = await waitForJob(p, staffOf(A), queued.jobId);
    expect(job).toMatchObject({ status: 'done', total: 4, valid: 3, written: 3, skipped: 0, errorRows: 1, errorCount: 1, fileName: '后台台账.xlsx', progress: 1 });
    expect(job.errors).toEqual([expect.objectContaining({ row: 3, field: 'idNumber', message: expect.stringMatching(/^第3行：/), messageEn: expect.stringMatching(/^Row 3: /) })]);
    expect(JSON.stringify(job.errors)).not.toContain(li.slice(0, 10));
    expect(job.key).toBeUndefined();

    const report = await ok(p.query(staffOf(A), 'modelWorkers.registry.importJobs.errors', { jobId: queued.jobId }));
    expect(report.fileName).toBe('劳模台账导入错误报告.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(report.base64, 'base64') as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    expect(sheet.rowCount).toBe(2);
    expect((sheet.getRow(2).values as unknown[]).slice(1, 3)).toEqual([3, '身份证号']);

    // Two honour rows of 王 are one record with both honours; 赵's row (no honour) is a record without one.
    const wangRecord = (await ok(p.query(staffOf(A), 'modelWorkers.people.list', { q: wang }))).items;
    expect(wangRecord).toHaveLength(1);
    expect(wangRecord[0].honours.map((h: any) => h.year)).toEqual([2020, 2015]);
    const s = await stored(p, A);
    expect(s.people).toBe(2);
    expect(s.honours).toHaveLength(2);
    noDuplicates(s);

    const listed = await ok(p.query(staffOf(A), 'modelWorkers.registry.importJobs.list'));
    expect(listed[0]).toMatchObject({ jobId: queued.jobId, status: 'done' });
  });

  it('answers the rows the same way as the in-request import (the same check and writes)', async () => {
    const bytes = await workbook(rows);
    const inRequest = await ok(p.mutate(staffOf(B), 'modelWorkers.registry.import', { fileBase64: bytes.toString('base64'), mode: 'validRows' }));
    const job = await ok(p.query(staffOf(A), 'modelWorkers.registry.importJobs.list'));
    const first = job.find((j: any) => j.fileName === '后台台账.xlsx');
    // The messages name the row, not the tenant: the same words in both.
    expect(inRequest.errors).toEqual(first.errors);
    expect(inRequest.rows.filter((r: any) => r.outcome !== 'skipped')).toHaveLength(first.written);
    expect(inRequest).toMatchObject({ total: first.total, created: 2, honoursAdded: 2, skipped: 0 });
  });

  it('the same file imported again skips every row: no second record, no second honour', async () => {
    const before = await stored(p, A);
    const again = await queueImport(p, staffOf(A), await workbook(rows), 'validRows', '后台台账（重复上传）.xlsx');
    expect(await waitForJob(p, staffOf(A), again.jobId)).toMatchObject({ status: 'done', total: 4, valid: 3, written: 0, skipped: 3, errorRows: 1 });
    expect(await stored(p, A)).toEqual(before);
  });

  it('all-or-nothing with an error writes nothing', async () => {
    const before = await stored(p, A);
    const strict = await queueImport(p, staffOf(A), await workbook([person('钱后台', demoIdNumber('321281', '19790101', 14), ['市工匠', 2024, '泰州市总工会']), rows[1]!]), 'allOrNothing');
    expect(await waitForJob(p, staffOf(A), strict.jobId)).toMatchObject({ status: 'done', total: 2, valid: 1, written: 0, errorRows: 1 });
    expect(await stored(p, A)).toEqual(before);
  });

  it(`more than ${MAX_REGISTRY_ROWS} rows, an empty sheet, a file that is not a workbook: the job fails with the reason in both languages`, async () => {
    const many = await sheetBuffer('劳模台账', header, (function* () {
      for (let i = 0; i <= MAX_REGISTRY_ROWS; i++) yield [`人${i}`, '1'];
    })());
    const tooMany = await queueImport(p, staffOf(A), many, 'validRows');
    expect(await waitForJob(p, staffOf(A), tooMany.jobId)).toMatchObject({ status: 'failed', failure: { zh: `单次最多导入 ${MAX_REGISTRY_ROWS} 行`, en: `At most ${MAX_REGISTRY_ROWS} rows per import` }, written: 0 });
    const empty = await queueImport(p, staffOf(A), await workbook([]), 'validRows');
    expect(await waitForJob(p, staffOf(A), empty.jobId)).toMatchObject({ status: 'failed', failure: { zh: 'Excel 文件中没有数据行', en: 'The workbook has no data rows' } });
    const notXlsx = Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(200, 1)]);
    const damaged = await queueImport(p, staffOf(A), notXlsx, 'validRows');
    const failed = await waitForJob(p, staffOf(A), damaged.jobId);
    expect(failed.status).toBe('failed');
    expect(failed.failure.zh).toMatch(/[\u4e00-\u9fff]/);
    expect(failed.failure.en).toMatch(/[A-Za-z]/);
  });

  it("refuses another federation's job, a cancel of a finished job and an oversized file", async () => {
    const done = (await ok(p.query(staffOf(A), 'modelWorkers.registry.importJobs.list'))).find((j: any) => j.status === 'done');
    expect((await p.query(staffOf(B), 'modelWorkers.registry.importJobs.get', { jobId: done.jobId })).status).toBe(404);
    expect((await p.mutate(staffOf(B), 'modelWorkers.registry.importJobs.cancel', { jobId: done.jobId })).status).toBe(404);
    const again = await p.mutate(staffOf(A), 'modelWorkers.registry.importJobs.cancel', { jobId: done.jobId });
    expect(again.status).toBe(409);
    const tooBig = await p.mutate(staffOf(A), 'modelWorkers.registry.importJobs.start', { fileName: 'a.xlsx', sizeBytes: 3 * 1024 * 1024, mode: 'validRows' });
    expect(tooBig.status).toBe(400);
    expect(tooBig.error!.data.issues![0]).toMatchObject({ path: ['sizeBytes'], messageEn: expect.stringContaining('over 2 MB') });
  });
});

describe('steps of a registry import job: cancelled and resumed, or dying part-way', () => {
  let q: TestPlatform;
  /** The first write step waits here (after its rows are written) until the test lets it end. */
  let gate: { reached: () => void; release: Promise<void> } | undefined;
  /** The write that dies once, before its transaction commits (the invocation times out, the connection drops). */
  let dieAt: string | undefined;

  const gated: Importer = {
    check: registryImporter.check,
    async write(run, opts) {
      const step = await registryImporter.write(run, opts);
      const g = gate;
      gate = undefined;
      if (g) {
        g.reached();
        await g.release;
      }
      return step;
    },
  };

  /** The platform's deps, with a table that fails the transaction naming `dieAt` once. */
  const dyingDeps = (deps: ConsumerDeps): ConsumerDeps => ({
    ...deps,
    table: {
      name: deps.table.name,
      doc: {
        send: ((command: unknown) => {
          if (dieAt && command instanceof TransactWriteCommand && JSON.stringify(command.input).includes(dieAt)) {
            dieAt = undefined;
            return Promise.reject(new Error('the invocation died before its transaction committed'));
          }
          return deps.table.doc.send(command as never);
        }) as typeof deps.table.doc.send,
      } as typeof deps.table.doc,
    },
  });

  beforeAll(async () => {
    q = await startTestPlatform({
      consumerOverrides: {
        modelWorkersRegistryImport: (envelope, effects) => {
          const { data, meta } = (envelope as any).detail;
          return runImportStep(
            { deps: dyingDeps(q.runtime.deps), tenantId: meta.tenantId, divisionCode: meta.divisionCode, correlationId: meta.correlationId, jobId: data.jobId, step: data.step },
            effects,
            gated,
            registryImportStepEvent,
            { stepRows: 3 },
          );
        },
      },
    });
    q.clock.set(new Date('2026-05-10T02:00:00Z'));
    await createTenant(q, A, A);
  });
  afterAll(() => q?.dispose());

  it('cancelled halfway, then resumed: it carries on after the last written row and writes nothing twice', async () => {
    // Eight people; the sixth has a second honour row (row 8), after the cancel.
    const ids = Array.from({ length: 8 }, (_, i) => demoIdNumber('321281', `1970010${(i % 9) + 1}`, 20 + i));
    const rows: Row[] = ids.map((id, i) => person(`甲${i}`, id, ['市级劳动模范', 2010 + i, '泰州市人民政府']));
    rows.splice(6, 0, person('甲5', ids[5]!, ['省部级劳动模范', 2022, '江苏省人民政府']));
    let reached!: () => void;
    const atGate = new Promise<void>((r) => (reached = r));
    let release!: () => void;
    gate = { reached, release: new Promise<void>((r) => (release = r)) };

    const queued = await queueImport(q, staffOf(A), await workbook(rows), 'validRows');
    await atGate;
    const cancelling = await ok(q.mutate(staffOf(A), 'modelWorkers.registry.importJobs.cancel', { jobId: queued.jobId }));
    expect(cancelling).toMatchObject({ status: 'writing', cancelRequested: true });
    release();
    const cancelled = await waitForJob(q, staffOf(A), queued.jobId);
    expect(cancelled).toMatchObject({ status: 'cancelled', total: 9, valid: 9, written: 3, cursor: 4 });
    const atCancel = await stored(q, A);
    expect(atCancel.people).toBe(3);
    expect(atCancel.honours).toHaveLength(3);

    expect(await ok(q.mutate(staffOf(A), 'modelWorkers.registry.importJobs.resume', { jobId: queued.jobId }))).toMatchObject({ status: 'writing' });
    expect(await waitForJob(q, staffOf(A), queued.jobId)).toMatchObject({ status: 'done', written: 9, skipped: 0, errorCount: 0, progress: 1 });
    const after = await stored(q, A);
    expect(after.people).toBe(8);
    expect(after.honours).toHaveLength(9);
    noDuplicates(after);

    // The same file again: every row skipped.
    const again = await queueImport(q, staffOf(A), await workbook(rows), 'validRows');
    expect(await waitForJob(q, staffOf(A), again.jobId)).toMatchObject({ status: 'done', written: 0, skipped: 9 });
    expect(await stored(q, A)).toEqual(after);
  });

  it('a step that dies between a record and its honour is delivered again and counts the rows it wrote as its own: nothing twice, nothing skipped', async () => {
    const [x, y, z] = [demoIdNumber('321281', '19660101', 41), demoIdNumber('321281', '19660102', 42), demoIdNumber('321281', '19660103', 43)];
    const rows: Row[] = [
      person('乙一', x, ['市级劳动模范', 2011, '泰州市人民政府']),
      person('乙一', x, ['市工匠', 2023, '泰州市总工会']),
      person('乙二', y, ['市级劳动模范', 2012, '泰州市人民政府']),
    ];
    const before = await stored(q, A);
    // Row 4 (乙二) is written as a record, then the step dies as it adds the honour; 乙一's rows were written whole.
    dieAt = '#4#honour';
    const queued = await queueImport(q, staffOf(A), await workbook([...rows, person('乙三', z)]), 'validRows', '会中断.xlsx');
    const done = await waitForJob(q, staffOf(A), queued.jobId);
    expect(dieAt).toBeUndefined();
    expect(done).toMatchObject({ status: 'done', total: 4, written: 4, skipped: 0, errorCount: 0 });
    const after = await stored(q, A);
    expect(after.people - before.people).toBe(3);
    expect(after.honours.length - before.honours.length).toBe(3);
    noDuplicates(after);
  });
});
