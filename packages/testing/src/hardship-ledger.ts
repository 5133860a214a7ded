import { ledgerColumns } from '@ufp/hardship/domain/ledger';
import { idNumberCheckCharacter } from '@ufp/core/validation/id-number';
import { sheetBuffer } from '@ufp/kit/excel';
import type { Claims } from '@ufp/kit/auth';
import { queryAll } from '@ufp/db/query';
import { tenantPrefix } from '@ufp/db/keys';
import type { TestPlatform } from './platform.js';

/**
 * A `rows`-row 台账 workbook of distinct households (written with the streaming writer). With `numericIds` the ID
 * numbers are number cells, as Excel, WPS or LibreOffice store an 18-digit ID typed into a General cell (15
 * significant digits). `bornIn` (the year in the ID numbers) keeps two workbooks' people apart.
 */
export function ledgerWorkbook(unitName: string, rows: number, opts: { numericIds?: boolean; bornIn?: number } = {}): Promise<Buffer> {
  return sheetBuffer(
    '台账',
    ledgerColumns.map((c) => c.zh),
    (function* () {
      for (let i = 0; i < rows; i++) {
        const day = String((i % 28) + 1).padStart(2, '0');
        const month = String((Math.floor(i / 28 / 1000) % 12) + 1).padStart(2, '0');
        const first17 = `321281${opts.bornIn ?? 1980}${month}${day}${String(Math.floor(i / 28) % 1000).padStart(3, '0')}`;
        const id = first17 + idNumberCheckCharacter(first17);
        yield [unitName, `职工${i}`, opts.numericIds ? Number(id.slice(0, 15) + '000') : id, '13812345678', (i % 5) + 1, 30000 + (i % 50) * 1000, 6000, '', '失业'];
      }
    })(),
  );
}

/**
 * Starts a background 台账 import the way the console does: `jobs.start` (a job and a signed PUT), the PUT straight
 * to the blob store, `jobs.queue`. Answers the queued job.
 */
export async function queueLedgerImport(p: Pick<TestPlatform, 'mutate' | 'runtime'>, who: Claims, bytes: Uint8Array, mode: 'allOrNothing' | 'validRows', fileName = '台账.xlsx') {
  const started = await p.mutate(who, 'hardship.ledger.jobs.start', { fileName, sizeBytes: bytes.length, mode });
  if (started.status !== 200) throw new Error(`jobs.start: ${started.status} ${JSON.stringify(started.error)}`);
  const { job, upload } = started.data as { job: { jobId: string }; upload: { uploadUrl: string; headers: Record<string, string> } };
  const put = await p.runtime.app.request(upload.uploadUrl, { method: 'PUT', headers: upload.headers, body: bytes as Uint8Array<ArrayBuffer> });
  if (put.status !== 200) throw new Error(`PUT: ${put.status}`);
  const queued = await p.mutate(who, 'hardship.ledger.jobs.queue', { jobId: job.jobId });
  if (queued.status !== 200) throw new Error(`jobs.queue: ${queued.status} ${JSON.stringify(queued.error)}`);
  return queued.data as { jobId: string; status: string };
}

/** Polls the job until `done(job)` (or the deadline), answering the last state seen. */
export async function waitForJob(p: Pick<TestPlatform, 'query'>, who: Claims, jobId: string, done: (job: any) => boolean = (j) => ['done', 'cancelled', 'failed'].includes(j.status), timeoutMs = 180_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await p.query(who, 'hardship.ledger.jobs.get', { jobId });
    if (res.status !== 200) throw new Error(`jobs.get: ${res.status} ${JSON.stringify(res.error)}`);
    if (done(res.data)) return res.data;
    if (Date.now() > deadline) throw new Error(`job ${jobId} still ${res.data.status} (${JSON.stringify({ checked: res.data.checked, written: res.data.written })})`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A tenant's hardship files read straight from the table (id, person index, writing job), and how many people. */
export async function storedHardshipFiles(p: Pick<TestPlatform, 'runtime'>, tenantId: string) {
  const files = await queryAll<{ fileId: string; idIndex: string; importJobId?: string }>(p.runtime.deps.table, {
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': `${tenantPrefix(tenantId)}HARDSHIP#FILE` },
    ProjectionExpression: 'fileId, idIndex, importJobId',
  });
  return { files, people: new Set(files.map((f) => f.idIndex)).size };
}
